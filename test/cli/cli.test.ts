// Command line contracts: `node dist/cli.js check|count ...` as separate processes on files in a
// temporary directory. Run `npm run build` first. The submissions here have the SMART checks on
// recommendations switched off (withoutSmart) so that each test sees only the rule it is about;
// classify.test.ts and sarif.test.ts cover the rest of the command line.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  COUNTING_SECTIONS,
  COUNTING_SUBMISSION as COUNTING_WITH_SMART,
  COUNTING_WORDS,
  GAP_SUBMISSION as GAP_WITH_SMART,
  lineOf,
} from '../lsp/fixtures';
import { generateSubmission } from '../../bench/generate';
import { assertUsageFailure, cliPath, parseJson, runCli, withoutSmart, type Run } from './helpers';

const COUNTING_SUBMISSION = withoutSmart(COUNTING_WITH_SMART);
const GAP_SUBMISSION = withoutSmart(GAP_WITH_SMART);

interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

let dir: string;

function run(...args: string[]): Run {
  return runCli(args, { cwd: dir });
}

function write(name: string, content: string | Buffer): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

const json = parseJson;

/** The counting submission with its first paragraph numbered 2: only numbering/start, a warning. */
const WARNING_ONLY = COUNTING_SUBMISSION.replace('\n1. Access', '\n2. Access').replace('\n2. Доступ', '\n3. Доступ');

/**
 * A Russian submission. Words by hand: "Резюме" 1 + "Государство ратифицировало Конвенцию в 2019
 * году." 6 = 7; "Рекомендации" 1 + "Принять закон о доступной среде." 5 = 6. Total 13.
 */
const RUSSIAN_SUBMISSION = withoutSmart(`---
type: individual
state: KGZ
cycle: 4
language: ru
title: Права людей с инвалидностью
---

# Резюме

1. Государство ратифицировало Конвенцию в 2019 году.

# Рекомендации

- Принять закон о доступной среде.
`);

before(function () {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'upr-cli-'));
});

after(function () {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('upr check', function () {
  it('prints [] and exits 0 for a clean, valid submission', function () {
    const file = write('clean.upr.md', COUNTING_SUBMISSION);
    const result = run('check', file, '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(json(result), []);
    // It cites A/HRC/15/2, para. 76.27, and no recommendations folder is near: said on standard error only.
    assert.match(result.stderr, /^upr: no previous recommendations in .*: references to them are not checked \(--references DIR names another folder\)\n$/);
  });

  it('prints the findings as JSON with 0-based ranges and exits 1 on an error', function () {
    const file = write('gap.upr.md', GAP_SUBMISSION);
    const result = run('check', file, '--format', 'json');
    assert.equal(result.status, 1, result.stderr);
    const line = lineOf(GAP_SUBMISSION, '4.');
    assert.deepEqual(json(result), [
      {
        file,
        range: { start: { line, character: 0 }, end: { line, character: 2 } },
        severity: 'error',
        code: 'numbering/gap',
        message: 'Paragraph 4 follows paragraph 2: 3 is missing.',
      },
    ]);
  });

  it('exits 0 when there are only warnings', function () {
    const file = write('warning.upr.md', WARNING_ONLY);
    const result = run('check', file, '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const findings = json<JsonFinding[]>(result);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.severity]), [['numbering/start', 'warning']]);
    assert.equal(findings[0].range.start.line, lineOf(WARNING_ONLY, '2. Access'));
  });

  it('checks several files at once, in the order given', function () {
    const files = [
      write('several-1-gap.upr.md', GAP_SUBMISSION),
      write('several-2-clean.upr.md', COUNTING_SUBMISSION),
      write('several-3-warning.upr.md', WARNING_ONLY),
    ];
    const result = run('check', ...files, '--format', 'json');
    assert.equal(result.status, 1, 'one of them has an error');
    const findings = json<JsonFinding[]>(result);
    assert.deepEqual(
      findings.map((finding) => [finding.file, finding.code]),
      [
        [files[0], 'numbering/gap'],
        [files[2], 'numbering/start'],
      ],
    );
  });

  it('gives every finding the documented shape and a known severity', function () {
    // A submission with many kinds of findings: no front matter, duplicates, no sections.
    const file = write('messy.upr.md', '# Intro\n\n1. One.\n\n1. Again.\n\n5. Five.\n');
    const result = run('check', file, '--format', 'json');
    assert.equal(result.status, 1);
    const findings = json<JsonFinding[]>(result);
    assert.ok(findings.length >= 3, JSON.stringify(findings));
    for (const finding of findings) {
      assert.deepEqual(Object.keys(finding).sort(), ['code', 'file', 'message', 'range', 'severity']);
      assert.deepEqual(Object.keys(finding.range).sort(), ['end', 'start']);
      for (const position of [finding.range.start, finding.range.end]) {
        assert.deepEqual(Object.keys(position).sort(), ['character', 'line']);
        assert.ok(Number.isInteger(position.line) && position.line >= 0);
        assert.ok(Number.isInteger(position.character) && position.character >= 0);
      }
      assert.ok(['error', 'warning', 'information', 'hint'].includes(finding.severity), finding.severity);
      assert.match(finding.code, /^[a-z-]+\/[a-z-]+$/);
      assert.ok(finding.message.length > 0);
    }
    const codes = findings.map((finding) => finding.code);
    assert.ok(codes.includes('front-matter/missing'), JSON.stringify(codes));
    assert.ok(codes.includes('numbering/duplicate'), JSON.stringify(codes));
    assert.ok(codes.includes('numbering/gap'), JSON.stringify(codes));
  });

  it('prints file:line:col: severity code: message (1-based) by default', function () {
    const file = write('text.upr.md', GAP_SUBMISSION);
    const result = run('check', file);
    assert.equal(result.status, 1);
    const line = lineOf(GAP_SUBMISSION, '4.') + 1;
    assert.equal(result.stdout, `${file}:${line}:1: error numbering/gap: Paragraph 4 follows paragraph 2: 3 is missing.\n`);
  });

  it('prints nothing in text format for a clean submission', function () {
    const file = write('clean-text.upr.md', COUNTING_SUBMISSION);
    const result = run('check', file);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
  });

  it('reads a file with a byte-order mark and CRLF line ends like any other', function () {
    const file = write('bom-crlf.upr.md', `\ufeff${COUNTING_SUBMISSION.replace(/\n/g, '\r\n')}`);
    const result = run('check', file, '--format', 'json');
    assert.deepEqual(json(result), []);
    assert.equal(result.status, 0);
  });

  it('checks a Russian submission without findings', function () {
    const file = write('russian.upr.md', RUSSIAN_SUBMISSION);
    const result = run('check', file, '--format', 'json');
    assert.deepEqual(json(result), []);
    assert.equal(result.status, 0);
  });

  it('exits 2 with a one-line reason for a missing file', function () {
    assertUsageFailure(run('check', 'does-not-exist.upr.md', '--format', 'json'), /does-not-exist\.upr\.md/);
  });

  it('exits 2 before any output when one of several files is missing', function () {
    const file = write('present.upr.md', GAP_SUBMISSION);
    assertUsageFailure(run('check', file, 'absent.upr.md', '--format', 'json'), /absent\.upr\.md/);
  });

  it('exits 2 with a one-line reason for a file that is not UTF-8', function () {
    const file = write('latin1.upr.md', Buffer.from('---\ntype: joint\n---\n\n# R\xe9sum\xe9\n\n1. Caf\xe9 \xff\xfe.\n', 'latin1'));
    assertUsageFailure(run('check', file), /latin1\.upr\.md/);
  });

  it('exits 2 with a one-line reason for a directory', function () {
    assertUsageFailure(run('check', '.'), /\./);
  });

  it('exits 2 when no file is given', function () {
    assertUsageFailure(run('check'), /FILE/);
  });

  it('reports the SMART checks on recommendations with the other rules, as the editor does', function () {
    // The counting submission's recommendations have no time frame; its numbering is right.
    const file = write('smart.upr.md', COUNTING_WITH_SMART);
    const result = run('check', file, '--format', 'json');
    const findings = json<JsonFinding[]>(result);
    const smart = findings.filter((finding) => finding.code.startsWith('smart/'));
    assert.ok(smart.length > 0, JSON.stringify(findings));
    assert.equal(result.status, findings.some((finding) => finding.severity === 'error') ? 1 : 0);
  });

  it('exits 2 for an unknown --format', function () {
    const file = write('format.upr.md', COUNTING_SUBMISSION);
    assertUsageFailure(run('check', file, '--format', 'xml'), /xml/);
  });
});

describe('upr count', function () {
  it('counts what a reader sees, as counted by hand', function () {
    const file = write('count.upr.md', COUNTING_SUBMISSION);
    const result = run('count', file, '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(json(result), { words: COUNTING_WORDS, limit: 2815, sections: COUNTING_SECTIONS });
  });

  it('counts Cyrillic words', function () {
    const file = write('count-russian.upr.md', RUSSIAN_SUBMISSION);
    const result = run('count', file, '--format', 'json');
    assert.deepEqual(json(result), {
      words: 13,
      limit: 2815,
      sections: [
        { title: 'Резюме', words: 7 },
        { title: 'Рекомендации', words: 6 },
      ],
    });
  });

  it('uses the joint limit (5,630) for a joint submission', function () {
    const file = write('count-joint.upr.md', GAP_SUBMISSION);
    const result = run('count', file, '--format', 'json');
    assert.deepEqual(json(result), {
      words: 49,
      limit: 5630,
      sections: [
        { title: 'Executive summary', words: 8 },
        { title: 'Background', words: 14 },
        { title: 'Recommendations', words: 27 },
      ],
    });
  });

  it('uses the individual limit (2,815) for an individual submission', function () {
    const file = write('count-individual.upr.md', COUNTING_SUBMISSION);
    assert.equal(json<{ limit: number }>(run('count', file, '--format', 'json')).limit, 2815);
  });

  it('lets word_limit in the front matter override the limit of the type', function () {
    const withLimit = COUNTING_SUBMISSION.replace('cycle: 4\n', 'cycle: 4\nword_limit: 1000\n');
    const file = write('count-word-limit.upr.md', withLimit);
    const result = run('count', file, '--format', 'json');
    assert.deepEqual(json(result), { words: COUNTING_WORDS, limit: 1000, sections: COUNTING_SECTIONS });
    // And the override is a valid key: check stays clean.
    assert.deepEqual(json(run('check', file, '--format', 'json')), []);
  });

  it('counts the generated benchmark submission exactly as its generator did', function () {
    const generated = generateSubmission();
    const file = write('count-generated.upr.md', generated.text);
    const result = json<{ words: number; limit: number; sections: { title: string }[] }>(
      run('count', file, '--format', 'json'),
    );
    assert.equal(result.words, generated.words);
    assert.equal(result.limit, 5630);
    assert.deepEqual(result.sections.map((section) => section.title), generated.sections.map((section) => section.title));
  });

  it('prints words / limit in text format by default', function () {
    const file = write('count-text.upr.md', COUNTING_SUBMISSION);
    const result = run('count', file);
    assert.equal(result.status, 0);
    assert.equal(result.stdout.split('\n')[0], `${COUNTING_WORDS} / 2815 words`);
  });

  it('exits 2 for a missing file', function () {
    assertUsageFailure(run('count', 'nowhere.upr.md', '--format', 'json'), /nowhere\.upr\.md/);
  });

  it('exits 2 when given more than one file', function () {
    const file = write('count-two.upr.md', COUNTING_SUBMISSION);
    assertUsageFailure(run('count', file, file), /FILE/);
  });
});

describe('upr usage', function () {
  it('exits 2 with a one-line reason for an unknown command', function () {
    assertUsageFailure(run('frobnicate', 'x.upr.md'), /frobnicate/);
  });

  it('exits 2 when no command is given', function () {
    assertUsageFailure(run(), /command/);
  });

  it('exits 2 for an unknown option or a missing value, in plain words', function () {
    assertUsageFailure(run('check', '--colour'), /^upr: unknown option --colour \(--help for usage; a FILE that starts with - goes after --\)$/m);
    assertUsageFailure(run('check', 'x.upr.md', '--format'), /^upr: --format needs a value$/m);
    assertUsageFailure(run('import', 'x.csv', '-o'), /^upr: --output needs a value$/m);
    assertUsageFailure(run('export', 'x.upr.md', '--force=yes'), /^upr: --force takes no value$/m);
  });

  it('exits 2 for a locale it has no messages in, naming those it has', function () {
    const file = write('locale.upr.md', GAP_SUBMISSION);
    assertUsageFailure(run('check', file, '--locale', 'de'), /^upr: unknown locale "de": use en or ru$/m);
    assertUsageFailure(run('count', file, '--locale', ''), /^upr: unknown locale "": use en or ru$/m);
    assert.equal(run('check', file, '--locale', 'ru').status, 1);
    assert.equal(run('check', file, '--locale', 'en-GB').status, 1);
  });
});
