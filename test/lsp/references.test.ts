// Protocol tests for previous recommendations and SDG targets: the server indexes the workspace's
// recommendations folder (here a copy of samples/, with its sample index) and answers completion,
// hover, diagnostics, definition, references, code lenses, code actions and commands from it.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, CompletionList, Diagnostic, Hover, Location } from 'vscode-languageserver-protocol';
import { applyEdits, codesOf, editsFor, root, TestClient } from './client';
import { JOINT_FRONT_MATTER } from './fixtures';

const SAMPLE_INDEX = 'recommendations/kyrgyzstan-2010-sample.json';

describe('previous recommendations and SDG targets over LSP', function () {
  let client: TestClient;
  let folder: string;
  let counter = 0;

  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const withBody = (body: string, frontMatter = JOINT_FRONT_MATTER) => `${frontMatter}\n## Executive summary\n\n${body}\n`;
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));
  const at = (text: string, needle: string, offset = 0) => {
    const line = lineOf(text, needle);
    return { line, character: text.split('\n')[line].indexOf(needle) + offset };
  };
  async function open(text: string) {
    const uri = uriOf(`doc-${++counter}.upr.md`);
    await client.open(uri, text, 1);
    const { diagnostics } = await client.waitForDiagnostics(uri);
    return { uri, diagnostics };
  }
  async function completionList(text: string, needle: string): Promise<CompletionList> {
    const { uri } = await open(text);
    const position = at(text, needle, needle.length);
    const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(result && Array.isArray(result.items), JSON.stringify(result));
    return result;
  }
  async function complete(text: string, needle: string) {
    return (await completionList(text, needle)).items;
  }

  before(async function () {
    folder = mkdtempSync(path.join(tmpdir(), 'upr-references-'));
    cpSync(path.join(root, 'samples'), folder, { recursive: true });
    writeFileSync(path.join(folder, 'recommendations', 'broken.csv'), 'state_under_review,cycle,wg_session,wg_report_symbol,paragraph,reference,text,recommending_states,position,position_source,theme_heading,themes,sdgs,affected_persons\nSlovenia,2,20,A/HRC/28/15,115.1,"A/HRC/28/15, para. 115.1",,Croatia,Supported,,,,,\n');
    client = await TestClient.start({ configuration: [null], workspaceFolders: [pathToFileURL(folder).toString()] });
    // The index is read once the server is initialised: its files' diagnostics tell when.
    await client.waitForDiagnostics(uriOf(SAMPLE_INDEX), () => true, 10000);
  });

  after(async function () {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("reports a source file's bad rows on that file, by line", async function () {
    const { diagnostics } = await client.waitForDiagnostics(uriOf('recommendations/broken.csv'), () => true, 10000);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].range.start.line, 1);
    assert.equal(diagnostics[0].code, 'references/import');
  });

  it('completes previous recommendations after @rec, the canonical reference with the recommending State', async function () {
    const text = withBody('1. As recommended in @rec');
    const items = await complete(text, '@rec');
    const item = items.find((candidate) => candidate.label === 'A/HRC/15/2, para. 77.3');
    assert.ok(item, `no 77.3 among ${JSON.stringify(items.map((candidate) => candidate.label))}`);
    // The start of its text beside the reference.
    assert.equal(item.labelDetails?.description, 'Ratify the Convention on the Rights of Persons with Disabil…');
    assert.equal((item.textEdit as { newText: string }).newText, 'A/HRC/15/2, para. 77.3 (Iran)');
    assert.match(JSON.stringify(item.documentation), /SAMPLE DATA/);
  });

  it("puts the recommendations on the submission's issues first", async function () {
    const frontMatter = JOINT_FRONT_MATTER.replace('cycle: 4', 'cycle: 2').replace('language: en', "language: en\nissues:\n  - Women's rights");
    const items = await complete(withBody('1. As recommended in @rec', frontMatter), '@rec');
    const first = items.slice(0, 5).map((item) => JSON.stringify(item.documentation));
    assert.ok(first.every((documentation) => /women|gender|marriage|kidnapping|domestic/i.test(documentation)), first.join('\n'));
  });

  it('searches previous recommendations by words after @rec, again as more is typed', async function () {
    const list = await completionList(withBody('1. See @rec kidnapping'), '@rec kidnapping');
    assert.ok(list.items.length > 0);
    assert.match(JSON.stringify(list.items[0].documentation), /kidnapping/i);
    assert.equal(list.isIncomplete, true);
    assert.equal((await completionList(withBody('1. See A/HRC/15/'), 'A/HRC/15/')).isIncomplete, true);
  });

  it('completes SDG targets by id and by words', async function () {
    const byIdItems = await complete(withBody('1. Linked to SDG 5.'), 'SDG 5.');
    const byId = byIdItems.map((item) => item.label);
    assert.equal(byIdItems[1].labelDetails?.description, 'Eliminate all forms of violence against all women and girls…');
    const goals = await complete(withBody('1. Linked to SDG 1'), 'SDG 1');
    assert.equal(goals[0].label, '1');
    assert.equal(goals[0].labelDetails?.description, 'No poverty');
    assert.match(goals[0].detail ?? '', /^End poverty in all its forms everywhere/);
    assert.deepEqual(byId, ['5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.a', '5.b', '5.c']);
    const byWords = await completionList(withBody('1. Linked to SDG violence against women'), 'SDG violence against women');
    assert.equal(byWords.items[0].label, '5.2');
    assert.equal((byWords.items[0].textEdit as { newText: string }).newText, '5.2');
    // Words are searched again as they are typed; ids are filtered by the editor.
    assert.equal(byWords.isIncomplete, true);
    assert.equal((await completionList(withBody('1. Linked to SDG 5.'), 'SDG 5.')).isIncomplete, false);
    // A goal's number: its targets too, and asked again as more is typed.
    const goalTyped = await completionList(withBody('1. Linked to SDG 16'), 'SDG 16');
    assert.equal(goalTyped.isIncomplete, true);
    assert.ok(['16', '16.1', '16.a'].every((id) => goalTyped.items.some((item) => item.label === id)), JSON.stringify(goalTyped.items.map((item) => item.label)));
  });

  it('shows the full previous recommendation on hover, marked as sample data', async function () {
    const text = withBody('1. Kyrgyzstan has not acted on A/HRC/15/2, para. 77.3 yet.');
    const { uri } = await open(text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(text, 'A/HRC/15/2', 3) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /SAMPLE DATA/);
    assert.match(value, /Ratify the Convention on the Rights of Persons with Disabilities/);
    assert.match(value, /Iran/);
  });

  it('shows an SDG target and its goal on hover', async function () {
    const text = withBody('1. Violence persists (SDG 5.2).');
    const { uri } = await open(text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(text, 'SDG 5.2', 5) });
    assert.match((hover.contents as { value: string }).value, /5\.2.*Eliminate all forms of violence against all women and girls/s);
  });

  it('reports unknown references, references to another State and unknown SDG targets', async function () {
    const { diagnostics } = await open(withBody('1. See A/HRC/15/2, para. 76.300, A/HRC/29/4, para. 117.23 and SDG 5.9.'));
    assert.deepEqual(codesOf(diagnostics).filter((code) => code.startsWith('references/') && code !== 'references/sdg-missing'), ['references/unknown', 'references/unknown', 'references/sdg-unknown']);
    // A report the index holds, with a paragraph it does not: a typo, most likely.
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.code === 'references/unknown').map((diagnostic) => diagnostic.message),
      [
        'A/HRC/15/2 has no paragraph 76.300 in the index of previous recommendations: check the number.',
        'A/HRC/29/4, para. 117.23 is not in the index of previous recommendations: import the report into the recommendations folder.',
      ],
    );
    const elsewhere = await open(withBody('1. See A/HRC/15/2, para. 77.3.', JOINT_FRONT_MATTER.replace('state: Kyrgyzstan', 'state: Kazakhstan')));
    assert.ok(codesOf(elsewhere.diagnostics).includes('references/other-state'));
  });

  it('proposes the best-matching SDG targets for a recommendation that cites none', async function () {
    const text = withBody('1. Text.\n\n## Recommendations\n\n- Adopt a law criminalizing domestic violence by 2027.');
    const { uri, diagnostics } = await open(text);
    const hint = diagnostics.find((diagnostic) => diagnostic.code === 'references/sdg-missing');
    assert.ok(hint, JSON.stringify(diagnostics.map((diagnostic) => diagnostic.code)));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: hint.range, context: { diagnostics: [hint] } });
    const link = actions.find((action) => action.title.startsWith('Link to SDG 5.2'));
    assert.ok(link?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.ok(applyEdits(text, editsFor(link.edit, uri)).includes('- Adopt a law criminalizing domestic violence by 2027 (SDG 5.2).'));
  });

  it('goes to the row a reference comes from', async function () {
    const text = withBody('1. See A/HRC/15/2, para. 77.3.');
    const { uri } = await open(text);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: at(text, 'A/HRC/15/2', 2) });
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri, uriOf(SAMPLE_INDEX));
    const line = readFileSync(path.join(folder, SAMPLE_INDEX), 'utf8').split('\n')[locations[0].range.start.line];
    assert.ok(line !== undefined);
  });

  it('finds every submission in the workspace that cites a reference', async function () {
    const text = withBody('1. See A/HRC/15/2, para. 77.3.');
    const { uri } = await open(text);
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: at(text, 'A/HRC/15/2', 2),
      context: { includeDeclaration: true },
    });
    const files = new Set(locations.map((location) => path.basename(new URL(location.uri).pathname)));
    assert.ok(files.has('kyrgyzstan-disability-joint-submission.upr.md'), JSON.stringify([...files]));
  });

  it('puts a code lens with the States that made similar recommendations above each recommendation', async function () {
    const text = withBody('1. Text.\n\n## Recommendations\n\n- Ratify the Convention on the Rights of Persons with Disabilities by 2027 (SDG 10.2).');
    const { uri } = await open(text);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses.length, 1);
    assert.match(lenses[0].command!.title, /^Similar past recommendations \(sample data\): .*Iran 1/);
    assert.match(lenses[0].command!.tooltip ?? '', /^Past recommendations most like this one \(with at least half of its words, or far closer than the rest\), counted by the State that made them/);
    assert.equal(lenses[0].range.start.line, lineOf(text, '- Ratify'));
    // Each similar recommendation names the row it comes from, which the list opens.
    const [similar] = lenses[0].command!.arguments![0] as { text: string; source: { uri: string; line: number } }[];
    assert.equal(similar.source.uri, uriOf(SAMPLE_INDEX));
    // The line where its entry starts, as Go to Definition opens it.
    const entry = readFileSync(path.join(folder, SAMPLE_INDEX), 'utf8').split('\n').slice(similar.source.line);
    assert.equal(entry[0].trim(), '{');
    assert.ok(entry.slice(0, entry.findIndex((line) => line.trim().startsWith('}'))).some((line) => line.includes(JSON.stringify(similar.text))), entry.slice(0, 5).join('\n'));
  });

  it("inserts an assessment table of the State's previous recommendations on an issue", async function () {
    const frontMatter = JOINT_FRONT_MATTER.replace('language: en', 'language: en\nissues:\n  - Disabilities');
    const text = withBody('1. Text.\n\n## Persons with disabilities\n\n2. More text.', frontMatter);
    const { uri } = await open(text);
    const heading = lineOf(text, '## Persons with disabilities');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: heading, character: 3 }, end: { line: heading, character: 3 } },
      context: { diagnostics: [] },
    });
    const action = actions.find((candidate) => candidate.title === 'Insert assessment of previous recommendations on Disabilities');
    assert.ok(action?.edit, JSON.stringify(actions.map((candidate) => candidate.title)));
    const result = applyEdits(text, editsFor(action.edit, uri));
    assert.match(result, /## Persons with disabilities\n\n\| Reference \| Recommending State \| Response \| Implementation \| Evidence \|/);
    assert.match(result, /\| A\/HRC\/15\/2, para\. 77\.3 \| Iran \| noted \| not \/ partially \/ fully implemented \|/);
  });

  it('imports an export into the recommendations folder, or writes nothing when a row is bad', async function () {
    const source = path.join(folder, 'export.csv');
    const header = 'state_under_review,cycle,wg_session,wg_report_symbol,paragraph,reference,text,recommending_states,position,position_source,theme_heading,themes,sdgs,affected_persons';
    const row = 'Kyrgyzstan,3,35,A/HRC/44/9,116.1,"A/HRC/44/9, para. 116.1",Establish a national preventive mechanism with its own budget line,Denmark,Supported,,,,,';
    // The same row twice: imported all the same, with a warning on the second.
    writeFileSync(source, `${header}\n${row}\n${row}\n`);
    const target = path.join(folder, 'recommendations', 'export.json');
    try {
      const outcome = await client.request<{ written: boolean; records: number; warnings: { line: number; message: string }[] }>('workspace/executeCommand', {
        command: 'upr.importRecommendations',
        arguments: [{ source, target }],
      });
      assert.equal(outcome.written, true);
      assert.equal(outcome.records, 2);
      assert.deepEqual(outcome.warnings.map(({ line }) => line), [3]);
      assert.match(outcome.warnings[0].message, /same recommendation as line 2/);
      assert.match(readFileSync(target, 'utf8'), /"format": "upr-recommendations\/1"/);
      // With the coalition's own recommendations beside it, the sample is left out, and said to be.
      const sample = await client.waitForDiagnostics(uriOf(SAMPLE_INDEX), ({ diagnostics }) => diagnostics.length > 0, 10000);
      assert.deepEqual(codesOf(sample.diagnostics), ['references/sample-set-aside']);
      // The index follows: the new recommendation resolves.
      const text = withBody('1. See A/HRC/44/9, para. 116.1.');
      const { uri } = await open(text);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(text, 'A/HRC/44/9', 2) });
      assert.match((hover.contents as { value: string }).value, /national preventive mechanism/);
      // The client's watcher then reports the file the import wrote: the same files, not read again.
      const count = (pattern: RegExp) => client.logs.filter((line) => pattern.test(line)).length;
      const [reads, skips] = [count(/^Read /), count(/have not changed: they are not read again\.$/)];
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(target).toString(), type: 1 }] });
      for (let attempt = 0; attempt < 100 && count(/have not changed/) === skips; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(count(/have not changed: they are not read again\.$/), skips + 1, client.logs.join('\n'));
      assert.equal(count(/^Read /), reads);

      writeFileSync(source, `${header}\nKyrgyzstan,3,35,A/HRC/44/9,116.2,"A/HRC/44/9, para. 116.2",,Denmark,Supported,,,,,\n`);
      const refused = await client.request<{ written: boolean; errors: { line: number }[] }>('workspace/executeCommand', {
        command: 'upr.importRecommendations',
        arguments: [{ source, target: path.join(folder, 'recommendations', 'refused.json') }],
      });
      assert.equal(refused.written, false);
      assert.deepEqual(refused.errors.map((error) => error.line), [2]);
      assert.throws(() => readFileSync(path.join(folder, 'recommendations', 'refused.json')));
    } finally {
      // Back to the sample alone, for the tests after this one, whatever happened above.
      rmSync(target, { force: true });
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(target).toString(), type: 3 }] });
      await client.waitForDiagnostics(uriOf(SAMPLE_INDEX), ({ diagnostics }) => diagnostics.length === 0, 10000);
    }
  });

  it('writes the advocacy targets table for the whole submission', async function () {
    const text = withBody('1. Text.\n\n## Recommendations\n\n- Ratify the Convention on the Rights of Persons with Disabilities by 2027 (SDG 10.2).');
    const { uri } = await open(text);
    const table = await client.request<string>('workspace/executeCommand', { command: 'upr.advocacyTargets', arguments: [uri] });
    assert.match(table, /^# Advocacy targets/);
    assert.match(table, /\| 1 \| Ratify the Convention .* \| .*Iran \(1\)/);
  });
});

describe('the word index kept between runs of the server', function () {
  let folder: string;
  let client: TestClient | undefined;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'upr-word-index-'));
    cpSync(path.join(root, 'samples'), path.join(folder, 'workspace'), { recursive: true });
  });
  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const storagePath = () => path.join(folder, 'storage');
  const saved = () => path.join(storagePath(), 'word-index.json');

  async function start(): Promise<TestClient> {
    const workspace = path.join(folder, 'workspace');
    const started = await TestClient.start({ configuration: [null], workspaceFolders: [pathToFileURL(workspace).toString()], initializationOptions: { storagePath: storagePath() } });
    await started.waitForDiagnostics(pathToFileURL(path.join(workspace, SAMPLE_INDEX)).toString(), () => true, 10000);
    return started;
  }

  /** The similar-recommendations lens of a submission's one recommendation. */
  async function lensTitle(running: TestClient): Promise<string> {
    const uri = pathToFileURL(path.join(folder, 'workspace', 'lens.upr.md')).toString();
    await running.open(uri, `${JOINT_FRONT_MATTER}\n## Recommendations\n\n- Criminalize bride kidnapping and forced marriage by 2027.\n`, 1);
    await running.waitForDiagnostics(uri);
    const lenses = await running.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    return lenses.map((lens) => lens.command?.title ?? '').join('\n');
  }

  it("is saved in the client's storage once built, and restored at the next start", async function () {
    client = await start();
    const first = client;
    const savedLog = () => first.logs.some((line) => line.startsWith('Saved the word index'));
    for (let attempt = 0; attempt < 100 && !savedLog(); attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(savedLog(), `no word index saved: ${first.logs.join('\n')}`);
    assert.ok(first.logs.some((line) => /^Read \d+ previous recommendations from 1 file in .*recommendations; sample data only\.$/.test(line)), first.logs.join('\n'));
    assert.ok(existsSync(saved()));
    const firstLens = await lensTitle(first);
    assert.match(firstLens, /Similar past recommendations/);
    await first.stop();
    client = await start();
    assert.ok(client.logs.some((line) => line.startsWith('Restored the word index')), client.logs.join('\n'));
    assert.equal(await lensTitle(client), firstLens);
    await client.stop();

    // A damaged one is said so, built anew and saved again.
    const whole = readFileSync(saved(), 'utf8');
    writeFileSync(saved(), whole.slice(0, whole.length / 2));
    client = await start();
    const third = client;
    assert.ok(third.logs.some((line) => /^The saved word index in .* could not be used \(.*JSON.*\): it is built anew\.$/.test(line)), third.logs.join('\n'));
    assert.equal(await lensTitle(third), firstLens);
  });

  it('is built at every start when the client gives no storage folder, and the log says so', async function () {
    const workspace = path.join(folder, 'workspace');
    const started = await TestClient.start({ configuration: [null], workspaceFolders: [pathToFileURL(workspace).toString()], initializationOptions: { storagePath: 'relative/storage' } });
    try {
      await started.waitForDiagnostics(pathToFileURL(path.join(workspace, SAMPLE_INDEX)).toString(), () => true, 10000);
      assert.ok(started.logs.some((line) => line.startsWith('The client gave no storage folder')), started.logs.join('\n'));
      assert.ok(!existsSync(path.join(root, 'relative')));
    } finally {
      await started.stop();
    }
  });
});

describe('the recommendations folder named in the settings', function () {
  let folder: string;
  let client: TestClient | undefined;
  const settings: { references?: { folder: string } } = {};

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'upr-references-folder-'));
    cpSync(path.join(root, 'samples'), folder, { recursive: true });
    client = await TestClient.start({ configuration: [settings], workspaceFolders: [pathToFileURL(folder).toString()] });
    await client.waitForDiagnostics(pathToFileURL(path.join(folder, SAMPLE_INDEX)).toString(), () => true, 10000);
  });
  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Writes a one-recommendation file and tells the server, as the client's watcher does. */
  async function writeSource(relativePath: string, paragraph: string) {
    const file = path.join(folder, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    const recommendation = { symbol: 'A/HRC/44/9', paragraph, text: 'Establish a national preventive mechanism', state: 'Kyrgyzstan', recommendingStates: ['Denmark'], issues: [], sdgs: [] };
    writeFileSync(file, JSON.stringify({ format: 'upr-recommendations/1', recommendations: [recommendation] }));
    await client!.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 1 }] });
  }

  /** The reference diagnostics of a submission citing A/HRC/44/9, para. 116.1 and 116.2. */
  async function referenceDiagnostics(name: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path.join(folder, name)).toString();
    await client!.open(uri, `${JOINT_FRONT_MATTER}\n## Executive summary\n\n1. See A/HRC/44/9, para. 116.1 and A/HRC/44/9, para. 116.2.\n`, 1);
    const { diagnostics } = await client!.waitForDiagnostics(uri);
    return diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('references/'));
  }

  /** The globs the server asked the client to watch, and has not taken back. */
  const watched = () =>
    client!.registrations
      .filter(({ method, id }) => method === 'workspace/didChangeWatchedFiles' && !client!.unregistrations.some((gone) => gone.id === id))
      .flatMap(({ registerOptions }) => (registerOptions as { watchers: { globPattern: string }[] }).watchers.map(({ globPattern }) => globPattern));

  it('reads the folder the settings name, and follows changes there', async function () {
    assert.deepEqual(watched(), ['**/recommendations/**/*.{csv,json}']);
    settings.references = { folder: 'coalition-exports' };
    const pulled = client!.nextConfiguration();
    await client!.notify('workspace/didChangeConfiguration', { settings: null });
    await pulled;
    for (let attempt = 0; attempt < 50 && watched()[0] !== '**/coalition-exports/**/*.{csv,json}'; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    // The client is asked to watch the new folder instead of the old.
    assert.deepEqual(watched(), ['**/coalition-exports/**/*.{csv,json}']);
    await writeSource('coalition-exports/cycle3.json', '116.1');
    // A file outside the folder (here the old one) does not count, even when a client reports it.
    await writeSource('recommendations/cycle3.json', '116.2');
    let unknown: Diagnostic[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      unknown = (await referenceDiagnostics(`cites-${attempt}.upr.md`)).filter((diagnostic) => diagnostic.code === 'references/unknown');
      if (unknown.length === 1 && /116\.2/.test(String(unknown[0].message))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(unknown.map((diagnostic) => diagnostic.message), ['A/HRC/44/9 has no paragraph 116.2 in the index of previous recommendations: check the number.']);
  });
});
