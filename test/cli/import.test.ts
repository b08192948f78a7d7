// `node dist/cli.js import FILE -o OUT.json` as a separate process, on the shared data
// (../shared/data/upr beside the repository, read in place) and on files written to a temporary
// folder. Run `npm run build` first.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importJson } from '../../server/src/core/references/importers';
import { toEntry } from '../../server/src/core/references/records';
import { assertUsageFailure, runCli, type Run } from './helpers';

const SHARED = path.resolve(process.cwd(), '../shared/data/upr');
const HEADER = 'id,state_under_review,sur_iso3,cycle,wg_session,year,wg_report_symbol,paragraph,text,recommending_state,response,action_category,issues';
const GOOD_ROW = 'R1,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.1,Sign and ratify the Second Optional Protocol,Spain,Supported,5,International instruments';

let dir: string;

function run(...args: string[]): Run {
  return runCli(args, { cwd: dir });
}

function write(name: string, content: string | Buffer): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

describe('upr import', () => {
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'upr-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the project JSON from the shared CSV and says what it wrote', () => {
    const result = run('import', path.join(SHARED, 'recommendations.csv'), '-o', 'out.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^out\.json: 1,273 recommendations from .*recommendations\.csv \(UPR Info rows with paragraphs\), \d[\d,]* citable by paragraph\n$/);
    const text = readFileSync(path.join(dir, 'out.json'), 'utf8');
    const back = importJson(text, 'out.json');
    assert.deepEqual(back.errors, []);
    assert.equal(back.records.length, 1273);
    assert.equal(JSON.parse(text).format, 'upr-recommendations/1');
    const first = back.records.find((record) => record.id === 'KGZ-S08-156')!;
    assert.equal(first.paragraph, '76.27');
    assert.deepEqual(first.recommendingStates, ['Tajikistan']);
    assert.deepEqual(readdirSync(dir), ['out.json']);
  });

  it('reads the OHCHR lists and its own JSON back to the same records', () => {
    assert.equal(run('import', path.join(SHARED, 'slovenia_cycles2-4_thematic_lists.csv'), '-o', 'slovenia.json').status, 0);
    const result = run('import', 'slovenia.json', '-o', 'again.json');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^again\.json: 632 recommendations from slovenia\.json \(upr-recommendations\/1 JSON\), 632 citable by paragraph\n$/);
    const first = importJson(readFileSync(path.join(dir, 'slovenia.json'), 'utf8'), 'a').records.map(toEntry);
    const second = importJson(readFileSync(path.join(dir, 'again.json'), 'utf8'), 'b').records.map(toEntry);
    assert.deepEqual(second, first);
  });

  it('reads a CSV with semicolons between fields, as Excel writes it with Russian regional settings', () => {
    const rows = [
      HEADER.replace(/,/g, ';'),
      'R1;Kyrgyzstan;KGZ;1;8;2010;A/HRC/15/2;76.1;Sign and ratify the Second Optional Protocol, without reservations;Spain;Supported;5;International instruments',
      'R2;Kyrgyzstan;KGZ;1;8;2010;A/HRC/15/2;76.2;"Combat torture; investigate ""all"" allegations";Belgium;Supported;5;"Torture; Justice"',
    ];
    // With the byte order mark and CRLF line ends Excel writes.
    write('semicolons.csv', `\uFEFF${rows.join('\r\n')}\r\n`);
    const result = run('import', 'semicolons.csv', '-o', 'out.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, 'out.json: 2 recommendations from semicolons.csv (UPR Info rows with paragraphs), 2 citable by paragraph\n');
    const written = importJson(readFileSync(path.join(dir, 'out.json'), 'utf8'), 'out.json');
    assert.deepEqual(written.errors, []);
    assert.deepEqual(
      written.records.map((record) => [record.id, record.text, record.issues]),
      [
        ['R1', 'Sign and ratify the Second Optional Protocol, without reservations', ['International instruments']],
        ['R2', 'Combat torture; investigate "all" allegations', ['Torture', 'Justice']],
      ],
    );
    assert.deepEqual(readdirSync(dir).sort(), ['out.json', 'semicolons.csv']);
  });

  it('reports bad rows as FILE:LINE: reason, exits 1 and writes nothing', () => {
    write('bad.csv', [HEADER, GOOD_ROW, 'R2,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.2,,Belgium,Supported,5,', 'R3,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.3,Ratify CRPD,Spain,Maybe,5,'].join('\n'));
    write('out.json', 'the previous version\n');
    const result = run('import', 'bad.csv', '-o', 'out.json');
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      [
        'bad.csv:3: no recommendation text (column "text")',
        'bad.csv:4: unknown response "Maybe" (column "response"): expected Supported, Accepted or Noted',
        'bad.csv: 2 problems; nothing written',
        '',
      ].join('\n'),
    );
    assert.equal(readFileSync(path.join(dir, 'out.json'), 'utf8'), 'the previous version\n');
    assert.deepEqual(readdirSync(dir).sort(), ['bad.csv', 'out.json']);
  });

  it('writes rows that only look wrong, with a warning for each on standard error, and exits 0', () => {
    const duplicate = GOOD_ROW.replace('R1,', 'R2,');
    const otherState = 'R3,Kazakhstan,KGZ,1,8,2010,A/HRC/15/2,76.3,Abolish the death penalty,France,Supported,5,';
    write('warned.csv', [HEADER, GOOD_ROW, duplicate, otherState].join('\n'));
    const result = run('import', 'warned.csv', '-o', 'out.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stderr,
      [
        'warned.csv:3: warning: the same recommendation as line 2 (same report, paragraph, recommending States and text): check whether the file lists it twice; both are imported',
        'warned.csv:4: warning: column "state_under_review" gives Kazakhstan but column "sur_iso3" gives KGZ, the code of Kyrgyzstan: check which is right',
        'warned.csv: 2 warnings; the rows are written all the same',
        '',
      ].join('\n'),
    );
    assert.equal(result.stdout, 'out.json: 3 recommendations from warned.csv (UPR Info rows with paragraphs), 3 citable by paragraph\n');
    const written = importJson(readFileSync(path.join(dir, 'out.json'), 'utf8'), 'out.json');
    assert.deepEqual(written.records.map((record) => [record.id, record.state]), [['R1', 'Kyrgyzstan'], ['R2', 'Kyrgyzstan'], ['R3', 'Kazakhstan']]);
  });

  it('lists warnings among the errors, by line, when a row is bad', () => {
    write('both.csv', [HEADER, GOOD_ROW, 'R2,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.2,,Belgium,Supported,5,', GOOD_ROW].join('\n'));
    const result = run('import', 'both.csv', '-o', 'out.json');
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      [
        'both.csv:3: no recommendation text (column "text")',
        'both.csv:4: warning: the same recommendation as line 2 (same report, paragraph, recommending States and text): check whether the file lists it twice; both are imported',
        'both.csv: 1 problem; nothing written',
        '',
      ].join('\n'),
    );
    assert.deepEqual(readdirSync(dir), ['both.csv']);
  });

  it('says the reasons in Russian when asked', () => {
    write('bad.csv', [HEADER, 'R2,Kyrgyzstan,KGZ,1,8,2010,A/HRC/15/2,76.2,,Belgium,Supported,5,'].join('\n'));
    const result = run('import', 'bad.csv', '-o', 'out.json', '--locale', 'ru');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^bad\.csv:2: нет текста рекомендации \(столбец «text»\)\n/);
    assert.equal(existsSync(path.join(dir, 'out.json')), false);
  });

  it('names the expected columns for a file of unknown layout', () => {
    write('people.csv', 'name,email\nAda,ada@example.org\n');
    const result = run('import', 'people.csv', '-o', 'out.json');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^people\.csv:1: unknown layout: expected columns .*To, To-Rgrp, To-Org, Text, From/);
    assert.equal(existsSync(path.join(dir, 'out.json')), false);
  });

  it('names the columns a file lacks when the others are those of a known layout', () => {
    const columns = HEADER.split(',');
    const without = (...dropped: string[]) => {
      const kept = columns.map((name, i) => [name, i] as const).filter(([name]) => !dropped.includes(name));
      const row = GOOD_ROW.split(',');
      return `${kept.map(([name]) => name).join(',')}\n${kept.map(([, i]) => row[i]).join(',')}\n`;
    };
    write('no-text.csv', without('text'));
    assert.equal(run('import', 'no-text.csv', '-o', 'out.json').stderr, 'no-text.csv:1: the header looks like "UPR Info rows with paragraphs" but lacks: "text"\nno-text.csv: 1 problem; nothing written\n');
    write('no-reference.csv', without('wg_report_symbol', 'paragraph'));
    assert.match(run('import', 'no-reference.csv', '-o', 'out.json').stderr, /^no-reference\.csv:1: the header looks like "UPR Info rows with paragraphs" but lacks: "wg_report_symbol", "paragraph"$/m);
    write('export-no-from.csv', 'To,Text,Response\nKyrgyzstan,Ratify the Convention,Supported\n');
    assert.match(run('import', 'export-no-from.csv', '-o', 'out.json').stderr, /^export-no-from\.csv:1: the header looks like "UPR Info export" but lacks: "From"$/m);
    assert.deepEqual(readdirSync(dir).sort(), ['export-no-from.csv', 'no-reference.csv', 'no-text.csv']);
  });

  it('refuses a file with a header and no rows', () => {
    write('header.csv', `${HEADER}\n`);
    const result = run('import', 'header.csv', '-o', 'out.json');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^header\.csv:1: no recommendations in the file\b/);
    assert.match(result.stderr, /nothing written\n$/);
    assert.deepEqual(readdirSync(dir), ['header.csv']);
  });

  it('exits 2 for unusable input or usage', () => {
    assertUsageFailure(run('import', 'missing.csv', '-o', 'out.json'), /^upr: missing\.csv: no such file$/m);
    write('latin1.csv', Buffer.from([...Buffer.from(`${HEADER}\n`), 0x52, 0x31, 0x2c, 0xe9, 0x0a]));
    assertUsageFailure(run('import', 'latin1.csv', '-o', 'out.json'), /^upr: latin1\.csv: line 2 is not UTF-8 text: save the file as UTF-8 \(in Excel: Save As, then "CSV UTF-8"\)$/m);
    write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${GOOD_ROW}\n`, 'utf16le')]));
    assertUsageFailure(run('import', 'utf16.csv', '-o', 'out.json'), /^upr: utf16\.csv: it is UTF-16 text, not UTF-8: save it as UTF-8 \(in Excel: Save As, then "CSV UTF-8"\)$/m);
    write('good.csv', `${HEADER}\n${GOOD_ROW}\n`);
    assertUsageFailure(run('import', 'good.csv'), /import needs -o OUT\.json/);
    assertUsageFailure(run('import', '-o', 'out.json'), /import takes exactly one FILE/);
    assertUsageFailure(run('import', 'good.csv', 'good.csv', '-o', 'out.json'), /import takes exactly one FILE/);
    assertUsageFailure(run('import', 'good.csv', '-o', 'no/such/folder/out.json'), /no such folder/);
    assertUsageFailure(run('count', 'good.csv', '-o', 'out.json'), /-o is an option of import/);
    assert.deepEqual(readdirSync(dir).sort(), ['good.csv', 'latin1.csv', 'utf16.csv']);
  });

  it('refuses an -o that names its input, leaving the input as it was', () => {
    const input = `${HEADER}\n${GOOD_ROW}\n`;
    write('upr.csv', input);
    assertUsageFailure(run('import', 'upr.csv', '-o', './upr.csv'), /^upr: \.\/upr\.csv: is an input; write the output to another file$/m);
    assert.equal(readFileSync(path.join(dir, 'upr.csv'), 'utf8'), input);
    // Through a link, which is written through: the same file.
    symlinkSync('upr.csv', path.join(dir, 'out.json'));
    assertUsageFailure(run('import', 'upr.csv', '-o', 'out.json'), /^upr: out\.json: is an input; write the output to another file$/m);
    assert.equal(readFileSync(path.join(dir, 'upr.csv'), 'utf8'), input);
    assert.deepEqual(readdirSync(dir).sort(), ['out.json', 'upr.csv']);
  });

  it('replaces an earlier output whole', () => {
    write('good.csv', `${HEADER}\n${GOOD_ROW}\n`);
    write('out.json', 'old');
    const result = run('import', 'good.csv', '--output', 'out.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'out.json: 1 recommendation from good.csv (UPR Info rows with paragraphs), 1 citable by paragraph\n');
    assert.equal(importJson(readFileSync(path.join(dir, 'out.json'), 'utf8'), 'out.json').records[0].text, 'Sign and ratify the Second Optional Protocol');
  });

  it('writes through a link, and refuses to replace a read-only file, a pipe or a dangling link', () => {
    write('good.csv', `${HEADER}\n${GOOD_ROW}\n`);
    mkdirSync(path.join(dir, 'shared'));
    write('shared/recommendations.json', 'old');
    symlinkSync('shared/recommendations.json', path.join(dir, 'link.json'));
    assert.equal(run('import', 'good.csv', '-o', 'link.json').status, 0);
    assert.ok(lstatSync(path.join(dir, 'link.json')).isSymbolicLink(), 'the link was replaced');
    assert.match(readFileSync(path.join(dir, 'shared', 'recommendations.json'), 'utf8'), /Sign and ratify the Second Optional Protocol/);

    write('locked.json', 'old');
    chmodSync(path.join(dir, 'locked.json'), 0o444);
    assertUsageFailure(run('import', 'good.csv', '-o', 'locked.json'), /^upr: locked\.json: cannot write: the file is read-only$/m);
    assert.equal(readFileSync(path.join(dir, 'locked.json'), 'utf8'), 'old');

    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    assertUsageFailure(run('import', 'good.csv', '-o', 'pipe'), /^upr: pipe: cannot write: it is not an ordinary file \(a device, a pipe or a socket\)$/m);
    assert.ok(lstatSync(path.join(dir, 'pipe')).isFIFO());

    symlinkSync('nowhere/recommendations.json', path.join(dir, 'dangling.json'));
    assertUsageFailure(run('import', 'good.csv', '-o', 'dangling.json'), /^upr: dangling\.json: cannot write: it is a link to nowhere\/recommendations\.json, which does not exist$/m);
    assert.deepEqual(readdirSync(dir).sort(), ['dangling.json', 'good.csv', 'link.json', 'locked.json', 'pipe', 'shared']);
  });
});
