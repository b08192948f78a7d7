// The word index of the recommendation texts: minisearch, with its postings kept compact.
//
// minisearch keeps, for each word, a Map from each text that has it to how often it has it: for
// 40,000 texts, 700,000 Map entries, which took most of the time to build the index (0.5 s) and
// tens of megabytes. Here the texts of every word lie in two typed arrays, one run per word, and
// minisearch is given, in place of each Map, a read-only view of the run (`TextsOfWord`).
// minisearch reads postings only through `size`, `keys()`, `get()` and iteration; it writes them
// only when it adds or removes documents its own way (`add`, `remove`, `discard`), which this
// index never does: texts are only added, by `addTexts`, and never removed.
//
// - `addTexts` notes the words of a batch of texts, numbered by a `Vocabulary` (vocabulary.ts);
//   the runs are laid out again, in one pass (a counting sort), when the index is next read, or
//   by `layOut()`.
// - `save` and `WordIndex.restore` keep the runs as they are, their typed arrays in base64.
//
// test/unit/wordIndex.test.ts compares what it builds with what minisearch's own `addAll` builds,
// and what it restores with what it built, so that a new version of minisearch that reads its
// index otherwise fails there. `WordIndex` offers only what the recommendation index needs: not
// minisearch's own ways to add and remove documents.

import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { IntList } from '../intList';
import { Vocabulary, type WordRules } from './vocabulary';

export interface IndexedText {
  id: number;
  text: string;
}

/**
 * A saved index of texts 0 to n − 1, added in that order: its words, and as base64 the typed arrays
 * of `Runs` and of each text's number of distinct words (minisearch's field length), in this
 * machine's byte order (an index is saved where it is used).
 */
export interface SavedTexts {
  averageLength: number;
  words: string[];
  /** Int32Array: each text's number of distinct words. */
  lengths: string;
  /** Int32Array, Int32Array and Uint16Array: `Runs`. */
  starts: string;
  texts: string;
  counts: string;
}

/**
 * The texts of every word: word `w`'s are `texts[starts[w]]` to `texts[starts[w + 1] - 1]`, in
 * increasing order, each with how often it has the word in `counts`.
 */
interface Runs {
  starts: Int32Array;
  texts: Int32Array;
  counts: Uint16Array;
}

/** minisearch's Map of a word's texts to their counts, as a read-only view of the word's run. */
class TextsOfWord {
  /** Where the next `get` is likely to find its text: minisearch asks for them in order. */
  private next = 0;

  constructor(
    private readonly runs: Runs,
    private readonly word: number,
  ) {}

  get size(): number {
    return this.runs.starts[this.word + 1] - this.runs.starts[this.word];
  }

  get(text: number): number | undefined {
    const at = this.find(text);
    return at === -1 ? undefined : this.runs.counts[at];
  }

  keys(): IterableIterator<number> {
    const { starts, texts } = this.runs;
    return texts.subarray(starts[this.word], starts[this.word + 1]).values();
  }

  /** Each text with its count, as `toJSON` reads them. */
  *[Symbol.iterator](): IterableIterator<[number, number]> {
    const { starts, texts, counts } = this.runs;
    for (let at = starts[this.word]; at < starts[this.word + 1]; at++) yield [texts[at], counts[at]];
  }

  /** The position of the text in the run, or −1. */
  private find(text: number): number {
    const { starts, texts } = this.runs;
    const start = starts[this.word];
    const end = starts[this.word + 1];
    if (this.next >= start && this.next < end && texts[this.next] === text) return this.next++;
    let low = start;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (texts[middle] < text) low = middle + 1;
      else high = middle;
    }
    if (low === end || texts[low] !== text) return -1;
    this.next = low + 1;
    return low;
  }
}

/** The words of texts added and not laid out yet: texts `firstText` on, each after the one before. */
class Notes {
  firstText = 0;
  /** Where each text's words start in `words`. */
  readonly textStarts = new IntList();
  /** Each text's distinct words, and how often the text has each. */
  readonly words = new IntList();
  readonly counts = new IntList();
}

/** A count as kept: a text with a word 65,535 times scores as one with it that often. */
const MOST_COUNTED = 0xffff;

/** minisearch with its postings in runs, which only `WordIndex` reaches. */
class MiniSearchOnRuns extends MiniSearch<IndexedText> {
  /** The words, numbered in the order first met: a word's number is that of its run. */
  private readonly vocabulary: Vocabulary;
  private readonly runs: Runs = { starts: new Int32Array(1), texts: new Int32Array(0), counts: new Uint16Array(0) };
  /**
   * The words of the texts added since the runs were laid out: for each text, where its notes
   * start; for each of its distinct words, the word and its count.
   */
  private noted = new Notes();
  /** Per word, the last text noted with it, and where: a word met again in the same text is counted, not noted again. */
  private lastText = new Int32Array(0);
  private lastNote = new Int32Array(0);

  /** `options` for minisearch (the field, how queries are split), `rules` for the words indexed. */
  constructor(options: Options<IndexedText>, rules: WordRules) {
    super(options);
    this.vocabulary = new Vocabulary(rules);
  }

  /** The one field indexed: minisearch numbers the fields it is given. */
  private get textField(): number {
    return this._fieldIds.text;
  }

  /** Adds texts as `addAll` does, their words those of the rules. */
  addTexts(documents: readonly IndexedText[]): void {
    const field = this.textField;
    const numbers = new IntList();
    const { words, counts, textStarts } = this.noted;
    for (const { id, text } of documents) {
      if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
      const shortId = this._nextId++;
      this._documentIds.set(shortId, id);
      this._idToShortId.set(id, shortId);
      this._documentCount++;
      if (!textStarts.length) this.noted.firstText = shortId;
      textStarts.push(words.length);
      this.vocabulary.numberWords(text, numbers);
      if (this.lastText.length < this.vocabulary.size) this.growLastTexts();
      const { lastText, lastNote } = this;
      for (let at = 0; at < numbers.length; at++) {
        const number = numbers.values[at];
        if (lastText[number] === shortId) {
          counts.values[lastNote[number]]++;
          continue;
        }
        lastText[number] = shortId;
        lastNote[number] = words.length;
        words.push(number);
        counts.push(1);
      }
      this.addLength(shortId, field, words.length - textStarts.values[textStarts.length - 1]);
    }
  }

  /**
   * Lays out the runs of the words of the texts added since the last time: the texts already laid
   * out keep their place at the start of each run, since texts are numbered in the order added.
   * Reading the index does it first; call it to spare the next read the wait.
   */
  layOut(): void {
    const { words: notedWords, counts: notedCounts, textStarts, firstText } = this.noted;
    if (!textStarts.length) return;
    const { starts, texts, counts } = this.runs;
    const laidOut = starts.length - 1;
    const wordCount = this.vocabulary.size;
    const newStarts = new Int32Array(wordCount + 1);
    for (let word = 0; word < laidOut; word++) newStarts[word + 1] = starts[word + 1] - starts[word];
    for (let at = 0; at < notedWords.length; at++) newStarts[notedWords.values[at] + 1]++;
    for (let word = 0; word < wordCount; word++) newStarts[word + 1] += newStarts[word];
    const newTexts = new Int32Array(newStarts[wordCount]);
    const newCounts = new Uint16Array(newStarts[wordCount]);
    const fill = newStarts.slice(0, wordCount);
    for (let word = 0; word < laidOut; word++) {
      newTexts.set(texts.subarray(starts[word], starts[word + 1]), fill[word]);
      newCounts.set(counts.subarray(starts[word], starts[word + 1]), fill[word]);
      fill[word] += starts[word + 1] - starts[word];
    }
    for (let text = 0; text < textStarts.length; text++) {
      const end = text + 1 < textStarts.length ? textStarts.values[text + 1] : notedWords.length;
      for (let at = textStarts.values[text]; at < end; at++) {
        const to = fill[notedWords.values[at]]++;
        newTexts[to] = firstText + text;
        newCounts[to] = Math.min(notedCounts.values[at], MOST_COUNTED);
      }
    }
    Object.assign(this.runs, { starts: newStarts, texts: newTexts, counts: newCounts });
    this.noted = new Notes();
    for (let word = laidOut; word < wordCount; word++) this.addView(word);
  }

  override search(query: Query, options?: SearchOptions): SearchResult[] {
    this.layOut();
    return super.search(query, options);
  }

  override toJSON(): AsPlainObject {
    this.layOut();
    return super.toJSON();
  }

  /** The index as `restoreRuns` reads it; only for texts 0 to n − 1 added in order. */
  save(): SavedTexts {
    this.layOut();
    const count = this._documentCount;
    const field = this.textField;
    const lengths = new Int32Array(count);
    for (let shortId = 0; shortId < count; shortId++) {
      if (this._documentIds.get(shortId) !== shortId) throw new Error('WordIndex.save: the texts are not numbered 0 to n − 1 in order');
      lengths[shortId] = this._fieldLength.get(shortId)![field];
    }
    const { starts, texts, counts } = this.runs;
    return {
      averageLength: this._avgFieldLength[field] ?? 0,
      words: Array.from({ length: this.vocabulary.size }, (_, number) => this.vocabulary.word(number)),
      lengths: toBase64(lengths),
      starts: toBase64(starts),
      texts: toBase64(texts),
      counts: toBase64(counts),
    };
  }

  /**
   * The index `save` saved, with the options and rules it was built with. One that does not hold
   * together (damaged, or not saved by `save`) is an error, not an index that fails when searched.
   */
  static restoreRuns(saved: SavedTexts, options: Options<IndexedText>, rules: WordRules): MiniSearchOnRuns {
    const refused = (why: string) => new Error(`saved word index: ${why}`);
    if (!Number.isFinite(saved?.averageLength) || saved.averageLength < 0 || !Array.isArray(saved.words)) throw refused('incomplete');
    const lengths = new Int32Array(fromBase64(saved.lengths, Int32Array.BYTES_PER_ELEMENT));
    const starts = new Int32Array(fromBase64(saved.starts, Int32Array.BYTES_PER_ELEMENT));
    const texts = new Int32Array(fromBase64(saved.texts, Int32Array.BYTES_PER_ELEMENT));
    const counts = new Uint16Array(fromBase64(saved.counts, Uint16Array.BYTES_PER_ELEMENT));
    const wordCount = saved.words.length;
    if (starts.length !== wordCount + 1 || starts[0] !== 0 || starts[wordCount] !== texts.length || counts.length !== texts.length) {
      throw refused('its runs do not fit its words');
    }
    const count = lengths.length;
    if (lengths.some((length) => length < 0)) throw refused('a text of negative length');
    for (let word = 0; word < wordCount; word++) {
      // Each run holds texts of the index, in increasing order: what `TextsOfWord` searches.
      if (starts[word + 1] < starts[word]) throw refused('its runs do not fit its words');
      for (let at = starts[word]; at < starts[word + 1]; at++) {
        const outOfOrder = texts[at] < 0 || texts[at] >= count || (at > starts[word] && texts[at] <= texts[at - 1]);
        if (outOfOrder || counts[at] === 0) throw refused(`the texts of "${String(saved.words[word])}"`);
      }
    }
    const index = new MiniSearchOnRuns(options, rules);
    for (const [number, word] of saved.words.entries()) {
      if (typeof word !== 'string' || index.vocabulary.add(word) !== number) throw refused(`"${String(word)}" twice, or a stop word`);
    }
    const field = index.textField;
    for (let shortId = 0; shortId < count; shortId++) {
      index._documentIds.set(shortId, shortId);
      index._idToShortId.set(shortId, shortId);
      index._fieldLength.set(shortId, fieldLengths(field, lengths[shortId]));
    }
    index._documentCount = count;
    index._nextId = count;
    index._avgFieldLength[field] = saved.averageLength;
    Object.assign(index.runs, { starts, texts, counts });
    for (let word = 0; word < wordCount; word++) index.addView(word);
    return index;
  }

  /** How many texts have the word: what a search for it goes through. */
  textCount(word: string): number {
    this.layOut();
    const number = this.vocabulary.numberOf(word);
    return number === -1 ? 0 : this.runs.starts[number + 1] - this.runs.starts[number];
  }

  /** Every word indexed, with its number of texts (as `textCount`). */
  *wordCounts(): IterableIterator<[string, number]> {
    this.layOut();
    const { starts } = this.runs;
    for (let number = 0; number < this.vocabulary.size; number++) yield [this.vocabulary.word(number), starts[number + 1] - starts[number]];
  }

  /** Makes room in `lastText` and `lastNote` for every word numbered. */
  private growLastTexts(): void {
    const size = Math.max(1024, this.vocabulary.size * 2);
    const lastText = new Int32Array(size).fill(-1);
    lastText.set(this.lastText);
    this.lastText = lastText;
    const lastNote = new Int32Array(size);
    lastNote.set(this.lastNote);
    this.lastNote = lastNote;
  }

  /** Gives minisearch a newly laid-out word, its texts seen through its run. */
  private addView(word: number): void {
    const texts = new TextsOfWord(this.runs, word) as unknown as Map<number, number>;
    this._index.set(this.vocabulary.word(word), new Map([[this.textField, texts]]));
  }

  /** As minisearch's `addFieldLength`: a text's length is its number of distinct words; the average runs over the texts. */
  private addLength(shortId: number, field: number, length: number): void {
    this._fieldLength.set(shortId, fieldLengths(field, length));
    const before = this._documentCount - 1;
    this._avgFieldLength[field] = ((this._avgFieldLength[field] || 0) * before + length) / (before + 1);
  }
}

/**
 * The word index of the recommendation texts: texts added in batches, searched with minisearch.
 * Only this is offered: minisearch's own ways to add and remove documents would write to the
 * runs, which minisearch is given to read.
 */
export class WordIndex {
  private index: MiniSearchOnRuns;

  /** `options` for minisearch (the field, how queries are split), `rules` for the words indexed. */
  constructor(options: Options<IndexedText>, rules: WordRules) {
    this.index = new MiniSearchOnRuns(options, rules);
  }

  /** The index `save` saved, with the options and rules it was built with; an error for one that does not hold together. */
  static restore(saved: SavedTexts, options: Options<IndexedText>, rules: WordRules): WordIndex {
    const restored = new WordIndex(options, rules);
    restored.index = MiniSearchOnRuns.restoreRuns(saved, options, rules);
    return restored;
  }

  get documentCount(): number {
    return this.index.documentCount;
  }

  /** Adds texts as minisearch's `addAll` does; their words are those of the rules. */
  addTexts(documents: readonly IndexedText[]): void {
    this.index.addTexts(documents);
  }

  /** Lays out the texts added since the last read: the next read does it otherwise. */
  layOut(): void {
    this.index.layOut();
  }

  search(query: Query, options?: SearchOptions): SearchResult[] {
    return this.index.search(query, options);
  }

  /** How many texts have the word: what a search for it goes through. */
  textCount(word: string): number {
    return this.index.textCount(word);
  }

  /** Every word indexed, with its number of texts (as `textCount`). */
  wordCounts(): IterableIterator<[string, number]> {
    return this.index.wordCounts();
  }

  /** The index as `restore` reads it; only for texts 0 to n − 1 added in order. */
  save(): SavedTexts {
    return this.index.save();
  }

  /** minisearch's own serialisation of the index, to compare it with one minisearch built. */
  toJSON(): AsPlainObject {
    return this.index.toJSON();
  }
}

/**
 * A text's field lengths, with `length` for `field`. Sized to fit: an array grown from empty by
 * one element keeps room for 17, which for 40,000 texts is 5 MB.
 */
function fieldLengths(field: number, length: number): number[] {
  const lengths = new Array<number>(field + 1);
  lengths[field] = length;
  return lengths;
}

function toBase64(values: Int32Array | Uint16Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

/** The bytes of a typed array saved by `toBase64`, copied to a buffer of their own (aligned for it). */
function fromBase64(text: unknown, bytesPerValue: number): ArrayBuffer {
  if (typeof text !== 'string') throw new Error('saved word index: incomplete');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % bytesPerValue !== 0) throw new Error('saved word index: damaged');
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
