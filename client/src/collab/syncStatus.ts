// Status bar item for the active shared document: synced / syncing / offline, and who is here
// (names in the tooltip). Clicking it offers to follow a colleague.
import * as vscode from 'vscode';
import type { Presence } from './presence';
import type { CollabSession, CollabSessions, SyncState } from './session';

const ICONS: Record<SyncState, string> = { synced: '$(check)', syncing: '$(sync~spin)', offline: '$(debug-disconnect)' };

function stateLabel(state: SyncState): string {
  switch (state) {
    case 'synced':
      return vscode.l10n.t('Synced');
    case 'syncing':
      return vscode.l10n.t('Syncing');
    case 'offline':
      return vscode.l10n.t('Offline');
  }
}

export class SyncStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('uprSubmission.collab', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly sessions: CollabSessions,
    private readonly presence: Presence,
  ) {
    this.item.name = vscode.l10n.t('UPR co-editing');
    this.item.command = 'uprSubmission.collab.followWriter';
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.update()), sessions.onDidChange(() => this.update()));
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const session = document && this.sessions.get(document.uri);
    if (!session) {
      this.item.hide();
      this.item.text = '';
      return;
    }
    const names = this.presence.peers(session.uri).map((peer) => peer.name);
    const state = session.state;
    this.item.text = `${ICONS[state]} ${stateLabel(state)}${names.length ? ` · $(person) ${names.length + 1}` : ''}`;
    this.item.tooltip = this.tooltip(session, names);
    this.item.backgroundColor = session.refusal ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  private tooltip(session: CollabSession, names: string[]): vscode.MarkdownString {
    const tooltip = new vscode.MarkdownString();
    const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
    tooltip.appendMarkdown(`**${escape(vscode.l10n.t('Room {0} on {1}', session.room, session.invitation.serverUrl))}**\n\n`);
    tooltip.appendMarkdown(`${escape(stateLabel(session.state))}\n\n`);
    if (session.refusal) tooltip.appendMarkdown(`${escape(vscode.l10n.t('Refused by the server: {0}', session.refusal))}\n\n`);
    if (session.role === 'reviewer') tooltip.appendMarkdown(`${escape(vscode.l10n.t('You review: the text is read-only for you.'))}\n\n`);
    tooltip.appendMarkdown(
      names.length
        ? `${escape(vscode.l10n.t('Here with you: {0}', names.join(', ')))}`
        : escape(vscode.l10n.t('Nobody else is here.')),
    );
    return tooltip;
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
