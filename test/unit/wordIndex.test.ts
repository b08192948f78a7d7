// The word index of recommendation texts (server/src/core/references/wordIndex.ts) fills
// minisearch's fields itself, to build and restore faster: what it builds must be what
// minisearch's own `addAll` would have, on real texts of the shared data, and what it restores
// what it built.

import assert from 'node:assert/strict';
import MiniSearch, { type Options } from 'minisearch';
import type { WordRules } from '../../server/src/core/references/vocabulary';
import { WordIndex, type IndexedText } from '../../server/src/core/references/wordIndex';
import { centralAsiaRecords, sloveniaRecords } from './sharedData';

const texts: IndexedText[] = [
  ...centralAsiaRecords(),
  ...sloveniaRecords(),
].map((record, id) => ({ id, text: record.text }));

/** Words as the recommendation index takes them, repeated words included: some texts have a word twice. */
const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1 && word !== 'the');
const options: Options<IndexedText> = { fields: ['text'], tokenize: wordsOf, processTerm: (word) => word };
const rules: WordRules = { split: wordsOf, stopWords: ['the'], shortest: 2 };

function minisearchOwn(documents: IndexedText[]): MiniSearch<IndexedText> {
  const index = new MiniSearch(options);
  index.addAll(documents);
  return index;
}

/** Either index: ours or minisearch's own. */
type Index = Pick<MiniSearch<IndexedText>, 'search' | 'toJSON'>;

const asJson = (index: Index) => JSON.parse(JSON.stringify(index)) as { index: [string, unknown][] };
/** The same, words in alphabetical order: a radix tree lists its words in an order that depends on how they were put in. */
const sortedJson = (index: Index) => {
  const json = asJson(index);
  return { ...json, index: json.index.sort(([a], [b]) => (a < b ? -1 : 1)) };
};
const scores = (index: Index, query: string) =>
  index.search(query, { prefix: true, fuzzy: 0.2 }).map(({ id, score }) => [id, score]).sort(([a], [b]) => Number(a) - Number(b));

describe('WordIndex', () => {
  it("builds, in batches, the index minisearch's addAll builds", () => {
    assert.ok(texts.length > 1800);
    assert.ok(texts.some(({ text }) => new Set(wordsOf(text)).size < wordsOf(text).length), 'no text repeats a word');
    const index = new WordIndex(options, rules);
    index.addTexts(texts.slice(0, 500));
    index.addTexts(texts.slice(500));
    assert.deepEqual(asJson(index), asJson(minisearchOwn(texts)));
    assert.deepEqual(index.search('torture prevention', { prefix: true }), minisearchOwn(texts).search('torture prevention', { prefix: true }));
  });

  it('adds texts to words already laid out as addAll adds them', () => {
    const ours = new WordIndex(options, rules);
    ours.addTexts(texts.slice(0, 1000));
    const theirs = minisearchOwn(texts.slice(0, 1000));
    assert.deepEqual(ours.search('torture'), theirs.search('torture'));
    ours.addTexts(texts.slice(1000, 1500));
    ours.layOut();
    ours.addTexts(texts.slice(1500));
    theirs.addAll(texts.slice(1000));
    assert.deepEqual(asJson(ours), asJson(theirs));
    for (const query of ['torture prevention', 'inclusive educ', 'Roma']) assert.deepEqual(scores(ours, query), scores(theirs, query));
    assert.throws(() => ours.addTexts([texts[5]]), /duplicate ID 5/);
  });

  it('restores what it saved', () => {
    const built = new WordIndex(options, rules);
    built.addTexts(texts);
    const saved = JSON.parse(JSON.stringify(built.save())) as ReturnType<WordIndex['save']>;
    const restored = WordIndex.restore(saved, options, rules);
    assert.deepEqual(sortedJson(restored), sortedJson(built));
    for (const query of ['torture prevention', 'inclusive educ', 'Roma']) assert.deepEqual(scores(restored, query), scores(built, query));
    // A restored index takes more texts as a built one does.
    const more = { id: texts.length, text: 'Ratify the Optional Protocol on zyxwvut' };
    restored.addTexts([more]);
    assert.deepEqual(restored.search('zyxwvut').map((result) => result.id), [more.id]);
  });

  it('tells how many texts have each word', () => {
    const index = new WordIndex(options, rules);
    index.addTexts(texts);
    const counted = new Map<string, number>();
    for (const { text } of texts) for (const word of new Set(wordsOf(text))) counted.set(word, (counted.get(word) ?? 0) + 1);
    assert.deepEqual(new Map(index.wordCounts()), counted);
    assert.equal(index.textCount('torture'), counted.get('torture'));
    assert.ok(index.textCount('torture') > 10);
    assert.equal(index.textCount('zyxwvut'), 0);
  });

  it('saves only texts numbered from 0, in order', () => {
    const renumbered = new WordIndex(options, rules);
    renumbered.addTexts(texts.slice(5, 10));
    assert.throws(() => renumbered.save(), /not numbered 0 to n − 1/);
  });

  it('refuses a saved index that does not hold together', () => {
    const built = new WordIndex(options, rules);
    built.addTexts(texts.slice(0, 10));
    const saved = built.save();
    const restore = (change: Partial<ReturnType<WordIndex['save']>>) => () => WordIndex.restore({ ...saved, ...change }, options, rules);
    assert.doesNotThrow(restore({}));
    assert.throws(restore({ words: [saved.words[1], ...saved.words.slice(1)] }), new RegExp(`"${saved.words[1]}" twice`));
    assert.throws(restore({ words: saved.words.slice(1) }), /its runs do not fit its words/);
    const textsOf = (values: number[]) => Buffer.from(new Int32Array(values).buffer).toString('base64');
    const bytes = Buffer.from(saved.texts, 'base64');
    const laidOut = Array.from(new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
    assert.throws(restore({ texts: textsOf(laidOut.map((text, at) => (at === 0 ? 10 : text))) }), new RegExp(`the texts of "${saved.words[0]}"`));
    assert.throws(restore({ texts: saved.texts.slice(0, -8) }), /damaged|do not fit/);
    assert.throws(restore({ counts: undefined as unknown as string }), /incomplete/);
    assert.throws(restore({ averageLength: Number.NaN }), /incomplete/);
    const none = Buffer.from(new Uint16Array(Buffer.from(saved.counts, 'base64').length / 2).buffer).toString('base64');
    assert.throws(restore({ counts: none }), new RegExp(`the texts of "${saved.words[0]}"`));
    assert.throws(restore({ lengths: Buffer.from(new Int32Array(10).fill(-1).buffer).toString('base64') }), /negative length/);
    // An empty index saves and restores.
    assert.equal(WordIndex.restore(JSON.parse(JSON.stringify(new WordIndex(options, rules).save())) as typeof saved, options, rules).documentCount, 0);
  });
});
