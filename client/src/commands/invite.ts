// "Invite a colleague...": the server mints a token for a colleague (name and role) in the room of
// the active shared submission, on the strength of the writer's own token; the invitation string
// goes to the clipboard.
import * as vscode from 'vscode';
import { formatInvitation, invitationsEndpoint } from '../collab/invitation';
import type { CollabSession } from '../collab/session';

/** Lifetime of an invitation's token. */
const INVITATION_TTL = '30d';

export interface InviteArguments {
  user?: string;
  role?: 'writer' | 'reviewer';
}

/** Resolves the invitation string (also on the clipboard), or undefined when cancelled or refused. */
export async function inviteColleague(session: CollabSession | undefined, args: InviteArguments = {}): Promise<string | undefined> {
  if (!session) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The active document is not shared.'));
    return undefined;
  }
  const user =
    args.user ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Invite a colleague'),
      prompt: vscode.l10n.t("Your colleague's name"),
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Name your colleague.')),
    }));
  if (!user?.trim()) return undefined;
  const role = args.role ?? (await pickRole());
  if (!role) return undefined;

  let token: string;
  try {
    token = await requestInvitation(session, user.trim(), role);
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

async function pickRole(): Promise<'writer' | 'reviewer' | undefined> {
  const writer = { label: vscode.l10n.t('Writer'), description: vscode.l10n.t('edits the text'), role: 'writer' as const };
  const reviewer = { label: vscode.l10n.t('Reviewer'), description: vscode.l10n.t('reads and comments, does not edit'), role: 'reviewer' as const };
  return (await vscode.window.showQuickPick([writer, reviewer], { title: vscode.l10n.t('Invite a colleague') }))?.role;
}

async function requestInvitation(session: CollabSession, user: string, role: string): Promise<string> {
  const response = await fetch(invitationsEndpoint(session.invitation.serverUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${session.invitation.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user, role, ttl: INVITATION_TTL }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  let answer: { token?: unknown; error?: unknown } = {};
  try {
    answer = JSON.parse(body);
  } catch {
    // not JSON: the status line says what happened
  }
  if (!response.ok) throw new Error(typeof answer.error === 'string' ? answer.error : `${response.status} ${response.statusText}`);
  if (typeof answer.token !== 'string' || !answer.token) throw new Error(`no token in the answer (${response.status})`);
  return answer.token;
}
