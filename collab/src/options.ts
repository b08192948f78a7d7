// Settings of the collaboration server: command-line flags, each also readable from an
// environment variable (the flag wins), and the secret's resolution. Bad input throws UsageError,
// which main.ts reports with exit code 2.

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TTL } from './auth';

export class UsageError extends Error {}

export type Durability = 'normal' | 'full';

export interface ServerOptions {
  host: string;
  port: number;
  dataDir: string;
  secretFile?: string;
  redisUrl?: string;
  durability: Durability;
  maxMessageBytes: number;
  maxUpdatesPerSecond: number;
  maxRooms: number;
  /** Rows a room may have in the store before they are merged into one. */
  compactAfter: number;
  /** How long an empty room stays in memory before it is unloaded. */
  unloadAfterMs: number;
}

interface Setting {
  flag: string;
  env: string;
  help: string;
  default?: string;
}

const SETTINGS = {
  host: { flag: 'host', env: 'UPR_COLLAB_HOST', help: 'address to listen on', default: '127.0.0.1' },
  port: { flag: 'port', env: 'UPR_COLLAB_PORT', help: 'port to listen on (0: any free port)', default: '1234' },
  data: { flag: 'data', env: 'UPR_COLLAB_DATA', help: 'data folder: collab.sqlite (and secret, if generated)', default: '.collab-data' },
  secretFile: { flag: 'secret-file', env: 'UPR_COLLAB_SECRET_FILE', help: 'file holding the token secret (UPR_COLLAB_SECRET holds the secret itself)' },
  redis: { flag: 'redis', env: 'UPR_COLLAB_REDIS_URL', help: 'Redis URL (redis://127.0.0.1:6379) to share rooms with other instances' },
  durability: { flag: 'durability', env: 'UPR_COLLAB_DURABILITY', help: 'normal: relayed updates survive a crash of the process; full: also a power loss', default: 'full' },
  maxMessageBytes: { flag: 'max-message-bytes', env: 'UPR_COLLAB_MAX_MESSAGE_BYTES', help: 'largest message a client may send', default: String(2 * 1024 * 1024) },
  maxUpdatesPerSecond: { flag: 'max-updates-per-second', env: 'UPR_COLLAB_MAX_UPDATES_PER_SECOND', help: 'messages per second per connection (bursts of twice that)', default: '100' },
  maxRooms: { flag: 'max-rooms', env: 'UPR_COLLAB_MAX_ROOMS', help: 'rooms held in memory at once', default: '1000' },
  compactAfter: { flag: 'compact-after', env: 'UPR_COLLAB_COMPACT_AFTER', help: 'stored updates per room before they are merged into one', default: '500' },
  unloadAfterMs: { flag: 'unload-after-ms', env: 'UPR_COLLAB_UNLOAD_AFTER_MS', help: 'milliseconds an empty room stays in memory', default: '5000' },
} satisfies Record<string, Setting>;

const TOKEN_SETTINGS = {
  room: { flag: 'room', env: '', help: 'room (document) the token opens' },
  user: { flag: 'user', env: '', help: 'user name shown to others' },
  role: { flag: 'role', env: '', help: 'writer or reviewer', default: 'writer' },
  ttl: { flag: 'ttl', env: '', help: 'lifetime: 3600, 45m, 12h, 30d', default: DEFAULT_TTL },
} satisfies Record<string, Setting>;

function describe(settings: Record<string, Setting>): string {
  return Object.values(settings)
    .map((setting) => {
      const env = setting.env ? ` (env ${setting.env})` : '';
      const fallback = setting.default === undefined ? '' : ` [default ${setting.default}]`;
      const head = `  --${setting.flag} ${setting.flag === 'room' || setting.flag === 'user' ? 'NAME' : 'VALUE'}`;
      return `${head.length >= 31 ? `${head}\n${' '.repeat(32)}` : head.padEnd(32)}${setting.help}${fallback}${env}`;
    })
    .join('\n');
}

export const USAGE = `Usage:
  collab-server [options]                       run the y-websocket collaboration server
  collab-server token --room R --user U [--role writer|reviewer] [--ttl 30d] [--data DIR | --secret-file F]
                                                print one room token

Options (each also from its environment variable; the flag wins):
${describe(SETTINGS)}
  --help                        this text

Token options:
${describe(TOKEN_SETTINGS)}

The secret that signs tokens comes from --secret-file, else UPR_COLLAB_SECRET, else DATA/secret;
when none exists, one is generated into DATA/secret (mode 0600).`;

const STRING_OPTIONS = Object.fromEntries(
  [...Object.values(SETTINGS), ...Object.values(TOKEN_SETTINGS)].map((setting) => [setting.flag, { type: 'string' as const }]),
);

export interface ParsedCommand {
  command: 'serve' | 'token' | 'help';
  values: Record<string, string | undefined>;
}

export function parseCommand(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...STRING_OPTIONS, help: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const positionals = parsed.positionals;
  const values = parsed.values as Record<string, string | undefined> & { help?: boolean };
  if (values.help) return { command: 'help', values: {} };
  if (positionals.length > 1 || (positionals.length === 1 && positionals[0] !== 'token')) {
    throw new UsageError(`unknown command "${positionals.join(' ')}" (the only command is "token")`);
  }
  const command = positionals[0] === 'token' ? 'token' : 'serve';
  const tokenFlags = Object.values(TOKEN_SETTINGS).map((setting) => setting.flag);
  if (command === 'serve') {
    const misplaced = tokenFlags.find((flag) => values[flag] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} belongs to the "token" command`);
  }
  return { command, values };
}

/** A flag's value, else its environment variable, else its default. */
function setting(values: Record<string, string | undefined>, key: keyof typeof SETTINGS, env: NodeJS.ProcessEnv): string | undefined {
  const entry: Setting = SETTINGS[key];
  return values[entry.flag] ?? (env[entry.env] || undefined) ?? entry.default;
}

function integer(values: Record<string, string | undefined>, key: keyof typeof SETTINGS, env: NodeJS.ProcessEnv, min: number, max: number): number {
  const raw = setting(values, key, env)!;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new UsageError(`--${SETTINGS[key].flag} (${SETTINGS[key].env}) must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

export function serverOptions(values: Record<string, string | undefined>, env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const durability = setting(values, 'durability', env);
  if (durability !== 'normal' && durability !== 'full') throw new UsageError(`--durability must be normal or full, not "${durability}"`);
  const redisUrl = setting(values, 'redis', env);
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) throw new UsageError(`--redis must be a redis:// or rediss:// URL, not "${redisUrl}"`);
  return {
    host: setting(values, 'host', env)!,
    port: integer(values, 'port', env, 0, 65535),
    dataDir: path.resolve(setting(values, 'data', env)!),
    secretFile: setting(values, 'secretFile', env),
    redisUrl,
    durability,
    maxMessageBytes: integer(values, 'maxMessageBytes', env, 1024, 256 * 1024 * 1024),
    maxUpdatesPerSecond: integer(values, 'maxUpdatesPerSecond', env, 1, 1_000_000),
    maxRooms: integer(values, 'maxRooms', env, 1, 1_000_000),
    compactAfter: integer(values, 'compactAfter', env, 2, 10_000_000),
    unloadAfterMs: integer(values, 'unloadAfterMs', env, 0, 24 * 3600 * 1000),
  };
}

export function tokenOptions(values: Record<string, string | undefined>): { room: string; user: string; role: string; ttl: string } {
  const missing = (['room', 'user'] as const).filter((key) => !values[key]);
  if (missing.length) throw new UsageError(`token needs ${missing.map((key) => `--${key}`).join(' and ')}`);
  return { room: values.room!, user: values.user!, role: values.role ?? TOKEN_SETTINGS.role.default, ttl: values.ttl ?? TOKEN_SETTINGS.ttl.default };
}

const MIN_SECRET_LENGTH = 16;

export interface SecretSource {
  secret: string;
  /** Set when the secret was just generated into this file. */
  generatedInto?: string;
}

/** --secret-file, else UPR_COLLAB_SECRET, else DATA/secret, else a new secret written to DATA/secret. */
export function resolveSecret(secretFile: string | undefined, dataDir: string, env: NodeJS.ProcessEnv = process.env): SecretSource {
  return readSecret(secretFile, dataDir, env) ?? generateSecret(dataDir);
}

/** The secret from --secret-file, UPR_COLLAB_SECRET or DATA/secret; undefined when none exists (nothing is written). */
export function readSecret(secretFile: string | undefined, dataDir: string, env: NodeJS.ProcessEnv = process.env): SecretSource | undefined {
  if (secretFile !== undefined) return secretFrom(secretFile);
  if (env.UPR_COLLAB_SECRET) return checked(env.UPR_COLLAB_SECRET, 'UPR_COLLAB_SECRET');
  const generatedPath = path.join(dataDir, 'secret');
  return existsSync(generatedPath) ? secretFrom(generatedPath) : undefined;
}

/** Writes a new secret to DATA/secret (mode 0600); if another process wrote one meanwhile, that one is used. */
export function generateSecret(dataDir: string): SecretSource {
  const generatedPath = path.join(dataDir, 'secret');
  const secret = randomBytes(32).toString('hex');
  try {
    mkdirSync(dataDir, { recursive: true });
    // 'wx' fails if another process created it meanwhile.
    writeFileSync(generatedPath, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return secretFrom(generatedPath);
    throw new Error(`cannot write a new secret to ${generatedPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { secret, generatedInto: generatedPath };
}

function secretFrom(file: string): SecretSource {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the secret file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return checked(content.trim(), file);
}

function checked(secret: string, from: string): SecretSource {
  if (secret.length < MIN_SECRET_LENGTH) throw new UsageError(`the secret in ${from} is too short: use at least ${MIN_SECRET_LENGTH} characters`);
  return { secret };
}
