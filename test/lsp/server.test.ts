// Protocol tests: `node dist/server.js --stdio` as a child process, spoken to over JSON-RPC as
// an editor would. Run `npm run build` first.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  InitializeResult,
} from 'vscode-languageserver-protocol';
import { applyEdits, codesOf, editsFor, root, serverPath, TestClient } from './client';
import {
  COUNTING_FOOTNOTE_WORDS,
  COUNTING_SECTIONS,
  COUNTING_SUBMISSION,
  COUNTING_WORDS,
  GAP_SUBMISSION,
  lineOf,
  paragraphNumbers,
} from './fixtures';
import { generateSubmission } from '../../bench/generate';

const ERROR = 1;
const WARNING = 2;
const GAP_LINE = lineOf(GAP_SUBMISSION, '4.');

let uriCounter = 0;
/** A fresh document URI per test, so that tests never see each other's diagnostics. */
function newUri(name: string): string {
  return `file:///tmp/upr-lsp-tests/${++uriCounter}-${name}.upr.md`;
}

function gapDiagnostic(diagnostics: Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((diagnostic) => diagnostic.code === 'numbering/gap');
}

function findSymbol(symbols: DocumentSymbol[], name: string): DocumentSymbol {
  const symbol = symbols.find((candidate) => candidate.name === name);
  assert.ok(symbol, `no symbol "${name}" among ${JSON.stringify(symbols.map((s) => s.name))}`);
  return symbol;
}

before(function () {
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` first`);
});

describe('language server over stdio (default settings)', function () {
  let client: TestClient;

  before(async function () {
    client = await TestClient.start({ configuration: [null] });
  });

  after(async function () {
    await client?.stop();
  });

  it('answers initialize with the capabilities the extension relies on', function () {
    const result = client.initializeResult as InitializeResult;
    const capabilities = result.capabilities;
    assert.ok(capabilities.documentSymbolProvider, 'documentSymbolProvider');
    assert.ok(capabilities.foldingRangeProvider, 'foldingRangeProvider');
    assert.ok(capabilities.codeActionProvider, 'codeActionProvider');
    assert.ok(capabilities.executeCommandProvider, 'executeCommandProvider');
    assert.ok(capabilities.executeCommandProvider.commands.includes('upr.renumberParagraphs'));
    // Incremental sync (2), as the didChange tests below rely on.
    const sync = capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, 2);
    assert.equal(typeof sync === 'object' ? sync.openClose : undefined, true);
  });

  it('asks workspace/configuration for the uprSubmission section after initialized', function () {
    assert.ok(client.configurationRequests.length >= 1);
    assert.deepEqual(client.configurationRequests[0].items.map((item) => item.section), ['uprSubmission']);
  });

  it('publishes numbering/gap as an error on the wrong number as soon as a document opens', async function () {
    const uri = newUri('gap');
    await client.open(uri, GAP_SUBMISSION, 1);
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    const gap = gapDiagnostic(published.diagnostics);
    assert.ok(gap, `no numbering/gap in ${JSON.stringify(codesOf(published.diagnostics))}`);
    assert.equal(gap.source, 'upr-submission');
    assert.equal(gap.severity, ERROR);
    assert.deepEqual(gap.range, { start: { line: GAP_LINE, character: 0 }, end: { line: GAP_LINE, character: 2 } });
    assert.match(String(gap.message), /\b3\b/, 'the message names the missing number');
    // Nothing else is wrong with this document.
    assert.deepEqual(codesOf(published.diagnostics), ['numbering/gap']);
  });

  it('republishes without the gap after an incremental didChange fixes it, after the debounce', async function () {
    const uri = newUri('fix');
    await client.open(uri, GAP_SUBMISSION, 1);
    assert.ok(gapDiagnostic((await client.waitForDiagnostics(uri)).diagnostics));

    const sent = Date.now();
    await client.change(uri, 2, [
      { range: { start: { line: GAP_LINE, character: 0 }, end: { line: GAP_LINE, character: 1 } }, text: '3' },
    ]);
    const published = await client.waitForDiagnostics(uri, (params) => params.version === 2);
    const elapsed = Date.now() - sent;
    assert.deepEqual(codesOf(published.diagnostics), []);
    // The default debounce (300 ms) applies to changes.
    assert.ok(elapsed >= 250, `published ${elapsed} ms after the change, before the 300 ms debounce`);
  });

  it('publishes only once for a burst of changes within the debounce', async function () {
    const uri = newUri('burst');
    await client.open(uri, GAP_SUBMISSION, 1);
    await client.waitForDiagnostics(uri);
    const at = { line: GAP_LINE + 1, character: 0 };
    for (let version = 2; version <= 6; version++) {
      await client.change(uri, version, [{ range: { start: at, end: at }, text: 'x' }]);
    }
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 6, 'the first publication after the burst is for its last version');
  });

  it('reports front-matter/syntax when a change breaks the YAML', async function () {
    const uri = newUri('yaml');
    const fixed = GAP_SUBMISSION.replace('\n4. ', '\n3. ');
    await client.open(uri, fixed, 1);
    assert.deepEqual(codesOf((await client.waitForDiagnostics(uri)).diagnostics), []);

    const stateLine = lineOf(fixed, 'state:');
    await client.change(uri, 2, [
      { range: { start: { line: stateLine, character: 7 }, end: { line: stateLine, character: 7 } }, text: '[' },
    ]);
    const published = await client.waitForDiagnostics(uri, (params) => params.version === 2);
    const syntax = published.diagnostics.filter((diagnostic) => diagnostic.code === 'front-matter/syntax');
    assert.ok(syntax.length >= 1, `no front-matter/syntax in ${JSON.stringify(codesOf(published.diagnostics))}`);
    const closing = lineOf(fixed.slice(4), '---') + 1; // the closing fence
    for (const diagnostic of syntax) {
      assert.equal(diagnostic.source, 'upr-submission');
      assert.equal(diagnostic.severity, ERROR);
      assert.ok(
        diagnostic.range.start.line >= 1 && diagnostic.range.end.line <= closing,
        `front-matter/syntax at ${JSON.stringify(diagnostic.range)} is outside the front matter`,
      );
    }
  });

  it('answers documentSymbol with nested sections, word counts and recommendations', async function () {
    const uri = newUri('symbols');
    await client.open(uri, GAP_SUBMISSION, 1);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Executive summary', 'Recommendations']);

    const summary = findSymbol(symbols, 'Executive summary');
    assert.equal(summary.detail, '22 words', 'a section counts its subsections');
    assert.equal(summary.range.start.line, lineOf(GAP_SUBMISSION, '# Executive summary'));
    assert.equal(summary.selectionRange.start.line, summary.range.start.line);
    const background = findSymbol(summary.children ?? [], 'Background');
    assert.equal(background.detail, '14 words');
    assert.equal(background.range.start.line, lineOf(GAP_SUBMISSION, '## Background'));

    const recommendations = findSymbol(symbols, 'Recommendations');
    assert.equal(recommendations.detail, '27 words');
    const items = recommendations.children ?? [];
    assert.deepEqual(
      items.map((item) => item.name),
      ['Ratify the Optional Protocol to the CRPD by 2027.', 'Adopt an accessibility plan in line with SDG 11.2 by 2027.'],
    );
    assert.deepEqual(
      items.map((item) => item.range.start.line),
      [lineOf(GAP_SUBMISSION, '- Ratify'), lineOf(GAP_SUBMISSION, '- Adopt')],
    );
    for (const item of items) {
      assert.ok(item.range.start.line >= recommendations.range.start.line);
      assert.ok(item.range.end.line <= recommendations.range.end.line);
    }
  });

  it('answers foldingRange for the front matter and the sections', async function () {
    const uri = newUri('folding');
    await client.open(uri, GAP_SUBMISSION, 1);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const has = (startLine: number, endLine: number) =>
      ranges.some((range) => range.startLine === startLine && range.endLine === endLine);
    const closingFence = lineOf(GAP_SUBMISSION.slice(4), '---') + 1;
    const lastLine = lineOf(GAP_SUBMISSION, '- Adopt');
    assert.ok(has(0, closingFence), `no front matter fold 0-${closingFence} in ${JSON.stringify(ranges)}`);
    assert.ok(has(lineOf(GAP_SUBMISSION, '# Executive summary'), lineOf(GAP_SUBMISSION, '2. ')), 'Executive summary');
    assert.ok(has(lineOf(GAP_SUBMISSION, '## Background'), lineOf(GAP_SUBMISSION, '2. ')), 'Background');
    assert.ok(has(lineOf(GAP_SUBMISSION, '# Recommendations'), lastLine), 'Recommendations');
    for (const range of ranges) assert.ok(range.endLine > range.startLine, `empty fold ${JSON.stringify(range)}`);
  });

  it('offers the names of the States meant for a State under review it does not know', async function () {
    const uri = newUri('unknown-state');
    const text = GAP_SUBMISSION.replace(/^state: .*$/m, 'state: Kyrgystan');
    await client.open(uri, text, 1);
    const unknown = (await client.waitForDiagnostics(uri)).diagnostics.find((diagnostic) => diagnostic.code === 'front-matter/unknown-state');
    assert.ok(unknown);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
    const fix = actions.find((action) => action.title === 'Change to "Kyrgyzstan"');
    assert.ok(fix?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(fix.isPreferred, true);
    assert.match(applyEdits(text, editsFor(fix.edit, uri)), /^state: Kyrgyzstan$/m);
    // A comment in the front matter would be YAML: the rule is switched off for the whole file only.
    const disabling = actions.filter((action) => action.title.startsWith('Disable '));
    assert.deepEqual(disabling.map((action) => action.title), ['Disable front-matter/unknown-state for the whole file']);
    const uri2 = newUri('unknown-state-disabled');
    await client.open(uri2, applyEdits(text, editsFor(disabling[0].edit!, uri)), 1);
    assert.deepEqual(codesOf((await client.waitForDiagnostics(uri2)).diagnostics).filter((code) => code.startsWith('front-matter/')), []);
  });

  it("offers the issues of UPR Info's list meant for an issue it does not know, quoted or not", async function () {
    for (const [written, expected] of [['Disabilites', 'Disabilities'], ["'Womens rights'", "Women's rights"]]) {
      const uri = newUri(`unknown-issue-${expected.length}`);
      const text = GAP_SUBMISSION.replace(/^---\n/, `---\nissues:\n  - ${written}\n`);
      await client.open(uri, text, 1);
      const unknown = (await client.waitForDiagnostics(uri)).diagnostics.find((diagnostic) => diagnostic.code === 'references/unknown-issue');
      assert.ok(unknown, text);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
      const fix = actions.find((action) => action.title === `Change to "${expected}"`);
      assert.ok(fix?.edit, JSON.stringify(actions.map((action) => action.title)));
      assert.equal(fix.isPreferred, true);
      const fixed = applyEdits(text, editsFor(fix.edit, uri));
      assert.match(fixed, new RegExp(`^  - ${expected}$`, 'm'));
      const uri2 = newUri(`unknown-issue-fixed-${expected.length}`);
      await client.open(uri2, fixed, 1);
      assert.ok(!codesOf((await client.waitForDiagnostics(uri2)).diagnostics).includes('references/unknown-issue'));
    }
  });

  it('offers "Renumber paragraphs" as a quick fix for the gap, whose edit numbers 1., 2., 3.', async function () {
    const uri = newUri('quickfix');
    await client.open(uri, GAP_SUBMISSION, 1);
    const gap = gapDiagnostic((await client.waitForDiagnostics(uri)).diagnostics);
    assert.ok(gap);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: gap.range,
      context: { diagnostics: [gap] },
    });
    const fix = actions.find((action) => action.title === 'Renumber paragraphs');
    assert.ok(fix, `no "Renumber paragraphs" among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics?.map((diagnostic) => diagnostic.code), ['numbering/gap']);
    assert.ok(fix.edit);
    const edits = editsFor(fix.edit, uri);
    assert.deepEqual(edits, [
      { range: { start: { line: GAP_LINE, character: 0 }, end: { line: GAP_LINE, character: 2 } }, newText: '3.' },
    ]);
    const renumbered = applyEdits(GAP_SUBMISSION, edits);
    assert.deepEqual(paragraphNumbers(renumbered), [1, 2, 3]);
    assert.equal(renumbered, GAP_SUBMISSION.replace('\n4. ', '\n3. '), 'nothing but the number changes');
  });

  it('offers no quick fix when the context has no numbering diagnostic', async function () {
    const uri = newUri('nofix');
    await client.open(uri, GAP_SUBMISSION, 1);
    const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual((actions ?? []).filter((action) => action.kind === 'quickfix'), []);
  });

  it('offers "Renumber paragraphs" as a source action when asked for source actions', async function () {
    const uri = newUri('source-action');
    await client.open(uri, GAP_SUBMISSION, 1);
    const everywhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: everywhere,
      context: { diagnostics: [], only: ['source'] },
    });
    const source = actions.find((action) => action.kind === 'source.renumberParagraphs');
    assert.ok(source, `no source.renumberParagraphs among ${JSON.stringify(actions)}`);
    assert.equal(source.title, 'Renumber paragraphs');
    assert.deepEqual(paragraphNumbers(applyEdits(GAP_SUBMISSION, editsFor(source.edit!, uri))), [1, 2, 3]);
  });

  it('offers the source action when asked for exactly its kind (as editor.codeActionsOnSave does)', async function () {
    // LSP: `only` lists the kinds wanted; an action of kind `source.renumberParagraphs` matches
    // `only: ['source.renumberParagraphs']` just as it matches `only: ['source']`.
    const uri = newUri('source-action-exact');
    await client.open(uri, GAP_SUBMISSION, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.renumberParagraphs'] },
    });
    assert.deepEqual(
      (actions ?? []).map((action) => action.kind),
      ['source.renumberParagraphs'],
      'server/src/features/codeActions.ts tests `only` against "source", not against the action\'s own kind',
    );
  });

  it('runs upr.renumberParagraphs through workspace/applyEdit with the same edits', async function () {
    const uri = newUri('command');
    await client.open(uri, GAP_SUBMISSION, 1);
    const before = client.applyEdits.length;
    await client.request('workspace/executeCommand', { command: 'upr.renumberParagraphs', arguments: [uri] });
    assert.equal(client.applyEdits.length, before + 1, 'one workspace/applyEdit request');
    const edits = editsFor(client.applyEdits[before].edit, uri);
    assert.deepEqual(edits, [
      { range: { start: { line: GAP_LINE, character: 0 }, end: { line: GAP_LINE, character: 2 } }, newText: '3.' },
    ]);
    assert.deepEqual(paragraphNumbers(applyEdits(GAP_SUBMISSION, edits)), [1, 2, 3]);
  });

  it('renumbers a document with several errors in one edit', async function () {
    const uri = newUri('command-many');
    const text = GAP_SUBMISSION.replace('\n1. ', '\n7. ').replace('\n2. ', '\n7. ');
    await client.open(uri, text, 1);
    const before = client.applyEdits.length;
    await client.request('workspace/executeCommand', { command: 'upr.renumberParagraphs', arguments: [uri] });
    assert.equal(client.applyEdits.length, before + 1);
    assert.deepEqual(paragraphNumbers(applyEdits(text, editsFor(client.applyEdits[before].edit, uri))), [1, 2, 3]);
  });

  it('answers upr/wordCount with the counts made by hand', async function () {
    const uri = newUri('count');
    await client.open(uri, COUNTING_SUBMISSION, 1);
    const result = await client.request('upr/wordCount', { uri });
    assert.deepEqual(result, {
      words: COUNTING_WORDS,
      limit: 2815,
      warnAt: 2534, // 90 % of 2,815, rounded up
      footnoteWords: COUNTING_FOOTNOTE_WORDS,
      sections: COUNTING_SECTIONS,
    });
  });

  it('answers upr/wordCount for a joint submission with the joint limit', async function () {
    const uri = newUri('count-joint');
    await client.open(uri, GAP_SUBMISSION, 1);
    const result = await client.request('upr/wordCount', { uri });
    assert.deepEqual(result, {
      words: 49,
      limit: 5630,
      warnAt: 5067,
      footnoteWords: 0,
      sections: [
        { title: 'Executive summary', words: 8 },
        { title: 'Background', words: 14 },
        { title: 'Recommendations', words: 27 },
      ],
    });
  });

  it('answers upr/wordCount with null for a document it does not have', async function () {
    assert.equal(await client.request('upr/wordCount', { uri: newUri('never-opened') }), null);
  });

  it('clears the diagnostics of a closed document', async function () {
    const uri = newUri('close');
    await client.open(uri, GAP_SUBMISSION, 1);
    assert.ok(gapDiagnostic((await client.waitForDiagnostics(uri)).diagnostics));
    await client.close(uri);
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
  });

  it('drops a pending debounced publication when the document closes', async function () {
    const uri = newUri('close-pending');
    await client.open(uri, GAP_SUBMISSION, 1);
    await client.waitForDiagnostics(uri);
    const at = { line: GAP_LINE + 1, character: 0 };
    await client.change(uri, 2, [{ range: { start: at, end: at }, text: 'x' }]);
    await client.close(uri);
    assert.deepEqual((await client.waitForDiagnostics(uri)).diagnostics, []);
    // Past the 300 ms debounce: nothing more may arrive for the closed document.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await assert.rejects(client.waitForDiagnostics(uri, () => true, 10), /Timed out/);
  });

  it('survives a document of binary garbage', async function () {
    const uri = newUri('garbage');
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let garbage = '';
    for (let i = 0; i < 200_000; i++) {
      const roll = random();
      // Bytes read as Latin-1, NULs, lone surrogates and the Markdown characters the parser looks at.
      garbage +=
        roll < 0.05 ? String.fromCharCode(0xd800 + Math.floor(random() * 0x800))
        : roll < 0.15 ? '\n#-*[]^:<!--`~\r>'[Math.floor(random() * 16)]
        : String.fromCharCode(Math.floor(random() * 256));
    }
    await client.open(uri, garbage, 1);
    await client.waitForDiagnostics(uri, () => true, 10000);
    const symbols = await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));

    const other = newUri('after-garbage');
    await client.open(other, GAP_SUBMISSION, 1);
    const answer = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.deepEqual(answer.map((symbol) => symbol.name), ['Executive summary', 'Recommendations']);
    assert.ok(client.alive);
  });

  it('survives a 5 MB document and still answers documentSymbol', async function () {
    this.timeout(60000);
    const uri = newUri('huge');
    const one = generateSubmission().text;
    const body = one.slice(one.indexOf('\n---\n', 4) + 5);
    const copies = Math.ceil((5 * 1024 * 1024) / body.length);
    const huge = one + body.repeat(copies - 1);
    assert.ok(huge.length >= 5 * 1024 * 1024);

    await client.open(uri, huge, 1);
    const published = await client.waitForDiagnostics(uri, () => true, 30000);
    assert.ok(codesOf(published.diagnostics).includes('word-limit/exceeded'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, 30000);
    assert.ok(symbols.length > 100);

    const other = newUri('after-huge');
    await client.open(other, GAP_SUBMISSION, 1);
    const answer = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.deepEqual(answer.map((symbol) => symbol.name), ['Executive summary', 'Recommendations']);
    assert.ok(client.alive);
    await client.close(uri);
  });

  it('outlines a document of 40,000 headings (160 KB)', async function () {
    // Every heading is a section: the server must still answer (it once took time with the
    // square of the headings; `npm run bench` measures speed, this only that it answers).
    this.timeout(60000);
    const uri = newUri('headings');
    await client.open(uri, '# Section\n'.repeat(40000), 1);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, 50000);
    assert.equal(symbols.length, 40000);
    await client.close(uri);
  });

  it('shuts down and exits with code 0', async function () {
    const own = await TestClient.start({ configuration: [null] });
    try {
      await own.request('shutdown', null);
      await own.notify('exit', null);
      const code = await new Promise<number | null>((resolve) => {
        if (own.child.exitCode !== null) resolve(own.child.exitCode);
        else own.child.once('exit', resolve);
      });
      assert.equal(code, 0);
    } finally {
      await own.stop();
    }
  });
});

describe('language server over stdio (configured settings)', function () {
  let client: TestClient;
  const settings = { lint: { debounceMs: 0 }, rules: { 'numbering/gap': 'warning' } as Record<string, string> };

  before(async function () {
    client = await TestClient.start({ configuration: [settings] });
  });

  after(async function () {
    await client?.stop();
  });

  it('applies the configured severity to numbering/gap', async function () {
    const uri = newUri('configured-gap');
    await client.open(uri, GAP_SUBMISSION, 1);
    const gap = gapDiagnostic((await client.waitForDiagnostics(uri)).diagnostics);
    assert.ok(gap);
    assert.equal(gap.severity, WARNING);
    assert.equal(gap.source, 'upr-submission');
  });

  it('publishes every change when lint.debounceMs is 0, even changes in quick succession', async function () {
    // With a debounce, only the last of quick changes is published (see the burst test above).
    const uri = newUri('configured-debounce');
    await client.open(uri, GAP_SUBMISSION, 1);
    await client.waitForDiagnostics(uri);
    const range = { start: { line: GAP_LINE, character: 0 }, end: { line: GAP_LINE, character: 1 } };
    await client.change(uri, 2, [{ range, text: '3' }]);
    await client.change(uri, 3, [{ range, text: '4' }]);
    const second = await client.waitForDiagnostics(uri, (params) => params.version === 2);
    assert.deepEqual(codesOf(second.diagnostics), []);
    const third = await client.waitForDiagnostics(uri, (params) => params.version === 3);
    assert.ok(gapDiagnostic(third.diagnostics));
  });

  it('pulls the settings again on didChangeConfiguration and republishes open documents', async function () {
    const uri = newUri('configured-reload');
    await client.open(uri, GAP_SUBMISSION, 1);
    assert.ok(gapDiagnostic((await client.waitForDiagnostics(uri)).diagnostics));

    settings.rules = { numbering: 'off' };
    try {
      const pulled = client.nextConfiguration();
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await pulled;
      const published = await client.waitForDiagnostics(uri, (params) => !gapDiagnostic(params.diagnostics));
      assert.deepEqual(codesOf(published.diagnostics), []);
    } finally {
      settings.rules = { 'numbering/gap': 'warning' };
    }
  });
});

describe('language server over stdio (locale ru)', function () {
  let client: TestClient;
  const bundlePath = path.join(root, 'l10n', 'bundle.l10n.ru.json');
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as Record<string, string | { message: string }>;
  const translated = (key: string): string | undefined => {
    const entry = bundle[key];
    return typeof entry === 'string' ? entry : entry?.message;
  };
  const gapKey = 'Paragraph {0} follows paragraph {1}: {2} is missing.';
  const wordsKey = '{0} words';

  before(async function () {
    client = await TestClient.start({ configuration: [null], locale: 'ru' });
  });

  after(async function () {
    await client?.stop();
  });

  it('writes diagnostics in Russian when the bundle translates them (English otherwise)', async function () {
    const uri = newUri('ru');
    await client.open(uri, GAP_SUBMISSION, 1);
    const gap = gapDiagnostic((await client.waitForDiagnostics(uri)).diagnostics);
    assert.ok(gap);
    const russian = translated(gapKey);
    if (russian) {
      assert.equal(gap.message, russian.replace('{0}', '4').replace('{1}', '2').replace('{2}', '3'));
      assert.match(gap.message, /[а-яё]/i);
    } else {
      // l10n/bundle.l10n.ru.json has no translation for this message (yet): English is the fallback.
      assert.equal(gap.message, 'Paragraph 4 follows paragraph 2: 3 is missing.');
    }
  });

  it('titles the quick fix in Russian when the bundle translates it', async function () {
    const uri = newUri('ru-fix');
    await client.open(uri, GAP_SUBMISSION, 1);
    const gap = gapDiagnostic((await client.waitForDiagnostics(uri)).diagnostics);
    assert.ok(gap);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: gap.range,
      context: { diagnostics: [gap] },
    });
    const titles = actions.filter((action) => action.kind === 'quickfix').map((action) => action.title);
    assert.equal(titles[0], translated('Renumber paragraphs') ?? 'Renumber paragraphs');
    assert.ok(titles.includes(translated('Disable {0} for this line')?.replace('{0}', 'numbering/gap') ?? ''), JSON.stringify(titles));
  });

  it('answers documentSymbol in Russian when the bundle translates "{0} words"', async function () {
    const uri = newUri('ru-symbols');
    await client.open(uri, GAP_SUBMISSION, 1);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const detail = findSymbol(symbols, 'Recommendations').detail;
    const russian = translated(wordsKey);
    assert.equal(detail, (russian ?? wordsKey).replace('{0}', '27'));
  });
});
