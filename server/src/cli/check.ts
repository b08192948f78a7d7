// upr check FILE... [--format text|json|sarif] [--references DIR]: the editor's diagnostics, and
// those of the .upr/config.yaml files that apply and of the previous recommendations' files (from
// DIR, by default the folder `recommendations` nearest above each submission, as the editor reads
// that of the submission's workspace folder); exit 1 on any error.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { analyseText } from '../core/analyse';
import type { Finding } from '../core/findings';
import { toSarif } from '../core/sarif';
import { loadReferences, readSources, referenceSourceFiles, sourceFindings, type LoadedReferences } from '../referenceFiles';
import { CommandConfigs } from './config';
import { readSubmission } from './input';
import { UsageError } from './usage';

export type CheckFormat = 'text' | 'json' | 'sarif';

const DEFAULT_REFERENCES = 'recommendations';

export async function check(files: string[], format: CheckFormat, configs: CommandConfigs, referencesFolder: string | undefined): Promise<number> {
  if (!files.length) throw new UsageError('check needs at least one FILE');
  // Read everything first, so unusable input fails before any output.
  const texts = files.map((file) => [file, readSubmission(file)] as const);
  if (referencesFolder !== undefined && !existsSync(referencesFolder)) throw new UsageError(`${referencesFolder}: no such folder of previous recommendations`);
  if (referencesFolder !== undefined && !statSync(referencesFolder).isDirectory()) throw new UsageError(`${referencesFolder}: is a file; --references names the folder of previous recommendations`);
  // Each folder read once, however many submissions it serves.
  const libraries = new Map<string, LoadedReferences>();
  const analyses = [];
  for (const [file, text] of texts) {
    const folder = referencesFolder ?? nearestReferencesFolder(file);
    let loaded = libraries.get(folder);
    if (!loaded) libraries.set(folder, (loaded = await loadReferences(readSources(referenceSourceFiles([folder])))));
    const known = loaded.library.index.size ? loaded.library : undefined;
    analyses.push({ file, folder, known, analysis: analyseText(text, configs.forFile(file), known) });
  }
  const results = analyses.map(({ file, analysis }) => ({ file, diagnostics: analysis.diagnostics }));
  // Not a finding of the submission, but the reason some checks did not run: on standard error
  // in every format (a CI log shows it), and in a SARIF log as a notification of the run.
  const unchecked = new Set(analyses.filter(({ known, analysis }) => !known && analysis.model.references.length).map(({ folder }) => folder));
  const notes = [...unchecked].map(
    (folder) => `no previous recommendations in ${relative(process.cwd(), folder) || folder}: references to them are not checked (--references DIR names another folder)`,
  );
  for (const note of notes) process.stderr.write(`upr: ${note}\n`);
  for (const loaded of libraries.values()) {
    for (const file of loaded.problems.keys()) {
      const findings = sourceFindings(file, loaded);
      if (findings.length) results.push({ file: relative(process.cwd(), file) || file, diagnostics: findings });
    }
  }
  // The coalition's configuration files are checked too, where they have something to say.
  for (const { file, findings } of configs.used()) if (findings.length) results.push({ file, diagnostics: findings });
  if (format === 'json') {
    const flat = results.flatMap(({ file, diagnostics }) => diagnostics.map((finding) => toJson(file, finding)));
    process.stdout.write(`${JSON.stringify(flat, null, 2)}\n`);
  } else if (format === 'sarif') {
    const sarif = toSarif(results.map(({ file, diagnostics }) => ({ file, findings: diagnostics })), { notes });
    process.stdout.write(`${JSON.stringify(sarif, null, 2)}\n`);
  } else {
    for (const { file, diagnostics } of results) {
      for (const finding of diagnostics) {
        process.stdout.write(`${formatFinding(file, finding)}\n`);
      }
    }
  }
  return results.some(({ diagnostics }) => diagnostics.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

/**
 * The folder `recommendations` nearest above a submission (the coalition's workspace folder holds
 * it), or that of the working folder when there is none: a check run from elsewhere reads the
 * recommendations the editor reads for that submission.
 */
function nearestReferencesFolder(file: string): string {
  for (let folder = dirname(resolve(file)); ; folder = dirname(folder)) {
    const candidate = join(folder, DEFAULT_REFERENCES);
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    if (dirname(folder) === folder) return resolve(DEFAULT_REFERENCES);
  }
}

/** One finding as `FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE` (1-based), as compilers write them. */
export function formatFinding(file: string, finding: Finding): string {
  const { line, character } = finding.range.start;
  return `${file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code}: ${finding.message}`;
}

function toJson(file: string, finding: Finding) {
  return { file, range: finding.range, severity: finding.severity, code: finding.code, message: finding.message };
}
