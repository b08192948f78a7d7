import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  FIXTURE_BROKEN_NUMBERING,
  codeOf,
  linesMatching,
  openInEditor,
  summarize,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';

const isGap = (d: vscode.Diagnostic) => codeOf(d) === 'numbering/gap';
const paragraphNumbers = (doc: vscode.TextDocument) =>
  linesMatching(doc, /^\d+\.\s/).map((line) => Number(doc.lineAt(line).text.match(/^(\d+)\./)![1]));

describe(`paragraph numbering (${FIXTURE_BROKEN_NUMBERING}: 1., 2., 4.)`, () => {
  const uri = workspaceFile(FIXTURE_BROKEN_NUMBERING);
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await openInEditor(uri);
  });

  it('reports numbering/gap from upr-submission on the line of "4."', async () => {
    const [lineOfFour] = linesMatching(doc, /^4\.\s/);
    assert.notEqual(lineOfFour, undefined, 'the fixture has a paragraph "4."');
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some(isGap));
    const gaps = diagnostics.filter(isGap);
    assert.equal(gaps.length, 1, `one gap expected: ${summarize(gaps)}`);
    assert.equal(gaps[0].source, 'upr-submission');
    assert.equal(gaps[0].range.start.line, lineOfFour, `gap reported at ${summarize(gaps)}`);
  });

  it('offers "Renumber paragraphs" at the gap, whose edit renumbers to 1., 2., 3.', async () => {
    const gap = (await waitForDiagnostics(uri, (ds) => ds.some(isGap))).find(isGap)!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      gap.range,
      undefined,
      10, // resolve lazily computed edits
    );
    const titles = (actions ?? []).map((a) => a.title);
    const action = (actions ?? []).find((a) => a.title === 'Renumber paragraphs');
    assert.ok(action, `no "Renumber paragraphs" among the code actions: ${JSON.stringify(titles)}`);
    assert.ok('edit' in action && action.edit, 'the "Renumber paragraphs" action carries an edit');
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
    // VS Code runs an action's command after its edit: so do we.
    const command = 'command' in action && typeof action.command === 'object' ? action.command : undefined;
    if (command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));

    assert.deepEqual(paragraphNumbers(doc), [1, 2, 3]);
    await waitForDiagnostics(uri, (ds) => !ds.some(isGap), 15_000);
  });

  after(async () => {
    if (!doc?.isDirty) return;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
