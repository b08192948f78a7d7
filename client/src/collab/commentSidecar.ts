// Review comments of a submission that is not shared: threads kept next to it in
// `<file>.comments.json` (schemas/comments.schema.json, checked with ajv when read). In memory a
// thread's range is a pair of offsets, moved by the document's change events as the text is edited
// (text typed at either edge stays outside, as in a shared room); on disk it is lines and
// characters, which a person can read and which survive a change of line endings.
// Pure: no VS Code.
import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../schemas/comments.schema.json';
import type { CommentRecord } from './commentThreads';
import type { LocalChange } from './textSync';

export const SIDECAR_FORMAT = 'upr-comments/1';

/** A thread with its range in offsets into the document's text. */
export interface LocalThread {
  id: string;
  start: number;
  end: number;
  resolved: boolean;
  comments: CommentRecord[];
}

interface Position {
  line: number;
  character: number;
}

interface SidecarFile {
  format: typeof SIDECAR_FORMAT;
  threads: { id: string; range: { start: Position; end: Position }; resolved: boolean; comments: CommentRecord[] }[];
}

const validate = new Ajv({ allErrors: true, strict: true }).compile<SidecarFile>(schema);

/** `/dir/name.upr.md` -> `/dir/name.upr.md.comments.json`. */
export function sidecarPath(filePath: string): string {
  return `${filePath}.comments.json`;
}

/** Where a sidecar that could not be read is kept before a new one is written: `/dir/name.upr.md.comments.broken-2026-11-28T01-02-03.json`. */
export function brokenSidecarPath(filePath: string, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-');
  return `${filePath}.comments.broken-${stamp}.json`;
}

export type SidecarReading = { ok: true; threads: LocalThread[] } | { ok: false; problem: string };

/** Reads a sidecar's JSON against the document's current text; a file of another shape is a problem, never an exception. */
export function parseSidecar(json: string, text: string): SidecarReading {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: `not JSON: ${(error as Error).message}` };
  }
  if (!validate(value)) return { ok: false, problem: describeErrors(validate.errors ?? []) };
  const starts = lineStarts(text);
  const threads = value.threads.map((thread) => {
    const start = toOffset(starts, text.length, thread.range.start);
    return { id: thread.id, start, end: Math.max(start, toOffset(starts, text.length, thread.range.end)), resolved: thread.resolved, comments: thread.comments };
  });
  return { ok: true, threads };
}

/** The sidecar's JSON for the threads, their ranges as lines and characters of `text`. */
export function serializeSidecar(threads: readonly LocalThread[], text: string): string {
  const starts = lineStarts(text);
  const file: SidecarFile = {
    format: SIDECAR_FORMAT,
    threads: threads.map((thread) => ({
      id: thread.id,
      range: { start: toPosition(starts, thread.start), end: toPosition(starts, thread.end) },
      resolved: thread.resolved,
      comments: thread.comments,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Moves the threads' ranges through one change event (every change's offsets refer to the text before it). */
export function shiftThreads(threads: LocalThread[], changes: readonly LocalChange[]): void {
  // Last change first, so that each one's offsets still hold when it is applied.
  const ordered = [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset);
  for (const thread of threads) {
    const point = thread.start === thread.end;
    for (const change of ordered) {
      const changeEnd = change.rangeOffset + change.rangeLength;
      const delta = change.text.length - change.rangeLength;
      // The start moves with text inserted at it (which stays outside); inside a replaced part it goes to its start.
      if (thread.start >= changeEnd) thread.start += delta;
      else if (thread.start > change.rangeOffset) thread.start = change.rangeOffset;
      // The end stays before text inserted at it; inside a replaced part it takes the new text in.
      if (thread.end > change.rangeOffset) thread.end = thread.end >= changeEnd ? thread.end + delta : change.rangeOffset + change.text.length;
    }
    if (point || thread.end < thread.start) thread.end = thread.start;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function toPosition(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - starts[low] };
}

/** The offset of a position, clamped to its line (past the last line: the end of the text). */
function toOffset(starts: readonly number[], length: number, position: Position): number {
  if (position.line >= starts.length) return length;
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : length;
  return Math.min(starts[position.line] + position.character, lineEnd);
}

function describeErrors(errors: readonly ErrorObject[]): string {
  return errors
    .slice(0, 3)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is not valid'}`)
    .join('; ');
}
