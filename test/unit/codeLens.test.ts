// The similar-recommendations lens (server/src/features/codeLens.ts) on the shared UPR Info sample.

import assert from 'node:assert/strict';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import { codeLenses } from '../../server/src/features/codeLens';
import { centralAsiaLibrary } from './sharedData';

const library = centralAsiaLibrary();

function lensTitle(recommendation: string): string {
  const text = `---\ntype: joint\nstate: Kyrgyzstan\ncycle: 4\nlanguage: en\ntitle: T\n---\n\n# Recommendations\n\n- ${recommendation}\n`;
  const lenses = codeLenses(analyseText(text, resolveConfig(), library), library);
  assert.equal(lenses.length, 1, recommendation);
  return lenses[0].command!.title;
}

describe('similar-recommendations lens', () => {
  it('reads a recommendation without its citations, which no past recommendation has', () => {
    const recommendation = 'Ensure that human rights defenders and journalists can work without harassment, and investigate every attack against them by 2026';
    const bare = lensTitle(`${recommendation}.`);
    assert.match(bare, /Denmark/);
    assert.equal(lensTitle(`${recommendation} (SDG 16.10).`), bare);
    assert.equal(lensTitle(`${recommendation}, as A/HRC/15/2, para. 76.104 asked.`), bare);
  });
});
