// Presence in the editor: this window's cursor goes into awareness; others' cursors and
// selections are drawn in their colours with their names; "Follow writer" keeps a colleague's
// cursor in view.
import * as vscode from 'vscode';
import { peersOf, cursorField, type Peer } from './peers';
import type { CollabSession, CollabSessions } from './session';
import { detectEol, localToSharedOffset, sharedToLocalOffset } from './textSync';

/** A peer as the editor shows it: the cursor in the document's own offsets. */
export interface PeerInEditor {
  name: string;
  colour: string;
  cursor?: { anchor: number; head: number };
}

interface PeerDecorations {
  caret: vscode.TextEditorDecorationType;
  selection: vscode.TextEditorDecorationType;
}

export class Presence implements vscode.Disposable {
  private readonly decorations = new Map<number, PeerDecorations>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private followed: { uri: string; clientId: number } | undefined;

  constructor(private readonly sessions: CollabSessions) {
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((event) => this.publishCursor(event.textEditor)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.render()),
      sessions.onDidChange(() => {
        // A document just bound shows where this writer is before the cursor first moves.
        const editor = vscode.window.activeTextEditor;
        const session = editor && sessions.get(editor.document.uri);
        if (editor && session?.binding && !session.provider.awareness.getLocalState()?.cursor) this.publishCursor(editor);
        this.render();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (sessions.get(event.document.uri)) this.render();
      }),
    );
  }

  /** Others present in the room of `uri`, their cursors in the document's offsets. */
  peers(uri: vscode.Uri): PeerInEditor[] {
    const session = this.sessions.get(uri);
    const document = session?.binding?.document;
    if (!session) return [];
    return this.peersOf(session).map(({ name, colour, cursor }) => ({
      name,
      colour,
      cursor: cursor && document ? this.toLocal(session, document.getText(), cursor) : undefined,
    }));
  }

  /**
   * Asks which colleague to follow in the active shared document (or takes `args.name`), then keeps
   * their cursor in view; resolves whom it follows.
   */
  async followWriter(args: { name?: string } = {}): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    const session = editor && this.sessions.get(editor.document.uri);
    if (!session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a shared submission to follow a colleague.'));
      return undefined;
    }
    const peers = this.peersOf(session);
    if (!peers.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nobody else is in room {0}.', session.room));
      return undefined;
    }
    const stop = { label: vscode.l10n.t('Stop following'), clientId: -1 };
    const items = [...peers.map((peer) => ({ label: peer.name, clientId: peer.clientId })), ...(this.followed ? [stop] : [])];
    const choice =
      args.name !== undefined
        ? items.find((item) => item.label === args.name)
        : await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Whose cursor should stay in view?') });
    if (!choice) return undefined;
    this.followed = choice === stop ? undefined : { uri: session.uri.toString(), clientId: choice.clientId };
    this.render();
    return this.followed && choice.label;
  }

  private peersOf(session: CollabSession): Peer[] {
    const states = session.provider.awareness.getStates() as Map<number, Record<string, unknown>>;
    return peersOf(states, session.ytext, session.doc.clientID);
  }

  private toLocal(session: CollabSession, localText: string, cursor: { anchor: number; head: number }) {
    const shared = session.ytext.toString();
    const eol = detectEol(localText);
    return { anchor: sharedToLocalOffset(shared, cursor.anchor, eol), head: sharedToLocalOffset(shared, cursor.head, eol) };
  }

  private publishCursor(editor: vscode.TextEditor): void {
    const session = this.sessions.get(editor.document.uri);
    if (!session?.binding || editor.document !== session.binding.document) return;
    const text = editor.document.getText();
    const { anchor, active } = editor.selection;
    const cursor = {
      anchor: localToSharedOffset(text, editor.document.offsetAt(anchor)),
      head: localToSharedOffset(text, editor.document.offsetAt(active)),
    };
    session.provider.awareness.setLocalStateField('cursor', cursorField(session.ytext, cursor));
  }

  private render(): void {
    const present = new Set<number>();
    for (const editor of vscode.window.visibleTextEditors) {
      const session = this.sessions.get(editor.document.uri);
      const document = editor.document;
      const peers = session?.binding?.document === document ? this.peersOf(session) : [];
      const text = peers.length ? document.getText() : '';
      const shown = new Set<number>();
      for (const peer of peers) {
        present.add(peer.clientId);
        if (!peer.cursor) continue;
        shown.add(peer.clientId);
        const { anchor, head } = this.toLocal(session!, text, peer.cursor);
        const types = this.decorationsFor(peer);
        const headPosition = document.positionAt(head);
        editor.setDecorations(types.caret, [{ range: new vscode.Range(headPosition, headPosition), hoverMessage: peer.name }]);
        const selection = new vscode.Range(document.positionAt(Math.min(anchor, head)), document.positionAt(Math.max(anchor, head)));
        editor.setDecorations(types.selection, selection.isEmpty ? [] : [{ range: selection, hoverMessage: peer.name }]);
        if (this.followed?.uri === document.uri.toString() && this.followed.clientId === peer.clientId) {
          editor.revealRange(new vscode.Range(headPosition, headPosition), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
      }
      for (const [clientId, types] of this.decorations) {
        if (shown.has(clientId)) continue;
        editor.setDecorations(types.caret, []);
        editor.setDecorations(types.selection, []);
      }
    }
    for (const [clientId, types] of this.decorations) {
      if (present.has(clientId)) continue;
      types.caret.dispose();
      types.selection.dispose();
      this.decorations.delete(clientId);
    }
    // Following ends when the colleague leaves the room (not when an editor is hidden for a moment).
    const followedSession = this.followed && this.sessions.get(vscode.Uri.parse(this.followed.uri));
    if (this.followed && !(followedSession && this.peersOf(followedSession).some((peer) => peer.clientId === this.followed!.clientId))) {
      this.followed = undefined;
    }
  }

  /** A caret with the name above it and a tinted selection, in the peer's colour. */
  private decorationsFor(peer: Peer): PeerDecorations {
    let types = this.decorations.get(peer.clientId);
    if (!types) {
      types = {
        caret: vscode.window.createTextEditorDecorationType({
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          // A zero-width character with a border: a caret that takes no room of its own.
          before: { contentText: '\u200b', border: `1px solid ${peer.colour}`, margin: '0 -2px 0 0' },
          after: {
            contentText: peer.name,
            color: '#000000',
            backgroundColor: peer.colour,
            fontWeight: 'normal',
            // Drawn above the line so that the text does not move (the colour is a checked hex value).
            textDecoration: 'none; position: absolute; transform: translateY(-100%); padding: 0 3px; font-size: 0.8em; z-index: 1; white-space: nowrap',
          },
        }),
        selection: vscode.window.createTextEditorDecorationType({
          backgroundColor: `${peer.colour.length === 4 ? peer.colour.replace(/[0-9a-f]/gi, '$&$&') : peer.colour}40`,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      };
      this.decorations.set(peer.clientId, types);
    }
    return types;
  }

  dispose(): void {
    for (const types of this.decorations.values()) {
      types.caret.dispose();
      types.selection.dispose();
    }
    this.decorations.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
