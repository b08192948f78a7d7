// Benchmark of the collaboration server (dist/collab-server.js, as shipped), with real y-websocket
// clients over 127.0.0.1. Prints figures beside their targets and asserts nothing:
//   typing: 50 writers type 5 characters a second each into one room for 60 s (UPR_BENCH_COLLAB_SECONDS
//           overrides the duration), each at its own cursor; edit-to-peer latency is measured from
//           a writer's keystroke to the moment each other writer receives it (p50, p95), with the
//           server's CPU and memory over the run;
//   cold load: a fresh server process loads stored 5,630-word rooms (about 44 KB of text, typed
//           word by word by five authors with corrections, stored as 500 rows: the history merged
//           into one plus 499 single edits, the most a room holds before compaction); server-side
//           load time (its metrics) and a client's join-to-synced time;
//   memory: the server's resident memory and V8 heap growth per loaded 44 KB room.
// UPR_BENCH_COLLAB_ARGS passes flags to the typing run's server, e.g. "--durability normal".
//
//   node --import tsx bench/collab.ts      (after `npm run build`; or call benchCollab())

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { CollabServer, connectPeer, openRawSocket, Peer, RawSocket, startServer, stopAll, waitFor, waitForSynced } from '../test/collab/helpers';
import { MESSAGE_SYNC, readMessage, SYNC_UPDATE, syncMessage } from '../test/collab/protocol';
import { generateSubmission } from './generate';
import { line, percentile, verdict } from './report';

const WRITERS = 50;
const KEYS_PER_SECOND = 5;
const WARM_UP_MS = 2_000;
const STORED_ROOMS = 20;
const STORED_ROWS = 500;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Keystrokes of one writer: the clock its document gave each typed character, and when it was typed. */
interface Keystrokes {
  clocks: number[];
  times: number[];
}

/**
 * A simulated writer: its own Y.Doc, typing at its own cursor, each keystroke sent as a y-websocket
 * update message, as a WebsocketProvider sends it. What the server relays to it is read only far
 * enough to see which keystrokes of which writer arrived (the update's clock ranges), not applied:
 * fifty full clients on the benchmark's machine would measure their own CPU more than the server.
 */
interface Writer {
  name: string;
  doc: Y.Doc;
  text: Y.Text;
  socket: RawSocket;
  cursor: number;
  keystrokes: Keystrokes;
}

async function typing(seconds: number): Promise<void> {
  const server = await startServer({ args: (process.env.UPR_BENCH_COLLAB_ARGS ?? '').split(' ').filter(Boolean) });
  const room = 'typing';
  const writers: Writer[] = Array.from({ length: WRITERS }, (_, i) => {
    const doc = new Y.Doc();
    return { name: `writer-${i}`, doc, text: doc.getText('text'), socket: openRawSocket(server, room, server.token(room, `writer-${i}`)), cursor: 0, keystrokes: { clocks: [], times: [] } };
  });
  await Promise.all(writers.map((writer) => writer.socket.opened));
  const byClient = new Map(writers.map((writer) => [writer.doc.clientID, writer]));
  for (const writer of writers) {
    writer.doc.on('update', (update: Uint8Array) => writer.socket.socket.send(syncMessage(SYNC_UPDATE, update)));
    writer.text.insert(0, `\n${writer.name}: `);
    writer.cursor = writer.text.length;
  }
  // A real y-websocket client in the room, to check that everything typed arrived whole.
  const observer = connectPeer(server, room, server.token(room, 'observer'));
  await waitForSynced(observer, 30_000);

  const latencies: number[] = [];
  let measuring = false;
  for (const reader of writers) {
    const seen = new Map<number, number>(); // writer client id -> index of its next keystroke not yet seen here
    reader.socket.socket.on('message', (data: Buffer) => {
      const message = readMessage(new Uint8Array(data));
      if (message.type !== MESSAGE_SYNC || message.syncType !== SYNC_UPDATE) return;
      const now = performance.now();
      for (const [client, to] of Y.parseUpdateMeta(message.payload!).to) {
        const typed = byClient.get(client)?.keystrokes;
        if (!typed) continue;
        let next = seen.get(client) ?? 0;
        while (next < typed.clocks.length && typed.clocks[next] < to) {
          if (measuring && typed.times[next] > 0) latencies.push(now - typed.times[next]);
          next++;
        }
        seen.set(client, next);
      }
    });
  }

  const letters = 'abcdefghijklmnopqrstuvwxyz абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
  let typedCount = 0;
  const type = (writer: Writer) => {
    writer.keystrokes.clocks.push(Y.getState(writer.doc.store, writer.doc.clientID));
    writer.keystrokes.times.push(measuring ? performance.now() : 0);
    writer.text.insert(writer.cursor++, letters[Math.floor(Math.random() * letters.length)]);
    typedCount++;
  };

  const cpuBefore = await server.metric('process_cpu_seconds_total');
  const rssBefore = await server.metric('process_resident_memory_bytes');
  const timers: NodeJS.Timeout[] = [];
  writers.forEach((writer, i) => {
    // Spread the writers' keystrokes over the interval, as people do not type in step.
    const phase = (i * 1000) / KEYS_PER_SECOND / WRITERS;
    timers.push(setTimeout(() => timers.push(setInterval(() => type(writer), 1000 / KEYS_PER_SECOND)), phase));
  });
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
  measuring = true;
  const benchCpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  measuring = false;
  const elapsed = (performance.now() - startedAt) / 1000;
  for (const timer of timers) clearInterval(timer);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const cpu = (await server.metric('process_cpu_seconds_total')) - cpuBefore;
  const rssAfter = await server.metric('process_resident_memory_bytes');
  const expectedLength = writers.reduce((sum, writer) => sum + `\n${writer.name}: `.length, 0) + typedCount;
  await waitFor(() => observer.text.length === expectedLength, 'the observer to hold every keystroke', 30_000);
  const documentBytes = Buffer.byteLength(observer.text.toString());

  const p95 = percentile(latencies, 0.95);
  console.log(`typing: ${WRITERS} writers x ${KEYS_PER_SECOND} characters/s into one room for ${seconds} s (after ${WARM_UP_MS / 1000} s warm-up)`);
  line('edits measured (keystroke x peer)', latencies.length.toLocaleString('en'));
  line('edit-to-peer latency p50', ms(percentile(latencies, 0.5)));
  line('edit-to-peer latency p95', ms(p95), `p95 <= 50 ms (${verdict(p95, 50)})`);
  line('edit-to-peer latency max', ms(percentile(latencies, 1)));
  line('server CPU', `${((cpu / elapsed) * 100).toFixed(1)} % of one core`);
  line('server RSS growth over the run', mb(rssAfter - rssBefore));
  line('document at the end', `${(documentBytes / 1024).toFixed(1)} KB`);
  line('benchmark process CPU', `${(((benchCpu.user + benchCpu.system) / 1e6 / elapsed) * 100).toFixed(1)} % of one core`);
  for (const writer of writers) writer.doc.destroy();
  await stopAll();
}

/** The updates of a 5,630-word submission typed word by word by five authors, each in its own part, with corrections. */
function typedHistory(): { updates: Uint8Array[]; text: string; words: number } {
  const { text, words: wordCount } = generateSubmission();
  const words = text.match(/\S+\s*/g) ?? [];
  const authors = Array.from({ length: 5 }, () => new Y.Doc());
  const updates: Uint8Array[] = [];
  const relayed = Symbol('relayed');
  authors.forEach((author, i) =>
    author.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === relayed) return;
      updates.push(update);
      authors.forEach((other, j) => j !== i && Y.applyUpdate(other, update, relayed));
    }),
  );
  const partLength = Math.ceil(words.length / authors.length);
  const typedPerPart = authors.map(() => 0);
  words.forEach((word, index) => {
    const part = Math.floor(index / partLength);
    const text = authors[part].getText('text');
    const position = typedPerPart.slice(0, part + 1).reduce((sum, length) => sum + length, 0);
    // Every 20th word is first typed with a typo, then corrected.
    if (index % 20 === 19) {
      text.insert(position, `${word}x`);
      text.delete(position + word.length, 1);
    } else {
      text.insert(position, word);
    }
    typedPerPart[part] += word.length;
  });
  const typed = authors[0].getText('text').toString();
  for (const author of authors) author.destroy();
  return { updates, text: typed, words: wordCount };
}

/** Stores the history in `rooms` rooms through a server: the early history as compaction leaves it (one row), then single edits. */
async function storeRooms(server: CollabServer, rooms: string[], updates: Uint8Array[]): Promise<void> {
  const recent = updates.slice(-(STORED_ROWS - 1));
  const compacted = new Y.Doc();
  for (const update of updates.slice(0, updates.length - recent.length)) Y.applyUpdate(compacted, update);
  const early = Y.encodeStateAsUpdate(compacted);
  compacted.destroy();
  for (const room of rooms) {
    const author = connectPeer(server, room, server.token(room, 'author'));
    await waitForSynced(author);
    const rowsBefore = await server.metric('upr_collab_updates_total');
    for (const update of [early, ...recent]) Y.applyUpdate(author.doc, update);
    await waitFor(() => author.provider.ws?.bufferedAmount === 0, 'the history to be sent');
    const deadline = Date.now() + 30_000;
    while ((await server.metric('upr_collab_updates_total')) < rowsBefore + STORED_ROWS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    author.destroy();
  }
}

async function coldLoad(): Promise<void> {
  const { updates, text, words } = typedHistory();
  const rooms = Array.from({ length: STORED_ROOMS }, (_, i) => `stored-${i}`);
  const seeding = await startServer({ args: ['--compact-after', String(10 * STORED_ROWS), '--max-updates-per-second', '1000000'] });
  await storeRooms(seeding, rooms, updates);
  await seeding.stop();

  const server = await startServer({ dataDir: seeding.dataDir, secret: seeding.secret, args: ['--compact-after', String(10 * STORED_ROWS)] });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssBefore = await server.metric('process_resident_memory_bytes');
  const heapBefore = await server.metric('process_heap_used_bytes');
  const serverLoads: number[] = [];
  const joins: number[] = [];
  const readers: Peer[] = [];
  for (const room of rooms) {
    const start = performance.now();
    const reader = connectPeer(server, room, server.token(room, 'reader'));
    await waitForSynced(reader, 30_000);
    joins.push(performance.now() - start);
    serverLoads.push((await server.metric('upr_collab_last_room_load_seconds')) * 1000);
    if (reader.text.toString() !== text) throw new Error(`room ${room} did not load the stored text`);
    readers.push(reader);
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssGrowth = (await server.metric('process_resident_memory_bytes')) - rssBefore;
  const heapGrowth = (await server.metric('process_heap_used_bytes')) - heapBefore;

  const later = serverLoads.slice(1);
  console.log(`\ncold load: ${STORED_ROOMS} stored rooms of ${words.toLocaleString('en')} words (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, ${updates.length.toLocaleString('en')} edits, ${STORED_ROWS} rows each), fresh server process`);
  line('first room, server-side load', ms(serverLoads[0]), `<= 50 ms (${verdict(serverLoads[0], 50)})`);
  line('first room, client join to synced', ms(joins[0]));
  line('next rooms, server-side load p50', ms(percentile(later, 0.5)));
  line('next rooms, server-side load max', ms(percentile(later, 1)));
  line('next rooms, join to synced p50', ms(percentile(joins.slice(1), 0.5)));
  console.log(`\nmemory: ${STORED_ROOMS} loaded 44 KB rooms, one client each`);
  line('server RSS growth per room', mb(rssGrowth / STORED_ROOMS), `< 2 MB per 40 KB document (${verdict(rssGrowth / STORED_ROOMS, 2 * 1024 * 1024)})`);
  line('server V8 heap growth per room', mb(heapGrowth / STORED_ROOMS));
  await stopAll();
}

export async function benchCollab(): Promise<void> {
  const seconds = Number(process.env.UPR_BENCH_COLLAB_SECONDS ?? 60);
  try {
    await typing(seconds > 0 ? seconds : 60);
    await coldLoad();
  } finally {
    await stopAll();
  }
}

if (process.argv[1]?.endsWith(`bench${path.sep}collab.ts`)) {
  benchCollab().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
