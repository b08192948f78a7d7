// Live co-editing in this window: sessions, presence, status bar, undo routing and commands.
import * as vscode from 'vscode';
import { inviteColleague, type InviteArguments } from '../commands/invite';
import { joinSharedSubmission, type JoinArguments } from '../commands/join';
import { shareSubmission, type ShareArguments } from '../commands/share';
import { ReviewComments, type ReviewApi } from './comments';
import { Presence, type PeerInEditor } from './presence';
import { registerReviewerMode } from './reviewerMode';
import { CollabSessions, type SyncState } from './session';
import { SyncStatus } from './syncStatus';
import { registerSharedUndo } from './undo';

/** What the extension's API tells about a shared document (for tests and other extensions). */
export interface CollabInfo {
  room: string;
  serverUrl: string;
  sync: SyncState;
  /** The role the token names. */
  role?: string;
  /** Whether the document is bound to the room's text (after the first-join rule). */
  bound: boolean;
  refusal?: string;
  peers: PeerInEditor[];
  statusBarText?: string;
}

export interface CollabApi {
  /** The co-editing state of a document (URI string), or undefined when it is not shared. */
  info(uri: string): CollabInfo | undefined;
  /** Review comment threads of a submission (the room's when it is shared, else its sidecar file's). */
  review: ReviewApi;
}

export function activateCollab(context: vscode.ExtensionContext): CollabApi {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('UPR co-editing'));
  const sessions = new CollabSessions(context, output);
  const presence = new Presence(sessions);
  const status = new SyncStatus(sessions, presence);
  const review = new ReviewComments(sessions);
  const activeSession = () => {
    const document = vscode.window.activeTextEditor?.document;
    return document && sessions.get(document.uri);
  };
  const leave = () => {
    const session = activeSession();
    if (session) sessions.leave(session.uri);
    else void vscode.window.showInformationMessage(vscode.l10n.t('The active document is not shared.'));
  };
  context.subscriptions.push(
    output,
    sessions,
    presence,
    status,
    review,
    registerSharedUndo(sessions),
    registerReviewerMode(sessions),
    vscode.commands.registerCommand('uprSubmission.collab.share', (args?: ShareArguments) => shareSubmission(sessions, context.secrets, args)),
    vscode.commands.registerCommand('uprSubmission.collab.join', (args?: JoinArguments) => joinSharedSubmission(sessions, args)),
    vscode.commands.registerCommand('uprSubmission.collab.invite', (args?: InviteArguments) => inviteColleague(activeSession(), args)),
    vscode.commands.registerCommand('uprSubmission.collab.followWriter', (args?: { name?: string }) => presence.followWriter(args)),
    vscode.commands.registerCommand('uprSubmission.collab.leave', leave),
  );
  return {
    review,
    info(uri) {
      const parsed = vscode.Uri.parse(uri);
      const session = sessions.get(parsed);
      if (!session) return undefined;
      const active = vscode.window.activeTextEditor?.document.uri.toString() === parsed.toString();
      return {
        room: session.room,
        serverUrl: session.invitation.serverUrl,
        sync: session.state,
        role: session.role,
        bound: !!session.binding,
        refusal: session.refusal,
        peers: presence.peers(parsed),
        statusBarText: active ? status.text : undefined,
      };
    },
  };
}
