// Protocol test of what "Export submission to Word" asks the server: the open document, as the
// editor has it (unsaved changes included), written to the chosen path; its errors answered instead
// unless forced; a path that cannot be written answered as an error, with nothing left behind.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import type { ExportToWordResult } from '../../server/src/protocol';
import { root, TestClient } from './client';

const ENGLISH_SAMPLE = readFileSync(path.join(root, 'samples', 'kyrgyzstan-disability-joint-submission.upr.md'), 'utf8');

describe('upr.exportToWord over LSP', function () {
  let client: TestClient;
  let dir: string;
  let uri: string;

  before(async function () {
    dir = mkdtempSync(path.join(os.tmpdir(), 'upr-lsp-export-'));
    uri = `file://${dir}/disability.upr.md`;
    client = await TestClient.start({ configuration: [null] });
    await client.open(uri, ENGLISH_SAMPLE, 1);
    await client.waitForDiagnostics(uri);
  });

  after(async function () {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const exportTo = (target: string, force = false) =>
    client.request<ExportToWordResult>('workspace/executeCommand', { command: 'upr.exportToWord', arguments: [uri, { target, force }] });

  it('writes the open text to the chosen file and says how many words it has', async function () {
    const target = path.join(dir, 'disability.docx');
    const result = await exportTo(target);
    const analysis = analyseText(ENGLISH_SAMPLE, resolveConfig(undefined));
    assert.deepEqual(result, { written: target, words: analysis.wordCount.words, limit: analysis.wordLimit.limit });
    const xml = await (await JSZip.loadAsync(readFileSync(target))).file('word/document.xml')!.async('string');
    assert.match(xml, /Silent Bridge Association of the Deaf and Hard of Hearing \(Osh\)/);
  });

  it('answers the errors of the edited text, writes nothing, and exports when forced', async function () {
    const broken = ENGLISH_SAMPLE.replace('\n2. This submission', '\n7. This submission');
    client.clearDiagnostics();
    await client.change(uri, 2, [{ text: broken }]);
    await client.waitForDiagnostics(uri);
    const target = path.join(dir, 'broken.docx');
    const refused = await exportTo(target);
    assert.ok('errors' in refused, JSON.stringify(refused));
    const expected = analyseText(broken, resolveConfig(undefined)).diagnostics.filter(({ severity }) => severity === 'error');
    assert.ok(expected.some(({ code }) => code === 'numbering/gap'));
    assert.deepEqual(refused.errors, expected.map(({ range, code, message }) => ({ line: range.start.line, character: range.start.character, code, message })));
    assert.ok(!existsSync(target));
    const forced = await exportTo(target, true);
    assert.ok('written' in forced, JSON.stringify(forced));
    assert.ok(existsSync(target));
  });

  it('answers a target it cannot write as an error and leaves the folder as it was', async function () {
    writeFileSync(path.join(dir, 'a-file'), '');
    const before = readdirSync(dir).sort();
    const target = path.join(dir, 'a-file', 'out.docx');
    const result = await exportTo(target, true);
    assert.ok('error' in result, JSON.stringify(result));
    // Which file, and why, as the command line says it.
    assert.equal(result.error, `${target}: cannot write: a part of the path is not a folder in ${path.join(dir, 'a-file')}`);
    assert.deepEqual(readdirSync(dir).sort(), before);
  });
});
