// Pure text bookkeeping between an editor buffer and the shared Y.Text (no VS Code, no Yjs):
// line endings (the shared text holds LF only, an editor may hold CRLF), offsets in both
// coordinate systems, turning VS Code change events into shared edits that never split a CRLF or a
// surrogate pair, turning shared deltas into editor edits, and composing and transforming deltas
// (the binding's remote changes wait while the editor applies them asynchronously).
// Offsets everywhere are UTF-16 code units, as in JS strings, VS Code and Y.Text.

export type Eol = '\n' | '\r\n';

/** A change as VS Code reports it in TextDocumentChangeEvent.contentChanges (offsets into the text before the event). */
export interface LocalChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/** An edit in local coordinates, as a WorkspaceEdit replace would apply it: offsets refer to the current editor text. */
export interface LocalEdit {
  offset: number;
  length: number;
  text: string;
}

/** An edit in shared coordinates. */
export interface SharedEdit {
  index: number;
  deleteLength: number;
  insert: string;
}

/** A change of a text in the shape of a Y.Text delta (retain/insert/delete from the start, trailing retain implied). */
export type TextDeltaOp = { retain: number } | { insert: string } | { delete: number };
export type TextDelta = TextDeltaOp[];

/** The document's dominant line ending; '\n' when it has none (or as many LF as CRLF). */
export function detectEol(text: string): Eol {
  let lf = 0;
  let crlf = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) === CR) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** CRLF -> LF; a lone CR stays (VS Code never keeps one, other editors might). */
export function toShared(localText: string): string {
  return localText.includes('\r\n') ? localText.replace(/\r\n/g, '\n') : localText;
}

/** LF -> eol. */
export function toLocal(sharedText: string, eol: Eol): string {
  return eol === '\n' ? sharedText : sharedText.replace(/\n/g, '\r\n');
}

/** The shared offset of a local offset; an offset between the CR and LF of a CRLF counts as before the line break. */
export function localToSharedOffset(localText: string, offset: number): number {
  let shared = offset;
  for (let at = localText.indexOf('\r\n'); at !== -1 && at < offset; at = localText.indexOf('\r\n', at + 2)) shared--;
  return shared;
}

/** The local offset of a shared offset in the text toLocal(sharedText, eol). */
export function sharedToLocalOffset(sharedText: string, offset: number, eol: Eol): number {
  if (eol === '\n') return offset;
  let local = offset;
  for (let at = sharedText.indexOf('\n'); at !== -1 && at < offset; at = sharedText.indexOf('\n', at + 1)) local++;
  return local;
}

/** The text after a VS Code change event: every change's offsets refer to the text before the event. */
export function applyLocalChanges(text: string, changes: readonly LocalChange[]): string {
  return applyLocalEdits(
    text,
    changes.map((change) => ({ offset: change.rangeOffset, length: change.rangeLength, text: change.text })),
  );
}

/** The text after simultaneous, non-overlapping edits whose offsets all refer to `text`; throws a RangeError on bad edits. */
export function applyLocalEdits(text: string, edits: readonly LocalEdit[]): string {
  const ascending = sortedEdits(text, edits);
  let result = '';
  let copied = 0;
  for (const edit of ascending) {
    result += text.slice(copied, edit.offset) + edit.text;
    copied = edit.offset + edit.length;
  }
  return result + text.slice(copied);
}

/** The edits in ascending order, checked to lie inside `text` and not to overlap. */
function sortedEdits(text: string, edits: readonly LocalEdit[]): LocalEdit[] {
  const ascending = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length); // an insertion before a replacement at its start
  let end = 0;
  for (const edit of ascending) {
    if (!Number.isInteger(edit.offset) || !Number.isInteger(edit.length) || edit.length < 0 || edit.offset < end || edit.offset + edit.length > text.length) {
      throw new RangeError(`edit at ${edit.offset} (length ${edit.length}) does not fit a text of length ${text.length} or overlaps another`);
    }
    end = edit.offset + edit.length;
  }
  return ascending;
}

export interface SharedChanges {
  /** The editor's text after the event. */
  localText: string;
  /** Ascending, non-overlapping edits whose indexes all refer to toShared(text before the event). */
  edits: SharedEdit[];
  /** True when an inserted lone surrogate was replaced by U+FFFD (the shared text then differs from the editor's). */
  replacedLoneSurrogates: boolean;
}

/**
 * Translates a change event on `localText` into shared edits. Each changed region is widened until
 * none of its ends splits a CRLF or a surrogate pair, before or after the change (so a CR typed before
 * a LF, or a deletion that joins CR and LF, becomes the right shared edit, and Y.Text never cuts a pair),
 * then trimmed back to what really differs, without cutting a pair.
 */
export function localChangesToShared(localText: string, changes: readonly LocalChange[]): SharedChanges {
  const ascending = sortedEdits(
    localText,
    changes.map((change) => ({ offset: change.rangeOffset, length: change.rangeLength, text: change.text })),
  );
  const after = applyLocalEdits(localText, ascending);
  // Changed regions as [start, end) in the old text and [newStart, newEnd) in the new one. A region
  // widens only into unchanged text (where both texts agree); on reaching its neighbour it joins it.
  const regions: { start: number; end: number; newStart: number; newEnd: number }[] = [];
  const widenEnd = (region: (typeof regions)[number], limit: number) => {
    while (region.end < limit && (splitsUnit(localText, region.end) || splitsUnit(after, region.newEnd))) {
      region.end++;
      region.newEnd++;
    }
  };
  let shift = 0;
  for (const edit of ascending) {
    const region = { start: edit.offset, end: edit.offset + edit.length, newStart: edit.offset + shift, newEnd: edit.offset + shift + edit.text.length };
    shift += edit.text.length - edit.length;
    const previous = regions[regions.length - 1];
    if (previous) widenEnd(previous, region.start);
    const floor = previous ? previous.end : 0;
    while (region.start > floor && (splitsUnit(localText, region.start) || splitsUnit(after, region.newStart))) {
      region.start--;
      region.newStart--;
    }
    if (previous && region.start === previous.end) {
      previous.end = region.end;
      previous.newEnd = region.newEnd;
    } else {
      regions.push(region);
    }
  }
  if (regions.length > 0) widenEnd(regions[regions.length - 1], localText.length);
  const edits: SharedEdit[] = [];
  let replacedLoneSurrogates = false;
  let sharedShift = 0; // local minus shared offset at the last region's start
  let counted = 0;
  for (const region of regions) {
    sharedShift += countCrlf(localText, counted, region.start);
    counted = region.start;
    const removed = toShared(localText.slice(region.start, region.end));
    let inserted = toShared(after.slice(region.newStart, region.newEnd));
    if (LONE_SURROGATE.test(inserted)) {
      inserted = inserted.replace(LONE_SURROGATE_GLOBAL, '\uFFFD');
      replacedLoneSurrogates = true;
    }
    const edit = trimmedEdit(region.start - sharedShift, removed, inserted);
    if (edit) edits.push(edit);
  }
  return { localText: after, edits, replacedLoneSurrogates };
}

const CR = 13;
const LF = 10;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_GLOBAL = new RegExp(LONE_SURROGATE.source, 'g');

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether `offset` falls inside a CRLF or a surrogate pair of `text`. */
function splitsUnit(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === CR && after === LF) || (isHighSurrogate(before) && isLowSurrogate(after));
}

function countCrlf(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\r\n', from); at !== -1 && at + 1 < to; at = text.indexOf('\r\n', at + 2)) count++;
  return count;
}

/** The replacement of `removed` by `inserted` at `index`, without their common prefix and suffix (never cutting a surrogate pair); undefined when they are equal. */
function trimmedEdit(index: number, removed: string, inserted: string): SharedEdit | undefined {
  if (removed === inserted) return undefined;
  let prefix = 0;
  const most = Math.min(removed.length, inserted.length);
  while (prefix < most && removed.charCodeAt(prefix) === inserted.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(removed.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < most - prefix && removed.charCodeAt(removed.length - 1 - suffix) === inserted.charCodeAt(inserted.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLowSurrogate(removed.charCodeAt(removed.length - suffix))) suffix--;
  return { index: index + prefix, deleteLength: removed.length - prefix - suffix, insert: inserted.slice(prefix, inserted.length - suffix) };
}

/** Ascending, non-overlapping shared edits (indexes into one text) as a delta. */
export function deltaOfSharedEdits(edits: readonly SharedEdit[]): TextDelta {
  const delta: TextDelta = [];
  let position = 0;
  for (const edit of edits) {
    pushOp(delta, { retain: edit.index - position });
    pushOp(delta, { insert: edit.insert });
    pushOp(delta, { delete: edit.deleteLength });
    position = edit.index + edit.deleteLength;
  }
  return withoutTrailingRetain(delta);
}

/** A delta as ascending, non-overlapping edits whose indexes all refer to the text before it. */
export function sharedEditsOfDelta(delta: TextDelta): SharedEdit[] {
  const edits: SharedEdit[] = [];
  let index = 0;
  for (const op of delta) {
    if ('retain' in op) {
      index += op.retain;
      continue;
    }
    let edit = edits[edits.length - 1];
    if (!edit || edit.index + edit.deleteLength !== index) edits.push((edit = { index, deleteLength: 0, insert: '' }));
    if ('insert' in op) {
      edit.insert += op.insert;
    } else {
      edit.deleteLength += op.delete;
      index += op.delete;
    }
  }
  return edits;
}

/** The shared text after a delta. */
export function applyDelta(text: string, delta: TextDelta): string {
  let result = '';
  let position = 0;
  for (const op of delta) {
    if ('retain' in op) {
      result += text.slice(position, position + op.retain);
      position += op.retain;
    } else if ('delete' in op) {
      position += op.delete;
    } else {
      result += op.insert;
    }
  }
  if (position > text.length) throw new RangeError(`delta covers ${position} characters of a text of length ${text.length}`);
  return result + text.slice(position);
}

/** The smallest delta (one replaced region) from `from` to `to`, never cutting a surrogate pair. */
export function diffDelta(from: string, to: string): TextDelta {
  const edit = trimmedEdit(0, from, to);
  return edit ? deltaOfSharedEdits([edit]) : [];
}

/**
 * Editor edits that apply a shared delta to `localText` (whose shared form the delta refers to):
 * the delta's line breaks become `eol`, and a CRLF already in the editor counts as one shared character.
 */
export function deltaToLocalEdits(localText: string, delta: TextDelta, eol: Eol): LocalEdit[] {
  const edits: LocalEdit[] = [];
  let local = 0;
  // Local offset after `count` shared characters from `from`, stepping over each CRLF as one.
  const advance = (from: number, count: number): number => {
    let position = from;
    let remaining = count;
    while (remaining > 0) {
      const crlf = localText.indexOf('\r\n', position);
      if (crlf === -1 || crlf - position >= remaining) return position + remaining;
      remaining -= crlf - position + 1;
      position = crlf + 2;
    }
    return position;
  };
  for (const op of delta) {
    if ('retain' in op) {
      local = advance(local, op.retain);
      continue;
    }
    const last = edits[edits.length - 1];
    const edit = last && last.offset + last.length === local ? last : { offset: local, length: 0, text: '' };
    if (edit !== last) edits.push(edit);
    if ('insert' in op) {
      edit.text += toLocal(op.insert, eol);
    } else {
      const end = advance(local, op.delete);
      edit.length += end - local;
      local = end;
    }
  }
  if (local > localText.length) throw new RangeError(`delta covers more than the editor's ${localText.length} characters`);
  return edits;
}

function opLength(op: TextDeltaOp): number {
  return 'retain' in op ? op.retain : 'delete' in op ? op.delete : op.insert.length;
}

/** Appends an op, merging it with the last one of its kind and keeping inserts before deletes (the canonical form). */
function pushOp(delta: TextDelta, op: TextDeltaOp): void {
  if (opLength(op) === 0) return;
  const last = delta[delta.length - 1];
  if ('insert' in op && last && 'delete' in last) {
    // An insert right after a delete means the same as before it: keep inserts first.
    delta.pop();
    pushOp(delta, op);
    delta.push(last);
    return;
  }
  if (last && 'retain' in last && 'retain' in op) last.retain += op.retain;
  else if (last && 'delete' in last && 'delete' in op) last.delete += op.delete;
  else if (last && 'insert' in last && 'insert' in op) last.insert += op.insert;
  else delta.push({ ...op });
}

/** Walks a delta's ops, cutting them to the lengths asked for; past the end it yields an endless retain. */
class DeltaCursor {
  private index = 0;
  private offset = 0;

  constructor(private readonly delta: TextDelta) {}

  hasNext(): boolean {
    return this.index < this.delta.length;
  }

  peekKind(): 'retain' | 'insert' | 'delete' {
    const op = this.delta[this.index];
    return !op || 'retain' in op ? 'retain' : 'insert' in op ? 'insert' : 'delete';
  }

  peekLength(): number {
    const op = this.delta[this.index];
    return op ? opLength(op) - this.offset : Infinity;
  }

  next(length = Infinity): TextDeltaOp {
    const op = this.delta[this.index];
    if (!op) return { retain: length };
    const available = opLength(op) - this.offset;
    const taken = Math.min(length, available);
    const start = this.offset;
    if (taken === available) {
      this.index++;
      this.offset = 0;
    } else {
      this.offset += taken;
    }
    if ('retain' in op) return { retain: taken };
    if ('delete' in op) return { delete: taken };
    return { insert: op.insert.slice(start, start + taken) };
  }
}

function withoutTrailingRetain(delta: TextDelta): TextDelta {
  const last = delta[delta.length - 1];
  if (last && 'retain' in last) delta.pop();
  return delta;
}

/** `first` then `second` as one delta. */
export function composeDeltas(first: TextDelta, second: TextDelta): TextDelta {
  const a = new DeltaCursor(first);
  const b = new DeltaCursor(second);
  const result: TextDelta = [];
  while (a.hasNext() || b.hasNext()) {
    if (b.peekKind() === 'insert') {
      pushOp(result, b.next());
    } else if (a.peekKind() === 'delete') {
      pushOp(result, a.next());
    } else {
      const length = Math.min(a.peekLength(), b.peekLength());
      const opA = a.next(length);
      const opB = b.next(length);
      if ('retain' in opB) pushOp(result, opA);
      else if ('retain' in opA) pushOp(result, opB); // b deletes what a kept
      // else b deletes what a inserted: both vanish
    }
  }
  return withoutTrailingRetain(result);
}

/**
 * `other` rewritten to apply after `applied` (both changed the same text). When both insert at the
 * same place, `applied`'s insert comes first if `appliedFirst`. Then
 * compose(a, transform(a, b, true)) equals compose(b, transform(b, a, false)).
 */
export function transformDelta(applied: TextDelta, other: TextDelta, appliedFirst: boolean): TextDelta {
  const a = new DeltaCursor(applied);
  const b = new DeltaCursor(other);
  const result: TextDelta = [];
  while (a.hasNext() || b.hasNext()) {
    if (a.peekKind() === 'insert' && (appliedFirst || b.peekKind() !== 'insert')) {
      pushOp(result, { retain: opLength(a.next()) });
    } else if (b.peekKind() === 'insert') {
      pushOp(result, b.next());
    } else {
      const length = Math.min(a.peekLength(), b.peekLength());
      const opA = a.next(length);
      const opB = b.next(length);
      if ('delete' in opA) continue; // already gone: other's retain or delete of it does nothing
      pushOp(result, opB);
    }
  }
  return withoutTrailingRetain(result);
}
