// Reading what the commands are given: whole submission files (check, count) and standard input
// line by line (classify). Both refuse bytes that are not UTF-8 with a UsageError.

import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { decodeUtf8, notUtf8Reason } from '../utf8';
import { UsageError } from './usage';

/** A submission file as text; a UsageError naming the file when it cannot be read or is not UTF-8. */
export function readSubmission(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((error as Error).message);
    throw new UsageError(`${file}: ${reason}`);
  }
  const decoded = decodeUtf8(bytes);
  if ('notUtf8' in decoded) throw new UsageError(`${file}: ${notUtf8Reason(decoded.notUtf8, file)}`);
  return decoded.text;
}

const NEWLINE = 0x0a;

/** Whether the bytes can start UTF-8 text: valid, or valid but for a sequence cut off at the end. */
function validSoFar(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The lines of a byte stream, in batches: one batch per chunk read, every line of a chunk (and the
 * bytes of its unfinished last line) checked before any of them is handed on, so that an input
 * read in one chunk with a bad byte fails before any output; a multi-byte sequence cut off by the
 * end of the input is only seen at the end. A line ends at LF; a CR before it and a byte-order mark
 * at its start are dropped; a last line without LF is a line; an empty stream has no lines. A
 * UsageError names the first line that is not UTF-8. Only the unfinished last line of a chunk is
 * kept between chunks.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, name = 'standard input'): AsyncGenerator<string[]> {
  let pending: Buffer[] = [];
  let lineNumber = 0;
  const decode = (bytes: Buffer): string => {
    lineNumber++;
    if (!isUtf8(bytes)) throw new UsageError(`${name}: line ${lineNumber} is not UTF-8 text`);
    let text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.charCodeAt(text.length - 1) === 0x0d) text = text.slice(0, -1);
    return text;
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const lines: string[] = [];
    let start = 0;
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      const piece = bytes.subarray(start, end);
      lines.push(decode(pending.length ? Buffer.concat([...pending, piece]) : piece));
      pending = [];
      start = end + 1;
    }
    if (start < bytes.length) {
      pending.push(bytes.subarray(start));
      if (!validSoFar(pending.length === 1 ? pending[0] : Buffer.concat(pending))) {
        throw new UsageError(`${name}: line ${lineNumber + 1} is not UTF-8 text`);
      }
    }
    if (lines.length) yield lines;
  }
  if (pending.length) yield [decode(Buffer.concat(pending))];
}
