// Scale-out over Redis, against a real redis-server on 127.0.0.1 started here: first the room bus
// of collab/src/fanout.ts on its own (no echo, binary safety, separate rooms, unreachable Redis,
// resync after Redis comes back), then two dist/collab-server.js processes sharing one data folder
// and one Redis, with y-websocket clients split across them. Build first: `npm run build`.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { BusMessageKind, RoomBus } from '../../collab/src/bus';
import { createRedisBus } from '../../collab/src/fanout';
import {
  connectPeer,
  randomSecret,
  runCollabCommand,
  startServer,
  stopAll,
  tempDir,
  waitFor,
  waitForConvergence,
  waitForSynced,
  type CollabServer,
  type Peer,
} from './helpers';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server on 127.0.0.1 without persistence, in its own temporary folder; restartable on the same port. */
class RedisProcess {
  readonly url: string;
  private process?: ChildProcess;
  private output = '';

  private constructor(readonly port: number, private readonly dir: string) {
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async start(): Promise<RedisProcess> {
    const redis = new RedisProcess(await freePort(), mkdtempSync(path.join(os.tmpdir(), 'upr-redis-')));
    await redis.restart();
    return redis;
  }

  async restart(): Promise<void> {
    this.output = '';
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { cwd: this.dir });
    this.process = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    child.once('error', (error) => {
      this.output += `${error.message}\n`;
      exited = true;
    });
    await waitFor(() => exited || this.output.includes('Ready to accept connections'), 'redis-server to start');
    if (exited) throw new Error(`redis-server exited at start:\n${this.output}`);
  }

  /** kill -9: Redis vanishes without a goodbye to its clients. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One bus and what it received, per room. */
class RecordingBus {
  readonly received = new Map<string, { kind: BusMessageKind; payload: Buffer }[]>();
  readonly resyncs: string[] = [];

  constructor(readonly bus: RoomBus) {}

  async join(room: string): Promise<void> {
    this.received.set(room, []);
    await this.bus.subscribe(
      room,
      (kind, payload) => this.received.get(room)?.push({ kind, payload: Buffer.from(payload) }),
      () => this.resyncs.push(room),
    );
  }

  count(room: string): number {
    return this.received.get(room)?.length ?? 0;
  }
}

describe('Redis room bus (collab/src/fanout.ts)', () => {
  let redis: RedisProcess;
  const buses: RoomBus[] = [];
  const logs: string[] = [];

  async function connect(): Promise<RecordingBus> {
    const bus = await createRedisBus(redis.url, (line) => logs.push(line));
    buses.push(bus);
    return new RecordingBus(bus);
  }

  before(async () => {
    redis = await RedisProcess.start();
  });

  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    logs.length = 0;
  });

  after(async () => {
    await redis?.stop();
  });

  it('delivers updates and awareness to the other instance, byte for byte, and never back to the sender', async () => {
    const a = await connect();
    const b = await connect();
    await a.join('room');
    await b.join('room');
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
    const large = Buffer.alloc(1024 * 1024, 0xa5);
    a.bus.publish('room', 'update', everyByte);
    a.bus.publish('room', 'awareness', Buffer.from('\r\n\0'));
    a.bus.publish('room', 'update', large);
    a.bus.publish('room', 'update', new Uint8Array(0));
    await waitFor(() => b.count('room') === 4, 'b to receive four messages');
    assert.deepEqual(
      b.received.get('room')?.map(({ kind, payload }) => [kind, payload.toString('hex')]),
      [
        ['update', everyByte.toString('hex')],
        ['awareness', '0d0a00'],
        ['update', large.toString('hex')],
        ['update', ''],
      ],
    );
    // Redis delivers one channel's messages in order: had a's own messages come back to it, they
    // would arrive before b's answer, published after b had received them.
    b.bus.publish('room', 'awareness', Buffer.from('answer'));
    await waitFor(() => a.count('room') === 1, "a to receive b's answer");
    assert.deepEqual(a.received.get('room'), [{ kind: 'awareness', payload: Buffer.from('answer') }]);
  });

  it('keeps rooms apart, whatever their names, and stops delivering after unsubscribe', async () => {
    const a = await connect();
    const b = await connect();
    const rooms = ['submissions/kenya-2026', 'Доклад: права ребёнка', 'a:b*c?[d]'];
    for (const room of rooms) await b.join(room);
    rooms.forEach((room, index) => a.bus.publish(room, 'update', Buffer.from([index])));
    await waitFor(() => rooms.every((room) => b.count(room) === 1), 'one message in each room');
    rooms.forEach((room, index) => assert.deepEqual(b.received.get(room), [{ kind: 'update', payload: Buffer.from([index]) }]));

    await b.bus.unsubscribe(rooms[0]);
    a.bus.publish(rooms[0], 'update', Buffer.from('after unsubscribe'));
    a.bus.publish(rooms[1], 'update', Buffer.from('marker'));
    await waitFor(() => b.count(rooms[1]) === 2, 'the marker');
    assert.equal(b.count(rooms[0]), 1);
  });

  it('refuses to start with a clear error when Redis is unreachable', async () => {
    const closedPort = await freePort();
    await assert.rejects(createRedisBus(`redis://127.0.0.1:${closedPort}`, (line) => logs.push(line)), (error: Error) => {
      assert.match(error.message, new RegExp(`^cannot connect to Redis at redis://127\\.0\\.0\\.1:${closedPort}.*ECONNREFUSED`));
      return true;
    });
    await assert.rejects(createRedisBus('http://example.invalid', (line) => logs.push(line)), /^Error: cannot connect to Redis at http:\/\/example\.invalid/);
  });

  it("introduces its clients' presence to an instance that starts serving the room later, without the clients who left", async () => {
    const a = await connect();
    await a.join('room');
    const clients = [new Awareness(new Y.Doc()), new Awareness(new Y.Doc())];
    clients[0].setLocalStateField('user', { name: 'Aida' });
    clients[1].setLocalStateField('user', { name: 'Chidi' });
    for (const client of clients) a.bus.publish('room', 'awareness', encodeAwarenessUpdate(client, [client.clientID]));
    removeAwarenessStates(clients[1], [clients[1].clientID], 'left');
    a.bus.publish('room', 'awareness', encodeAwarenessUpdate(clients[1], [clients[1].clientID]));

    const b = await connect();
    await b.join('room');
    await waitFor(() => b.count('room') === 1, "a's answer to b's hello");
    const seen = new Awareness(new Y.Doc());
    const [{ kind, payload }] = b.received.get('room')!;
    assert.equal(kind, 'awareness');
    applyAwarenessUpdate(seen, payload, 'test');
    assert.deepEqual(
      [...seen.getStates()].filter(([id]) => id !== seen.clientID),
      [[clients[0].clientID, { user: { name: 'Aida' } }]],
    );
    for (const awareness of [...clients, seen]) awareness.destroy();
  });

  it('survives Redis going away: publishing does not throw, and after Redis is back every room resyncs and messages flow again', async () => {
    const a = await connect();
    const b = await connect();
    await a.join('room');
    await b.join('room');
    await b.join('other room');
    const aida = new Awareness(new Y.Doc());
    aida.setLocalStateField('user', { name: 'Aida' });
    a.bus.publish('room', 'awareness', encodeAwarenessUpdate(aida, [aida.clientID]));
    aida.destroy();
    await waitFor(() => b.count('room') === 1, "Aida's presence");

    await redis.kill();
    await waitFor(() => logs.filter((line) => line.includes('lost the connection')).length >= 4, 'both buses to notice the outage');
    a.bus.publish('room', 'update', Buffer.from('while Redis is down'));
    // A room that opens during the outage is served locally at once and subscribed on reconnect.
    await a.join('opened while down');

    await redis.restart();
    await waitFor(() => a.resyncs.length === 2 && b.resyncs.length === 2, 'both buses to resync their rooms');
    assert.deepEqual(a.resyncs.sort(), ['opened while down', 'room']);
    assert.deepEqual(b.resyncs.sort(), ['other room', 'room']);
    // Presence is exchanged again too: b may have missed changes to it.
    await waitFor(() => b.received.get('room')!.filter(({ kind }) => kind === 'awareness').length === 2, "Aida's presence again");

    b.bus.publish('opened while down', 'update', Buffer.from('after restart'));
    a.bus.publish('other room', 'awareness', Buffer.from('after restart'));
    await waitFor(() => a.count('opened while down') === 1 && b.count('other room') === 1, 'messages after the restart');
    assert.ok(logs.some((line) => line.includes('reconnected')), logs.join('\n'));
  });
});

describe('Two collaboration servers sharing rooms through Redis', () => {
  let redis: RedisProcess;
  let dataDir: string;
  let secret: string;
  let servers: CollabServer[];
  /** Every update a client made locally (and so sent to its server), per room. */
  let sentUpdates: Map<string, Uint8Array[]>;

  async function startInstance(): Promise<CollabServer> {
    // Compaction would merge rows and hide duplicates: the count of rows is what is checked here.
    return startServer({ dataDir, secret, args: ['--redis', redis.url, '--compact-after', '10000000'] });
  }

  function join(server: CollabServer, room: string, name: string): Peer {
    const peer = connectPeer(server, room, server.token(room, name), { user: { name } });
    const sent = sentUpdates.get(room) ?? [];
    sentUpdates.set(room, sent);
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== peer.provider) sent.push(update);
    });
    return peer;
  }

  async function joinAll(...peers: Peer[]): Promise<Peer[]> {
    await Promise.all(peers.map((peer) => waitForSynced(peer)));
    return peers;
  }

  /** Each peer inserts `count` tokens like "alice3;" at token boundaries, concurrently with the others. */
  async function typeTokens(peers: Peer[], names: string[], count: number): Promise<string[]> {
    const random = seededRandom(5);
    await Promise.all(
      peers.map(async (peer, index) => {
        for (let i = 0; i < count; i++) {
          const text = peer.text.toString();
          const boundaries = [0, ...[...text].flatMap((char, at) => (char === ';' ? [at + 1] : []))];
          peer.text.insert(boundaries[Math.floor(random() * boundaries.length)], `${names[index]}${i};`);
          await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 4)));
        }
      }),
    );
    return names.flatMap((name) => Array.from({ length: count }, (_, i) => `${name}${i};`));
  }

  function assertHoldsEachOnce(text: string, tokens: string[]): void {
    assert.equal(text.length, tokens.reduce((sum, token) => sum + token.length, 0), text);
    assert.deepEqual(text.split(';').slice(0, -1).map((token) => `${token};`).sort(), [...tokens].sort());
  }

  /** Stops both servers and reads the room's rows from the shared SQLite file. */
  async function storedRows(room: string): Promise<Uint8Array[]> {
    await Promise.all(servers.map((server) => server.stop()));
    const db = new Database(path.join(dataDir, 'collab.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT "update" FROM updates WHERE room = ? ORDER BY id').all(room).map((row) => (row as { update: Uint8Array }).update);
    } finally {
      db.close();
    }
  }

  /** Each update a client sent is stored exactly once, by the instance it was sent to, and nothing else is. */
  async function assertStoredOnce(room: string, finalText: string): Promise<void> {
    const rows = (await storedRows(room)).filter((row) => !isEmptyUpdate(row));
    const hex = (update: Uint8Array) => Buffer.from(update).toString('hex');
    assert.deepEqual(rows.map(hex).sort(), sentUpdates.get(room)!.map(hex).sort());
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.mergeUpdates(rows));
    assert.equal(stored.getText('text').toString(), finalText);
  }

  beforeEach(async () => {
    redis = await RedisProcess.start();
    dataDir = tempDir();
    secret = randomSecret();
    sentUpdates = new Map();
    servers = [await startInstance(), await startInstance()];
  });

  afterEach(async () => {
    await stopAll();
    await redis?.stop();
  });

  it('converges clients of one room split across the two instances, shares presence, and stores each update once', async () => {
    const [a, b] = servers;
    const names = ['aida', 'bolat', 'chidi', 'dana', 'emeka', 'farida'];
    const peers = await joinAll(...names.map((name, index) => join(index % 2 === 0 ? a : b, 'kenya-2026', name)));

    const tokens = await typeTokens(peers, names, 15);
    const text = await waitForConvergence(peers);
    assertHoldsEachOnce(text, tokens);

    // Presence crosses instances both ways: aida is on a, bolat on b.
    await waitFor(() => seesUser(peers[1], 'aida') && seesUser(peers[0], 'bolat'), 'presence across the instances');

    await assertStoredOnce('kenya-2026', text);
  });

  it('shows a client joining instance b who is already in the room on instance a, without waiting for their presence to be renewed', async () => {
    const [a, b] = servers;
    const [aida, chidi] = await joinAll(join(a, 'uganda-2026', 'aida'), join(a, 'uganda-2026', 'chidi'));
    // Aida stays idle: her client stops renewing its presence, so only the servers can introduce her.
    clearInterval((aida.provider.awareness as unknown as { _checkInterval: NodeJS.Timeout })._checkInterval);
    await waitFor(() => seesUser(chidi, 'aida'), 'instance a to know aida');
    const bolat = await waitForSynced(join(b, 'uganda-2026', 'bolat'));
    await waitFor(() => seesUser(bolat, 'aida') && seesUser(bolat, 'chidi'), 'bolat, on b, to see aida and chidi');
  });

  it('shows a client joining instance b the text written only through instance a, and what a writes afterwards', async () => {
    const [a, b] = servers;
    const [writer] = await joinAll(join(a, 'rwanda-2026', 'aida'));
    writer.text.insert(0, 'Written through a. Кириллица и 🙂.');
    const reader = await waitForSynced(join(b, 'rwanda-2026', 'bolat'));
    assert.equal(reader.text.toString(), 'Written through a. Кириллица и 🙂.');

    writer.text.insert(writer.text.length, ' More.');
    const text = await waitForConvergence([writer, reader], 'Written through a. Кириллица и 🙂. More.');
    await assertStoredOnce('rwanda-2026', text);
  });

  it('keeps serving each instance while Redis is down, and converges both once Redis is back', async () => {
    const [a, b] = servers;
    const onA = await joinAll(join(a, 'chad-2026', 'aida'), join(a, 'chad-2026', 'chidi'));
    const onB = await joinAll(join(b, 'chad-2026', 'bolat'), join(b, 'chad-2026', 'dana'));
    onA[0].text.insert(0, 'before;');
    await waitForConvergence([...onA, ...onB], 'before;');

    await redis.kill();
    await waitFor(() => servers.every((server) => server.stderr.includes('lost the connection')), 'both servers to notice the outage');
    const tokensA = await typeTokens(onA, ['aida', 'chidi'], 5);
    const tokensB = await typeTokens(onB, ['bolat', 'dana'], 5);
    assertHoldsEachOnce(await waitForConvergence(onA), ['before;', ...tokensA]);
    assertHoldsEachOnce(await waitForConvergence(onB), ['before;', ...tokensB]);

    await redis.restart();
    const text = await waitForConvergence([...onA, ...onB]);
    assertHoldsEachOnce(text, ['before;', ...tokensA, ...tokensB]);
    assert.equal(servers.filter((server) => server.exit).length, 0);
    await assertStoredOnce('chad-2026', text);
  });

  it('refuses to start, with a clear message, when Redis cannot be reached', async () => {
    const closedPort = await freePort();
    const result = await runCollabCommand(
      ['--host', '127.0.0.1', '--port', '0', '--data', tempDir(), '--redis', `redis://127.0.0.1:${closedPort}`],
      { UPR_COLLAB_SECRET: randomSecret() },
    );
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, new RegExp(`cannot connect to Redis at redis://127\\.0\\.0\\.1:${closedPort}`));
    assert.doesNotMatch(result.stderr, /^\s+at /m, 'a message, not a stack trace');
  });
});

function seesUser(peer: Peer, name: string): boolean {
  return [...peer.provider.awareness.getStates().values()].some((state) => state.user?.name === name);
}

/** An update that changes nothing (what an empty client answers to the server's first sync step). */
function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/** A small deterministic generator, so that a failing run can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
