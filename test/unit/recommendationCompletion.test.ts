// Completion of previous recommendations (server/src/features/recommendationCompletion.ts) on the
// shared UPR Info sample: one item per reference, written as the index resolves it.

import assert from 'node:assert/strict';
import type { MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import { recommendationCompletions } from '../../server/src/features/recommendationCompletion';
import { centralAsiaLibrary } from './sharedData';

const library = centralAsiaLibrary();

function complete(state: string, typed: string) {
  const text = `---\ntype: joint\nstate: ${state}\ncycle: 2\nlanguage: en\ntitle: Test\n---\n\n# Recommendations\n\n${typed}`;
  const analysis = analyseText(text, resolveConfig(), library);
  const lines = text.split('\n');
  const list = recommendationCompletions(analysis, library, typed, { line: lines.length - 1, character: typed.length });
  assert.equal(list.isIncomplete, true, 'searched again as the writer types on');
  return list.items;
}

describe('completion of previous recommendations', () => {
  it('offers as many references as it can show, though several records make one', () => {
    // Kyrgyzstan has more than 50 references on "rights", some of them with a record per recommending State.
    const references = new Set(library.index.search('rights', { state: 'Kyrgyzstan', limit: 1000 }).map((hit) => `${hit.record.symbol} ${hit.record.paragraph}`));
    assert.ok(references.size > 50, String(references.size));
    assert.equal(complete('Kyrgyzstan', '@rec rights').length, 50);
  });

  it('offers each reference once, with the recommending State the report names for it', () => {
    const items = complete('Kyrgyzstan', '@rec corruption');
    const labels = items.map((item) => item.label);
    assert.deepEqual(labels, [...new Set(labels)]);
    // UPR Info also credits A/HRC/15/2, para. 76.27 to Afghanistan; the report names Tajikistan.
    const item = items.find((candidate) => candidate.label === 'A/HRC/15/2, para. 76.27');
    assert.ok(item, labels.join(', '));
    assert.equal((item.textEdit as TextEdit).newText, 'A/HRC/15/2, para. 76.27 (Tajikistan)');
    assert.match(item.detail ?? '', /^Tajikistan · supported/);
  });

  it('marks a reference the index holds different recommendations under', () => {
    // A/HRC/14/10, para. 95.3 is "Consider ratifying the CRPD" from Slovenia and "Ratify the CRPD" from the Republic of Korea.
    const item = complete('Kazakhstan', '@rec persons disabilities').find((candidate) => candidate.label === 'A/HRC/14/10, para. 95.3');
    assert.ok(item);
    assert.match(item.detail ?? '', /^⚠️ · /);
    assert.match((item.documentation as MarkupContent).value, /^\*\*Ambiguous:\*\*/);
    const clear = complete('Kyrgyzstan', '@rec corruption')[0];
    assert.doesNotMatch(`${clear.detail} ${(clear.documentation as MarkupContent).value}`, /⚠️|Ambiguous/);
  });

  it('lists the paragraphs of a reference being typed in order, each labelled by its paragraph and kept by what is typed on', () => {
    const items = complete('Kyrgyzstan', 'A/HRC/15/2, para. 76.1');
    const labels = items.map((item) => item.label);
    assert.deepEqual(labels.slice(0, 4), ['para. 76.1', 'para. 76.10', 'para. 76.11', 'para. 76.12']);
    assert.ok(labels.every((label) => /^para\. 76\.1\d*$/.test(String(label))), labels.join(', '));
    assert.ok(labels.indexOf('para. 76.19') < labels.indexOf('para. 76.100'));
    // The editor keeps an item while what is typed begins its filter text: 76.11 keeps 76.11 and 76.110 to 76.119 only.
    const kept = (typedOn: string) => items.filter((item) => item.filterText!.startsWith(typedOn)).map((item) => item.label);
    assert.deepEqual(kept('A/HRC/15/2, para. 76.11'), labels.filter((label) => /^para\. 76\.11\d?$/.test(String(label))));
    assert.ok(kept('A/HRC/15/2, para. 76.11').length > 1);
    assert.equal((items[0].textEdit as TextEdit).newText.startsWith('A/HRC/15/2, para. 76.1 ('), true);
    // Typed otherwise than written: the filter text begins as typed.
    const loose = complete('Kyrgyzstan', 'A/HRC/15/2 paras 76.1');
    assert.deepEqual(loose.map((item) => item.label), labels);
    assert.ok(loose.every((item) => item.filterText!.startsWith('A/HRC/15/2 paras 76.1')));
    // Typed up to the paragraph marker: what is typed on, with or without the canonical space, keeps the items.
    for (const marker of ['A/HRC/15/2, para.', 'A/HRC/15/2 para']) {
      const filters = complete('Kyrgyzstan', marker).map((item) => item.filterText!);
      assert.ok(filters.some((filter) => filter.startsWith(`${marker} 76.1`)), filters.slice(0, 3).join(' | '));
    }
    // The symbol not yet whole: the whole reference.
    assert.match(String(complete('Kyrgyzstan', 'A/HRC/15/')[0].label), /^A\/HRC\/15\/2, para\. /);
  });
});
