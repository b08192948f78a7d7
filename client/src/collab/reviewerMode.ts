// Reviewers read and are present; the server drops their edits. A reviewer's shared document is
// read-only in this window (for this session of VS Code), so that nothing they type is silently lost.
import * as vscode from 'vscode';
import type { CollabSessions } from './session';

export function registerReviewerMode(sessions: CollabSessions): vscode.Disposable {
  const readOnly = new Set<string>();
  // VS Code offers this per file, through the active editor.
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    const key = document.uri.toString();
    const reviewing = sessions.get(document.uri)?.role === 'reviewer';
    if (reviewing === readOnly.has(key)) return;
    if (reviewing) readOnly.add(key);
    else readOnly.delete(key);
    void vscode.commands.executeCommand(
      reviewing ? 'workbench.action.files.setActiveEditorReadonlyInSession' : 'workbench.action.files.setActiveEditorWriteableInSession',
    );
  };
  return vscode.Disposable.from(vscode.window.onDidChangeActiveTextEditor(update), sessions.onDidChange(update));
}
