// SARIF 2.1.0 output: toSarif (server/src/core/sarif.ts) on findings made by hand, and
// `node dist/cli.js check FILE... --format sarif` as a separate process. Every log is validated
// against the OASIS SARIF 2.1.0 JSON schema as @microsoft/jest-sarif ships it
// (sarif-2.1.0-rtm.5.json, the 2.1.0 schema written in draft-04; read here as draft-07, which
// differs for it only in `id` becoming `$id`; formats checked with ajv-formats). Run `npm run build` first.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Finding } from '../../server/src/core/findings';
import { pathToUri, toSarif, type SarifLog } from '../../server/src/core/sarif';
import { COUNTING_SUBMISSION, GAP_SUBMISSION, lineOf } from '../lsp/fixtures';
import { assertUsageFailure, parseJson, runCli, withoutSmart, type Run } from './helpers';

const require = createRequire(__filename);

function sarifValidator() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { id: string };
  // unicodeRegExp off: the schema's language pattern has a stray "]" that only unicode mode refuses.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...schema, $id: id });
}

const validate = sarifValidator();

function assertValidSarif(log: unknown): asserts log is SarifLog {
  const valid = validate(log);
  assert.ok(valid, `not valid SARIF 2.1.0: ${JSON.stringify(validate.errors, null, 2)}`);
}

function finding(code: string, severity: Finding['severity'], [line, character, endLine, endCharacter]: number[], message = `${code} here`): Finding {
  return { code, severity, message, range: { start: { line, character }, end: { line: endLine, character: endCharacter } } };
}

describe('toSarif', function () {
  it('says what the run could not check as notifications of its invocation, in a valid log', function () {
    const log = toSarif([{ file: 'a.upr.md', findings: [] }], { notes: ['no previous recommendations in recommendations'] });
    assertValidSarif(log);
    assert.deepEqual(log.runs[0].invocations, [
      { executionSuccessful: true, toolExecutionNotifications: [{ level: 'note', message: { text: 'no previous recommendations in recommendations' } }] },
    ]);
    assert.equal(toSarif([{ file: 'a.upr.md', findings: [] }]).runs[0].invocations, undefined);
  });

  it('validates the schema it checks against: a log without version is refused', function () {
    assert.equal(validate({ runs: [] }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'a driver needs a name');
  });

  it('writes the documented log for findings in two files', function () {
    const log = toSarif([
      {
        file: 'docs\\a.upr.md',
        findings: [
          finding('numbering/gap', 'error', [4, 0, 4, 2], 'Paragraph 4 follows paragraph 2: 3 is missing.'),
          finding('word-limit/near', 'warning', [0, 3, 1, 0]),
        ],
      },
      { file: 'clean.upr.md', findings: [] },
      {
        file: 'b.upr.md',
        findings: [finding('smart/measurable', 'information', [9, 2, 9, 30]), finding('numbering/gap', 'hint', [2, 0, 2, 0])],
      },
    ]);
    assertValidSarif(log);
    const location = (uri: string, startLine: number, startColumn: number, endLine: number, endColumn: number) => [
      { physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn, endLine, endColumn } } },
    ];
    assert.deepEqual(log, {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'upr-submission',
              rules: [
                { id: 'numbering/gap', shortDescription: { text: 'A paragraph number is missing.' } },
                { id: 'word-limit/near', shortDescription: { text: 'The submission is close to its word limit.' } },
                { id: 'smart/measurable', shortDescription: { text: 'A recommendation names nothing by which its implementation can be measured.' } },
              ],
            },
          },
          columnKind: 'utf16CodeUnits',
          results: [
            {
              ruleId: 'numbering/gap',
              level: 'error',
              message: { text: 'Paragraph 4 follows paragraph 2: 3 is missing.' },
              locations: location('docs/a.upr.md', 5, 1, 5, 3),
            },
            { ruleId: 'word-limit/near', level: 'warning', message: { text: 'word-limit/near here' }, locations: location('docs/a.upr.md', 1, 4, 2, 1) },
            { ruleId: 'smart/measurable', level: 'note', message: { text: 'smart/measurable here' }, locations: location('b.upr.md', 10, 3, 10, 31) },
            { ruleId: 'numbering/gap', level: 'note', message: { text: 'numbering/gap here' }, locations: location('b.upr.md', 3, 1, 3, 1) },
          ],
        },
      ],
    });
  });

  it('writes an empty rule list and no results when nothing is found, and keeps keys in the documented order', function () {
    const log = toSarif([{ file: 'a.upr.md', findings: [] }]);
    assertValidSarif(log);
    assert.deepEqual(Object.keys(log), ['$schema', 'version', 'runs']);
    assert.deepEqual(log.runs[0].tool.driver, { name: 'upr-submission', rules: [] });
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(toSarif([{ file: 'a.upr.md', findings: [] }], { informationUri: 'https://example.org/upr' }).runs[0].tool.driver, {
      name: 'upr-submission',
      informationUri: 'https://example.org/upr',
      rules: [],
    });
  });

  it('describes a code it does not know from its name', function () {
    const log = toSarif([{ file: 'a.upr.md', findings: [finding('future-group/some_new-check', 'warning', [0, 0, 0, 1])] }]);
    assertValidSarif(log);
    assert.deepEqual(log.runs[0].tool.driver.rules, [{ id: 'future-group/some_new-check', shortDescription: { text: 'Future group: some new check.' } }]);
  });

  it('turns paths into URI references: relative stays relative, absolute becomes file:, the rest is percent-encoded', function () {
    assert.equal(pathToUri('a.upr.md'), 'a.upr.md');
    assert.equal(pathToUri('sub/dir/a.upr.md'), 'sub/dir/a.upr.md');
    assert.equal(pathToUri('sub\\dir\\a.upr.md'), 'sub/dir/a.upr.md');
    assert.equal(pathToUri('./a.upr.md'), './a.upr.md');
    assert.equal(pathToUri('../x/a.upr.md'), '../x/a.upr.md');
    assert.equal(pathToUri('/tmp/a.upr.md'), 'file:///tmp/a.upr.md');
    assert.equal(pathToUri('C:\\Users\\me\\a.upr.md'), 'file:///C:/Users/me/a.upr.md');
    assert.equal(pathToUri('my drafts/a #2 (final).upr.md'), 'my%20drafts/a%20%232%20%28final%29.upr.md');
    assert.equal(pathToUri('доклад.upr.md'), '%D0%B4%D0%BE%D0%BA%D0%BB%D0%B0%D0%B4.upr.md');
    assert.equal(pathToUri('50%.upr.md'), '50%25.upr.md');
    assert.equal(pathToUri('a:b.upr.md'), 'a%3Ab.upr.md');
    const log = toSarif(
      ['my drafts/a #2.upr.md', 'доклад.upr.md', '/tmp/a b.upr.md', 'C:\\x.upr.md'].map((file) => ({
        file,
        findings: [finding('numbering/gap', 'error', [0, 0, 0, 1])],
      })),
    );
    assertValidSarif(log);
  });
});

describe('upr check --format sarif', function () {
  let dir: string;

  before(function () {
    dir = mkdtempSync(path.join(os.tmpdir(), 'upr-sarif-'));
  });

  after(function () {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, content: string): string {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
    return name;
  }

  function run(...args: string[]): Run {
    return runCli(args, { cwd: dir });
  }

  function sarif(result: Run): SarifLog {
    const log = parseJson<SarifLog>(result);
    assertValidSarif(log);
    return log;
  }

  interface JsonFinding extends Finding {
    file: string;
  }

  it('reports an error with its rule, 1-based region and relative path, and exits 1', function () {
    const file = write('sub/gap.upr.md', withoutSmart(GAP_SUBMISSION));
    const result = run('check', file, '--format', 'sarif');
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    const log = sarif(result);
    const line = lineOf(GAP_SUBMISSION, '4.') + 1;
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].tool.driver, {
      name: 'upr-submission',
      rules: [{ id: 'numbering/gap', shortDescription: { text: 'A paragraph number is missing.' } }],
    });
    assert.deepEqual(log.runs[0].results, [
      {
        ruleId: 'numbering/gap',
        level: 'error',
        message: { text: 'Paragraph 4 follows paragraph 2: 3 is missing.' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'sub/gap.upr.md' },
              region: { startLine: line, startColumn: 1, endLine: line, endColumn: 3 },
            },
          },
        ],
      },
    ]);
  });

  it('writes a valid log with no results and exits 0 for a clean submission', function () {
    const file = write('clean.upr.md', withoutSmart(COUNTING_SUBMISSION));
    const result = run('check', file, '--format', 'sarif');
    assert.equal(result.status, 0, result.stderr);
    const log = sarif(result);
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(log.runs[0].tool.driver.rules, []);
  });

  it('exits 0 when there are only warnings and notes', function () {
    const file = write('warning.upr.md', withoutSmart(COUNTING_SUBMISSION.replace('\n1. Access', '\n2. Access').replace('\n2. Доступ', '\n3. Доступ')));
    const result = run('check', file, '--format', 'sarif');
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(sarif(result).runs[0].results.map((r) => [r.ruleId, r.level]), [['numbering/start', 'warning']]);
  });

  it('says in SARIF exactly what --format json says, for several files, one rule per code that occurs', function () {
    const files = [
      write('messy.upr.md', '# Intro\n\n1. One.\n\n1. Again.\n\n5. Five.\n'),
      write('gap.upr.md', GAP_SUBMISSION),
      // Cyrillic and a character outside the BMP before the findings: columns are UTF-16 code units.
      write('ru/доклад.upr.md', `${COUNTING_SUBMISSION.replace('- Adopt', '- 😀 Рассмотреть возможность ратификации Конвенции. Adopt')}`),
      write('clean.upr.md', withoutSmart(COUNTING_SUBMISSION)),
    ];
    const expected = parseJson<JsonFinding[]>(run('check', ...files, '--format', 'json'));
    const result = run('check', ...files, '--format', 'sarif');
    assert.equal(result.status, expected.some((f) => f.severity === 'error') ? 1 : 0);
    const log = sarif(result);
    const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    assert.deepEqual(
      log.runs[0].results,
      expected.map((f) => ({
        ruleId: f.code,
        level: levels[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: pathToUri(f.file) },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      })),
    );
    const codes = [...new Set(expected.map((f) => f.code))];
    assert.deepEqual(log.runs[0].tool.driver.rules.map((rule) => rule.id), codes);
    for (const rule of log.runs[0].tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0);
    assert.ok(codes.some((code) => code.startsWith('smart/')), 'the SMART checks are there too');
    assert.ok(expected.some((f) => f.file === 'ru/доклад.upr.md'));
  });

  it('writes the messages in Russian with --locale ru', function () {
    const file = write('gap-ru.upr.md', withoutSmart(GAP_SUBMISSION));
    const english = sarif(run('check', file, '--format', 'sarif')).runs[0].results[0].message.text;
    const russian = sarif(run('check', file, '--format', 'sarif', '--locale', 'ru')).runs[0].results[0].message.text;
    assert.match(russian, /[а-я]/);
    assert.notEqual(russian, english);
  });

  it('exits 2 before any output for a missing file, and count has no sarif format', function () {
    const file = write('present.upr.md', GAP_SUBMISSION);
    assertUsageFailure(run('check', file, 'absent.upr.md', '--format', 'sarif'), /absent\.upr\.md/);
    assertUsageFailure(run('count', file, '--format', 'sarif'), /sarif/);
  });
});
