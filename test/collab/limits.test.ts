// Limits and bad input: a connection that breaks a limit or the protocol is closed with a reason,
// the others in its room carry on, nothing unreadable is stored; plus health, metrics and compaction.

import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import path from 'node:path';
import * as Y from 'yjs';
import { CollabServer, connectPeer, openRawSocket, Peer, startServer, stopAll, waitFor, waitForAsync, waitForClose, waitForConvergence, waitForSynced } from './helpers';
import { emptySyncStep1, MESSAGE_QUERY_AWARENESS, SYNC_UPDATE, syncMessage } from './protocol';

/** Two synced writers in a room, to show that they are unaffected by what happens to a third. */
async function bystanders(server: CollabServer, room: string): Promise<[Peer, Peer]> {
  const pair: [Peer, Peer] = [connectPeer(server, room, server.token(room, 'a')), connectPeer(server, room, server.token(room, 'b'))];
  await Promise.all(pair.map((peer) => waitForSynced(peer)));
  return pair;
}

async function stillWorking([a, b]: [Peer, Peer], marker: string): Promise<void> {
  a.text.insert(a.text.length, marker);
  await waitFor(() => b.text.toString().endsWith(marker), `the bystanders to keep editing (${marker})`);
  assert.deepEqual(a.closes, []);
  assert.deepEqual(b.closes, []);
}

function updateInserting(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('collab server: limits and bad input', () => {
  afterEach(stopAll);

  it('closes only the connection that sends an oversized message', async () => {
    const server = await startServer({ args: ['--max-message-bytes', '4096'] });
    const pair = await bystanders(server, 'big');
    const raw = openRawSocket(server, 'big', server.token('big', 'bulky'));
    await raw.opened;
    const oversized = syncMessage(SYNC_UPDATE, updateInserting('x'.repeat(10_000)));
    raw.socket.send(oversized);
    assert.deepEqual(await raw.closed, { code: 1009, reason: `message too large: ${oversized.byteLength} bytes, limit 4096` });
    await stillWorking(pair, ' after the big one');
    assert.ok(!pair[0].text.toString().includes('xxxx'));
    assert.equal(await server.metric('upr_collab_closed_connections_total{reason="message_too_large"}'), 1);
  });

  it('closes only the connection that sends a malformed message, stores nothing of it, and keeps running', async () => {
    const server = await startServer();
    const pair = await bystanders(server, 'garbage');
    const garbage: [string, Uint8Array | string, RegExp][] = [
      ['a broken varint', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), /^malformed message: /],
      ['an unknown message type', new Uint8Array([7, 1, 2]), /^malformed message: unknown message type 7$/],
      ['an unknown sync type', new Uint8Array([0, 9, 0]), /^malformed message: unknown sync message type 9$/],
      ['a sync update that is not a Yjs update', syncMessage(SYNC_UPDATE, new Uint8Array([1, 200, 3, 250, 7, 7, 7, 7])), /^malformed message: /],
      ['an awareness update that is not JSON', new Uint8Array([1, 6, 1, 5, 1, 2, 0x7b, 0x78]), /^malformed message: /],
      ['an empty message', new Uint8Array([]), /^malformed message: /],
      ['a text frame', 'hello', /text frames/],
    ];
    for (const [what, data, reason] of garbage) {
      const raw = openRawSocket(server, 'garbage', server.token('garbage', 'fuzzer'));
      await raw.opened;
      raw.socket.send(data);
      const closed = await raw.closed;
      assert.equal(closed.code, 4400, what);
      assert.match(closed.reason, reason, what);
    }
    await stillWorking(pair, ' after the garbage');
    assert.equal((await server.fetch('/healthz')).status, 200);
    const text = pair[0].text.toString();
    await server.stop();
    const restarted = await startServer({ dataDir: server.dataDir, secret: server.secret });
    const reader = connectPeer(restarted, 'garbage', restarted.token('garbage', 'reader'));
    await waitForSynced(reader);
    assert.equal(reader.text.toString(), text, 'the stored room loads with exactly the good edits');
    assert.doesNotMatch(restarted.stdout + restarted.stderr, /unreadable/);
  });

  it('closes a connection that sends more messages per second than allowed', async () => {
    const server = await startServer({ args: ['--max-updates-per-second', '5'] });
    const pair = await bystanders(server, 'flood');
    const raw = openRawSocket(server, 'flood', server.token('flood', 'flooder'));
    await raw.opened;
    for (let i = 0; i < 30; i++) raw.socket.send(new Uint8Array([MESSAGE_QUERY_AWARENESS]));
    assert.deepEqual(await raw.closed, { code: 1008, reason: 'too many messages: limit 5 per second' });
    await stillWorking(pair, ' after the flood');
    assert.equal(await server.metric('upr_collab_closed_connections_total{reason="rate_limit"}'), 1);
  });

  it('refuses a new room beyond the room limit, and makes room by unloading an empty one', async () => {
    const server = await startServer({ args: ['--max-rooms', '2', '--unload-after-ms', '600000'] });
    const one = connectPeer(server, 'one', server.token('one'));
    const two = connectPeer(server, 'two', server.token('two'));
    await Promise.all([waitForSynced(one), waitForSynced(two)]);
    const three = openRawSocket(server, 'three', server.token('three'));
    assert.deepEqual(await three.closed, { code: 1013, reason: 'too many rooms: this server holds at most 2' });
    assert.equal(await server.metric('upr_collab_refused_connections_total{reason="too_many_rooms"}'), 1);
    // A full server is usually full for a while only: a standard y-websocket client keeps trying.
    const waiting = connectPeer(server, 'three', server.token('three'));
    assert.equal((await waitForClose(waiting)).code, 1013);
    assert.equal(waiting.provider.shouldConnect, true, 'the refused client still means to connect');
    one.destroy();
    await waitForSynced(waiting);
    assert.equal(await server.metric('upr_collab_rooms'), 2);
  });

  it('answers /healthz and /metrics, and 404 elsewhere', async () => {
    const server = await startServer();
    const [a, b] = await bystanders(server, 'health');
    a.text.insert(0, 'counted');
    await waitForConvergence([a, b], 'counted');
    const health = await server.fetch('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', rooms: 1, connections: 2 });
    const metrics = await server.fetch('/metrics');
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await metrics.text();
    for (const name of ['upr_collab_rooms 1', 'upr_collab_connections 2', 'upr_collab_updates_total', 'upr_collab_bytes_received_total', 'upr_collab_bytes_sent_total', 'upr_collab_persistence_lag_seconds', 'upr_collab_pending_writes', 'upr_collab_dropped_updates_total', 'upr_collab_refused_connections_total', 'upr_collab_closed_connections_total', 'upr_collab_room_load_seconds_count 1']) {
      assert.ok(text.includes(`\n${name}`), `metrics show ${name}`);
    }
    assert.ok((await server.metric('upr_collab_updates_total')) >= 1);
    assert.ok((await server.metric('upr_collab_bytes_sent_total')) > 0);
    const missing = await server.fetch('/nope');
    assert.equal(missing.status, 404);
  });

  it('answers a known path asked with the wrong method with 405 and Allow, and takes a trailing slash', async () => {
    const server = await startServer();
    const wrongMethods: [string, string, string][] = [
      ['/healthz', 'POST', 'GET, HEAD'],
      ['/metrics', 'DELETE', 'GET, HEAD'],
      ['/invitations', 'GET', 'POST'],
      ['/healthz/', 'PUT', 'GET, HEAD'],
    ];
    for (const [pathname, method, allow] of wrongMethods) {
      const response = await server.fetch(pathname, { method });
      assert.equal(response.status, 405, `${method} ${pathname}`);
      assert.equal(response.headers.get('allow'), allow, `${method} ${pathname}`);
      assert.match(((await response.json()) as { error: string }).error, /^use /);
    }
    const health = await server.fetch('/healthz/');
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
    assert.equal((await server.fetch('/metrics/')).status, 200);
    const invited = await server.fetch('/invitations/', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token('slash', 'aida')}` },
      body: JSON.stringify({ user: 'Rustam', role: 'reviewer', ttl: '1d' }),
    });
    assert.equal(invited.status, 201);
    assert.equal((await server.fetch('/healthz//')).status, 404, 'one trailing slash only');
    assert.equal((await server.fetch('/', { method: 'POST' })).status, 404);
  });

  it('compacts a room’s stored updates in the background and keeps the text', async () => {
    const server = await startServer({ args: ['--compact-after', '10'] });
    const [a, b] = await bystanders(server, 'compact');
    for (let i = 0; i < 60; i++) {
      a.text.insert(a.text.length, `${i} `);
      if (i % 7 === 6) a.text.delete(0, 2);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const text = await waitForConvergence([a, b]);
    await waitForAsync(async () => (await server.metric('upr_collab_compactions_total')) >= 1, 'a compaction');
    const db = new Database(path.join(server.dataDir, 'collab.sqlite'), { readonly: true });
    const rows = (db.prepare('SELECT COUNT(*) AS rows FROM updates WHERE room = ?').get('compact') as { rows: number }).rows;
    db.close();
    assert.ok(rows <= 10, `${rows} rows left after compaction`);
    await server.stop();
    const restarted = await startServer({ dataDir: server.dataDir, secret: server.secret });
    const reader = connectPeer(restarted, 'compact', restarted.token('compact', 'reader'));
    await waitForSynced(reader);
    assert.equal(reader.text.toString(), text);
  });

  it('keeps a connection’s messages sent before its room loaded, in order', async () => {
    const server = await startServer();
    const raw = openRawSocket(server, 'early', server.token('early', 'eager'));
    await raw.opened;
    raw.socket.send(syncMessage(SYNC_UPDATE, updateInserting('sent at once')));
    raw.socket.send(emptySyncStep1());
    const reader = connectPeer(server, 'early', server.token('early', 'reader'));
    await waitForConvergence([reader], 'sent at once');
  });
});
