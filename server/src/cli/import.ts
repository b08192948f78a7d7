// upr import FILE.csv|FILE.json -o OUT.json: reads an export of previous recommendations (UPR Info,
// OHCHR thematic list, UHRI, or the project's own JSON), checks every row, and writes the
// project's JSON (schemas/recommendations.schema.json). Bad rows are reported as `FILE:LINE:
// reason` on standard error with exit code 1, and nothing is written: the output is written to a
// temporary file beside it and renamed only when complete. Exit code 2 for unusable input.

import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importRecommendations } from '../core/references/importers';
import { serialiseRecommendationFile, toRecommendationFile } from '../core/references/records';
import { readSubmission } from './input';
import { UsageError } from './usage';

const LAYOUT_NAMES: Record<string, string> = {
  'upr-info-export': 'UPR Info export',
  'upr-info-located': 'UPR Info rows with paragraphs',
  'ohchr-thematic-list': 'OHCHR thematic list',
  'uhri-export': 'Universal Human Rights Index export',
  'upr-recommendations-json': 'upr-recommendations/1 JSON',
};

export function importFile(files: string[], output: string | undefined): number {
  if (files.length !== 1) throw new UsageError('import takes exactly one FILE (a .csv export or a .json file)');
  if (!output) throw new UsageError('import needs -o OUT.json');
  const [file] = files;
  const folder = path.dirname(path.resolve(output));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${output}: no such folder ${path.dirname(output)}`);
  if (existsSync(output) && statSync(output).isDirectory()) throw new UsageError(`${output}: is a folder`);

  const text = readSubmission(file);
  const result = importRecommendations(text, file);
  if (result.errors.length) {
    for (const { line, message } of result.errors) process.stderr.write(`${file}:${line}: ${message}\n`);
    process.stderr.write(`${file}: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; nothing written\n`);
    return 1;
  }
  if (!result.records.length) {
    process.stderr.write(`${file}:1: no recommendations in the file; nothing written\n`);
    return 1;
  }

  const layout = LAYOUT_NAMES[result.layout ?? ''] ?? result.layout;
  const json = serialiseRecommendationFile(
    toRecommendationFile(result.records, {
      sample: result.sample,
      description: result.description ?? `Imported from ${path.basename(file)} (${layout}).`,
    }),
  );
  writeAtomically(output, json);
  const citable = result.records.filter((record) => record.symbol && record.paragraph).length;
  process.stdout.write(
    `${output}: ${result.records.length.toLocaleString('en')} recommendation${result.records.length === 1 ? '' : 's'} from ${file} (${layout}), ${citable.toLocaleString('en')} citable by paragraph\n`,
  );
  return 0;
}

/** Writes to a temporary file in the target's folder, then renames it over the target. */
function writeAtomically(output: string, content: string): void {
  const folder = path.dirname(path.resolve(output));
  let temporary: string | undefined;
  try {
    temporary = mkdtempSync(path.join(folder, '.upr-import-'));
    const file = path.join(temporary, path.basename(output));
    writeFileSync(file, content, 'utf8');
    renameSync(file, output);
  } catch (error) {
    throw new UsageError(`${output}: cannot write: ${(error as Error).message}`);
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
