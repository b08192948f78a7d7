// `upr check` with the previous recommendations: the folder `recommendations` nearest above each
// submission (or --references DIR) is read, as the editor reads that of its workspace folder.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../lsp/client';
import { JOINT_FRONT_MATTER } from '../lsp/fixtures';
import { runCli } from './helpers';

const SUBMISSION = `${JOINT_FRONT_MATTER}\n## Executive summary\n\n1. See A/HRC/15/2, para. 77.3 and A/HRC/15/2, para. 76.300.\n`;

describe('upr check with previous recommendations', function () {
  let folder: string;
  const run = (...args: string[]) => runCli(args, { cwd: folder });
  const codes = (stdout: string) => (JSON.parse(stdout) as { file: string; code: string }[]).map((finding) => `${finding.file} ${finding.code}`);

  before(function () {
    folder = mkdtempSync(path.join(tmpdir(), 'upr-cli-references-'));
    mkdirSync(path.join(folder, 'recommendations'));
    cpSync(path.join(root, 'samples', 'recommendations'), path.join(folder, 'elsewhere'), { recursive: true });
    cpSync(path.join(root, 'samples', 'recommendations'), path.join(folder, 'recommendations'), { recursive: true });
    writeFileSync(path.join(folder, 'recommendations', 'broken.json'), '{"format": "upr-recommendations/1", "recommendations": [{"text": ""}]}\n');
    writeFileSync(path.join(folder, 'a.upr.md'), SUBMISSION);
  });

  after(function () {
    rmSync(folder, { recursive: true, force: true });
  });

  it("checks references against the working folder's recommendations, and reports their files' bad rows", function () {
    const result = run('check', 'a.upr.md', '--format', 'json');
    const found = codes(result.stdout);
    assert.ok(found.includes('a.upr.md references/unknown'), found.join('\n'));
    assert.equal(found.filter((code) => code === 'a.upr.md references/unknown').length, 1, 'para. 77.3 is known');
    assert.ok(found.includes(`${path.join('recommendations', 'broken.json')} references/import`), found.join('\n'));
    assert.equal(result.status, 1);
  });

  it('reads the recommendations nearest above the submission, wherever check is run from', function () {
    mkdirSync(path.join(folder, 'drafts'), { recursive: true });
    writeFileSync(path.join(folder, 'drafts', 'b.upr.md'), SUBMISSION);
    const fromAbove = runCli(['check', path.join(path.basename(folder), 'drafts', 'b.upr.md'), '--format', 'json'], { cwd: path.dirname(folder) });
    const found = codes(fromAbove.stdout);
    const submission = path.join(path.basename(folder), 'drafts', 'b.upr.md');
    assert.equal(found.filter((code) => code === `${submission} references/unknown`).length, 1, found.join('\n'));
    assert.ok(found.includes(`${path.join(path.basename(folder), 'recommendations', 'broken.json')} references/import`), found.join('\n'));
    // From a folder without recommendations, for a submission in one with none above it: said on standard error.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'upr-cli-no-references-'));
    try {
      writeFileSync(path.join(elsewhere, 'c.upr.md'), SUBMISSION);
      const result = runCli(['check', 'c.upr.md'], { cwd: elsewhere });
      assert.equal(result.stderr, 'upr: no previous recommendations in recommendations: references to them are not checked (--references DIR names another folder)\n');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('reads the folder --references names instead', function () {
    const found = codes(run('check', 'a.upr.md', '--format', 'json', '--references', 'elsewhere').stdout);
    assert.ok(found.includes('a.upr.md references/unknown'));
    assert.ok(!found.some((code) => code.includes('broken.json')));
  });

  it('exits 2 when the folder --references names does not exist or is a file', function () {
    const result = run('check', 'a.upr.md', '--references', 'missing');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'upr: missing: no such folder of previous recommendations\n');
    const file = run('check', 'a.upr.md', '--references', 'a.upr.md');
    assert.equal(file.status, 2);
    assert.equal(file.stderr, 'upr: a.upr.md: is a file; --references names the folder of previous recommendations\n');
  });

  it('says on standard error, and in a SARIF log, that references are not checked when there are no previous recommendations', function () {
    mkdirSync(path.join(folder, 'empty'));
    const note = 'no previous recommendations in empty: references to them are not checked (--references DIR names another folder)';
    const result = run('check', 'a.upr.md', '--references', 'empty');
    assert.equal(result.stderr, `upr: ${note}\n`);
    assert.doesNotMatch(result.stdout, /references\/unknown/);
    // A CI log shows standard error whatever the format; standard output stays the program's.
    const json = run('check', 'a.upr.md', '--format', 'json', '--references', 'empty');
    assert.equal(json.stderr, `upr: ${note}\n`);
    assert.ok(Array.isArray(JSON.parse(json.stdout)));
    const sarif = JSON.parse(run('check', 'a.upr.md', '--format', 'sarif', '--references', 'empty').stdout) as { runs: { invocations?: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    assert.deepEqual(sarif.runs[0].invocations?.[0].toolExecutionNotifications.map(({ message }) => message.text), [note]);
    assert.equal((JSON.parse(run('check', 'a.upr.md', '--format', 'sarif').stdout) as { runs: { invocations?: unknown }[] }).runs[0].invocations, undefined);
    // A submission that cites none is checked without a word.
    writeFileSync(path.join(folder, 'no-references.upr.md'), `${JOINT_FRONT_MATTER}\n## Executive summary\n\n1. Text.\n`);
    assert.equal(run('check', 'no-references.upr.md', '--references', 'empty').stderr, '');
  });
});
