import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceFile } from './helpers';

// The list behind a "Similar past recommendations" code lens: the recommendation picked is opened at
// the row of the file it comes from.
describe('similar past recommendations', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens the row of the recommendation picked', async () => {
    const source = workspaceFile('recommendations/kyrgyzstan-2010-sample.json');
    const lines = (await vscode.workspace.openTextDocument(source)).getText().split('\n');
    const line = lines.findIndex((text) => text.includes('"text"'));
    const similar = [{ reference: 'A/HRC/15/2, para. 77.3', state: 'Kyrgyzstan', recommendingStates: ['Iran'], text: 'Ratify the CRPD', source: { uri: source.toString(), line } }];
    let picked = false;
    void Promise.resolve(vscode.commands.executeCommand('uprSubmission.showSimilarRecommendations', similar)).then(() => (picked = true));
    // Accepting its only item, once the list is open, opens the row.
    await waitFor('the list to take the pick', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return picked;
    });
    const editor = await waitFor('the source file in an editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === source.toString() ? active : undefined;
    });
    assert.equal(editor.selection.active.line, line);
  });
});
