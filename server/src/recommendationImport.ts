// Importing an export of previous recommendations (UPR Info, OHCHR thematic list, UHRI, or the
// project's own JSON) into the project's JSON file: every row checked, and nothing written unless
// all of them pass (the JSON is written whole or not at all: atomicWrite.ts); rows that only look
// wrong are written, with warnings. Shared by `upr import` and the editor's "Import
// recommendations..." command.

import path from 'node:path';
import { writeFileAtomically } from './atomicWrite';
import { importRecommendations, type ImportError } from './core/references/importers';
import { serialiseRecommendationFile, toRecommendationFile } from './core/references/records';

const LAYOUT_NAMES: Record<string, string> = {
  'upr-info-export': 'UPR Info export',
  'upr-info-located': 'UPR Info rows with paragraphs',
  'ohchr-thematic-list': 'OHCHR thematic list',
  'uhri-export': 'Universal Human Rights Index export',
  'upr-recommendations-json': 'upr-recommendations/1 JSON',
};

export interface ImportOutcome {
  /** The problems found, by line of the source; nothing is written when there is any. */
  errors: ImportError[];
  /** Rows that look wrong, by line of the source: written all the same. */
  warnings: ImportError[];
  /** Recommendations written, and how many of them can be cited by paragraph. */
  records: number;
  citable: number;
  layout: string | undefined;
  written: boolean;
}

/** Imports `text` (read from `source`) into `output`; throws only when the output cannot be written. */
export function importToJson(source: string, text: string, output: string): ImportOutcome {
  const result = importRecommendations(text, source);
  const layout = LAYOUT_NAMES[result.layout ?? ''] ?? result.layout;
  const errors = [...result.errors];
  if (!errors.length && !result.records.length) errors.push({ line: 1, message: 'no recommendations in the file' });
  const { warnings } = result;
  if (errors.length) return { errors, warnings, records: 0, citable: 0, layout, written: false };
  const json = serialiseRecommendationFile(
    toRecommendationFile(result.records, {
      sample: result.sample,
      description: result.description ?? `Imported from ${path.basename(source)} (${layout}).`,
    }),
  );
  writeFileAtomically(output, json);
  const citable = result.records.filter((record) => record.symbol && record.paragraph).length;
  return { errors, warnings, records: result.records.length, citable, layout, written: true };
}
