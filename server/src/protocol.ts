// Custom requests between the extension and the language server: names and payloads.

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
export type ImportRecommendationsResult =
  | { written: boolean; records: number; citable: number; errors: { line: number; message: string }[]; layout: string | undefined }
  | { error: string };
