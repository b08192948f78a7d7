// Command line over the same core as the editor (bundled by esbuild into dist/cli.js):
//   upr check FILE... [--format text|json|sarif]   the editor's diagnostics; exit 1 on any error
//   upr count FILE [--format text|json]            words, limit and words per section
//   upr classify [--lang en|ru|fr|es]              action category and SMART flags per line of stdin
//   upr import FILE.csv|FILE.json -o OUT.json      previous recommendations to the project's JSON
//   upr export FILE --to docx -o OUT.docx [--force] the submission in OHCHR's form; exit 1 on errors
//   upr matrix FILE... --to csv -o OUT.csv         the recommendations of several submissions, one row each
//   upr factsheet FILE --section TITLE --to docx|html -o OUT   the advocacy factsheet of one section
// Each takes --config FILE; without it, the nearest .upr/config.yaml above a submission applies.
// Exit code 2, with a one-line reason, for unusable input or usage. One module per command in cli/.

import { parseArgs } from 'node:util';
import { check, type CheckFormat } from './cli/check';
import { classify, languageOption } from './cli/classify';
import { CommandConfigs } from './cli/config';
import { count } from './cli/count';
import { exportFile } from './cli/export';
import { factsheet } from './cli/factsheet';
import { importFile } from './cli/import';
import { matrix } from './cli/matrix';
import { USAGE, UsageError } from './cli/usage';
import { isKnownLocale, LOCALES, useLocale } from './localisation';

function formatOption(value: string | undefined, allowed: readonly CheckFormat[]): CheckFormat {
  if (value === undefined) return 'text';
  if ((allowed as readonly string[]).includes(value)) return value as CheckFormat;
  throw new UsageError(`unknown format "${value}": use ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`);
}

/** The commands that write a file (-o) and those that write it in a chosen format (--to). */
const WRITES_FILE = ['import', 'export', 'matrix', 'factsheet'];
const CONVERTS = ['export', 'matrix', 'factsheet'];
const listed = (commands: string[]) => `${commands.slice(0, -1).join(', ')} and ${commands[commands.length - 1]}`;

/** The options and FILEs; a UsageError in the words of the others when node cannot read them. */
function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        locale: { type: 'string' },
        lang: { type: 'string' },
        config: { type: 'string' },
        references: { type: 'string' },
        output: { type: 'string', short: 'o' },
        to: { type: 'string' },
        force: { type: 'boolean' },
        section: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw error;
    // Node names an option with a short form as '-o, --output <value>': the long name is said.
    const option = /'(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option} (--help for usage; a FILE that starts with - goes after --)`);
    if (/argument missing/.test(message)) throw new UsageError(`${option} needs a value`);
    if (/does not take an argument/.test(message)) throw new UsageError(`${option} takes no value`);
    throw new UsageError(message);
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseOptions(argv);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The editor falls back to English for a locale without messages; on the command line it is a typo.
  if (values.locale !== undefined && !isKnownLocale(values.locale)) throw new UsageError(`unknown locale "${values.locale}": use ${LOCALES.join(' or ')}`);
  useLocale(values.locale);
  const [command, ...files] = positionals;
  if (values.lang !== undefined && command !== 'classify') throw new UsageError('--lang is an option of classify');
  if (values.output !== undefined && !WRITES_FILE.includes(command)) throw new UsageError(`-o is an option of ${listed(WRITES_FILE)}`);
  if (values.to !== undefined && !CONVERTS.includes(command)) throw new UsageError(`--to is an option of ${listed(CONVERTS)}`);
  if (values.force !== undefined && command !== 'export') throw new UsageError('--force is an option of export');
  if (values.section !== undefined && command !== 'factsheet') throw new UsageError('--section is an option of factsheet');
  if (values.references !== undefined && command !== 'check') throw new UsageError('--references is an option of check');
  const configs = new CommandConfigs(values.config);
  switch (command) {
    case 'check':
      return check(files, formatOption(values.format, ['text', 'json', 'sarif']), configs, values.references);
    case 'count':
      return count(files, formatOption(values.format, ['text', 'json']) as 'text' | 'json', configs);
    case 'classify': {
      if (files.length) throw new UsageError('classify reads standard input and takes no FILE');
      if (values.format !== undefined) throw new UsageError('classify always writes JSON lines and takes no --format');
      return classify(languageOption(values.lang), configs.forWorkingFolder().smart);
    }
    case 'import':
      return importFile(files, values.output);
    case 'export':
      return exportFile(files, values.to, values.output, values.force ?? false, configs);
    case 'matrix':
      return matrix(files, values.to, values.output, configs);
    case 'factsheet':
      return factsheet(files, values.section, values.to, values.output);
    default:
      throw new UsageError(`${command ? `unknown command "${command}"` : 'no command'}: use check, count, classify, import, export, matrix or factsheet (--help for usage)`);
  }
}

// `… | head` closes standard output early: stop quietly rather than with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof UsageError ? error.message : `internal error: ${(error as Error).stack ?? String(error)}`;
    process.stderr.write(`upr: ${message}\n`);
    process.exitCode = 2;
  },
);
