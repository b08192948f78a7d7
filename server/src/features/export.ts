// "Export submission to Word": the open submission, as the editor analyses it, written in OHCHR's
// form to the path the writer chose; refused with its errors unless the writer exports anyway.

import { writeFileAtomically } from '../atomicWrite';
import type { Analysis } from '../core/analyse';
import { exportToDocx } from '../core/export/docx';
import type { ExportToWordParams, ExportToWordResult } from '../protocol';

export async function exportToWord(analysis: Analysis, params: ExportToWordParams | undefined): Promise<ExportToWordResult> {
  if (typeof params?.target !== 'string' || !params.target) return { error: 'no target file' };
  const errors = analysis.diagnostics.filter((finding) => finding.severity === 'error');
  if (errors.length && params.force !== true) {
    return { errors: errors.map(({ range, code, message }) => ({ line: range.start.line, character: range.start.character, code, message })) };
  }
  const docx = await exportToDocx(analysis);
  try {
    writeFileAtomically(params.target, docx);
  } catch (error) {
    // The writing's reason follows "cannot write:", as on the command line.
    return { error: `${params.target}: cannot write: ${(error as Error).message}` };
  }
  return { written: params.target, words: analysis.wordCount.words, limit: analysis.wordLimit.limit };
}
