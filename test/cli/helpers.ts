// Running `node dist/cli.js` as a separate process, as a user or CI does. Run `npm run build` first.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from '../lsp/client';

export const cliPath = path.join(root, 'dist', 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; timeout?: number } = {}): Run {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 20000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  assert.notEqual(result.signal, 'SIGKILL', `upr ${args.join(' ')} timed out`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit 2 with exactly one line on stderr and nothing on stdout. */
export function assertUsageFailure(result: Run, reason: RegExp): void {
  assert.equal(result.status, 2, `exit code (stderr: ${result.stderr})`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^[^\n]+\n?$/, `one line on stderr, got ${JSON.stringify(result.stderr)}`);
  assert.match(result.stderr, reason);
}

export function parseJson<T>(result: Run): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    assert.fail(`stdout is not JSON: ${JSON.stringify(result.stdout.slice(0, 2000))} (stderr: ${result.stderr})`);
  }
}

/**
 * The submission with the SMART checks and SDG hints on its recommendations switched off, for tests of the
 * other rules and of the output formats: an HTML comment at the end, which changes neither the
 * line numbers nor the word count.
 */
export function withoutSmart(text: string): string {
  return `${text}${text.endsWith('\n') ? '' : '\n'}\n<!-- upr-disable-file smart references/sdg-missing -->\n`;
}
