// What counts as a word of a recommendation, for the word index: runs of letters and digits, in
// lower case, less stop words and single letters. Texts are indexed and queries looked up alike.
// A change here changes what a saved word index holds: raise WORD_INDEX_FORMAT
// (recommendationIndex.ts) with it.

import type { WordRules } from './vocabulary';

const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or that the their there these this those to ' +
    'was were which with within all any also such other own than then through upon including inter alia'
  ).split(' '),
);

const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Words: runs of letters and digits, in lower case ("women's" gives "women" and "s"). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(NOT_WORD);
}

/** Words shorter than this are neither indexed nor looked up. */
const SHORTEST_WORD = 2;

/** A word as indexed and looked up: not a stop word, not a single letter. */
export function keep(word: string): string | null {
  return word.length < SHORTEST_WORD || STOP_WORDS.has(word) ? null : word;
}

/**
 * The words of a text that count: what is indexed and looked up. Split rather than matched: a
 * match allocates an array per word, which for 40,000 texts is work for the garbage collector.
 */
export function words(text: string): string[] {
  const found: string[] = [];
  for (const word of tokenize(text)) if (keep(word) !== null) found.push(word);
  return found;
}

/** The words indexed, as `words` gives them. */
export const WORD_RULES: WordRules = { split: words, stopWords: STOP_WORDS, shortest: SHORTEST_WORD };
