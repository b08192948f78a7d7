// "Join shared submission...": paste an invitation; the active submission (or, when none is
// open, a new file the writer names) is bound to the room. The room's text wins over a differing
// local one, which is saved aside first (see collab/session.ts).
import * as vscode from 'vscode';
import { parseInvitation } from '../collab/invitation';
import type { CollabSession, CollabSessions } from '../collab/session';
import { LANGUAGE_ID } from '../languageClient';
import { joinWithProgress } from './share';
import { fileExists } from './fileExists';

export interface JoinArguments {
  invitation?: string;
  /** The document to bind; the active submission, or a new file, when missing. */
  uri?: vscode.Uri | string;
}

export async function joinSharedSubmission(sessions: CollabSessions, args: JoinArguments = {}): Promise<CollabSession | undefined> {
  const text =
    args.invitation ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Join shared submission'),
      prompt: vscode.l10n.t('Paste the invitation (ws://host:port/room?token=...)'),
      ignoreFocusOut: true,
      validateInput: (value) => (parseInvitation(value) ? undefined : vscode.l10n.t('This is not an invitation: expected ws://host:port/room?token=...')),
    }));
  if (text === undefined) return undefined;
  const invitation = parseInvitation(text);
  if (!invitation) {
    void vscode.window.showErrorMessage(vscode.l10n.t('This is not an invitation: expected ws://host:port/room?token=...'));
    return undefined;
  }
  const document = await targetDocument(args.uri, invitation.room);
  if (!document) return undefined;
  return joinWithProgress(sessions, document, invitation);
}

async function targetDocument(uri: vscode.Uri | string | undefined, room: string): Promise<vscode.TextDocument | undefined> {
  if (uri) return showDocument(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Where should the shared submission be saved?'),
    defaultUri: folder && vscode.Uri.joinPath(folder, `${room}.upr.md`),
    filters: { [vscode.l10n.t('UPR submission')]: ['upr.md'] },
  });
  if (!target) return undefined;
  if (!(await fileExists(target))) await vscode.workspace.fs.writeFile(target, new Uint8Array()); // empty: the room's text fills it
  return showDocument(target);
}

async function showDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
