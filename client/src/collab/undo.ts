// Undo and Redo in a shared document take back only this writer's edits (Y.UndoManager through
// the binding), not a colleague's: the keybindings in package.json route Ctrl+Z / Ctrl+Shift+Z /
// Ctrl+Y here while the context key `uprSubmission.shared` says the active editor is shared.
import * as vscode from 'vscode';
import type { CollabSessions } from './session';

const SHARED_CONTEXT_KEY = 'uprSubmission.shared';

export function registerSharedUndo(sessions: CollabSessions): vscode.Disposable {
  let shared: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const now = !!document && sessions.get(document.uri)?.binding?.document === document;
    if (now === shared) return;
    shared = now;
    void vscode.commands.executeCommand('setContext', SHARED_CONTEXT_KEY, now);
  };
  update();
  const bindingOfActive = () => {
    const document = vscode.window.activeTextEditor?.document;
    const binding = document && sessions.get(document.uri)?.binding;
    return binding?.document === document ? binding : undefined;
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    sessions.onDidChange(update),
    // Nothing of mine to take back: nothing happens (the editor's own undo would take a colleague's edit).
    vscode.commands.registerCommand('uprSubmission.collab.undo', () => bindingOfActive()?.shared.undo() ?? false),
    vscode.commands.registerCommand('uprSubmission.collab.redo', () => bindingOfActive()?.shared.redo() ?? false),
  );
}
