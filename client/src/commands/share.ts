// "Share this submission...": the active submission joins a room (server URL, room and the
// sharer's own token, remembered per server and room), then a colleague may be invited: the
// server mints their token and the invitation string goes to the clipboard.
import * as vscode from 'vscode';
import { formatInvitation, invitationsEndpoint, isValidRoom, normaliseServerUrl, roomFromFileName } from '../collab/invitation';
import { tokenKey, type CollabSession, type CollabSessions } from '../collab/session';
import { LANGUAGE_ID } from '../languageClient';

/** Lifetime of an invitation's token. */
const INVITATION_TTL = '30d';

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

/** Joins with a progress notification; reports a refusal or failure and resolves undefined then. */
export async function joinWithProgress(
  sessions: CollabSessions,
  document: vscode.TextDocument,
  invitation: { serverUrl: string; room: string; token: string },
): Promise<CollabSession | undefined> {
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Joining room {0}...', invitation.room) },
      () => sessions.join(document, invitation),
    );
  } catch (e) {
    // A refusal has been reported by the session already.
    sessions.log(`joining ${invitation.room}: ${(e as Error).message}`);
    return undefined;
  }
}

async function offerInvitation(session: CollabSession): Promise<void> {
  const invite = vscode.l10n.t('Invite a colleague');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Sharing room {0}.', session.room), invite);
  if (choice === invite) await inviteColleague(session);
}

/** Asks the server for a colleague's token and copies their invitation to the clipboard. */
export async function inviteColleague(session: CollabSession): Promise<string | undefined> {
  const user = await vscode.window.showInputBox({
    title: vscode.l10n.t('Invite a colleague'),
    prompt: vscode.l10n.t("Your colleague's name"),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Name your colleague.')),
  });
  if (!user?.trim()) return undefined;
  const writer = { label: vscode.l10n.t('Writer'), description: vscode.l10n.t('edits the text'), role: 'writer' };
  const reviewer = { label: vscode.l10n.t('Reviewer'), description: vscode.l10n.t('reads and is present, does not edit'), role: 'reviewer' };
  const role = await vscode.window.showQuickPick([writer, reviewer], { title: vscode.l10n.t('Invite a colleague') });
  if (!role) return undefined;

  let token: string;
  try {
    token = await requestInvitation(session, user.trim(), role.role);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The server gave no invitation: {0}', (e as Error).message));
    return undefined;
  }
  const invitation = formatInvitation({ ...session.invitation, token });
  await vscode.env.clipboard.writeText(invitation);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('The invitation for {0} is on the clipboard: send it to them privately.', user.trim()),
  );
  return invitation;
}

async function requestInvitation(session: CollabSession, user: string, role: string): Promise<string> {
  const response = await fetch(invitationsEndpoint(session.invitation.serverUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${session.invitation.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user, role, ttl: INVITATION_TTL }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${body.trim() || response.statusText}`);
  const token = (JSON.parse(body) as { token?: unknown }).token;
  if (typeof token !== 'string' || !token) throw new Error(`no token in ${body.slice(0, 200)}`);
  return token;
}
