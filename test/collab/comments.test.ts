// Review comments through a real server: each room has a comments document (`?doc=comments`, the
// same token) that reviewers may write, while their changes to the text are still dropped.

import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CommentThreads } from '../../client/src/collab/commentThreads';
import { connectPeer, mintToken, randomSecret, startServer, stopAll, waitFor, waitForAsync, waitForConvergence, waitForSynced, type CollabServer, type Peer } from './helpers';
import { emptySyncStep1 } from './protocol';

const providers = new Set<WebsocketProvider>();
const sockets = new Set<WebSocket>();

/** A y-websocket client of a room's comments document, with the threads read against `peer`'s text. */
function connectComments(server: CollabServer, room: string, token: string, peer: Peer) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, room, doc, {
    params: { token, doc: 'comments' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  providers.add(provider);
  return { doc, provider, threads: new CommentThreads(doc, peer.text) };
}

/** Opens a plain socket to the comments document and resolves how the server closed it. */
function refusal(server: CollabServer, room: string, query: string): Promise<{ code: number; reason: string; messages: number }> {
  const socket = new WebSocket(`${server.wsUrl}/${encodeURIComponent(room)}?${query}`);
  sockets.add(socket);
  let messages = 0;
  socket.on('message', () => messages++);
  socket.on('open', () => socket.send(emptySyncStep1()));
  socket.on('error', () => {});
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString(), messages })));
}

/** Destroying the document too stops its awareness timer, which would keep mocha from exiting. */
function destroyProviders(): void {
  for (const provider of providers) {
    provider.destroy();
    provider.doc.destroy();
  }
  providers.clear();
}

describe('collab server: review comments', () => {
  afterEach(async () => {
    destroyProviders();
    for (const socket of sockets) socket.terminate();
    sockets.clear();
    await stopAll();
  });

  it("takes a reviewer's comments and replies, relays them to writers and stores them, while still dropping the reviewer's text edits", async () => {
    let server = await startServer();
    const room = 'review-comments';
    const writerToken = server.token(room, 'aigerim');
    const reviewerToken = server.token(room, 'cholpon', 'reviewer');
    const writer = connectPeer(server, room, writerToken);
    const reviewer = connectPeer(server, room, reviewerToken);
    const writerComments = connectComments(server, room, writerToken, writer);
    const reviewerComments = connectComments(server, room, reviewerToken, reviewer);
    await Promise.all([waitForSynced(writer), waitForSynced(reviewer)]);
    await waitFor(() => writerComments.provider.synced && reviewerComments.provider.synced, 'the comments documents to sync');

    writer.text.insert(0, 'The State should ratify the Optional Protocol.');
    await waitForConvergence([writer, reviewer]);
    const start = writer.text.toString().indexOf('ratify');
    const id = reviewerComments.threads.add(start, start + 'ratify'.length, 'Cholpon', 'Add a deadline?');
    // The reviewer also tries to change the text: dropped, as before.
    reviewer.text.insert(0, 'REVIEWER EDIT ');

    const seen = await waitFor(() => writerComments.threads.get(id), "the reviewer's thread at the writer");
    assert.deepEqual(seen.comments.map((comment) => [comment.author, comment.body]), [['Cholpon', 'Add a deadline?']]);
    assert.equal(writer.text.toString().slice(seen.range!.start, seen.range!.end), 'ratify');
    await waitForAsync(async () => (await server.metric('upr_collab_dropped_updates_total{reason="reviewer"}')) >= 1, 'the reviewer text edit to be dropped');
    assert.equal(writer.text.toString(), 'The State should ratify the Optional Protocol.');

    // The writer edits before the range and replies; the reviewer sees both, then resolves.
    writer.text.insert(0, 'Recommendation: ');
    writerComments.threads.reply(id, 'Aigerim', 'Yes: by 2027.');
    await waitFor(() => reviewerComments.threads.get(id)?.comments.length === 2, "the writer's reply at the reviewer");
    // (The reviewer's own dropped edit stays in its local copy: only the writer's is looked for.)
    await waitFor(() => reviewer.text.toString().includes('Recommendation: '), "the writer's edit at the reviewer");
    const moved = reviewerComments.threads.get(id)!.range!;
    assert.equal(reviewer.text.toString().slice(moved.start, moved.end), 'ratify');
    reviewerComments.threads.setResolved(id, true);
    await waitFor(() => writerComments.threads.get(id)?.resolved, 'the resolve at the writer');

    // Stored like any room: after a restart, a latecomer reads text and comments, and the reviewer's text edit is not there.
    const dataDir = server.dataDir;
    const secret = server.secret!;
    destroyProviders();
    writer.destroy();
    reviewer.destroy();
    await server.stop();
    server = await startServer({ dataDir, secret });
    const latecomerToken = mintToken(secret, room, 'zara');
    const latecomer = connectPeer(server, room, latecomerToken);
    const latecomerComments = connectComments(server, room, latecomerToken, latecomer);
    await waitForSynced(latecomer);
    await waitFor(() => latecomerComments.provider.synced, 'the comments document to sync after the restart');
    assert.equal(latecomer.text.toString(), 'Recommendation: The State should ratify the Optional Protocol.');
    const stored = await waitFor(() => latecomerComments.threads.get(id), 'the stored thread');
    assert.deepEqual(
      { resolved: stored.resolved, comments: stored.comments.map((comment) => comment.body), text: latecomer.text.toString().slice(stored.range!.start, stored.range!.end) },
      { resolved: true, comments: ['Add a deadline?', 'Yes: by 2027.'], text: 'ratify' },
    );
    // The comments are not in the text document, and the text is not in the comments document.
    assert.equal(latecomer.doc.getMap('threads').size, 0);
    assert.equal(latecomerComments.doc.getText('text').length, 0);
  });

  it('refuses missing, forged, expired and wrong-room tokens on the comments document too, and an unknown document', async () => {
    const server = await startServer();
    const room = 'guarded';
    const query = (token: string) => `doc=comments&token=${encodeURIComponent(token)}`;
    assert.deepEqual(await refusal(server, room, 'doc=comments'), { code: 4401, reason: 'missing token', messages: 0 });
    assert.deepEqual(await refusal(server, room, query(mintToken(randomSecret(), room, 'mallory', 'reviewer'))), { code: 4401, reason: 'invalid token signature', messages: 0 });
    assert.deepEqual(await refusal(server, room, query(server.token(room, 'late', 'reviewer', -60))), { code: 4401, reason: 'token expired', messages: 0 });
    assert.deepEqual(await refusal(server, room, query(server.token('other-room', 'bob', 'reviewer'))), { code: 4403, reason: 'token is for another room', messages: 0 });
    assert.deepEqual(await refusal(server, room, `doc=notes&token=${encodeURIComponent(server.token(room, 'aigerim'))}`), { code: 4400, reason: 'doc must be text or comments', messages: 0 });
  });
});
