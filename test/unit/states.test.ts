// The list of States (server/src/core/references/states.ts and states.json) against the shared
// data (../shared/data/upr beside the repository, read in place): every State under review and
// every recommending State there is one of the list, and a submission on `SVN` citing Slovenia's
// records, which an OHCHR thematic list gives without a code, is not told they are another State's.
// Every State has Russian names too (Кыргызстан, Киргизия), which find it and its records.

import assert from 'node:assert/strict';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import { RecommendationIndex } from '../../server/src/core/references/recommendationIndex';
import { stateKey } from '../../server/src/core/references/records';
import data from '../../server/src/core/references/states.json';
import { findState, namesOf, suggestedStateNames, type UnState } from '../../server/src/core/references/states';

/** The list as shipped: the 193 UN Member States and the two observer States. */
const unStates = (): readonly UnState[] => (data as { states: UnState[] }).states;
import { frontMatter } from './helpers';
import { centralAsiaRecords, sloveniaRecords } from './sharedData';

const centralAsia = centralAsiaRecords();
const slovenia = sloveniaRecords();

/** The names of the shared data that are not the UN short name of their State, with its code. */
const OTHER_NAMES_IN_SHARED_DATA: Record<string, string> = {
  'Bolivarian Republic of Venezuela': 'VEN',
  'Czech Republic': 'CZE',
  'DPR Korea': 'PRK',
  Iran: 'IRN',
  'Islamic Republic of Iran': 'IRN',
  'Kingdom of the Netherlands': 'NLD',
  Laos: 'LAO',
  Moldova: 'MDA',
  Netherlands: 'NLD',
  Palestine: 'PSE',
  Turkey: 'TUR',
  'United Kingdom': 'GBR',
  'United States': 'USA',
  Venezuela: 'VEN',
  'the former Yugoslav Republic of Macedonia': 'MKD',
};

type NameAndCode = [name: string, code: string];

/** Each name finds the State of its code. */
function assertCodes(expected: NameAndCode[]): void {
  assert.deepEqual(
    expected.map(([name]) => [name, findState(name)?.code]),
    expected,
  );
}

describe('the list of States', () => {
  it('holds the 193 UN Member States and the two observer States, each code once', () => {
    const states = unStates();
    assert.equal(states.length, 195);
    assert.equal(new Set(states.map((state) => state.code)).size, 195);
    for (const state of states) assert.match(state.code, /^[A-Z]{3}$/);
    assert.deepEqual(
      states.filter((state) => state.observer).map((state) => [state.code, state.name]),
      [
        ['VAT', 'Holy See'],
        ['PSE', 'State of Palestine'],
      ],
    );
  });

  it('gives no name to two States', () => {
    const owner = new Map<string, string>();
    for (const state of unStates()) {
      for (const name of namesOf(state)) {
        const key = stateKey(name);
        assert.ok(!owner.has(key) || owner.get(key) === state.code, `"${name}" is ${owner.get(key)}'s and ${state.code}'s`);
        owner.set(key, state.code);
      }
    }
  });

  it('writes UN short names as UN documents do', () => {
    const names = Object.fromEntries(unStates().map((state) => [state.code, state.name]));
    assert.equal(names.IRN, 'Iran (Islamic Republic of)');
    assert.equal(names.TUR, 'Türkiye');
    assert.equal(names.VNM, 'Viet Nam');
    assert.equal(names.MDA, 'Republic of Moldova');
    assert.equal(names.GBR, 'United Kingdom of Great Britain and Northern Ireland');
    assert.equal(names.CIV, "Côte d'Ivoire");
    assert.equal(names.CZE, 'Czechia');
    assert.equal(names.SWZ, 'Eswatini');
    assert.equal(names.MKD, 'North Macedonia');
    assert.equal(names.CPV, 'Cabo Verde');
  });

  it('knows the other names writers and exports use', () => {
    const expected: NameAndCode[] = [
      ['Iran', 'IRN'],
      ['Turkey', 'TUR'],
      ['Turkiye', 'TUR'],
      ['Vietnam', 'VNM'],
      ['Moldova', 'MDA'],
      ['United Kingdom', 'GBR'],
      ['UK', 'GBR'],
      ['Ivory Coast', 'CIV'],
      ['Cote d’Ivoire', 'CIV'],
      ['Czech Republic', 'CZE'],
      ['Russia', 'RUS'],
      ['Kyrgyz Republic', 'KGZ'],
      ['Kirghizia', 'KGZ'],
      ['Laos', 'LAO'],
      ['North Korea', 'PRK'],
      ['South Korea', 'KOR'],
      ['Syria', 'SYR'],
      ['Tanzania', 'TZA'],
      ['Bolivia', 'BOL'],
      ['Venezuela', 'VEN'],
      ['Swaziland', 'SWZ'],
      ['Macedonia', 'MKD'],
      ['Cape Verde', 'CPV'],
      ['East Timor', 'TLS'],
      ['Vatican', 'VAT'],
      ['the Gambia', 'GMB'],
      ['Trinidad & Tobago', 'TTO'],
      ['  republic of slovenia ', 'SVN'],
      ['UAE', 'ARE'],
      ['Congo', 'COG'],
      ['DR Congo', 'COD'],
    ];
    assertCodes(expected);
  });

  it('gives every State its UN short name in Russian first, then the Russian names in use', () => {
    for (const state of unStates()) {
      assert.ok(state.russianNames.length >= 1, `${state.code} has no Russian name`);
      for (const name of state.russianNames) assert.match(name, /[а-яё]/i, `${state.code}: "${name}" is not Russian`);
      assert.equal(new Set(state.russianNames.map(stateKey)).size, state.russianNames.length, `${state.code} repeats a Russian name`);
    }
    const names = Object.fromEntries(unStates().map((state) => [state.code, state.russianNames[0]]));
    assert.equal(names.KGZ, 'Кыргызстан');
    assert.equal(names.RUS, 'Российская Федерация');
    assert.equal(names.USA, 'Соединенные Штаты Америки');
    assert.equal(names.GBR, 'Соединенное Королевство Великобритании и Северной Ирландии');
    assert.equal(names.IRN, 'Иран (Исламская Республика)');
    assert.equal(names.MDA, 'Республика Молдова');
    assert.equal(names.BLR, 'Беларусь');
    assert.equal(names.CIV, "Кот-д'Ивуар");
    assert.equal(names.VAT, 'Святой Престол');
    assert.equal(names.PSE, 'Государство Палестина');
  });

  it('knows the Russian names writers use, with or without "ё"', () => {
    const expected: NameAndCode[] = [
      ['Кыргызстан', 'KGZ'],
      ['Киргизия', 'KGZ'],
      ['Кыргызская Республика', 'KGZ'],
      ['Российская Федерация', 'RUS'],
      ['Россия', 'RUS'],
      ['Соединенные Штаты Америки', 'USA'],
      ['Соединённые Штаты Америки', 'USA'],
      ['США', 'USA'],
      ['Соединённое Королевство', 'GBR'],
      ['Великобритания', 'GBR'],
      ['Беларусь', 'BLR'],
      ['Белоруссия', 'BLR'],
      ['Иран', 'IRN'],
      ['Молдова', 'MDA'],
      ['Молдавия', 'MDA'],
      ['Турция', 'TUR'],
      ['Тюркийе', 'TUR'],
      ['Кот-д’Ивуар', 'CIV'],
      ['Чехия', 'CZE'],
      ['Северная Македония', 'MKD'],
      ['Объединённые Арабские Эмираты', 'ARE'],
      ['Конго', 'COG'],
      ['Демократическая Республика Конго', 'COD'],
      ['КНДР', 'PRK'],
      ['Республика Корея', 'KOR'],
      ['Ватикан', 'VAT'],
      ['Палестина', 'PSE'],
      ['  казахстан ', 'KAZ'],
      ['Таджикистан', 'TJK'],
      ['Туркменистан', 'TKM'],
      ['Узбекистан', 'UZB'],
      ['Словения', 'SVN'],
    ];
    assertCodes(expected);
  });

  it('takes three capitals as a code and anything else as a name', () => {
    assert.equal(findState('SVN')?.name, 'Slovenia');
    assert.equal(findState(' KGZ ')?.name, 'Kyrgyzstan');
    assert.equal(findState('svn'), undefined);
    assert.equal(findState('XKX'), undefined);
    assert.equal(findState('Narnia'), undefined);
    assert.equal(findState(''), undefined);
  });

  it('knows every State under review of the shared data by its code and by its name', () => {
    const pairs = new Map<string, string>();
    for (const record of centralAsia) pairs.set(`${record.stateCode}|${record.state}`, record.stateCode!);
    assert.deepEqual([...pairs.keys()].sort(), ['KAZ|Kazakhstan', 'KGZ|Kyrgyzstan', 'TJK|Tajikistan', 'TKM|Turkmenistan', 'UZB|Uzbekistan']);
    for (const key of pairs.keys()) {
      const [code, name] = key.split('|');
      assert.equal(findState(code)?.code, code);
      assert.equal(findState(name)?.code, code, name);
    }
    assert.deepEqual([...new Set(slovenia.map((record) => record.state))], ['Slovenia']);
    assert.equal(findState('Slovenia')?.code, 'SVN');
  });

  it('knows every recommending State of the shared data, as the right State', () => {
    const names = new Set([...centralAsia, ...slovenia].flatMap((record) => record.recommendingStates));
    assert.ok(names.size > 140, `${names.size} names`);
    for (const name of names) {
      const state = findState(name);
      assert.ok(state, `"${name}" is not in the list`);
      if (stateKey(state.name) === stateKey(name)) continue;
      assert.equal(state.code, OTHER_NAMES_IN_SHARED_DATA[name], `"${name}" taken for ${state.name}`);
    }
  });

  it('suggests the States most alike an unknown name', () => {
    assert.equal(suggestedStateNames('Kyrgystan')[0], 'Kyrgyzstan');
    assert.equal(suggestedStateNames('Slovenija')[0], 'Slovenia');
    assert.equal(suggestedStateNames('Kyrgys Republic')[0], 'Kyrgyzstan');
    assert.equal(suggestedStateNames('svn')[0], 'Slovenia');
    assert.equal(suggestedStateNames('Кыргыстан')[0], 'Кыргызстан');
    assert.equal(suggestedStateNames('Россиская Федерация')[0], 'Российская Федерация');
    assert.equal(suggestedStateNames('Белорусия')[0], 'Беларусь');
    assert.deepEqual(suggestedStateNames('Narnia'), []);
    assert.deepEqual(suggestedStateNames('Нарния'), []);
  });
});

describe('references/other-state, by any name or code of the State under review', () => {
  const index = new RecommendationIndex([...centralAsia, ...slovenia]);
  const library = { index, sampleFiles: new Set<string>() };
  const citing = (state: string) =>
    `${frontMatter().replace('state: Kyrgyzstan', `state: ${state}`)}
## Executive summary

1. Slovenia noted A/HRC/59/15, para. 140.253.

## Recommendations

- Ratify the Optional Protocol by 2027.
`;
  const codesFor = (state: string) => analyseText(citing(state), resolveConfig({}), library).diagnostics.map((finding) => finding.code);

  it('finds the records of the State under review by its Russian name', () => {
    const kyrgyzstan = index.forState('Kyrgyzstan');
    assert.equal(kyrgyzstan.length, 175);
    for (const state of ['Кыргызстан', 'Киргизия', 'кыргызская республика']) assert.deepEqual(index.forState(state), kyrgyzstan, state);
    assert.equal(index.forState('Словения').length, 632);
    assert.ok(!codesFor('Словения').includes('references/other-state'));
  });

  it('does not report a recommendation made to SVN as made to another State', () => {
    // OHCHR's thematic lists give the State's name only.
    assert.equal(slovenia.filter((record) => record.stateCode).length, 0);
    for (const state of ['SVN', 'Slovenia', 'Republic of Slovenia']) {
      assert.ok(!codesFor(state).includes('references/other-state'), state);
    }
    assert.ok(codesFor('KGZ').includes('references/other-state'));
  });

  it("says a reference to another State's item was made to that State, even when the item is ambiguous", () => {
    const codesCiting = (state: string) =>
      analyseText(citing(state).replace('A/HRC/59/15, para. 140.253', 'A/HRC/19/3, para. 88.1'), resolveConfig({}), library).diagnostics.map((finding) => finding.code);
    // Four records with four wordings from Tajikistan's first review, none from the report itself.
    assert.equal(index.resolve('A/HRC/19/3', '88.1').ambiguous, true);
    assert.ok(codesCiting('Kyrgyzstan').includes('references/other-state'));
    assert.ok(!codesCiting('Kyrgyzstan').includes('references/ambiguous'));
    assert.ok(codesCiting('Tajikistan').includes('references/ambiguous'));
  });

  it('tells of an unknown paragraph only in a series of documents the index holds', () => {
    const codesCiting = (reference: string) =>
      analyseText(citing('Slovenia').replace('A/HRC/59/15, para. 140.253', reference), resolveConfig({}), library).diagnostics.map((finding) => finding.code);
    // UPR reports are held: a paragraph missing from one is most likely a typo.
    assert.ok(codesCiting('A/HRC/59/15, para. 140.999').includes('references/unknown'));
    assert.ok(codesCiting('A/HRC/98/1, para. 1.1').includes('references/unknown'));
    // No concluding observations of a treaty body were imported: nothing to check them against.
    assert.equal(index.holdsSeries('CAT/C/SVN/CO/3'), false);
    assert.ok(!codesCiting('CAT/C/SVN/CO/3, para. 12').includes('references/unknown'));
  });

  it('leaves references alone when the State under review is a typo, which the front matter is told of', () => {
    for (const state of ['Slovnia', 'Словения1']) {
      const codes = codesFor(state);
      assert.ok(codes.includes('front-matter/unknown-state'), state);
      assert.ok(!codes.includes('references/other-state'), state);
    }
  });
});
