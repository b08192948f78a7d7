// Who may read and write a room: tokens (refusals with their close codes and reasons), reviewers,
// invitations, the token command, and the secret's resolution.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { verifyToken } from '../../collab/src/auth';
import {
  connectPeer,
  mintToken,
  openRawSocket,
  randomSecret,
  runCollabCommand,
  startServer,
  stopAll,
  tempDir,
  waitFor,
  waitForAsync,
  waitForConvergence,
  waitForSynced,
} from './helpers';
import { emptySyncStep1 } from './protocol';

describe('collab server: access', () => {
  afterEach(stopAll);

  it('refuses missing, malformed, expired, forged and wrong-room tokens with a close code and reason, before any sync message', async () => {
    const server = await startServer();
    const cases = [
      { token: undefined, code: 4401, reason: 'missing token' },
      { token: 'not-a-token', code: 4401, reason: 'malformed token' },
      { token: server.token('room-a', 'late', 'writer', -60), code: 4401, reason: 'token expired' },
      { token: mintToken(randomSecret(), 'room-a', 'mallory'), code: 4401, reason: 'invalid token signature' },
      { token: server.token('room-b', 'bob'), code: 4403, reason: 'token is for another room' },
    ];
    for (const expected of cases) {
      const raw = openRawSocket(server, 'room-a', expected.token);
      raw.opened.then(() => raw.socket.send(emptySyncStep1()), () => {});
      assert.deepEqual(await raw.closed, { code: expected.code, reason: expected.reason });
      assert.deepEqual(raw.messages, [], `no message for ${expected.reason}`);
    }
    assert.equal(await server.metric('upr_collab_refused_connections_total{reason="token"}'), 4);
    assert.equal(await server.metric('upr_collab_refused_connections_total{reason="wrong_room"}'), 1);
  });

  it('lets a y-websocket client see the refusal and stop reconnecting', async () => {
    const server = await startServer();
    const peer = connectPeer(server, 'room-a', server.token('room-a', 'late', 'writer', -1));
    const closed = await waitFor(() => peer.closes[0], 'the refusal');
    assert.deepEqual(closed, { code: 4401, reason: 'token expired' });
    assert.equal(peer.provider.shouldConnect, false);
    assert.equal(peer.provider.synced, false);
  });

  it('refuses a room name with control characters', async () => {
    const server = await startServer();
    const raw = openRawSocket(server, 'bad\u0001room', server.token('badroom', 'x'));
    assert.deepEqual(await raw.closed, { code: 4400, reason: 'room name contains control characters' });
  });

  it('lets a reviewer read and show presence, but drops its edits', async () => {
    const server = await startServer();
    const writer = connectPeer(server, 'review', server.token('review', 'aida'), { user: { name: 'Aida' } });
    const reviewer = connectPeer(server, 'review', server.token('review', 'rustam', 'reviewer'), { user: { name: 'Rustam' } });
    await Promise.all([waitForSynced(writer), waitForSynced(reviewer)]);
    writer.text.insert(0, 'Draft paragraph.');
    await waitForConvergence([writer, reviewer], 'Draft paragraph.');
    reviewer.text.insert(0, 'REVIEWER WAS HERE ');
    await waitFor(() => writer.provider.awareness.getStates().get(reviewer.doc.clientID)?.user?.name === 'Rustam', "the reviewer's presence at the writer");
    const dropped = await waitForAsync(
      async () => (await server.metric('upr_collab_dropped_updates_total{reason="reviewer"}')) || undefined,
      'the reviewer update to be counted as dropped',
    );
    assert.ok(dropped >= 1, 'the reviewer update was counted as dropped');
    writer.text.insert(writer.text.length, ' More.');
    await waitFor(() => reviewer.text.toString().endsWith(' More.'), 'the reviewer to receive later edits');
    assert.equal(writer.text.toString(), 'Draft paragraph. More.');
    const latecomer = connectPeer(server, 'review', server.token('review', 'zara'));
    await waitForSynced(latecomer);
    assert.equal(latecomer.text.toString(), 'Draft paragraph. More.', 'the reviewer edit was not stored either');
  });

  it('mints invitations for the bearer’s room, for writers only, with capped lifetime and clear errors', async () => {
    const server = await startServer();
    const writerToken = server.token('shared', 'aida');
    const post = (body: unknown, token?: string) =>
      server.fetch('/invitations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const created = await post({ user: 'Rustam', role: 'reviewer', ttl: '30d' }, writerToken);
    assert.equal(created.status, 201);
    const answer = (await created.json()) as { token: string; room: string; exp: number };
    const verified = verifyToken(server.secret!, answer.token);
    assert.ok(verified.ok);
    assert.deepEqual({ ...verified.claims, exp: 0 }, { room: 'shared', user: 'Rustam', role: 'reviewer', exp: 0 });
    const capped = (await (await post({ user: 'Zara', role: 'writer', ttl: '365d' }, writerToken)).json()) as { exp: number };
    assert.ok(capped.exp <= Date.now() / 1000 + 90 * 86400 + 5, 'lifetime capped at 90 days');
    const invited = connectPeer(server, 'shared', answer.token);
    await waitForSynced(invited);

    const failures: [Response, number, RegExp][] = [
      [await post({ user: 'x', role: 'writer', ttl: '1d' }), 401, /missing token/],
      [await post({ user: 'x', role: 'writer', ttl: '1d' }, answer.token), 403, /only writers/],
      [await post({ room: 'other', user: 'x', role: 'writer', ttl: '1d' }, writerToken), 403, /room of your own token/],
      [await post('{not json', writerToken), 400, /not JSON/],
      [await post({ user: '', role: 'writer', ttl: '1d' }, writerToken), 400, /user/],
      [await post({ user: 'x', role: 'admin', ttl: '1d' }, writerToken), 400, /role/],
      [await post({ user: 'x', role: 'writer', ttl: 'forever' }, writerToken), 400, /ttl/],
      [await server.fetch('/invitations'), 405, /POST/],
    ];
    for (const [response, status, message] of failures) {
      assert.equal(response.status, status);
      assert.match(((await response.json()) as { error: string }).error, message);
    }
  });

  it('never makes an invitation that outlives the token that made it', async () => {
    const server = await startServer();
    const shortLived = server.token('shared', 'aida', 'writer', 60);
    const ownExpiry = verifyToken(server.secret!, shortLived);
    assert.ok(ownExpiry.ok);
    const response = await server.fetch('/invitations', {
      method: 'POST',
      headers: { authorization: `Bearer ${shortLived}` },
      body: JSON.stringify({ user: 'aida-again', role: 'writer', ttl: '90d' }),
    });
    assert.equal(response.status, 201);
    const answer = (await response.json()) as { token: string; exp: number };
    const minted = verifyToken(server.secret!, answer.token);
    assert.ok(minted.ok);
    assert.equal(minted.claims.exp, ownExpiry.claims.exp, 'capped at the inviter’s own expiry');
    assert.equal(answer.exp, ownExpiry.claims.exp);
  });

  it('gives an invitation without a ttl the token command’s 30 days', async () => {
    const server = await startServer();
    const response = await server.fetch('/invitations', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token('shared', 'aida', 'writer', 60 * 86400)}` },
      body: JSON.stringify({ user: 'Rustam', role: 'reviewer' }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    const { exp } = (await response.json()) as { exp: number };
    assert.ok(Math.abs(exp - (Date.now() / 1000 + 30 * 86400)) < 60, `exp ${exp} is 30 days away`);
  });

  it('prints a token with the token command, which the server accepts', async () => {
    const dataDir = tempDir();
    const secretFile = path.join(dataDir, 'my-secret');
    const secret = randomSecret();
    writeFileSync(secretFile, `${secret}\n`);
    const printed = await runCollabCommand(['token', '--room', 'Кыргызстан 2026', '--user', 'Aida', '--role', 'reviewer', '--ttl', '30d', '--secret-file', secretFile]);
    assert.equal(printed.code, 0, printed.stderr);
    const verified = verifyToken(secret, printed.stdout.trim());
    assert.ok(verified.ok);
    assert.equal(verified.claims.room, 'Кыргызстан 2026');
    assert.equal(verified.claims.role, 'reviewer');
    assert.ok(Math.abs(verified.claims.exp - (Date.now() / 1000 + 30 * 86400)) < 60);
    const server = await startServer({ secret: null, args: ['--secret-file', secretFile] });
    const peer = connectPeer(server, 'Кыргызстан 2026', printed.stdout.trim());
    await waitForSynced(peer);
  });

  it('generates a secret into DATA/secret (mode 0600) when none is given, and the token command uses it', async () => {
    const dataDir = tempDir();
    const printed = await runCollabCommand(['token', '--room', 'local', '--user', 'me', '--data', dataDir]);
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stderr, /generated a new secret/);
    assert.equal(statSync(path.join(dataDir, 'secret')).mode & 0o777, 0o600);
    const server = await startServer({ dataDir, secret: null });
    assert.doesNotMatch(server.stdout, /generated/, 'the existing secret is reused');
    const peer = connectPeer(server, 'local', printed.stdout.trim());
    await waitForSynced(peer);

    const fresh = await startServer({ secret: null });
    assert.match(fresh.stdout, /generated one in .*secret/);
  });

  it('exits with code 2 and a clear message on bad flags, a bad token request or an unreadable secret file', async () => {
    const cases: [string[], RegExp][] = [
      [['--port', 'eighty'], /--port .* must be a whole number/],
      [['--bogus'], /Unknown option '--bogus'/],
      [['--durability', 'maybe'], /--durability must be normal or full/],
      [['--secret-file', '/nonexistent/secret'], /cannot read the secret file/],
      [['token', '--room', 'r'], /token needs --user/],
      [['token', '--room', 'r', '--user', 'u', '--role', 'admin', '--secret-file', '/nonexistent/secret'], /--role must be writer or reviewer/],
      [['token', '--room', 'r', '--user', 'u', '--ttl', 'soon'], /--ttl must look like/],
      [['serve'], /unknown command "serve"/],
    ];
    for (const [args, message] of cases) {
      const result = await runCollabCommand(args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    const shortSecret = await runCollabCommand(['--port', '0'], { UPR_COLLAB_SECRET: 'short', UPR_COLLAB_DATA: tempDir() });
    assert.equal(shortSecret.code, 2);
    assert.match(shortSecret.stderr, /too short/);
    const help = await runCollabCommand(['--help']);
    assert.equal(help.code, 0);
    for (const name of ['--host', '--port', '--data', '--secret-file', 'UPR_COLLAB_SECRET', 'UPR_COLLAB_REDIS_URL', 'UPR_COLLAB_MAX_MESSAGE_BYTES', 'UPR_COLLAB_MAX_UPDATES_PER_SECOND', 'UPR_COLLAB_MAX_ROOMS', 'token']) {
      assert.ok(help.stdout.includes(name), `--help mentions ${name}`);
    }
  });

  it('exits with code 2 and a one-line message when DATA/secret cannot be read', async () => {
    const dataDir = tempDir();
    // A folder where the secret file should be: unreadable as a file even for root (chmod is not).
    mkdirSync(path.join(dataDir, 'secret'));
    for (const args of [['--port', '0', '--data', dataDir], ['token', '--room', 'r', '--user', 'u', '--data', dataDir]]) {
      const result = await runCollabCommand(args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^collab-server: cannot read the secret file .*secret: EISDIR\n/);
    }
  });

  it('leaves no secret or database behind when its port is taken', async () => {
    const running = await startServer();
    const dataDir = path.join(tempDir(), 'data');
    const result = await runCollabCommand(['--host', '127.0.0.1', '--port', String(running.port), '--data', dataDir]);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(existsSync(dataDir), false, 'no data folder, secret or database was made');
    assert.doesNotMatch(result.stdout, /generated/);
    assert.equal(result.stderr, `collab-server: cannot start: port ${running.port} on 127.0.0.1 is already in use\n`);
  });

  it('reports a token command failure as such, not as a server that cannot start', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const result = await runCollabCommand(['token', '--room', 'r', '--user', 'u', '--data', path.join(blocker, 'data')]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^collab-server: cannot print a token: cannot write a new secret to .*secret: ENOTDIR\n$/);
  });

  it('reads its settings from the environment', async () => {
    const server = await startServer({ env: { UPR_COLLAB_MAX_ROOMS: '1' } });
    const first = connectPeer(server, 'one', server.token('one'));
    await waitForSynced(first);
    const second = connectPeer(server, 'two', server.token('two'));
    assert.deepEqual(await waitFor(() => second.closes[0], 'the room limit from UPR_COLLAB_MAX_ROOMS'), { code: 1013, reason: 'too many rooms: this server holds at most 1' });
  });
});
