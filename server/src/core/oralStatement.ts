// An oral statement for a pre-session: the chosen sections' prose and the chosen recommendations,
// framed as a panellist speaks them, in the submission's language (English or Russian), and how
// long it takes to say at a given pace. Words are counted as the word count counts a submission.

import { parseSubmission, type SubmissionDocument } from './document';
import type { FrontMatterData } from './frontMatter';
import { DOCUMENT_SYMBOL } from './inline';
import { recommendationText, sectionParagraphs, withoutTargetCitations } from './sectionText';
import { countWords } from './wordCount';

export interface StatementChoice {
  /** Indices into the model's sections, whose prose is read out. */
  sections: number[];
  /** Indices into the model's recommendations. */
  recommendations: number[];
}

export interface SpeakingTimeOptions {
  wordsPerMinute: number;
  /** The time a panellist is given. */
  minutes: number;
}

export interface SpeakingTime {
  words: number;
  seconds: number;
  limitSeconds: number;
  overLimit: boolean;
}

interface StatementWords {
  opening: string;
  onBehalfOf: (coalition: string) => string;
  callOn: (state: string | undefined) => string;
  closing: string;
}

const WORDS: Record<'en' | 'ru', StatementWords> = {
  en: {
    opening: 'Thank you, Chair.',
    onBehalfOf: (coalition) => `I am speaking on behalf of ${coalition}.`,
    callOn: (state) => `We therefore call on ${state ? `the Government of ${state}` : 'the Government'} to:`,
    closing: 'Thank you.',
  },
  ru: {
    opening: 'Благодарю вас, председатель.',
    onBehalfOf: (coalition) => `Я выступаю от имени: ${coalition}.`,
    callOn: (state) => `Поэтому мы призываем ${state ? `правительство (${state})` : 'правительство'}:`,
    closing: 'Благодарю за внимание.',
  },
};

// Document symbols in brackets are for readers, not listeners: "(A/HRC/15/2, para. 76.60; …)".
const CITATIONS_IN_BRACKETS = new RegExp(`\\s*\\((?:${DOCUMENT_SYMBOL.source})(?:\\s*[;,]\\s*(?:${DOCUMENT_SYMBOL.source}))*\\)`, 'gu');

/**
 * The statement as Markdown: the opening and who speaks, the prose of the chosen sections, the
 * chosen recommendations as a numbered list, the closing. Sections and recommendations are read
 * in the order of the submission, whatever the order chosen.
 */
export function buildStatement(model: SubmissionDocument, data: FrontMatterData, choice: StatementChoice): string {
  const words = WORDS[data.language === 'ru' ? 'ru' : 'en'];
  const blocks = [words.opening];
  const members = (data.coalition?.members ?? []).map((member) => member.organisation).filter(Boolean);
  const speaker = data.coalition?.name ?? (members.length ? members.join(', ') : undefined);
  if (speaker) blocks.push(words.onBehalfOf(speaker));
  const sections = [...new Set(choice.sections)].filter((index) => model.sections[index]).sort((a, b) => a - b);
  // A section chosen with one nested in it is read once.
  const read = new Set<string>();
  for (const index of sections) {
    for (const paragraph of sectionParagraphs(model, index)) {
      const key = `${paragraph.startOffset}`;
      if (read.has(key)) continue;
      read.add(key);
      blocks.push(spoken(paragraph.text));
    }
  }
  const recommendations = [...new Set(choice.recommendations)]
    .filter((index) => model.recommendations[index])
    .sort((a, b) => a - b)
    .map((index) => withoutTargetCitations(recommendationText(model.recommendations[index])));
  if (recommendations.length) {
    blocks.push(words.callOn(stateName(data.state)));
    const last = recommendations.length - 1;
    blocks.push(recommendations.map((text, index) => `${index + 1}. ${lowerFirst(text).replace(/[.;]?$/, index === last ? '.' : ';')}`).join('\n'));
  }
  blocks.push(words.closing);
  return `${blocks.join('\n\n')}\n`;
}

/** How long the text takes to say: its words as the word count counts them, at the pace given. */
export function speakingTime(text: string, options: SpeakingTimeOptions): SpeakingTime {
  const { words } = countWords(parseSubmission(text), { countFootnotes: false });
  const seconds = Math.round((words * 60) / options.wordsPerMinute);
  const limitSeconds = Math.round(options.minutes * 60);
  return { words, seconds, limitSeconds, overLimit: seconds > limitSeconds };
}

function spoken(text: string): string {
  return text.replace(CITATIONS_IN_BRACKETS, '').replace(/\s+([.,;:])/g, '$1');
}

/** A three-letter code (`KGZ`) is not said aloud; a name is. */
function stateName(state: string | undefined): string | undefined {
  return state && !/^[A-Z]{3}$/.test(state) ? state : undefined;
}

/** "Adopt …" follows "call on the Government to:" as "adopt …"; an acronym keeps its capitals. */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
