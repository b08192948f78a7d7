// Co-editing sessions: one per shared document, each a Y.Doc kept in step with its room through
// y-websocket (over `ws`, bundled into the extension), its state kept in the extension's storage
// (offline edits survive a restart and merge on reconnect), and the document bound to its Y.Text
// once the first-join rule has said whose text wins.
import os from 'node:os';
import * as vscode from 'vscode';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { asideCopyPath } from './asideCopy';
import { CommentThreads } from './commentThreads';
import { DocumentBinding } from './binding';
import { formatInvitation, readTokenClaims, type Invitation } from './invitation';
import { OfflineStore } from './offlineStore';
import { colourForName } from './peers';
import { firstJoinDecision } from './sharedText';
import { toShared } from './textSync';

/** The Y.Text of a room that holds the submission (as in test/collab/helpers.ts). */
const SHARED_TEXT_NAME = 'text';
const REMEMBERED_ROOMS = 'uprSubmission.collab.rooms';
/** Origin of the first join's push of the local text: not an edit that Undo should take back. */
const FIRST_JOIN = Symbol('first join');
const FROM_STORAGE = Symbol('offline storage');
/**
 * Close codes after which reconnecting cannot help: a malformed request, a refused or a wrong-room
 * token. Anything else (a full server, a broken limit, a restart) is tried again, with back-off.
 */
const REFUSALS = new Set([4400, 4401, 4403]);

export type SyncState = 'synced' | 'syncing' | 'offline';

/** The secret key under which a token for a server and room is remembered. */
export const tokenKey = (serverUrl: string, room: string) => `uprSubmission.collab.token ${serverUrl} ${room}`;

/** The name others see: the setting, else the name the token carries, else the system's user name. */
function collabUserName(token: string): string {
  const configured = vscode.workspace.getConfiguration('uprSubmission.collab').get<string>('userName')?.trim();
  if (configured) return configured;
  const claimed = readTokenClaims(token)?.user;
  if (typeof claimed === 'string' && claimed.trim()) return claimed.trim();
  try {
    return os.userInfo().username;
  } catch {
    return vscode.l10n.t('Anonymous');
  }
}

export class CollabSession implements vscode.Disposable {
  readonly doc = new Y.Doc();
  readonly ytext = this.doc.getText(SHARED_TEXT_NAME);
  readonly provider: WebsocketProvider;
  /** The room's review comments: a document of its own, which the server lets reviewers write too. */
  readonly commentsDoc = new Y.Doc();
  readonly commentsProvider: WebsocketProvider;
  readonly comments: CommentThreads;
  /** Origin of this window's edits: the UndoManager takes back only these. */
  readonly origin = {};
  binding: DocumentBinding | undefined;
  /** Whether the first-join rule has been applied: after that, a reopened document is bound at once. */
  joined = false;
  /** Why the server refused us (an authentication failure stops reconnecting). */
  refusal: string | undefined;
  private disposed = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    readonly uri: vscode.Uri,
    readonly invitation: Invitation,
    readonly userName: string,
    log: (message: string) => void,
  ) {
    this.provider = new WebsocketProvider(invitation.serverUrl, invitation.room, this.doc, {
      connect: false,
      params: { token: invitation.token },
      // The extension host has no WebSocket of its own (Node 20): ws, bundled into dist/extension.js.
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true, // windows are separate processes: the server is the only way between them
      shouldReconnect: (event) => !REFUSALS.has(event.code),
    });
    this.provider.awareness.setLocalStateField('user', { name: userName, color: colourForName(userName) });
    this.commentsProvider = new WebsocketProvider(invitation.serverUrl, invitation.room, this.commentsDoc, {
      connect: false,
      params: { token: invitation.token, doc: 'comments' },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      shouldReconnect: (event) => !REFUSALS.has(event.code),
    });
    this.commentsProvider.awareness.setLocalState(null); // presence goes through the text document only
    this.comments = new CommentThreads(this.commentsDoc, this.ytext);
    const fire = () => this.changed.fire();
    this.provider.on('status', fire);
    this.provider.on('sync', fire);
    this.provider.on('connection-close', (event) => {
      // A close the server explains (a limit, a restart, a refusal) goes to the log.
      if (event?.reason) log(`${invitation.room}: the server closed the connection (${event.code}): ${event.reason}`);
    });
    this.provider.on('closed', ({ code, reason }) => {
      this.refusal = reason || String(code);
      fire();
    });
    this.provider.awareness.on('change', fire);
  }

  get room(): string {
    return this.invitation.room;
  }

  /** The role the token names ('writer' or 'reviewer'), for display: the server enforces it. */
  get role(): string | undefined {
    return readTokenClaims(this.invitation.token)?.role;
  }

  get state(): SyncState {
    const provider = this.provider;
    if (this.refusal) return 'offline';
    if (provider.wsconnected) return provider.synced ? 'synced' : 'syncing';
    return provider.wsUnsuccessfulReconnects > 0 ? 'offline' : 'syncing';
  }

  /** Resolves once the room's state has arrived; rejects with the server's reason when it refuses us, or when the session ends first. */
  whenSynced(): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const subscription = this.onDidChange(() => {
        if (this.provider.synced) resolve();
        else if (this.refusal) reject(new Error(this.refusal));
        else if (this.disposed) reject(new Error('left before the room answered'));
        else return;
        subscription.dispose();
      });
    });
  }

  dispose(): void {
    this.binding?.dispose();
    this.binding = undefined;
    this.provider.awareness.setLocalState(null);
    this.provider.destroy();
    this.commentsProvider.destroy();
    this.doc.destroy();
    this.commentsDoc.destroy();
    this.disposed = true;
    this.changed.fire();
    this.changed.dispose();
  }
}

interface RememberedRoom {
  serverUrl: string;
  room: string;
}

/** All sessions of this window, by document URI; remembers them across restarts. */
export class CollabSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, CollabSession>();
  private readonly store: OfflineStore;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a session starts, ends, or its connection or presence changes. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
  ) {
    this.store = new OfflineStore(vscode.Uri.joinPath(context.globalStorageUri, 'collab').fsPath, (message) => this.log(message));
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => void this.documentOpened(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
    );
    for (const document of vscode.workspace.textDocuments) void this.documentOpened(document);
  }

  log(message: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${message}`);
  }

  get(uri: vscode.Uri): CollabSession | undefined {
    return this.sessions.get(uri.toString());
  }

  all(): CollabSession[] {
    return [...this.sessions.values()];
  }

  /**
   * Shares `document` in the invitation's room: loads the room's offline state, connects, applies
   * the first-join rule (at once when there is an offline state, else once the room's state has
   * arrived) and binds the document. Resolves when the document is bound; rejects when refused.
   */
  async join(document: vscode.TextDocument, invitation: Invitation): Promise<CollabSession> {
    const key = document.uri.toString();
    const existing = this.sessions.get(key);
    if (existing && formatInvitation(existing.invitation) === formatInvitation(invitation)) return existing;
    if (existing) this.leave(document.uri);

    const session = new CollabSession(document.uri, invitation, collabUserName(invitation.token), (message) => this.log(message));
    this.sessions.set(key, session);
    session.onDidChange(() => this.changed.fire());
    session.provider.on('closed', ({ reason, code }) => this.refused(session, reason || String(code)));

    const file = this.store.fileFor(invitation.serverUrl, invitation.room, key);
    const stored = this.store.load(file);
    if (stored) Y.applyUpdate(session.doc, stored, FROM_STORAGE);
    session.doc.on('update', () => this.store.scheduleSave(file, () => Y.encodeStateAsUpdate(session.doc)));
    // The room's review comments too: a comment written offline is sent once the server is back.
    const commentsFile = this.commentsFile(session, key);
    const storedComments = this.store.load(commentsFile);
    if (storedComments) Y.applyUpdate(session.commentsDoc, storedComments, FROM_STORAGE);
    session.commentsDoc.on('update', () => this.store.scheduleSave(commentsFile, () => Y.encodeStateAsUpdate(session.commentsDoc)));
    this.log(`joining ${invitation.room} on ${invitation.serverUrl}${stored ? ' (with the offline state)' : ''}`);
    this.changed.fire();

    const stillJoining = () => {
      if (this.sessions.get(key) !== session) throw new Error('left before the document was bound');
    };
    try {
      // With an offline state, editing goes on at once; without, the room's text must be known first.
      if (stored) await this.bind(session, document);
      stillJoining();
      session.provider.connect();
      session.commentsProvider.connect();
      if (!stored) {
        await session.whenSynced();
        stillJoining();
        const current = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key);
        if (current) await this.bind(session, current);
      }
      // Joined: rejoined by itself after a restart of VS Code.
      await this.context.secrets.store(tokenKey(invitation.serverUrl, invitation.room), invitation.token);
      await this.remember(key, { serverUrl: invitation.serverUrl, room: invitation.room });
    } catch (e) {
      if (this.sessions.get(key) === session) this.leave(document.uri);
      throw e;
    }
    return session;
  }

  /** Stops sharing the document (its text stays as it is; the room's offline state stays for a later join). */
  leave(uri: vscode.Uri): void {
    const key = uri.toString();
    const session = this.sessions.get(key);
    if (!session) return;
    this.store.flush(this.store.fileFor(session.invitation.serverUrl, session.room, key));
    this.store.flush(this.commentsFile(session, key));
    this.sessions.delete(key);
    session.dispose();
    void this.remember(key, undefined);
    this.log(`left ${session.room}`);
    this.changed.fire();
  }

  private commentsFile(session: CollabSession, key: string): string {
    return this.store.fileFor(session.invitation.serverUrl, session.room, `${key}#comments`);
  }

  /** Applies the first-join rule, then binds: the room's text wins, a differing local text is saved aside. */
  private async bind(session: CollabSession, document: vscode.TextDocument): Promise<void> {
    if (session.binding || document.isClosed) return;
    const local = document.getText();
    const decision = firstJoinDecision(local, session.ytext.toString());
    if (decision === 'room-empty') {
      session.doc.transact(() => session.ytext.insert(0, toShared(local)), FIRST_JOIN);
    } else if (decision === 'room-wins-differs' && local.trim()) {
      await this.saveAside(document, local);
      if (session.binding || document.isClosed || this.sessions.get(document.uri.toString()) !== session) return;
    }
    session.binding = new DocumentBinding(document, session.ytext, session.origin, (message) =>
      this.log(`${session.room}: ${message}`),
    );
    session.joined = true;
    if (decision === 'room-wins-differs') await session.binding.shared.resync();
    this.log(`${session.room}: bound ${document.uri.fsPath || document.uri.toString()} (${decision})`);
    this.changed.fire();
  }

  private async saveAside(document: vscode.TextDocument, text: string): Promise<void> {
    let target = vscode.Uri.file(asideCopyPath(document.uri.fsPath, new Date()));
    if (document.uri.scheme !== 'file') target = document.uri.with({ path: asideCopyPath(document.uri.path, new Date()) });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const name = target.path.split('/').pop()!;
    this.log(`kept the local text that differed from the room's in ${target.toString()}`);
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t("The room's text replaced yours; your text is kept in {0}.", name),
        vscode.l10n.t('Open'),
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(target, { preview: false });
      });
  }

  private refused(session: CollabSession, reason: string): void {
    this.log(`${session.room}: the server refused the connection: ${reason}`);
    // A refused token is not asked for again silently: the next share asks for a new one.
    void this.context.secrets.delete(tokenKey(session.invitation.serverUrl, session.room));
    void vscode.window.showErrorMessage(vscode.l10n.t('The co-editing server refused room {0}: {1}', session.room, reason));
  }

  /** Rejoins a document that was shared when VS Code last closed, once it is open again. */
  private async documentOpened(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const session = this.sessions.get(key);
    if (session) {
      if (!session.binding && session.joined) await this.bind(session, document);
      return;
    }
    const remembered = this.rememberedRooms()[key];
    if (!remembered) return;
    const token = await this.context.secrets.get(tokenKey(remembered.serverUrl, remembered.room));
    if (!token || this.sessions.has(key) || document.isClosed) return;
    this.join(document, { ...remembered, token }).catch((e: Error) => this.log(`rejoining ${remembered.room}: ${e.message}`));
  }

  private documentClosed(document: vscode.TextDocument): void {
    const session = this.sessions.get(document.uri.toString());
    if (session?.binding?.document !== document) return;
    // The room goes on (and its state is saved); the document is bound again when reopened.
    session.binding.dispose();
    session.binding = undefined;
    this.changed.fire();
  }

  private rememberedRooms(): Record<string, RememberedRoom> {
    return this.context.globalState.get<Record<string, RememberedRoom>>(REMEMBERED_ROOMS) ?? {};
  }

  private async remember(key: string, room: RememberedRoom | undefined): Promise<void> {
    const rooms = { ...this.rememberedRooms() };
    if (room) rooms[key] = room;
    else delete rooms[key];
    await this.context.globalState.update(REMEMBERED_ROOMS, rooms);
  }

  dispose(): void {
    this.store.flush();
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
