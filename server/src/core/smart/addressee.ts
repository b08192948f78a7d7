// Whom a recommendation addresses: "We recommend that Kazakhstan ...". Only this explicit form is
// read, and only a name in the list of States counts (references/states.ts): "We recommend that
// UNICEF ..." names no State. A coalition's recommendations are for the State under review; naming
// another State is a slip (often a paragraph copied from another submission). English lead-ins
// only: other languages inflect the name ("Рекомендуем Кыргызстану") and are left alone.

import { findState } from '../references/states';

const LEAD_INS = [
  /^\s*(?:[Ww]e\s+)?[Rr]ecommends?\s+(?:that\s+|to\s+)?(?:[Tt]he\s+)?(?:[Gg]overnment\s+of\s+(?:the\s+)?)?(?<name>[A-Z][\p{L}'’-]+(?:\s+(?:of\s+|and\s+)?[A-Z][\p{L}'’-]+)*)/u,
];

/**
 * The State a recommendation names as its addressee, with its offset, when that is not the State
 * under review; nothing when either is not in the list of States ("Kyrgyz Republic" and `KGZ` are
 * Kyrgyzstan).
 */
export function otherAddressee(text: string, state: string | undefined): { name: string; start: number } | undefined {
  for (const pattern of LEAD_INS) {
    const match = pattern.exec(text);
    const name = match?.groups?.name;
    const named = name ? findState(name) : undefined;
    if (!match || !name || !named) continue;
    const underReview = state ? findState(state) : undefined;
    return underReview && named.code !== underReview.code ? { name, start: match.index + match[0].length - name.length } : undefined;
  }
  return undefined;
}
