import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import type { Range } from '../../server/src/core/text';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { analyse, codes, frontMatter, submission } from './helpers';

/** Every range the analysis and the features give lies inside the document. */
function assertRangesInside(text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (range: Range, what: string) => {
    for (const position of [range.start, range.end]) {
      assert.ok(position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} of ${lines.length}`);
      assert.ok(
        position.character >= 0 && position.character <= lines[position.line].length,
        `${what}: character ${position.character} of ${lines[position.line].length} on line ${position.line}`,
      );
    }
    assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: reversed`);
  };
  const analysis = analyseText(text, resolveConfig());
  const { model } = analysis;
  analysis.diagnostics.forEach((diagnostic) => inside(diagnostic.range, diagnostic.code));
  model.sections.forEach((section) => [section.range, section.titleRange, section.headingRange].forEach((range) => inside(range, 'section')));
  model.paragraphs.forEach((paragraph) => [paragraph.range, paragraph.numberRange].forEach((range) => inside(range, 'paragraph')));
  model.recommendations.forEach((item) => [item.range, item.textRange].forEach((range) => inside(range, 'recommendation')));
  [...model.references, ...model.sdgReferences, ...model.footnoteReferences, ...model.footnoteDefinitions].forEach((entry) => inside(entry.range, 'reference'));
  model.comments.forEach((range) => inside(range, 'comment'));
  const visit = (symbols: ReturnType<typeof documentSymbols>) =>
    symbols.forEach((symbol) => {
      inside(symbol.range, 'symbol');
      inside(symbol.selectionRange, 'symbol selection');
      visit(symbol.children ?? []);
    });
  visit(documentSymbols(analysis));
  for (const folding of foldingRanges(model)) assert.ok(folding.startLine < folding.endLine && folding.endLine < lines.length);
}

describe('bad input', () => {
  it('explains malformed YAML without failing the rest of the analysis', () => {
    const text = `---\ntype: joint\nstate: [Kyrgyzstan\n  cycle: : 4\n---\n\n## Executive summary\n\n1. One.\n\n3. Three.\n`;
    const found = codes(analyse(text));
    assert.ok(found.includes('front-matter/syntax'));
    assert.ok(found.includes('numbering/gap'));
    assertRangesInside(text);
  });

  it('explains a front matter whose aliases expand without end', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const name of 'bcdefghi') laughs.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(',')}]`);
    const text = `---\n${laughs.join('\n')}\n---\n\n## Executive summary\n`;
    assert.ok(codes(analyse(text)).includes('front-matter/syntax'));
    assertRangesInside(text);
  });

  it('explains a front matter value of the wrong type, and reads the rest', () => {
    for (const key of ['type', 'state', 'cycle', 'session', 'language', 'title', 'coalition', 'word_limit', 'deadline', 'issues']) {
      for (const value of ['5', '[Kyrgyzstan]', '{name: Kyrgyzstan}', 'true', 'null', '2024-10-04']) {
        const fields = { type: 'joint', state: 'Kyrgyzstan', cycle: '4', language: 'en', title: 'T', [key]: value };
        const text = `---\n${Object.entries(fields).map(([name, written]) => `${name}: ${written}`).join('\n')}\n---\n\n# Recommendations\n\n- Take steps against torture.\n`;
        let found: string[] = [];
        assert.doesNotThrow(() => (found = codes(analyse(text))), `${key}: ${value}`);
        // The recommendation is still checked (a general action).
        assert.ok(found.includes('smart/action-category'), `${key}: ${value}: ${found.join(', ')}`);
      }
    }
    const wrongState = codes(analyse('---\ntype: joint\nstate: 5\ncycle: 4\nlanguage: en\ntitle: T\n---\n\n# Recommendations\n\n- Take steps against torture.\n'));
    assert.ok(wrongState.includes('front-matter/schema'));
    assert.ok(!wrongState.includes('front-matter/unknown-state'));
  });

  it('reads a front matter value with a mistake inside it, which is said', () => {
    const text =
      '---\ntype: joint\nstate: Kyrgyzstan\ncycle: 4\nlanguage: en\ntitle: T\ncoalition:\n  name: Open Door Network\n  members:\n    - organisation: Open Door\n' +
      'issues:\n  - Torture and other CID\n  - Torture and other CID\n---\n\n# Recommendations\n\n- Take steps against torture.\n';
    const analysis = analyse(text);
    assert.ok(codes(analysis).includes('front-matter/schema'), codes(analysis).join(', '));
    assert.equal(analysis.frontMatter.data.coalition?.name, 'Open Door Network');
    assert.deepEqual(analysis.frontMatter.data.issues, ['Torture and other CID', 'Torture and other CID']);
  });

  it('explains a document without front matter', () => {
    assert.deepEqual(codes(analyse('Just a letter.\n')), ['front-matter/missing', 'sections/executive-summary', 'sections/recommendations']);
    assert.deepEqual(codes(analyse('')), ['front-matter/missing', 'sections/executive-summary', 'sections/recommendations']);
  });

  it('survives binary garbage', () => {
    let seed = 7;
    const bytes = Buffer.from(Array.from({ length: 64 * 1024 }, () => (seed = (seed * 1103515245 + 12345) & 0xff)));
    for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), `---\n${bytes.toString('latin1')}\n---\n`]) {
      assertRangesInside(text);
    }
  });

  it('analyses a 5 MB document', () => {
    const paragraph = (n: number) => `${n}. The coalition documented ${n} cases in A/HRC/15/2, para. 76.27 (SDG 5.2).[^${n}]\n\n`;
    let body = '## Executive summary\n\n';
    for (let n = 1; body.length < 5 * 1024 * 1024; n++) body += paragraph(n);
    const text = submission(body);
    const analysis = analyse(text);
    assert.ok(analysis.model.paragraphs.length > 50_000);
    assert.ok(codes(analysis).includes('word-limit/exceeded'));
  });

  it('gives the same findings in CRLF, with a byte-order mark and with tabs', () => {
    const text = submission('1.\tOne\ttab.\n\n3. Three.', 'colour: red\n');
    const expected = analyse(text).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]);
    const crlf = text.replace(/\n/g, '\r\n');
    assert.deepEqual(analyse(crlf).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), expected);
    assert.deepEqual(analyse(`\ufeff${crlf}`).diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), expected);
    assert.equal(analyse(`\ufeff${crlf}`).wordCount.words, analyse(text).wordCount.words);
    assertRangesInside(crlf);
    assertRangesInside(`\ufeff${crlf}`);
  });

  it('never throws and keeps every range inside the document, whatever the text', () => {
    const fragments = [
      '---', '...', '#', '## Executive summary', '### Recommendations', 'Рекомендации\n---', '1.', '12. Text', '2015. year',
      '- item', '  - nested', '* star', '1) list', '> quote', '```', '~~~', '<!--', '-->', '<!-- upr-disable-next-line -->',
      '[^1]', '[^1]: note', '[link](http://x)', '![img](y)', '<br>', '|a|b|', 'A/HRC/29/4, para. 117.23', 'SDG 5.2',
      'ЦУР 18.1', 'type: joint', 'state: [', 'language: xx', 'word_limit: -1', '\t', ' ', '\r\n', '\r', '\n', '\ufeff',
      '😀', 'é', '\u0000', 'Права человека',
    ];
    const documents = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 }), fc.constant('\n')), { maxLength: 60 });
    fc.assert(
      fc.property(fc.boolean(), documents, (withFrontMatter, parts) => {
        const text = (withFrontMatter ? frontMatter() : '') + parts.join('');
        assertRangesInside(text);
      }),
      { numRuns: 500 },
    );
  });
});
