// Tokenises submission lines with the real TextMate engine (vscode-textmate +
// vscode-oniguruma, as VS Code does) and checks the scopes that
// syntaxes/upr-submission.tmLanguage.json assigns.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const root = fileURLToPath(new URL('../..', import.meta.url));
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const grammarPath = path.join(root, 'syntaxes', 'upr-submission.tmLanguage.json');

// The Markdown and YAML grammars ship with VS Code, not as npm packages, so
// they are not available offline here. Minimal stand-ins are handed to the
// registry instead: they are enough for our grammar's includes to resolve
// (`text.html.markdown`, `text.html.markdown#inline`, `source.yaml`) and
// they keep the assertions on our grammar's own rules. The YAML stand-in
// scopes `key:` names so that the embedding of `source.yaml` in the front
// matter is observable.
const STUB_GRAMMARS: Record<string, vsctm.IRawGrammar> = {
  'text.html.markdown': {
    scopeName: 'text.html.markdown',
    patterns: [],
    repository: { inline: { patterns: [] } },
  } as unknown as vsctm.IRawGrammar,
  'source.yaml': {
    scopeName: 'source.yaml',
    patterns: [{ match: '^([A-Za-z_][\\w-]*)(:)', captures: { 1: { name: 'entity.name.tag.yaml' } } }],
  } as unknown as vsctm.IRawGrammar,
};

interface Token {
  text: string;
  scopes: string[];
}

let grammar: vsctm.IGrammar;

/** Tokenises a whole document; returns one token list per line. */
function tokenize(doc: string): Token[][] {
  let ruleStack = vsctm.INITIAL;
  return doc.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, ruleStack);
    ruleStack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The token of `line` whose text is exactly `text`. */
function token(line: Token[], text: string): Token {
  const found = line.find((t) => t.text === text);
  assert.ok(found, `no token ${JSON.stringify(text)} in ${JSON.stringify(line.map((t) => t.text))}`);
  return found;
}

function assertScope(tok: Token, scope: string): void {
  assert.ok(tok.scopes.includes(scope), `${JSON.stringify(tok.text)} has ${tok.scopes.join(' ')}, expected ${scope}`);
}

/** Texts of the tokens on a line that carry `scope`. */
function textsWith(line: Token[], scope: string): string[] {
  return line.filter((t) => t.scopes.includes(scope)).map((t) => t.text);
}

describe('TextMate grammar text.upr-submission', () => {
  before(async () => {
    const wasm = fs.readFileSync(requireFromRoot.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName === 'text.upr-submission') {
          return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
        }
        return STUB_GRAMMARS[scopeName] ?? null;
      },
    });
    const loaded = await registry.loadGrammar('text.upr-submission');
    assert.ok(loaded, 'grammar text.upr-submission did not load');
    grammar = loaded;
  });

  describe('front matter', () => {
    const doc = ['---', 'type: joint', 'state: Kyrgyzstan', '---', '1. Text.'].join('\n');

    it('embeds source.yaml in meta.embedded.block.frontmatter', () => {
      const lines = tokenize(doc);
      const key = token(lines[1], 'type');
      assertScope(key, 'meta.embedded.block.frontmatter');
      assertScope(key, 'entity.name.tag.yaml');
      assertScope(token(lines[2], 'state'), 'meta.embedded.block.frontmatter');
    });

    it('marks the delimiters and ends at the closing ---', () => {
      const lines = tokenize(doc);
      assertScope(token(lines[0], '---'), 'punctuation.definition.begin.frontmatter');
      assertScope(token(lines[3], '---'), 'punctuation.definition.end.frontmatter');
      assert.ok(lines[3].every((t) => !t.scopes.includes('meta.embedded.block.frontmatter')));
      const number = token(lines[4], '1.');
      assert.ok(!number.scopes.includes('meta.frontmatter.upr'));
      assertScope(number, 'constant.numeric.paragraph-number.upr');
    });

    it('is front matter only at the very top of the file', () => {
      const lines = tokenize(['Intro.', '---', 'type: joint', '---'].join('\n'));
      for (const line of lines) {
        assert.ok(line.every((t) => !t.scopes.includes('meta.embedded.block.frontmatter')));
      }
    });
  });

  describe('paragraph numbers', () => {
    it('scopes the number at line start', () => {
      const [line] = tokenize('12. The coalition welcomes the ratification.');
      const number = token(line, '12.');
      assertScope(number, 'constant.numeric.paragraph-number.upr');
      assertScope(number, 'meta.paragraph.numbered.upr');
      assertScope(token(line, ' The coalition welcomes the ratification.'), 'meta.paragraph.numbered.upr');
    });

    it('ignores numbers that are not at line start', () => {
      const [line] = tokenize('In 2019 12. was not a paragraph number.');
      assert.deepEqual(textsWith(line, 'constant.numeric.paragraph-number.upr'), []);
    });

    it('follows the parser: an indented "1." is a list marker, a wrapped "2015." is text', () => {
      const lines = tokenize(['  1. A list item', '', '4. The law was adopted in', '2015. It entered into force.'].join('\n'));
      assert.deepEqual(textsWith(lines[0], 'constant.numeric.paragraph-number.upr'), []);
      assert.deepEqual(textsWith(lines[3], 'constant.numeric.paragraph-number.upr'), []);
      assertScope(token(lines[3], '2015. It entered into force.'), 'meta.paragraph.numbered.upr');
    });

    it('keeps hard-wrapped continuation lines in the paragraph', () => {
      const lines = tokenize(['3. First line', 'second line', '', 'Other.'].join('\n'));
      assertScope(token(lines[1], 'second line'), 'meta.paragraph.numbered.upr');
      assert.ok(lines[3].every((t) => !t.scopes.includes('meta.paragraph.numbered.upr')));
    });
  });

  describe('references to UN documents', () => {
    it('scopes a previous recommendation as a reference', () => {
      const [line] = tokenize('5. Kyrgyzstan supported it (A/HRC/29/4, para. 117.23) in 2015.');
      const symbol = token(line, 'A/HRC/29/4');
      assertScope(symbol, 'entity.name.tag.document-symbol.upr');
      assertScope(symbol, 'markup.underline.link.reference.upr');
      assertScope(token(line, 'para.'), 'keyword.other.paragraph.upr');
      const para = token(line, '117.23');
      assertScope(para, 'constant.numeric.paragraph-reference.upr');
      assertScope(para, 'markup.underline.link.reference.upr');
      assert.ok(token(line, ') in 2015.').scopes.every((s) => !s.endsWith('.upr') || s === 'meta.paragraph.numbered.upr'));
    });

    it('scopes treaty-body symbols with a paragraph, and Russian "п."', () => {
      const [en] = tokenize('See CEDAW/C/KGZ/CO/5, para. 12.');
      assertScope(token(en, 'CEDAW/C/KGZ/CO/5'), 'markup.underline.link.reference.upr');
      assertScope(token(en, '12'), 'constant.numeric.paragraph-reference.upr');
      const [ru] = tokenize('См. A/HRC/15/2, п. 76.58.');
      assertScope(token(ru, 'A/HRC/15/2'), 'markup.underline.link.reference.upr');
      assertScope(token(ru, '76.58'), 'constant.numeric.paragraph-reference.upr');
    });

    it('scopes each paragraph of a list after a plural, and no number after a singular', () => {
      const [line] = tokenize('See A/HRC/15/2, paras. 76.116 and 76.25, and CEDAW/C/KGZ/CO/5, пп. 5 и 7; A/HRC/15/2, para. 76.1, 25 times.');
      assert.deepEqual(textsWith(line, 'constant.numeric.paragraph-reference.upr'), ['76.116', '76.25', '5', '7', '76.1']);
      assertScope(token(line, 'paras.'), 'keyword.other.paragraph.upr');
      assertScope(token(line, 'A/HRC/15/2'), 'markup.underline.link.reference.upr');
    });

    it('scopes bare document symbols', () => {
      const [line] = tokenize('Reports A/HRC/41/34/Add.1 and A/HRC/WG.6/8/KGZ/1, and E/C.12/KGZ/CO/2-3.');
      assert.deepEqual(textsWith(line, 'entity.name.tag.document-symbol.upr'), [
        'A/HRC/41/34/Add.1',
        'A/HRC/WG.6/8/KGZ/1',
        'E/C.12/KGZ/CO/2-3',
      ]);
      assert.deepEqual(textsWith(line, 'markup.underline.link.reference.upr'), []);
    });

    it('does not take ordinary slashes for symbols', () => {
      const [line] = tokenize('A/B testing and/or S/he, A/HRC alone and http://example.org/A/HRC/15/2');
      assert.deepEqual(textsWith(line, 'entity.name.tag.document-symbol.upr'), []);
    });
  });

  describe('SDG references', () => {
    it('scopes goals and targets in the four languages', () => {
      const [line] = tokenize('SDG 5.2, SDG 16.a, SDG 4, ЦУР 5.2, ODD 5.2 and ODS 10.3.');
      assert.deepEqual(textsWith(line, 'constant.other.sdg.upr'), [
        'SDG 5.2',
        'SDG 16.a',
        'SDG 4',
        'ЦУР 5.2',
        'ODD 5.2',
        'ODS 10.3',
      ]);
    });

    it('reads references as the linter does: unknown goals are for diagnostics to flag', () => {
      const [line] = tokenize('SDGs 5 and SDG 18, but not XSDG 5.2, SDG5 or SDG-5.');
      assert.deepEqual(textsWith(line, 'constant.other.sdg.upr'), ['SDGs 5', 'SDG 18']);
    });
  });

  describe('recommendation items', () => {
    it('scopes the bullet and gives the item a meta scope', () => {
      const lines = tokenize(['- Ratify the Optional Protocol by 2028.', '  and continue here', '- - -'].join('\n'));
      const bullet = token(lines[0], '-');
      assertScope(bullet, 'punctuation.definition.list-item.recommendation.upr');
      assertScope(bullet, 'meta.list-item.recommendation.upr');
      assertScope(token(lines[0], ' Ratify the Optional Protocol by 2028.'), 'meta.list-item.recommendation.upr');
      assertScope(token(lines[1], '  and continue here'), 'meta.list-item.recommendation.upr');
      assert.ok(lines[2].every((t) => !t.scopes.includes('meta.list-item.recommendation.upr')), 'a "- - -" rule is no item');
    });
  });

  describe('footnotes', () => {
    it('scopes markers and definitions', () => {
      const lines = tokenize(['7. A claim.[^12]', '', '[^12]: Coalition survey, 2024.'].join('\n'));
      assertScope(token(lines[0], '12'), 'constant.other.reference.footnote.upr');
      const label = token(lines[2], '12');
      assertScope(label, 'meta.footnote.definition.upr');
      assertScope(label, 'entity.name.label.footnote.upr');
    });
  });

  describe('directives', () => {
    it('scopes upr-disable comments, their keyword and rule names', () => {
      const lines = tokenize(
        [
          '<!-- upr-disable-next-line numbering/gap, word-limit -->',
          '4. Text <!-- upr-disable-line numbering -->',
          '<!-- upr-disable-file -->',
          '<!-- an ordinary comment -->',
        ].join('\n'),
      );
      assertScope(token(lines[0], 'upr-disable-next-line'), 'keyword.control.directive.upr');
      assert.deepEqual(textsWith(lines[0], 'constant.other.rule-name.upr'), ['numbering/gap', 'word-limit']);
      assertScope(token(lines[1], 'upr-disable-line'), 'keyword.control.directive.upr');
      assertScope(token(lines[1], 'numbering'), 'meta.directive.upr');
      assertScope(token(lines[2], 'upr-disable-file'), 'keyword.control.directive.upr');
      assert.deepEqual(textsWith(lines[3], 'meta.directive.upr'), []);
    });
  });
});
