// A submission in OHCHR's form as a Word document (the `docx` library): the title, the State and
// session, every co-submitting organisation and the word count at the top; paragraph numbers as
// written (literal text, so that neither Word nor a conversion renumbers them); headings; real
// Word footnotes; recommendations as a Word numbered list; simple emphasis and links kept. The
// word count and limit are also document properties. Pure: an analysis in, the document's bytes out.

import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Analysis } from '../analyse';
import type { SubmissionDocument } from '../document';
import type { FrontMatterData } from '../frontMatter';

const RECOMMENDATIONS_LIST = 'recommendations';
const BULLET_LIST = 'bullets';
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const BULLET_LINE = /^ {0,3}[-*+][ \t]+\S/;
const BLANK_LINE = /^[ \t]*$/;

interface CoverLabels {
  submission: Record<NonNullable<FrontMatterData['type']>, string>;
  /** The line that says what the document is, from what the front matter gives (any of it may be missing). */
  review(kind: string, data: { state?: string; cycle?: string; session?: string }): string;
  coSubmitters: string;
  wordCount(words: number, limit: number): string;
}

/** A front matter value as text, when it is text or a number. */
const shown = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined);

const given = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(', ');

type CoverLanguage = 'en' | 'ru' | 'fr' | 'es';

/** The language Word proofs the text in. */
const PROOFING: Record<CoverLanguage, string> = { en: 'en-GB', ru: 'ru-RU', fr: 'fr-FR', es: 'es-ES' };

const LABELS: Record<CoverLanguage, CoverLabels> = {
  en: {
    submission: { joint: 'Joint submission', individual: 'Submission', nhri: 'Submission of the national human rights institution' },
    review: (kind, { state, cycle, session }) => {
      const details = given(cycle !== undefined && `cycle ${cycle}`, session !== undefined && `session ${session}`);
      return `${kind} to the Universal Periodic Review${state ? ` of ${state}` : ''}${details ? `: ${details}` : ''}`;
    },
    coSubmitters: 'Submitted by:',
    wordCount: (words, limit) => `Word count: ${words} (limit ${limit})`,
  },
  ru: {
    submission: { joint: 'Совместный доклад', individual: 'Доклад', nhri: 'Доклад национального правозащитного учреждения' },
    review: (kind, { state, cycle, session }) => {
      const details = given(state, cycle !== undefined && `цикл ${cycle}`, session !== undefined && `сессия ${session}`);
      return `${kind} для Универсального периодического обзора${details ? `: ${details}` : ''}`;
    },
    coSubmitters: 'Представляют:',
    wordCount: (words, limit) => `Число слов: ${words} (предел ${limit})`,
  },
  fr: {
    submission: { joint: 'Communication conjointe', individual: 'Communication', nhri: "Communication de l'institution nationale des droits de l'homme" },
    review: (kind, { state, cycle, session }) => {
      const details = given(state, cycle !== undefined && `cycle ${cycle}`, session !== undefined && `session ${session}`);
      return `${kind} pour l'Examen périodique universel${details ? ` : ${details}` : ''}`;
    },
    coSubmitters: 'Présentée par :',
    wordCount: (words, limit) => `Nombre de mots : ${words} (limite ${limit})`,
  },
  es: {
    submission: { joint: 'Comunicación conjunta', individual: 'Comunicación', nhri: 'Comunicación de la institución nacional de derechos humanos' },
    review: (kind, { state, cycle, session }) => {
      const details = given(state, cycle !== undefined && `ciclo ${cycle}`, session !== undefined && `período de sesiones ${session}`);
      return `${kind} para el Examen Periódico Universal${details ? `: ${details}` : ''}`;
    },
    coSubmitters: 'Presentada por:',
    wordCount: (words, limit) => `Número de palabras: ${words} (límite ${limit})`,
  },
};

const languageOf = (data: FrontMatterData): CoverLanguage => (typeof data.language === 'string' && Object.hasOwn(LABELS, data.language) ? data.language : 'en');

/**
 * The lines the export adds above the body (after the title): what OHCHR asks to see first, led
 * by the front matter's title when the body's own heading heads the document and says otherwise.
 */
export function coverLines(analysis: Analysis): string[] {
  const otherTitle = frontMatterTitleBesideHeading(analysis);
  return [...(otherTitle ? [otherTitle] : []), ...submissionLines(analysis)];
}

/** The front matter's title when a level-1 heading stands in its place and reads differently; else undefined. */
function frontMatterTitleBesideHeading(analysis: Analysis): string | undefined {
  const title = shown(analysis.frontMatter.data.title);
  const heading = documentHeading(bodyBlocks(analysis.model));
  if (!title || !heading) return undefined;
  const comparable = (text: string) =>
    emphasisRuns(text)
      .map((run) => run.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return comparable(title) === comparable(analysis.model.sections[heading.section].title) ? undefined : title;
}

/** The body's first block when it is a level-1 heading: it heads the document in place of the front matter's title. */
function documentHeading(blocks: Block[]): Extract<Block, { kind: 'heading' }> | undefined {
  const [first] = blocks;
  return first?.kind === 'heading' && first.level === 1 ? first : undefined;
}

/** The State and session, the co-submitters and the word count. */
function submissionLines(analysis: Analysis): string[] {
  const data = analysis.frontMatter.data;
  const labels = LABELS[languageOf(data)];
  // The front matter may not match its schema (the export can be forced): only what reads as text is shown.
  const members = (Array.isArray(data.coalition?.members) ? data.coalition.members : []).flatMap((member) => {
    const organisation = shown(member?.organisation);
    const region = shown(member?.region);
    return organisation ? [region ? `${organisation} (${region})` : organisation] : [];
  });
  const coalition = shown(data.coalition?.name);
  const kind = typeof data.type === 'string' && Object.hasOwn(labels.submission, data.type) ? labels.submission[data.type] : labels.submission.joint;
  return [
    labels.review(kind, { state: shown(data.state), cycle: shown(data.cycle), session: shown(data.session) }),
    ...(members.length ? [labels.coSubmitters, ...(coalition ? [coalition] : []), ...members] : []),
    labels.wordCount(analysis.wordCount.words, analysis.wordLimit.limit),
  ];
}

type Piece = { text: string; link?: string } | { footnote: number };

/** Footnote markers by their offset: where they end, and the Word footnote they cite (none without a definition). */
type FootnoteMarkers = Map<number, { end: number; id: number | undefined }>;

/** What the inline reading of any block needs: the model, its footnote markers, and where each comment ends, by its start. */
interface InlineContext {
  model: SubmissionDocument;
  footnotes: FootnoteMarkers;
  commentEnds: Map<number, number>;
}

/**
 * The visible text between two offsets, as a reader sees it: hidden markup dropped, line breaks
 * and runs of spaces read as one space, footnote markers as footnote numbers.
 */
function inlinePieces({ model, footnotes, commentEnds }: InlineContext, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  // The text so far as characters: asking a long string built by += whether it ends with a space
  // copies it whole each time, which made one long paragraph quadratic.
  let chars: string[] = [];
  const endsWithSpace = () => chars[chars.length - 1] === ' ';
  const flush = () => {
    if (chars.length) pieces.push({ text: chars.join('') });
    chars = [];
  };
  for (let i = start; i < end; i++) {
    const footnote = footnotes.get(i);
    if (footnote) {
      if (footnote.id !== undefined) {
        flush();
        pieces.push({ footnote: footnote.id });
      }
      i = footnote.end - 1;
      continue;
    }
    const link = linkAt(model, i, end);
    if (link) {
      flush();
      pieces.push({ text: link.text, link: link.url });
      i = link.end - 1;
      continue;
    }
    // A comment separates what is around it, as it does for the word count.
    const comment = commentEnds.get(i);
    if (comment !== undefined) {
      if (!endsWithSpace()) chars.push(' ');
      i = comment - 1;
      continue;
    }
    if (model.hidden[i]) continue;
    const char = model.text[i];
    if (!/\s/.test(char)) chars.push(char);
    else if (!endsWithSpace()) chars.push(' ');
  }
  flush();
  // The block starts and ends with text, not spaces.
  const first = pieces[0];
  if (first && 'text' in first) first.text = first.text.trimStart();
  const last = pieces[pieces.length - 1];
  if (last && 'text' in last) last.text = last.text.trimEnd();
  return pieces.filter((piece) => !('text' in piece) || piece.text);
}

const LINK_TARGET = /^\]\(\s*<?([^\s<>()]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/;

/**
 * An inline link `[text](url)` starting at `start`: the parser hides its brackets and URL and
 * leaves the text visible. Its text (spaces collapsed), its URL and where it ends; undefined for
 * anything else (reference links, whose URL is elsewhere, stay plain text).
 */
function linkAt(model: SubmissionDocument, start: number, end: number): { text: string; url: string; end: number } | undefined {
  const { text, hidden } = model;
  if (text[start] !== '[' || !hidden[start] || hidden[start + 1]) return undefined;
  for (let i = start + 1; i < end; i++) {
    if (!hidden[i] || text[i] !== ']') continue;
    const target = LINK_TARGET.exec(text.slice(i, end));
    if (!target) return undefined;
    let label = '';
    for (let j = start + 1; j < i; j++) if (!hidden[j]) label += text[j];
    return { text: label.replace(/\s+/g, ' '), url: target[1], end: i + target[0].length };
  }
  return undefined;
}

const EMPHASIS = /(\*\*|__)(?=\S)([\s\S]+?)(?<=\S)\1|(?<![\p{L}\p{N}])(\*|_)(?=\S)([\s\S]+?)(?<=\S)\3(?![\p{L}\p{N}])|`([^`]+)`/gu;

/** Runs of text with simple Markdown emphasis (`**bold**`, `*italic*`, `_italic_`, `` `code` ``) kept as formatting. */
export function emphasisRuns(text: string): { text: string; bold?: boolean; italics?: boolean }[] {
  const runs: { text: string; bold?: boolean; italics?: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(EMPHASIS)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index) });
    if (match[1]) runs.push({ text: match[2], bold: true });
    else if (match[3]) runs.push({ text: match[4], italics: true });
    else runs.push({ text: match[5] });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

function runs(pieces: Piece[]): ParagraphChild[] {
  return pieces.flatMap((piece): ParagraphChild[] =>
    'footnote' in piece
      ? [new FootnoteReferenceRun(piece.footnote)]
      : piece.link
        ? [new ExternalHyperlink({ link: piece.link, children: [new TextRun({ text: piece.text, style: 'Hyperlink' })] })]
        : emphasisRuns(piece.text).map((run) => new TextRun(run)),
  );
}

type Block =
  | { kind: 'heading'; start: number; level: number; section: number }
  | { kind: 'numbered'; start: number; end: number; number: number }
  | { kind: 'recommendation'; start: number; end: number }
  | { kind: 'text'; start: number; end: number; bullet: boolean };

/** The body's blocks in document order: what the parser found, and the plain text between them. */
function bodyBlocks(model: SubmissionDocument): Block[] {
  const { lines } = model;
  const blocks: Block[] = [];
  const claimed = new Set<number>();
  const claim = (startOffset: number, endOffset: number) => {
    for (let line = lines.positionAt(startOffset).line; line <= lines.positionAt(endOffset).line; line++) claimed.add(line);
  };
  model.sections.forEach((section, index) => {
    blocks.push({ kind: 'heading', start: section.startOffset, level: section.level, section: index });
    claim(section.startOffset, lines.offsetAt(section.headingRange.end));
  });
  for (const paragraph of model.paragraphs) {
    const start = lines.offsetAt(paragraph.range.start);
    const end = lines.offsetAt(paragraph.range.end);
    blocks.push({ kind: 'numbered', start, end, number: paragraph.number });
    claim(start, end);
  }
  for (const item of model.recommendations) {
    const end = lines.offsetAt(item.range.end);
    blocks.push({ kind: 'recommendation', start: item.textOffset, end });
    claim(lines.offsetAt(item.range.start), end);
  }
  for (const definition of model.footnoteDefinitions) claim(definition.startOffset, definition.endOffset);
  const firstLine = model.frontMatter?.closed ? model.frontMatter.range.end.line + 1 : 0;
  let open: Extract<Block, { kind: 'text' }> | undefined;
  for (let line = firstLine; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    const content = model.text.slice(start, end);
    if (claimed.has(line) || BLANK_LINE.test(content)) {
      open = undefined;
      continue;
    }
    const bullet = BULLET_LINE.test(content);
    if (open && !bullet) {
      open.end = end;
      continue;
    }
    open = { kind: 'text', start, end, bullet };
    blocks.push(open);
  }
  return blocks.sort((a, b) => a.start - b.start);
}


/**
 * The Word footnote number of each label that is cited and defined, numbered in the order first
 * cited, as Word numbers them: exactly the footnotes the export writes.
 */
export function footnoteNumbers(model: SubmissionDocument): Map<string, number> {
  const defined = new Set(model.footnoteDefinitions.map(({ label }) => label));
  const numbers = new Map<string, number>();
  for (const { label } of model.footnoteReferences) if (defined.has(label) && !numbers.has(label)) numbers.set(label, numbers.size + 1);
  return numbers;
}

/** The Word document of an analysed submission. */
export function buildDocument(analysis: Analysis): Document {
  const { model, frontMatter } = analysis;
  const data = frontMatter.data;
  const definitions = new Map(model.footnoteDefinitions.map((definition) => [definition.label, definition]));
  const footnoteIds = footnoteNumbers(model);
  const footnoteAt: FootnoteMarkers = new Map();
  for (const reference of model.footnoteReferences) {
    footnoteAt.set(model.lines.offsetAt(reference.range.start), { end: model.lines.offsetAt(reference.range.end), id: footnoteIds.get(reference.label) });
  }
  const commentEnds = new Map(model.comments.map((range) => [model.lines.offsetAt(range.start), model.lines.offsetAt(range.end)]));
  const inline: InlineContext = { model, footnotes: footnoteAt, commentEnds };
  // Word footnotes cannot cite footnotes: a marker in a footnote's text is left out.
  const inFootnote: InlineContext = { model, footnotes: new Map([...footnoteAt].map(([offset, { end }]) => [offset, { end, id: undefined }])), commentEnds };
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const [label, id] of footnoteIds) {
    const definition = definitions.get(label)!;
    footnotes[id] = { children: [new Paragraph({ children: runs(inlinePieces(inFootnote, definition.startOffset, definition.endOffset)) })] };
  }

  const cover = coverLines(analysis);
  const hasOtherTitle = frontMatterTitleBesideHeading(analysis) !== undefined;
  // The front matter's title, when shown beside the heading, stands out from the lines below it.
  const coverParagraphs = cover.map((line, index) => new Paragraph({ children: [new TextRun(hasOtherTitle && index === 0 ? { text: line, bold: true } : line)], spacing: { after: 60 } }));
  const blocks = bodyBlocks(model);
  const body: Paragraph[] = [];
  // The title heads the document: the body's first heading when it is a level-1 heading, else the front matter's title.
  const titleBlock = documentHeading(blocks);
  if (titleBlock) blocks.shift();
  const titlePieces = titleBlock ? headingPieces(inline, titleBlock.section) : [{ text: shown(data.title) ?? '' }];
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(titlePieces) }), ...coverParagraphs, new Paragraph({}));
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        body.push(new Paragraph({ heading: HEADINGS[Math.min(block.level, 6) - 1], children: runs(headingPieces(inline, block.section)) }));
        break;
      case 'numbered':
        body.push(
          new Paragraph({
            children: [new TextRun(`${block.number}.`), new TextRun({ children: [new Tab()] }), ...runs(inlinePieces(inline, block.start, block.end))],
            indent: { left: 567, hanging: 567 },
            tabStops: [{ type: 'left', position: 567 }],
            spacing: { after: 120 },
          }),
        );
        break;
      case 'recommendation':
        body.push(new Paragraph({ numbering: { reference: RECOMMENDATIONS_LIST, level: 0 }, children: runs(inlinePieces(inline, block.start, block.end)), spacing: { after: 80 } }));
        break;
      case 'text': {
        const pieces = inlinePieces(inline, block.start, block.end);
        if (pieces.length) body.push(new Paragraph({ children: runs(pieces), ...(block.bullet ? { numbering: { reference: BULLET_LIST, level: 0 } } : {}), spacing: { after: 120 } }));
        break;
      }
    }
  }

  const { words } = analysis.wordCount;
  const { limit } = analysis.wordLimit;
  return new Document({
    title: shown(data.title),
    subject: cover[hasOtherTitle ? 1 : 0],
    creator: shown(data.coalition?.name) ?? 'UPR submission',
    description: cover[cover.length - 1],
    customProperties: [
      { name: 'Word count', value: String(words) },
      { name: 'Word limit', value: String(limit) },
    ],
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24, language: { value: PROOFING[languageOf(data)] } } } } },
    numbering: {
      config: [
        {
          reference: RECOMMENDATIONS_LIST,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
        {
          reference: BULLET_LIST,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    footnotes,
    sections: [
      {
        // OHCHR asks for numbered pages.
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
        children: body,
      },
    ],
  });
}

function headingPieces(inline: InlineContext, section: number): Piece[] {
  const { lines, sections } = inline.model;
  const { titleRange } = sections[section];
  return inlinePieces(inline, lines.offsetAt(titleRange.start), lines.offsetAt(titleRange.end));
}

/** The .docx file's bytes. */
export function exportToDocx(analysis: Analysis): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(analysis));
}
