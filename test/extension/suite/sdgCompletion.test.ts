import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openInEditor, workspaceFile } from './helpers';

const FIXTURE = 'sdg-completion.upr.md';

describe(`SDG completion (${FIXTURE})`, () => {
  const uri = workspaceFile(FIXTURE);
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await openInEditor(uri);
    // The server answers completion once it runs; before, the editor offers only the document's words.
    await (await extensionApi()).ready;
  });

  it('offers the targets of goal 5 after "SDG 5." and accepting one writes it', async () => {
    const line = doc.getText().split('\n').findIndex((content) => content.includes('(SDG 5.'));
    const character = doc.lineAt(line).text.indexOf('SDG 5.') + 'SDG 5.'.length;
    const position = new vscode.Position(line, character);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, '.');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('5.2'), `no 5.2 among ${JSON.stringify(labels.slice(0, 20))}`);

    // Accept 5.2 as the editor does: its text edit replaces what was typed after "SDG ".
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(position, position);
    const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === '5.2')!;
    const range = item.range && 'inserting' in item.range ? item.range.replacing : (item.range as vscode.Range);
    assert.ok(await editor.edit((edit) => edit.replace(range, typeof item.insertText === 'string' ? item.insertText : '5.2')));
    assert.match(doc.lineAt(line).text, /\(SDG 5\.2\)/);
  });

  after(async () => {
    if (!doc?.isDirty) return;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
