// Command line over the same core as the editor:
//   upr check FILE... [--format text|json]   the editor's diagnostics; exit 1 on any error
//   upr count FILE [--format text|json]      words, limit and words per section
// Exit code 2, with a one-line reason, for unusable input or usage.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyseText, Analysis } from './core/analyse';
import { resolveConfig } from './core/config';
import type { Finding } from './core/findings';
import { useLocale } from './localisation';

const USAGE = `Usage:
  upr check FILE... [--format text|json] [--locale en|ru]
  upr count FILE [--format text|json] [--locale en|ru]`;

class UsageError extends Error {}

function readSubmission(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((error as Error).message);
    throw new UsageError(`${file}: ${reason}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file}: not UTF-8 text`);
  }
}

function formatOption(value: string | undefined): 'text' | 'json' {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`unknown format "${value}": use text or json`);
}

function check(files: string[], format: 'text' | 'json'): number {
  if (!files.length) throw new UsageError('check needs at least one FILE');
  // Read everything first, so unusable input fails before any output.
  const texts = files.map((file) => [file, readSubmission(file)] as const);
  const config = resolveConfig();
  const results = texts.map(([file, text]) => ({ file, diagnostics: analyseText(text, config).diagnostics }));
  if (format === 'json') {
    const flat = results.flatMap(({ file, diagnostics }) => diagnostics.map((finding) => toJson(file, finding)));
    process.stdout.write(`${JSON.stringify(flat, null, 2)}\n`);
  } else {
    for (const { file, diagnostics } of results) {
      for (const finding of diagnostics) {
        const { line, character } = finding.range.start;
        process.stdout.write(`${file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code}: ${finding.message}\n`);
      }
    }
  }
  return results.some(({ diagnostics }) => diagnostics.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

function toJson(file: string, finding: Finding) {
  return { file, range: finding.range, severity: finding.severity, code: finding.code, message: finding.message };
}

function count(files: string[], format: 'text' | 'json'): number {
  if (files.length !== 1) throw new UsageError('count takes exactly one FILE');
  const analysis: Analysis = analyseText(readSubmission(files[0]), resolveConfig());
  const result = {
    words: analysis.wordCount.words,
    limit: analysis.wordLimit.limit,
    sections: analysis.wordCount.sections.map(({ title, words }) => ({ title, words })),
  };
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    process.stdout.write(`${result.words} / ${result.limit} words\n`);
    for (const section of result.sections) process.stdout.write(`${String(section.words).padStart(7)}  ${section.title}\n`);
  }
  return 0;
}

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  useLocale(values.locale);
  const [command, ...files] = positionals;
  const format = formatOption(values.format);
  switch (command) {
    case 'check':
      return check(files, format);
    case 'count':
      return count(files, format);
    default:
      throw new UsageError(`${command ? `unknown command "${command}"` : 'no command'}: use check or count (--help for usage)`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
    ? (error as Error).message
    : `internal error: ${(error as Error).stack ?? String(error)}`;
  process.stderr.write(`upr: ${message}\n`);
  process.exitCode = 2;
}
