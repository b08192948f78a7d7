// The words of a word index, numbered in the order first met, and the numbers of a text's words.
//
// Splitting 40,000 texts into their 1.1 million words, each a new string, and looking each up in
// a Map took most of the time to build the word index. A text in ASCII, as most UPR texts in
// English are, is read here character by character instead, and a word is looked up in a hash
// table of our own by its characters in the text: only a word not met before becomes a string.
// Any other text is split by the function given, which must split an ASCII text as the fast path
// does: runs of letters and digits, in lower case, without the stop words and the words shorter
// than `shortest` (test/unit/vocabulary.test.ts checks both on real texts).

import type { IntList } from '../intList';

export interface WordRules {
  /** The words of a text, as indexed: what the fast path gives for an ASCII text. */
  split: (text: string) => string[];
  /** Words not indexed. */
  stopWords: Iterable<string>;
  /** Words shorter than this are not indexed. */
  shortest: number;
}

/** For each ASCII code, the letter or digit in lower case; 0 for the others. */
const ASCII_WORD_CHARACTER = new Uint8Array(128);
for (let code = 0x30; code <= 0x39; code++) ASCII_WORD_CHARACTER[code] = code;
for (let code = 0x61; code <= 0x7a; code++) ASCII_WORD_CHARACTER[code] = ASCII_WORD_CHARACTER[code - 0x20] = code;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** A slot's value: no word yet, or a stop word; a word's is its number + 1. */
const EMPTY = 0;
const STOP_WORD = -1;

export class Vocabulary {
  private readonly words: string[] = [];
  private readonly split: (text: string) => string[];
  private readonly shortest: number;
  /** The hash table: a slot's word, its hash and its value; open addressing, at most half full. */
  private slotWords: string[] = [];
  private slotHashes = new Int32Array(0);
  private slotValues = new Int32Array(0);
  private used = 0;

  constructor({ split, stopWords, shortest }: WordRules) {
    this.split = split;
    this.shortest = shortest;
    this.resize(1024);
    for (const word of stopWords) this.put(word, hashOf(word), STOP_WORD);
  }

  /** How many words are numbered. */
  get size(): number {
    return this.words.length;
  }

  word(number: number): string {
    return this.words[number];
  }

  /** The number of a word indexed, or −1. */
  numberOf(word: string): number {
    const value = this.slotValues[this.find(word, hashOf(word))];
    return value > 0 ? value - 1 : -1;
  }

  /** Numbers a word not numbered yet: its number; −1 when it is numbered already, or is a stop word. */
  add(word: string): number {
    const hash = hashOf(word);
    return this.slotValues[this.find(word, hash)] === EMPTY ? this.put(word, hash, this.words.length + 1) - 1 : -1;
  }

  /** Sets `into` to the numbers of the text's words, in order, numbering the words not met before. */
  numberWords(text: string, into: IntList): void {
    into.length = 0;
    if (this.numberAsciiWords(text, into)) return;
    into.length = 0;
    for (const word of this.split(text)) {
      const hash = hashOf(word);
      const value = this.slotValues[this.find(word, hash)];
      if (value > 0) into.push(value - 1);
      else if (value === EMPTY) into.push(this.put(word, hash, this.words.length + 1) - 1);
    }
  }

  /** As `numberWords`, for a text in ASCII; false, with `into` part filled, at the first other character. */
  private numberAsciiWords(text: string, into: IntList): boolean {
    const length = text.length;
    const shortest = this.shortest;
    let start = -1;
    let hash = FNV_OFFSET;
    for (let at = 0; at <= length; at++) {
      const code = at < length ? text.charCodeAt(at) : 0;
      if (code >= 0x80) return false;
      const character = ASCII_WORD_CHARACTER[code];
      if (character !== 0) {
        if (start === -1) {
          start = at;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ character, FNV_PRIME);
      } else if (start !== -1) {
        if (at - start >= shortest) {
          const value = this.slotValues[this.findInText(text, start, at, hash)];
          if (value > 0) into.push(value - 1);
          else if (value === EMPTY) into.push(this.put(text.slice(start, at).toLowerCase(), hash, this.words.length + 1) - 1);
        }
        start = -1;
      }
    }
    return true;
  }

  /** As `find`, for the word at `start` to `end` of an ASCII text, compared in lower case. */
  private findInText(text: string, start: number, end: number, hash: number): number {
    const { slotValues: values, slotHashes: hashes, slotWords: words } = this;
    const mask = values.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (values[slot] === EMPTY) return slot;
      if (hashes[slot] !== hash || words[slot].length !== length) continue;
      const word = words[slot];
      let at = 0;
      while (at < length && word.charCodeAt(at) === ASCII_WORD_CHARACTER[text.charCodeAt(start + at)]) at++;
      if (at === length) return slot;
    }
  }

  /** The slot of the word, or the empty slot where it would go. */
  private find(word: string, hash: number): number {
    const mask = this.slotValues.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      if (this.slotValues[slot] === EMPTY || (this.slotHashes[slot] === hash && this.slotWords[slot] === word)) return slot;
    }
  }

  /** Puts a word not in the table, with its value (a new word is numbered): the value. */
  private put(word: string, hash: number, value: number): number {
    if (value > 0) this.words.push(word);
    const slot = this.find(word, hash);
    this.slotWords[slot] = word;
    this.slotHashes[slot] = hash;
    this.slotValues[slot] = value;
    if (++this.used * 2 > this.slotValues.length) this.resize(this.slotValues.length * 2);
    return value;
  }

  private resize(capacity: number): void {
    const [words, hashes, values] = [this.slotWords, this.slotHashes, this.slotValues];
    this.slotWords = new Array<string>(capacity).fill('');
    this.slotHashes = new Int32Array(capacity);
    this.slotValues = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < values.length; old++) {
      if (values[old] === EMPTY) continue;
      let slot = hashes[old] & mask;
      while (this.slotValues[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slotWords[slot] = words[old];
      this.slotHashes[slot] = hashes[old];
      this.slotValues[slot] = values[old];
    }
  }
}

/** FNV-1a over the UTF-16 code units: for an ASCII word, what the fast path computes as it reads it. */
function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), FNV_PRIME);
  return hash;
}
