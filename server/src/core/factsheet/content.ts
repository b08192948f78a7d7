// What an advocacy factsheet says about one section of a submission: the issue, the key facts
// with their sources, the previous recommendations with their implementation status, the new
// recommendations with their SDG targets, and the coalition. Pure: model in, content out;
// html.ts and docx.ts lay it out.

import type { SubmissionDocument } from '../document';
import type { FrontMatterData } from '../frontMatter';
import { DOCUMENT_SYMBOL } from '../inline';
import { referenceKey } from '../references/records';
import { bestTargetsFor, sdgGoal, sdgLabel, sdgTarget } from '../references/sdg';
import { recommendationText, sectionParagraphs, sectionRecommendations, sectionSpan, withoutTargetCitations, type Sentence } from '../sectionText';
import { FACTSHEET_LABELS, factsheetLanguage, type FactsheetLabels, type FactsheetLanguage, type ImplementationStatus } from './labels';

export interface KeyFact {
  text: string;
  /** 1-based numbers into `FactsheetContent.sources`. */
  sources: number[];
}

export interface PreviousRecommendation {
  /** As cited: `A/HRC/15/2, para. 76.60` (`п.` in Russian). */
  reference: string;
  status: ImplementationStatus;
  /** The assessment table's own words when they are none of the statuses it offers. */
  statusText: string | undefined;
}

export interface TargetCitation {
  /** `5.2`, or `5` for a goal. */
  id: string;
  /** `SDG 5.2` or `ЦУР 5.2`. */
  label: string;
  /** The target's text (a goal's short name). */
  text: string;
  /** True when the recommendation cites no target and this one is the best match for its words. */
  suggested: boolean;
}

export interface NewRecommendation {
  text: string;
  targets: TargetCitation[];
}

export interface CoalitionMember {
  organisation: string;
  region: string | undefined;
  /** Shown for a rapporteur or an observer; undefined for a member. */
  role: string | undefined;
}

export interface FactsheetContent {
  language: FactsheetLanguage;
  labels: FactsheetLabels;
  /** The section's title without its numbering (`Насилие в семье` for `III. Насилие в семье`). */
  title: string;
  submissionTitle: string | undefined;
  /** E.g. `Universal Periodic Review, cycle 4 · session 49 of the Working Group · Kyrgyzstan`. */
  review: string;
  issue: string[];
  keyFacts: KeyFact[];
  sources: string[];
  previousRecommendations: PreviousRecommendation[];
  newRecommendations: NewRecommendation[];
  coalitionName: string | undefined;
  members: CoalitionMember[];
}

/** The section asked for is not in the submission: the message lists those that are. */
export class UnknownSectionError extends Error {
  constructor(
    readonly requested: string,
    readonly available: string[],
  ) {
    super(
      available.length
        ? `no section "${requested}": the sections are ${available.map((title) => `"${title}"`).join(', ')}`
        : `no section "${requested}": the submission has no sections`,
    );
  }
}

/** Facts beyond these would push the factsheet past two pages. */
const MAX_KEY_FACTS = 6;
/** The sentences that state the issue when the section has a single paragraph. */
const ISSUE_SENTENCES_OF_SINGLE_PARAGRAPH = 1;
const SUGGESTED_TARGETS = 2;
const HEADING_NUMBERING = /^(?:[ivxlc]+|\d+(?:\.\d+)*|[a-z])[.)]\s+/i;
const YEAR = /^(?:1[89]|20)\d\d$/;
const NUMBER = /\d(?:[\d\u00a0\u202f ,.]*\d)?/g;
const PERCENT = /%|\bper ?cent|процент/i;
const REFERENCE_OR_TARGET = new RegExp(`${DOCUMENT_SYMBOL.source}|(?:SDG|ЦУР|ODD|ODS)s?[ \\u00a0]+\\d{1,2}(?:\\.(?:\\d{1,2}|[a-z]))?`, 'gu');

/** Titles of the sections a factsheet can be made of: all but those of recommendations. */
export function factsheetSections(model: SubmissionDocument): string[] {
  return model.sections.filter((section) => !section.inRecommendations).map((section) => section.title);
}

/** The index of the section whose title is `title`, with or without its numbering, in any case. */
export function findSection(model: SubmissionDocument, title: string): number {
  const wanted = normaliseTitle(title);
  const candidates = model.sections.map((section, index) => ({ section, index })).filter(({ section }) => !section.inRecommendations);
  const match =
    candidates.find(({ section }) => section.title === title.trim()) ??
    candidates.find(({ section }) => normaliseTitle(section.title) === wanted);
  if (!match) throw new UnknownSectionError(title, factsheetSections(model));
  return match.index;
}

export function factsheetContent(model: SubmissionDocument, data: FrontMatterData, sectionTitle: string): FactsheetContent {
  const index = findSection(model, sectionTitle);
  const language = factsheetLanguage(data.language);
  const labels = FACTSHEET_LABELS[language];
  const paragraphs = sectionParagraphs(model, index);
  const issueSentences =
    paragraphs.length > 1 ? paragraphs[0].sentences : (paragraphs[0]?.sentences.slice(0, ISSUE_SENTENCES_OF_SINGLE_PARAGRAPH) ?? []);
  const rest = paragraphs.flatMap((paragraph) => paragraph.sentences).filter((sentence) => !issueSentences.includes(sentence));
  const { keyFacts, sources } = keyFactsOf(model, rest);
  return {
    language,
    labels,
    title: model.sections[index].title.replace(HEADING_NUMBERING, '').trim(),
    submissionTitle: data.title,
    review: [
      data.cycle !== undefined ? labels.cycle(data.cycle) : undefined,
      data.session !== undefined ? labels.session(data.session) : undefined,
      data.state,
    ]
      .filter(Boolean)
      .join(' · '),
    issue: issueSentences.length ? [issueSentences.map((sentence) => sentence.text).join(' ')] : [],
    keyFacts,
    sources,
    previousRecommendations: previousRecommendations(model, index, labels),
    newRecommendations: sectionRecommendations(model, index).map((recommendation) => {
      const start = recommendation.textOffset;
      const end = start + recommendation.text.length;
      const cited = model.sdgReferences.filter((reference) => {
        const offset = model.lines.offsetAt(reference.range.start);
        return offset >= start && offset < end;
      });
      const targets = cited.length
        ? [...new Set(cited.map((reference) => reference.id))].map((id) => citation(id, language, false))
        : bestTargetsFor(recommendationText(recommendation), language, SUGGESTED_TARGETS).map((id) => citation(id, language, true));
      return { text: withoutTargetCitations(recommendationText(recommendation)), targets };
    }),
    coalitionName: data.coalition?.name,
    members: (data.coalition?.members ?? [])
      .filter((member) => member.organisation)
      .map((member) => ({
        organisation: member.organisation!,
        region: member.region,
        role: member.role ? labels.roles[member.role] : undefined,
      })),
  };
}

function normaliseTitle(title: string): string {
  return title.trim().replace(HEADING_NUMBERING, '').replace(/[\s:.]+$/, '').replace(/\s+/g, ' ').toLowerCase();
}

/** A sentence states a fact when it gives a figure: a percentage or a number that is not a year, a reference or a target. */
function hasFigure(text: string): boolean {
  const prose = text.replace(REFERENCE_OR_TARGET, ' ');
  if (PERCENT.test(prose) && /\d/.test(prose)) return true;
  return [...prose.matchAll(NUMBER)].some(([number]) => !YEAR.test(number.trim()));
}

function keyFactsOf(model: SubmissionDocument, sentences: Sentence[]): { keyFacts: KeyFact[]; sources: string[] } {
  const labels: string[] = [];
  const keyFacts = sentences
    .filter((sentence) => hasFigure(sentence.text))
    .slice(0, MAX_KEY_FACTS)
    .map((sentence) => ({
      text: sentence.text,
      sources: sentence.footnotes
        .filter((label) => model.footnoteDefinitions.some((definition) => definition.label === label))
        .map((label) => (labels.includes(label) ? labels.indexOf(label) : labels.push(label) - 1) + 1),
    }));
  const sources = labels.map((label) => {
    const definition = model.footnoteDefinitions.find((candidate) => candidate.label === label)!;
    let text = '';
    for (let offset = definition.startOffset; offset < definition.endOffset; offset++) if (!model.hidden[offset]) text += model.text[offset];
    return text.replace(/\s+/g, ' ').trim();
  });
  return { keyFacts, sources };
}

/**
 * The previous recommendations the section cites or assesses, in the order they first appear,
 * with the status its assessment table gives them ("not assessed" without one).
 */
function previousRecommendations(model: SubmissionDocument, index: number, labels: FactsheetLabels): PreviousRecommendation[] {
  const { start, end } = sectionSpan(model, index);
  const assessed = assessmentTable(model.text.slice(start, end));
  const found = new Map<string, PreviousRecommendation>();
  const add = (symbol: string, paragraph: string) => {
    const key = referenceKey(symbol, paragraph);
    if (found.has(key)) return;
    const assessment = assessed.get(key);
    found.set(key, {
      reference: `${symbol}, ${labels.paragraph} ${paragraph}`,
      status: assessment?.status ?? 'notAssessed',
      statusText: assessment?.statusText,
    });
  };
  const inSpan = model.references
    .map((reference) => ({ reference, offset: model.lines.offsetAt(reference.range.start) }))
    .filter(({ reference, offset }) => offset >= start && offset < end && reference.paragraph)
    .sort((a, b) => a.offset - b.offset);
  for (const { reference } of inSpan) add(reference.symbol, reference.paragraph!);
  for (const [, assessment] of assessed) add(assessment.symbol, assessment.paragraph);
  return [...found.values()];
}

interface Assessment {
  symbol: string;
  paragraph: string;
  status: ImplementationStatus;
  statusText: string | undefined;
}

const IMPLEMENTATION_HEADER = /implementation|status|выполнение|реализац|статус|mise en œuvre|aplicación/i;
const REFERENCE_HEADER = /reference|ссылка|référence|referencia/i;
const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}/;

/**
 * The rows of the assessment tables in a section's text (the format the "Insert assessment of
 * previous recommendations" action writes), by reference key.
 */
function assessmentTable(text: string): Map<string, Assessment> {
  const assessments = new Map<string, Assessment>();
  const lines = text.split(/\r\n?|\n/);
  for (let line = 0; line + 1 < lines.length; line++) {
    if (!lines[line].trim().startsWith('|') || !TABLE_DELIMITER.test(lines[line + 1])) continue;
    const header = cells(lines[line]);
    const statusColumn = header.findIndex((cell) => IMPLEMENTATION_HEADER.test(cell));
    const referenceColumn = Math.max(0, header.findIndex((cell) => REFERENCE_HEADER.test(cell)));
    let row = line + 2;
    for (; row < lines.length && lines[row].trim().startsWith('|'); row++) {
      const rowCells = cells(lines[row]);
      const symbol = new RegExp(DOCUMENT_SYMBOL.source, 'u').exec(rowCells[referenceColumn] ?? '');
      if (!symbol?.[2]) continue;
      const cell = statusColumn >= 0 ? (rowCells[statusColumn] ?? '') : '';
      const status = implementationStatus(cell);
      assessments.set(referenceKey(symbol[1], symbol[2]), {
        symbol: symbol[1],
        paragraph: symbol[2],
        status: status ?? 'notAssessed',
        statusText: status === undefined ? cell : undefined,
      });
    }
    line = row - 1;
  }
  return assessments;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.replace(/\\\|/g, '|').trim());
}

/** What an implementation cell says; undefined for words that are none of the statuses. */
function implementationStatus(cell: string): ImplementationStatus | undefined {
  const text = cell.toLowerCase().trim();
  // Empty, or still the placeholder that offers every status ("not / partially / fully implemented").
  if (!text || text.includes('/')) return 'notAssessed';
  if (/partial|частичн|partiel|parcial/.test(text)) return 'partiallyImplemented';
  if (/\bnot\b|\bне\s|невыполн|\bnon\b|\bno\b/.test(text)) return 'notImplemented';
  if (/implemented|fully|выполнен|полностью|mise en œuvre|aplicad/.test(text)) return 'implemented';
  return undefined;
}

function citation(id: string, language: FactsheetLanguage, suggested: boolean): TargetCitation {
  const text = sdgTarget(id)?.[language] ?? sdgGoal(id)?.[language].short ?? '';
  return { id, label: `${sdgLabel(language)} ${id}`, text, suggested };
}
