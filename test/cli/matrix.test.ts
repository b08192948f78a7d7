// `node dist/cli.js matrix FILE... --to csv -o OUT.csv` as a separate process, on the two samples at
// once and on a fixture whose recommendations cite previous ones and need quoting; the CSV is read
// back with csv-parse and checked against the core's own analysis. Run `npm run build` first.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyseText, type Analysis } from '../../server/src/core/analyse';
import { LABELS } from '../../server/src/core/smart/classify';
import { CommandConfigs } from '../../server/src/cli/config';
import { root } from '../lsp/client';
import { assertUsageFailure, runCli, type Run } from './helpers';

const SAMPLES = path.join(root, 'samples');
const ENGLISH = path.join(SAMPLES, 'kyrgyzstan-disability-joint-submission.upr.md');
const RUSSIAN = path.join(SAMPLES, 'kyrgyzstan-gender-joint-submission.ru.upr.md');
const COLUMNS = [
  'file', 'state', 'section', 'recommendations_heading', 'number', 'line', 'text', 'action_category', 'action_label', 'action_verb',
  'specific', 'measurable', 'time_bound', 'single_action', 'sdg_targets', 'follows_up', 'follows_up_cited_in',
];

/** Recommendations that cite the previous recommendation they follow up, with quotes, commas and a wrapped line. */
const CITING_FIXTURE = `---
type: individual
state: Kyrgyzstan
cycle: 4
language: en
title: Torture prevention
---

# Torture prevention

## I. Executive summary

1. The National Preventive Mechanism lacks funds (A/HRC/15/2, para. 76.40).

## II. Detention

2. Kyrgyzstan accepted to "investigate all allegations of torture" (A/HRC/29/4, para. 117.23).

### Recommendations on detention

- Allocate by 2026 a budget line for the "National Preventive Mechanism", as recommended in A/HRC/15/2, para. 76.40,
  sufficient for 12 visits a year (SDG 16.3, SDG 16.a).
- Publish by 2027 a yearly report on complaints of torture (SDG 16.10).
`;

let dir: string;

function run(...args: string[]): Run {
  return runCli(args, { cwd: dir, timeout: 60000 });
}

function analysisOf(file: string): Analysis {
  return analyseText(readFileSync(file, 'utf8'), new CommandConfigs().forFile(file));
}

function readMatrix(file: string): { header: string[]; rows: Record<string, string>[] } {
  const records = parse(readFileSync(file, 'utf8')) as string[][];
  const [header, ...rest] = records;
  return { header, rows: rest.map((record) => Object.fromEntries(header.map((column, i) => [column, record[i]]))) };
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** Checks the rows of one file against the analysis: one per recommendation, in order. */
function assertRowsMatch(rows: Record<string, string>[], file: string, analysis: Analysis): void {
  const { model } = analysis;
  assert.equal(rows.length, analysis.recommendations.length, `rows of ${file}`);
  analysis.recommendations.forEach(({ item, classification }, i) => {
    const row = rows[i];
    const start = model.lines.offsetAt(item.range.start);
    const end = model.lines.offsetAt(item.range.end);
    const within = (range: { start: { line: number; character: number } }) => {
      const offset = model.lines.offsetAt(range.start);
      return offset >= start && offset < end;
    };
    assert.equal(row.file, file);
    assert.equal(row.state, analysis.frontMatter.data.state);
    assert.equal(row.recommendations_heading, model.sections[item.section].title);
    assert.equal(row.number, String(i + 1));
    assert.equal(row.line, String(item.range.start.line + 1));
    assert.equal(row.text, item.text.replace(/\s+/g, ' ').trim());
    assert.equal(row.action_category, String(classification.category));
    assert.equal(row.action_label, LABELS[classification.category]);
    assert.equal(row.action_verb, classification.action?.text ?? '');
    assert.equal(row.specific, yesNo(classification.smart.specific));
    assert.equal(row.measurable, yesNo(classification.smart.measurable));
    assert.equal(row.time_bound, yesNo(classification.smart.timeBound));
    assert.equal(row.single_action, yesNo(classification.smart.singleAction));
    assert.deepEqual(row.sdg_targets.split('; ').filter(Boolean), [...new Set(model.sdgReferences.filter(({ range }) => within(range)).map(({ id }) => id))]);
  });
}

describe('upr matrix', () => {
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'upr-matrix-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every recommendation of two submissions with its category, SMART flags, SDG targets and follow-ups', () => {
    const result = run('matrix', ENGLISH, RUSSIAN, '--to', 'csv', '-o', 'plan.csv');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const english = analysisOf(ENGLISH);
    const russian = analysisOf(RUSSIAN);
    const total = english.recommendations.length + russian.recommendations.length;
    assert.equal(result.stdout, `plan.csv: ${total} recommendations from 2 submissions\n`);
    assert.deepEqual(readdirSync(dir), ['plan.csv']);
    const { header, rows } = readMatrix(path.join(dir, 'plan.csv'));
    assert.deepEqual(header, COLUMNS);
    assert.equal(rows.length, total);
    assertRowsMatch(rows.slice(0, english.recommendations.length), ENGLISH, english);
    assertRowsMatch(rows.slice(english.recommendations.length), RUSSIAN, russian);

    // The samples' recommendations cite no previous recommendation themselves: each follows up
    // those its thematic section assesses, e.g. inclusive education (paragraphs 9 to 11).
    const education = rows.filter((row) => row.section === 'IV. Inclusive education');
    assert.equal(education.length, 4);
    const { model } = english;
    const section = model.sections.find(({ title }) => title === 'IV. Inclusive education')!;
    const cited = model.references
      .filter(({ paragraph, range }) => paragraph !== undefined && model.lines.offsetAt(range.start) >= section.startOffset && model.lines.offsetAt(range.start) < section.endOffset)
      .map(({ symbol, paragraph }) => `${symbol}, para. ${paragraph}`);
    assert.ok(cited.length > 0);
    for (const row of education) {
      assert.equal(row.follows_up, [...new Set(cited)].join('; '));
      assert.equal(row.follows_up_cited_in, 'section');
    }
    assert.ok(rows.some((row) => /[а-яё]/i.test(row.text)), 'Cyrillic read back');
    assert.ok(russian.recommendations.some(({ item }) => /ЦУР/.test(item.text)) && rows.slice(english.recommendations.length).some((row) => row.sdg_targets !== ''));
  });

  it('prefers the previous recommendation a recommendation cites itself, and quotes what needs quoting', () => {
    writeFileSync(path.join(dir, 'torture.upr.md'), CITING_FIXTURE);
    const result = run('matrix', 'torture.upr.md', '--to', 'csv', '-o', 'plan.csv');
    assert.equal(result.status, 0, result.stderr);
    const text = readFileSync(path.join(dir, 'plan.csv'), 'utf8');
    assert.match(text, /\r\n$/);
    const { rows } = readMatrix(path.join(dir, 'plan.csv'));
    assertRowsMatch(rows, 'torture.upr.md', analysisOf(path.join(dir, 'torture.upr.md')));
    assert.equal(rows[0].text, 'Allocate by 2026 a budget line for the "National Preventive Mechanism", as recommended in A/HRC/15/2, para. 76.40, sufficient for 12 visits a year (SDG 16.3, SDG 16.a).');
    assert.equal(rows[0].follows_up, 'A/HRC/15/2, para. 76.40');
    assert.equal(rows[0].follows_up_cited_in, 'recommendation');
    assert.equal(rows[0].sdg_targets, '16.3; 16.a');
    assert.equal(rows[0].section, 'II. Detention');
    assert.equal(rows[1].follows_up, 'A/HRC/29/4, para. 117.23');
    assert.equal(rows[1].follows_up_cited_in, 'section');
  });

  it('lists a submission with errors as it stands: the matrix is a working table', () => {
    writeFileSync(path.join(dir, 'gap.upr.md'), CITING_FIXTURE.replace('2. Kyrgyzstan', '5. Kyrgyzstan'));
    assert.ok(analysisOf(path.join(dir, 'gap.upr.md')).diagnostics.some(({ severity }) => severity === 'error'));
    const result = run('matrix', 'gap.upr.md', '--to', 'csv', '-o', 'plan.csv');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readMatrix(path.join(dir, 'plan.csv')).rows.length, 2);
  });

  it('reports unusable input and usage with exit code 2, before writing anything', () => {
    writeFileSync(path.join(dir, 'ok.upr.md'), CITING_FIXTURE);
    writeFileSync(path.join(dir, 'plan.csv'), 'the previous plan');
    assertUsageFailure(run('matrix', 'ok.upr.md', '--to', 'xlsx', '-o', 'plan.csv'), /^upr: unknown matrix format "xlsx": use csv$/m);
    assertUsageFailure(run('matrix', 'ok.upr.md', '--to', 'csv'), /^upr: matrix needs -o OUT\.csv$/m);
    assertUsageFailure(run('matrix', '--to', 'csv', '-o', 'plan.csv'), /^upr: matrix needs at least one FILE$/m);
    assertUsageFailure(run('matrix', 'ok.upr.md', 'missing.upr.md', '--to', 'csv', '-o', 'plan.csv'), /^upr: missing\.upr\.md: no such file$/m);
    assertUsageFailure(run('matrix', 'ok.upr.md', '-o', 'nowhere/plan.csv'), /^upr: nowhere\/plan\.csv: no such folder nowhere$/m);
    assertUsageFailure(run('matrix', 'ok.upr.md', '--force', '-o', 'plan.csv'), /^upr: --force is an option of export$/m);
    assertUsageFailure(run('matrix', 'ok.upr.md', 'plan.csv', '--to', 'csv', '-o', 'plan.csv'), /^upr: plan\.csv: is an input; write the output to another file$/m);
    assert.equal(readFileSync(path.join(dir, 'plan.csv'), 'utf8'), 'the previous plan');
    assert.deepEqual(readdirSync(dir).sort(), ['ok.upr.md', 'plan.csv']);
  });
});
