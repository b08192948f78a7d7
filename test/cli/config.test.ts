// The coalition's .upr/config.yaml on the command line: found above each submission, or named
// with --config; its own mistakes reported with the submission's.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GAP_SUBMISSION } from '../lsp/fixtures';
import { runCli } from './helpers';


describe('upr with .upr/config.yaml', function () {
  let folder: string;

  before(function () {
    folder = mkdtempSync(path.join(tmpdir(), 'upr-cli-config-'));
    mkdirSync(path.join(folder, '.upr'));
    mkdirSync(path.join(folder, 'drafts'));
    writeFileSync(path.join(folder, '.upr', 'config.yaml'), 'rules:\n  numbering/gap: warning\nwordLimit:\n  joint: 40\n  colour: 1\n');
    writeFileSync(path.join(folder, 'drafts', 'gap.upr.md'), GAP_SUBMISSION);
    writeFileSync(path.join(folder, 'other.yaml'), 'smart:\n  maxWords: 3\n');
  });

  after(function () {
    rmSync(folder, { recursive: true, force: true });
  });

  const run = (...args: string[]) => runCli(args, { cwd: folder });

  it('applies the nearest configuration and reports its mistakes', function () {
    const result = run('check', 'drafts/gap.upr.md', '--format', 'json');
    const findings = JSON.parse(result.stdout) as { file: string; code: string; severity: string }[];
    const gap = findings.find((finding) => finding.code === 'numbering/gap')!;
    assert.equal(gap.severity, 'warning');
    assert.ok(findings.some((finding) => finding.code === 'word-limit/exceeded'), 'the limit of 40 words applies');
    const unknown = findings.find((finding) => finding.code === 'config/unknown-key')!;
    assert.equal(unknown.file, path.join('.upr', 'config.yaml'));
    assert.equal(result.status, 1);
  });

  it('counts against the configured limit', function () {
    assert.equal(JSON.parse(run('count', 'drafts/gap.upr.md', '--format', 'json').stdout).limit, 40);
  });

  it('takes the configuration named with --config instead', function () {
    const result = run('check', 'drafts/gap.upr.md', '--format', 'json', '--config', 'other.yaml');
    const codes = (JSON.parse(result.stdout) as { code: string }[]).map((finding) => finding.code);
    assert.ok(codes.includes('smart/length'));
    assert.ok(!codes.includes('word-limit/exceeded'));
    assert.ok(!codes.includes('config/unknown-key'));
  });

  it('exits 2 when the named configuration does not exist', function () {
    const result = run('check', 'drafts/gap.upr.md', '--config', 'missing.yaml');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'upr: missing.yaml: no such configuration file\n');
  });
});
