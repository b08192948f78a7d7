// Scale-out over Redis: the room bus of collab/src/fanout.ts against a real redis-server on
// 127.0.0.1 started here (no echo, binary safety, separate rooms, unreachable Redis, resync after
// Redis comes back).

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BusMessageKind, RoomBus } from '../../collab/src/bus';
import { createRedisBus } from '../../collab/src/fanout';

const WAIT_MS = 10_000;

/** Polls until check() returns true, failing with `what` after ms. */
async function waitFor(check: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

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
    await waitFor(() => exited || this.output.includes('Ready to accept connections'), 'redis-server to start');
    if (exited) throw new Error(`redis-server exited at start:\n${this.output}`);
  }

  /** kill -9: Redis vanishes without a goodbye to its clients. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
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

  it('survives Redis going away: publishing does not throw, and after Redis is back every room resyncs and messages flow again', async () => {
    const a = await connect();
    const b = await connect();
    await a.join('room');
    await b.join('room');
    await b.join('other room');

    await redis.kill();
    await waitFor(() => logs.filter((line) => line.includes('lost the connection')).length >= 4, 'both buses to notice the outage');
    a.bus.publish('room', 'update', Buffer.from('while Redis is down'));
    // A room that opens during the outage is served locally at once and subscribed on reconnect.
    await a.join('opened while down');

    await redis.restart();
    await waitFor(() => a.resyncs.length === 2 && b.resyncs.length === 2, 'both buses to resync their rooms');
    assert.deepEqual(a.resyncs.sort(), ['opened while down', 'room']);
    assert.deepEqual(b.resyncs.sort(), ['other room', 'room']);

    b.bus.publish('opened while down', 'update', Buffer.from('after restart'));
    a.bus.publish('other room', 'awareness', Buffer.from('after restart'));
    await waitFor(() => a.count('opened while down') === 1 && b.count('other room') === 1, 'messages after the restart');
    assert.ok(logs.some((line) => line.includes('reconnected')), logs.join('\n'));
  });
});
