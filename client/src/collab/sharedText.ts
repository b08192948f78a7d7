// An editor buffer bound to a shared Y.Text (no VS Code here: the editor is an EditorPort).
//
// Design. The binding keeps a shadow: the editor text as of the last change event it was given.
// Y.Text may be ahead of the editor, because remote changes reach the editor asynchronously; the
// part not yet in the editor is kept as one delta, so that always
//     Y.Text = toShared(shadow), then the flight's delta (if not yet seen in the editor), then `pending`.
// - A remote change (any Y.Text transaction not of our origin, the undo manager's included) is
//   composed into `pending`; a worker sends it to the editor with port.applyEdits, translated against
//   the shadow, one batch in flight at a time.
// - A change event whose before/after texts are the flight's base and expected texts (up to line
//   endings, which the editor may make its own) is the flight's echo: the shadow moves on and nothing
//   goes to Y.Text. Any other event is the writer's: it becomes shared edits against the shadow,
//   transformed past the changes Y.Text has and the editor has not yet (then applied to Y.Text in one
//   transaction), and those changes are transformed past it. If it came while a flight was unseen,
//   the editor will refuse that flight (VS Code checks the document version), so the flight's delta
//   goes back into `pending` and is sent again. (Should the editor apply it after all, its event is
//   recognised by its edits and the check below repairs the editor.)
// - Before sending, the worker checks that the editor shows exactly the shadow; when it has nothing
//   left to send, also that toShared(shadow) is the Y.Text. If not (a lost event, a port that
//   misbehaved, a switch of line endings), it takes the editor's text as it is and rewrites it from
//   Y.Text where they differ, and logs it (a bounded number of times per run; a mere switch of line
//   endings is not logged). Y.Text is never rewritten from the editor.
// The port must report its own applied edits through handleLocalChanges before applyEdits resolves
// (VS Code fires onDidChangeTextDocument before workspace.applyEdit resolves).

import * as Y from 'yjs';
import {
  applyLocalEdits,
  composeDeltas,
  deltaOfSharedEdits,
  deltaToLocalEdits,
  detectEol,
  diffDelta,
  Eol,
  LocalChange,
  localChangesToShared,
  LocalEdit,
  sharedEditsOfDelta,
  TextDelta,
  toShared,
  transformDelta,
} from './textSync';

/** What the binding needs from an editor buffer (implemented over vscode.TextDocument in binding.ts). */
export interface EditorPort {
  getText(): string;
  /** Applies the edits atomically (non-overlapping, offsets relative to the current text); resolves false when the editor refused (e.g. the document changed meanwhile). */
  applyEdits(edits: readonly LocalEdit[]): Promise<boolean>;
}

export interface SharedTextBindingOptions {
  /** Transaction origin of local edits: the Y.UndoManager tracks only this origin. */
  origin: object;
  /** Logged when the editor and Y.Text differed and the editor was resynced from Y.Text. */
  log(message: string): void;
}

/** Which text wins when a document joins a room. 'room-empty': push local into Y.Text; 'same': nothing to do; 'room-wins-differs': save local aside, then replace editor with the room's text. */
export function firstJoinDecision(localText: string, roomText: string): 'room-empty' | 'same' | 'room-wins-differs' {
  if (toShared(localText) === roomText) return 'same';
  return roomText === '' ? 'room-empty' : 'room-wins-differs';
}

/** Typing within this time is one undo step. */
const UNDO_CAPTURE_MS = 500;
/** Rewrites of the editor from Y.Text, and refusals of the editor, tolerated in one run of the worker before it waits for the next change. */
const MAX_REWRITES_PER_RUN = 3;
const MAX_REFUSALS_PER_RUN = 3;

/** Remote changes on their way into the editor. */
interface Flight {
  delta: TextDelta;
  edits: LocalEdit[];
  /** The shadow when the edits were sent, and what it becomes once the editor applies them. */
  base: string;
  expected: string;
  echoed: boolean;
  /** The writer changed the editor first: the editor refuses these edits, their delta is pending again. */
  superseded: boolean;
}

type YDeltaOp = { insert?: unknown; retain?: number; delete?: number };

export class SharedTextBinding {
  private shadow: string;
  private eol: Eol;
  private pending: TextDelta = [];
  private flight: Flight | undefined;
  private running = false;
  private disposed = false;
  private rewrites = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly undoManager: Y.UndoManager;
  private readonly onSharedChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === this.options.origin) return;
    const delta = plainDelta(event.delta as YDeltaOp[]);
    // Not plain text (an embed): the check at the end of the worker's run rewrites the editor.
    if (delta) this.pending = composeDeltas(this.pending, delta);
    this.kick();
  };

  constructor(
    private readonly ytext: Y.Text,
    private readonly port: EditorPort,
    private readonly options: SharedTextBindingOptions,
  ) {
    this.shadow = port.getText();
    this.eol = detectEol(this.shadow);
    this.pending = diffDelta(toShared(this.shadow), ytext.toString());
    if (this.pending.length > 0) this.logRewrite();
    ytext.observe(this.onSharedChange);
    this.undoManager = new Y.UndoManager(ytext, { trackedOrigins: new Set([options.origin]), captureTimeout: UNDO_CAPTURE_MS });
    this.kick();
  }

  /** Call from onDidChangeTextDocument for the bound document, with event.contentChanges; changes the binding itself caused are recognised and ignored (no echo). All changes of one event go into Y.Text in one transaction. */
  handleLocalChanges(changes: readonly LocalChange[]): void {
    if (this.disposed || changes.length === 0) return;
    const before = this.shadow;
    let result: ReturnType<typeof localChangesToShared>;
    try {
      result = localChangesToShared(before, changes);
    } catch (error) {
      this.options.log(`a change event did not fit the editor text as the binding knew it (${(error as Error).message}); checking the editor against the shared text`);
      this.kick();
      return;
    }
    const flight = this.flight;
    if (flight && !flight.echoed) {
      if (!flight.superseded && before === flight.base && isEcho(result.localText, flight.expected)) {
        flight.echoed = true;
        this.shadow = result.localText;
        if (result.localText !== flight.expected) this.eol = detectEol(this.shadow); // the editor made our line breaks its own
        return;
      }
      if (flight.superseded && sameEdits(changes, flight.edits)) {
        // The editor applied our edits after all, on a text that had changed: trust neither, check.
        flight.echoed = true;
        this.shadow = result.localText;
        this.kick();
        return;
      }
      if (!flight.superseded) {
        flight.superseded = true;
        this.pending = composeDeltas(flight.delta, this.pending);
      }
    }
    this.shadow = result.localText;
    if (changes.some((change) => change.text.includes('\n'))) this.eol = detectEol(this.shadow);
    const local = deltaOfSharedEdits(result.edits);
    if (local.length > 0) {
      const intoShared = transformDelta(this.pending, local, true);
      this.pending = transformDelta(local, this.pending, false);
      this.ytext.doc!.transact(() => applyToYText(this.ytext, intoShared), this.options.origin);
    }
    if (result.replacedLoneSurrogates) this.kick();
  }

  /** Rewrites the editor from Y.Text if they differ (returns whether it had to). */
  async resync(): Promise<boolean> {
    const rewritesBefore = this.rewrites;
    this.kick();
    await this.whenIdle();
    return this.rewrites > rewritesBefore;
  }

  /** Y.UndoManager over this binding's origin: undo()/redo() revert only this writer's edits; the resulting Y.Text change reaches the editor like any remote change. */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  redo(): boolean {
    return this.undoManager.redo() !== null;
  }

  /** Resolves when every remote change so far has been applied to the editor (for tests and for save); also when the editor keeps refusing them. */
  whenIdle(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    this.kick();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.ytext.unobserve(this.onSharedChange);
    this.undoManager.destroy();
    this.settleIdleWaiters();
  }

  private kick(): void {
    if (this.running || this.disposed) return;
    this.running = true;
    void this.work();
  }

  private async work(): Promise<void> {
    let rewrites = 0;
    let refusals = 0;
    try {
      await Promise.resolve(); // remote changes of the same tick go to the editor as one edit
      while (!this.disposed) {
        // Edits are sent only against the text the editor really has; with nothing left to send,
        // the editor must show exactly the shared text.
        const editorAsKnown = this.port.getText() === this.shadow;
        if (editorAsKnown && this.pending.length > 0) {
          if ((await this.applyPending()) === 'refused' && ++refusals >= MAX_REFUSALS_PER_RUN) {
            this.options.log(`the editor refused the shared changes ${refusals} times; trying again at the next change`);
            break;
          }
          continue;
        }
        if (editorAsKnown && toShared(this.shadow) === this.ytext.toString()) break;
        if (rewrites++ === MAX_REWRITES_PER_RUN) {
          this.options.log(`the editor still differs from the shared text after ${MAX_REWRITES_PER_RUN} rewrites; trying again at the next change`);
          break;
        }
        this.rebase();
      }
    } catch (error) {
      this.options.log(`applying shared changes failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
      this.settleIdleWaiters();
    }
  }

  /** Sends `pending` to the editor and waits for its answer. */
  private async applyPending(): Promise<'applied' | 'superseded' | 'refused'> {
    const delta = this.pending;
    this.pending = [];
    let edits: LocalEdit[];
    try {
      edits = deltaToLocalEdits(this.shadow, delta, this.eol);
    } catch {
      return 'applied'; // nothing sent: the shadow no longer fits Y.Text, and the run's final check rewrites the editor
    }
    const flight: Flight = { delta, edits, base: this.shadow, expected: applyLocalEdits(this.shadow, edits), echoed: false, superseded: false };
    this.flight = flight;
    let applied: boolean;
    try {
      applied = await this.port.applyEdits(edits);
    } catch (error) {
      this.options.log(`the editor failed to apply shared changes: ${(error as Error).message}`);
      applied = false;
    } finally {
      this.flight = undefined;
    }
    if (flight.superseded) return 'superseded';
    if (applied) {
      // A port that applied the edits without reporting them: its text tells (the run's final check makes sure).
      if (!flight.echoed && this.shadow === flight.base && this.port.getText() === flight.expected) this.shadow = flight.expected;
      return 'applied';
    }
    this.pending = composeDeltas(delta, this.pending);
    return 'refused';
  }

  /**
   * Takes the editor's text as the shadow and makes `pending` whatever turns it into Y.Text. Logged
   * when the editor changed without an event (not just its line endings), or when the binding had
   * nothing left to send and still the editor differed.
   */
  private rebase(): void {
    const text = this.port.getText();
    const shared = toShared(text);
    const diverged = shared !== toShared(this.shadow) || this.pending.length === 0;
    this.shadow = text;
    this.eol = detectEol(text);
    this.pending = diffDelta(shared, this.ytext.toString());
    if (diverged && this.pending.length > 0) this.logRewrite();
  }

  private logRewrite(): void {
    this.rewrites++;
    const first = this.pending[0];
    const at = first && 'retain' in first ? first.retain : 0;
    this.options.log(`the editor differed from the shared text (from shared offset ${at}); rewriting the editor from the shared text`);
  }

  private settleIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** Applies a delta edit by edit, last first (Y.Text finds an index quickly, applyDelta walks from the start). */
function applyToYText(ytext: Y.Text, delta: TextDelta): void {
  for (const edit of sharedEditsOfDelta(delta).reverse()) {
    if (edit.deleteLength > 0) ytext.delete(edit.index, edit.deleteLength);
    if (edit.insert) ytext.insert(edit.index, edit.insert);
  }
}

/** A Y.Text event delta as plain text ops; undefined when it holds something other than text. */
function plainDelta(delta: readonly YDeltaOp[]): TextDelta | undefined {
  const ops: TextDelta = [];
  for (const op of delta) {
    if (op.retain !== undefined) ops.push({ retain: op.retain });
    else if (op.delete !== undefined) ops.push({ delete: op.delete });
    else if (typeof op.insert === 'string') ops.push({ insert: op.insert });
    else return undefined;
  }
  return ops;
}

/** Whether the editor's text after an event is what our edits were to make of it, up to line endings (VS Code turns inserted line breaks into the document's). */
function isEcho(text: string, expected: string): boolean {
  return text === expected || toShared(text) === toShared(expected);
}

/** Whether a change event consists of exactly these edits. */
function sameEdits(changes: readonly LocalChange[], edits: readonly LocalEdit[]): boolean {
  if (changes.length !== edits.length) return false;
  const key = (offset: number, length: number, text: string) => `${offset}:${length}:${text}`;
  const expected = new Set(edits.map((edit) => key(edit.offset, edit.length, edit.text)));
  return changes.every((change) => expected.has(key(change.rangeOffset, change.rangeLength, change.text)));
}
