// The States a submission can be about: the 193 UN Member States and the two observer States, for
// the front matter's `state` and for telling which records of the index concern one State when
// sources write its name otherwise or give no code. Pure: no LSP, no VS Code.
//
// Data: ./states.json, the project's own file:
//
//   { "states": [{ "code": "IRN", "name": "Iran (Islamic Republic of)", "otherNames": ["Iran", …],
//                  "russianNames": ["Иран (Исламская Республика)", "Иран", …] },
//                { "code": "VAT", "name": "Holy See", "otherNames": ["Vatican", …],
//                  "russianNames": ["Святой Престол", "Ватикан", …], "observer": true }, …] }
//
// - `code`: ISO 3166-1 alpha-3.
// - `name`: the UN short name in English, as UN documents and UPR Info write it ("Türkiye", "Viet
//   Nam", "Netherlands (Kingdom of the)").
// - `otherNames`: names that writers and exports use besides ("Turkey", "Vietnam", "UK", the ISO
//   forms "Korea, Republic of", the names of earlier UN documents "Libyan Arab Jamahiriya").
// - `russianNames`: at least one; first the UN short name in Russian, as UN Russian documents write
//   it ("Кыргызстан", "Российская Федерация", "Иран (Исламская Республика)", "Соединенные Штаты
//   Америки", with "е" for "ё"), then the other names Russian writers use ("Киргизия", "Россия",
//   "США", "Белоруссия"), the earlier ones of UN documents ("Свазиленд") and, where the UN's
//   Russian usage is in flux, both ("Турция", "Тюркийе").
// Names are compared as `stateKey` compares them, Cyrillic as Latin: case, accents, punctuation and a
// leading "the" do not count ("Соединённые" is "Соединенные", "Кот-д’Ивуар" is "Кот-д'Ивуар"); no two
// States share a name, in either language.

import { closest } from '../closest';
import data from './states.json';
import { isStateCode, stateKey } from './records';

export interface UnState {
  /** ISO 3166-1 alpha-3. */
  code: string;
  /** The UN short name in English. */
  name: string;
  /** Other names in use, in English. */
  otherNames: string[];
  /** The UN short name in Russian, then the other names in use in Russian. */
  russianNames: string[];
  /** The Holy See and the State of Palestine, observer States of the UN. */
  observer?: boolean;
}

const STATES: readonly UnState[] = (data as { states: UnState[] }).states;
const BY_CODE = new Map(STATES.map((state) => [state.code, state]));
const BY_NAME = new Map(STATES.flatMap((state) => namesOf(state).map((name) => [stateKey(name), state] as const)));
const ALL_NAMES = STATES.flatMap(namesOf);

/** A State's UN short name, its other names, then its Russian names. */
export function namesOf(state: UnState): string[] {
  return [state.name, ...state.otherNames, ...state.russianNames];
}

/**
 * The State a front matter's `state` or a source's State stands for: an ISO 3166-1 alpha-3 code
 * in capitals (`SVN`) or any of its names (`Slovenia`, `Republic of Slovenia`, `Словения`);
 * undefined for anything the list does not know. Three capitals that are no code are tried as a
 * name (`UAE`).
 */
export function findState(nameOrCode: string): UnState | undefined {
  const trimmed = nameOrCode.trim();
  return (isStateCode(trimmed) ? BY_CODE.get(trimmed) : undefined) ?? BY_NAME.get(stateKey(trimmed));
}

/**
 * The States most alike an unknown name, for "did you mean", most alike first ("Kyrgystan" →
 * Kyrgyzstan, "Кыргыстан" → Kyrgyzstan); a code written in small letters (`svn`) gives its State.
 */
function closestStates(value: string, limit = 3): UnState[] {
  const found = new Set<UnState>();
  const code = BY_CODE.get(value.trim().toUpperCase());
  if (code) found.add(code);
  // Every name competes, so that "Kyrgys Republic" finds Kyrgyzstan by its other name.
  for (const name of closest(value, ALL_NAMES, ALL_NAMES.length, 0.6)) found.add(BY_NAME.get(stateKey(name))!);
  return [...found].slice(0, limit);
}

/**
 * The names to suggest for an unknown name, most alike first: in Russian for a name written in
 * Cyrillic, in English otherwise.
 */
export function suggestedStateNames(value: string): string[] {
  const cyrillic = /\p{Script=Cyrillic}/u.test(value);
  return closestStates(value).map((state) => (cyrillic ? state.russianNames[0] : state.name));
}
