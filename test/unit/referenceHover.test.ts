// Hover on a reference to a previous recommendation (server/src/features/referenceHover.ts), on the
// shared UPR Info sample: the item as the index resolves it, and other words the index has under it.

import assert from 'node:assert/strict';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import { citedItem } from '../../server/src/core/references/library';
import { RecommendationIndex } from '../../server/src/core/references/recommendationIndex';
import { referenceHover } from '../../server/src/features/referenceHover';
import { useLocale } from '../../server/src/localisation';
import { centralAsiaLibrary, centralAsiaRecords } from './sharedData';

const records = centralAsiaRecords();
const library = centralAsiaLibrary();

function hoverOn(reference: string, from = library): string {
  const text = `---\ntype: joint\nstate: Kyrgyzstan\ncycle: 2\nlanguage: en\ntitle: T\n---\n\n# Assessment\n\n1. See ${reference}.\n`;
  const analysis = analyseText(text, resolveConfig(), from);
  const line = text.split('\n').findIndex((candidate) => candidate.includes(reference));
  const hover = referenceHover(analysis, { line, character: text.split('\n')[line].indexOf('A/HRC') + 2 }, from);
  assert.ok(hover, `no hover on ${reference}`);
  return (hover.contents as { value: string }).value;
}

describe('hover on a previous recommendation', () => {
  it('shows an item once, crediting every State the report names for it', () => {
    // UPR Info has one row from Tajikistan and one from Afghanistan for this item, with the same words.
    const value = hoverOn('A/HRC/15/2, para. 76.116');
    assert.equal(value.split('\n---\n').length, 1, value);
    assert.match(value, /Recommended by Tajikistan, Afghanistan/);
    assert.doesNotMatch(value, /Also under this reference/);
    // In the item's own words, as completion shows it.
    const [item] = records.filter((record) => record.paragraph === '76.116');
    assert.ok(value.includes(`> ${citedItem(library.index, item).shown.text}`), value);
    assert.equal(citedItem(library.index, item).shown.text, item.reportText);
  });

  it('lists the records of other words under the same reference, by whom and where', () => {
    const conflicting = { ...records.find((record) => record.paragraph === '76.116')!, text: 'Some other words about torture prevention', recommendingStates: ['Kazakhstan'], source: { file: 'other.csv', line: 9 } };
    const value = hoverOn('A/HRC/15/2, para. 76.116', { index: new RecommendationIndex([...records, conflicting]), sampleFiles: new Set<string>() });
    assert.match(value, /Also under this reference:\n- "Some other words about torture prevention" \(Kazakhstan, other\.csv:9\)$/);
  });

  it('shows each text of an ambiguous reference once, with the States of all its records, and the warning counts texts', () => {
    // Without the report's wording, two texts under one paragraph are ambiguous; two records share one text.
    const item = records.filter((record) => record.paragraph === '76.116').map((record) => ({ ...record, reportText: undefined }));
    assert.equal(item.length, 2);
    const other = { ...item[0], text: 'Some other words about torture prevention', recommendingStates: ['Slovenia'], source: { file: 'other.csv', line: 2 } };
    const ambiguous = { index: new RecommendationIndex([...item, other]), sampleFiles: new Set<string>() };
    const value = hoverOn('A/HRC/15/2, para. 76.116', ambiguous);
    const parts = value.split('\n---\n');
    assert.equal(parts.length, 3, value);
    assert.match(parts[0], /Ambiguous/);
    assert.match(parts[1], /Protect the rights of people with disabilities[\s\S]*Recommended by (Afghanistan, Tajikistan|Tajikistan, Afghanistan)/);
    assert.match(parts[2], /Some other words about torture prevention[\s\S]*Recommended by Slovenia/);
    const text = '---\ntype: joint\nstate: Kyrgyzstan\ncycle: 2\nlanguage: en\ntitle: T\n---\n\n# Assessment\n\n1. See A/HRC/15/2, para. 76.116.\n';
    const warning = analyseText(text, resolveConfig(), ambiguous).diagnostics.find((finding) => finding.code === 'references/ambiguous');
    assert.equal(warning?.message, 'A/HRC/15/2, para. 76.116 is ambiguous: the index holds 2 different texts under it; hover to see them.');
  });

  it("speaks the writer's language, the action category too", () => {
    useLocale('ru');
    try {
      assert.match(hoverOn('A/HRC/15/2, para. 76.116'), /Рекомендовали: Tajikistan, Afghanistan · поддержана · категория UPR Info 4 \(общее действие\)/);
    } finally {
      useLocale('en');
    }
    assert.match(hoverOn('A/HRC/15/2, para. 76.116'), /UPR Info category 4 \(general action\)/);
  });

  it('counts the other recommendations of a report cited whole', () => {
    const value = hoverOn('A/HRC/15/2');
    const shown = value.split('\n---\n').length - 1;
    const total = library.index.resolve('A/HRC/15/2').records.length;
    assert.ok(total > shown, value);
    assert.match(value, new RegExp(`… and ${total - shown} more recommendations in this document$`));
  });
});
