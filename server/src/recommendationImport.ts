// Importing an export of previous recommendations (UPR Info, OHCHR thematic list, UHRI, or the
// project's own JSON) into the project's JSON file: every row checked, and nothing written unless
// all of them pass (the JSON is written to a temporary file beside the target and renamed over
// it). Shared by `upr import` and the editor's "Import recommendations..." command.

import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  if (errors.length) return { errors, records: 0, citable: 0, layout, written: false };
  const json = serialiseRecommendationFile(
    toRecommendationFile(result.records, {
      sample: result.sample,
      description: result.description ?? `Imported from ${path.basename(source)} (${layout}).`,
    }),
  );
  writeAtomically(output, json);
  const citable = result.records.filter((record) => record.symbol && record.paragraph).length;
  return { errors, records: result.records.length, citable, layout, written: true };
}

/** Writes to a temporary file in the target's folder, then renames it over the target. */
function writeAtomically(output: string, content: string): void {
  const folder = path.dirname(path.resolve(output));
  const temporary = mkdtempSync(path.join(folder, '.upr-import-'));
  try {
    const file = path.join(temporary, path.basename(output));
    writeFileSync(file, content, 'utf8');
    renameSync(file, output);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}
