import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { countOf, openInEditor, waitForDiagnostics, workspaceFile } from './helpers';

// Changing `uprSubmission.references.folder` makes the index read the new folder, and files
// written there later are followed too (VS Code's file watcher tells the language server).
const FOLDER = 'coalition-exports';
const DOCUMENT = 'cites-coalition-exports.upr.md';

function recommendations(paragraph: string): Uint8Array {
  const recommendation = { symbol: 'A/HRC/44/9', paragraph, text: 'Establish a national preventive mechanism', state: 'Kyrgyzstan', recommendingStates: ['Denmark'], issues: [], sdgs: [] };
  return new TextEncoder().encode(JSON.stringify({ format: 'upr-recommendations/1', recommendations: [recommendation] }));
}


describe('the recommendations folder named in the settings', () => {
  const settings = () => vscode.workspace.getConfiguration('uprSubmission');

  after(async () => {
    await settings().update('references.folder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(workspaceFile(FOLDER), { recursive: true, useTrash: false });
    await vscode.workspace.fs.delete(workspaceFile(DOCUMENT), { useTrash: false });
  });

  it('is read once named, and a file written there later is followed', async () => {
    await vscode.workspace.fs.writeFile(workspaceFile(`${FOLDER}/cycle3-a.json`), recommendations('116.5'));
    const text = [
      '---', 'type: joint', 'state: Kyrgyzstan', 'cycle: 4', 'language: en', 'title: Torture prevention', '---', '',
      '# Torture prevention', '', '## Executive summary', '',
      '1. See A/HRC/44/9, para. 116.1 and A/HRC/44/9, para. 116.5.', '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(workspaceFile(DOCUMENT), new TextEncoder().encode(text));
    const uri = workspaceFile(DOCUMENT);
    await openInEditor(uri);
    // The sample index under recommendations/ has neither.
    await waitForDiagnostics(uri, (diagnostics) => countOf(diagnostics, 'references/unknown') === 2);

    await settings().update('references.folder', FOLDER, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (diagnostics) => countOf(diagnostics, 'references/unknown') === 1);

    await vscode.workspace.fs.writeFile(workspaceFile(`${FOLDER}/cycle3-b.json`), recommendations('116.1'));
    const diagnostics = await waitForDiagnostics(uri, (found) => countOf(found, 'references/unknown') === 0);
    assert.equal(countOf(diagnostics, 'references/unknown'), 0);
  });
});
