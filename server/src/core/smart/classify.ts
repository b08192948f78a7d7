// Classifies a UPR recommendation by UPR Info's action category (1 minimal, 2 continuing,
// 3 considering, 4 general, 5 specific action) and checks it against SMART (specific, measurable,
// time-bound, one action). Pure: no I/O, no LSP, no VS Code. The verbs and phrases per category
// are data, one lexicon per language in ./lexicons (format in ./lexicons/README.md).
//
// How a category is decided, in order:
//   1. the lead-in is skipped ("The Government should", "We recommend that Kyrgyzstan",
//      "Рекомендуем Кыргызстану", "Le Gouvernement devrait", "Recomendamos a Kirguistán que");
//   2. the head action is the longest lexicon phrase at the start of what remains (adverbs such as
//      "further", "fully" skipped; "proceed with" and the like are transparent);
//   3. a head listed as object-dependent ("adopt", "establish", "implement") is specific (5) with a
//      concrete object (a law, a treaty, a body, a budget line, a percentage, a named instrument) and
//      general (4) with a vague one ("measures", "steps", "efforts"); otherwise the category it is
//      listed under. A time or a parenthetical before the object is passed over ("Establish by 2027
//      a …", "Allocate, from the 2026 budget, a …"); a programme, procedure or standard is concrete
//      when qualified ("a training programme");
//   4. a general action whose means is specific ("…, including by ratifying the Protocol") is 5;
//   5. a recommendation addressed to others (the international community, donors) is 1.

import en from './lexicons/en.json';
import es from './lexicons/es.json';
import fr from './lexicons/fr.json';
import ru from './lexicons/ru.json';
import { compileLexicon, compilePhrase, PhraseSet, type ActionCategory, type CompiledLexicon, type Entry, type ExtraVerbs, type LexiconData, type Phrase } from './lexicon';
import { detectLanguage, tokenize, type Language, type Token } from './tokens';

export type { ActionCategory } from './lexicon';
export type { Language } from './tokens';

export type ActionLabel = 'minimal action' | 'continuing action' | 'considering action' | 'general action' | 'specific action';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Classification {
  /** Given, or detected (Cyrillic → ru; French/Spanish/English by function words). */
  language: Language;
  category: ActionCategory;
  label: ActionLabel;
  /** The action verb or phrase that decided the category, as offsets into the input text. */
  action: Span | undefined;
  smart: { specific: boolean; measurable: boolean; timeBound: boolean; singleAction: boolean };
  /** Short English reason codes per SMART letter for hovers (e.g. 'time: "by 2027"'). */
  evidence: { specific?: string; measurable?: string; timeBound?: string; singleAction?: string };
  /**
   * When not singleAction: the verb of the second action, with its particle ("publish", "set up",
   * "accede to"), as offsets into the input text. `start` is where the second action starts (a
   * "split" quick fix cuts there); `end` is the end of the verb, so that an editor underlines the
   * verb only, not the rest of the recommendation.
   */
  secondAction?: Span;
}

export interface ClassifyOptions {
  language?: Language;
  /** Coalition additions to the lexicons: phrases per category, in the lexicon phrase syntax. */
  extraVerbs?: Partial<Record<Language, Partial<Record<ActionCategory, string[]>>>>;
  /**
   * The coalition's accepted terms: names of bodies, programmes and instruments ("National
   * Preventive Mechanism", "Akyikatchy", "Ombudsperson") that make an object concrete. Phrases in
   * the lexicon phrase syntax, matched case-insensitively in every language; compiled once per
   * array (pass the same array again for the fast path).
   */
  concreteTerms?: readonly string[];
}

export const LABELS: Record<ActionCategory, ActionLabel> = {
  1: 'minimal action',
  2: 'continuing action',
  3: 'considering action',
  4: 'general action',
  5: 'specific action',
};

const DATA: Record<Language, LexiconData> = {
  en: en as LexiconData,
  ru: ru as LexiconData,
  fr: fr as LexiconData,
  es: es as LexiconData,
};

const builtIn = new Map<Language, CompiledLexicon>();
const extended = new Map<string, CompiledLexicon>();
/** Fast path when the caller passes the same extraVerbs object again (settings are reused). */
const extendedByObject = new WeakMap<object, CompiledLexicon>();

function lexiconFor(language: Language, extra?: ExtraVerbs): CompiledLexicon {
  const hasExtra = extra !== undefined && extra !== null && Object.values(extra).some((list) => Array.isArray(list) && list.length > 0);
  if (!hasExtra) {
    let lex = builtIn.get(language);
    if (!lex) builtIn.set(language, (lex = compileLexicon(DATA[language])));
    return lex;
  }
  const same = extendedByObject.get(extra);
  if (same?.language === language) return same;
  const key = language + JSON.stringify(extra);
  let lex = extended.get(key);
  if (!lex) {
    if (extended.size > 32) extended.clear();
    extended.set(key, (lex = compileLexicon(DATA[language], extra)));
  }
  extendedByObject.set(extra, lex);
  return lex;
}

const termsByKey = new Map<string, PhraseSet>();
/** Fast path when the caller passes the same concreteTerms array again. */
const termsByArray = new WeakMap<object, Partial<Record<Language, PhraseSet>>>();

/** The coalition's accepted terms compiled for a language, or undefined if there are none. */
function termsFor(language: Language, terms: readonly string[] | undefined): PhraseSet | undefined {
  if (!Array.isArray(terms) || terms.length === 0) return undefined;
  const byLanguage = termsByArray.get(terms);
  const same = byLanguage?.[language];
  if (same) return same;
  const key = language + JSON.stringify(terms);
  let set = termsByKey.get(key);
  if (!set) {
    if (termsByKey.size > 32) termsByKey.clear();
    termsByKey.set(key, (set = compileTerms(terms, language)));
  }
  if (byLanguage) byLanguage[language] = set;
  else termsByArray.set(terms, { [language]: set });
  return set;
}

function compileTerms(terms: readonly unknown[], language: Language): PhraseSet {
  const set = new PhraseSet();
  for (const term of terms) {
    if (typeof term !== 'string') continue;
    // Punctuation is a word of its own in the text, so in a term too: "Akyikatchy (Ombudsperson)".
    const phrase = compilePhrase(term.replace(/([%;:,.!?()«»"“”])/g, ' $1 '), language);
    const first = phrase.slots[0];
    // A term that cannot start a match (empty, or opening with a gap) is ignored.
    if (first && !first.gap && (first.stems.size > 0 || first.prefixes.length > 0)) set.add(phrase);
  }
  return set;
}

/** For a text too short for function words: the language whose lexicon knows its first words. */
function guessLanguage(text: string): Language | undefined {
  for (const language of ['en', 'fr', 'es'] as const) {
    const tokens = tokenize(text, language);
    const lex = lexiconFor(language);
    const start = findCoreStart(tokens, lex).start;
    if (findHead(tokens, start, lex, false)) return language;
  }
  return undefined;
}

export function classifyRecommendation(text: string, options: ClassifyOptions = {}): Classification {
  const language = options.language ?? detectLanguage(text, guessLanguage);
  const lex = lexiconFor(language, options.extraVerbs?.[language]);
  const tokens = tokenize(text, language);
  const lead = findCoreStart(tokens, lex);
  const head = findHead(tokens, lead.start, lex, true);
  const times = findTimes(text, lex);
  const timeTokens = new Set<number>();
  for (let k = 0, t = 0; k < tokens.length && t < times.length; k++) {
    while (t < times.length && times[t].end <= tokens[k].start) t++;
    if (t < times.length && tokens[k].start >= times[t].start && tokens[k].end <= times[t].end) timeTokens.add(k);
  }
  const terms = termsFor(language, options.concreteTerms);
  const scan = (from: number) => scanObject(tokens, from, lex, timeTokens, terms);

  let category: ActionCategory = 4;
  let decisive: { start: number; end: number } | undefined;
  let object: ObjectHit | undefined;
  /** The lexicon entry of the deciding action (the head, or the specific means). */
  let deciding: Entry | undefined;
  if (head) {
    deciding = head.entry;
    category = head.entry.category;
    decisive = head;
    object = scan(head.end);
    if (head.entry.objectDependent || head.entry.transparent) {
      if (object?.kind === 'concrete') category = 5;
      else if (object?.kind === 'vague') category = 4;
      if (object && object.kind !== 'plain') decisive = { start: head.start, end: object.indexEnd };
    }
    if (category === 4 || category === 2) {
      // A general or continuing action whose means is a specific act: "…, including by ratifying".
      const means = findSpecificMeans(tokens, head.end, lex, scan);
      if (means) {
        category = 5;
        decisive = means.span;
        object = means.object;
        deciding = means.entry;
      }
    }
  }
  if (lead.addressee) {
    category = 1;
    decisive = lead.addressee;
  }

  const second = head ? findSecondAction(text, tokens, head, lex) : undefined;
  const singleAction = second === undefined;
  const measure = findMeasurable(tokens, lead.start, timeTokens, category === 5 ? object : undefined, lex);
  // A concrete object, or any object of a verb that is specific by itself ("release political prisoners").
  const named = object?.kind === 'concrete' || (object?.kind === 'plain' && deciding !== undefined && !deciding.objectDependent && !deciding.transparent);
  const specific = category === 5 && singleAction && named && !lead.addressee;

  const evidence: Classification['evidence'] = {};
  if (category !== 5) evidence.specific = `category: ${category}`;
  else if (!singleAction) evidence.specific = 'actions: 2';
  else if (specific && object) evidence.specific = `object: "${shorten(text.slice(tokens[object.from].start, tokens[object.to].end))}"`;
  else evidence.specific = object?.kind === 'vague' ? `object: vague "${tokens[object.index].text}"` : 'object: not concrete';
  evidence.measurable = measure ? `${measure.kind}: "${measure.text}"` : 'measure: none';
  evidence.timeBound = times.length > 0 ? `time: "${times[0].text}"` : 'time: none';
  evidence.singleAction = second ? `second action: "${second.text}"` : 'actions: 1';

  const result: Classification = {
    language,
    category,
    label: LABELS[category],
    action: decisive ? spanOf(text, tokens[decisive.start].start, tokens[decisive.end - 1].end) : undefined,
    smart: { specific, measurable: measure !== undefined, timeBound: times.length > 0, singleAction },
    evidence,
  };
  if (second) result.secondAction = second;
  return result;
}

const EVIDENCE_CHARS = 60;

function shorten(s: string): string {
  if (s.length <= EVIDENCE_CHARS) return s;
  const cut = s.lastIndexOf(' ', EVIDENCE_CHARS);
  return `${s.slice(0, cut > 20 ? cut : EVIDENCE_CHARS)}…`;
}

function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

// ---------------------------------------------------------------------------------------------
// Lead-in

interface Lead {
  start: number;
  /** Token range of an addressee other than the State under review (→ category 1). */
  addressee?: { start: number; end: number };
}

const LEAD_WINDOW = 12;
const SUBJECT_WINDOW = 8;
const SUBJECT_WORDS = 4;

const ENUMERATOR = /^(?:\d{1,3}|[a-zа-я]|[ivx]{1,4})$/u;

/** Index after a list marker such as "1." "(a)" "iv)" at the start, or 0. */
function afterEnumerator(tokens: readonly Token[]): number {
  let i = tokens[0]?.lower === '(' ? 1 : 0;
  const t = tokens[i];
  const close = tokens[i + 1];
  if (!t || !close || !ENUMERATOR.test(t.lower) || !(close.lower === ')' || close.lower === '.')) return 0;
  i += 2;
  return i < tokens.length ? i : 0;
}

function findCoreStart(tokens: readonly Token[], lex: CompiledLexicon): Lead {
  const first = afterEnumerator(tokens);
  const limit = Math.min(tokens.length, first + LEAD_WINDOW);
  for (let i = first; i < limit; i++) {
    if (!tokens[i].word) {
      // "Recommendations to the Government: ratify …"
      if (tokens[i].lower === ':' && i > first) return { start: i + 1, addressee: addresseeIn(tokens, first, i, lex) };
      break;
    }
    const adverb = lex.adverbs.longestAt(tokens, i);
    if (adverb) {
      i = adverb.end - 1;
      continue;
    }
    const rec = lex.recommend.longestAt(tokens, i);
    if (rec) return afterRecommend(tokens, rec.end, lex);
    const modal = lex.modal.longestAt(tokens, i);
    if (modal) return { start: skipConnectors(tokens, modal.end, lex), addressee: addresseeIn(tokens, first, i, lex) };
    if (lex.heads.has(tokens, i)) {
      // A short subject with no modal: "The State ratifies …", "Kyrgyzstan adopt …".
      if (i > first && i - first <= SUBJECT_WORDS && isNameLike(tokens, first, i, lex)) return { start: i, addressee: addresseeIn(tokens, first, i, lex) };
      break;
    }
  }
  return { start: first };
}

/** Tokens [from, to) are a name-like subject: capitalised words and articles ("The State"). */
function isNameLike(tokens: readonly Token[], from: number, to: number, lex: CompiledLexicon): boolean {
  for (let k = from; k < to; k++) if (!tokens[k].word || !(isCapitalised(tokens[k]) || lex.adverbs.has(tokens, k))) return false;
  return true;
}

function afterRecommend(tokens: readonly Token[], from: number, lex: CompiledLexicon): Lead {
  const j = skipConnectors(tokens, from, lex);
  const limit = Math.min(tokens.length, j + SUBJECT_WINDOW);
  let k = j;
  for (; k < limit; k++) {
    const t = tokens[k];
    if (!t.word) {
      if (t.lower === ':') return { start: k + 1, addressee: addresseeIn(tokens, j, k, lex) };
      break;
    }
    const modal = lex.modal.longestAt(tokens, k);
    if (modal) return { start: skipConnectors(tokens, modal.end, lex), addressee: addresseeIn(tokens, j, k, lex) };
    const head = lex.heads.longestAt(tokens, k);
    if (head && !head.phrase.transparent) return { start: k, addressee: addresseeIn(tokens, j, k, lex) };
    if (k > j && lex.connectors.has(tokens, k)) return { start: skipConnectors(tokens, k, lex), addressee: addresseeIn(tokens, j, k, lex) };
  }
  return { start: j, addressee: addresseeIn(tokens, j, k, lex) };
}

function skipConnectors(tokens: readonly Token[], i: number, lex: CompiledLexicon): number {
  while (i < tokens.length) {
    const c = lex.connectors.longestAt(tokens, i);
    if (!c) break;
    i = c.end;
  }
  return i;
}

function addresseeIn(tokens: readonly Token[], from: number, to: number, lex: CompiledLexicon): { start: number; end: number } | undefined {
  for (let k = from; k < to; k++) {
    const m = lex.otherAddressees.longestAt(tokens, k);
    if (m && m.end <= to) return { start: k, end: m.end };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Head action

interface Head {
  entry: Entry;
  start: number;
  end: number;
}

const HEAD_STEPS = 8;
const COMMA_WINDOW = 20;

const preferExtra = (a: Entry, b: Entry) => a.extra && !b.extra;

function findHead(tokens: readonly Token[], from: number, lex: CompiledLexicon, afterComma: boolean): Head | undefined {
  let j = from;
  let transparent: Head | undefined;
  for (let steps = 0; steps < HEAD_STEPS && j < tokens.length; steps++) {
    const t = tokens[j];
    if (!t.word) {
      if (t.lower === '.' || t.lower === ';') break;
      j++;
      continue;
    }
    const m = lex.heads.longestAt(tokens, j, preferExtra);
    if (m) {
      if (m.phrase.transparent) {
        // "Proceed with the abolition …": the action follows; if none does, the object decides.
        transparent ??= { entry: m.phrase, start: j, end: m.end };
        j = m.end;
        continue;
      }
      return { entry: m.phrase, start: j, end: m.end };
    }
    const adverb = lex.adverbs.longestAt(tokens, j) ?? lex.connectors.longestAt(tokens, j);
    if (!adverb) break;
    j = adverb.end;
  }
  if (transparent) return transparent;
  if (afterComma) {
    // A leading phrase before a comma: "As recommended in the previous review, grant …".
    const limit = Math.min(tokens.length, from + COMMA_WINDOW);
    for (let k = from; k < limit; k++) {
      if (tokens[k].lower === ',') return findHead(tokens, k + 1, lex, false);
      if (tokens[k].lower === ';' || tokens[k].lower === '.') break;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Object of the head

interface ObjectHit {
  /** concrete: a law, treaty, body, budget line…; vague: measures, steps, efforts; plain: neither. */
  kind: 'concrete' | 'vague' | 'plain';
  /** The word that decided the kind (the last word of the phrase for 'plain'), and the index after it. */
  index: number;
  indexEnd: number;
  /** First and last token of the object phrase. */
  from: number;
  to: number;
}

const OBJECT_WINDOW = 8;
/** Words at most in a parenthetical passed over before the object. */
const PARENTHETICAL_WORDS = 8;
/** Two capitals or more, digits and hyphens, maybe a plural s: CRPD, OP-CAT, ICERD, NGOs. */
const ACRONYM = /^(?=(?:[^A-ZА-ЯЁ]*[A-ZА-ЯЁ]){2})[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]*(?:-[A-ZА-ЯЁ0-9]+)*s?$/u;

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0x410 && code <= 0x42f) || code === 0x401;
}

function isAcronym(t: Token, lex: CompiledLexicon): boolean {
  return t.word && t.text.length >= 2 && isUpper(t.text.charCodeAt(0)) && ACRONYM.test(t.text) && !lex.notInstruments.has(t.lower);
}

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

/** "the Optional Protocol", "le Code pénal", "Уголовный кодекс": an instrument noun, capitalised or after a capitalised word. */
function isNamedInstrument(tokens: readonly Token[], k: number, lex: CompiledLexicon): boolean {
  if (k === 0 || !lex.instrumentNouns.has(tokens, k)) return false;
  if (isCapitalised(tokens[k])) return true;
  const prev = tokens[k - 1];
  return k - 1 > 0 && prev.word && isCapitalised(prev) && !lex.heads.has(tokens, k - 1);
}

function isConcrete(tokens: readonly Token[], k: number, first: number, lex: CompiledLexicon, terms: PhraseSet | undefined): boolean {
  const t = tokens[k];
  return lex.concrete.has(tokens, k) || terms?.has(tokens, k) === true || t.lower === '%' || isAcronym(t, lex) || isNamedInstrument(tokens, k, lex) || (lex.qualified.has(tokens, k) && isQualified(tokens, k, first, lex));
}

/**
 * A programme, procedure or standard is concrete when it is qualified: by a word before it in the
 * object phrase ("a training programme", "обязательный порядок"), or, where noun phrases put their
 * modifiers after the head, by a word or a linked complement after it ("programme de formation",
 * "procedimiento obligatorio"). Alone ("develop programmes allowing …") it is not.
 */
function isQualified(tokens: readonly Token[], k: number, first: number, lex: CompiledLexicon): boolean {
  const before = tokens[k - 1];
  if (k > first && before.word && !lex.conjunctions.has(tokens, k - 1) && !lex.adverbs.has(tokens, k - 1)) return true;
  if (!lex.headFirst) return false;
  let j = k + 1;
  const link = lex.qualifierLinks.longestAt(tokens, j);
  if (link) j = link.end;
  const after = tokens[j];
  if (!after?.word || lex.objectStops.has(tokens, j) || lex.conjunctions.has(tokens, j)) return false;
  return link !== undefined || !lex.prepositions.has(tokens, j);
}

/** Index after a comma-delimited or bracketed parenthetical that opens at k ("Allocate, from the 2026 budget, a …"), or k. */
function afterParenthetical(tokens: readonly Token[], k: number): number {
  const open = tokens[k].lower;
  const close = open === ',' ? ',' : open === '(' ? ')' : undefined;
  if (!close) return k;
  for (let j = k + 1, words = 0; j < tokens.length && words <= PARENTHETICAL_WORDS; j++) {
    const t = tokens[j];
    if (t.word) words++;
    if (t.lower === close) return j > k + 1 ? j + 1 : k;
    // Brackets may sit inside a comma-delimited one: ", as a matter of urgency (by 2026),".
    if (!t.word && t.lower !== '%' && !(close === ',' && (t.lower === '(' || t.lower === ')'))) return k;
  }
  return k;
}

/**
 * The first noun phrase after the verb (a leading preposition is passed over: "remove from the
 * Criminal Code …"; so are a time and a parenthetical before it: "establish by 2027 a …"). A
 * concrete word anywhere in it wins over a vague one: "the necessary measures and legislation", "a
 * National Action Plan".
 */
function scanObject(tokens: readonly Token[], from: number, lex: CompiledLexicon, timeTokens: ReadonlySet<number>, terms: PhraseSet | undefined): ObjectHit | undefined {
  let limit = Math.min(tokens.length, from + OBJECT_WINDOW);
  let vague = -1;
  let first = -1;
  let last = -1;
  let concrete = -1;
  let concreteEnd = -1;
  for (let k = from; k < limit; k++) {
    const t = tokens[k];
    if (first < 0) {
      // A time or a parenthetical between the verb and its object: "Establish by 2027 a …",
      // "Allocate, from the 2026 budget, a …", "Создать к 2027 году …".
      let past = k;
      while (past < tokens.length && timeTokens.has(past)) past++;
      if (past === k) past = afterParenthetical(tokens, k);
      if (past > k) {
        limit = Math.min(tokens.length, limit + past - k);
        k = past - 1;
        continue;
      }
    }
    if ((!t.word && t.lower !== '%') || timeTokens.has(k)) break;
    if (lex.objectStops.has(tokens, k)) break;
    if (lex.prepositions.has(tokens, k) && !lex.concrete.has(tokens, k)) {
      if (first >= 0) break;
      continue;
    }
    if (first < 0) {
      if (lex.adverbs.has(tokens, k)) continue;
      // A second verb sharing the object: "release immediately and rehabilitate all defenders",
      // "accede to and fully align with …", "and set up".
      const conjunction = lex.conjunctions.longestAt(tokens, k);
      if (conjunction) {
        let v = conjunction.end;
        while (v < tokens.length && lex.adverbs.has(tokens, v) && !lex.heads.has(tokens, v)) v++;
        const m = tokens[v]?.word && lex.baseForm.test(tokens[v].lower) ? lex.heads.longestAt(tokens, v) : undefined;
        if (m) {
          const end = v + leadingWords(m.phrase, m.end - v);
          limit = Math.min(tokens.length, limit + end - k);
          k = end - 1;
          continue;
        }
      }
      first = k;
    }
    last = k;
    if (concrete < 0 && isConcrete(tokens, k, first, lex, terms)) {
      concrete = k;
      concreteEnd = Math.max(k + 1, lex.concrete.longestAt(tokens, k)?.end ?? 0, terms?.longestAt(tokens, k)?.end ?? 0);
    }
    if (lex.vague.has(tokens, k) && (vague < 0 || !lex.headFirst)) vague = k;
  }
  if (first < 0) return undefined;
  if (concrete >= 0) return { kind: 'concrete', index: concrete, indexEnd: concreteEnd, from: first, to: Math.max(last, concreteEnd - 1) };
  // Vague when the head noun is vague ("effective measures", "mesures nécessaires"), not when a
  // vague word only qualifies it ("human rights defenders").
  if (vague >= 0 && vague === (lex.headFirst ? first : last)) return { kind: 'vague', index: vague, indexEnd: vague + 1, from: first, to: last };
  return { kind: 'plain', index: last, indexEnd: last + 1, from: first, to: last };
}

// ---------------------------------------------------------------------------------------------
// Specific means of a general action: "Take all measures to abolish …, including by ratifying …"

const MEANS_SKIP = 3;

function findSpecificMeans(
  tokens: readonly Token[],
  from: number,
  lex: CompiledLexicon,
  scan: (from: number) => ObjectHit | undefined,
): { span: { start: number; end: number }; object?: ObjectHit; entry: Entry } | undefined {
  for (let k = from; k < tokens.length; k++) {
    if (tokens[k].lower === ';') break;
    const marker = lex.means.longestAt(tokens, k);
    if (!marker) continue;
    let j = marker.end;
    for (let s = 0; s <= MEANS_SKIP && j < tokens.length; s++) {
      const m = lex.heads.longestAt(tokens, j, preferExtra);
      if (m && !m.phrase.transparent) {
        if (m.phrase.objectDependent) {
          const object = scan(m.end);
          if (object?.kind === 'concrete') return { span: { start: j, end: object.indexEnd }, object, entry: m.phrase };
        } else if (m.phrase.category === 5) {
          return { span: { start: j, end: m.end }, object: scan(m.end), entry: m.phrase };
        }
        break;
      }
      const adverb = lex.adverbs.longestAt(tokens, j);
      if (!adverb) break;
      j = adverb.end;
    }
    k = marker.end - 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// A second action: "Ratify the Convention and establish …", "…; adopt …"

function findSecondAction(text: string, tokens: readonly Token[], head: Head, lex: CompiledLexicon): Span | undefined {
  // After a subordinator ("in order to", "which") an "and" joins parts of that clause, not actions.
  let subordinate = false;
  for (let k = head.end; k < tokens.length; k++) {
    const t = tokens[k];
    let next = -1;
    if (t.lower === ';') {
      subordinate = false;
      next = k + 1;
    } else if (lex.subordinators.has(tokens, k)) {
      subordinate = true;
      continue;
    } else if (subordinate) continue;
    else if (t.lower === ',') next = k + 1;
    else if (k > head.end) {
      const c = lex.conjunctions.longestAt(tokens, k);
      if (c && !joinsVerbs(tokens, k, head.start, lex)) next = c.end;
    }
    if (next < 0) continue;
    let j = next;
    for (let s = 0; s < 3 && j < tokens.length; s++) {
      const skip = lex.connectors.longestAt(tokens, j) ?? adverbOnly(tokens, j, lex);
      if (!skip) break;
      j = skip.end;
    }
    const v = tokens[j];
    if (!v || !v.word || !lex.baseForm.test(v.lower)) continue;
    const m = lex.heads.longestAt(tokens, j, preferExtra);
    if (!m || m.phrase.transparent) continue;
    if (lex.nounFollowers.has(tokens, j + 1)) continue;
    const verbEnd = j + leadingWords(m.phrase, m.end - j);
    // A conjunction with no comma before it may join the last two items of a list of nouns, where
    // "sign language interpretation" is a noun: a verb there needs what starts an object after it
    // ("and sign the Protocol", "and report annually", "and report on").
    const listed = lex.nounCompounds && t.word && tokens[k - 1]?.lower !== ',' && inNounList(tokens, k, head.end, lex);
    if (listed && !startsObject(tokens, verbEnd, lex)) continue;
    return spanOf(text, v.start, tokens[verbEnd - 1].end);
  }
  return undefined;
}

/** The number of words of a matched phrase before its first gap ("set up" 2, "take * measures" 1), at most `matched`. */
function leadingWords(phrase: Phrase, matched: number): number {
  let n = 0;
  while (n < phrase.slots.length && n < matched && !phrase.slots[n].gap) n++;
  return Math.max(1, n);
}

/**
 * Whether the separator (comma or conjunction) at k continues a list of nouns: the item before it
 * runs back to a comma with no conjunction between, and that item does not start with a verb
 * ("step-free access, easy-read information and …"; not "ratify the Convention, establish …").
 */
function inNounList(tokens: readonly Token[], k: number, floor: number, lex: CompiledLexicon): boolean {
  for (let j = k - 1; j > floor; j--) {
    const t = tokens[j];
    if (t.lower === ',') {
      let i = j + 1;
      while (i < k && lex.adverbs.has(tokens, i) && !lex.heads.has(tokens, i)) {
        if (lex.connectors.has(tokens, i)) return false; // ", to limit …": an infinitive, not a noun
        i++;
      }
      return i < k && !(lex.baseForm.test(tokens[i].lower) && lex.heads.has(tokens, i));
    }
    if (!t.word || lex.conjunctions.has(tokens, j)) return false;
  }
  return false;
}

/** Whether the token at k starts the object or complement of a verb: an article, adverb, preposition, name or number, or nothing. */
function startsObject(tokens: readonly Token[], k: number, lex: CompiledLexicon): boolean {
  const t = tokens[k];
  if (!t || !t.word) return true;
  return lex.adverbs.has(tokens, k) || lex.adverbForm.test(t.lower) || lex.prepositions.has(tokens, k) || isCapitalised(t) || /\d/.test(t.text);
}

/**
 * Whether the conjunction at k joins two verbs that share what follows ("prevent and combat
 * trafficking", "release immediately and rehabilitate", "accede to and ratify"): one action.
 */
function joinsVerbs(tokens: readonly Token[], k: number, floor: number, lex: CompiledLexicon): boolean {
  let j = k - 1;
  while (j > floor && (lex.adverbs.has(tokens, j) || lex.prepositions.has(tokens, j))) j--;
  return j >= floor && j < k && tokens[j].word && lex.baseForm.test(tokens[j].lower) && lex.heads.has(tokens, j) && !lex.adverbs.has(tokens, j);
}

function adverbOnly(tokens: readonly Token[], j: number, lex: CompiledLexicon): { end: number } | undefined {
  const a = lex.adverbs.longestAt(tokens, j);
  // Articles are in the adverb list for head finding; a second action starts with a verb.
  if (a && lex.baseForm.test(tokens[j].lower) && !lex.heads.has(tokens, j)) return a;
  // An adverb by its form: "and annually publish", "и ежегодно публиковать", "et régulièrement publier".
  if (tokens[j].word && lex.adverbForm.test(tokens[j].lower) && !lex.heads.has(tokens, j)) return { end: j + 1 };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Time and measure

function findTimes(text: string, lex: CompiledLexicon): Span[] {
  const found: Span[] = [];
  const re = lex.time;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    found.push(spanOf(text, m.index, m.index + m[0].length));
  }
  return found;
}

const YEAR = /^(?:19|20)\d{2}(?:[-–](?:19|20)?\d{2})?$/;

interface Measure {
  kind: 'number' | 'indicator' | 'instrument' | 'output';
  text: string;
}

function findMeasurable(tokens: readonly Token[], from: number, timeTokens: ReadonlySet<number>, object: ObjectHit | undefined, lex: CompiledLexicon): Measure | undefined {
  let instrument: Measure | undefined;
  let indicator: Measure | undefined;
  let identifier = -1;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (timeTokens.has(k)) continue;
    if (t.word && /\d/.test(t.text)) {
      // A year names a document or an event, not a quantity ("the 2011 Law", "the events of 2010").
      if (YEAR.test(t.text)) continue;
      // A number after an instrument noun is an identifier: "article 10", "resolution 1325",
      // and so are the numbers listed after it ("articles 400 and 403").
      if (k > 0 && tokens[k - 1].word && lex.instrumentNouns.has(tokens, k - 1)) {
        instrument ??= { kind: 'instrument', text: `${tokens[k - 1].text} ${t.text}` };
        identifier = k;
        continue;
      }
      if (identifier >= 0 && identifier >= k - 2) {
        identifier = k;
        continue;
      }
      return { kind: 'number', text: tokens[k + 1]?.lower === '%' ? `${t.text} %` : t.text };
    }
    if (!indicator && lex.indicators.has(tokens, k)) indicator = { kind: 'indicator', text: t.text };
    if (!instrument && k > from && (isAcronym(t, lex) || isNamedInstrument(tokens, k, lex))) {
      instrument = { kind: 'instrument', text: t.text };
    }
  }
  if (indicator) return indicator;
  if (instrument) return instrument;
  if (object?.kind === 'concrete') return { kind: 'output', text: tokens[object.index].text };
  return undefined;
}
