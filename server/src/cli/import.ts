// upr import FILE.csv|FILE.json -o OUT.json: reads an export of previous recommendations (UPR Info,
// OHCHR thematic list, UHRI, or the project's own JSON), checks every row, and writes the
// project's JSON (schemas/recommendations.schema.json). Bad rows are reported as `FILE:LINE:
// reason` on standard error with exit code 1, and nothing is written: the output is written to a
// temporary file beside it and renamed only when complete. Rows that only look wrong are reported
// as `FILE:LINE: warning: reason` and written, exit code 0. Exit code 2 for unusable input.

import { importProblemLines } from '../importProblems';
import { importToJson } from '../recommendationImport';
import { readSubmission } from './input';
import { checkOutputPath } from './output';
import { UsageError } from './usage';

export function importFile(files: string[], output: string | undefined): number {
  if (files.length !== 1) throw new UsageError('import takes exactly one FILE (a .csv export or a .json file)');
  const target = checkOutputPath('import', output, 'OUT.json', files);
  const [file] = files;

  let outcome;
  try {
    outcome = importToJson(file, readSubmission(file), target);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${target}: cannot write: ${(error as Error).message}`);
  }
  for (const line of importProblemLines(file, outcome, 'warning')) process.stderr.write(`${line}\n`);
  if (!outcome.written) {
    const count = outcome.errors.length;
    process.stderr.write(`${file}: ${count} problem${count === 1 ? '' : 's'}; nothing written\n`);
    return 1;
  }
  const warnings = outcome.warnings.length;
  if (warnings) process.stderr.write(`${file}: ${warnings.toLocaleString('en')} warning${warnings === 1 ? '' : 's'}; the rows are written all the same\n`);
  process.stdout.write(
    `${target}: ${outcome.records.toLocaleString('en')} recommendation${outcome.records === 1 ? '' : 's'} from ${file} (${outcome.layout}), ${outcome.citable.toLocaleString('en')} citable by paragraph\n`,
  );
  return 0;
}
