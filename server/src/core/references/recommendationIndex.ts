// The index of previous recommendations behind references, hover, completion and code lenses:
// built from the records of one or more files (importers.ts), it resolves a citation such as
// `A/HRC/15/2, para. 76.27` to the recommendation it names, lists a State's recommendations, and
// finds recommendations by words (BM25 as minisearch scores it, prefix and fuzzy matching: WordIndex) and by similarity
// to a text. Pure: records in, answers out.
//
// Resolving a citation. A report item (`76.27`) is one recommendation in the UN's sense, but a
// source may hold several records for it: one per recommending State (UPR Info), or UPR Info's
// parts of an item that bundles several actions ("Sign and ratify CRPD ...; OP-ICESCR; ICPPED").
// UPR Info also sometimes credits the item's words to a State the report does not name for it
// (A/HRC/15/2, para. 76.27 is Tajikistan's in the report; UPR Info has the same words from
// Afghanistan too). The records of an item are ranked: first those whose recommending State the
// report item names and whose paragraph was found by their text, then those found by a fuzzy
// match, then those crediting a State the item does not name; within a rank, the record whose
// words come first in the item's own wording, then the one whose State the item names first. The
// first is `best`. The citation is ambiguous only when the data cannot say what the item is: the
// records belong to different States under review, or the best-ranked ones carry different texts
// and no source gives the item's own wording (A/HRC/14/10, para. 95.3 is "Consider ratifying the
// CRPD" from Slovenia and "Ratify the CRPD" from the Republic of Korea, and the report's text is
// not in the data). A State may support some parts of an item and note others: the response is
// then `mixed`, which does not make the citation ambiguous.

import {
  isStateCode,
  namesState,
  referenceKey,
  stateKey,
  symbolKey,
  withoutRecommendingStates,
  type RecommendationRecord,
  type Response,
} from './records';

export interface SearchOptions {
  /** The State under review: English name or ISO 3166-1 alpha-3 code. */
  state?: string;
  cycle?: number;
  /** Records with at least one of these issues or themes. */
  issues?: readonly string[];
  /** `UPR`, `CEDAW`...: records of that body only. */
  body?: string;
  /** At most this many hits (20 unless given). */
  limit?: number;
}

export interface SearchHit {
  record: RecommendationRecord;
  /** The BM25 score (minisearch's formula): higher is better, comparable only within one query. */
  score: number;
  /** The words of the record that matched. */
  terms: string[];
}

export interface SimilarHit extends SearchHit {
  /** The share of the text's distinct words (less stop words) that the record has, 0 to 1. */
  coverage: number;
}

export interface SimilarOptions extends SearchOptions {
  /** Leave out hits with less coverage than this (0 unless given). */
  minCoverage?: number;
}

export interface StateCount {
  /** A recommending State. */
  state: string;
  /** How many similar past recommendations it made. */
  count: number;
  /** Up to three of them, the most similar first. */
  examples: RecommendationRecord[];
}

export type ResolutionKind = 'item' | 'paragraph' | 'document' | 'none';
export type AmbiguityReason = 'different-texts' | 'different-states';

export interface Resolution {
  /**
   * `item`: records of that paragraph (`76.27`, or `12` of a treaty body's document); `paragraph`:
   * a paragraph that groups items (`76` for 76.1–76.127); `document`: no paragraph was given;
   * `none`: the index knows nothing of it.
   */
  kind: ResolutionKind;
  /** Every record found, the best first (for `paragraph` and `document`, in file order). */
  records: RecommendationRecord[];
  /** The record that stands for the item; only for `item`. */
  best: RecommendationRecord | undefined;
  /** The item in its own words when a source gives them, else the best record's text. */
  text: string | undefined;
  /** The States the item credits: those the item's own words name, else those of the best-ranked records. */
  recommendingStates: string[];
  /** The State's response; `mixed` when it supported some parts of the item and noted others. */
  response: Response | 'mixed' | undefined;
  /**
   * True when the data cannot say what the item is: its records give different texts and no
   * source gives the item's own words, or they concern different States under review.
   */
  ambiguous: boolean;
  reason?: AmbiguityReason;
}

const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or that the their there these this those to ' +
    'was were which with within all any also such other own than then through upon including inter alia'
  ).split(' '),
);

/** Words: runs of letters and digits, in lower case ("women's" gives "women" and "s"). */
function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
}

/** A word as indexed and looked up: not a stop word, not a single letter. */
function keep(word: string): string | null {
  return word.length < 2 || STOP_WORDS.has(word) ? null : word;
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/**
 * The words of a text that count: what is indexed. The same as `tokenize` less what `keep` leaves
 * out, read a character at a time (letters and digits of ASCII without a regular expression): it
 * runs over every text of the index.
 */
function words(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  let start = -1;
  for (let at = 0; at < lower.length; ) {
    const code = lower.charCodeAt(at);
    let size = 1;
    let inWord: boolean;
    if (code < 128) inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    else {
      const point = lower.codePointAt(at)!;
      size = point > 0xffff ? 2 : 1;
      inWord = WORD_CHARACTER.test(String.fromCodePoint(point));
    }
    if (inWord) {
      if (start === -1) start = at;
    } else if (start !== -1) {
      if (at - start >= 2) {
        const word = lower.slice(start, at);
        if (!STOP_WORDS.has(word)) found.push(word);
      }
      start = -1;
    }
    at += size;
  }
  if (start !== -1 && lower.length - start >= 2) {
    const word = lower.slice(start);
    if (!STOP_WORDS.has(word)) found.push(word);
  }
  return found;
}

/** Words of this length or more are also looked up by their start: see `similarityWords`. */
const STEM_FROM = 7;
/** `similar` looks up at most this many of a text's words, the rarest. */
const MOST_LOOKUPS = 6;

/**
 * The words of a text as `similar` looks them up, each with its start: a long word is also
 * looked up, as a prefix, by all but its last three letters ("criminalise" → "criminal", which
 * finds "criminalize" and "criminalizing"; "disabilities" → "disabili"), since the index keeps
 * words as written and a draft inflects them otherwise than past recommendations do. minisearch
 * scores a prefix match lower than the whole word.
 */
function similarityWords(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const word of words(text)) {
    if (!found.has(word)) found.set(word, word.length >= STEM_FROM && !/^\d+$/.test(word) ? word.slice(0, word.length - 3) : word);
  }
  return found;
}

/** An issue or theme as compared. */
function issueKey(issue: string): string {
  return issue.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `key(value)`, computed once per value: records repeat the same few States and issues. */
function cached(key: (value: string) => string): (value: string) => string {
  const known = new Map<string, string>();
  return (value) => {
    let found = known.get(value);
    if (found === undefined) {
      found = key(value);
      if (known.size < 100_000) known.set(value, found);
    }
    return found;
  };
}

const issueKeyOf = cached(issueKey);
const stateKeyOf = cached(stateKey);

/** A text as compared for sameness: case, spaces and punctuation do not count. */
function textKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface IndexedText {
  id: number;
  text: string;
}

/** minisearch's BM25 parameters and weights of prefix and fuzzy matches, kept so that scores stay as they were. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** A posting: the id of a text times 256 plus how often the word occurs in it (at most 255). */
const TF_BITS = 8;
const TF_MASK = (1 << TF_BITS) - 1;

interface Lookup {
  term: string;
  prefix: boolean;
  fuzzy: number | false;
}

interface Scored {
  id: number;
  score: number;
  terms: string[];
}

/**
 * The word index: for each word, the texts that have it (ids and counts packed in a typed array),
 * and each text's number of distinct words, scored by BM25 as minisearch scores (prefix and fuzzy
 * matches weighted as minisearch weighs them). Much lighter and faster than minisearch's maps of
 * maps for 40,000 texts: building is one pass over the words, a search one pass over typed arrays.
 */
class WordIndex {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private postings: Int32Array[] = [];
  private lengths: number[] = [];
  /** How often each word occurs in the texts indexed, by term id. */
  private occurrences: number[] = [];
  /** Distinct words of each text, by text id (0 for none, or removed). */
  private distinct = new Int32Array(1024);
  private live = 0;
  private totalDistinct = 0;
  /** Words sorted, for prefixes, and by length, for typos. */
  private sorted: string[] | undefined;
  private byLength: string[][] | undefined;
  /** Scratch space of a search, one slot per text. */
  private scores = new Float64Array(0);
  private matched = new Uint8Array(0);
  private stamp = new Int32Array(0);
  private generation = 0;
  // Per text being added: counts by term id.
  private counts = new Int32Array(0);
  private seenIn = new Int32Array(0);

  get documentCount(): number {
    return this.live;
  }

  /** Adds a text's words (already tokenised and kept). */
  add(id: number, words: readonly string[]): void {
    const distinctTerms: number[] = [];
    for (const word of words) {
      let termId = this.termIds.get(word);
      if (termId === undefined) {
        termId = this.terms.length;
        this.termIds.set(word, termId);
        this.terms.push(word);
        this.postings.push(new Int32Array(4));
        this.lengths.push(0);
        this.occurrences.push(0);
        this.sorted = undefined;
        this.byLength = undefined;
      }
      if (termId >= this.counts.length) {
        const counts = new Int32Array(Math.max(64, termId * 2));
        counts.set(this.counts);
        this.counts = counts;
        const seen = new Int32Array(counts.length).fill(-1);
        seen.set(this.seenIn);
        this.seenIn = seen;
      }
      if (this.seenIn[termId] !== id) {
        this.seenIn[termId] = id;
        this.counts[termId] = 0;
        distinctTerms.push(termId);
      }
      this.counts[termId]++;
      this.occurrences[termId]++;
    }
    for (const termId of distinctTerms) {
      let list = this.postings[termId];
      const length = this.lengths[termId];
      if (length === list.length) {
        const grown = new Int32Array(length * 2);
        grown.set(list);
        this.postings[termId] = list = grown;
      }
      list[length] = id * (TF_MASK + 1) + Math.min(this.counts[termId], TF_MASK);
      this.lengths[termId] = length + 1;
    }
    if (id >= this.distinct.length) {
      const grown = new Int32Array(Math.max(id + 1, this.distinct.length * 2));
      grown.set(this.distinct);
      this.distinct = grown;
    }
    this.distinct[id] = distinctTerms.length;
    this.totalDistinct += distinctTerms.length;
    this.live++;
  }

  /** Takes texts out (each one added and not taken out before): their postings go. */
  remove(ids: ReadonlySet<number>): void {
    if (!ids.size) return;
    // Each id is one added, taken out once.
    for (const id of ids) {
      this.totalDistinct -= this.distinct[id];
      this.distinct[id] = 0;
      this.live--;
    }
    for (let termId = 0; termId < this.terms.length; termId++) {
      const list = this.postings[termId];
      let kept = 0;
      for (let i = 0; i < this.lengths[termId]; i++) {
        if (!ids.has(list[i] >>> TF_BITS)) list[kept++] = list[i];
        else this.occurrences[termId] -= list[i] & TF_MASK;
      }
      this.lengths[termId] = kept;
    }
  }

  /** How often a word occurs in the texts indexed. */
  frequency(word: string): number {
    const termId = this.termIds.get(word);
    return termId === undefined ? 0 : this.occurrences[termId];
  }

  /** The words indexed, each with how often it occurs. */
  vocabulary(): [string, number][] {
    const found: [string, number][] = [];
    this.terms.forEach((word, termId) => {
      if (this.occurrences[termId] > 0) found.push([word, this.occurrences[termId]]);
    });
    return found;
  }

  /** The indexed words that start with `prefix`, longer than it. */
  private withPrefix(prefix: string): string[] {
    if (!this.sorted) this.sorted = this.terms.filter((_, id) => this.lengths[id] > 0).sort();
    const words = this.sorted;
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < words.length && words[i].startsWith(prefix); i++) if (words[i] !== prefix) found.push(words[i]);
    return found;
  }

  /** The indexed words within `distance` edits (insertions, deletions, substitutions) of `term`, with their distances. */
  private near(term: string, distance: number): [string, number][] {
    if (!this.byLength) {
      this.byLength = [];
      this.terms.forEach((word, id) => {
        if (this.lengths[id] > 0) (this.byLength![word.length] ??= []).push(word);
      });
    }
    const found: [string, number][] = [];
    for (let length = Math.max(1, term.length - distance); length <= term.length + distance; length++) {
      for (const word of this.byLength[length] ?? []) {
        const edits = editDistance(term, word, distance);
        if (edits > 0 && edits <= distance) found.push([word, edits]);
      }
    }
    return found;
  }

  /** The words a lookup finds, each with its weight, as minisearch weighs them. */
  private expand(lookup: Lookup): { termId: number; weight: number }[] {
    const expanded: { termId: number; weight: number }[] = [];
    const exact = this.termIds.get(lookup.term);
    if (exact !== undefined && this.lengths[exact]) expanded.push({ termId: exact, weight: 1 });
    const prefixed = new Set<string>();
    if (lookup.prefix) {
      for (const word of this.withPrefix(lookup.term)) {
        prefixed.add(word);
        const distance = word.length - lookup.term.length;
        expanded.push({ termId: this.termIds.get(word)!, weight: (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * distance) });
      }
    }
    if (lookup.fuzzy) {
      for (const [word, distance] of this.near(lookup.term, lookup.fuzzy)) {
        if (prefixed.has(word)) continue;
        expanded.push({ termId: this.termIds.get(word)!, weight: (FUZZY_WEIGHT * word.length) / (word.length + distance) });
      }
    }
    return expanded;
  }

  /**
   * The texts that the lookups find, best first, at most `limit`: with `all`, texts found by every
   * lookup; otherwise by any, the score multiplied by how many found it (as minisearch does).
   * `allowed`: one flag per text id, when only some may be found.
   */
  search(lookups: readonly Lookup[], all: boolean, limit: number, allowed?: Uint8Array): Scored[] {
    if (!lookups.length || !this.live) return [];
    const size = this.distinct.length;
    if (this.scores.length < size) {
      this.scores = new Float64Array(size);
      this.matched = new Uint8Array(size);
      this.stamp = new Int32Array(size);
      this.generation = 0;
    }
    const { scores, matched, stamp, distinct } = this;
    const expansions = lookups.map((lookup) => this.expand(lookup));
    // With `all`, the lookup that finds fewest texts first: the others only add to what it found.
    const order = lookups.map((_, i) => i);
    if (all) order.sort((a, b) => sum(expansions[a], this.lengths) - sum(expansions[b], this.lengths));
    const documentCount = this.live;
    const average = this.totalDistinct / documentCount;
    const touched: number[] = [];
    const first = ++this.generation;
    for (let step = 0; step < order.length; step++) {
      const generation = step === 0 ? first : ++this.generation;
      for (const { termId, weight } of expansions[order[step]]) {
        const list = this.postings[termId];
        const count = this.lengths[termId];
        const idf = Math.log(1 + (documentCount - count + 0.5) / (count + 0.5));
        for (let i = 0; i < count; i++) {
          const posting = list[i];
          const id = posting >>> TF_BITS;
          if (allowed && !allowed[id]) continue;
          const seen = stamp[id];
          // A text not found before: new unless every lookup must find it and this is not the first.
          if (seen < first) {
            if (all && step > 0) continue;
            scores[id] = 0;
            matched[id] = 0;
            touched.push(id);
          } else if (all && matched[id] < step) continue;
          if (seen !== generation) {
            stamp[id] = generation;
            matched[id]++;
          }
          const tf = posting & TF_MASK;
          scores[id] += weight * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * distinct[id]) / average)));
        }
      }
    }
    const need = all ? lookups.length : 1;
    const found: number[] = [];
    for (const id of touched) if (matched[id] >= need) found.push(id);
    const final = (id: number) => scores[id] * matched[id];
    const best = topK(found, final, limit);
    return best.map((id) => ({ id, score: final(id), terms: [] }));
  }

  /** The words of `expansions` (of the lookups) that a text has, for `terms` of a hit. */
  matchedTerms(lookups: readonly Lookup[], has: ReadonlySet<string>): string[] {
    const terms: string[] = [];
    for (const lookup of lookups) {
      for (const { termId } of this.expand(lookup)) {
        const word = this.terms[termId];
        if (has.has(word) && !terms.includes(word)) terms.push(word);
      }
    }
    return terms;
  }
}

function sum(expansion: readonly { termId: number }[], lengths: readonly number[]): number {
  let total = 0;
  for (const { termId } of expansion) total += lengths[termId];
  return total;
}

/** The `k` ids of highest value, highest first (ties: the lower id first). */
function topK(ids: readonly number[], value: (id: number) => number, k: number): number[] {
  const before = (a: number, b: number) => value(a) > value(b) || (value(a) === value(b) && a < b);
  if (ids.length <= k * 4) return [...ids].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, k);
  // A heap of the best k, the worst of them on top.
  const heap: number[] = [];
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && before(heap[worst], heap[left])) worst = left;
      if (right < heap.length && before(heap[worst], heap[right])) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst], heap[at]];
      at = worst;
    }
  };
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >>> 1;
        if (!before(heap[parent], heap[at])) break;
        [heap[at], heap[parent]] = [heap[parent], heap[at]];
        at = parent;
      }
    } else if (before(id, heap[0])) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

/** The Levenshtein distance of two words, or more than `most` when it is. */
function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  if (most === 1) return a === b ? 0 : withinOneEdit(a, b) ? 1 : 2;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < smallest) smallest = value;
    }
    if (smallest > most) return most + 1;
    previous = current;
  }
  return previous[b.length];
}

export class RecommendationIndex {
  /** Records by id; removed ones leave a hole. */
  private readonly records: (RecommendationRecord | undefined)[] = [];
  /** The texts, by word: BM25 scores, prefix and fuzzy matching. */
  private readonly texts = new WordIndex();
  private readonly byReferenceKey = new Map<string, number[]>();
  private readonly bySymbolKey = new Map<string, number[]>();
  private readonly byStateKey = new Map<string, number[]>();
  private readonly byIssueKey = new Map<string, number[]>();
  /** ISO code → name keys, and name key → ISO code, learnt from the records that carry both. */
  private readonly namesOfCode = new Map<string, Set<string>>();
  private readonly codeOfName = new Map<string, string>();
  private count = 0;
  /** The words indexed, sorted, with running totals of their frequencies: how many occurrences a prefix finds. */
  private vocabulary: { words: string[]; totals: Float64Array } | undefined;
  /**
   * Texts not yet in `texts`: the word index is built on the first search (or by `prepare()`, in
   * the background), so that references resolve as soon as the records are read.
   */
  private pending: IndexedText[] = [];

  constructor(records: Iterable<RecommendationRecord> = []) {
    this.add(records);
  }

  /** Adds records (those of one more file, say). */
  add(records: Iterable<RecommendationRecord>): void {
    const documents: IndexedText[] = [];
    for (const record of records) {
      const id = this.records.length;
      this.records.push(record);
      this.count++;
      documents.push({ id, text: record.text });
      if (record.symbol) {
        push(this.bySymbolKey, symbolKey(record.symbol), id);
        if (record.paragraph) push(this.byReferenceKey, referenceKey(record.symbol, record.paragraph), id);
      }
      const name = stateKeyOf(record.state);
      push(this.byStateKey, name, id);
      if (record.stateCode) {
        const code = record.stateCode.toUpperCase();
        let names = this.namesOfCode.get(code);
        if (!names) this.namesOfCode.set(code, (names = new Set()));
        names.add(name);
        this.codeOfName.set(name, code);
      }
      for (const issue of record.issues) push(this.byIssueKey, issueKeyOf(issue), id);
    }
    this.pending = this.pending.length ? this.pending.concat(documents) : documents;
  }

  /** Puts the texts still pending into the word index, now. */
  private indexTexts(): void {
    if (!this.pending.length) return;
    const documents = this.pending;
    this.pending = [];
    this.indexDocuments(documents);
  }

  private indexDocuments(documents: readonly IndexedText[]): void {
    for (const { id, text } of documents) this.texts.add(id, words(text));
    this.vocabulary = undefined;
  }

  /**
   * Builds the word index in steps of `chunk` texts, letting other work run between them: call it
   * after loading, so that the first search does not wait for the index. Searching before it is
   * done builds the rest at once.
   */
  async prepare(chunk = 2000): Promise<void> {
    while (this.pending.length) {
      this.indexDocuments(this.pending.splice(0, chunk));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Whether the word index is complete (searches will not build any of it). */
  get prepared(): boolean {
    return this.pending.length === 0;
  }

  /** Takes out the records of one file (before adding its new version). */
  removeFile(file: string): void {
    const removed = new Set<number>();
    const indexed = new Set<number>();
    const pending = new Set(this.pending.map((document) => document.id));
    this.records.forEach((record, id) => {
      if (record?.source.file !== file) return;
      removed.add(id);
      this.records[id] = undefined;
      if (pending.has(id)) return;
      indexed.add(id);
    });
    if (!removed.size) return;
    this.texts.remove(indexed);
    this.pending = this.pending.filter((document) => !removed.has(document.id));
    this.vocabulary = undefined;
    this.count -= removed.size;
    for (const map of [this.byReferenceKey, this.bySymbolKey, this.byStateKey, this.byIssueKey]) {
      for (const [key, ids] of map) {
        const kept = ids.filter((id) => !removed.has(id));
        if (kept.length) map.set(key, kept);
        else map.delete(key);
      }
    }
  }

  /** How many records the index holds. */
  get size(): number {
    return this.count;
  }

  /** The files the records come from. */
  files(): string[] {
    return [...new Set(this.records.flatMap((record) => (record ? [record.source.file] : [])))];
  }

  private recordsOf(ids: readonly number[] | undefined): RecommendationRecord[] {
    return (ids ?? []).map((id) => this.records[id]).filter((record): record is RecommendationRecord => record !== undefined);
  }

  /**
   * What a citation names: `resolve('A/HRC/15/2', '76.27')`. Without a paragraph, the records of
   * the whole document; with a paragraph that only groups items (`76`), the records of its items.
   */
  resolve(symbol: string, paragraph?: string): Resolution {
    const none: Resolution = { kind: 'none', records: [], best: undefined, text: undefined, recommendingStates: [], response: undefined, ambiguous: false };
    if (!symbol.trim()) return none;
    const inDocument = this.recordsOf(this.bySymbolKey.get(symbolKey(symbol)));
    if (paragraph === undefined || !paragraph.trim()) {
      return inDocument.length ? { ...none, kind: 'document', records: inDocument, recommendingStates: unique(inDocument.flatMap((r) => r.recommendingStates)) } : none;
    }
    const item = this.recordsOf(this.byReferenceKey.get(referenceKey(symbol, paragraph)));
    if (item.length) return resolveItem(item);
    const prefix = `${paragraph.trim()}.`;
    const grouped = inDocument.filter((record) => record.paragraph?.startsWith(prefix));
    return grouped.length ? { ...none, kind: 'paragraph', records: grouped, recommendingStates: unique(grouped.flatMap((r) => r.recommendingStates)) } : none;
  }

  /** The paragraphs of a document that the index holds records for, in numeric order. */
  paragraphs(symbol: string): string[] {
    const found = new Set<string>();
    for (const record of this.recordsOf(this.bySymbolKey.get(symbolKey(symbol)))) if (record.paragraph) found.add(record.paragraph);
    const parts = (value: string) => value.split('.').map(Number);
    return [...found].sort((a, b) => {
      const [x, y] = [parts(a), parts(b)];
      return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0);
    });
  }

  /** The ids of a State's records: `state` is an English name or an ISO 3166-1 alpha-3 code. */
  private idsOfState(state: string): number[] {
    const trimmed = state.trim();
    if (!trimmed) return [];
    const keys = new Set<string>();
    if (isStateCode(trimmed)) {
      for (const name of this.namesOfCode.get(trimmed) ?? []) keys.add(name);
    } else {
      const name = stateKey(trimmed);
      keys.add(name);
      // Another name of the same State, where some record gives the code of both.
      const code = this.codeOfName.get(name);
      if (code) for (const other of this.namesOfCode.get(code) ?? []) keys.add(other);
    }
    const ids = [...keys].flatMap((key) => this.byStateKey.get(key) ?? []);
    return ids.length > 1 && keys.size > 1 ? ids.sort((a, b) => a - b) : ids;
  }

  /** The recommendations a State received (in one cycle, if given), in file order. */
  forState(state: string, cycle?: number): RecommendationRecord[] {
    const records = this.recordsOf(this.idsOfState(state));
    return cycle === undefined ? records : records.filter((record) => record.cycle === cycle);
  }

  /** The recommendations with an issue or theme, compared without case. */
  byIssue(issue: string): RecommendationRecord[] {
    return this.recordsOf(this.byIssueKey.get(issueKey(issue)));
  }

  /** The issues and themes of the records, each with its count, most frequent first. */
  issues(): { issue: string; count: number }[] {
    const result: { issue: string; count: number }[] = [];
    for (const [key, ids] of this.byIssueKey) {
      const records = this.recordsOf(ids);
      const written = records[0]?.issues.find((issue) => issueKeyOf(issue) === key);
      if (written) result.push({ issue: written, count: records.length });
    }
    return result.sort((a, b) => b.count - a.count || a.issue.localeCompare(b.issue));
  }

  /**
   * The records a search may return, one flag per id; undefined when there is no condition. Other
   * records are skipped before they are scored.
   */
  private allowed(options: SearchOptions): Uint8Array | undefined {
    const issues = options.issues?.length ? new Set(options.issues.map(issueKey)) : undefined;
    const body = options.body?.trim().toUpperCase() || undefined;
    const state = options.state?.trim() || undefined;
    if (!state && options.cycle === undefined && !issues && !body) return undefined;
    const candidates = state
      ? this.idsOfState(state)
      : issues
        ? [...issues].flatMap((issue) => this.byIssueKey.get(issue) ?? [])
        : this.records.map((_, id) => id);
    const allowed = new Uint8Array(this.records.length);
    for (const id of candidates) {
      const record = this.records[id];
      if (!record) continue;
      if (options.cycle !== undefined && record.cycle !== options.cycle) continue;
      if (issues && !record.issues.some((issue) => issues.has(issueKeyOf(issue)))) continue;
      if (body && record.body?.toUpperCase() !== body) continue;
      allowed[id] = 1;
    }
    return allowed;
  }

  /** How many occurrences of indexed words start with `prefix` (a whole word counts too). */
  private prefixFrequency(prefix: string): number {
    if (!this.vocabulary) {
      const entries = this.texts.vocabulary().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const words = entries.map(([word]) => word);
      const totals = new Float64Array(words.length + 1);
      entries.forEach(([, count], i) => (totals[i + 1] = totals[i] + count));
      this.vocabulary = { words, totals };
    }
    const { words, totals } = this.vocabulary;
    const lowerBound = (value: string) => {
      let low = 0;
      let high = words.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (words[middle] < value) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    return totals[lowerBound(`${prefix}\uffff`)] - totals[lowerBound(prefix)];
  }

  /**
   * Recommendations by words, as typed: every word must match, the last one also as a prefix (it
   * may be unfinished: from three letters, unless so short a start begins a quarter of all the
   * words indexed), words of six letters or more also with one typo. When no record has them all,
   * the words found nowhere are left out. The rarest word is looked up first, and the others only
   * in the records it found, so that common words ("rights", "human") cost little.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const terms = tokenize(query).filter((word): word is string => keep(word) !== null);
    if (!terms.length) return [];
    this.indexTexts();
    const allowed = this.allowed(options);
    const last = terms.length - 1;
    const expandLast = terms[last].length >= 3 && this.prefixFrequency(terms[last]) <= Math.max(2000, this.texts.documentCount / 4);
    const prefix = (index: number, count: number) => index === count - 1 && expandLast;
    const fuzzy = (term: string): number | false => (term.length >= 6 ? 1 : false);
    const cost = (term: string, index: number, count: number) => (prefix(index, count) ? this.prefixFrequency(term) : this.texts.frequency(term));

    const run = (words: string[]) => {
      const lookups = words.map((term, index) => ({ term, prefix: prefix(index, words.length), fuzzy: fuzzy(term) }));
      return this.texts.search(lookups, true, limit, allowed).map((result) => ({ ...result, lookups }));
    };
    let results = run(terms);
    if (!results.length) {
      const found = terms.filter((term, index) => cost(term, index, terms.length) > 0);
      if (found.length && found.length < terms.length) results = run(found);
    }
    const hits: SearchHit[] = [];
    for (const result of results) {
      const record = this.records[result.id];
      if (record) hits.push({ record, score: result.score, terms: this.texts.matchedTerms(result.lookups, new Set(words(record.text))) });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * The past recommendations most like a text (a recommendation being drafted), best first, with
   * its BM25 score and the share of the text's words each has. Only the text's rarer words
   * (at most six, found no more than once in forty texts; or its two rarest) are looked up, so that "ensure" or "rights" do not make every record a candidate; the coverage
   * counts all its words but numbers ("by 2028": past recommendations seldom have the time frame
   * a new one should have).
   */
  similar(text: string, options: SimilarOptions = {}): SimilarHit[] {
    const limit = options.limit ?? 10;
    const found = similarityWords(text);
    const counted = [...found].filter(([word]) => !/^\d+$/.test(word));
    const measured = counted.length ? counted : [...found];
    if (!measured.length) return [];
    this.indexTexts();

    // The lookups, rarest first: a word as written, and the start of a long word when it finds
    // other words too ("criminal" for "criminalise").
    const common = Math.max(200, this.texts.documentCount / 40);
    const lookups: { term: string; prefix: boolean; frequency: number }[] = [];
    for (const [word, stem] of found) {
      const frequency = this.texts.frequency(word);
      if (frequency) lookups.push({ term: word, prefix: false, frequency });
      if (stem !== word) {
        const stemFrequency = this.prefixFrequency(stem);
        if (stemFrequency > frequency) lookups.push({ term: stem, prefix: true, frequency: stemFrequency });
      }
    }
    lookups.sort((a, b) => a.frequency - b.frequency);
    const rare = lookups.filter((lookup) => lookup.frequency <= common);
    // A text of common words only is looked up by its two rarest.
    const chosen = rare.length ? rare.slice(0, MOST_LOOKUPS) : lookups.slice(0, 2);
    if (!chosen.length) return [];
    const allowed = this.allowed(options);
    const searched = chosen.map(({ term, prefix }) => ({ term, prefix, fuzzy: false as const }));
    const results = this.texts.search(searched, false, Math.max(100, limit * 4), allowed);
    const minCoverage = options.minCoverage ?? 0;
    const hits: SimilarHit[] = [];
    // The best-scored candidates only: far down the list, none has much of the text.
    for (const result of results) {
      const record = this.records[result.id];
      if (!record) continue;
      const has = words(record.text);
      const hasWord = new Set(has);
      let matched = 0;
      for (const [word, stem] of measured) {
        if (hasWord.has(word) || (stem !== word && has.some((other) => other.startsWith(stem)))) matched++;
      }
      const coverage = matched / measured.length;
      if (coverage < minCoverage) continue;
      hits.push({ record, score: result.score, terms: this.texts.matchedTerms(searched, hasWord), coverage });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * Which States made recommendations like this text before, for "Similar past recommendations:
   * Germany 3, Canada 2": of the 50 most similar records, those that have at least half of the
   * text's words and score at least a third of the most similar one, counted per recommending
   * State (the same recommendation imported twice counts once), most first.
   */
  recommendingStatesFor(text: string, options: SimilarOptions = {}): StateCount[] {
    const hits = this.similar(text, { ...options, limit: 50, minCoverage: options.minCoverage ?? 0.5 });
    if (!hits.length) return [];
    const threshold = hits[0].score / 3;
    const byState = new Map<string, StateCount & { seen: Set<string> }>();
    for (const { record, score } of hits) {
      if (score < threshold) continue;
      const same = `${stateKeyOf(record.state)}\u0000${record.cycle ?? ''}\u0000${textKey(record.text)}`;
      for (const state of record.recommendingStates) {
        const key = stateKeyOf(state);
        let entry = byState.get(key);
        if (!entry) byState.set(key, (entry = { state, count: 0, examples: [], seen: new Set() }));
        if (entry.seen.has(same)) continue;
        entry.seen.add(same);
        entry.count++;
        if (entry.examples.length < 3) entry.examples.push(record);
      }
    }
    return [...byState.values()]
      .map(({ state, count, examples }) => ({ state, count, examples }))
      .sort((a, b) => b.count - a.count || a.state.localeCompare(b.state))
      .slice(0, options.limit ?? 10);
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key);
  if (ids) ids.push(id);
  else map.set(key, [id]);
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = stateKeyOf(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** 0: the item names the State and the paragraph was found by the text; 1: fuzzy; 2: another State. */
function rankOf(record: RecommendationRecord): number {
  if (record.paragraphMatch === 'state-differs') return 2;
  if (record.reportText && record.recommendingStates.length && !record.recommendingStates.some((state) => namesState(record.reportText!, state))) return 2;
  return record.paragraphMatch === 'fuzzy' ? 1 : 0;
}

function resolveItem(records: RecommendationRecord[]): Resolution {
  const reportText = records.find((record) => record.reportText)?.reportText;
  const itemKey = reportText ? textKey(reportText) : '';
  const position = (record: RecommendationRecord) => {
    if (!itemKey) return 0;
    const at = itemKey.indexOf(textKey(record.text));
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  const statePosition = (record: RecommendationRecord) => {
    if (!reportText) return 0;
    const positions = record.recommendingStates.map((state) => ` ${stateKey(reportText)} `.indexOf(` ${stateKeyOf(state)} `)).filter((at) => at !== -1);
    return positions.length ? Math.min(...positions) : Number.MAX_SAFE_INTEGER;
  };
  const ranked = records
    .map((record, order) => ({ record, order, rank: rankOf(record), position: position(record), statePosition: statePosition(record) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position || a.statePosition - b.statePosition || a.order - b.order);
  const top = ranked.filter((entry) => entry.rank === ranked[0].rank).map((entry) => entry.record);
  const best = ranked[0].record;

  // The item's own words, from every source that gives them, without the States after them.
  const itemStates = unique(records.flatMap((record) => record.recommendingStates));
  const itemTexts = new Set(records.filter((record) => record.reportText).map((record) => textKey(withoutRecommendingStates(record.reportText!, itemStates))));
  let reason: AmbiguityReason | undefined;
  if (new Set(records.map((record) => stateKeyOf(record.state))).size > 1) reason = 'different-states';
  else if (itemTexts.size > 1 || (!itemTexts.size && new Set(top.map((record) => textKey(record.text))).size > 1)) reason = 'different-texts';
  const responses = new Set(top.map((record) => record.response).filter((response): response is Response => response !== undefined));

  // The States the item's own words name, in their order; without those words, the top records'.
  let recommendingStates: string[];
  if (reportText) {
    const key = ` ${stateKey(reportText)} `;
    const named = unique(records.flatMap((record) => record.recommendingStates)).filter((state) => key.includes(` ${stateKeyOf(state)} `));
    recommendingStates = named.length ? named.sort((a, b) => key.indexOf(` ${stateKeyOf(a)} `) - key.indexOf(` ${stateKeyOf(b)} `)) : unique(top.flatMap((r) => r.recommendingStates));
  } else {
    recommendingStates = unique(top.flatMap((record) => record.recommendingStates));
  }

  return {
    kind: 'item',
    records: ranked.map((entry) => entry.record),
    best,
    text: reportText ?? best.text,
    recommendingStates,
    response: responses.size > 1 ? 'mixed' : [...responses][0],
    ambiguous: reason !== undefined,
    ...(reason ? { reason } : {}),
  };
}

/** Whether two different words are one insertion, deletion or substitution apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Substitution (same length) or deletion from the longer word, at the first difference.
  const rest = a.length === b.length ? i + 1 : i;
  return a.slice(i + 1) === b.slice(rest);
}
