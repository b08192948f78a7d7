// Whom a recommendation addresses: "We recommend that Kazakhstan ...". Only this explicit form is
// read: "Schools should ..." names no State, and telling the two apart would need a list of names.
// A coalition's recommendations are for the State under review; naming another State is a slip
// (often a paragraph copied from another submission). English lead-ins only: other languages
// inflect the name ("Рекомендуем Кыргызстану") and are left alone.

const LEAD_INS = [
  /^\s*(?:[Ww]e\s+)?[Rr]ecommends?\s+(?:that\s+|to\s+)?(?:[Tt]he\s+)?(?:[Gg]overnment\s+of\s+(?:the\s+)?)?(?<name>[A-Z][\p{L}'’-]+(?:\s+(?:of\s+|and\s+)?[A-Z][\p{L}'’-]+)*)/u,
];

// Addressees that are the State under review whatever its name.
const GENERIC = /^(?:the\s+)?(?:government|state|authorities|parliament|president|ministry|ministries|national\s+assembly|cabinet|prosecutor|police|courts?|judiciary|legislature|it|they|we)\b/i;

/**
 * The State a recommendation names as its addressee, with its offset, when that is not the State
 * under review. Given an ISO code, only a name that cannot be that code is reported.
 */
export function otherAddressee(text: string, state: string | undefined): { name: string; start: number } | undefined {
  if (!state?.trim()) return undefined;
  for (const pattern of LEAD_INS) {
    const match = pattern.exec(text);
    const name = match?.groups?.name;
    if (!match || !name || GENERIC.test(name)) continue;
    const differs = /^[A-Z]{3}$/.test(state.trim()) ? !couldBeCode(name, state.trim()) : !sameState(name, state);
    return differs ? { name, start: match.index + match[0].length - name.length } : undefined;
  }
  return undefined;
}

/** ISO 3166 codes mostly take their letters, in order, from the English name: KGZ in Kyrgyzstan. */
function couldBeCode(name: string, code: string): boolean {
  const letters = name.toLowerCase();
  if (letters[0] !== code[0].toLowerCase()) return true; // DEU for Germany: not knowable, so not reported
  let at = 0;
  for (const letter of code.toLowerCase()) {
    at = letters.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** "Kyrgyzstan", "the Kyrgyz Republic": loose enough for the names writers use. */
function sameState(name: string, state: string): boolean {
  const normalise = (value: string) => value.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
  const a = normalise(name);
  const b = normalise(state);
  if (a === b || a.startsWith(b) || b.startsWith(a)) return true;
  // A shared stem of five letters: "Kyrgyz Republic" and "Kyrgyzstan".
  return a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5);
}
