import assert from 'node:assert/strict';
import { asideCopyPath } from '../../client/src/collab/asideCopy';
import {
  formatInvitation,
  invitationsEndpoint,
  isValidRoom,
  normaliseServerUrl,
  parseInvitation,
  readTokenClaims,
  roomFromFileName,
} from '../../client/src/collab/invitation';
import { signToken } from '../../collab/src/auth';

describe('co-editing invitations', () => {
  const token = 'eyJyb29tIjoiYSJ9.c2lnbmF0dXJl-_';

  it('round-trips server, room and token through the invitation string', () => {
    const invitation = { serverUrl: 'wss://collab.example.org/upr', room: 'kgz-2026', token: 'a+b/c=' };
    const text = formatInvitation(invitation);
    assert.equal(text, 'wss://collab.example.org/upr/kgz-2026?token=a%2Bb%2Fc%3D');
    assert.deepEqual(parseInvitation(text), invitation);
  });

  it('reads an invitation pasted with spaces or quotes around it', () => {
    assert.deepEqual(parseInvitation(`  "ws://127.0.0.1:1234/room-1?token=${token}"\n`), {
      serverUrl: 'ws://127.0.0.1:1234',
      room: 'room-1',
      token,
    });
  });

  it('refuses what is not an invitation', () => {
    for (const text of [
      '',
      'hello',
      `http://127.0.0.1:1234/room?token=${token}`, // not a WebSocket URL
      'ws://127.0.0.1:1234/room', // no token
      `ws://127.0.0.1:1234/?token=${token}`, // no room
      `ws://127.0.0.1:1234/bad%20room?token=${token}`,
    ]) {
      assert.equal(parseInvitation(text), undefined, text);
    }
  });

  it('accepts only ws:// and wss:// server URLs, without query, trailing slash removed', () => {
    assert.equal(normaliseServerUrl(' ws://127.0.0.1:1234/ '), 'ws://127.0.0.1:1234');
    assert.equal(normaliseServerUrl('wss://example.org/collab/'), 'wss://example.org/collab');
    assert.equal(normaliseServerUrl('http://127.0.0.1:1234'), undefined);
    assert.equal(normaliseServerUrl('ws://127.0.0.1:1234/?token=x'), undefined);
    assert.equal(normaliseServerUrl('127.0.0.1:1234'), undefined);
  });

  it('names the room after the file, within the characters a room may have', () => {
    assert.equal(roomFromFileName('/w/kyrgyzstan-disability-joint-submission.upr.md'), 'kyrgyzstan-disability-joint-submission');
    assert.equal(roomFromFileName('C:\\w\\My Joint Submission (draft).upr.md'), 'My-Joint-Submission-draft');
    assert.equal(roomFromFileName('/w/Кыргызстан.upr.md'), 'submission');
    for (const name of ['a.upr.md', '--x--.upr.md', 'Déclaration commune.upr.md']) assert.ok(isValidRoom(roomFromFileName(name)), name);
  });

  it('asks for invitations over HTTP next to the WebSocket endpoint', () => {
    assert.equal(invitationsEndpoint('ws://127.0.0.1:1234'), 'http://127.0.0.1:1234/invitations');
    assert.equal(invitationsEndpoint('wss://example.org/collab'), 'https://example.org/collab/invitations');
  });

  it('keeps a local text aside next to its file, named after it and the time', () => {
    const at = new Date('2026-11-28T01:02:03.456Z');
    assert.equal(asideCopyPath('/w/sub.upr.md', at), '/w/sub.local-2026-11-28T01-02-03.upr.md');
    assert.equal(asideCopyPath('/w/notes.txt', at), '/w/notes.local-2026-11-28T01-02-03.txt');
    assert.equal(asideCopyPath('/w/README', at), '/w/README.local-2026-11-28T01-02-03');
  });

  it("reads a token's room, user and role for display, and nothing from what is not a token", () => {
    const claims = { room: 'kgz-2026', user: 'Болот', role: 'reviewer' as const, exp: 2_000_000_000 };
    assert.deepEqual(readTokenClaims(signToken('secret', claims)), claims);
    for (const text of ['', 'not a token', 'bm90IGpzb24.sig', `${Buffer.from('[1]').toString('base64url')}.sig`]) {
      assert.equal(readTokenClaims(text), undefined, text);
    }
  });
});
