// The Word export's core on generated and odd submissions: it always makes a document, and the
// words of that document are the words the project counts (what a reader sees, footnotes included),
// once the cover lines and the literal paragraph numbers it adds are taken out.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import JSZip from 'jszip';
import { analyseText } from '../../server/src/core/analyse';
import { resolveConfig } from '../../server/src/core/config';
import { coverLines, emphasisRuns, exportToDocx } from '../../server/src/core/export/docx';
import { frontMatter } from './helpers';

const config = resolveConfig(undefined);

const decodeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of every paragraph of a part, one line each. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)]
    .map(([, inner]) => [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((match) => (match[1] === undefined ? ' ' : decodeXml(match[1]))).join(''))
    .join('\n');
}

/** The project's rule (core/wordCount.ts): runs between spaces with a letter or a digit. */
const countWords = (text: string) => text.split(/[\s\u00a0]+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

async function exportedWords(text: string): Promise<{ exported: number; counted: number }> {
  const analysis = analyseText(text, config);
  const zip = await JSZip.loadAsync(await exportToDocx(analysis));
  const body = textOf(await zip.file('word/document.xml')!.async('string'));
  const footnotes = textOf(await zip.file('word/footnotes.xml')!.async('string'));
  const added = countWords(coverLines(analysis).join('\n')) + analysis.model.paragraphs.length;
  return { exported: countWords(body) + countWords(footnotes) - added, counted: analysis.wordCount.words };
}

const word = fc.constantFrom('rights', 'права', 'women', 'школа', '2024', 'A/HRC/15/2,', 'SDG 5.2', '—', '**bold**', '*it*', '[link](https://example.org/x)', '<!-- note -->', 'glued<!-- x -->words', 'end.');
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));

/** A body of headings, numbered paragraphs, plain paragraphs, lists, recommendations and cited footnotes. */
const body = fc
  .array(
    fc.oneof(
      sentence.map((text) => `## ${text}`),
      sentence.map((text) => `N. ${text}`),
      sentence,
      fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
      fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => `## Recommendations\n\n${items.map((item) => `- ${item}`).join('\n')}`),
      sentence.map((text) => `${text}[^F]`),
      fc.constant('<!-- a comment\nover two lines -->'),
      fc.constant('```\ncode block words\n```'),
    ),
    { maxLength: 12 },
  )
  .map((blocks) => {
    let paragraph = 0;
    let footnote = 0;
    const definitions: string[] = [];
    const text = blocks
      .map((block) =>
        block
          .replace(/^N\./, () => `${++paragraph}.`)
          .replace(/\[\^F\]/, () => {
            footnote++;
            definitions.push(`[^${footnote}]: Source [number ${footnote}](https://example.org/${footnote}), page ${footnote * 3}.`);
            return `[^${footnote}]`;
          }),
      )
      .join('\n\n');
    return `# Title of the submission\n\n${text}\n\n${definitions.join('\n\n')}\n`;
  });

describe('Word export (core)', function () {
  this.timeout(60000);

  it('keeps every word the project counts, on generated submissions', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const { exported, counted } = await exportedWords(`${frontMatter()}\n${text}`);
        assert.equal(exported, counted, text);
      }),
      { numRuns: 40 },
    );
  });

  it('makes a document of a file with no front matter, an unclosed one, or values of the wrong kind', async () => {
    const odd = [
      '',
      'Just a line.',
      '---\ntitle: never closed\n\n1. Text.',
      '---\ntype: 42\nstate: [1, 2]\ntitle: 7\ncoalition: text\n---\n\n1. Text.',
      '---\ntype: toString\nlanguage: constructor\n---\n\n1. Text.',
      '---\ncoalition:\n  name: C\n  members: [null, "x", {organisation: 5}]\n---\n\nText with a marker[^nowhere] and\r\nCRLF lines.\r\n',
      '\ufeff---\ntype: joint\n---\nSetext title\n============\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    ];
    for (const text of odd) {
      const bytes = await exportToDocx(analyseText(text, config));
      assert.equal(bytes.subarray(0, 2).toString(), 'PK', JSON.stringify(text));
    }
  });

  it('names the State, session and co-submitters on the cover, and leaves out what the front matter lacks', () => {
    const full = coverLines(analyseText(`${frontMatter()}\n# Joint submission on disability rights\n`, config));
    assert.deepEqual(full, [
      'Joint submission to the Universal Periodic Review of Kyrgyzstan: cycle 4, session 49',
      'Submitted by:',
      'Coalition for Inclusion',
      'Access Now Bishkek (Bishkek)',
      'Equal Steps (Osh)',
      'Word count: 5 (limit 5630)',
    ]);
    const bare = coverLines(analyseText('---\ntype: individual\n---\n\nOne two three.\n', config));
    assert.deepEqual(bare, ['Submission to the Universal Periodic Review', 'Word count: 3 (limit 2815)']);
    assert.equal(coverLines(analyseText('---\ntype: toString\nlanguage: constructor\n---\n', config))[0], 'Joint submission to the Universal Periodic Review');
    const french = coverLines(analyseText(frontMatter().replace('language: en', 'language: fr'), config));
    assert.equal(french[0], "Communication conjointe pour l'Examen périodique universel : Kyrgyzstan, cycle 4, session 49");
    assert.equal(french.at(-1), 'Nombre de mots : 0 (limite 5630)');
  });

  it('shows the front matter title under a first heading that says something else, and only once when they agree', async () => {
    const paragraphsOf = async (text: string) => textOf(await (await JSZip.loadAsync(await exportToDocx(analyseText(text, config)))).file('word/document.xml')!.async('string')).split('\n');
    const differing = await paragraphsOf(`${frontMatter()}\n# Access to schools\n\n1. Text.\n`);
    assert.deepEqual(differing.slice(0, 3), ['Access to schools', 'Joint submission on disability rights', 'Joint submission to the Universal Periodic Review of Kyrgyzstan: cycle 4, session 49']);
    const agreeing = await paragraphsOf(`${frontMatter()}\n# Joint submission on *disability* rights\n\n1. Text.\n`);
    assert.deepEqual(agreeing.slice(0, 2), ['Joint submission on disability rights', 'Joint submission to the Universal Periodic Review of Kyrgyzstan: cycle 4, session 49']);
    const withoutHeading = await paragraphsOf(`${frontMatter()}\n1. Text.\n`);
    assert.deepEqual(withoutHeading.slice(0, 2), ['Joint submission on disability rights', 'Joint submission to the Universal Periodic Review of Kyrgyzstan: cycle 4, session 49']);
  });

  it('keeps simple emphasis and leaves lone asterisks and snake_case alone', () => {
    assert.deepEqual(emphasisRuns('a **b** *c* _d_ `e` 2*3*4 snake_case_name'), [
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italics: true },
      { text: ' ' },
      { text: 'd', italics: true },
      { text: ' ' },
      { text: 'e' },
      { text: ' 2*3*4 snake_case_name' },
    ]);
  });
});
