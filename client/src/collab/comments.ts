// Review comments in VS Code's comments UI, for UPR submissions: in a shared document the threads
// are the room's (its comments document, live for everyone, reviewers included); otherwise they are
// kept in the sidecar file `<file>.comments.json`. The threads are drawn again whenever they change
// (here or remotely) or the text moves under them.
import os from 'node:os';
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../languageClient';
import { brokenSidecarPath, parseSidecar, serializeSidecar, shiftThreads, sidecarPath, type LocalThread } from './commentSidecar';
import type { CommentRecord } from './commentThreads';
import type { CollabSession, CollabSessions } from './session';
import { detectEol, localToSharedOffset, sharedToLocalOffset } from './textSync';

const CONTROLLER_ID = 'uprSubmission.review';

/** A thread as the extension's API tells it: its range in the document's own offsets (none while its text has not arrived). */
export interface ReviewThreadInfo {
  id: string;
  range?: { start: number; end: number };
  resolved: boolean;
  comments: { author: string; body: string }[];
  /** Where the thread lives. */
  source: 'room' | 'sidecar';
}

export interface ReviewApi {
  threads(uri: string): Promise<ReviewThreadInfo[]>;
  /** Starts a thread on [start, end) (document offsets) with its first comment; resolves the thread id. */
  add(uri: string, start: number, end: number, body: string): Promise<string>;
  reply(uri: string, threadId: string, body: string): Promise<void>;
  setResolved(uri: string, threadId: string, resolved: boolean): Promise<void>;
}

/** A document's sidecar as read: its threads, or why the file could not be read (it is then left alone until a comment is written). */
interface Sidecar {
  threads: LocalThread[];
  exists: boolean;
  broken?: string;
}

export class ReviewComments implements vscode.Disposable, ReviewApi {
  private readonly controller = vscode.comments.createCommentController(CONTROLLER_ID, vscode.l10n.t('UPR review'));
  /** Drawn threads, by document URI and thread id. */
  private readonly drawn = new Map<string, Map<string, vscode.CommentThread>>();
  private readonly threadIds = new WeakMap<vscode.CommentThread, string>();
  private readonly sidecars = new Map<string, Promise<Sidecar>>();
  private readonly observed = new Map<CollabSession, () => void>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly sessions: CollabSessions) {
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => (document.languageId === LANGUAGE_ID ? [new vscode.Range(0, 0, document.lineCount, 0)] : []),
    };
    this.controller.options = { placeHolder: vscode.l10n.t('Write a review comment'), prompt: vscode.l10n.t('Comment on this text') };
    this.subscriptions.push(
      this.controller,
      sessions.onDidChange(() => this.sessionsChanged()),
      vscode.workspace.onDidOpenTextDocument((document) => void this.render(document)),
      vscode.workspace.onDidChangeTextDocument((event) => void this.textChanged(event)),
      vscode.workspace.onDidSaveTextDocument((document) => void this.saveSidecar(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.commands.registerCommand('uprSubmission.review.addComment', (reply: vscode.CommentReply) => this.fromUi(() => this.addFromUi(reply))),
      vscode.commands.registerCommand('uprSubmission.review.reply', (reply: vscode.CommentReply) =>
        this.fromUi(() => this.reply(reply.thread.uri.toString(), this.idOf(reply.thread), reply.text)),
      ),
      vscode.commands.registerCommand('uprSubmission.review.resolve', (thread: vscode.CommentThread) =>
        this.fromUi(() => this.setResolved(thread.uri.toString(), this.idOf(thread), true)),
      ),
      vscode.commands.registerCommand('uprSubmission.review.reopen', (thread: vscode.CommentThread) =>
        this.fromUi(() => this.setResolved(thread.uri.toString(), this.idOf(thread), false)),
      ),
    );
    for (const document of vscode.workspace.textDocuments) void this.render(document);
  }

  async threads(uri: string): Promise<ReviewThreadInfo[]> {
    const document = await this.document(uri);
    const session = this.sessionOf(document);
    if (session) {
      const shared = session.ytext.toString();
      const eol = detectEol(document.getText());
      return session.comments.list().map((thread) => ({
        id: thread.id,
        range: thread.range && { start: sharedToLocalOffset(shared, thread.range.start, eol), end: sharedToLocalOffset(shared, thread.range.end, eol) },
        resolved: thread.resolved,
        comments: thread.comments.map(({ author, body }) => ({ author, body })),
        source: 'room',
      }));
    }
    if (document.languageId !== LANGUAGE_ID) return [];
    const sidecar = await this.sidecar(document);
    return sidecar.threads.map((thread) => ({
      id: thread.id,
      range: { start: thread.start, end: thread.end },
      resolved: thread.resolved,
      comments: thread.comments.map(({ author, body }) => ({ author, body })),
      source: 'sidecar',
    }));
  }

  async add(uri: string, start: number, end: number, body: string): Promise<string> {
    const document = await this.document(uri);
    const session = this.sessionOf(document);
    let id: string;
    if (session) {
      const text = document.getText();
      id = session.comments.add(localToSharedOffset(text, start), localToSharedOffset(text, end), session.userName, body);
    } else {
      const sidecar = await this.sidecar(document);
      id = globalThis.crypto.randomUUID();
      sidecar.threads.push({ id, start: Math.min(start, end), end: Math.max(start, end), resolved: false, comments: [newComment(localUserName(), body)] });
      await this.writeSidecar(document, sidecar);
    }
    await this.render(document);
    return id;
  }

  async reply(uri: string, threadId: string, body: string): Promise<void> {
    await this.change(uri, threadId, (session) => session.comments.reply(threadId, session.userName, body), (thread) => thread.comments.push(newComment(localUserName(), body)));
  }

  async setResolved(uri: string, threadId: string, resolved: boolean): Promise<void> {
    await this.change(uri, threadId, (session) => session.comments.setResolved(threadId, resolved), (thread) => (thread.resolved = resolved));
  }

  private async change(uri: string, threadId: string, inRoom: (session: CollabSession) => void, inSidecar: (thread: LocalThread) => void): Promise<void> {
    const document = await this.document(uri);
    const session = this.sessionOf(document);
    if (session) inRoom(session);
    else {
      const sidecar = await this.sidecar(document);
      const thread = sidecar.threads.find((candidate) => candidate.id === threadId);
      if (!thread) throw new Error(vscode.l10n.t('No comment thread {0} in {1}.', threadId, fileName(document.uri)));
      inSidecar(thread);
      await this.writeSidecar(document, sidecar);
    }
    await this.render(document);
  }

  /** A thread started in the comments UI: the UI's empty thread gives way to the stored one. */
  private async addFromUi(reply: vscode.CommentReply): Promise<void> {
    const document = await this.document(reply.thread.uri.toString());
    const range = reply.thread.range ?? new vscode.Range(0, 0, 0, 0);
    await this.add(document.uri.toString(), document.offsetAt(range.start), document.offsetAt(range.end), reply.text);
    reply.thread.dispose();
  }

  private async fromUi(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The review comment could not be saved: {0}', (error as Error).message));
    }
  }

  private idOf(thread: vscode.CommentThread): string {
    const id = this.threadIds.get(thread);
    if (!id) throw new Error(vscode.l10n.t('This comment thread is not saved yet.'));
    return id;
  }

  /** A shared document's session, once the document is bound to the room's text. */
  private sessionOf(document: vscode.TextDocument): CollabSession | undefined {
    const session = this.sessions.get(document.uri);
    return session?.binding?.document === document ? session : undefined;
  }

  private async document(uri: string): Promise<vscode.TextDocument> {
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri) ?? vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  }

  /** Draws a document's threads as they are now. */
  private async render(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== LANGUAGE_ID || document.isClosed) return;
    const key = document.uri.toString();
    const threads = await this.threads(key);
    if (document.isClosed) return;
    const drawn = this.drawn.get(key) ?? new Map<string, vscode.CommentThread>();
    this.drawn.set(key, drawn);
    const shown = new Set<string>();
    for (const thread of threads) {
      if (!thread.range) continue;
      shown.add(thread.id);
      const range = new vscode.Range(document.positionAt(thread.range.start), document.positionAt(thread.range.end));
      const comments = thread.comments.map((comment): vscode.Comment => ({
        body: comment.body,
        mode: vscode.CommentMode.Preview,
        author: { name: comment.author },
      }));
      let ui = drawn.get(thread.id);
      if (!ui) {
        ui = this.controller.createCommentThread(document.uri, range, comments);
        this.threadIds.set(ui, thread.id);
        drawn.set(thread.id, ui);
      } else {
        if (!ui.range?.isEqual(range)) ui.range = range;
        ui.comments = comments;
      }
      ui.contextValue = thread.resolved ? 'resolved' : 'open';
      ui.state = thread.resolved ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
      ui.label = thread.resolved ? vscode.l10n.t('Resolved') : undefined;
      ui.canReply = true;
    }
    for (const [id, ui] of drawn) {
      if (shown.has(id)) continue;
      ui.dispose();
      drawn.delete(id);
    }
  }

  /** Follows sessions as they start and end: a room's threads are drawn as they change. */
  private sessionsChanged(): void {
    const current = new Set(this.sessions.all());
    for (const [session, stop] of this.observed) {
      if (current.has(session)) continue;
      stop();
      this.observed.delete(session);
    }
    for (const session of current) {
      if (this.observed.has(session)) continue;
      this.observed.set(
        session,
        session.comments.observe(() => {
          const document = session.binding?.document;
          if (document) void this.render(document);
        }),
      );
    }
    for (const document of vscode.workspace.textDocuments) void this.render(document);
  }

  private async textChanged(event: vscode.TextDocumentChangeEvent): Promise<void> {
    const { document } = event;
    if (document.languageId !== LANGUAGE_ID || event.contentChanges.length === 0) return;
    const session = this.sessionOf(document);
    let hasThreads: boolean;
    if (session) {
      hasThreads = session.comments.size > 0;
    } else {
      const pending = this.sidecars.get(document.uri.toString());
      if (!pending) return;
      const { threads } = await pending;
      shiftThreads(threads, event.contentChanges);
      hasThreads = threads.length > 0;
    }
    // Typing moves threads; a document without any costs nothing more per keystroke.
    if (hasThreads) await this.render(document);
  }

  private sidecarUri(document: vscode.TextDocument): vscode.Uri {
    return document.uri.with({ path: sidecarPath(document.uri.path) });
  }

  private sidecar(document: vscode.TextDocument): Promise<Sidecar> {
    const key = document.uri.toString();
    let pending = this.sidecars.get(key);
    if (!pending) {
      pending = this.readSidecar(document);
      this.sidecars.set(key, pending);
    }
    return pending;
  }

  private async readSidecar(document: vscode.TextDocument): Promise<Sidecar> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.sidecarUri(document));
    } catch {
      return { threads: [], exists: false };
    }
    const reading = parseSidecar(new TextDecoder().decode(bytes), document.getText());
    if (reading.ok) return { threads: reading.threads, exists: true };
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'The review comments of {0} could not be read ({1}). The file is left as it is, and kept aside before any new comment is saved.',
        fileName(document.uri),
        reading.problem,
      ),
    );
    return { threads: [], exists: true, broken: reading.problem };
  }

  /** Writes the sidecar (ranges as of the document's current text); a file that could not be read is first kept aside. */
  private async writeSidecar(document: vscode.TextDocument, sidecar: Sidecar): Promise<void> {
    const target = this.sidecarUri(document);
    if (sidecar.broken) {
      const aside = target.with({ path: brokenSidecarPath(document.uri.path, new Date()) });
      await vscode.workspace.fs.rename(target, aside, { overwrite: false });
      sidecar.broken = undefined;
      void vscode.window.showWarningMessage(vscode.l10n.t('The unreadable review comments of {0} are kept in {1}.', fileName(document.uri), fileName(aside)));
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(serializeSidecar(sidecar.threads, document.getText())));
    sidecar.exists = true;
  }

  /** On save, the sidecar's ranges are written again to fit the saved text. */
  private async saveSidecar(document: vscode.TextDocument): Promise<void> {
    const pending = this.sidecars.get(document.uri.toString());
    if (!pending || this.sessionOf(document)) return;
    const sidecar = await pending;
    if (sidecar.broken || (!sidecar.exists && sidecar.threads.length === 0)) return;
    await this.writeSidecar(document, sidecar).catch((error: Error) =>
      vscode.window.showErrorMessage(vscode.l10n.t('The review comment could not be saved: {0}', error.message)),
    );
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.sidecars.delete(key);
    for (const ui of this.drawn.get(key)?.values() ?? []) ui.dispose();
    this.drawn.delete(key);
  }

  dispose(): void {
    for (const stop of this.observed.values()) stop();
    this.observed.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function newComment(author: string, body: string): CommentRecord {
  return { id: globalThis.crypto.randomUUID(), author, body, created: new Date().toISOString() };
}

/** Outside a room: the name set for co-editing, else the name logged in on this computer. */
function localUserName(): string {
  const configured = vscode.workspace.getConfiguration('uprSubmission.collab').get<string>('userName')?.trim();
  if (configured) return configured;
  try {
    return os.userInfo().username;
  } catch {
    return vscode.l10n.t('Anonymous');
  }
}

function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}
