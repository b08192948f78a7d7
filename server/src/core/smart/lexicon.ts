// Lexicon data (one JSON file per language under ./lexicons, format in ./lexicons/README.md)
// and its compiled, matchable form. Pure: the JSON is bundled, nothing is read at run time.

import { stemWord, type Language, type Token } from './tokens';

export type ActionCategory = 1 | 2 | 3 | 4 | 5;

/** The shape of `lexicons/<language>.json`. */
export interface LexiconData {
  language: Language;
  categories: Record<'1' | '2' | '3' | '4' | '5', string[]>;
  objectDependent: string[];
  transparent: string[];
  concreteObjects: string[];
  qualifiedObjects: string[];
  qualifierLinks: string[];
  vagueObjects: string[];
  objectStops: string[];
  prepositions: string[];
  nounPhraseHead: 'first' | 'last';
  adverbs: string[];
  leadIn: { recommend: string[]; modal: string[]; connectors: string[] };
  otherAddressees: string[];
  means: string[];
  conjunctions: string[];
  subordinators: string[];
  baseForm: string;
  adverbForm: string;
  nounCompounds: boolean;
  time: string[];
  indicators: string[];
  instrumentNouns: string[];
  notInstruments: string[];
  nounFollowers: string[];
}

/** One position of a phrase: a set of stems and word prefixes, or a gap of up to GAP words. */
export interface Slot {
  gap: boolean;
  stems: Set<string>;
  prefixes: string[];
}

export interface Phrase {
  text: string;
  slots: Slot[];
}

export interface Entry extends Phrase {
  category: ActionCategory;
  objectDependent: boolean;
  transparent: boolean;
  extra: boolean;
}

/** A set of phrases indexed by the stem of their first word. */
export class PhraseSet<P extends Phrase = Phrase> {
  private readonly byStem = new Map<string, P[]>();
  /** Phrases whose first word is a prefix pattern, by the prefix's first letter. */
  private readonly byInitial = new Map<string, P[]>();

  constructor(phrases: Iterable<P> = []) {
    for (const p of phrases) this.add(p);
  }

  add(phrase: P): void {
    const first = phrase.slots[0];
    if (!first || first.gap) throw new Error(`lexicon phrase must start with a word: "${phrase.text}"`);
    for (const s of first.stems) {
      let list = this.byStem.get(s);
      if (!list) this.byStem.set(s, (list = []));
      list.push(phrase);
    }
    for (const initial of new Set(first.prefixes.map((p) => p[0]))) {
      let list = this.byInitial.get(initial);
      if (!list) this.byInitial.set(initial, (list = []));
      list.push(phrase);
    }
  }

  /** The longest match at `i` (ties: the phrase added first, unless `prefer` says otherwise). */
  longestAt(tokens: readonly Token[], i: number, prefer?: (a: P, b: P) => boolean): { phrase: P; end: number } | undefined {
    const t = tokens[i];
    if (!t) return undefined;
    const best: Best<P> = { phrase: undefined, end: -1 };
    const candidates = this.byStem.get(t.stem);
    if (candidates) longestIn(candidates, tokens, i, prefer, best);
    const prefixed = t.word ? this.byInitial.get(t.lower[0]) : undefined;
    if (prefixed) longestIn(prefixed, tokens, i, prefer, best);
    return best.phrase === undefined ? undefined : { phrase: best.phrase, end: best.end };
  }

  /** Whether some phrase matches at `i`. */
  has(tokens: readonly Token[], i: number): boolean {
    const t = tokens[i];
    if (!t) return false;
    const candidates = this.byStem.get(t.stem);
    if (candidates) for (const p of candidates) if (matchSlots(tokens, i, p.slots, 0) >= 0) return true;
    if (t.word) {
      const prefixed = this.byInitial.get(t.lower[0]);
      if (prefixed) for (const p of prefixed) if (matchSlots(tokens, i, p.slots, 0) >= 0) return true;
    }
    return false;
  }
}

interface Best<P> {
  phrase: P | undefined;
  end: number;
}

function longestIn<P extends Phrase>(list: readonly P[], tokens: readonly Token[], i: number, prefer: ((a: P, b: P) => boolean) | undefined, best: Best<P>): void {
  for (const p of list) {
    const end = matchSlots(tokens, i, p.slots, 0);
    if (end < 0 || end < best.end) continue;
    if (end > best.end || (best.phrase !== undefined && best.phrase !== p && prefer !== undefined && prefer(p, best.phrase))) {
      best.phrase = p;
      best.end = end;
    }
  }
}

const GAP = 4;
const ELISION_IN_PHRASE = /(?<![\p{L}|])(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/giu;

function slotMatches(slot: Slot, t: Token): boolean {
  if (!t.word) return slot.stems.has(t.lower);
  if (slot.stems.has(t.stem)) return true;
  for (const p of slot.prefixes) if (t.lower.startsWith(p)) return true;
  return false;
}

/** Index after the match of slots[k..] starting at token i, or -1. Gaps never cross punctuation. */
function matchSlots(tokens: readonly Token[], i: number, slots: readonly Slot[], k: number): number {
  if (k === slots.length) return i;
  const slot = slots[k];
  if (slot.gap) {
    for (let skip = 0; skip <= GAP; skip++) {
      const end = matchSlots(tokens, i + skip, slots, k + 1);
      if (end >= 0) return end;
      const t = tokens[i + skip];
      if (!t || !t.word) return -1;
    }
    return -1;
  }
  const t = tokens[i];
  if (!t || !slotMatches(slot, t)) return -1;
  return matchSlots(tokens, i + 1, slots, k + 1);
}

/**
 * Compiles a phrase: words separated by spaces; `a|b` alternatives for one word; `word*` a prefix
 * of the lower-case word (no stemming); `*` alone a gap of 0–4 words. Other words match by stem.
 */
export function compilePhrase(text: string, language: Language): Phrase {
  const slots: Slot[] = [];
  // French elisions are separate tokens in the text ("l'", "accent"), so in phrases too.
  const source = language === 'fr' ? text.replace(ELISION_IN_PHRASE, "$1' ") : text;
  for (const part of source.trim().split(/\s+/)) {
    if (part === '*') {
      slots.push({ gap: true, stems: new Set(), prefixes: [] });
      continue;
    }
    const stems = new Set<string>();
    const prefixes: string[] = [];
    for (const alt of part.split('|')) {
      if (!alt) continue;
      if (alt.length > 1 && alt.endsWith('*')) prefixes.push(alt.slice(0, -1).toLowerCase().replace(/ё/g, 'е'));
      else if (/^[%;:,.!?()]$/.test(alt)) stems.add(alt);
      else stems.add(stemWord(alt, language));
    }
    slots.push({ gap: false, stems, prefixes });
  }
  return { text, slots };
}

export interface CompiledLexicon {
  language: Language;
  heads: PhraseSet<Entry>;
  /** Surface forms of the first words of the head entries (lower case), for the base-form check. */
  headSurface: Set<string>;
  concrete: PhraseSet;
  /** Concrete when qualified ("a training programme", "programme de formation"). */
  qualified: PhraseSet;
  /** Words that join a qualifying complement after the noun ("de" in "programme de formation"). */
  qualifierLinks: PhraseSet;
  vague: PhraseSet;
  objectStops: PhraseSet;
  prepositions: PhraseSet;
  /** The head noun opens the noun phrase (French, Spanish) rather than closing it. */
  headFirst: boolean;
  adverbs: PhraseSet;
  recommend: PhraseSet;
  modal: PhraseSet;
  connectors: PhraseSet;
  otherAddressees: PhraseSet;
  means: PhraseSet;
  conjunctions: PhraseSet;
  subordinators: PhraseSet;
  baseForm: RegExp;
  /** The form of an adverb derived from an adjective ("annually", "ежегодно", "régulièrement"). */
  adverbForm: RegExp;
  /** A verb in base form can be a noun that modifies the next one ("sign language", "support services"). */
  nounCompounds: boolean;
  /** All the time patterns as one regular expression (one pass over the text). */
  time: RegExp;
  indicators: PhraseSet;
  instrumentNouns: PhraseSet;
  notInstruments: Set<string>;
  nounFollowers: PhraseSet;
}

export type ExtraVerbs = Partial<Record<ActionCategory, string[]>>;

const CATEGORIES: ActionCategory[] = [1, 2, 3, 4, 5];

export function compileLexicon(data: LexiconData, extra?: ExtraVerbs): CompiledLexicon {
  const lang = data.language;
  const set = (list: readonly string[]) => new PhraseSet(list.map((t) => compilePhrase(t, lang)));
  const odKey = (p: Phrase) => p.slots.map((s) => (s.gap ? '*' : [...s.stems, ...s.prefixes].join('|'))).join(' ');
  const odKeys = new Set(data.objectDependent.map((t) => odKey(compilePhrase(t, lang))));

  const entries: Entry[] = [];
  const headSurface = new Set<string>();
  const addEntry = (text: string, category: ActionCategory, flags: Partial<Entry>) => {
    const phrase = compilePhrase(text, lang);
    // A coalition's phrase that cannot start an action (empty, or opening with a gap) is ignored.
    if (phrase.slots.length === 0 || phrase.slots[0].gap || (phrase.slots[0].stems.size === 0 && phrase.slots[0].prefixes.length === 0)) return;
    entries.push({ ...phrase, category, objectDependent: false, transparent: false, extra: false, ...flags });
    for (const alt of text.trim().split(/\s+/)[0].split('|')) headSurface.add(alt.replace(/\*$/, '').toLowerCase());
  };
  // Extra (coalition) entries first, so that they win ties with built-in ones of the same length.
  for (const c of CATEGORIES) {
    const list: unknown = extra?.[c];
    if (Array.isArray(list)) for (const t of list) if (typeof t === 'string') addEntry(t, c, { extra: true });
  }
  const listed = new Set<string>();
  for (const c of CATEGORIES) {
    for (const t of data.categories[String(c) as '1']) {
      const key = odKey(compilePhrase(t, lang));
      listed.add(key);
      addEntry(t, c, { objectDependent: odKeys.has(key) });
    }
  }
  for (const t of data.objectDependent) {
    if (!listed.has(odKey(compilePhrase(t, lang)))) addEntry(t, 4, { objectDependent: true });
  }
  for (const t of data.transparent) addEntry(t, 4, { transparent: true });

  const flags = 'iu';
  return {
    language: lang,
    heads: new PhraseSet(entries),
    headSurface,
    concrete: set(data.concreteObjects),
    qualified: set(data.qualifiedObjects),
    qualifierLinks: set(data.qualifierLinks),
    vague: set(data.vagueObjects),
    objectStops: set(data.objectStops),
    prepositions: set(data.prepositions),
    headFirst: data.nounPhraseHead === 'first',
    adverbs: set(data.adverbs),
    recommend: set(data.leadIn.recommend),
    modal: set(data.leadIn.modal),
    connectors: set(data.leadIn.connectors),
    otherAddressees: set(data.otherAddressees),
    means: set(data.means),
    conjunctions: set(data.conjunctions),
    subordinators: set(data.subordinators),
    baseForm: new RegExp(data.baseForm, flags),
    adverbForm: new RegExp(data.adverbForm, flags),
    nounCompounds: data.nounCompounds === true,
    time: timePattern(data.time),
    indicators: set(data.indicators),
    instrumentNouns: set(data.instrumentNouns),
    notInstruments: new Set(data.notInstruments.map((w) => w.toLowerCase())),
    nounFollowers: set(data.nounFollowers),
  };
}

const WORD_START = '(?<![\\p{L}\\p{N}])';

/**
 * The time patterns as one regular expression, anchored once at a word start (a leading `\b` or
 * word-start look-behind of each pattern is dropped): one pass over the text instead of one per
 * pattern.
 */
function timePattern(patterns: readonly string[]): RegExp {
  const alternatives = patterns.map((p) => `(?:${p.replace(/^(?:\\b|\(\?<!\[\\p\{L\}\\p\{N\}\]\))/, '')})`);
  return new RegExp(`${WORD_START}(?:${alternatives.join('|')})`, 'giu');
}
