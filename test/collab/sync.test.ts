// The collaboration server as y-websocket clients see it: convergence, durability across restarts
// and kill -9, rooms loaded before the first answer, rooms unloaded when empty.

import assert from 'node:assert/strict';
import * as Y from 'yjs';
import {
  CollabServer,
  connectPeer,
  openRawSocket,
  Peer,
  startServer,
  stopAll,
  waitFor,
  waitForAsync,
  waitForConvergence,
  waitForSynced,
} from './helpers';
import { emptySyncStep1, MESSAGE_SYNC, readMessage, SYNC_STEP_2, textOfUpdate } from './protocol';

async function joinAll(server: CollabServer, room: string, count: number): Promise<Peer[]> {
  const peers = Array.from({ length: count }, (_, i) => connectPeer(server, room, server.token(room, `writer-${i}`), { user: { name: `writer-${i}` } }));
  await Promise.all(peers.map((peer) => waitForSynced(peer)));
  return peers;
}

/** Writes `text` into a room through one client and waits until a second client has it. */
async function seedRoom(server: CollabServer, room: string, text: string): Promise<void> {
  const [writer, witness] = await joinAll(server, room, 2);
  writer.text.insert(0, text);
  await waitForConvergence([writer, witness], text);
  writer.destroy();
  witness.destroy();
}

describe('collab server: sync and durability', () => {
  afterEach(stopAll);

  it('makes 10 clients editing at once converge on one text, which a latecomer also gets', async () => {
    const server = await startServer();
    const peers = await joinAll(server, 'convergence', 10);
    // Each writer inserts marked phrases between others' phrases and deletes a filler of its own, so the
    // converged text is known: every phrase, no filler.
    for (let round = 0; round < 5; round++) {
      peers.forEach((peer, i) => {
        const boundaries = [...peer.text.toString().matchAll(/\[/g)].map((match) => match.index).concat(peer.text.length);
        const position = boundaries[Math.floor(Math.random() * boundaries.length)];
        peer.text.insert(position, `[${i}.${round} Кыргызстан 👩🏽‍⚖️ #${i}#]`);
        const filler = peer.text.toString().indexOf(`#${i}#`);
        if (filler >= 0) peer.text.delete(filler, 3);
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const text = await waitForConvergence(peers);
    for (let i = 0; i < 10; i++) for (let round = 0; round < 5; round++) assert.ok(text.includes(`[${i}.${round} Кыргызстан 👩🏽‍⚖️ ]`), `phrase ${i}.${round}`);
    assert.doesNotMatch(text, /#\d#/);
    const [latecomer] = await joinAll(server, 'convergence', 1);
    assert.equal(latecomer.text.toString(), text);
  });

  it('keeps the text across a graceful restart on the same data folder', async () => {
    const first = await startServer();
    await seedRoom(first, 'restart', 'Recommendation 1: ratify the Optional Protocol.\r\nРекомендация 2.');
    assert.deepEqual(await first.stop(), { code: 0, signal: null }, 'SIGTERM ends the process with exit code 0');
    assert.match(first.stdout, /SIGTERM/);
    const second = await startServer({ dataDir: first.dataDir, secret: first.secret });
    const [reader] = await joinAll(second, 'restart', 1);
    assert.equal(reader.text.toString(), 'Recommendation 1: ratify the Optional Protocol.\r\nРекомендация 2.');
  });

  for (const durability of ['full', 'normal']) {
    it(`loses no relayed update when killed with SIGKILL during a stream of edits (durability ${durability})`, async () => {
      const first = await startServer({ args: ['--durability', durability] });
      const [writer, observer] = await joinAll(first, 'kill', 2);
      let typed = 0;
      const typing = setInterval(() => writer.text.insert(writer.text.length, String.fromCharCode(97 + (typed++ % 26))), 1);
      try {
        await waitFor(() => observer.text.length >= 300, 'the observer to receive 300 relayed edits');
        await first.kill();
      } finally {
        clearInterval(typing);
      }
      // What the observer holds now is exactly what the server relayed before it died.
      const relayed = observer.text.toString();
      const relayedState = Y.encodeStateVector(observer.doc);
      writer.destroy();
      observer.destroy();
      const second = await startServer({ dataDir: first.dataDir, secret: first.secret });
      const [fresh] = await joinAll(second, 'kill', 1);
      const recovered = fresh.text.toString();
      assert.ok(recovered.startsWith(relayed), `every relayed character is back (${relayed.length} relayed, ${recovered.length} recovered)`);
      const recoveredState = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
      for (const [client, clock] of Y.decodeStateVector(relayedState)) assert.ok((recoveredState.get(client) ?? 0) >= clock);
    });
  }

  it('answers the first sync of a stored room only once it is loaded: no empty sync step 2, even for clients arriving together', async () => {
    const text = 'Joint submission on disability rights. '.repeat(200);
    const first = await startServer();
    await seedRoom(first, 'stored', text);
    await first.stop();
    const second = await startServer({ dataDir: first.dataDir, secret: first.secret });
    const sockets = Array.from({ length: 5 }, () => openRawSocket(second, 'stored', second.token('stored', 'reader')));
    await Promise.all(sockets.map(async ({ socket, opened }) => {
      await opened;
      socket.send(emptySyncStep1());
    }));
    for (const { messages } of sockets) {
      const firstStep2 = await waitFor(
        () => messages.map(readMessage).find((message) => message.type === MESSAGE_SYNC && message.syncType === SYNC_STEP_2),
        'the first sync step 2',
      );
      assert.equal(textOfUpdate(firstStep2.payload!), text);
    }
  });

  it('unloads a room once its last client has left, and loads it again for the next one', async () => {
    const server = await startServer({ args: ['--unload-after-ms', '0'] });
    await seedRoom(server, 'unload', 'kept on disk');
    await waitForAsync(async () => ((await (await server.fetch('/healthz')).json()) as { rooms: number }).rooms === 0, 'the room to be unloaded');
    const [reader] = await joinAll(server, 'unload', 1);
    assert.equal(reader.text.toString(), 'kept on disk');
    assert.equal(await server.metric('upr_collab_room_load_seconds_count'), 2);
  });
});
