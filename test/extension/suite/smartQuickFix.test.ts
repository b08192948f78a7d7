import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openInEditor, summarize, waitForDiagnostics, workspaceFile } from './helpers';

const FIXTURE = 'weak-recommendation.upr.md';
const isCategory = (d: vscode.Diagnostic) => codeOf(d) === 'smart/action-category';

describe(`a SMART quick fix (${FIXTURE})`, () => {
  const uri = workspaceFile(FIXTURE);
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await openInEditor(uri);
  });

  it('warns on "Consider" and replaces it with "Ratify" through the quick fix', async () => {
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some(isCategory));
    const category = diagnostics.find(isCategory)!;
    assert.equal(category.severity, vscode.DiagnosticSeverity.Warning, summarize([category]));
    assert.equal(doc.getText(category.range), 'Consider');

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      category.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = (actions ?? []).map((a) => a.title);
    const action = (actions ?? []).find((a) => a.title === 'Replace "Consider ratifying" with "Ratify"');
    assert.ok(action && 'edit' in action && action.edit, `no stronger wording among ${JSON.stringify(titles)}`);
    assert.ok(await vscode.workspace.applyEdit(action.edit));

    assert.ok(doc.getText().includes('\n- Ratify the Optional Protocol to the Convention against Torture by 2027.'), doc.getText());
    await waitForDiagnostics(uri, (ds) => !ds.some(isCategory), 15_000);
  });

  after(async () => {
    if (!doc?.isDirty) return;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
