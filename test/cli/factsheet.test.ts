// `node dist/cli.js factsheet FILE --section TITLE --to docx|html -o OUT` as a separate process on
// the samples. Run `npm run build` first. The Word files are opened again (unzipped) and their XML read.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { root } from '../lsp/client';
import { assertUsageFailure, runCli, type Run } from './helpers';

const RUSSIAN_SAMPLE = path.join(root, 'samples', 'kyrgyzstan-gender-joint-submission.ru.upr.md');
const ENGLISH_SAMPLE = path.join(root, 'samples', 'kyrgyzstan-disability-joint-submission.upr.md');
const SOFFICE = '/usr/bin/soffice';
const THEMATIC_SECTIONS: [string, string[]][] = [
  [
    ENGLISH_SAMPLE,
    [
      'III. Legal framework, legal capacity and disability assessment',
      'IV. Inclusive education',
      'V. Work, social protection and an adequate standard of living',
      'VI. Accessibility, participation and the safety of women and girls with disabilities',
    ],
  ],
  [RUSSIAN_SAMPLE, ['III. Насилие в семье', 'IV. Похищение невест и ранние браки', 'V. Участие женщин в принятии решений']],
];

let dir: string;

function run(...args: string[]): Run {
  return runCli(args, { cwd: dir });
}

/** The text of a Word file's body, its runs joined: what a reader sees, without the XML. */
async function documentText(file: string): Promise<{ xml: string; text: string; footnotes: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const footnotes = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
  const textOf = (part: string) =>
    part
      .split(/<\/w:p>/)
      .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
      .join('\n')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return { xml, text: textOf(xml), footnotes: textOf(footnotes) };
}

describe('upr factsheet', () => {
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'upr-factsheet-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a Russian factsheet as a Word file: Russian labels, the facts, the recommendations with their SDG targets, the members', async () => {
    const result = run('factsheet', RUSSIAN_SAMPLE, '--section', 'Насилие в семье', '--to', 'docx', '-o', 'violence.docx');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^violence\.docx: factsheet on "Насилие в семье", 3 key facts, 2 previous and 2 new recommendations\n$/);
    const { text } = await documentText(path.join(dir, 'violence.docx'));
    for (const label of ['ИНФОРМАЦИОННЫЙ ЛИСТОК УПО', 'Проблема', 'Ключевые факты', 'Прежние рекомендации и их выполнение', 'Наши рекомендации', 'Авторы доклада']) {
      assert.ok(text.includes(label), `label ${label}`);
    }
    assert.match(text, /^Насилие в семье$/m);
    assert.match(text, /Из 1 146 обращений 812 касались насилия в семье\./);
    assert.match(text, /A\/HRC\/15\/2, п\. 76\.60\nне оценена/);
    assert.match(text, /^Выделить в республиканском бюджете начиная с 2026 года[^\n]*10 000 жителей\.$/m);
    assert.match(text, /^Задачи ЦУР: ЦУР 5\.2 — Ликвидировать все формы насилия в отношении всех женщин и девочек/m);
    assert.match(text, /^Задачи ЦУР: ЦУР 16\.1 — /m);
    for (const member of ['Сеть кризисных центров «Новый рассвет» (Бишкек, координатор доклада)', 'Юридическая клиника для женщин «Право голоса» (Ош)', 'Ассоциация сельских женщин Таласа (Талас)', 'Молодёжная инициатива «Девочки могут» (Джалал-Абад)']) {
      assert.ok(text.includes(member), `member ${member}`);
    }
    assert.ok(text.includes('Коалиция «Безопасность и равенство»'));
    assert.deepEqual(readdirSync(dir), ['violence.docx'], 'no temporary file left');
  });

  it('makes a key fact\'s source a real Word footnote', async () => {
    const result = run('factsheet', RUSSIAN_SAMPLE, '--section', 'II. О коалиции', '--to', 'docx', '-o', 'coalition.docx');
    assert.equal(result.status, 0, result.stderr);
    const { xml, footnotes } = await documentText(path.join(dir, 'coalition.docx'));
    assert.match(xml, /<w:footnoteReference w:id="1"\/>/);
    assert.ok(footnotes.includes('Обращения учтены по единой анкете коалиции; персональные данные обезличены.'), footnotes);
  });

  it('writes a Russian factsheet as a self-contained HTML page', () => {
    const result = run('factsheet', RUSSIAN_SAMPLE, '--section', 'IV. Похищение невест и ранние браки', '--to', 'html', '-o', 'marriage.html');
    assert.equal(result.status, 0, result.stderr);
    const html = readFileSync(path.join(dir, 'marriage.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="ru">/);
    assert.match(html, /<h1>Похищение невест и ранние браки<\/h1>/);
    assert.match(html, /<h2>Ключевые факты<\/h2>/);
    assert.match(html, /<td>A\/HRC\/15\/2, п\. 76\.76<\/td><td><span class="status status-notAssessed">не оценена<\/span>/);
    assert.match(html, /<span class="target">ЦУР 5\.3<\/span> — /);
    assert.match(html, /<span class="target">ЦУР 4\.7<\/span> — /);
    assert.match(html, /Молодёжная инициатива «Девочки могут»/);
    assert.doesNotMatch(html, /<script|<link|src=/);
  });

  it('writes an English factsheet in English', async () => {
    const html = run('factsheet', ENGLISH_SAMPLE, '--section', 'Inclusive education', '--to', 'html', '-o', 'education.html');
    assert.equal(html.status, 0, html.stderr);
    const page = readFileSync(path.join(dir, 'education.html'), 'utf8');
    assert.match(page, /<html lang="en">/);
    assert.match(page, /<h2>Key facts<\/h2><ul class="facts"><li>In the coalition&#39;s survey, 31 per cent of children with disabilities/);
    assert.match(page, /A\/HRC\/15\/2, para\. 76\.106/);
    assert.match(page, /Silent Bridge Association of the Deaf and Hard of Hearing/);
    const word = run('factsheet', ENGLISH_SAMPLE, '--section', 'Inclusive education', '--to', 'docx', '-o', 'education.docx');
    assert.equal(word.status, 0, word.stderr);
    const { text } = await documentText(path.join(dir, 'education.docx'));
    assert.match(text, /^SDG targets: SDG 4\.a — Build and upgrade education facilities/m);
    assert.match(text, /^Open Door Psychosocial Support Network \(Karakol, observer\)$/m);
  });

  it('fits every thematic section of the samples on one or two A4 pages (Word converted by LibreOffice)', function () {
    this.timeout(180000);
    assert.ok(existsSync(SOFFICE), `LibreOffice at ${SOFFICE}`);
    const files: string[] = [];
    for (const [sample, sections] of THEMATIC_SECTIONS) {
      for (const section of sections) {
        const file = `${path.basename(sample, '.upr.md')}-${files.length}.docx`;
        const result = run('factsheet', sample, '--section', section, '--to', 'docx', '-o', file);
        assert.equal(result.status, 0, result.stderr);
        files.push(file);
      }
    }
    const profile = mkdtempSync(path.join(os.tmpdir(), 'upr-soffice-'));
    try {
      const conversion = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 150000,
        killSignal: 'SIGKILL',
      });
      assert.equal(conversion.signal, null, `soffice ran out of time: ${conversion.stderr}`);
      assert.equal(conversion.status, 0, conversion.stderr);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    for (const file of files) {
      const pdf = readFileSync(path.join(dir, file.replace(/\.docx$/, '.pdf')), 'latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      assert.ok(pages >= 1 && pages <= 2, `${file}: ${pages} pages`);
    }
  });

  it('refuses an unknown section, listing the sections, and writes nothing', () => {
    const result = run('factsheet', RUSSIAN_SAMPLE, '--section', 'Здравоохранение', '--to', 'html', '-o', 'out.html');
    assertUsageFailure(result, /no section "Здравоохранение": the sections are .*"III\. Насилие в семье", "IV\. Похищение невест и ранние браки", "V\. Участие женщин в принятии решений"/);
    assert.doesNotMatch(result.stderr, /Рекомендации по/);
    assert.equal(existsSync(path.join(dir, 'out.html')), false);
  });

  it('keeps the previous file when it refuses', () => {
    writeFileSync(path.join(dir, 'out.html'), 'before');
    assertUsageFailure(run('factsheet', RUSSIAN_SAMPLE, '--section', 'Nothing', '--to', 'html', '-o', 'out.html'), /no section "Nothing"/);
    assert.equal(readFileSync(path.join(dir, 'out.html'), 'utf8'), 'before');
  });

  it('refuses an -o that names the submission, leaving it as it was', () => {
    const submission = readFileSync(RUSSIAN_SAMPLE, 'utf8');
    writeFileSync(path.join(dir, 'my.upr.md'), submission);
    assertUsageFailure(run('factsheet', 'my.upr.md', '--section', 'Резюме', '--to', 'html', '-o', 'my.upr.md'), /^upr: my\.upr\.md: is an input; write the output to another file$/m);
    assert.equal(readFileSync(path.join(dir, 'my.upr.md'), 'utf8'), submission);
    assert.deepEqual(readdirSync(dir), ['my.upr.md']);
  });

  it('reports usage errors on one line with exit code 2', () => {
    assertUsageFailure(run('factsheet', '--section', 'X', '--to', 'html', '-o', 'out.html'), /factsheet takes exactly one FILE/);
    assertUsageFailure(run('factsheet', RUSSIAN_SAMPLE, ENGLISH_SAMPLE, '--section', 'X', '--to', 'html', '-o', 'o.html'), /factsheet takes exactly one FILE/);
    assertUsageFailure(run('factsheet', RUSSIAN_SAMPLE, '--to', 'html', '-o', 'out.html'), /factsheet needs --section "TITLE"/);
    assertUsageFailure(run('factsheet', RUSSIAN_SAMPLE, '--section', 'Резюме', '-o', 'out.html'), /factsheet needs --to docx or --to html/);
    assertUsageFailure(run('factsheet', RUSSIAN_SAMPLE, '--section', 'Резюме', '--to', 'pdf', '-o', 'out.pdf'), /unknown factsheet format "pdf": use docx or html/);
    assertUsageFailure(run('factsheet', RUSSIAN_SAMPLE, '--section', 'Резюме', '--to', 'html'), /factsheet needs -o OUT\.html/);
    assertUsageFailure(run('factsheet', RUSSIAN_SAMPLE, '--section', 'Резюме', '--to', 'html', '-o', 'missing/out.html'), /no such folder/);
    assertUsageFailure(run('factsheet', 'absent.upr.md', '--section', 'Резюме', '--to', 'html', '-o', 'out.html'), /absent\.upr\.md: no such file/);
    assertUsageFailure(run('count', RUSSIAN_SAMPLE, '--section', 'Резюме'), /--section is an option of factsheet/);
    assert.deepEqual(readdirSync(dir), []);
  });
});
