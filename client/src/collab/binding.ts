// A VS Code TextDocument bound to a shared Y.Text: the editing logic lives in sharedText.ts (no
// VS Code); this file is the EditorPort over the document and the event subscription.
// Remote changes are applied through WorkspaceEdit, so the language server sees them like typing.
import * as vscode from 'vscode';
import type * as Y from 'yjs';
import { SharedTextBinding, type EditorPort } from './sharedText';
import type { LocalEdit } from './textSync';

class DocumentPort implements EditorPort {
  constructor(private readonly document: vscode.TextDocument) {}

  getText(): string {
    return this.document.getText();
  }

  async applyEdits(edits: readonly LocalEdit[]): Promise<boolean> {
    if (this.document.isClosed) return false;
    const edit = new vscode.WorkspaceEdit();
    for (const { offset, length, text } of edits) {
      const range = new vscode.Range(this.document.positionAt(offset), this.document.positionAt(offset + length));
      edit.replace(this.document.uri, range, text);
    }
    // The edit carries the document's version: VS Code refuses it (false) if the user typed meanwhile.
    return vscode.workspace.applyEdit(edit);
  }
}

/** Binds `document` to `ytext` until disposed. */
export class DocumentBinding implements vscode.Disposable {
  readonly shared: SharedTextBinding;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly document: vscode.TextDocument,
    ytext: Y.Text,
    origin: object,
    log: (message: string) => void,
  ) {
    this.shared = new SharedTextBinding(ytext, new DocumentPort(document), { origin, log });
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && event.contentChanges.length) this.shared.handleLocalChanges(event.contentChanges);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.shared.dispose();
  }
}
