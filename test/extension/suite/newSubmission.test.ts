import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID, errorsOf, summarize, waitFor, waitForDiagnostics, workspaceFile } from './helpers';

describe('UPR: New joint submission', () => {
  it('writes and opens a Russian joint submission for Kyrgyzstan that has no errors', async () => {
    const uri = workspaceFile('new-joint-submission-ru.upr.md');
    await vscode.commands.executeCommand('uprSubmission.newJointSubmission', {
      language: 'ru',
      state: 'Kyrgyzstan',
      uri,
    });
    const editor = await waitFor(
      () => `an editor on ${uri.path} (active: ${vscode.window.activeTextEditor?.document.uri.path})`,
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()),
    );
    const onDisk = await waitFor(`${uri.path} on disk`, async () =>
      new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
    );
    for (const text of [editor.document.getText(), onDisk]) {
      assert.ok(text.includes('## Резюме'), `"## Резюме" in:\n${text}`);
      assert.ok(text.includes('type: joint'), `"type: joint" in:\n${text}`);
    }
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const errors = errorsOf(await waitForDiagnostics(uri));
    assert.equal(errors.length, 0, `errors in the new submission: ${summarize(errors)}`);
  });
});
