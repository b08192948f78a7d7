// Inline scanning of the text blocks the block scanner found: references to UN documents and
// SDG targets, footnote markers, and the markup a reader does not see (link URLs, images, tags).

import type { DocumentReference, FootnoteReference, SdgReference } from './document';
import { LineIndex } from './text';

export interface InlineResult {
  references: DocumentReference[];
  sdgReferences: SdgReference[];
  footnoteReferences: FootnoteReference[];
}

// UN document symbols: a series (A/, E/, CEDAW/C/, ...) and at least one more part, then an
// optional paragraph ("para. 117.23", "paras. 12", "п. 76.3", "párr. 5", "paragraphe 7").
export const DOCUMENT_SYMBOL =
  /(?<![\p{L}\p{N}/])((?:A|E|S|CEDAW|CRC|CCPR|CAT|CERD|CRPD|CMW|CED|HRI|ST|SPT)(?:\/[A-Za-z0-9][A-Za-z0-9.\-]*)+)(?:,?\s*(?:paras?\.?|paragraphs?|п\.|пункт|пп\.|par\.|paragraphe|párr\.|párrafo)\s*(\d{1,3}(?:\.\d{1,3})?))?/gu;
// After a plural ("paras. 76.116 and 76.25", "paragraphs 12, 14", "пп. 5 и 7"), the further
// paragraphs of the list: each is a reference to the same document, at its own number.
const PLURAL_PARAGRAPHS = /(?:paras\.?|paragraphs|пп\.)\s*\d[\d.]*$/u;
const FURTHER_PARAGRAPH = /(?:\s*,\s*|\s*,?\s+(?:and|и|et|y|e)\s+|\s*&\s*)(\d{1,3}(?:\.\d{1,3})?)(?![\p{L}\p{N}]|\.\d)/uy;
export const SDG_REFERENCE = /(?<![\p{L}\p{N}])(?:SDG|ЦУР|ODD|ODS)s?[ \u00a0]+(\d{1,2})(?:\.(\d{1,2}|[a-z]))?(?![\p{L}\p{N}])/gu;
const SDG_PREFIX = /SDG|ЦУР|ODD|ODS/;
const FOOTNOTE_REFERENCE = /\[\^([^\]\s]+)\](?!:)/g;
const LINK =
  /(!?)\[((?:\\.|[^[\]\\]|\[[^[\]]*\])*)\](\(\s*(?:<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)|\[[^\]]*\])/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

export function scanInline(
  text: string,
  hidden: Uint8Array,
  lines: LineIndex,
  blocks: [number, number][],
): InlineResult {
  const result: InlineResult = { references: [], sdgReferences: [], footnoteReferences: [] };
  const hide = (start: number, end: number) => hidden.fill(1, start, end);

  for (const [blockStart, blockEnd] of blocks) {
    const slice = text.slice(blockStart, blockEnd);
    // `hint` is a substring every match contains: most blocks skip most patterns on it.
    const each = (pattern: RegExp, hint: string | RegExp, visit: (match: RegExpExecArray, start: number) => void) => {
      if (typeof hint === 'string' ? !slice.includes(hint) : !hint.test(slice)) return;
      pattern.lastIndex = 0;
      for (let match; (match = pattern.exec(slice)); ) {
        const start = blockStart + match.index;
        if (!hidden[start]) visit(match, start);
      }
    };

    each(LINK, ']', (match, start) => {
      const end = start + match[0].length;
      if (match[1]) {
        hide(start, end); // an image: its alt text is not read as text
      } else {
        const textStart = start + 1;
        const textEnd = textStart + match[2].length;
        hide(start, textStart);
        hide(textEnd, end);
      }
    });
    each(HTML_TAG, '<', (match, start) => hide(start, start + match[0].length));
    each(FOOTNOTE_REFERENCE, '[^', (match, start) => {
      const end = start + match[0].length;
      result.footnoteReferences.push({ label: match[1], range: lines.range(start, end) });
      hide(start, end);
    });
    each(DOCUMENT_SYMBOL, '/', (match, start) => {
      const symbol = match[1].replace(/[.\-]+$/, '');
      if (!/\d/.test(symbol)) return; // every UN symbol has a number; "A/B testing" is prose
      const end = match[2] === undefined ? start + symbol.length : start + match[0].length;
      result.references.push({ symbol, paragraph: match[2], range: lines.range(start, end) });
      if (match[2] === undefined || !PLURAL_PARAGRAPHS.test(match[0])) return;
      FURTHER_PARAGRAPH.lastIndex = end - blockStart;
      for (let further; (further = FURTHER_PARAGRAPH.exec(slice)); ) {
        const numberEnd = blockStart + FURTHER_PARAGRAPH.lastIndex;
        result.references.push({ symbol, paragraph: further[1], range: lines.range(numberEnd - further[1].length, numberEnd) });
      }
    });
    each(SDG_REFERENCE, SDG_PREFIX, (match, start) => {
      const end = start + match[0].length;
      const idStart = end - (match[2] === undefined ? match[1].length : match[1].length + 1 + match[2].length);
      result.sdgReferences.push({
        goal: match[1],
        target: match[2],
        id: match[2] === undefined ? match[1] : `${match[1]}.${match[2]}`,
        range: lines.range(start, end),
        idRange: lines.range(idStart, end),
      });
    });
  }
  return result;
}
