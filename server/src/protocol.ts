// Custom requests between the extension and the language server: names and payloads.

import type { ImportOutcome } from './recommendationImport';

export const WordCountRequest = 'upr/wordCount';

export interface WordCountParams {
  uri: string;
}

export interface WordCountResult {
  words: number;
  limit: number;
  /** From this many words on, the submission is near its limit. */
  warnAt: number;
  footnoteWords: number;
  sections: { title: string; words: number }[];
}

/** Server command behind "Renumber paragraphs": arguments `[uri]`. */
export const RenumberParagraphsCommand = 'upr.renumberParagraphs';

/** Server command behind "Advocacy targets": arguments `[uri]`; answers a Markdown table, or null without an index. */
export const AdvocacyTargetsCommand = 'upr.advocacyTargets';

/** The coalition's configuration file, relative to a folder above the submissions. */
export const WORKSPACE_CONFIG_PATH = '.upr/config.yaml';

/** Client command behind a "Similar past recommendations" code lens: arguments `[SimilarRecommendation[]]`. */
export const ShowSimilarRecommendationsCommand = 'uprSubmission.showSimilarRecommendations';

export interface SimilarRecommendation {
  reference: string | undefined;
  state: string;
  recommendingStates: string[];
  text: string;
  /** The row it was read from: the file's URI and the 0-based line, opened when it is picked. */
  source: { uri: string; line: number };
}

/** Server command behind "Import recommendations...": arguments `[ImportRecommendationsParams]`. */
export const ImportRecommendationsCommand = 'upr.importRecommendations';

export interface ImportRecommendationsParams {
  /** The export to read (CSV or JSON), an absolute path. */
  source: string;
  /** The project's JSON file to write, an absolute path; written only when every row passes. */
  target: string;
}

/** What "Import recommendations..." answers: the outcome, or why the files could not be read or written. */
export type ImportRecommendationsResult = ImportOutcome | { error: string };

/** Server command behind "Export factsheet..." and "Prepare oral statement": arguments `[uri]`; what can be chosen. */
export const SubmissionPartsCommand = 'upr.submissionParts';

export interface SubmissionParts {
  /** Every section; those in a recommendations section cannot have a factsheet of their own. */
  sections: { index: number; title: string; startLine: number; endLine: number; inRecommendations: boolean }[];
  recommendations: { index: number; text: string; section: number }[];
}

/** Server command behind "Export factsheet for this section": arguments `[uri, sectionTitle, 'html' | 'docx']`. */
export const FactsheetCommand = 'upr.factsheet';

/** The file's bytes in base64, or why there is none (an unknown section: the sections there are). */
export type FactsheetResult = { base64: string; title: string } | { error: string; sections: string[] };

/** Server command behind "Prepare oral statement": arguments `[uri, OralStatementParams]`. */
export const OralStatementCommand = 'upr.oralStatement';

export interface SpeakingPace {
  wordsPerMinute: number;
  minutes: number;
}

export interface OralStatementParams extends SpeakingPace {
  /** Indices into `SubmissionParts.sections` and `.recommendations`. */
  sections: number[];
  recommendations: number[];
}

export interface SpeakingTimeResult {
  words: number;
  seconds: number;
  limitSeconds: number;
  overLimit: boolean;
}

export interface OralStatementResult {
  /** Markdown, to open as a new document. */
  text: string;
  time: SpeakingTimeResult;
}

/** Server command that times a statement as it is edited: arguments `[{ text } & SpeakingPace]`. */
export const SpeakingTimeCommand = 'upr.speakingTime';

/** Server command behind "Export submission to Word": arguments `[uri, ExportToWordParams]`. */
export const ExportToWordCommand = 'upr.exportToWord';

export interface ExportToWordParams {
  /** The .docx to write, an absolute path; written whole or not at all. */
  target: string;
  /** Export even when the submission has errors ("Export anyway"). */
  force: boolean;
}

/** Written, refused because of the submission's errors (0-based positions), or failed. */
export type ExportToWordResult =
  | { written: string; words: number; limit: number }
  | { errors: { line: number; character: number; code: string; message: string }[] }
  | { error: string };
