import assert from 'node:assert/strict';
import { parseSubmission, sectionKind } from '../../server/src/core/document';
import { frontMatter, textAt } from './helpers';

describe('parseSubmission', () => {
  const body = `
# Joint submission

## I. Executive summary

1. The coalition [^1] reviews A/HRC/15/2, para. 76.27 and
   CEDAW/C/KGZ/CO/5, para. 12 against SDG 5.2 and ЦУР 16.1.

2. Second paragraph.

## II. Access to education

3. Schools remain closed to children with disabilities.

### Recommendations

- Ratify the Optional Protocol
  by 2027 (SDG 4.5).
- Adopt a law on inclusive education.
  - a nested point belongs to the item above

10. Not a recommendation: a numbered paragraph.

## Annex

\`\`\`
4. inside code: not a paragraph
# not a heading
\`\`\`

<!-- 5. a comment is not a paragraph -->

[^1]: The coalition's own survey, 2024.
`;
  const text = frontMatter() + body;
  const model = parseSubmission(text);

  it('finds the front matter block and its YAML', () => {
    assert.ok(model.frontMatter?.closed);
    assert.equal(model.frontMatter.range.start.line, 0);
    assert.equal(model.frontMatter.range.end.line, 16);
    assert.match(model.frontMatter.content, /^type: joint\n/);
    assert.equal(text.slice(model.frontMatter.contentOffset, model.frontMatter.contentOffset + 4), 'type');
  });

  it('makes sections from headings, with levels, kinds, parents and ranges', () => {
    assert.deepEqual(
      model.sections.map((section) => [section.title, section.level, section.kind, section.parent]),
      [
        ['Joint submission', 1, 'other', undefined],
        ['I. Executive summary', 2, 'executiveSummary', 0],
        ['II. Access to education', 2, 'other', 0],
        ['Recommendations', 3, 'recommendations', 2],
        ['Annex', 2, 'other', 0],
      ],
    );
    const education = model.sections[2];
    assert.equal(textAt(text, education.titleRange), 'II. Access to education');
    assert.equal(textAt(text, education.headingRange), '## II. Access to education');
    // The section runs to the line before the next heading of its level, without trailing blank lines.
    assert.match(textAt(text, education.range), /^## II\. Access to education[\s\S]*a numbered paragraph\.$/);
  });

  it('numbers paragraphs with the range of the number, not inside code or comments', () => {
    assert.deepEqual(model.paragraphs.map((paragraph) => paragraph.number), [1, 2, 3, 10]);
    assert.equal(textAt(text, model.paragraphs[0].numberRange), '1.');
    assert.equal(textAt(text, model.paragraphs[3].numberRange), '10.');
    assert.match(textAt(text, model.paragraphs[0].range), /^1\. The coalition[\s\S]*ЦУР 16\.1\.$/);
    assert.equal(model.paragraphs[2].section, 2);
  });

  it('takes bullet items of recommendation sections as recommendations, continuation lines included', () => {
    assert.deepEqual(
      model.recommendations.map((item) => item.text.replace(/\s+/g, ' ')),
      ['Ratify the Optional Protocol by 2027 (SDG 4.5).', 'Adopt a law on inclusive education. - a nested point belongs to the item above'],
    );
    assert.equal(textAt(text, model.recommendations[0].range), '- Ratify the Optional Protocol\n  by 2027 (SDG 4.5).');
    assert.equal(textAt(text, model.recommendations[0].textRange), 'Ratify the Optional Protocol\n  by 2027 (SDG 4.5).');
    assert.equal(model.recommendations[0].section, 3);
  });

  it('finds references to UN documents with their paragraphs', () => {
    assert.deepEqual(
      model.references.map((reference) => [reference.symbol, reference.paragraph, textAt(text, reference.range)]),
      [
        ['A/HRC/15/2', '76.27', 'A/HRC/15/2, para. 76.27'],
        ['CEDAW/C/KGZ/CO/5', '12', 'CEDAW/C/KGZ/CO/5, para. 12'],
      ],
    );
  });

  it('reads each paragraph of a list after a plural as a reference of its own, at its number', () => {
    const listed = '---\ntype: joint\n---\n\n# Executive summary\n\n1. See A/HRC/15/2, paras. 76.116 and 76.999; A/HRC/15/2, paragraphs 12, 14 & 15 and CEDAW/C/KGZ/CO/5, пп. 5 и 7. Not A/HRC/15/2, para. 76.1, 25 times, nor A/HRC/15/2, paras. 76.2, 2015.\n';
    assert.deepEqual(
      parseSubmission(listed).references.map((reference) => [reference.symbol, reference.paragraph, textAt(listed, reference.range)]),
      [
        ['A/HRC/15/2', '76.116', 'A/HRC/15/2, paras. 76.116'],
        ['A/HRC/15/2', '76.999', '76.999'],
        ['A/HRC/15/2', '12', 'A/HRC/15/2, paragraphs 12'],
        ['A/HRC/15/2', '14', '14'],
        ['A/HRC/15/2', '15', '15'],
        ['CEDAW/C/KGZ/CO/5', '5', 'CEDAW/C/KGZ/CO/5, пп. 5'],
        ['CEDAW/C/KGZ/CO/5', '7', '7'],
        ['A/HRC/15/2', '76.1', 'A/HRC/15/2, para. 76.1'],
        ['A/HRC/15/2', '76.2', 'A/HRC/15/2, paras. 76.2'],
      ],
    );
  });

  it('finds SDG references in English and Russian, with the range of the id', () => {
    assert.deepEqual(
      model.sdgReferences.map((reference) => [reference.id, reference.goal, reference.target, textAt(text, reference.range), textAt(text, reference.idRange)]),
      [
        ['5.2', '5', '2', 'SDG 5.2', '5.2'],
        ['16.1', '16', '1', 'ЦУР 16.1', '16.1'],
        ['4.5', '4', '5', 'SDG 4.5', '4.5'],
      ],
    );
  });

  it('finds footnote references, definitions and comments', () => {
    assert.deepEqual(model.footnoteReferences.map((reference) => [reference.label, textAt(text, reference.range)]), [['1', '[^1]']]);
    assert.equal(model.footnoteDefinitions.length, 1);
    assert.equal(textAt(text, model.footnoteDefinitions[0].range), "[^1]: The coalition's own survey, 2024.");
    assert.deepEqual(model.comments.map((range) => textAt(text, range)), ['<!-- 5. a comment is not a paragraph -->']);
  });

  it('reads setext headings and ignores a year that starts a wrapped line', () => {
    const setext = parseSubmission(`Executive summary\n=================\n\n1. The law of\n2015. was amended.\n\nRecommendations\n---------------\n\n- Amend it.\n`);
    assert.deepEqual(setext.sections.map((section) => [section.title, section.level, section.kind]), [
      ['Executive summary', 1, 'executiveSummary'],
      ['Recommendations', 2, 'recommendations'],
    ]);
    assert.deepEqual(setext.paragraphs.map((paragraph) => paragraph.number), [1]);
    assert.deepEqual(setext.recommendations.map((item) => item.text), ['Amend it.']);
  });

  it('keeps a recommendation text as long as its range, hidden markup read as spaces', () => {
    const parsed = parseSubmission('## Recommendations\n\n- Adopt the law[^1] <!-- check -->\n  by 2027.\n');
    const [item] = parsed.recommendations;
    assert.equal(item.text, 'Adopt the law                   \n  by 2027.');
    assert.equal(parsed.text.slice(item.textOffset, item.textOffset + item.text.length), 'Adopt the law[^1] <!-- check -->\n  by 2027.');
  });

  it('keeps exact ranges in CRLF documents and after a byte-order mark', () => {
    const crlf = `\ufeff${frontMatter()}\n## Executive summary\n\n1. First.\n\n3. See A/HRC/29/4, para. 117.23.\n`.replace(/\n/g, '\r\n');
    const parsed = parseSubmission(crlf);
    assert.ok(parsed.frontMatter?.closed);
    assert.deepEqual(parsed.paragraphs.map((paragraph) => textAt(crlf, paragraph.numberRange)), ['1.', '3.']);
    assert.equal(textAt(crlf, parsed.references[0].range), 'A/HRC/29/4, para. 117.23');
    assert.equal(parsed.sections[0].title, 'Executive summary');
  });

  it('does not take prose with a slash for a document symbol', () => {
    assert.deepEqual(parseSubmission('We ran A/B tests and S/he said so.\n').references, []);
  });

  it('reports an unclosed front matter as not closed', () => {
    const parsed = parseSubmission('---\ntype: joint\n\n## Executive summary\n');
    assert.equal(parsed.frontMatter?.closed, false);
    assert.equal(parsed.sections[0].title, 'Executive summary');
  });

  it('classifies section titles in four languages', () => {
    assert.equal(sectionKind('Resumen ejecutivo'), 'executiveSummary');
    assert.equal(sectionKind('Résumé'), 'executiveSummary');
    assert.equal(sectionKind('1. Резюме'), 'executiveSummary');
    assert.equal(sectionKind('Рекомендации'), 'recommendations');
    assert.equal(sectionKind('B. Recommandations au Gouvernement'), 'recommendations');
    assert.equal(sectionKind('Recomendaciones'), 'recommendations');
    assert.equal(sectionKind('Access to justice'), 'other');
  });
});
