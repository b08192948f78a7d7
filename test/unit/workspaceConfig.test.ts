import assert from 'node:assert/strict';
import fc from 'fast-check';
import schema from '../../schemas/upr-config.schema.json';
import { resolveConfig, type PartialConfig } from '../../server/src/core/config';
import type { Finding } from '../../server/src/core/findings';
import { parseWorkspaceConfig } from '../../server/src/core/workspaceConfig';
import { useLocale } from '../../server/src/localisation';
import { textAt } from './helpers';

const EXAMPLE = `# .upr/config.yaml — shared by the whole coalition (committed next to the submissions)
rules:                         # severity per rule code or group: error | warning | information | hint | off
  smart/time-bound: warning
  numbering: error
  word-limit/near: off
wordLimit:
  individual: 2815             # positive integers
  joint: 5630
  nhri: 5630
  countFootnotes: true
  warnAtPercent: 90            # 1..100
smart:
  maxWords: 60                 # length limit of one recommendation, positive integer
  verbs:                       # extra verbs/phrases per language (en, ru, fr, es) and action category 1..5
    en:
      5: [codify, "set up * ombudsperson"]
      3: ["look into"]
    ru:
      5: [кодифицировать]
  terms:                       # the coalition's accepted terms
    - National Preventive Mechanism
    - Akyikatchy
`;

const EXAMPLE_CONFIG: PartialConfig = {
  rules: { 'smart/time-bound': 'warning', numbering: 'error', 'word-limit/near': 'off' },
  wordLimits: { individual: 2815, joint: 5630, nhri: 5630 },
  countFootnotes: true,
  warnAtPercent: 90,
  smart: {
    maxWords: 60,
    extraVerbs: { en: { 5: ['codify', 'set up * ombudsperson'], 3: ['look into'] }, ru: { 5: ['кодифицировать'] } },
    acceptedTerms: ['National Preventive Mechanism', 'Akyikatchy'],
  },
};

/** The one finding of a text, with the text it covers. */
function only(text: string): Finding & { text: string } {
  const { findings } = parseWorkspaceConfig(text);
  assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
  return { ...findings[0], text: textAt(text, findings[0].range) };
}

describe('workspace configuration (.upr/config.yaml)', () => {
  afterEach(() => useLocale('en'));

  it('maps the full example to the analysis settings', () => {
    const { config, findings } = parseWorkspaceConfig(EXAMPLE);
    assert.deepEqual(findings, []);
    assert.deepEqual(config, EXAMPLE_CONFIG);
    assert.deepEqual(config.smart?.extraVerbs?.en?.[5], ['codify', 'set up * ombudsperson']);
  });

  it('leaves what the file does not set to the defaults', () => {
    const { config, findings } = parseWorkspaceConfig('wordLimit:\n  joint: 6000\nsmart:\n  terms: [Akyikatchy]\n');
    assert.deepEqual(findings, []);
    assert.deepEqual(config, { wordLimits: { joint: 6000 }, smart: { acceptedTerms: ['Akyikatchy'] } });
    const resolved = resolveConfig(config);
    assert.deepEqual(resolved.wordLimits, { individual: 2815, joint: 6000, nhri: 5630 });
    assert.equal(resolved.smart.maxWords, 60);
    assert.deepEqual(resolved.smart.extraVerbs, {});
    assert.deepEqual(resolved.smart.acceptedTerms, ['Akyikatchy']);
  });

  it('reads an empty file, comments only and empty sections as an empty configuration', () => {
    for (const text of ['', '\n\n', '# nothing yet\n# rules:\n#   numbering: off\n', '---\n', '~\n', '\uFEFF']) {
      assert.deepEqual(parseWorkspaceConfig(text), { config: {}, findings: [] }, JSON.stringify(text));
    }
    const sections = 'rules:\n  # numbering: off\nwordLimit:\nsmart:\n  verbs:\n    en:\n      5:\n  terms:\n';
    assert.deepEqual(parseWorkspaceConfig(sections), { config: { smart: { extraVerbs: { en: {} } } }, findings: [] });
  });

  it('accepts category keys written as numbers or as text, and rule codes with a slash', () => {
    const text = 'rules:\n  "numbering/gap": hint\nsmart:\n  verbs:\n    fr:\n      "4": [renforcer]\n    es:\n      1: [alentar]\n';
    const { config, findings } = parseWorkspaceConfig(text);
    assert.deepEqual(findings, []);
    assert.deepEqual(config, { rules: { 'numbering/gap': 'hint' }, smart: { extraVerbs: { fr: { 4: ['renforcer'] }, es: { 1: ['alentar'] } } } });
  });

  describe('YAML errors (config/syntax)', () => {
    it('gives no settings for YAML that does not parse, and places the error', () => {
      const text = 'wordLimit:\n  joint: 6000\nrules: [unclosed\n';
      const { config, findings } = parseWorkspaceConfig(text);
      assert.deepEqual(config, {});
      assert.ok(findings.length > 0);
      assert.ok(findings.every((finding) => finding.code === 'config/syntax' && finding.severity === 'error'));
      assert.equal(findings[0].range.start.line, 3);
      assert.match(findings[0].message, /^YAML: .*Flow sequence/);
    });

    it('places bad indentation on the line that has it', () => {
      const text = 'smart:\n  maxWords: 60\n   verbs: {}\n';
      const { config, findings } = parseWorkspaceConfig(text);
      assert.deepEqual(config, {});
      assert.ok(findings.length > 0 && findings.every((finding) => finding.code === 'config/syntax'));
      assert.ok(findings.some((finding) => finding.range.start.line === 1 || finding.range.start.line === 2));
    });

    it('puts a duplicate key on the whole second key', () => {
      const text = 'rules:\n  numbering: error\n  numbering: off\n';
      const finding = only(text);
      assert.equal(finding.code, 'config/syntax');
      assert.equal(finding.text, 'numbering');
      assert.equal(finding.range.start.line, 2);
      assert.match(finding.message, /unique/);
      assert.deepEqual(parseWorkspaceConfig(text).config, {});
    });

    it('reports several documents in one file', () => {
      const text = 'rules:\n  numbering: off\n---\nrules:\n  numbering: error\n';
      const finding = only(text);
      assert.equal(finding.code, 'config/syntax');
      assert.equal(finding.range.start.line, 2);
      assert.ok(finding.text.startsWith('---\nrules:'), finding.text);
      assert.deepEqual(parseWorkspaceConfig(text).config, {});
    });

    it('keeps the settings when YAML only warns', () => {
      const text = 'smart:\n  terms: [!term Akyikatchy]\n';
      const { config, findings } = parseWorkspaceConfig(text);
      assert.deepEqual(findings.map((finding) => [finding.code, finding.severity, textAt(text, finding.range)]), [['config/syntax', 'warning', '!term']]);
      assert.deepEqual(config, { smart: { acceptedTerms: ['Akyikatchy'] } });
    });

    it('refuses a file whose aliases expand without end', () => {
      let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
      for (let i = 1; i < 6; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
      const { config, findings } = parseWorkspaceConfig(text);
      assert.deepEqual(config, {});
      assert.equal(findings.length, 1);
      assert.equal(findings[0].code, 'config/syntax');
      assert.match(findings[0].message, /alias/);
    });
  });

  describe('unknown keys (config/unknown-key)', () => {
    it('puts an unknown top-level key on the key, lists the known ones and keeps the rest', () => {
      const text = 'wordLimits:\n  joint: 6000\nrules:\n  numbering: off\n';
      const finding = only(text);
      assert.equal(finding.code, 'config/unknown-key');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.text, 'wordLimits');
      assert.equal(finding.message, 'Unknown key "wordLimits": did you mean "wordLimit"? Expected one of rules, wordLimit, smart.');
      assert.deepEqual(parseWorkspaceConfig(text).config, { rules: { numbering: 'off' } });
    });

    it('puts unknown nested keys on the key', () => {
      const cases: [string, string, RegExp][] = [
        ['wordLimit:\n  joint: 6000\n  ngo: 4000\n', 'ngo', /[Ee]xpected one of individual, joint, nhri, countFootnotes, warnAtPercent/],
        ['smart:\n  maxWord: 40\n', 'maxWord', /did you mean "maxWords"\? Expected one of maxWords, verbs, terms/],
        ['smart:\n  verbs:\n    de:\n      5: [kodifizieren]\n', 'de', /[Ee]xpected one of en, ru, fr, es/],
        ['smart:\n  verbs:\n    en:\n      6: [codify]\n', '6', /[Ee]xpected one of 1, 2, 3, 4, 5/],
        ['smart:\n  verbs:\n    en:\n      "specific": [codify]\n', '"specific"', /"specific"/],
      ];
      for (const [text, key, message] of cases) {
        const finding = only(text);
        assert.equal(finding.code, 'config/unknown-key', text);
        assert.equal(finding.text, key, text);
        assert.match(finding.message, message);
      }
      assert.deepEqual(parseWorkspaceConfig(cases[0][0]).config, { wordLimits: { joint: 6000 } });
    });
  });

  describe('wrong values (config/schema)', () => {
    const cases: [string, string, RegExp][] = [
      ['rules:\n  numbering: warn\n', 'warn', /"rules\.numbering" must be one of error, warning, information, hint, off, not "warn"/],
      ['rules:\n  smart/time-bound: 2\n', '2', /"rules\.smart\/time-bound" must be one of .*, not 2/],
      ['wordLimit:\n  individual: 0\n', '0', /"wordLimit\.individual" must be at least 1, not 0/],
      ['wordLimit:\n  joint: 5630.5\n', '5630.5', /"wordLimit\.joint" must be a whole number, not 5630\.5/],
      ['wordLimit:\n  nhri: many\n', 'many', /"wordLimit\.nhri" must be a whole number, not "many"/],
      ['wordLimit:\n  countFootnotes: yes\n', 'yes', /"wordLimit\.countFootnotes" must be true or false, not "yes"/],
      ['wordLimit:\n  warnAtPercent: 150\n', '150', /"wordLimit\.warnAtPercent" must be at most 100, not 150/],
      ['wordLimit:\n  warnAtPercent: 0\n', '0', /must be at least 1/],
      ['wordLimit:\n  warnAtPercent: .inf\n', '.inf', /"wordLimit\.warnAtPercent" must be a number/],
      ['smart:\n  maxWords: -5\n', '-5', /"smart\.maxWords" must be at least 1, not -5/],
      ['smart:\n  maxWords: [60]\n', '[60]', /"smart\.maxWords" must be a whole number, not \[60\]/],
      ['smart:\n  verbs:\n    en:\n      5: codify\n', 'codify', /"smart\.verbs\.en\.5" must be a list, not "codify"/],
      ['smart:\n  verbs:\n    en: [codify]\n', '[codify]', /"smart\.verbs\.en" must be a set of keys and values/],
      ['smart:\n  verbs:\n    en:\n      5: ["* ombudsperson"]\n', '"* ombudsperson"', /"smart\.verbs\.en\.5\[0\]" must be a phrase that starts with a word/],
      ['smart:\n  verbs:\n    en:\n      5: ["  "]\n', '"  "', /must be a phrase that starts with a word/],
      ['smart:\n  verbs:\n    ru:\n      5: [12]\n', '12', /"smart\.verbs\.ru\.5\[0\]" must be text, not 12/],
      ['smart:\n  terms: National Preventive Mechanism\n', 'National Preventive Mechanism', /"smart\.terms" must be a list/],
      ['smart:\n  terms:\n    - ""\n', '""', /"smart\.terms\[0\]" must not be empty/],
      ['wordLimit: 5630\n', '5630', /"wordLimit" must be a set of keys and values, not 5630/],
    ];
    for (const [text, value, message] of cases) {
      it(`places ${JSON.stringify(text.trim().split('\n').pop())} on the value`, () => {
        const finding = only(text);
        assert.equal(finding.code, 'config/schema');
        assert.equal(finding.severity, 'error');
        assert.equal(finding.text, value);
        assert.match(finding.message, message);
      });
    }

    it('puts a rule name that is not a code or group on the key', () => {
      for (const key of ['Numbering', 'numbering/gap/extra', 'numbering gap', '"smart/"']) {
        const text = `rules:\n  ${key}: off\n  sections: warning\n`;
        const finding = only(text);
        assert.equal(finding.code, 'config/schema', key);
        assert.equal(finding.text, key);
        assert.match(finding.message, /is not a rule: write a code such as numbering\/gap or a group such as numbering/);
        assert.deepEqual(parseWorkspaceConfig(text).config, { rules: { sections: 'warning' } });
      }
    });

    it('rejects a file that is not a set of keys', () => {
      for (const text of ['- rules\n- smart\n', 'just some text\n', '42']) {
        const finding = only(text);
        assert.equal(finding.code, 'config/schema');
        assert.equal(finding.text, text.trim());
        assert.match(finding.message, /must be a set of keys and values/);
        assert.deepEqual(parseWorkspaceConfig(text).config, {});
      }
    });
  });

  describe('partial validity: only the offending entries are dropped', () => {
    it('keeps every valid setting around several mistakes, each reported in file order', () => {
      const text = EXAMPLE.replace('numbering: error', 'numbering: loud')
        .replace('warnAtPercent: 90', 'warnAtPercent: 190')
        .replace('"set up * ombudsperson"', '"* ombudsperson"')
        .replace('    ru:\n', '    kg:\n      5: [x]\n    ru:\n')
        .replace('    - Akyikatchy\n', '    - Akyikatchy\n    - 7\n');
      const { config, findings } = parseWorkspaceConfig(text);
      assert.deepEqual(
        findings.map((finding) => [finding.code, textAt(text, finding.range)]),
        [
          ['config/schema', 'loud'],
          ['config/schema', '190'],
          ['config/schema', '"* ombudsperson"'],
          ['config/unknown-key', 'kg'],
          ['config/schema', '7'],
        ],
      );
      assert.deepEqual(config, {
        rules: { 'smart/time-bound': 'warning', 'word-limit/near': 'off' },
        wordLimits: { individual: 2815, joint: 5630, nhri: 5630 },
        countFootnotes: true,
        smart: {
          maxWords: 60,
          extraVerbs: { en: { 5: ['codify'], 3: ['look into'] }, ru: { 5: ['кодифицировать'] } },
          acceptedTerms: ['National Preventive Mechanism', 'Akyikatchy'],
        },
      });
    });

    it('drops a section of the wrong kind as a whole, and only it', () => {
      const { config, findings } = parseWorkspaceConfig('rules: off\nsmart:\n  maxWords: 45\n');
      assert.equal(findings.length, 1);
      assert.deepEqual(config, { smart: { maxWords: 45 } });
    });
  });

  it('keeps ranges right with Windows line endings and a byte order mark', () => {
    const text = '\uFEFF# shared\r\nrules:\r\n  numbering: loud\r\nsmart:\r\n  maxWord: 40\r\n';
    const { findings } = parseWorkspaceConfig(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.range.start.line, textAt(text, finding.range)]),
      [
        ['config/schema', 2, 'loud'],
        ['config/unknown-key', 4, 'maxWord'],
      ],
    );
  });

  it('speaks Russian when asked', () => {
    useLocale('ru');
    assert.equal(only('colour: blue\n').message, 'Неизвестный ключ «colour»: допустимы rules, wordLimit, smart.');
    assert.equal(only('wordLimit:\n  countFootnotes: yes\n').message, '«wordLimit.countFootnotes» должно быть true или false, а не "yes".');
    assert.equal(only('wordLimit:\n  warnAtPercent: many\n').message, '«wordLimit.warnAtPercent» должно быть числом, а не "many".');
    assert.equal(
      only('rules:\n  Numbering: off\n').message,
      '«Numbering» — не правило: укажите код, например numbering/gap, или группу, например numbering (строчными латинскими буквами и дефисами).',
    );
    assert.equal(
      only('smart:\n  verbs:\n    en:\n      5: ["* gap"]\n').message,
      '«smart.verbs.en.5[0]» должно быть фразой, которая начинается со слова (пропуск * не может стоять первым), а не "* gap".',
    );
    assert.equal(only('- a list\n').message, 'Файл настроек должен состоять из ключей и значений (rules, wordLimit, smart).');
    assert.match(only('rules:\n  a: off\n  a: off\n').message, /^YAML: /);
  });

  it('never throws on garbage, and keeps its ranges inside the text', () => {
    const odd = [
      '\u0000\u0001\u0002\uffff\ud800',
      'rules:\n  numbering: \u0000\n',
      '\t\trules',
      ': : :',
      '[[[[[[[[[[',
      '{'.repeat(5000),
      '- '.repeat(2000),
      '__proto__:\n  polluted: true\nconstructor:\n  prototype: {}\n',
      'rules:\n  __proto__: off\n',
      'smart:\n  verbs:\n    en:\n      __proto__: [x]\n',
      'smart: !!binary aGVsbG8=\n',
      '!!binary aGVsbG8=\n',
      'rules: &r\n  numbering: off\nsmart: *r\n',
      '? [complex, key]\n: value\n',
      '%YAML 9.9\n---\nrules: {}\n',
      'wordLimit:\n  joint: 1e999\n',
      Buffer.from([0xff, 0xfe, 0x00, 0x72, 0x00, 0x75]).toString('latin1'),
    ];
    const check = (text: string) => {
      const { config, findings } = parseWorkspaceConfig(text);
      resolveConfig(config);
      const lines = text.split(/\r\n|\r|\n/);
      for (const finding of findings) {
        assert.match(finding.code, /^config\/(syntax|schema|unknown-key)$/);
        for (const position of [finding.range.start, finding.range.end]) {
          assert.ok(position.line < lines.length && position.character <= lines[position.line].length, JSON.stringify({ text, finding }));
        }
      }
    };
    odd.forEach(check);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(parseWorkspaceConfig('wordLimit:\n  joint: 1e999\n').config, {});
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => check(text)), { numRuns: 300 });
    const yamlish = fc.array(fc.constantFrom('rules', 'smart', 'verbs', 'en', '5', 'terms', ':', ' ', '\n', '  ', '- ', '[', ']', '{', '}', '"', '*', '&a', '*a', '#', 'off', '1'), { maxLength: 60 });
    fc.assert(fc.property(yamlish, (parts) => check(parts.join(''))), { numRuns: 500 });
  });

  describe('schema', () => {
    type Node = Record<string, unknown>;
    const walk = (node: unknown, path: string, visit: (node: Node, path: string) => void): void => {
      if (typeof node !== 'object' || node === null) return;
      visit(node as Node, path);
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`, visit);
    };

    it('is draft-07 with a description on every property and no loose objects', () => {
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
      walk(schema, '#', (node, path) => {
        if (node.properties) {
          assert.equal(node.additionalProperties, false, `${path} allows other keys`);
          for (const [key, property] of Object.entries(node.properties as Record<string, Node>)) {
            assert.equal(typeof property.description, 'string', `${path}/properties/${key} has no description`);
          }
        }
        if (typeof node.additionalProperties === 'object') assert.equal(typeof (node.additionalProperties as Node).description, 'string', path);
        if (typeof node.items === 'object') assert.equal(typeof (node.items as Node).description, 'string', path);
      });
    });
  });
});
