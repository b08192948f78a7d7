// Protocol tests for the SMART checks: diagnostics, hover, each quick fix applied to the text,
// and the coalition's `.upr/config.yaml` read from disk and checked when edited.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { applyEdits, codesOf, editsFor, TestClient } from './client';
import { JOINT_FRONT_MATTER } from './fixtures';

const submissionWith = (recommendation: string, frontMatter = JOINT_FRONT_MATTER.replace('cycle: 4\n', 'cycle: 4\nsession: 49\n')) =>
  `${frontMatter}\n## Executive summary\n\n1. Text.\n\n## Recommendations\n\n- ${recommendation}\n`;
const RECOMMENDATION_LINE = submissionWith('x').split('\n').length - 2;

let counter = 0;
const newUri = (name: string) => `file:///tmp/upr-lsp-smart/${++counter}-${name}.upr.md`;

async function quickFixes(client: TestClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  return actions.filter((action) => action.kind === 'quickfix');
}

describe('SMART checks over LSP', function () {
  let client: TestClient;

  before(async function () {
    client = await TestClient.start({ configuration: [null] });
  });

  after(async function () {
    await client?.stop();
  });

  /** Opens a submission with one recommendation and returns its SMART diagnostics. */
  async function open(recommendation: string, name: string) {
    const uri = newUri(name);
    const text = submissionWith(recommendation);
    await client.open(uri, text, 1);
    const { diagnostics } = await client.waitForDiagnostics(uri);
    return { uri, text, diagnostics: diagnostics.filter((d) => String(d.code).startsWith('smart/')) };
  }

  /** Applies the quick fix titled `title` for the diagnostic with `code`, and returns the new text. */
  async function applyFix(uri: string, text: string, diagnostics: Diagnostic[], code: string, title: RegExp): Promise<string> {
    const diagnostic = diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `no ${code} in ${JSON.stringify(codesOf(diagnostics))}`);
    const actions = await quickFixes(client, uri, diagnostic);
    const fix = actions.find((action) => title.test(action.title));
    assert.ok(fix?.edit, `no fix ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
    return applyEdits(text, editsFor(fix.edit, uri));
  }

  it('publishes the action category and the missing time frame on a weak recommendation', async function () {
    const { diagnostics } = await open('Consider ratifying the Optional Protocol to the Convention against Torture.', 'weak');
    assert.deepEqual(codesOf(diagnostics), ['smart/action-category', 'smart/time-bound']);
    const category = diagnostics[0];
    assert.equal(category.severity, 2);
    assert.deepEqual(category.range, { start: { line: RECOMMENDATION_LINE, character: 2 }, end: { line: RECOMMENDATION_LINE, character: 10 } });
    assert.match(String(category.message), /considering action \(UPR Info category 3\)/);
  });

  it('shows the category and the SMART checklist on hover', async function () {
    const { uri } = await open('Ratify the Optional Protocol to the Convention against Torture by 2027.', 'hover');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: RECOMMENDATION_LINE, character: 5 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /\*\*Specific action\*\* \(UPR Info category 5\)/);
    assert.match(value, /✅ Time-bound — `time: "by 2027"`/);
    const elsewhere = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(elsewhere, null);
  });

  it('replaces a weak verb with a stronger one', async function () {
    const { uri, text, diagnostics } = await open('Consider ratifying the Optional Protocol by 2027.', 'stronger');
    const fixed = await applyFix(uri, text, diagnostics, 'smart/action-category', /^Replace "Consider ratifying" with "Ratify"$/);
    assert.ok(fixed.includes('\n- Ratify the Optional Protocol by 2027.\n'));
  });

  it('appends the year before the next review', async function () {
    const { uri, text, diagnostics } = await open('Ratify the Optional Protocol.', 'time');
    const fixed = await applyFix(uri, text, diagnostics, 'smart/time-bound', /^Add the time frame "by 2029"$/);
    assert.ok(fixed.includes('\n- Ratify the Optional Protocol by 2029.\n'));
  });

  it('splits two actions into two items', async function () {
    const { uri, text, diagnostics } = await open('Adopt a law on domestic violence by 2027 and establish shelters in every region by 2028.', 'split');
    const fixed = await applyFix(uri, text, diagnostics, 'smart/single-action', /^Split into two recommendations$/);
    assert.ok(fixed.endsWith('\n- Adopt a law on domestic violence by 2027.\n- Establish shelters in every region by 2028.\n'), fixed);
  });

  it('switches a rule off for the line', async function () {
    const { uri, text, diagnostics } = await open('Consider ratifying the Optional Protocol by 2027.', 'disable');
    const fixed = await applyFix(uri, text, diagnostics, 'smart/action-category', /^Disable smart\/action-category for this line$/);
    assert.ok(fixed.includes('by 2027. <!-- upr-disable-line smart/action-category -->\n'));
    const uri2 = newUri('disabled');
    await client.open(uri2, fixed, 1);
    const { diagnostics: after } = await client.waitForDiagnostics(uri2);
    assert.deepEqual(codesOf(after), []);
  });

  it('lists the fixes of every problem on the line before the entries that switch rules off', async function () {
    const { uri, diagnostics } = await open('Consider ratifying the Optional Protocol to the Convention against Torture.', 'order');
    assert.deepEqual(codesOf(diagnostics), ['smart/action-category', 'smart/time-bound']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['quickfix'] },
    });
    const titles = actions.map((action) => action.title);
    const disabling = titles.map((title, index) => (title.startsWith('Disable ') ? index : -1)).filter((index) => index !== -1);
    assert.ok(titles.includes('Add the time frame "by 2029"') && disabling.length >= 2, JSON.stringify(titles));
    assert.equal(disabling[0], titles.length - disabling.length, JSON.stringify(titles));
  });
});

describe("the coalition's .upr/config.yaml over LSP", function () {
  let client: TestClient;
  let folder: string;
  let configPath: string;

  before(async function () {
    folder = mkdtempSync(path.join(tmpdir(), 'upr-config-'));
    mkdirSync(path.join(folder, '.upr'));
    configPath = path.join(folder, '.upr', 'config.yaml');
    writeFileSync(configPath, 'rules:\n  smart/time-bound: off\nsmart:\n  maxWords: 5\n  colour: blue\n');
    client = await TestClient.start({ configuration: [null] });
  });

  after(async function () {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('applies the file to submissions below it and reports its mistakes on it', async function () {
    mkdirSync(path.join(folder, 'drafts'), { recursive: true });
    const uri = pathToFileURL(path.join(folder, 'drafts', 'a.upr.md')).toString();
    const configUri = pathToFileURL(configPath).toString();
    const configDiagnostics = client.waitForDiagnostics(configUri);
    await client.open(uri, submissionWith('Ratify the Optional Protocol to the Convention against Torture.'), 1);
    const { diagnostics } = await configDiagnostics;
    assert.deepEqual(codesOf(diagnostics), ['config/unknown-key']);
    assert.equal(diagnostics[0].range.start.line, 4);
    const { diagnostics: submission } = await client.waitForDiagnostics(uri);
    // time-bound is off; the length limit of 5 words applies.
    assert.deepEqual(codesOf(submission).filter((code) => code.startsWith('smart/')), ['smart/length']);
  });

  it('reads the file again when it changes on disk', async function () {
    const uri = pathToFileURL(path.join(folder, 'b.upr.md')).toString();
    await client.open(uri, submissionWith('Ratify the Optional Protocol to the Convention against Torture.'), 1);
    assert.deepEqual(codesOf((await client.waitForDiagnostics(uri)).diagnostics).filter((code) => code.startsWith('smart/')), ['smart/length']);
    writeFileSync(configPath, 'rules:\n  smart/length: off\n');
    const republished = client.waitForDiagnostics(uri, (params) => !codesOf(params.diagnostics).includes('smart/length'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).toString(), type: 2 }] });
    assert.deepEqual(codesOf((await republished).diagnostics).filter((code) => code.startsWith('smart/')), ['smart/time-bound']);
  });

  it('checks the file as it is edited, before it is saved', async function () {
    const configUri = pathToFileURL(configPath).toString();
    await client.open(configUri, 'rules:\n  numbering: loud\n', 1);
    const { diagnostics } = await client.waitForDiagnostics(configUri, (params) => params.version === 1);
    assert.deepEqual(codesOf(diagnostics), ['config/schema']);
    assert.equal(diagnostics[0].range.start.line, 1);
  });
});
