#!/usr/bin/env node
// `npm start`: installs what is missing, builds, and opens samples/ with the extension under
// development: in desktop VS Code when `code` is on PATH, otherwise in code-server (VS Code in the
// browser) on 127.0.0.1, which stays in the foreground until Ctrl+C.
//
//   PORT=8080            code-server's port (default: 8080, or a free one when 8080 is taken)
//   UPR_CODE_SERVER=1    use code-server even where `code` is on PATH
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CACHE_DIR,
  REPO,
  ensureCodeServer,
  freePort,
  onInterrupt,
  remoteUri,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './code-server.mjs';

const SAMPLES = path.join(REPO, 'samples');

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`start: \`${command} ${args.join(' ')}\` failed (${result.error?.message ?? result.status ?? result.signal})`);
    process.exit(1);
  }
}

function onPath(command) {
  return (process.env.PATH || '')
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

async function withCodeServer() {
  const { nodeBin, codeServer } = ensureCodeServer({ chromium: false });
  const wanted = process.env.PORT ? Number(process.env.PORT) : undefined;
  const port = await freePort(wanted ?? 8080);
  if (wanted && port !== wanted) {
    console.error(`start: port ${wanted} (from PORT) is taken`);
    process.exit(1);
  }
  // Kept between runs (settings, open editors), outside the repository.
  const home = path.join(CACHE_DIR, 'start');
  const userDataDir = path.join(home, 'user-data');
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir);

  const server = await startCodeServer({
    nodeBin,
    codeServer,
    port,
    userDataDir,
    extensionsDir: path.join(home, 'extensions'),
    configDir: path.join(home, 'config'),
    // A built workbench reads the URL's payload (extensionDevelopmentPath) only with this switch on.
    smokeTestDriver: true,
    log: fs.createWriteStream(path.join(home, 'code-server.log')),
  });
  let stopping = false;
  onInterrupt(() => {
    stopping = true;
    return server.stop();
  });
  const url = workbenchUrl(port, SAMPLES, [['extensionDevelopmentPath', remoteUri(port, REPO)]]);
  console.log(`\ncode-server is running on ${server.url} with the extension from ${REPO}.`);
  console.log(`Open this URL in a browser (on another machine, forward port ${port} first):\n\n  ${url}\n`);
  console.log('After `npm run build`, reload the page to load the new build. Press Ctrl+C to stop.');
  // Stay in the foreground until Ctrl+C (onInterrupt stops the whole process group and exits).
  const { code, signal } = await server.exited;
  if (stopping) return new Promise(() => {}); // the interrupt handler exits
  console.error(`start: code-server exited (${code ?? signal}); its log: ${path.join(home, 'code-server.log')}`);
  await server.stop();
  process.exit(1);
}

async function main() {
  if (!fs.existsSync(path.join(REPO, 'node_modules'))) run('npm', ['ci']);
  run('npm', ['run', 'build']);
  if (onPath('code') && !process.env.UPR_CODE_SERVER) {
    run('code', [`--extensionDevelopmentPath=${REPO}`, SAMPLES]);
    return;
  }
  await withCodeServer();
}

main().catch((e) => {
  console.error(`start: ${e.stack || e.message}`);
  process.exit(1);
});
