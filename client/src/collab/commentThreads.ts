// Review comment threads of a shared room, in the room's comments document (a Y.Doc of its own,
// which the server lets reviewers write, unlike the text document). Pure: yjs yes, VS Code no.
//
// Layout of the comments document: a root Y.Map `threads`, thread id -> Y.Map with
//   anchor:   { start, end } as Y.RelativePosition JSON on the TEXT document's Y.Text (set once),
//   comments: Y.Array of { id, author, body, created } (replies are pushed, never rewritten),
//   resolved: boolean (last writer wins, so resolve and reopen merge like any map entry).
// The anchors point at characters of the other document: they are created against the text's
// Y.Text and resolved with the text document, so a thread moves with the text it is on; its start
// sticks to the first character, its end to the last, and text typed at either edge stays outside.
// Anything a client wrote in another shape is left out when read, never thrown on.
import * as Y from 'yjs';
import { absoluteIndex } from './peers';

const THREADS = 'threads';
/** Longest comment body kept when read (a safeguard against a client writing megabytes). */
export const MAX_COMMENT_LENGTH = 20_000;

export interface CommentRecord {
  id: string;
  author: string;
  body: string;
  /** ISO 8601 time of writing, as the writer's clock said. */
  created: string;
}

/** A thread as read, its range in shared offsets (undefined while its text is not known here). */
export interface ThreadSnapshot {
  id: string;
  range?: { start: number; end: number };
  resolved: boolean;
  comments: CommentRecord[];
}

export class CommentThreads {
  private readonly threads: Y.Map<Y.Map<unknown>>;

  constructor(
    readonly commentsDoc: Y.Doc,
    readonly ytext: Y.Text,
    private readonly newId: () => string = () => globalThis.crypto.randomUUID(),
  ) {
    this.threads = commentsDoc.getMap(THREADS);
  }

  /** How many threads there are, resolved ones included. */
  get size(): number {
    return this.threads.size;
  }

  /** Calls `listener` after every change of the threads (local or remote); returns how to stop. */
  observe(listener: () => void): () => void {
    const handler = () => listener();
    this.threads.observeDeep(handler);
    return () => this.threads.unobserveDeep(handler);
  }

  /** Starts a thread on the shared range [start, end) with its first comment; returns the thread id. */
  add(start: number, end: number, author: string, body: string, origin: unknown = null): string {
    const length = this.ytext.length;
    const from = clamp(Math.min(start, end), 0, length);
    const to = clamp(Math.max(start, end), 0, length);
    const id = this.newId();
    const anchor = {
      start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(this.ytext, from, 0)),
      // An empty range is one point; otherwise the end sticks to the last character of the range.
      end: Y.relativePositionToJSON(from === to ? Y.createRelativePositionFromTypeIndex(this.ytext, from, 0) : Y.createRelativePositionFromTypeIndex(this.ytext, to, -1)),
    };
    this.commentsDoc.transact(() => {
      const thread = new Y.Map<unknown>();
      this.threads.set(id, thread);
      thread.set('anchor', anchor);
      thread.set('resolved', false);
      const comments = new Y.Array<CommentRecord>();
      thread.set('comments', comments);
      comments.push([this.comment(author, body)]);
    }, origin);
    return id;
  }

  /** Adds a reply at the end of a thread; throws when there is no such thread. */
  reply(threadId: string, author: string, body: string, origin: unknown = null): CommentRecord {
    const comments = this.thread(threadId).get('comments');
    if (!(comments instanceof Y.Array)) throw new Error(`comment thread ${threadId} has no comments list`);
    const record = this.comment(author, body);
    this.commentsDoc.transact(() => comments.push([record]), origin);
    return record;
  }

  /** Marks a thread resolved (true) or open again (false). */
  setResolved(threadId: string, resolved: boolean, origin: unknown = null): void {
    const thread = this.thread(threadId);
    this.commentsDoc.transact(() => thread.set('resolved', resolved), origin);
  }

  /** Every readable thread, oldest first comment first. */
  list(): ThreadSnapshot[] {
    const result: ThreadSnapshot[] = [];
    for (const [id, thread] of this.threads) {
      const snapshot = this.read(id, thread);
      if (snapshot) result.push(snapshot);
    }
    return result.sort((a, b) => a.comments[0].created.localeCompare(b.comments[0].created) || a.id.localeCompare(b.id));
  }

  get(threadId: string): ThreadSnapshot | undefined {
    const thread = this.threads.get(threadId);
    return thread ? this.read(threadId, thread) : undefined;
  }

  private thread(threadId: string): Y.Map<unknown> {
    const thread = this.threads.get(threadId);
    if (!(thread instanceof Y.Map)) throw new Error(`no comment thread ${threadId}`);
    return thread;
  }

  private comment(author: string, body: string): CommentRecord {
    return { id: this.newId(), author, body, created: new Date().toISOString() };
  }

  private read(id: string, thread: unknown): ThreadSnapshot | undefined {
    if (!(thread instanceof Y.Map)) return undefined;
    const list = thread.get('comments');
    if (!(list instanceof Y.Array)) return undefined;
    const comments = list.toArray().filter(isComment).map((comment) => ({ ...comment, body: comment.body.slice(0, MAX_COMMENT_LENGTH) }));
    if (comments.length === 0) return undefined;
    return { id, range: this.resolveAnchor(thread.get('anchor')), resolved: thread.get('resolved') === true, comments };
  }

  /** The anchor as shared offsets, or undefined when the text it points at has not arrived (or it is malformed). */
  private resolveAnchor(anchor: unknown): ThreadSnapshot['range'] {
    if (typeof anchor !== 'object' || anchor === null) return undefined;
    const { start, end } = anchor as { start?: unknown; end?: unknown };
    const from = absoluteIndex(start, this.ytext);
    const to = absoluteIndex(end, this.ytext);
    if (from === undefined || to === undefined) return undefined;
    // A deleted range collapses where it was; the end is never before the start.
    return { start: from, end: Math.max(from, to) };
  }
}

function isComment(value: unknown): value is CommentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const { id, author, body, created } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof author === 'string' && typeof body === 'string' && typeof created === 'string';
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
