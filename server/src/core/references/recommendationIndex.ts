// The index of previous recommendations behind references, hover, completion and code lenses:
// built from the records of one or more files (importers.ts), it resolves a citation such as
// `A/HRC/15/2, para. 76.27` to the recommendation it names, lists a State's recommendations, and
// finds recommendations by words (minisearch: BM25, prefix and fuzzy matching) and by similarity
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

import type { Options } from 'minisearch';
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
import { findState, namesOf } from './states';
import { textKey } from '../text';
import { withoutCitations } from '../smart/citations';
import { keep, tokenize, WORD_RULES, words } from './indexedWords';
import { WordIndex, type IndexedText, type SavedTexts } from './wordIndex';

export interface SearchOptions {
  /** The State under review: English or Russian name, or ISO 3166-1 alpha-3 code. */
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
  /** minisearch's BM25 score: higher is better, comparable only within one query. */
  score: number;
  /** The words of the record that matched. */
  terms: string[];
}

export interface SimilarHit extends SearchHit {
  /**
   * The share of the text's distinct words (less stop words and numbers) that the record has, each
   * word weighing by its rarity in the index (one no record has, nothing): 0 to 1.
   */
  coverage: number;
}

export interface SimilarOptions extends SearchOptions {
  /**
   * Leave out hits with less coverage than this: 0 unless given for `similar`, 0.5 for
   * `similarForLobbying` (which keeps hits that score far above the rest with less).
   */
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

/**
 * The version of the saved word index (`saveWordIndex`): raise it whenever what is indexed
 * changes (indexedWords.ts, minisearch's options), so that an index saved before is not restored.
 */
const WORD_INDEX_FORMAT = 3;

/** Words of this length or more are also looked up by their start: see `similarityWords`. */
const STEM_FROM = 7;
/** `search` looks up its rarest word first when the others occur this many times more often. */
const NARROWS = 4;
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

/** The word index as `saveWordIndex` writes it. */
interface SavedWordIndex {
  format: number;
  /** How many records it indexes: those the index is restored with. */
  records: number;
  texts: SavedTexts;
}

export class RecommendationIndex {
  /** Records by id: their position. */
  private readonly records: RecommendationRecord[] = [];
  /** The texts, by word: minisearch, BM25 scores, prefix and fuzzy matching. */
  private readonly texts: WordIndex;
  private readonly byReferenceKey = new Map<string, number[]>();
  private readonly bySymbolKey = new Map<string, number[]>();
  /** The records of States asked for by `recordsConcerning`, by the name or code asked with. */
  private readonly ofState = new Map<string, ReadonlySet<RecommendationRecord>>();
  /** The series of the documents held (`A/HRC`, `CAT/C`, `E/C.12`), found at the first `holdsSeries`. */
  private series: Set<string> | undefined;
  private readonly byStateKey = new Map<string, number[]>();
  private readonly byIssueKey = new Map<string, number[]>();
  /** ISO code → name keys, and name key → ISO code, learnt from the records that carry both. */
  private readonly namesOfCode = new Map<string, Set<string>>();
  private readonly codeOfName = new Map<string, string>();
  /**
   * The words indexed, sorted, with running totals of their numbers of texts: about how many texts
   * a prefix finds (a text with two words of the prefix counts twice).
   */
  private sortedWords: { words: string[]; totals: Float64Array } | undefined;
  /**
   * Texts not yet in `texts`: the word index is built on the first search (or by `prepare()`, in
   * the background), so that references resolve as soon as the records are read.
   */
  private pending: IndexedText[] = [];

  /**
   * `savedWordIndex`, from `saveWordIndex` on an index of the same records, spares building the
   * word index again; one that does not fit them (another format, another number of records) is
   * an error.
   */
  constructor(records: Iterable<RecommendationRecord> = [], savedWordIndex?: string) {
    const options: Options<IndexedText> = { fields: ['text'], searchOptions: { tokenize, processTerm: keep } };
    this.add(records);
    this.texts = savedWordIndex === undefined ? new WordIndex(options, WORD_RULES) : this.restoreWordIndex(savedWordIndex, options);
  }

  private restoreWordIndex(json: string, options: Options<IndexedText>): WordIndex {
    const saved = JSON.parse(json) as Partial<SavedWordIndex>;
    if (saved.format !== WORD_INDEX_FORMAT) throw new Error(`saved word index: format ${String(saved.format)}, expected ${WORD_INDEX_FORMAT}`);
    if (saved.records !== this.records.length) throw new Error(`saved word index: ${String(saved.records)} records, expected ${this.records.length}`);
    if (!saved.texts) throw new Error('saved word index: incomplete');
    const texts = WordIndex.restore(saved.texts, options, WORD_RULES);
    if (texts.documentCount !== this.records.length) throw new Error(`saved word index: ${texts.documentCount} texts, expected ${this.records.length}`);
    this.pending = [];
    return texts;
  }

  /**
   * The word index as text, for `new RecommendationIndex(records, saved)` with the same records in
   * the same order. Builds what is still pending first.
   */
  saveWordIndex(): string {
    this.indexTexts();
    const saved: SavedWordIndex = { format: WORD_INDEX_FORMAT, records: this.records.length, texts: this.texts.save() };
    return JSON.stringify(saved);
  }

  /** Adds records (those of one more file, say). */
  add(records: Iterable<RecommendationRecord>): void {
    this.series = undefined;
    this.ofState.clear();
    const documents: IndexedText[] = [];
    for (const record of records) {
      const id = this.records.length;
      this.records.push(record);
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
    this.texts.addTexts(documents);
    this.sortedWords = undefined;
  }

  /**
   * Builds the word index in steps of `chunk` texts, letting other work run between them: call it
   * after loading, so that the first search does not wait for the index. Searching before it is
   * done builds the rest at once.
   */
  async prepare(chunk = 2000): Promise<void> {
    while (this.pending.length) {
      this.texts.addTexts(this.pending.splice(0, chunk));
      this.sortedWords = undefined;
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.texts.layOut();
  }

  /** Whether the word index is complete (searches will not build any of it). */
  get prepared(): boolean {
    return this.pending.length === 0;
  }

  /** Whether the index holds records of the document (`A/HRC/15/2`), whatever their paragraphs. */
  holdsDocument(symbol: string): boolean {
    return this.bySymbolKey.has(symbolKey(symbol));
  }

  /**
   * Whether the index holds documents of the series a symbol belongs to (its first two parts:
   * `A/HRC` for UPR reports, `CAT/C` for the Committee against Torture): a coalition that imported
   * no treaty-body recommendations is not told of each treaty-body paragraph it cites.
   */
  holdsSeries(symbol: string): boolean {
    this.series ??= new Set([...this.bySymbolKey.keys()].map(seriesKey));
    return this.series.has(seriesKey(symbol));
  }

  /** How many records the index holds. */
  get size(): number {
    return this.records.length;
  }

  private recordsOf(ids: readonly number[] | undefined): RecommendationRecord[] {
    return (ids ?? []).map((id) => this.records[id]);
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

  /**
   * The ids of a State's records: `state` is an English or Russian name or an ISO 3166-1 alpha-3
   * code. The records of a State are those under any of its names, whether they carry its code or
   * not (an OHCHR thematic list gives none): the names the list of States gives it, and those learnt
   * from records that give a name and a code, so that a State the list lacks is found too.
   */
  private idsOfState(state: string): number[] {
    const trimmed = state.trim();
    if (!trimmed) return [];
    const keys = new Set<string>();
    const codes = new Set<string>();
    const listed = findState(trimmed);
    if (listed) codes.add(listed.code);
    if (isStateCode(trimmed)) {
      codes.add(trimmed);
    } else {
      const name = stateKeyOf(trimmed);
      keys.add(name);
      const learnt = this.codeOfName.get(name);
      if (learnt) codes.add(learnt);
    }
    for (const code of codes) {
      for (const name of this.namesOfCode.get(code) ?? []) keys.add(name);
      const named = findState(code);
      if (named) for (const name of namesOf(named)) keys.add(stateKeyOf(name));
    }
    const ids = [...keys].flatMap((key) => this.byStateKey.get(key) ?? []);
    return ids.length > 1 && keys.size > 1 ? ids.sort((a, b) => a - b) : ids;
  }

  /** The recommendations a State received (in one cycle, if given), in file order. */
  forState(state: string, cycle?: number): RecommendationRecord[] {
    const records = this.recordsOf(this.idsOfState(state));
    return cycle === undefined ? records : records.filter((record) => record.cycle === cycle);
  }

  /**
   * The records of a State under review, as a set: gathered once per State, since the rules ask of
   * every reference on every keystroke whether it concerns the submission's State.
   */
  recordsConcerning(state: string): ReadonlySet<RecommendationRecord> {
    let records = this.ofState.get(state);
    if (!records) {
      // A `state` being typed asks for each of its beginnings: only the last few are kept.
      if (this.ofState.size >= STATES_KEPT) this.ofState.clear();
      this.ofState.set(state, (records = new Set(this.forState(state))));
    }
    return records;
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
   * The records a search may return, one flag per id; undefined when there is no condition. Given
   * to minisearch as a document boost of 0 or 1, so that other records are skipped before they are
   * scored.
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
      if (options.cycle !== undefined && record.cycle !== options.cycle) continue;
      if (issues && !record.issues.some((issue) => issues.has(issueKeyOf(issue)))) continue;
      if (body && record.body?.toUpperCase() !== body) continue;
      allowed[id] = 1;
    }
    return allowed;
  }

  /** How many texts have a word that starts with `prefix` (a whole word counts too), counted once per word. */
  private prefixFrequency(prefix: string): number {
    if (!this.sortedWords) {
      const counts = [...this.texts.wordCounts()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const totals = new Float64Array(counts.length + 1);
      counts.forEach(([, count], i) => (totals[i + 1] = totals[i] + count));
      this.sortedWords = { words: counts.map(([word]) => word), totals };
    }
    const { words, totals } = this.sortedWords;
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
   * the words found nowhere are left out. When one word is much rarer than the others, it is looked
   * up first, and the others only in the records it found, so that common words ("rights",
   * "human") cost little; when all are about as common, that first search would only add to the cost.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 20;
    const terms = words(query);
    if (!terms.length) return [];
    this.indexTexts();
    const allowed = this.allowed(options);
    const last = terms.length - 1;
    const expandLast = terms[last].length >= 3 && this.prefixFrequency(terms[last]) <= Math.max(2000, this.texts.documentCount / 4);
    const prefix = (index: number, count: number) => index === count - 1 && expandLast;
    const fuzzy = (term: string) => (term.length >= 6 ? 1 : false);
    const cost = (term: string, index: number, count: number) => (prefix(index, count) ? this.prefixFrequency(term) : this.texts.textCount(term));

    const run = (words: string[]) => {
      let candidates: Uint8Array | undefined;
      if (words.length > 1) {
        const costs = words.map((word, index) => cost(word, index, words.length));
        const pivot = costs.indexOf(Math.min(...costs));
        // Worth a search of its own only when it leaves out most of what the other words find.
        if (costs[pivot] * NARROWS < Math.max(...costs)) {
          const found = this.texts.search(words[pivot], {
            prefix: prefix(pivot, words.length),
            fuzzy: fuzzy(words[pivot]),
            boostDocument: allowed ? (id: number) => allowed[id] : undefined,
          });
          if (!found.length) return [];
          candidates = new Uint8Array(this.records.length);
          for (const result of found) candidates[result.id as number] = 1;
        }
      }
      const admitted = candidates ?? allowed;
      return this.texts.search(words.join(' '), {
        combineWith: 'AND',
        prefix: (_term, index, all) => prefix(index, all.length),
        fuzzy,
        boostDocument: admitted ? (id: number) => admitted[id] : undefined,
      });
    };
    let results = run(terms);
    if (!results.length) {
      const found = terms.filter((term, index) => cost(term, index, terms.length) > 0);
      if (found.length && found.length < terms.length) results = run(found);
    }
    const hits: SearchHit[] = [];
    for (const result of results) {
      hits.push({ record: this.records[result.id as number], score: result.score, terms: result.terms });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * The past recommendations most like a text (a recommendation being drafted), best first, with
   * minisearch's score and the share of the text's words each has. Only the text's rarer words
   * (at most six, found no more than once in forty texts; or its two rarest) are looked up, so
   * that "ensure" or "rights" do not make every record a candidate; the coverage counts all its
   * words but numbers ("by 2028": past recommendations seldom have the time frame a new one should
   * have), the rarer weighing more.
   */
  similar(text: string, options: SimilarOptions = {}): SimilarHit[] {
    const limit = options.limit ?? 10;
    // A draft's citations ("SDG 16.3", report symbols) are not what it asks for, and no past
    // recommendation has them.
    const found = similarityWords(withoutCitations(text));
    const counted = [...found].filter(([word]) => !/^\d+$/.test(word));
    const measured = counted.length ? counted : [...found];
    if (!measured.length) return [];
    this.indexTexts();

    // The lookups, rarest first: a word as written, and the start of a long word when it finds
    // other words too ("criminal" for "criminalise").
    const common = Math.max(200, this.texts.documentCount / 40);
    // How many texts have each word, and its start (for the lookups here, the weights below).
    const frequencies = new Map<string, { word: number; stem: number }>();
    const lookups: { term: string; prefix: boolean; frequency: number }[] = [];
    for (const [word, stem] of found) {
      const frequency = { word: this.texts.textCount(word), stem: stem === word ? 0 : this.prefixFrequency(stem) };
      frequencies.set(word, frequency);
      if (frequency.word) lookups.push({ term: word, prefix: false, frequency: frequency.word });
      if (frequency.stem > frequency.word) lookups.push({ term: stem, prefix: true, frequency: frequency.stem });
    }
    lookups.sort((a, b) => a.frequency - b.frequency);
    const rare = lookups.filter((lookup) => lookup.frequency <= common);
    // A text of common words only is looked up by its two rarest.
    const chosen = rare.length ? rare.slice(0, MOST_LOOKUPS) : lookups.slice(0, 2);
    if (!chosen.length) return [];
    const prefixes = new Set(chosen.filter((lookup) => lookup.prefix).map((lookup) => lookup.term));

    const allowed = this.allowed(options);
    const results = this.texts.search(chosen.map((lookup) => lookup.term).join(' '), {
      combineWith: 'OR',
      prefix: (term) => prefixes.has(term),
      fuzzy: false,
      boostDocument: allowed ? (id: number) => allowed[id] : undefined,
    });
    const minCoverage = options.minCoverage ?? 0;
    // A word weighs by how rare it is (BM25's inverse document frequency): a record that has
    // "disabilities" covers more of a draft than one that has "rights". A word no record has (a
    // place, a new term) tells no record from another: it weighs nothing.
    const weights = measured.map(([word]) => {
      const { word: texts, stem: stemTexts } = frequencies.get(word)!;
      const most = Math.max(texts, stemTexts);
      return most ? Math.log(1 + this.texts.documentCount / most) : 0;
    });
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const hits: SimilarHit[] = [];
    // The best-scored candidates only: far down the list, none has much of the text.
    for (const result of results.slice(0, Math.max(100, limit * 4))) {
      const record = this.records[result.id as number];
      const has = words(record.text);
      const hasWord = new Set(has);
      let matched = 0;
      for (const [at, [word, stem]] of measured.entries()) {
        if (hasWord.has(word) || (stem !== word && has.some((other) => other.startsWith(stem)))) matched += weights[at];
      }
      const coverage = total ? matched / total : 0;
      if (coverage < minCoverage) continue;
      hits.push({ record, score: result.score, terms: result.terms, coverage });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * The past recommendations like a text that tell whom to lobby: of the 50 most similar records,
   * those that have at least half of the text's words (`minCoverage`), or that score far above the
   * rest (a detailed draft shares only its topic words with the shorter recommendations of the
   * past: "bride kidnapping"), and score at least a third of the most similar of them.
   */
  similarForLobbying(text: string, options: SimilarOptions = {}): SimilarHit[] {
    const hits = this.similar(text, { ...options, limit: 50, minCoverage: 0 });
    const aboveTheRest = scoreCliff(hits);
    const minCoverage = options.minCoverage ?? 0.5;
    const kept = hits.filter((hit, rank) => hit.coverage >= minCoverage || (rank < aboveTheRest && hit.coverage >= CLIFF_COVERAGE));
    return kept.filter((hit) => hit.score >= kept[0].score / 3);
  }

  /**
   * Which States made recommendations like this text before, for "Similar past recommendations:
   * Germany 3, Canada 2": the records of `similarForLobbying`, counted by `recommendingStatesOf`.
   */
  recommendingStatesFor(text: string, options: SimilarOptions = {}): StateCount[] {
    return recommendingStatesOf(this.similarForLobbying(text, options), options.limit);
  }
}

/**
 * Similar records counted per recommending State (the same recommendation imported twice counts
 * once), most first, and of as many the State whose recommendation is the most similar first.
 */
export function recommendingStatesOf(hits: readonly SimilarHit[], limit = 10): StateCount[] {
  const byState = new Map<string, StateCount & { seen: Set<string> }>();
  for (const { record } of hits) {
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
    // Stable: States of as many records stay in the order of their most similar one.
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** How much higher than the next a hit must score to stand above the rest, and how much of the text it must still have. */
const CLIFF = 1.8;
const CLIFF_COVERAGE = 0.15;
/** Where a cliff is looked for: among the best-scored hits only. */
const CLIFF_WITHIN = 20;

/**
 * How many of the best hits score far above the rest: those before the steepest drop in score
 * among the first CLIFF_WITHIN, when it is a drop by CLIFF or more; else 0.
 */
function scoreCliff(hits: readonly SimilarHit[]): number {
  let at = 0;
  let steepest = CLIFF;
  for (let rank = 0; rank + 1 < Math.min(hits.length, CLIFF_WITHIN); rank++) {
    const drop = hits[rank].score / hits[rank + 1].score;
    if (drop >= steepest) {
      steepest = drop;
      at = rank + 1;
    }
  }
  return at;
}

/** How many States' record sets `recordsConcerning` keeps. */
const STATES_KEPT = 8;

function seriesKey(symbol: string): string {
  return symbolKey(symbol).split('/').slice(0, 2).join('/');
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
