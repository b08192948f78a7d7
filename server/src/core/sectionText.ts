// What a reader sees of a section, for the documents made from it (factsheet, oral statement):
// its paragraphs as plain text split into sentences with the footnotes each cites, and its
// recommendations without their markup. Pure: model in, text out.

import type { Recommendation, Section, SubmissionDocument } from './document';

export interface Sentence {
  /** Visible text: no paragraph number, markup, comment or footnote marker. */
  text: string;
  /** Labels of the footnotes cited in the sentence, in order. */
  footnotes: string[];
  startOffset: number;
  endOffset: number;
}

export interface SectionParagraph {
  text: string;
  sentences: Sentence[];
  startOffset: number;
  endOffset: number;
}

const FOOTNOTE_MARKER = /\[\^([^\]\s]+)\](?!:)/g;
// A sentence ends at . ! ? or … (then perhaps a closing quote or bracket and footnote markers)
// before a capital letter or an opening quote: "п. 76.58" and "para. 77.3" do not end one.
const SENTENCE_END = /[.!?…]["»”)]*(?:\[\^[^\]\s]+\])*(?=\s+["«“(]?\p{Lu})/gu;
const BLOCK_START = /^ {0,3}(?:#|[-*+][ \t]|\||>|\[\^[^\]]+\]:|```|~~~|<!--)/;

// Emphasis and code markers, which the word count reads as part of their words.
const STRONG = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;
const EMPHASIS = /(?<![\p{L}\p{N}*_\\])([*_])(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}*_])/gu;
const CODE = /`([^`]+)`/g;

/** The text a reader sees between two offsets: no markup, whitespace collapsed. */
export function visibleText(model: SubmissionDocument, start: number, end: number): string {
  let text = '';
  for (let offset = start; offset < end; offset++) if (!model.hidden[offset]) text += model.text[offset];
  return text.replace(STRONG, '$2').replace(EMPHASIS, '$2').replace(CODE, '$1').replace(/\\([\\`*_[\]()#+\-.!|])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** The section (by index) the factsheet or statement is about, and the sections nested in it. */
export function sectionSpan(model: SubmissionDocument, index: number): { section: Section; start: number; end: number } {
  const section = model.sections[index];
  return { section, start: section.startOffset, end: section.endOffset };
}

/**
 * The prose paragraphs of a section and of its nested sections that are not recommendations:
 * numbered paragraphs when the section has any, else its blocks of plain text.
 */
export function sectionParagraphs(model: SubmissionDocument, index: number): SectionParagraph[] {
  const { start, end } = sectionSpan(model, index);
  const inProse = (offset: number) => {
    const owner = sectionAtOffset(model, offset);
    return owner === undefined || !model.sections[owner].inRecommendations || model.sections[index].inRecommendations;
  };
  const numbered = model.paragraphs
    .map((paragraph) => [model.lines.offsetAt(paragraph.range.start), model.lines.offsetAt(paragraph.range.end)] as const)
    .filter(([from]) => from >= start && from < end && inProse(from));
  const spans = numbered.length ? numbered : plainBlocks(model, start, end).filter(([from]) => inProse(from));
  return spans.map(([from, to]) => {
    const sentences = splitSentences(model, from, to);
    return { text: sentences.map((sentence) => sentence.text).join(' '), sentences, startOffset: from, endOffset: to };
  }).filter((paragraph) => paragraph.text);
}

/** The recommendations listed in a section and in the sections nested in it. */
export function sectionRecommendations(model: SubmissionDocument, index: number): Recommendation[] {
  const { start, end } = sectionSpan(model, index);
  return model.recommendations.filter((recommendation) => recommendation.textOffset >= start && recommendation.textOffset < end);
}

/** A recommendation as read: markup gone, whitespace collapsed. */
export function recommendationText(recommendation: Recommendation): string {
  return recommendation.text.replace(/\s+/g, ' ').trim();
}

/** A recommendation's closing "(SDG 5.2)" is shown with the targets instead. */
export function withoutTargetCitations(text: string): string {
  return text.replace(/\s*\((?:SDG|ЦУР|ODD|ODS)s?[ \u00a0]+\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?(?:[,;]\s*(?:(?:SDG|ЦУР|ODD|ODS)s?[ \u00a0]+)?\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?)*\)/gu, '').trim();
}

/** The index of the innermost section an offset is in, undefined before the first heading. */
function sectionAtOffset(model: SubmissionDocument, offset: number): number | undefined {
  let found: number | undefined;
  model.sections.forEach((section, index) => {
    if (section.startOffset <= offset && offset < section.endOffset) found = index;
  });
  return found;
}

function splitSentences(model: SubmissionDocument, start: number, end: number): Sentence[] {
  const raw = model.text.slice(start, end);
  const sentences: Sentence[] = [];
  let from = 0;
  const push = (to: number) => {
    const piece = raw.slice(from, to);
    const text = visibleText(model, start + from, start + to);
    if (text) sentences.push({ text, footnotes: [...piece.matchAll(FOOTNOTE_MARKER)].map((match) => match[1]), startOffset: start + from, endOffset: start + to });
    from = to;
  };
  SENTENCE_END.lastIndex = 0;
  for (let match; (match = SENTENCE_END.exec(raw)); ) push(match.index + match[0].length);
  push(raw.length);
  return sentences;
}

/** Blocks of text separated by blank lines that are neither headings, lists, tables, quotes nor footnotes. */
function plainBlocks(model: SubmissionDocument, start: number, end: number): [number, number][] {
  const blocks: [number, number][] = [];
  const first = model.lines.positionAt(start).line;
  const last = model.lines.positionAt(end).line;
  let open: [number, number] | undefined;
  for (let line = first; line <= last && line < model.lines.lineCount; line++) {
    const lineStart = model.lines.lineStart(line);
    const lineEnd = Math.min(model.lines.lineEnd(line), end);
    const content = model.text.slice(lineStart, lineEnd);
    const blank = !/\S/.test(content) || visibleText(model, lineStart, lineEnd) === '';
    if (blank || (!open && BLOCK_START.test(content))) {
      if (open) blocks.push(open);
      open = undefined;
      continue;
    }
    if (open) open[1] = lineEnd;
    else open = [lineStart, lineEnd];
  }
  if (open) blocks.push(open);
  return blocks;
}
