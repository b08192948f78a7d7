// Hover on a reference to a previous recommendation (server/src/features/referenceHover.ts), on the
// shared UPR Info sample: the item as the index resolves it, and where else the index has it.

import assert from 'node:assert/strict';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import { importCsv } from '../../server/src/core/references/importers';
import { RecommendationIndex } from '../../server/src/core/references/recommendationIndex';
import { referenceHover } from '../../server/src/features/referenceHover';
import { sharedCsv } from './importers.test';

const library = { index: new RecommendationIndex(importCsv(sharedCsv('recommendations.csv'), 'recommendations.csv').records), sampleFiles: new Set<string>() };

function hoverOn(reference: string): string {
  const text = `---\ntype: joint\nstate: Kyrgyzstan\ncycle: 2\nlanguage: en\ntitle: T\n---\n\n# Assessment\n\n1. See ${reference}.\n`;
  const analysis = analyseText(text, resolveConfig(), library);
  const line = text.split('\n').findIndex((candidate) => candidate.includes(reference));
  const hover = referenceHover(analysis, { line, character: text.split('\n')[line].indexOf('A/HRC') + 2 }, library);
  assert.ok(hover, `no hover on ${reference}`);
  return (hover.contents as { value: string }).value;
}

describe('hover on a previous recommendation', () => {
  it("names the item's other records by recommending State and row", () => {
    const value = hoverOn('A/HRC/15/2, para. 76.116');
    // UPR Info has one row from Tajikistan and one from Afghanistan for this item: the item is shown once.
    assert.equal(value.split('\n---\n').length, 2, value);
    assert.match(value, /Also under this reference: Afghanistan \(recommendations\.csv:\d+\)$/);
  });

  it('counts the other recommendations of a report cited whole', () => {
    const value = hoverOn('A/HRC/15/2');
    const shown = value.split('\n---\n').length - 1;
    const total = library.index.resolve('A/HRC/15/2').records.length;
    assert.ok(total > shown, value);
    assert.match(value, new RegExp(`… and ${total - shown} more recommendations in this document$`));
  });
});
