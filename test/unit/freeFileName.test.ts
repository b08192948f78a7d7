// The name "Keep both" gives an import whose file exists (client/src/commands/freeFileName.ts).

import assert from 'node:assert/strict';
import { freeFileName } from '../../client/src/commands/freeFileName';

describe('freeFileName', () => {
  it('keeps a name nobody has', () => {
    assert.equal(freeFileName('kyrgyzstan.json', ['kazakhstan.json', 'kyrgyzstan.csv']), 'kyrgyzstan.json');
    assert.equal(freeFileName('kyrgyzstan.json', []), 'kyrgyzstan.json');
  });

  it('numbers a taken name from 2, before the extension', () => {
    assert.equal(freeFileName('kyrgyzstan.json', ['kyrgyzstan.json']), 'kyrgyzstan-2.json');
  });

  it('takes the first number free, not one past the highest', () => {
    assert.equal(freeFileName('export.json', ['export.json', 'export-2.json', 'export-3.json', 'export-5.json']), 'export-4.json');
  });

  it('counts a name in other capitals as taken', () => {
    assert.equal(freeFileName('export.json', ['Export.JSON', 'EXPORT-2.json']), 'export-3.json');
  });

  it('numbers before the last extension only, and names without one', () => {
    assert.equal(freeFileName('upr.info.json', ['upr.info.json']), 'upr.info-2.json');
    assert.equal(freeFileName('export-2.json', ['export-2.json']), 'export-2-2.json');
    assert.equal(freeFileName('README', ['README']), 'README-2');
    assert.equal(freeFileName('.json', ['.json']), '.json-2');
  });
});
