// Reads the coalition's previous recommendations from the workspace: every CSV export and JSON
// file under `recommendations/` (or the folder the setting names) of each workspace folder, into
// one library. A file's bad rows are problems reported on that file, by line.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { importRecommendations, type ImportError } from './core/references/importers';
import type { Finding } from './core/findings';
import type { ReferenceLibrary } from './core/references/library';
import { RecommendationIndex } from './core/references/recommendationIndex';
import type { RecommendationRecord } from './core/references/records';
import { SOURCE_FILE } from './referenceSource';
import { decodeUtf8, notUtf8Reason } from './utf8';
import { readWordIndex, SourcesKey } from './wordIndexCache';

export interface LoadedReferences {
  library: ReferenceLibrary;
  /** Per file read, its problems (empty when it read cleanly). */
  problems: Map<string, ImportError[]>;
  /** Per file read, the rows read all the same that look wrong (a row twice, a code that names another State). */
  warnings: Map<string, ImportError[]>;
  /** Where to save the word index once built, when it was not restored from there. */
  wordIndexToSave?: { folder: string; key: string };
  /** Why the word index saved for these files could not be restored, when it could not. */
  savedWordIndexProblem?: string;
  /** Sample files left out because the files hold the coalition's own recommendations too. */
  sampleSetAside: string[];
}

export interface LoadOptions {
  /** Told of each file as it goes, for progress on long imports. */
  onFile?: (file: string, done: number) => void;
  /** A folder where the word index is saved for the next load of the same files. */
  wordIndexFolder?: string;
}

/** The files a library is read from: CSV and JSON files anywhere under each folder. */
export function referenceSourceFiles(folders: string[]): string[] {
  return folders.filter((folder) => existsSync(folder) && statSync(folder).isDirectory()).flatMap((folder) =>
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => SOURCE_FILE.test(name))
      .map((name) => join(folder, name))
      .sort(),
  );
}

/** The source files of a library as read: each with its bytes or why it cannot be read, and their key. */
export interface Sources {
  files: { file: string; bytes: Buffer | { unreadable: string } }[];
  /** The same for the same files with the same contents: a server does not read them again, nor rebuild their word index. */
  key: string;
}

/** Reads the files a library is made of, once: `loadReferences` imports them. */
export function readSources(files: string[]): Sources {
  const sourcesKey = new SourcesKey();
  const read = files.map((file) => {
    try {
      const bytes = readFileSync(file);
      sourcesKey.add(file, bytes);
      return { file, bytes };
    } catch (error) {
      const unreadable = (error as Error).message;
      sourcesKey.addUnreadable(file, unreadable);
      return { file, bytes: { unreadable } };
    }
  });
  return { files: read, key: sourcesKey.digest() };
}

/**
 * Imports every file read, yielding to the event loop between files so that the server keeps
 * answering meanwhile; restores the word index saved for the same files, if there is one.
 */
export async function loadReferences(sources: Sources, { onFile, wordIndexFolder }: LoadOptions = {}): Promise<LoadedReferences> {
  const own: RecommendationRecord[] = [];
  const samples = new Map<string, RecommendationRecord[]>();
  const problems = new Map<string, ImportError[]>();
  const warnings = new Map<string, ImportError[]>();
  for (const [done, { file, bytes }] of sources.files.entries()) {
    onFile?.(file, done);
    await new Promise((resolve) => setImmediate(resolve));
    if ('unreadable' in bytes) {
      problems.set(file, [{ line: 1, message: l10n.t('The file cannot be read: {0}', bytes.unreadable) }]);
      continue;
    }
    const decoded = decodeUtf8(bytes);
    if ('notUtf8' in decoded) {
      problems.set(file, [{ line: decoded.notUtf8.line, message: notUtf8Reason(decoded.notUtf8, file) }]);
      continue;
    }
    const result = importRecommendations(decoded.text, file);
    if (result.sample) samples.set(file, result.records);
    else own.push(...result.records);
    problems.set(file, result.errors);
    if (result.warnings.length) warnings.set(file, result.warnings);
  }
  // Made-up sample texts must not mix with real ones: once the coalition has its own, samples are left out.
  const sampleSetAside = own.length ? [...samples.keys()] : [];
  const records = own.length ? own : [...samples.values()].flat();
  const sampleFiles = new Set(own.length ? [] : samples.keys());
  const { index, ...wordIndex } = wordIndexFolder ? restoreOrBuild(records, wordIndexFolder, sources.key) : { index: new RecommendationIndex(records) };
  return { library: { index, sampleFiles }, problems, warnings, sampleSetAside, ...wordIndex };
}

/**
 * What a load read, in a line for the server's log: how many recommendations from how many files,
 * the files with problems, sample data used or set aside. The writer checks it when completion or
 * hovers find less than expected.
 */
export function loadSummary(files: string[], folders: string[], { library, problems, warnings, sampleSetAside }: LoadedReferences): string {
  const where = folders.join(', ');
  if (!files.length) return `No previous recommendations: no CSV or JSON file in ${where}.`;
  const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
  const parts = [`Read ${plural(library.index.size, 'previous recommendation')} from ${plural(files.length, 'file')} in ${where}`];
  if (library.sampleFiles.size) parts.push('sample data only');
  const withProblems = [...problems.values()].filter((found) => found.length);
  if (withProblems.length) {
    const rows = withProblems.reduce((total, found) => total + found.length, 0);
    parts.push(`${plural(rows, 'problem')} in ${plural(withProblems.length, 'file')}, shown on ${withProblems.length === 1 ? 'it' : 'them'}`);
  }
  if (warnings.size) {
    const rows = [...warnings.values()].reduce((total, found) => total + found.length, 0);
    parts.push(`${plural(rows, 'row')} that ${rows === 1 ? 'looks' : 'look'} wrong in ${plural(warnings.size, 'file')}, warned of on ${warnings.size === 1 ? 'it' : 'them'}`);
  }
  if (sampleSetAside.length) parts.push(`sample data set aside: ${sampleSetAside.join(', ')}`);
  return `${parts.join('; ')}.`;
}

/** The index with the word index saved for these sources, or built (to be saved) when there is none fit to restore. */
function restoreOrBuild(
  records: RecommendationRecord[],
  folder: string,
  key: string,
): { index: RecommendationIndex } & Pick<LoadedReferences, 'wordIndexToSave' | 'savedWordIndexProblem'> {
  const saved = readWordIndex(folder, key);
  let savedWordIndexProblem: string | undefined;
  if (saved !== undefined) {
    try {
      return { index: new RecommendationIndex(records, saved) };
    } catch (error) {
      // Saved by another version, or damaged: built anew, and saved again.
      savedWordIndexProblem = (error as Error).message;
    }
  }
  return { index: new RecommendationIndex(records), wordIndexToSave: { folder, key }, savedWordIndexProblem };
}

/**
 * What is said on a source file: its problems, one per bad row's line, the rows that look wrong,
 * and whether it was set aside as sample data.
 */
export function sourceFindings(file: string, { problems, warnings, sampleSetAside }: Pick<LoadedReferences, 'problems' | 'warnings' | 'sampleSetAside'>): Finding[] {
  const findings = problemFindings(problems.get(file) ?? []);
  for (const { line, message } of warnings.get(file) ?? []) findings.push({ code: 'references/import-warning', severity: 'warning', range: wholeLine(line), message });
  // In the order of the file's lines, as `import` lists them.
  findings.sort((a, b) => a.range.start.line - b.range.start.line);
  if (sampleSetAside.includes(file)) {
    findings.push({
      code: 'references/sample-set-aside',
      severity: 'warning',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: Number.MAX_SAFE_INTEGER } },
      message: l10n.t("Sample data, left out because the folder holds the coalition's own recommendations: delete this file."),
    });
  }
  return findings;
}

/** A source file's problems as findings on that file, one per bad row's line. */
function problemFindings(problems: ImportError[]): Finding[] {
  return problems.map(({ line, message }) => ({ code: 'references/import', severity: 'error', range: wholeLine(line), message }));
}

/** A source file's line (1-based), whole. */
function wholeLine(line: number): Finding['range'] {
  return { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: Number.MAX_SAFE_INTEGER } };
}
