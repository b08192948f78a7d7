import assert from 'node:assert/strict';
import { parseSubmission } from '../../server/src/core/document';
import { countWords } from '../../server/src/core/wordCount';
import { frontMatter } from './helpers';

function words(body: string, countFootnotes = true): number {
  return countWords(parseSubmission(frontMatter() + body), { countFootnotes }).words;
}

describe('countWords', () => {
  it('does not count the front matter', () => {
    assert.equal(words(''), 0);
  });

  it('counts Latin and Cyrillic words alike', () => {
    assert.equal(words('Права людей с инвалидностью are human rights.'), 7);
  });

  it('counts heading text but not the heading markers', () => {
    assert.equal(words('## Executive summary ##\n'), 2);
  });

  it('does not count paragraph numbers, list markers or ordered-list numbers', () => {
    assert.equal(words('12. Twelve words? No, four.\n\n- one item\n* two item\n1) three item\n'), 11);
  });

  it('counts the text of a link but not its URL, and no image', () => {
    assert.equal(words('See [the report](https://example.org/report "Title here") and ![a chart](chart.png).'), 4);
  });

  it('does not count footnote markers, and counts footnote text only when asked', () => {
    const body = 'Three words here.[^1] And [^note] two.\n\n[^1]: Five words in this note.\n[^note]: Two more.\n';
    assert.equal(words(body), 5 + 5 + 2);
    assert.equal(words(body, false), 5);
    const count = countWords(parseSubmission(frontMatter() + body), { countFootnotes: false });
    assert.equal(count.footnoteWords, 7);
  });

  it('does not count HTML comments, even across lines, nor tags', () => {
    assert.equal(words('Visible <!-- hidden\nstill hidden --> text<br/> <sup>1</sup>.\n'), 3);
  });

  it('counts tokens with letters or digits only: standalone dashes and symbols are not words', () => {
    assert.equal(words('In 2024 – not – 50 % of A/HRC/29/4, para. 117.23 — so.\n'), 9);
  });

  it('counts table cells but not the table markup', () => {
    assert.equal(words('| Reference | Status |\n|---|:---:|\n| A/HRC/15/2, para. 76.27 | not implemented |\n'), 7);
  });

  it('counts code but not its fences', () => {
    assert.equal(words('```text\nliteral words here\n```\n'), 3);
  });

  it('splits words on tabs, non-breaking spaces and line breaks, in CRLF documents too', () => {
    assert.equal(words('one\ttwo\u00a0three\r\nfour\r\n'), 4);
  });

  it("counts a footnote's words in the section that cites it", () => {
    const count = countWords(
      parseSubmission(`${frontMatter()}## First\n\n1. Cites it.[^a]\n\n## Second\n\n2. Nothing.\n\n[^a]: Three more words.\n`),
      { countFootnotes: true },
    );
    assert.deepEqual(count.sections.map(({ title, words }) => [title, words]), [
      ['First', 6],
      ['Second', 2],
    ]);
  });

  it('gives words per section in document order, with text before the first heading first', () => {
    const count = countWords(
      parseSubmission(`${frontMatter()}Co-submitters listed here.\n\n# Title words\n\n## Summary\n\n1. One two three.\n\n### Sub\n\nFour.\n`),
      { countFootnotes: true },
    );
    assert.deepEqual(count.sections.map(({ title, words }) => [title, words]), [
      ['', 3],
      ['Title words', 2],
      ['Summary', 4],
      ['Sub', 2],
    ]);
    assert.equal(count.words, 11);
  });
});
