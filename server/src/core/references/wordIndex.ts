// The word index of the recommendation texts: minisearch, made fast enough for 40,000 texts.
//
// - `addTexts` adds a batch of texts as `addAll` would. minisearch looks each word up in its
//   radix tree at every occurrence (700,000 lookups for 40,000 texts, most of the build); here a
//   batch looks each word up once.
// - `save` and `WordIndex.restore` keep the index as arrays of numbers. minisearch's
//   `toJSON`/`loadJS` keep one object per word with a key per text, and parse every key back into
//   a number.
//
// Both fill minisearch's protected fields as its own `add` and `loadJS` fill them:
// test/unit/wordIndex.test.ts compares the results with minisearch's, so that a new version of
// minisearch that stores its index otherwise fails there.

import MiniSearch, { type Options } from 'minisearch';

export interface IndexedText {
  id: number;
  text: string;
}

/**
 * A saved index of texts 0 to n − 1, added in that order with nothing removed: for each text its
 * number of distinct words (minisearch's field length), and for each word its texts.
 */
export interface SavedTexts {
  averageLength: number;
  lengths: number[];
  /**
   * Per word, its texts in increasing order, each as the difference from the one before (the
   * first from 0); a text with the word more than once is followed by minus that count.
   */
  postings: [string, number[]][];
}

export class WordIndex extends MiniSearch<IndexedText> {
  /** The one field indexed: minisearch numbers the fields it is given. */
  private get textField(): number {
    return this._fieldIds.text;
  }

  /**
   * Adds texts as `addAll` does, their words those of the options' `tokenize`: the index's words
   * come out of it as indexed (no `processTerm`).
   */
  addTexts(documents: readonly IndexedText[]): void {
    const field = this.textField;
    const { tokenize } = this._options;
    const postingsOf = new Map<string, Map<number, number>>();
    for (const { id, text } of documents) {
      if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
      const shortId = this._nextId++;
      this._documentIds.set(shortId, id);
      this._idToShortId.set(id, shortId);
      this._documentCount++;
      let distinct = 0;
      for (const word of tokenize(text, 'text')) {
        let postings = postingsOf.get(word);
        if (!postings) postingsOf.set(word, (postings = this.postings(word, field)));
        const count = postings.get(shortId);
        if (count === undefined) distinct++;
        postings.set(shortId, (count ?? 0) + 1);
      }
      this.addLength(shortId, field, distinct);
    }
  }

  /** The index as `restore` reads it; only for texts 0 to n − 1 added in order, none removed. */
  save(): SavedTexts {
    const count = this._documentCount;
    if (this._nextId !== count || this._dirtCount !== 0) throw new Error('WordIndex.save: texts were removed from this index');
    const field = this.textField;
    const lengths: number[] = [];
    for (let shortId = 0; shortId < count; shortId++) {
      if (this._documentIds.get(shortId) !== shortId) throw new Error('WordIndex.save: the texts are not numbered 0 to n − 1 in order');
      lengths.push(this._fieldLength.get(shortId)![field]);
    }
    const postings: [string, number[]][] = [];
    for (const [word, fields] of this._index) {
      const encoded: number[] = [];
      let previous = 0;
      // minisearch adds a word's texts in increasing order.
      for (const [shortId, occurrences] of fields.get(field) ?? []) {
        encoded.push(shortId - previous);
        if (occurrences > 1) encoded.push(-occurrences);
        previous = shortId;
      }
      postings.push([word, encoded]);
    }
    return { averageLength: this._avgFieldLength[field], lengths, postings };
  }

  /** The index `save` saved, with the options it was built with. */
  static restore(saved: SavedTexts, options: Options<IndexedText>): WordIndex {
    const index = new WordIndex(options);
    const field = index.textField;
    const count = saved.lengths.length;
    for (let shortId = 0; shortId < count; shortId++) {
      index._documentIds.set(shortId, shortId);
      index._idToShortId.set(shortId, shortId);
      index._fieldLength.set(shortId, fieldLengths(field, saved.lengths[shortId]));
    }
    index._documentCount = count;
    index._nextId = count;
    index._avgFieldLength[field] = saved.averageLength;
    for (const [word, encoded] of saved.postings) {
      const postings = new Map<number, number>();
      let shortId = 0;
      for (let at = 0; at < encoded.length; at++) {
        shortId += encoded[at];
        postings.set(shortId, encoded[at + 1] < 0 ? -encoded[++at] : 1);
      }
      index._index.set(word, new Map([[field, postings]]));
    }
    return index;
  }

  /** How many texts have the word: what a search for it goes through. */
  textCount(word: string): number {
    return this._index.get(word)?.get(this.textField)?.size ?? 0;
  }

  /** Every word indexed, with its number of texts (as `textCount`). */
  *wordCounts(): IterableIterator<[string, number]> {
    const field = this.textField;
    for (const [word, fields] of this._index) yield [word, fields.get(field)?.size ?? 0];
  }

  /** The texts of a word in a field, as minisearch's `addTerm` finds or creates them. */
  private postings(word: string, field: number): Map<number, number> {
    const fields = this._index.fetch(word, () => new Map());
    let postings = fields.get(field);
    if (!postings) fields.set(field, (postings = new Map()));
    return postings;
  }

  /** As minisearch's `addFieldLength`: a text's length is its number of distinct words; the average runs over the texts. */
  private addLength(shortId: number, field: number, length: number): void {
    const lengths = this._fieldLength.get(shortId);
    if (lengths) lengths[field] = length;
    else this._fieldLength.set(shortId, fieldLengths(field, length));
    const before = this._documentCount - 1;
    this._avgFieldLength[field] = ((this._avgFieldLength[field] || 0) * before + length) / (before + 1);
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
