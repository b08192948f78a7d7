// upr export FILE --to docx -o OUT.docx [--force]: the submission in OHCHR's form as a Word file.
// A submission with errors (as `check` finds them, with the same configuration) is refused with
// exit code 1, each error listed on standard error, and nothing written; --force exports anyway.

import { analyseText } from '../core/analyse';
import { exportToDocx, footnoteNumbers } from '../core/export/docx';
import { formatFinding } from './check';
import type { CommandConfigs } from './config';
import { readSubmission } from './input';
import { checkOutputPath, writeFileAtomically } from './output';
import { UsageError } from './usage';

export async function exportFile(files: string[], to: string | undefined, output: string | undefined, force: boolean, configs: CommandConfigs): Promise<number> {
  if (files.length !== 1) throw new UsageError('export takes exactly one FILE');
  if (to !== undefined && to !== 'docx') throw new UsageError(`unknown export format "${to}": use docx`);
  const target = checkOutputPath('export', output, 'OUT.docx', files);
  const [file] = files;
  const analysis = analyseText(readSubmission(file), configs.forFile(file));
  const errors = analysis.diagnostics.filter((finding) => finding.severity === 'error');
  for (const finding of errors) process.stderr.write(`${formatFinding(file, finding)}\n`);
  if (errors.length && !force) {
    process.stderr.write(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing exported (--force exports anyway)\n`);
    return 1;
  }
  writeFileAtomically(target, await exportToDocx(analysis));
  const { words } = analysis.wordCount;
  const { limit } = analysis.wordLimit;
  process.stdout.write(
    `${target}: ${words} / ${limit} words, ${analysis.model.paragraphs.length} numbered paragraphs, ${analysis.model.recommendations.length} recommendations, ${footnoteNumbers(analysis.model).size} footnotes${errors.length ? `, exported with ${errors.length} error${errors.length === 1 ? '' : 's'}` : ''}\n`,
  );
  return 0;
}
