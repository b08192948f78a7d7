// Parses a submission (*.upr.md) into a model with exact ranges: front matter, sections,
// numbered paragraphs, recommendations, references, footnotes, comments and rule switches.
// A line scanner for the Markdown block structure the format uses, so one pass gives every
// range the rules need, in well under a millisecond for a full-length submission.

import { LineIndex, Range } from './text';
import { scanInline } from './inline';
import { parseDirectives, RuleDirective } from './directives';

export type SectionKind = 'executiveSummary' | 'recommendations' | 'other';

export interface Section {
  title: string;
  level: number;
  kind: SectionKind;
  /** True for a recommendations section and everything nested under one. */
  inRecommendations: boolean;
  headingRange: Range;
  titleRange: Range;
  /** Heading to the last line before the next heading of the same or a higher level. */
  range: Range;
  startOffset: number;
  /** End of the section's own text: the next heading of any level. */
  ownEndOffset: number;
  endOffset: number;
  parent: number | undefined;
}

export interface NumberedParagraph {
  number: number;
  /** The digits and the dot, e.g. `12.`. */
  numberRange: Range;
  range: Range;
  section: number | undefined;
}

export interface Recommendation {
  /**
   * The item's text without the bullet, as long as `textRange` with markup a reader does not see
   * (comments, footnote markers, link URLs) as spaces: offset i is at `textOffset + i`.
   */
  text: string;
  range: Range;
  textRange: Range;
  textOffset: number;
  section: number;
}

export interface DocumentReference {
  /** The UN document symbol, e.g. `A/HRC/29/4`. */
  symbol: string;
  /** The paragraph, e.g. `117.23`, when the reference names one. */
  paragraph: string | undefined;
  range: Range;
}

export interface SdgReference {
  /** The goal, 1 to 17 for valid references, as written otherwise. */
  goal: string;
  /** The target after the dot (`2` in `SDG 5.2`), undefined for a goal reference. */
  target: string | undefined;
  /** `5.2`, or `5` for a goal. */
  id: string;
  range: Range;
  idRange: Range;
}

export interface FootnoteReference {
  label: string;
  range: Range;
}

export interface FootnoteDefinition {
  label: string;
  range: Range;
  startOffset: number;
  endOffset: number;
}

export interface FrontMatterBlock {
  /** From the opening `---` to the end of the closing line. */
  range: Range;
  /** The YAML between the fences. */
  content: string;
  contentOffset: number;
  /** False when the opening `---` has no closing line. */
  closed: boolean;
}

export interface SubmissionDocument {
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatterBlock | undefined;
  sections: Section[];
  paragraphs: NumberedParagraph[];
  recommendations: Recommendation[];
  references: DocumentReference[];
  sdgReferences: SdgReference[];
  footnoteReferences: FootnoteReference[];
  footnoteDefinitions: FootnoteDefinition[];
  comments: Range[];
  directives: RuleDirective[];
  /** 1 where a character is not seen by a reader (markup, comments, front matter, URLs). */
  hidden: Uint8Array;
}

const EXECUTIVE_SUMMARY_TITLES = new Set(['executive summary', 'резюме', 'résumé', 'resumen ejecutivo']);
const RECOMMENDATIONS_PREFIXES = ['recommendations', 'рекомендации', 'recommandations', 'recomendaciones'];
const HEADING_NUMBERING = /^(?:[ivxlc]+|\d+(?:\.\d+)*|[a-z])[.)]\s+/i;

export function sectionKind(title: string): SectionKind {
  const normalised = title.replace(HEADING_NUMBERING, '').replace(/[\s:.]+$/, '').toLowerCase();
  if (EXECUTIVE_SUMMARY_TITLES.has(normalised)) return 'executiveSummary';
  if (RECOMMENDATIONS_PREFIXES.some((prefix) => normalised.startsWith(prefix))) return 'recommendations';
  return 'other';
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?/;
const LINK_DEFINITION = /^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S/;
const BULLET = /^( {0,3})[-*+][ \t]+\S/;
const NUMBERED = /^( {0,1})(\d{1,9})\.(?=[ \t]|$)/;
const ORDERED_OTHER = /^( {0,3})(\d{1,9})[.)](?=[ \t]|$)/;
const BLANK = /^[ \t]*$/;

type OpenBlock =
  | { kind: 'paragraph'; start: number; end: number; setextTitle: boolean }
  | { kind: 'numbered'; start: number; end: number; index: number }
  | { kind: 'item'; start: number; end: number; textStart: number; section: number }
  | { kind: 'footnote'; start: number; end: number; label: string };

export function parseSubmission(text: string): SubmissionDocument {
  const lines = new LineIndex(text);
  const hidden = new Uint8Array(text.length);
  const hide = (start: number, end: number) => hidden.fill(1, start, end);

  // A byte-order mark is not text.
  if (text.charCodeAt(0) === 0xfeff) hide(0, 1);

  const frontMatter = findFrontMatter(text, lines);
  let firstBodyLine = 0;
  if (frontMatter?.closed) {
    hide(0, lines.offsetAt(frontMatter.range.end));
    firstBodyLine = frontMatter.range.end.line + 1;
  }

  // Comments first: once hidden, a comment spanning lines reads as blank lines to the scanner.
  const bodyStart = lines.lineStart(firstBodyLine);
  const comments: Range[] = [];
  const commentTexts: { text: string; range: Range }[] = [];
  /** Lines a comment touches: only these need their hidden characters blanked for the scanner. */
  const commentLines = new Set<number>();
  const commentPattern = /<!--([\s\S]*?)(?:-->|$)/g;
  commentPattern.lastIndex = bodyStart;
  for (let match; (match = commentPattern.exec(text)); ) {
    const range = lines.range(match.index, match.index + match[0].length);
    comments.push(range);
    commentTexts.push({ text: match[1], range });
    for (let line = range.start.line; line <= range.end.line; line++) commentLines.add(line);
    hide(match.index, match.index + match[0].length);
  }

  const sections: Section[] = [];
  const paragraphs: NumberedParagraph[] = [];
  const recommendations: Recommendation[] = [];
  const footnoteDefinitions: FootnoteDefinition[] = [];
  const recommendationEnds: number[] = [];
  const inlineBlocks: [number, number][] = [];

  let open: OpenBlock | undefined;
  let fence: string | undefined;
  const currentSection = () => (sections.length ? sections.length - 1 : undefined);

  const close = () => {
    if (!open) return;
    const block = open;
    open = undefined;
    inlineBlocks.push([block.start, block.end]);
    switch (block.kind) {
      case 'numbered':
        paragraphs[block.index].range = lines.range(block.start, block.end);
        break;
      case 'item': {
        recommendationEnds.push(block.end);
        recommendations.push({
          text: '', // filled in once inline markup is known
          range: lines.range(block.start, block.end),
          textRange: lines.range(block.textStart, block.end),
          textOffset: block.textStart,
          section: block.section,
        });
        break;
      }
      case 'footnote':
        footnoteDefinitions.push({
          label: block.label,
          range: lines.range(block.start, block.end),
          startOffset: block.start,
          endOffset: block.end,
        });
        break;
      case 'paragraph':
        break;
    }
  };

  // Headings that may still be parents of the next one, outermost first.
  const openHeadings: number[] = [];
  const addHeading = (level: number, start: number, end: number, titleStart: number, titleEnd: number) => {
    const title = text.slice(titleStart, titleEnd);
    const kind = sectionKind(title);
    while (openHeadings.length && sections[openHeadings[openHeadings.length - 1]].level >= level) openHeadings.pop();
    const parent = openHeadings.length ? openHeadings[openHeadings.length - 1] : undefined;
    openHeadings.push(sections.length);
    sections.push({
      title,
      level,
      kind,
      inRecommendations: kind === 'recommendations' || (parent !== undefined && sections[parent].inRecommendations),
      headingRange: lines.range(start, end),
      titleRange: lines.range(titleStart, titleEnd),
      range: lines.range(start, end),
      startOffset: start,
      ownEndOffset: text.length,
      endOffset: text.length,
      parent,
    });
    inlineBlocks.push([titleStart, titleEnd]);
  };

  for (let line = firstBodyLine; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = commentLines.has(line) ? visibleText(text, hidden, start, end) : text.slice(start, end);

    if (fence !== undefined) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(content)) {
        hide(start, end);
        fence = undefined;
      }
      continue;
    }
    const fenceMatch = FENCE.exec(content);
    if (fenceMatch) {
      close();
      fence = fenceMatch[1];
      hide(start, end);
      continue;
    }
    if (BLANK.test(content)) {
      close();
      continue;
    }
    const heading = ATX_HEADING.exec(content);
    if (heading) {
      close();
      const level = heading[1].length;
      let titleStart = start + heading[0].length;
      let titleEnd = end;
      const closingHashes = /(?:^|[ \t]+)#+[ \t]*$|[ \t]+$/.exec(text.slice(titleStart, titleEnd));
      if (closingHashes) titleEnd = titleStart + closingHashes.index;
      titleStart = Math.min(titleStart, titleEnd);
      addHeading(level, start, end, titleStart, titleEnd);
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(content);
    if (setext && open?.kind === 'paragraph' && open.setextTitle) {
      const titleStart = open.start + (/^[ \t]*/.exec(text.slice(open.start, open.end))?.[0].length ?? 0);
      const titleEnd = open.end;
      open = undefined;
      hide(start, end);
      addHeading(setext[1][0] === '=' ? 1 : 2, titleStart, end, titleStart, titleEnd);
      continue;
    }
    if (THEMATIC_BREAK.test(content)) {
      close();
      hide(start, end);
      continue;
    }
    const footnote = FOOTNOTE_DEFINITION.exec(content);
    if (footnote) {
      close();
      hide(start, start + footnote[0].length);
      open = { kind: 'footnote', start, end, label: footnote[1] };
      continue;
    }
    if (LINK_DEFINITION.test(content) && open?.kind !== 'paragraph') {
      close();
      hide(start, end);
      continue;
    }
    const numbered = NUMBERED.exec(content);
    if (numbered && startsNumberedParagraph(open, numbered)) {
      close();
      const numberStart = start + numbered[1].length;
      const numberEnd = numberStart + numbered[2].length + 1;
      hide(numberStart, numberEnd);
      paragraphs.push({
        number: Number(numbered[2]),
        numberRange: lines.range(numberStart, numberEnd),
        range: lines.range(start, end),
        section: currentSection(),
      });
      open = { kind: 'numbered', start, end, index: paragraphs.length - 1 };
      continue;
    }
    const bullet = BULLET.exec(content);
    // An indented bullet under a recommendation elaborates it: it stays part of that item.
    if (bullet && !(open?.kind === 'item' && bullet[1].length >= 2)) {
      close();
      const markerEnd = start + bullet[0].length - 1;
      hide(start, markerEnd);
      const section = currentSection();
      if (section !== undefined && sections[section].inRecommendations) {
        open = { kind: 'item', start, end, textStart: markerEnd, section };
      } else {
        open = { kind: 'paragraph', start, end, setextTitle: false };
      }
      continue;
    }
    const ordered = ORDERED_OTHER.exec(content);
    if (ordered && open?.kind !== 'paragraph') {
      // `1)` lists and indented `1.` lists: their numbers are list markers, not paragraph numbers.
      close();
      hide(start, start + ordered[0].length);
      open = { kind: 'paragraph', start, end, setextTitle: false };
      continue;
    }
    if (open) {
      // A continuation line, indented or lazy, extends the open block.
      open.end = end;
      if (open.kind === 'paragraph') open.setextTitle = false;
      continue;
    }
    open = { kind: 'paragraph', start, end, setextTitle: true };
  }
  close();

  finishSectionRanges(sections, lines, text.length);

  const inline = scanInline(text, hidden, lines, inlineBlocks);
  recommendations.forEach((item, i) => (item.text = visibleText(text, hidden, item.textOffset, recommendationEnds[i])));
  return {
    text,
    lines,
    frontMatter,
    sections,
    paragraphs,
    recommendations,
    references: inline.references,
    sdgReferences: inline.sdgReferences,
    footnoteReferences: inline.footnoteReferences,
    footnoteDefinitions,
    comments,
    directives: parseDirectives(commentTexts),
    hidden,
  };
}

/**
 * Whether a line like `12. ...` starts a numbered paragraph. Inside an open block it does
 * unless it is indented under a list item, or reads like a year (`2015. The law...`) that a
 * wrapped sentence happens to start a line with: paragraph numbers never reach 1000.
 */
function startsNumberedParagraph(open: OpenBlock | undefined, match: RegExpExecArray): boolean {
  if (!open) return true;
  if (open.kind === 'item' && match[1].length > 0) return false;
  return Number(match[2]) < 1000;
}

function findFrontMatter(text: string, lines: LineIndex): FrontMatterBlock | undefined {
  const firstLine = text.slice(lines.lineStart(0), lines.lineEnd(0)).replace(/^\ufeff/, '');
  if (!/^---[ \t]*$/.test(firstLine)) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    const content = text.slice(lines.lineStart(line), lines.lineEnd(line));
    if (/^(?:---|\.\.\.)[ \t]*$/.test(content)) {
      const contentOffset = lines.lineStart(1);
      return {
        range: lines.range(0, lines.lineEnd(line)),
        content: text.slice(contentOffset, lines.lineStart(line)),
        contentOffset,
        closed: true,
      };
    }
  }
  return {
    range: lines.range(0, lines.lineEnd(0)),
    content: '',
    contentOffset: lines.lineStart(Math.min(1, lines.lineCount - 1)),
    closed: false,
  };
}

/** The text between two offsets with hidden characters (comments, markup) read as spaces. */
function visibleText(text: string, hidden: Uint8Array, start: number, end: number): string {
  let result = '';
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (!hidden[i]) continue;
    result += `${text.slice(runStart, i)} `;
    runStart = i + 1;
  }
  return result + text.slice(runStart, end);
}

function finishSectionRanges(sections: Section[], lines: LineIndex, textLength: number): void {
  const open: Section[] = [];
  const finish = (section: Section, end: number) => {
    section.endOffset = end;
    while (end > section.startOffset && /\s/.test(lines.text[end - 1])) end--;
    section.range = lines.range(section.startOffset, end);
  };
  sections.forEach((section, i) => {
    section.ownEndOffset = i + 1 < sections.length ? sections[i + 1].startOffset : textLength;
    while (open.length && open[open.length - 1].level >= section.level) finish(open.pop()!, section.startOffset);
    open.push(section);
  });
  for (const section of open) finish(section, textLength);
}
