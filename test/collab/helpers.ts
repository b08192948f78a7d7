// Shared helpers for the collaboration server's tests (and the Redis and client tests): start
// dist/collab-server.js as a child process on a free 127.0.0.1 port with a temporary data folder,
// mint tokens, connect real y-websocket clients over `ws`, wait (always with a deadline) and stop
// everything that was started. Build first: `npm run build`.
//
// Typical use:
//   afterEach(stopAll);
//   const server = await startServer();
//   const alice = connectPeer(server, 'room-1', server.token('room-1', 'alice'));
//   await waitForSynced(alice);

import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { Role, signToken } from '../../collab/src/auth';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const collabServerPath = path.join(root, 'dist', 'collab-server.js');

/** Name of the Y.Text the helpers edit and compare. */
export const TEXT_NAME = 'text';

const DEFAULT_WAIT_MS = 15_000;
const STOP_WAIT_MS = 10_000;

// Every WebsocketProvider adds a process 'exit' listener; tests run more than ten at once.
process.setMaxListeners(100);

const started = { servers: new Set<CollabServer>(), peers: new Set<Peer>(), sockets: new Set<WebSocket>(), dirs: new Set<string>() };

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Like waitFor, for probes that must await something (an HTTP request, say). */
export async function waitForAsync<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A temporary folder, removed by stopAll(). */
export function tempDir(prefix = 'upr-collab-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  started.dirs.add(dir);
  return dir;
}

export function randomSecret(): string {
  return randomBytes(32).toString('hex');
}

/** A token signed as the server signs them; `ttlSeconds` may be negative for an expired one. */
export function mintToken(secret: string, room: string, user: string, role: Role = 'writer', ttlSeconds = 3600): string {
  return signToken(secret, { room, user, role, exp: Math.floor(Date.now() / 1000) + ttlSeconds });
}

export interface ServerOptions {
  /** Data folder; a fresh temporary one unless given (pass the same one to restart a server). */
  dataDir?: string;
  /** Passed as UPR_COLLAB_SECRET; a random one unless given; null passes none (the server then uses DATA/secret). */
  secret?: string | null;
  /** Extra command-line arguments, e.g. ['--redis', url] or ['--max-rooms', '2']. */
  args?: string[];
  /** Extra environment variables. */
  env?: Record<string, string>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One running dist/collab-server.js. */
export class CollabServer {
  stdout = '';
  stderr = '';
  exit: Exit | undefined;
  readonly exited: Promise<Exit>;
  /** http://127.0.0.1:PORT, known once the server printed it. */
  url = '';

  constructor(
    readonly child: ChildProcess,
    readonly dataDir: string,
    readonly secret: string | null,
  ) {
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** ws://127.0.0.1:PORT, the y-websocket server URL. */
  get wsUrl(): string {
    return this.url.replace(/^http/, 'ws');
  }

  /** A token for this server's secret (read from DATA/secret when the server generated it). */
  token(room: string, user = 'writer', role: Role = 'writer', ttlSeconds = 3600): string {
    if (this.secret === null) throw new Error('this server generated its own secret: read it from DATA/secret');
    return mintToken(this.secret, room, user, role, ttlSeconds);
  }

  async fetch(pathname: string, init?: RequestInit): Promise<Response> {
    return fetch(new URL(pathname, this.url), init);
  }

  /** The value of a metric line in GET /metrics, e.g. metric('upr_collab_rooms') or metric('x{reason="y"}'); 0 when absent. */
  async metric(name: string): Promise<number> {
    const text = await (await this.fetch('/metrics')).text();
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : 0;
  }

  /** SIGTERM, then SIGKILL if it has not exited in time. */
  async stop(): Promise<Exit> {
    if (!this.exit) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_WAIT_MS);
      await this.exited;
      clearTimeout(timer);
    }
    started.servers.delete(this);
    return this.exit!;
  }

  /** kill -9: no chance to flush anything. */
  async kill(): Promise<Exit> {
    if (!this.exit) this.child.kill('SIGKILL');
    await this.exited;
    started.servers.delete(this);
    return this.exit!;
  }
}

function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('UPR_COLLAB_')) env[key] = value;
  return { ...env, ...extra };
}

/** Runs dist/collab-server.js with the given arguments (no server wait), e.g. for `token` or bad flags. */
export function runCollabCommand(args: string[], env: Record<string, string> = {}, timeoutMs = DEFAULT_WAIT_MS): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [collabServerPath, ...args], { env: childEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`collab-server ${args.join(' ')} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts a server on 127.0.0.1, port 0, and waits until GET /healthz answers. */
export async function startServer(options: ServerOptions = {}): Promise<CollabServer> {
  const dataDir = options.dataDir ?? tempDir();
  const secret = options.secret === undefined ? randomSecret() : options.secret;
  const env: Record<string, string> = { ...options.env };
  if (secret !== null) env.UPR_COLLAB_SECRET = secret;
  const child = spawn(process.execPath, [collabServerPath, '--host', '127.0.0.1', '--port', '0', '--data', dataDir, ...(options.args ?? [])], {
    env: childEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = new CollabServer(child, dataDir, secret);
  started.servers.add(server);
  try {
    server.url = await waitFor(
      () => {
        if (server.exit) throw new Error(`collab server exited (${server.exit.code ?? server.exit.signal}) before listening:\n${server.stdout}${server.stderr}`);
        return /listening on (http:\/\/\S+)/.exec(server.stdout)?.[1];
      },
      'the collab server to print its address',
    );
    const healthy = async () => (await server.fetch('/healthz').catch(() => undefined))?.ok;
    const deadline = Date.now() + DEFAULT_WAIT_MS;
    while (!(await healthy())) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for /healthz');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
}

export interface CloseRecord {
  code: number;
  reason: string;
}

/** A y-websocket client (WebsocketProvider over `ws`) with its own Y.Doc. */
export interface Peer {
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
  /** Every close the server sent this client, in order. */
  closes: CloseRecord[];
  destroy(): void;
}

export interface PeerOptions {
  /** Start with this doc (e.g. holding offline edits); a fresh one unless given. */
  doc?: Y.Doc;
  /** Awareness user field, e.g. { name: 'Aida' }. */
  user?: Record<string, unknown>;
  connect?: boolean;
}

/** Connects a y-websocket client to `room` with `token` as the `token` query parameter. */
export function connectPeer(server: CollabServer | string, room: string, token: string | undefined, options: PeerOptions = {}): Peer {
  const doc = options.doc ?? new Y.Doc();
  const url = typeof server === 'string' ? server : server.wsUrl;
  const provider = new WebsocketProvider(url, room, doc, {
    params: token === undefined ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Clients in one test process would otherwise talk over BroadcastChannel, bypassing the server.
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 500,
  });
  if (options.user) provider.awareness.setLocalStateField('user', options.user);
  const closes: CloseRecord[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const peer: Peer = {
    doc,
    text: doc.getText(TEXT_NAME),
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
      started.peers.delete(peer);
    },
  };
  started.peers.add(peer);
  return peer;
}

export function waitForSynced(peer: Peer, timeoutMs = DEFAULT_WAIT_MS): Promise<Peer> {
  return waitFor(() => peer.provider.synced && peer, 'a client to sync', timeoutMs);
}

/** The first close the server sent this client. */
export function waitForClose(peer: Peer, timeoutMs = DEFAULT_WAIT_MS): Promise<CloseRecord> {
  return waitFor(() => peer.closes[0], 'the server to close a client connection', timeoutMs);
}

/** Waits until every peer's text equals `expected` (or, without it, until all are equal); returns the text. */
export function waitForConvergence(peers: Peer[], expected?: string, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
  return waitFor(
    () => {
      const texts = peers.map((peer) => peer.text.toString());
      const target = expected ?? texts[0];
      return texts.every((text) => text === target) && { target };
    },
    `${peers.length} clients to converge${expected === undefined ? '' : ` on ${JSON.stringify(expected.slice(0, 60))}`}`,
    timeoutMs,
  ).then(({ target }) => target);
}

/** A plain WebSocket to a room (for raw protocol messages), with everything it received. */
export interface RawSocket {
  socket: WebSocket;
  messages: Uint8Array[];
  closed: Promise<CloseRecord>;
  opened: Promise<void>;
}

export function openRawSocket(server: CollabServer, room: string, token?: string): RawSocket {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(`${server.wsUrl}/${encodeURIComponent(room)}${query}`);
  socket.binaryType = 'nodebuffer';
  started.sockets.add(socket);
  const messages: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  socket.on('error', () => {}); // reported through `closed`
  const closed = new Promise<CloseRecord>((resolve) =>
    socket.once('close', (code, reason) => {
      started.sockets.delete(socket);
      resolve({ code, reason: reason.toString() });
    }),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', () => reject(new Error('socket closed before it opened')));
  });
  opened.catch(() => {});
  return { socket, messages, closed, opened };
}

/** Destroys every client and socket the helpers made. */
export function stopPeers(): void {
  for (const peer of [...started.peers]) peer.destroy();
  for (const socket of [...started.sockets]) socket.terminate();
  started.sockets.clear();
}

/** Stops every client, socket and server the helpers started and removes their temporary folders. */
export async function stopAll(): Promise<void> {
  stopPeers();
  await Promise.all([...started.servers].map((server) => server.stop()));
  for (const dir of started.dirs) rmSync(dir, { recursive: true, force: true });
  started.dirs.clear();
}
