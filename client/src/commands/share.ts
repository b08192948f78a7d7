// "Share this submission...": the active submission joins a room (server URL, room and the
// sharer's own token, remembered per server and room), then a colleague may be invited.
import * as vscode from 'vscode';
import { isValidRoom, normaliseServerUrl, roomFromFileName } from '../collab/invitation';
import { tokenKey, type CollabSession, type CollabSessions } from '../collab/session';
import { LANGUAGE_ID } from '../languageClient';
import { inviteColleague } from './invite';

export interface ShareArguments {
  serverUrl?: string;
  room?: string;
  token?: string;
}

export async function shareSubmission(
  sessions: CollabSessions,
  secrets: vscode.SecretStorage,
  args: ShareArguments = {},
): Promise<CollabSession | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a UPR submission (*.upr.md) to share it.'));
    return undefined;
  }
  const existing = sessions.get(document.uri);
  if (existing) {
    await offerInvitation(existing);
    return existing;
  }
  const configured = vscode.workspace.getConfiguration('uprSubmission.collab').get<string>('serverUrl') || 'ws://127.0.0.1:1234';
  const serverText =
    args.serverUrl ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Share this submission'),
      prompt: vscode.l10n.t('Co-editing server (ws:// or wss:// URL)'),
      value: configured,
      validateInput: (value) => (normaliseServerUrl(value) ? undefined : vscode.l10n.t('Expected a URL such as ws://127.0.0.1:1234.')),
    }));
  const serverUrl = serverText && normaliseServerUrl(serverText);
  if (!serverUrl) return undefined;
  const room =
    args.room ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Share this submission'),
      prompt: vscode.l10n.t('Room (letters, digits, dot, dash, underscore)'),
      value: roomFromFileName(document.uri.path),
      validateInput: (value) => (isValidRoom(value) ? undefined : vscode.l10n.t('Letters, digits, dot, dash and underscore only.')),
    }));
  if (!room || !isValidRoom(room)) return undefined;
  const token =
    args.token ??
    (await secrets.get(tokenKey(serverUrl, room))) ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Share this submission'),
      prompt: vscode.l10n.t('Your token for room {0}, from your coordinator', room),
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Paste the token.')),
    }));
  if (!token?.trim()) return undefined;

  const session = await joinWithProgress(sessions, document, { serverUrl, room, token: token.trim() });
  if (session && !args.token) await offerInvitation(session);
  return session;
}

/** Joins with a cancellable progress notification; resolves undefined when refused (reported by the session), failed or cancelled. */
export async function joinWithProgress(
  sessions: CollabSessions,
  document: vscode.TextDocument,
  invitation: { serverUrl: string; room: string; token: string },
): Promise<CollabSession | undefined> {
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Joining room {0}...', invitation.room), cancellable: true },
      // Without the server the first join waits for it; cancelling gives up sharing the document.
      (_progress, cancel) => {
        cancel.onCancellationRequested(() => sessions.leave(document.uri));
        return sessions.join(document, invitation);
      },
    );
  } catch (e) {
    sessions.log(`joining ${invitation.room}: ${(e as Error).message}`);
    return undefined;
  }
}

async function offerInvitation(session: CollabSession): Promise<void> {
  const invite = vscode.l10n.t('Invite a colleague');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Sharing room {0}.', session.room), invite);
  if (choice === invite) await inviteColleague(session);
}
