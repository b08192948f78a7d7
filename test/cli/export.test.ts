// `node dist/cli.js export FILE --to docx -o OUT.docx` as a separate process: the .docx is opened
// again (its XML read with jszip) and checked against the core's own analysis of the submission,
// and converted to text by LibreOffice headless to compare word counts. Run `npm run build` first.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { analyseText, type Analysis } from '../../server/src/core/analyse';
import { coverLines } from '../../server/src/core/export/docx';
import { CommandConfigs } from '../../server/src/cli/config';
import { root } from '../lsp/client';
import { assertUsageFailure, runCli, type Run } from './helpers';

const SAMPLES = path.join(root, 'samples');
const ENGLISH = path.join(SAMPLES, 'kyrgyzstan-disability-joint-submission.upr.md');
const RUSSIAN = path.join(SAMPLES, 'kyrgyzstan-gender-joint-submission.ru.upr.md');
const SOFFICE = '/usr/bin/soffice';

/** Russian, with footnotes (one cited twice), emphasis, a link, a comment and a list of members. */
const CYRILLIC_FIXTURE = `---
type: joint
state: Kyrgyzstan
cycle: 4
session: 49
language: ru
title: Право на образование детей с инвалидностью
coalition:
  name: Коалиция «Школа для всех»
  members:
    - organisation: Ассоциация родителей «Вместе»
      region: Нарын
    - organisation: Центр «Доступная среда»
      region: Ош
---

# Право на образование детей с инвалидностью

Доклад подготовлен организациями:

- Ассоциация родителей «Вместе» (Нарын);
- Центр «Доступная среда» (Ош).

## Резюме

1. Дети с инвалидностью в сельских районах **часто** не посещают школу.[^опрос] Подробнее см. [отчёт коалиции](https://example.org/report).<!-- проверить цифры -->

2. Инклюзивные классы открыты *только* в Бишкеке и Оше.[^опрос]

## Рекомендации

- Принять до 2027 года государственную программу инклюзивного образования с отдельной строкой бюджета (ЦУР 4.5).
- Обеспечить к 2026 году каждую районную школу пандусом и доступным туалетом и ежегодно публиковать их перечень (ЦУР 4.a).[^нормы]

[^опрос]: Опрос коалиции: 412 домохозяйств в четырёх областях, 2024 год.

[^нормы]: Строительные нормы для школ, редакция 2019 года.
`;

let dir: string;

function run(...args: string[]): Run {
  return runCli(args, { cwd: dir, timeout: 60000 });
}

/** The analysis `export` makes: the same configuration resolution as `check`. */
function analysisOf(file: string): Analysis {
  return analyseText(readFileSync(file, 'utf8'), new CommandConfigs().forFile(file));
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

interface WordParagraph {
  text: string;
  /** The w:numId of a Word list paragraph. */
  numId: string | undefined;
  style: string | undefined;
  footnotes: string[];
}

/** The paragraphs of a WordprocessingML part, with their text (tabs as \t) and list membership. */
function paragraphsOf(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => ({
    text: [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((match) => (match[1] === undefined ? '\t' : decodeXml(match[1]))).join(''),
    numId: /<w:numId w:val="(\d+)"\/>/.exec(inner)?.[1],
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1],
    footnotes: [...inner.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((match) => match[1]),
  }));
}

interface OpenedDocx {
  body: WordParagraph[];
  /** Footnote id to its text, without the separators Word keeps in the same part. */
  footnotes: Map<string, string>;
  custom: string;
  core: string;
  numbering: string;
}

async function openDocx(file: string): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const part = async (name: string) => {
    const entry = zip.file(name);
    assert.ok(entry, `${name} in ${path.basename(file)}`);
    return entry.async('string');
  };
  const footnotes = new Map<string, string>();
  for (const [, id, inner] of (await part('word/footnotes.xml')).matchAll(/<w:footnote (?:w:type="[^"]*" )?w:id="(-?\d+)">([\s\S]*?)<\/w:footnote>/g)) {
    if (Number(id) > 0) footnotes.set(id, paragraphsOf(inner).map(({ text }) => text).join('\n'));
  }
  return {
    body: paragraphsOf(await part('word/document.xml')),
    footnotes,
    custom: await part('docProps/custom.xml'),
    core: await part('docProps/core.xml'),
    numbering: await part('word/numbering.xml'),
  };
}

/** What a reader sees of a Markdown text, as the export writes it: markup dropped, spaces collapsed. */
const visible = (markdown: string) =>
  markdown
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Words as the project counts them (core/wordCount.ts): runs between spaces with a letter or a digit. */
const countWords = (text: string) => text.split(/[\s\u00a0]+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

function customProperty(custom: string, name: string): string | undefined {
  const match = new RegExp(`<property [^>]*name="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom);
  return match ? decodeXml(match[1]) : undefined;
}

describe('upr export', function () {
  this.timeout(60000);

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'upr-export-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the English sample in OHCHR form: co-submitters, numbers as written, footnotes, recommendations as a Word list, word count', async () => {
    const result = run('export', ENGLISH, '--to', 'docx', '-o', 'out.docx');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const analysis = analysisOf(ENGLISH);
    const { model } = analysis;
    const data = analysis.frontMatter.data;
    assert.equal(result.stdout, `out.docx: ${analysis.wordCount.words} / ${analysis.wordLimit.limit} words, ${model.paragraphs.length} numbered paragraphs, ${model.recommendations.length} recommendations, ${model.footnoteDefinitions.length} footnotes\n`);
    assert.deepEqual(readdirSync(dir), ['out.docx'], 'no temporary file is left');
    const docx = await openDocx(path.join(dir, 'out.docx'));
    const texts = docx.body.map(({ text }) => text);

    // The top: the title, then the State and session, every co-submitting organisation, the word count, before paragraph 1.
    assert.equal(docx.body[0].style, 'Title');
    assert.equal(texts[0], data.title);
    const firstNumbered = texts.findIndex((text) => text.startsWith('1.\t'));
    const top = texts.slice(0, firstNumbered).join('\n');
    assert.match(top, new RegExp(`${data.state}: cycle ${data.cycle}, session ${data.session}`));
    for (const member of data.coalition!.members!) assert.ok(texts.slice(1, firstNumbered).some((text) => text.startsWith(member.organisation!)), `${member.organisation} at the top`);
    assert.ok(texts.includes(`Word count: ${analysis.wordCount.words} (limit ${analysis.wordLimit.limit})`), 'the cover line with count and limit');

    // Paragraph numbers as written, in order, as literal text (not a Word list that could renumber them).
    const numbered = docx.body.filter(({ text }) => /^\d+\.\t/.test(text));
    assert.deepEqual(numbered.map(({ text }) => Number(/^\d+/.exec(text)![0])), model.paragraphs.map(({ number }) => number));
    assert.ok(numbered.every(({ numId }) => numId === undefined));
    model.paragraphs.forEach((paragraph, i) => {
      const source = model.text.slice(model.lines.offsetAt(paragraph.range.start), model.lines.offsetAt(paragraph.range.end));
      assert.equal(numbered[i].text, `${paragraph.number}.\t${visible(source.replace(/^\s*\d+\.\s*/, ''))}`);
    });

    // Headings with their levels.
    const headings = docx.body.filter(({ style }) => style?.startsWith('Heading'));
    assert.deepEqual(
      headings.map(({ text, style }) => [text, style]),
      model.sections.slice(1).map((section) => [section.title, `Heading${section.level}`]),
    );

    // Recommendations: one Word list, decimal, in document order.
    const listed = docx.body.filter(({ numId }) => numId !== undefined);
    assert.deepEqual(listed.map(({ text }) => text), model.recommendations.map(({ text }) => visible(text)));
    assert.equal(new Set(listed.map(({ numId }) => numId)).size, 1);
    assert.match(docx.numbering, /<w:numFmt w:val="decimal"\/>/);

    // Footnotes: real Word footnotes, cited where the Markdown cites them.
    assert.deepEqual([...docx.footnotes.values()], model.footnoteDefinitions.map(({ startOffset, endOffset }) => visible(model.text.slice(startOffset, endOffset).replace(/^\[\^[^\]]+\]:/, ''))));
    assert.deepEqual(docx.body.flatMap(({ footnotes }) => footnotes), ['1', '2']);
    assert.ok(numbered[4].footnotes.includes('1'), 'footnote 1 is cited in paragraph 5');

    // The count and limit are document properties too.
    assert.equal(customProperty(docx.custom, 'Word count'), String(analysis.wordCount.words));
    assert.equal(customProperty(docx.custom, 'Word limit'), String(analysis.wordLimit.limit));
    assert.match(docx.core, new RegExp(`<dc:description>Word count: ${analysis.wordCount.words} \\(limit ${analysis.wordLimit.limit}\\)</dc:description>`));
  });

  it('keeps Cyrillic text, footnotes cited twice and simple emphasis', async () => {
    const file = path.join(dir, 'школа.upr.md');
    writeFileSync(file, CYRILLIC_FIXTURE);
    const result = run('export', file, '--to', 'docx', '-o', 'школа.docx');
    assert.equal(result.status, 0, result.stderr);
    const docx = await openDocx(path.join(dir, 'школа.docx'));
    const texts = docx.body.map(({ text }) => text);
    assert.equal(texts[0], 'Право на образование детей с инвалидностью');
    assert.ok(texts.includes('Представляют:'));
    assert.ok(texts.includes('Ассоциация родителей «Вместе» (Нарын)'));
    assert.ok(texts.includes('Центр «Доступная среда» (Ош)'));
    assert.ok(texts.includes('1.\tДети с инвалидностью в сельских районах часто не посещают школу. Подробнее см. отчёт коалиции.'), texts.join('\n'));
    assert.deepEqual([...docx.footnotes.values()], ['Опрос коалиции: 412 домохозяйств в четырёх областях, 2024 год.', 'Строительные нормы для школ, редакция 2019 года.']);
    assert.deepEqual(docx.body.flatMap(({ footnotes }) => footnotes), ['1', '1', '2'], 'one footnote cited twice, in the order of first citation');
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'школа.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const link = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>[\s\S]*?<w:t xml:space="preserve">отчёт коалиции<\/w:t>/.exec(xml);
    assert.ok(link, 'the link is a link');
    assert.match(await zip.file('word/_rels/document.xml.rels')!.async('string'), new RegExp(`Id="${link[1]}"[^>]*Target="https://example\\.org/report"`));
    assert.match(xml, /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">часто<\/w:t><\/w:r>/, 'bold kept');
    assert.match(xml, /<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">только<\/w:t><\/w:r>/, 'italics kept');
    const bullets = docx.body.filter(({ text }) => text.startsWith('Ассоциация родителей «Вместе» (Нарын);') || text.startsWith('Центр «Доступная среда» (Ош).'));
    assert.equal(bullets.length, 2);
    assert.ok(bullets.every(({ numId }) => numId !== undefined), 'the members list stays a list');
    const recommendations = docx.body.filter(({ text }) => text.startsWith('Принять') || text.startsWith('Обеспечить'));
    assert.equal(recommendations.length, 2);
    assert.notEqual(recommendations[0].numId, bullets[0].numId, 'recommendations are their own numbered list');
  });

  for (const sample of [ENGLISH, RUSSIAN]) {
    it(`converts with LibreOffice to as many words as the project counts, within 1 % (${path.basename(sample)})`, async function () {
      this.timeout(180000);
      assert.ok(existsSync(SOFFICE), `LibreOffice at ${SOFFICE}`);
      assert.equal(run('export', sample, '--to', 'docx', '-o', 'out.docx').status, 0);
      const profile = mkdtempSync(path.join(os.tmpdir(), 'upr-soffice-'));
      try {
        const conversion = spawnSync(
          SOFFICE,
          [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, path.join(dir, 'out.docx')],
          { encoding: 'utf8', timeout: 150000, killSignal: 'SIGKILL' },
        );
        assert.equal(conversion.signal, null, `soffice ran out of time: ${conversion.stderr}`);
        assert.equal(conversion.status, 0, conversion.stderr);
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      const converted = readFileSync(path.join(dir, 'out.txt'), 'utf8');
      const analysis = analysisOf(sample);
      // LibreOffice's text filter writes what the export adds (the cover lines, the paragraph
      // numbers, the recommendations' list numbers) and leaves the footnotes out: those are read
      // from the .docx's footnotes part. Words are counted by the project's rule throughout.
      const docx = await openDocx(path.join(dir, 'out.docx'));
      const added = countWords(coverLines(analysis).join('\n')) + analysis.model.paragraphs.length + analysis.model.recommendations.length;
      const words = countWords(converted) - added + countWords([...docx.footnotes.values()].join('\n'));
      assert.ok(/Кыргыз|Kyrgyz/.test(converted));
      const ours = analysis.wordCount.words;
      assert.ok(Math.abs(words - ours) <= ours * 0.01, `LibreOffice: ${words} words, ours: ${ours}`);
    });
  }

  it('refuses a submission with errors, naming each, and writes nothing; --force exports anyway', () => {
    const broken = CYRILLIC_FIXTURE.replace('2. Инклюзивные', '4. Инклюзивные').replace('    - organisation: Центр «Доступная среда»\n      region: Ош\n', '');
    const file = path.join(dir, 'broken.upr.md');
    writeFileSync(file, broken);
    writeFileSync(path.join(dir, 'out.docx'), 'the previous export');
    const refused = run('export', 'broken.upr.md', '--to', 'docx', '-o', 'out.docx');
    assert.equal(refused.status, 1);
    assert.equal(refused.stdout, '');
    const errors = analysisOf(file).diagnostics.filter(({ severity }) => severity === 'error');
    assert.deepEqual(errors.map(({ code }) => code).sort(), ['front-matter/schema', 'numbering/gap']);
    const lines = refused.stderr.trimEnd().split('\n');
    assert.deepEqual(
      lines.slice(0, -1),
      errors.map(({ range, code, message }) => `broken.upr.md:${range.start.line + 1}:${range.start.character + 1}: error ${code}: ${message}`),
    );
    assert.equal(lines.at(-1), 'broken.upr.md: 2 errors; nothing exported (--force exports anyway)');
    assert.equal(readFileSync(path.join(dir, 'out.docx'), 'utf8'), 'the previous export');
    assert.deepEqual(readdirSync(dir).sort(), ['broken.upr.md', 'out.docx']);

    const forced = run('export', 'broken.upr.md', '--to', 'docx', '-o', 'out.docx', '--force');
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /^out\.docx: .*, exported with 2 errors\n$/);
    assert.equal(forced.stderr.trimEnd().split('\n').length, 2, 'the errors are still listed');
    assert.equal(readFileSync(path.join(dir, 'out.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('refuses a footnote marker without a definition; --force counts only the footnotes it writes', async () => {
    const undefinedMarker = CYRILLIC_FIXTURE.replace('в Бишкеке и Оше.[^опрос]', 'в Бишкеке и Оше.[^9]');
    writeFileSync(path.join(dir, 'marker.upr.md'), undefinedMarker);
    const refused = run('export', 'marker.upr.md', '--to', 'docx', '-o', 'out.docx');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^marker\.upr\.md:\d+:\d+: error footnotes\/undefined: Footnote \[\^9\] has no definition/m);
    assert.equal(existsSync(path.join(dir, 'out.docx')), false);

    const forced = run('export', 'marker.upr.md', '--to', 'docx', '-o', 'out.docx', '--force');
    assert.equal(forced.status, 0, forced.stderr);
    const { footnotes } = await openDocx(path.join(dir, 'out.docx'));
    assert.equal(footnotes.size, 2);
    assert.match(forced.stdout, /, 2 footnotes, exported with 1 error\n$/);
  });

  it('follows --config as check does: an error switched off there does not block the export', () => {
    writeFileSync(path.join(dir, 'gap.upr.md'), CYRILLIC_FIXTURE.replace('2. Инклюзивные', '4. Инклюзивные'));
    writeFileSync(path.join(dir, 'lenient.yaml'), 'rules:\n  numbering/gap: warning\n');
    assert.equal(run('export', 'gap.upr.md', '--to', 'docx', '-o', 'a.docx').status, 1);
    const result = run('export', 'gap.upr.md', '--to', 'docx', '-o', 'a.docx', '--config', 'lenient.yaml');
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(path.join(dir, 'a.docx')));
  });

  it('reports unusable input and usage with exit code 2 and writes nothing', () => {
    writeFileSync(path.join(dir, 'ok.upr.md'), CYRILLIC_FIXTURE);
    assertUsageFailure(run('export', 'ok.upr.md', '--to', 'pdf', '-o', 'out.pdf'), /^upr: unknown export format "pdf": use docx$/m);
    assertUsageFailure(run('export', 'ok.upr.md', '--to', 'docx'), /^upr: export needs -o OUT\.docx$/m);
    assertUsageFailure(run('export', '--to', 'docx', '-o', 'out.docx'), /^upr: export takes exactly one FILE$/m);
    assertUsageFailure(run('export', 'ok.upr.md', 'ok.upr.md', '-o', 'out.docx'), /^upr: export takes exactly one FILE$/m);
    assertUsageFailure(run('export', 'missing.upr.md', '-o', 'out.docx'), /^upr: missing\.upr\.md: no such file$/m);
    assertUsageFailure(run('export', 'ok.upr.md', '-o', 'nowhere/out.docx'), /^upr: nowhere\/out\.docx: no such folder nowhere$/m);
    assertUsageFailure(run('export', 'ok.upr.md', '-o', '.'), /^upr: \.: is a folder$/m);
    assertUsageFailure(run('export', 'ok.upr.md', '-o', './ok.upr.md', '--force'), /^upr: \.\/ok\.upr\.md: is an input; write the output to another file$/m);
    assert.equal(readFileSync(path.join(dir, 'ok.upr.md'), 'utf8'), CYRILLIC_FIXTURE);
    assertUsageFailure(run('check', 'ok.upr.md', '--force'), /^upr: --force is an option of export$/m);
    assertUsageFailure(run('count', 'ok.upr.md', '--to', 'docx'), /^upr: --to is an option of (?:\w+, )*export\b.*matrix\b/m);
    writeFileSync(path.join(dir, 'latin1.upr.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
    assertUsageFailure(run('export', 'latin1.upr.md', '-o', 'out.docx'), /^upr: latin1\.upr\.md: line 2 is not UTF-8 text: save the file as UTF-8$/m);
    assert.deepEqual(readdirSync(dir).sort(), ['latin1.upr.md', 'ok.upr.md']);
  });
});
