import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { readSettings } from '../../server/src/settings';

describe('server settings', () => {
  it('uses the defaults when nothing or garbage is sent', () => {
    for (const raw of [undefined, null, 42, 'x', [], { wordLimit: 'big', lint: [], rules: 7 }]) {
      const settings = readSettings(raw);
      assert.deepEqual(settings.analysis, DEFAULT_CONFIG);
      assert.equal(settings.trigger, 'onType');
      assert.equal(settings.debounceMs, 300);
    }
  });

  it('reads limits, footnotes, trigger, debounce and rule severities', () => {
    const settings = readSettings({
      lint: { trigger: 'onSave', debounceMs: 0 },
      wordLimit: { individual: 3000, joint: 6000, nhri: 7000, countFootnotes: false, warnAtPercent: 80 },
      rules: { 'numbering/gap': 'warning', sections: 'off', 'word-limit': 'loud' },
    });
    assert.deepEqual(settings.analysis, {
      wordLimits: { individual: 3000, joint: 6000, nhri: 7000 },
      countFootnotes: false,
      warnAtPercent: 80,
      rules: { 'numbering/gap': 'warning', sections: 'off' },
      smart: DEFAULT_CONFIG.smart,
    });
    assert.equal(settings.trigger, 'onSave');
    assert.equal(settings.debounceMs, 0);
  });
});
