// Counts words as a word processor counts the text a reader sees: whitespace-separated tokens
// with at least one letter or digit, skipping what the parser marked hidden (front matter,
// markup, paragraph numbers, link URLs, footnote markers, comments). Latin and Cyrillic alike.

import type { SubmissionDocument } from './document';

export interface WordCountOptions {
  countFootnotes: boolean;
}

export interface SectionWordCount {
  /** Index into the document's sections, or undefined for text before the first heading. */
  section: number | undefined;
  title: string;
  /** Words in the section's own text, up to the next heading of any level, and in the footnotes it cites. */
  words: number;
}

export interface WordCount {
  words: number;
  /** Words in footnote definitions, counted in `words` only when footnotes count. */
  footnoteWords: number;
  sections: SectionWordCount[];
  /** Start and end offsets of the counted words, in order: where the Nth word is. */
  wordStarts: number[];
  wordEnds: number[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Calls `visit` with the start and end offsets of every word, in order, and its footnote's index (-1 outside footnotes). */
function forEachWord(model: SubmissionDocument, visit: (start: number, end: number, footnote: number) => void): void {
  const { text, hidden, footnoteDefinitions } = model;
  let footnote = 0;
  let i = 0;
  while (i < text.length) {
    if (hidden[i] || isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let hasLetter = false;
    while (i < text.length && !hidden[i] && !isSpace(text.charCodeAt(i))) {
      if (!hasLetter) {
        const code = text.charCodeAt(i);
        hasLetter =
          (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ||
          (code > 127 && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!)));
      }
      i++;
    }
    if (!hasLetter) continue;
    while (footnote < footnoteDefinitions.length && footnoteDefinitions[footnote].endOffset <= start) footnote++;
    visit(start, i, footnote < footnoteDefinitions.length && footnoteDefinitions[footnote].startOffset <= start ? footnote : -1);
  }
}

export function countWords(model: SubmissionDocument, options: WordCountOptions): WordCount {
  const { sections } = model;
  const perSection: SectionWordCount[] = [
    { section: undefined, title: '', words: 0 },
    ...sections.map((section, index) => ({ section: index, title: section.title, words: 0 })),
  ];
  let words = 0;
  let footnoteWords = 0;
  const wordStarts: number[] = [];
  const wordEnds: number[] = [];
  // A footnote's words count in the section that cites it, as a reader meets them there.
  const citedIn = new Map<string, number>();
  for (const reference of model.footnoteReferences) {
    if (!citedIn.has(reference.label)) citedIn.set(reference.label, sectionAt(model, model.lines.offsetAt(reference.range.start)));
  }
  let current = 0; // index into perSection; 0 is the text before the first heading
  forEachWord(model, (start, end, footnote) => {
    while (current < sections.length && sections[current].startOffset <= start) current++;
    let section = current;
    if (footnote >= 0) {
      footnoteWords++;
      if (!options.countFootnotes) return;
      section = citedIn.get(model.footnoteDefinitions[footnote].label) ?? current;
    }
    words++;
    perSection[section].words++;
    wordStarts.push(start);
    wordEnds.push(end);
  });
  // The text before the first heading is listed only when it has words.
  return { words, footnoteWords, sections: perSection[0].words ? perSection : perSection.slice(1), wordStarts, wordEnds };
}

/** The entry of `perSection` for an offset: 0 before the first heading, else the heading's index + 1. */
function sectionAt(model: SubmissionDocument, offset: number): number {
  let section = 0;
  while (section < model.sections.length && model.sections[section].startOffset <= offset) section++;
  return section;
}
