// Protocol tests for what the extension asks the server when it makes a factsheet or an oral
// statement: the parts to choose from, the factsheet's bytes, the statement and its speaking time.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { FactsheetResult, OralStatementResult, SpeakingTimeResult, SubmissionParts } from '../../server/src/protocol';
import { root, TestClient } from './client';

const RUSSIAN_SAMPLE = readFileSync(path.join(root, 'samples', 'kyrgyzstan-gender-joint-submission.ru.upr.md'), 'utf8');
const URI = 'file:///tmp/upr-deliverables/violence.ru.upr.md';

describe('factsheet and oral statement over LSP', function () {
  let client: TestClient;

  before(async function () {
    client = await TestClient.start({ configuration: [null] });
    await client.open(URI, RUSSIAN_SAMPLE, 1);
    await client.waitForDiagnostics(URI);
  });

  after(async function () {
    await client?.stop();
  });

  const execute = <T>(command: string, ...args: unknown[]) => client.request<T>('workspace/executeCommand', { command, arguments: args });

  it('lists the sections with their lines and the recommendations with their sections', async function () {
    const parts = await execute<SubmissionParts>('upr.submissionParts', URI);
    const violence = parts.sections.find((section) => section.title === 'III. Насилие в семье')!;
    assert.equal(RUSSIAN_SAMPLE.split('\n')[violence.startLine], '## III. Насилие в семье');
    assert.equal(violence.inRecommendations, false);
    const nested = parts.sections[violence.index + 1];
    assert.equal(nested.title, 'Рекомендации по насилию в семье');
    assert.equal(nested.inRecommendations, true);
    assert.ok(nested.startLine > violence.startLine && nested.endLine <= violence.endLine);
    assert.equal(parts.recommendations.length, 5);
    assert.match(parts.recommendations[0].text, /^Выделить в республиканском бюджете/);
    assert.equal(parts.recommendations[0].section, nested.index);
  });

  it('makes the factsheet of a section as HTML and as Word, and names the sections for an unknown title', async function () {
    const html = await execute<FactsheetResult>('upr.factsheet', URI, 'III. Насилие в семье', 'html');
    assert.ok('base64' in html, JSON.stringify(html));
    assert.equal(html.title, 'Насилие в семье');
    assert.match(Buffer.from(html.base64, 'base64').toString('utf8'), /<h2>Ключевые факты<\/h2>/);
    const word = await execute<FactsheetResult>('upr.factsheet', URI, 'Насилие в семье', 'docx');
    assert.ok('base64' in word);
    const xml = await (await JSZip.loadAsync(Buffer.from(word.base64, 'base64'))).file('word/document.xml')!.async('string');
    assert.match(xml, /Наши рекомендации/);
    const unknown = await execute<FactsheetResult>('upr.factsheet', URI, 'Здоровье', 'html');
    assert.ok('error' in unknown);
    assert.match(unknown.error, /no section "Здоровье"/);
    assert.ok(unknown.sections.includes('IV. Похищение невест и ранние браки'));
    const badFormat = await execute<FactsheetResult>('upr.factsheet', URI, 'Насилие в семье', 'pdf');
    assert.ok('error' in badFormat);
  });

  it('builds the statement from chosen parts with its speaking time, and times an edited statement', async function () {
    const parts = await execute<SubmissionParts>('upr.submissionParts', URI);
    const section = parts.sections.findIndex((candidate) => candidate.title === 'V. Участие женщин в принятии решений');
    const result = await execute<OralStatementResult>('upr.oralStatement', URI, { sections: [section], recommendations: [4], wordsPerMinute: 130, minutes: 5 });
    assert.match(result.text, /^Благодарю вас, председатель\.\n\nЯ выступаю от имени: Коалиция «Безопасность и равенство»\.\n\nРекомендация обеспечить представленность женщин/);
    assert.match(result.text, /\n1\. внести до следующих местных выборов изменения/);
    assert.ok(result.time.words > 100 && result.time.words < 250, `${result.time.words} words`);
    assert.equal(result.time.seconds, Math.round((result.time.words * 60) / 130));
    assert.equal(result.time.overLimit, false);

    const slow = await execute<SpeakingTimeResult>('upr.speakingTime', { text: result.text, wordsPerMinute: 20, minutes: 5 });
    assert.equal(slow.words, result.time.words);
    assert.equal(slow.overLimit, true);
    // A pace that is not a positive number falls back to 130 words a minute.
    assert.deepEqual(await execute<SpeakingTimeResult>('upr.speakingTime', { text: result.text, wordsPerMinute: -3, minutes: 'five' }), result.time);
    assert.equal(await execute<SpeakingTimeResult | null>('upr.speakingTime', { wordsPerMinute: 130 }), null);
    assert.ok(client.alive);
  });
});
