// Tokens, light stemmers and language detection for the recommendation classifier.
// Pure functions: no I/O. Stems only need to be consistent between the lexicons and the text,
// not linguistically exact: the lexicon words go through the same stemmer as the text.

export type Language = 'en' | 'ru' | 'fr' | 'es';

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower case (ё folded to е). */
  lower: string;
  /** Stem of `lower` for the token's language (punctuation: the character itself). */
  stem: string;
  start: number;
  end: number;
  /** A word or number, as opposed to punctuation. */
  word: boolean;
}

const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;

const PUNCTUATION = new Set(['%', ';', ':', ',', '.', '!', '?', '(', ')', '«', '»', '"', '“', '”']);
const JOINERS = new Set([0x2d /* - */, 0x27 /* ' */, 0x2019 /* ’ */, 0x2011 /* non-breaking hyphen */]);

// Character classes, filled in lazily: 1 letter or digit, 2 combining mark, 3 other.
const classes = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

function charClass(code: number): number {
  let c = classes[code];
  if (c === 0) {
    // Surrogates (letters outside the BMP) count as letters, so that they never split a word.
    const ch = String.fromCharCode(code);
    c = (code >= 0xd800 && code <= 0xdfff) || LETTER_OR_DIGIT.test(ch) ? 1 : MARK.test(ch) ? 2 : 3;
    classes[code] = c;
  }
  return c;
}

/**
 * Words (a letter or digit, then letters, digits and combining marks, joined by - ' ’) and the
 * punctuation that matters (% ; : , . ! ? ( ) « » " “ ”). French elisions (l', d', qu') are split off.
 */
export function tokenize(text: string, language: Language): Token[] {
  const stem = stemmerFor(language);
  const tokens: Token[] = [];
  // Lower-case and fold the text once when that keeps every offset (it does but for a few letters like İ).
  let lowerText = text.toLowerCase();
  const sameLength = lowerText.length === text.length;
  if (sameLength) lowerText = refold(lowerText);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? asciiClass(code) : charClass(code);
    if (cls !== 1) {
      if (cls === 3) {
        const ch = text[i];
        if (PUNCTUATION.has(ch)) tokens.push({ text: ch, lower: ch, stem: ch, start: i, end: i + 1, word: false });
      }
      i++;
      continue;
    }
    let end = i + 1;
    for (;;) {
      while (end < n) {
        const c = text.charCodeAt(end);
        const k = c < 128 ? asciiClass(c) : charClass(c);
        if (k !== 1 && k !== 2) break;
        end++;
      }
      if (end + 1 < n && JOINERS.has(text.charCodeAt(end))) {
        const c = text.charCodeAt(end + 1);
        const k = c < 128 ? asciiClass(c) : charClass(c);
        if (k === 1 || k === 2) {
          end += 2;
          continue;
        }
      }
      break;
    }
    let start = i;
    let value = text.slice(start, end);
    if (language === 'fr' && (value.includes("'") || value.includes('’'))) {
      const e = ELISION.exec(value);
      if (e) {
        const head = e[0];
        const lower = fold(head);
        tokens.push({ text: head, lower, stem: lower, start, end: start + head.length, word: true });
        start += head.length;
        value = value.slice(head.length);
      }
    }
    const lower = sameLength ? lowerText.slice(start, end) : fold(value);
    tokens.push({ text: value, lower, stem: stem(lower), start, end, word: true });
    i = end;
  }
  return tokens;
}

function asciiClass(code: number): number {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 3;
}

function fold(value: string): string {
  return refold(value.toLowerCase());
}

/** ё → е, ’ → ', non-breaking hyphen → -: each keeps the length. */
function refold(lower: string): string {
  if (lower.includes('ё')) lower = lower.replace(/ё/g, 'е');
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  if (lower.includes('‑')) lower = lower.replace(/‑/g, '-');
  return lower;
}

type Stemmer = (lower: string) => string;

const memo: Record<Language, Map<string, string>> = { en: new Map(), ru: new Map(), fr: new Map(), es: new Map() };
const stemmers: Record<Language, Stemmer> = {
  en: memoised('en', stemEnglish),
  ru: memoised('ru', stemRussian),
  fr: memoised('fr', stemFrench),
  es: memoised('es', stemSpanish),
};

function memoised(language: Language, stem: Stemmer): Stemmer {
  const cache = memo[language];
  return (lower) => {
    let s = cache.get(lower);
    if (s === undefined) {
      s = stem(lower);
      if (cache.size < 50_000) cache.set(lower, s);
    }
    return s;
  };
}

export function stemmerFor(language: Language): Stemmer {
  return stemmers[language];
}

/** Stems a lexicon word (any case) the way the text's tokens are stemmed. */
export function stemWord(word: string, language: Language): string {
  return stemmers[language](fold(word));
}

const VOWEL = /[aeiouy]/;

function stemEnglish(w: string): string {
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("s'")) w = w.slice(0, -1);
  if (w.length > 6) w = w.replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1');
  if (w.length <= 3 || /\d/.test(w)) return w;
  if ((w.endsWith('ies') || w.endsWith('ied')) && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ying') && w.length > 5) w = w.slice(0, -4) + 'y';
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  else if (/(ss|us|is)$/.test(w)) return w;
  else if (/(sses|ches|shes|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return w.length > 3 && /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

const RU_SUFFIXES = [
  'овать', 'евать', 'уйте', 'юйте', 'айте', 'яйте', 'ейте', 'ьте', 'ите',
  'ать', 'ять', 'ить', 'еть', 'уть', 'ыть', 'ти',
  'ует', 'уют', 'ают', 'яют', 'уя', 'юя', 'ет', 'ит', 'ут', 'ют', 'ат', 'ят',
  'ала', 'ила', 'ела', 'али', 'или', 'ели', 'ал', 'ил', 'ел',
  'ыми', 'ими', 'ами', 'ями', 'ого', 'его', 'ому', 'ему',
  'ая', 'яя', 'ое', 'ее', 'ой', 'ый', 'ий', 'ые', 'ие', 'ых', 'их', 'ым', 'им', 'ую', 'юю',
  'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ом', 'ем', 'ей', 'ию', 'ия', 'ии', 'ью',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'й', 'ь',
];

function stemRussian(w: string): string {
  if (w.length > 5 && (w.endsWith('ся') || w.endsWith('сь'))) w = w.slice(0, -2);
  for (const suffix of RU_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return w.slice(0, -suffix.length);
  }
  return w;
}

function stripAccents(w: string): string {
  return w.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe');
}

const FR_SUFFIXES = [
  'issantes', 'issante', 'issants', 'issant', 'issent', 'issons', 'issez', 'isses', 'isse',
  'eant', 'ant', 'ent', 'ees', 'ee', 'er', 'ez', 'es', 'e', 'ir', 'is', 'it', 'i', 're', 's', 'x',
];

function stemFrench(w: string): string {
  w = stripAccents(w);
  for (const suffix of FR_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

const ES_SUFFIXES = [
  'iendo', 'ando', 'ados', 'adas', 'idos', 'idas', 'ado', 'ada', 'ido', 'ida',
  'ar', 'er', 'ir', 'en', 'an', 'es', 'as', 'os', 'e', 'a', 'o', 's',
];

function stemSpanish(w: string): string {
  w = stripAccents(w);
  if (w.length > 5 && /(arse|erse|irse)$/.test(w)) w = w.slice(0, -2);
  for (const suffix of ES_SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.endsWith('qu')) w = w.slice(0, -2) + 'c';
  else if (w.endsWith('gu')) w = w.slice(0, -1);
  else if (w.endsWith('z')) w = w.slice(0, -1) + 'c';
  return w;
}

// Language detection: Cyrillic is Russian; otherwise function words that belong to one of the
// three Latin-script languages only, with a little help from letters only one of them uses.
const FUNCTION_WORDS: Record<'en' | 'fr' | 'es', Set<string>> = {
  en: new Set('the of and to in for with on its an that all by as be is are this their which should from'.split(' ')),
  fr: new Set("le les des du et à au aux pour sur dans une est afin ses son sa leur d' l' qu' ainsi ou par ce cette qui devrait".split(' ')),
  es: new Set('el los las del y para por una con sus su al lo como sobre e o entre que se debería este esta'.split(' ')),
};
// Words shared by French and Spanish ("de", "la", "en", "un", "que") decide nothing.

/**
 * Detects the language of a recommendation. `guess` decides when function words are too few to (a
 * text of a few words): the classifier passes a check of the first words against its lexicons.
 */
export function detectLanguage(text: string, guess?: (text: string) => Language | undefined): Language {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (cyrillic > 0 && cyrillic >= latin / 3) return 'ru';
  const score = { en: 0, fr: 0, es: 0 };
  const words = text.toLowerCase().replace(/’/g, "'").match(/[a-zà-ÿñ]+'?/g) ?? [];
  for (const w of words) {
    if (FUNCTION_WORDS.en.has(w)) score.en++;
    if (FUNCTION_WORDS.fr.has(w)) score.fr++;
    if (FUNCTION_WORDS.es.has(w)) score.es++;
  }
  if (/[ñ¿¡áíóú]/i.test(text)) score.es += 1;
  if (/[èêçœùûâîô]/i.test(text)) score.fr += 1;
  if (Math.max(score.en, score.fr, score.es) < 2 && guess) {
    // Too little to go on ("Poner fin a la impunidad"): ask the lexicons, keep the scores if they cannot tell.
    const guessed = guess(text);
    if (guessed) return guessed;
  }
  if (score.fr > score.en && score.fr >= score.es) return 'fr';
  if (score.es > score.en && score.es > score.fr) return 'es';
  return 'en';
}
