// The two-window co-editing test's setup (test/extension/suite/collab*.test.ts): a real
// collaboration server (dist/collab-server.js on 127.0.0.1, any free port, a temporary data
// folder), a token for each window, and for each window a workspace holding its copy of the
// shared submission, its user name and its `.upr-test/collab.json` (part and invitation). The
// second window asks for the server to be stopped and started again (same port and data), to
// edit offline and reconnect.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../../scripts/code-server.mjs';

const SERVER = path.join(REPO, 'dist/collab-server.js');
const ROOM = 'two-windows';
const FIXTURE = 'co-editing.upr.md';
// The windows' requests to the runner (as in suite/collabConfig.ts).
export const SHARED_MARK = 'UPR-COLLAB-SHARED';
export const STOP_SERVER_MARK = 'UPR-COLLAB-STOP-SERVER';
export const START_SERVER_MARK = 'UPR-COLLAB-START-SERVER';
const WRITERS = { first: 'Aigerim', second: 'Bolot' };

/** Whether a run with this grep includes the co-editing test. */
export function collabTestSelected(grep) {
  return !grep || 'co-editing: two windows, one submission'.includes(grep) || grep.includes('co-editing');
}

function startServer(dataDir, log, port = 0) {
  const child = spawn(process.execPath, [SERVER, '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the collaboration server did not start within 20 s:\n${output}`)), 20_000);
    const fail = (error) => {
      clearTimeout(timer);
      void stop().then(() => reject(error));
    };
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1].replace(/^http/, 'ws'), port: Number(new URL(match[1]).port), stop });
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code, signal) => fail(new Error(`the collaboration server exited (${code ?? signal}):\n${output}`)));
  });
}

function mintToken(dataDir, user) {
  const result = spawnSync(
    process.execPath,
    [SERVER, 'token', '--room', ROOM, '--user', user, '--role', 'writer', '--ttl', '1h', '--data', dataDir],
    { encoding: 'utf8', timeout: 20_000 },
  );
  const token = result.stdout?.trim().split('\n').pop();
  if (result.status !== 0 || !token) throw new Error(`collab-server token failed (${result.status ?? result.error}): ${result.stderr}`);
  return token;
}

function writeWindowFiles(workspace, part, invitation) {
  const peer = part === 'first' ? WRITERS.second : WRITERS.first;
  fs.mkdirSync(path.join(workspace, '.upr-test'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.upr-test', 'collab.json'), JSON.stringify({ part, invitation, ownName: WRITERS[part], peerName: peer }, null, 2));
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  const settings = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {};
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, 'uprSubmission.collab.userName': WRITERS[part] }, null, 2));
}

/**
 * Starts the server and prepares both windows: `workspace` (the first window's, which already holds
 * the fixtures) and a second workspace under `root`, whose copy of the submission is a differing
 * draft (the room's text must win over it, the draft kept aside). Returns { peerWorkspace, stop,
 * stopServer, restartServer }.
 */
export async function setUpCoEditing({ root, workspace, log }) {
  const dataDir = path.join(root, 'collab-data');
  fs.mkdirSync(dataDir);
  let server = await startServer(dataDir, log);
  const { port } = server;
  try {
    const peerWorkspace = path.join(root, 'workspace-peer');
    fs.mkdirSync(peerWorkspace);
    const shared = fs.readFileSync(path.join(workspace, FIXTURE), 'utf8');
    fs.writeFileSync(path.join(peerWorkspace, FIXTURE), shared.replace('Osh only.', 'Osh only, says an older draft.'));
    for (const [part, dir] of [['first', workspace], ['second', peerWorkspace]]) {
      const token = mintToken(dataDir, WRITERS[part]);
      writeWindowFiles(dir, part, `${server.url}/${ROOM}?token=${encodeURIComponent(token)}`);
    }
    return {
      peerWorkspace,
      stop: () => server.stop(),
      stopServer: () => server.stop(),
      restartServer: async () => {
        server = await startServer(dataDir, log, port);
      },
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
