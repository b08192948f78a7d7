// Reading a file's bytes as UTF-8 text, and saying where they are not: exports saved by
// spreadsheets are often UTF-16 or a legacy encoding (UPR Info's is Mac Roman), and a writer needs
// the line to look at and what to do.

import { isUtf8 } from 'node:buffer';
import * as l10n from '@vscode/l10n';

export type Utf8Text = { text: string } | { notUtf8: { line: number; utf16: boolean } };

const NEWLINE = 0x0a;

/**
 * The text (without a byte-order mark), or the first line (1-based) that is not UTF-8, and whether
 * the file is UTF-16.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Text {
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '') };
  // A UTF-16 byte-order mark: FF FE or FE FF.
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  let line = 1;
  // No UTF-8 sequence holds a newline byte, so each line can be checked on its own.
  for (let start = 0; start <= bytes.length; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    const stop = end === -1 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) break;
    start = stop + 1;
  }
  return { notUtf8: { line, utf16 } };
}

/**
 * What a command line or the editor says of such a file: where, and what to do. A CSV comes from a
 * spreadsheet, most often Excel, whose plain "CSV" is the legacy encoding of the system's language.
 */
export function notUtf8Reason({ line, utf16 }: { line: number; utf16: boolean }, file = ''): string {
  const what = utf16 ? l10n.t('it is UTF-16 text, not UTF-8: save it as UTF-8') : l10n.t('line {0} is not UTF-8 text: save the file as UTF-8', line);
  return /\.(?:csv|tsv|txt)$/i.test(file) ? `${what} ${l10n.t('(in Excel: Save As, then "CSV UTF-8")')}` : what;
}
