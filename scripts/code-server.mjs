// Running code-server on 127.0.0.1 for the extension tests and `npm start`: install it (cached),
// pick a port, start it in its own process group, wait until it answers, stop the whole group.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The cache outside the repository that scripts/ensure-code-server.sh installs into. */
export const CACHE_DIR =
  process.env.UPR_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'upr-submission');
const HOST = '127.0.0.1';

/**
 * Runs scripts/ensure-code-server.sh (installs what is missing) and returns its NODE_BIN and
 * CODE_SERVER. `chromium: false` when no browser will be driven (npm start).
 */
export function ensureCodeServer({ chromium = true } = {}) {
  const started = Date.now();
  const result = spawnSync('bash', [path.join(REPO, 'scripts/ensure-code-server.sh')], {
    cwd: REPO,
    env: { ...process.env, UPR_NEED_CHROMIUM: chromium ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (result.error) throw new Error(`ensure-code-server.sh: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`ensure-code-server.sh exited with ${result.status ?? result.signal}`);
  const found = Object.fromEntries(
    result.stdout
      .split('\n')
      .map((line) => line.match(/^(NODE_BIN|CODE_SERVER)=(.+)$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
  if (!found.NODE_BIN || !found.CODE_SERVER) {
    throw new Error(`ensure-code-server.sh printed no NODE_BIN=/CODE_SERVER= lines:\n${result.stdout}`);
  }
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 5) console.log(`code-server ready to start after ${seconds.toFixed(0)} s of installing`);
  return { nodeBin: found.NODE_BIN, codeServer: found.CODE_SERVER };
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

/** The preferred port when it is free, otherwise one the system hands out. */
export async function freePort(preferred) {
  if (preferred && (await portIsFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** User settings that keep a test or development workbench quiet and offline. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Starts code-server on 127.0.0.1:port in a process group of its own (it leaves children behind
 * when only its main process is killed). Resolves once /healthz answers.
 */
export async function startCodeServer({
  nodeBin,
  codeServer,
  port,
  userDataDir,
  extensionsDir,
  configDir,
  smokeTestDriver = false,
  env = {},
  log = process.stderr,
  timeoutMs = 60_000,
}) {
  fs.mkdirSync(configDir, { recursive: true });
  const args = [
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // A built workbench honours the URL's payload (extensionDevelopmentPath, extensionTestsPath,
  // openFile) only with the smoke-test driver enabled.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(codeServer, args, {
    detached: true, // setsid: its own process group, stopped as a whole by stop()
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: `${nodeBin}${path.delimiter}${process.env.PATH}`,
      XDG_CONFIG_HOME: configDir,
      // No extension gallery: the workbench and the server then never ask one over the network.
      EXTENSIONS_GALLERY: '{}',
      ...env,
    },
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk);
    if (output.length > 200) output.shift(); // the tail is enough for an error message
    if (log) log.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = { code, signal }))));

  const handle = {
    url: `http://${HOST}:${port}`,
    port,
    pid: child.pid,
    output: () => Buffer.concat(output.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString(),
    /** Resolves with { code, signal } when code-server's main process exits. */
    exited: exitPromise,
    stop: () => stopGroup(child.pid, exitPromise),
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited early (${exited.code ?? exited.signal}):\n${handle.output()}`);
    try {
      const res = await fetch(`${handle.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return handle;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await handle.stop();
  throw new Error(`code-server did not answer on ${handle.url}/healthz within ${timeoutMs / 1000} s:\n${handle.output()}`);
}

/** SIGTERM to the whole process group, SIGKILL after a grace period. */
async function stopGroup(pid, exitPromise, graceMs = 5_000) {
  const signalGroup = (signal) => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // group already gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  await Promise.race([exitPromise, timer]);
  // The main process may be gone while children of the group live on: make sure of them too.
  await new Promise((r) => setTimeout(r, 200));
  signalGroup('SIGKILL');
}

/** vscode-remote URI for a path on the code-server machine, as the workbench's payload expects. */
export function remoteUri(port, absPath) {
  return `vscode-remote://${HOST}:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** The workbench URL that opens `folder` with the given payload entries (extensionDevelopmentPath, ...). */
export function workbenchUrl(port, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload?.length) query.set('payload', JSON.stringify(payload));
  return `http://${HOST}:${port}/?${query}`;
}

/**
 * On SIGINT/SIGTERM runs cleanup once, then exits with 130/143. The listeners stay registered
 * while cleanup runs (a library that exits when it hears no other listener, as Playwright does,
 * then leaves it to us). Returns a function that unregisters them.
 */
export function onInterrupt(cleanup) {
  let cleaning = false;
  const handler = (signal) => {
    if (cleaning) return;
    cleaning = true;
    console.error(`\n${signal}: stopping...`);
    Promise.resolve()
      .then(cleanup)
      .catch((e) => console.error(e))
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
