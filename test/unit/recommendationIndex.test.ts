// The index of previous recommendations (server/src/core/references/recommendationIndex.ts) on
// the shared data: recommendations.csv (Central Asia, UPR Info with paragraphs) and the Slovenia
// thematic lists, read in place from ../shared/data/upr beside the repository.

import assert from 'node:assert/strict';
import { RecommendationIndex } from '../../server/src/core/references/recommendationIndex';
import { canonicalReference, type RecommendationRecord } from '../../server/src/core/references/records';
import { centralAsiaRecords, sloveniaRecords } from './sharedData';

const centralAsia = centralAsiaRecords();
const slovenia = sloveniaRecords();

function record(fields: Partial<RecommendationRecord>): RecommendationRecord {
  return { text: 'Ratify the CRPD', state: 'Kyrgyzstan', recommendingStates: [], issues: [], sdgs: [], source: { file: 'test.json', line: 1 }, ...fields };
}

describe('RecommendationIndex', () => {
  const index = new RecommendationIndex([...centralAsia, ...slovenia]);

  it('holds the records of several files', () => {
    assert.equal(index.size, 1273 + 632);
    assert.deepEqual([...new Set([...index.forState('KGZ'), ...index.forState('SVN')].map((record) => record.source.file))].sort(), ['recommendations.csv', 'slovenia.csv']);
  });

  it("answers for a State's records, and for documents, records added later included", () => {
    const small = new RecommendationIndex([record({ id: 'a', symbol: 'A/HRC/15/2', paragraph: '76.1', stateCode: 'KGZ' })]);
    assert.deepEqual([...small.recordsConcerning('KGZ')].map((found) => found.id), ['a']);
    assert.equal(small.holdsDocument('a/hrc/15/2'), true);
    assert.equal(small.holdsDocument('A/HRC/15/3'), false);
    small.add([record({ id: 'b', state: 'Кыргызстан', symbol: 'A/HRC/15/3', paragraph: '1.1' })]);
    assert.deepEqual([...small.recordsConcerning('KGZ')].map((found) => found.id), ['a', 'b']);
    assert.equal(small.holdsDocument('A/HRC/15/3'), true);
  });

  it('knows the series of the documents it holds, records added later included', () => {
    const small = new RecommendationIndex([record({ id: 'a', symbol: 'A/HRC/15/2', paragraph: '76.1' })]);
    assert.equal(small.holdsSeries('a/hrc/29/4'), true);
    assert.equal(small.holdsSeries('CAT/C/KGZ/CO/2'), false);
    small.add([record({ id: 'b', symbol: 'CAT/C/KAZ/CO/3', paragraph: '12' })]);
    assert.equal(small.holdsSeries('CAT/C/KGZ/CO/2'), true);
    assert.equal(small.holdsSeries('CEDAW/C/KGZ/CO/5'), false);
  });

  describe('resolve', () => {
    it('resolves A/HRC/15/2, para. 76.27 to the recommendation the report item gives (Tajikistan)', () => {
      const resolution = index.resolve('A/HRC/15/2', '76.27');
      assert.equal(resolution.kind, 'item');
      assert.equal(resolution.ambiguous, false);
      // UPR Info holds the same words from Afghanistan too, but the report item names Tajikistan.
      assert.deepEqual(resolution.records.map((r) => [r.id, r.recommendingStates[0]]), [['KGZ-S08-156', 'Tajikistan'], ['KGZ-S08-001', 'Afghanistan']]);
      assert.equal(resolution.best?.id, 'KGZ-S08-156');
      assert.deepEqual(resolution.recommendingStates, ['Tajikistan']);
      assert.equal(resolution.text, 'Adopt a zero-tolerance policy towards corruption (Tajikistan)');
      assert.equal(resolution.response, 'supported');
      assert.equal(canonicalReference(resolution.best!), 'A/HRC/15/2, para. 76.27');
      assert.deepEqual(resolution.best?.source, { file: 'recommendations.csv', line: 157 });
    });

    it('compares symbols without case or spaces', () => {
      assert.equal(index.resolve(' a/hrc/15/2', '76.27 ').best?.id, 'KGZ-S08-156');
    });

    it('gives the States of a shared item in the order the item names them', () => {
      const resolution = index.resolve('A/HRC/15/2', '76.92');
      assert.deepEqual(resolution.recommendingStates, ['Tajikistan', 'Pakistan']);
      assert.equal(resolution.best?.recommendingStates[0], 'Tajikistan');
      assert.equal(resolution.records.at(-1)?.recommendingStates[0], 'Afghanistan');
      assert.equal(resolution.ambiguous, false);
    });

    it('resolves an item UPR Info split in parts to the item, with a mixed response', () => {
      const resolution = index.resolve('A/HRC/15/2', '77.4');
      assert.equal(resolution.ambiguous, false);
      assert.equal(resolution.records.length, 2);
      assert.match(resolution.text!, /^Sign and ratify the Convention on the Rights of Persons with Disabilities and the Optional Protocol thereto; .*\(Spain\)$/);
      assert.match(resolution.best!.text, /^Sign and ratify the Convention on the Rights of Persons with Disabilities/);
      assert.equal(resolution.response, 'mixed');
    });

    it('is ambiguous when the records differ and no source gives the item in its own words', () => {
      const resolution = index.resolve('A/HRC/14/10', '95.3');
      assert.equal(resolution.ambiguous, true);
      assert.equal(resolution.reason, 'different-texts');
      assert.deepEqual(resolution.records.map((r) => r.recommendingStates[0]).sort(), ['Republic of Korea', 'Slovenia']);
      assert.deepEqual([...resolution.recommendingStates].sort(), ['Republic of Korea', 'Slovenia']);
    });

    it('is ambiguous when one reference holds recommendations to different States', () => {
      const mixed = new RecommendationIndex([
        record({ symbol: 'A/HRC/1/1', paragraph: '5.1', state: 'Kyrgyzstan' }),
        record({ symbol: 'A/HRC/1/1', paragraph: '5.1', state: 'Kazakhstan' }),
      ]);
      assert.deepEqual([mixed.resolve('A/HRC/1/1', '5.1').ambiguous, mixed.resolve('A/HRC/1/1', '5.1').reason], [true, 'different-states']);
    });

    it('resolves Slovenia items with several States and the lists own words', () => {
      const resolution = index.resolve('A/HRC/59/15', '140.7');
      assert.deepEqual(resolution.recommendingStates, ['Maldives', 'Portugal']);
      assert.equal(resolution.best?.text, 'Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights');
      assert.equal(resolution.ambiguous, false);
    });

    it('resolves a paragraph that groups items, a whole document, and nothing', () => {
      const grouped = index.resolve('A/HRC/15/2', '76');
      assert.equal(grouped.kind, 'paragraph');
      assert.equal(grouped.records.length, centralAsia.filter((r) => r.symbol === 'A/HRC/15/2' && r.paragraph?.startsWith('76.')).length);
      const document = index.resolve('A/HRC/15/2');
      assert.equal(document.kind, 'document');
      assert.equal(document.records.length, 175);
      assert.equal(index.resolve('A/HRC/15/2', '99.1').kind, 'none');
      assert.equal(index.resolve('CEDAW/C/KGZ/CO/5', '12').kind, 'none');
      assert.equal(index.resolve('', '1').kind, 'none');
    });

    it('lists the paragraphs of a document in order', () => {
      const paragraphs = index.paragraphs('A/HRC/15/2');
      assert.deepEqual(paragraphs.slice(0, 3), ['76.1', '76.2', '76.3']);
      assert.equal(paragraphs.at(-1), '77.41');
    });
  });

  describe('States and issues', () => {
    it('finds a State by English name or ISO code', () => {
      assert.equal(index.forState('Kyrgyzstan').length, 175);
      assert.equal(index.forState('KGZ').length, 175);
      assert.equal(index.forState('kyrgyzstan ', 1).length, 175);
      assert.equal(index.forState('KGZ', 2).length, 0);
      assert.deepEqual([2, 3, 4].map((cycle) => index.forState('Slovenia', cycle).length), [163, 215, 254]);
      assert.equal(index.forState('Atlantis').length, 0);
    });

    it('learns another name of a State from a record that gives its code', () => {
      const learnt = new RecommendationIndex([
        record({ state: 'Kyrgyzstan', stateCode: 'KGZ' }),
        record({ state: 'Kyrgyz Republic', stateCode: 'KGZ' }),
        record({ state: 'Trinidad & Tobago' }),
      ]);
      assert.equal(learnt.forState('Kyrgyz Republic').length, 2);
      assert.equal(learnt.forState('KGZ').length, 2);
      assert.equal(learnt.forState('Trinidad and Tobago').length, 1);
    });

    it('finds a State by the names the list of States gives it, with or without a code in the records', () => {
      assert.equal(index.forState('SVN').length, 632);
      assert.equal(index.forState('Republic of Slovenia').length, 632);
      assert.equal(index.forState('Kyrgyz Republic').length, 175);
      const byName = new RecommendationIndex([record({ state: 'Türkiye' }), record({ state: 'Turkey' }), record({ state: 'Turkiye', stateCode: 'TUR' })]);
      assert.equal(byName.forState('TUR').length, 3);
      assert.equal(byName.forState('Turkey').length, 3);
      const hits = index.search('torture', { state: 'SVN' });
      assert.ok(hits.length > 0);
      assert.deepEqual(
        hits.map((hit) => hit.record.source),
        index.search('torture', { state: 'Slovenia' }).map((hit) => hit.record.source),
      );
    });

    it('still learns the names of a State the list lacks from the records', () => {
      const learnt = new RecommendationIndex([record({ state: 'Kosovo', stateCode: 'XKX' }), record({ state: 'Republic of Kosovo', stateCode: 'XKX' })]);
      assert.equal(learnt.forState('XKX').length, 2);
      assert.equal(learnt.forState('Kosovo').length, 2);
      assert.equal(learnt.forState('Slovenia').length, 0);
    });

    it('finds recommendations by issue without case', () => {
      assert.equal(index.byIssue('torture and other CID treatment').length, issueCount('Torture and other CID treatment'));
      assert.ok(index.byIssue('Discrimination against women').length > 0);
      assert.equal(index.issues()[0].count >= index.issues()[1].count, true);
    });
  });

  describe('search', () => {
    it('finds recommendations by words as typed', () => {
      const hits = index.search('tortur', { limit: 10 });
      assert.equal(hits.length, 10);
      for (const hit of hits) assert.match(hit.record.text, /tortur/i);
      assert.ok(hits[0].score >= hits[9].score);
    });

    it('narrows with every word and filters by State, cycle and issue', () => {
      const hits = index.search('domestic viol', { state: 'KGZ', limit: 50 });
      assert.ok(hits.length > 3);
      for (const { record } of hits) {
        assert.equal(record.state, 'Kyrgyzstan');
        assert.match(record.text, /domestic/i);
        assert.match(record.text, /viol/i);
      }
      for (const { record } of index.search('women', { state: 'Slovenia', cycle: 4, limit: 100 })) assert.equal(record.cycle, 4);
      for (const { record } of index.search('detention', { issues: ['Torture and other CID treatment'] })) assert.ok(record.issues.includes('Torture and other CID treatment'));
    });

    it('forgives a typo in a long word', () => {
      const hits = index.search('discrimnation women', { limit: 5 });
      assert.equal(hits.length, 5);
      for (const { record } of hits) assert.match(record.text, /discrimination/i);
    });

    it('indexes words of letters and digits in any script, not stop words or single letters', () => {
      const small = new RecommendationIndex([
        record({ id: 'a', text: "Protect women's rights in Türkiye under Law No. 6284 (Женщины)" }),
        record({ id: 'b', text: 'Ratify the Optional Protocol' }),
      ]);
      assert.deepEqual(small.search('türkiye').map((hit) => hit.record.id), ['a']);
      assert.deepEqual(small.search('6284').map((hit) => hit.record.id), ['a']);
      assert.deepEqual(small.search('женщины').map((hit) => hit.record.id), ['a']);
      assert.deepEqual(small.search('women').map((hit) => hit.record.id), ['a']);
      assert.deepEqual(small.search('the'), []);
      assert.deepEqual(small.search('s'), []);
      small.add([record({ id: 'c', text: 'Ratify the Optional Protocol on zyxwvut' })]);
      // Records added after a search are searched too. A word weighs by its rarity: b lacks
      // zyxwvut, which one text of three has, and has the three words two of three have.
      const [common, rare] = [Math.log(1 + 3 / 2), Math.log(1 + 3 / 1)];
      assert.deepEqual(small.similar('ratify the optional protocol on zyxwvut').map((hit) => [hit.record.id, hit.coverage]), [['c', 1], ['b', (3 * common) / (3 * common + rare)]]);
    });

    it('falls back to any word when no record has them all', () => {
      const hits = index.search('torture zyxwvut', { limit: 5 });
      assert.equal(hits.length, 5);
      assert.deepEqual(index.search('zyxwvut qqqq'), []);
      assert.deepEqual(index.search(''), []);
    });
  });

  describe('similar', () => {
    it('finds recommendations on torture for a text about torture', () => {
      const hits = index.similar('Criminalise torture in line with the Convention against Torture and investigate all allegations of torture by 2027', { limit: 10 });
      assert.equal(hits.length, 10);
      for (const hit of hits.slice(0, 5)) assert.match(hit.record.text, /tortur/i);
      assert.ok(hits.every((hit, i) => i === 0 || hits[i - 1].score >= hit.score));
    });

    it('gives full coverage to the same words, whatever the time frame', () => {
      const [first] = index.similar('Abolish the death penalty by 2030');
      assert.equal(first.record.text, 'Abolish the death penalty');
      assert.equal(first.coverage, 1);
    });

    it('finds words written otherwise: criminalise for criminalizing', () => {
      const hits = index.similar('Criminalise bride kidnapping', { limit: 3 });
      assert.match(hits[0].record.text, /criminalizing bride kidnapping/);
      assert.equal(hits[0].coverage, 1);
    });

    it('keeps to a State and a minimum coverage when asked', () => {
      const hits = index.similar('Ensure access to inclusive education for children with disabilities', { state: 'SLOVENIA', minCoverage: 0.5, limit: 20 });
      assert.ok(hits.length > 0);
      for (const hit of hits) {
        assert.equal(hit.record.state, 'Slovenia');
        assert.ok(hit.coverage >= 0.5);
      }
      assert.deepEqual(index.similar('the of and'), []);
    });

    it('counts the recommending States of similar recommendations', () => {
      const counts = index.recommendingStatesFor('Abolish the death penalty');
      assert.ok(counts.length >= 5);
      assert.ok(counts.every((entry, i) => i === 0 || counts[i - 1].count >= entry.count));
      for (const { state, count, examples } of counts) {
        assert.ok(count >= 1 && examples.length >= 1 && examples.length <= 3);
        for (const example of examples) {
          assert.ok(example.recommendingStates.includes(state));
          assert.match(example.text, /death penalty/i);
        }
      }
      assert.ok(counts.some(({ state }) => state === 'Germany'));
      assert.deepEqual(index.recommendingStatesFor('zyxwvut'), []);
    });

    it('counts the few records that score far above the rest for a detailed draft that shares only its topic words', () => {
      const draft = 'Criminalize bride kidnapping with penalties of at least 7 years of imprisonment and ensure that every reported case is investigated by 2027.';
      // Kyrgyzstan's first review: bride kidnapping in Austria's, Japan's and Argentina's recommendations (most similar first), none with half of the draft's words.
      assert.ok(index.similar(draft, { limit: 3 }).every((hit) => /bride.kidnapping/i.test(hit.record.text) && hit.coverage < 0.5));
      assert.deepEqual(index.recommendingStatesFor(draft).map(({ state, count }) => [state, count]), [['Austria', 1], ['Japan', 1], ['Argentina', 1]]);
      // No record stands out: only those with half of the words count, and here none has.
      assert.deepEqual(index.recommendingStatesFor('Publish annual statistics on the number of prosecutions for domestic violence by 2027.'), []);
    });

    it("weighs a draft's rarer words more in how much of it a past recommendation has", () => {
      const draft = 'Establish an independent national preventive mechanism against torture with its own budget by 2027';
      const hits = index.similarForLobbying(draft);
      assert.ok(hits.length >= 5 && hits.every((hit) => /[Tt]orture|\bCAT\b/.test(hit.record.text)), hits.map((hit) => hit.record.text).join('\n'));
      // "Establish a national preventive mechanism that will constitutionally guarantee the rights of
      // all people, particularly the rights of minorities" (Afghanistan, to Kyrgyzstan) has half of
      // the draft's words, not "torture" nor "independent": not a State to lobby on this draft.
      const states = index.recommendingStatesFor(draft).map(({ state }) => state);
      assert.ok(states.includes('France') && !states.includes('Afghanistan'), states.join(', '));
      // A word no record has (a place) tells no record from another: it changes no coverage.
      const coverages = (text: string) => index.similar(text).map((hit) => [hit.record.id, hit.coverage]);
      assert.deepEqual(coverages(`${draft} in Zyxwvut oblast`), coverages(`${draft} in oblast`));
      assert.ok(coverages(draft).length > 0);
    });

    it('builds its word index in the background, or at the first search', async () => {
      const background = new RecommendationIndex(centralAsia);
      assert.equal(background.prepared, false);
      assert.equal(background.resolve('A/HRC/15/2', '76.27').best?.id, 'KGZ-S08-156');
      await background.prepare(100);
      assert.equal(background.prepared, true);
      const atFirstSearch = new RecommendationIndex(slovenia);
      assert.equal(atFirstSearch.prepared, false);
      assert.deepEqual(atFirstSearch.search('torture').map((hit) => hit.record.state), ['Slovenia', 'Slovenia']);
      assert.equal(atFirstSearch.prepared, true);
      assert.deepEqual(
        background.similar('Abolish the death penalty').map((hit) => hit.record.id),
        new RecommendationIndex(centralAsia).similar('Abolish the death penalty').map((hit) => hit.record.id),
      );
    });

    it('restores a saved word index that answers as the one built', () => {
      const records = [...centralAsia, ...slovenia];
      const built = new RecommendationIndex(records);
      const restored = new RecommendationIndex(records, built.saveWordIndex());
      assert.equal(restored.prepared, true);
      const answers = (from: RecommendationIndex) => ({
        search: ['torture', 'inclusive educ', 'women viol', 'Roma children'].map((words) => from.search(words).map((hit) => [hit.record.id, hit.score, [...hit.terms].sort()])),
        similar: from.similar('Criminalise torture and investigate all allegations by 2027').map((hit) => [hit.record.id, hit.score, hit.coverage]),
        states: from.recommendingStatesFor('Abolish the death penalty').map(({ state, count }) => [state, count]),
      });
      assert.ok(answers(built).search.every((hits) => hits.length > 0));
      assert.deepEqual(answers(restored), answers(built));
      // Records added after the restore are searched too.
      restored.add([record({ id: 'NEW-1', text: 'Ratify the Optional Protocol on zyxwvut' })]);
      assert.deepEqual(restored.search('zyxwvut').map((hit) => hit.record.id), ['NEW-1']);
    });

    it('refuses a saved word index of other records, or of another format', () => {
      const saved = new RecommendationIndex(centralAsia).saveWordIndex();
      assert.throws(() => new RecommendationIndex(slovenia, saved), /saved word index: 1273 records, expected 632/);
      const otherFormat = JSON.stringify({ ...JSON.parse(saved), format: 0 });
      assert.throws(() => new RecommendationIndex(centralAsia, otherFormat), /saved word index: format 0, expected 3/);
      assert.throws(() => new RecommendationIndex(centralAsia, saved.slice(0, 1000)), SyntaxError);
    });

    it('counts a recommendation imported twice once', () => {
      const once = new RecommendationIndex(centralAsia).recommendingStatesFor('Abolish the death penalty');
      const copy = centralAsia.map((r) => ({ ...r, source: { file: 'copy.csv', line: r.source.line } }));
      const twice = new RecommendationIndex([...centralAsia, ...copy]);
      assert.deepEqual(
        twice.recommendingStatesFor('Abolish the death penalty').map(({ state, count }) => [state, count]),
        once.map(({ state, count }) => [state, count]),
      );
    });
  });
});

function issueCount(issue: string): number {
  return [...centralAsia, ...slovenia].filter((record) => record.issues.includes(issue)).length;
}
