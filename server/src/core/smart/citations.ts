// A recommendation's citations (`SDG 16.3`, `A/HRC/15/2, para. 76.20`) are not what it asks for:
// their numbers must not make it look measurable, nor their words specific. They are blanked out
// (same length, so offsets into the text stay valid) before the recommendation is classified.

import { DOCUMENT_SYMBOL, SDG_REFERENCE } from '../inline';

export function withoutCitations(text: string): string {
  const blank = (match: string) => ' '.repeat(match.length);
  // An empty pair of brackets left behind reads as nothing.
  return text
    .replace(new RegExp(SDG_REFERENCE.source, SDG_REFERENCE.flags), blank)
    .replace(new RegExp(DOCUMENT_SYMBOL.source, DOCUMENT_SYMBOL.flags), (match) => (/\d/.test(match) ? blank(match) : match))
    .replace(/\(([\s,;]*)\)/g, (match) => blank(match));
}
