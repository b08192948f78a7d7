// upr matrix FILE... --to csv -o OUT.csv: every new recommendation of the submissions, one row
// each (see core/export/matrix.ts for the columns), for the coalition's joint lobbying plan. The
// matrix lists what the files say, errors or not: it is a working table, not a submission.

import { analyseText } from '../core/analyse';
import { toCsv } from '../core/export/csv';
import { MATRIX_COLUMNS, matrixRows } from '../core/export/matrix';
import type { CommandConfigs } from './config';
import { readSubmission } from './input';
import { checkOutputPath, writeFileAtomically } from './output';
import { UsageError } from './usage';

export function matrix(files: string[], to: string | undefined, output: string | undefined, configs: CommandConfigs): number {
  if (!files.length) throw new UsageError('matrix needs at least one FILE');
  if (to !== undefined && to !== 'csv') throw new UsageError(`unknown matrix format "${to}": use csv`);
  const target = checkOutputPath('matrix', output, 'OUT.csv', files);
  // Read everything first, so that unusable input fails before anything is written.
  const texts = files.map((file) => [file, readSubmission(file)] as const);
  const rows = texts.flatMap(([file, text]) => matrixRows(file, analyseText(text, configs.forFile(file))));
  writeFileAtomically(target, toCsv(MATRIX_COLUMNS, rows.map((row) => MATRIX_COLUMNS.map((column) => row[column]))));
  process.stdout.write(`${target}: ${rows.length} recommendation${rows.length === 1 ? '' : 's'} from ${files.length} submission${files.length === 1 ? '' : 's'}\n`);
  return 0;
}
