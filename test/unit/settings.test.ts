import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, mergeConfig, resolveConfig } from '../../server/src/core/config';
import { readSettings } from '../../server/src/settings';

describe('server settings', () => {
  it('overrides nothing when nothing or garbage is sent', () => {
    for (const raw of [undefined, null, 42, 'x', [], { wordLimit: 'big', lint: [], rules: 7, smart: { maxWords: -1 } }]) {
      const settings = readSettings(raw);
      assert.deepEqual(settings.overrides, {});
      assert.deepEqual(resolveConfig(settings.overrides), DEFAULT_CONFIG);
      assert.equal(settings.trigger, 'onType');
      assert.equal(settings.debounceMs, 300);
    }
  });

  it('reads limits, footnotes, trigger, debounce, rule severities and the length limit', () => {
    const settings = readSettings({
      lint: { trigger: 'onSave', debounceMs: 0 },
      wordLimit: { individual: 3000, joint: 6000, countFootnotes: false, warnAtPercent: 80 },
      rules: { 'numbering/gap': 'warning', sections: 'off', 'word-limit': 'loud' },
      smart: { maxWords: 45 },
    });
    assert.deepEqual(settings.overrides, {
      wordLimits: { individual: 3000, joint: 6000 },
      countFootnotes: false,
      warnAtPercent: 80,
      rules: { 'numbering/gap': 'warning', sections: 'off' },
      smart: { maxWords: 45 },
    });
    assert.equal(settings.trigger, 'onSave');
    assert.equal(settings.debounceMs, 0);
  });

  it('lets the user override the coalition file key by key', () => {
    const file = mergeConfig(
      {},
      { wordLimits: { joint: 5000 }, rules: { numbering: 'warning', smart: 'off' }, smart: { maxWords: 50, acceptedTerms: ['Akyikatchy'] } },
    );
    const user = readSettings({ wordLimit: { individual: 2000 }, rules: { smart: 'hint' }, smart: { maxWords: 70 } }).overrides;
    const config = resolveConfig(mergeConfig(file, user));
    assert.deepEqual(config.wordLimits, { individual: 2000, joint: 5000, nhri: 5630 });
    assert.deepEqual(config.rules, { numbering: 'warning', smart: 'hint' });
    assert.deepEqual(config.smart, { maxWords: 70, extraVerbs: {}, acceptedTerms: ['Akyikatchy'] });
  });
});
