// Room tokens in process: signing, verification, tampering, expiry, lifetimes and room names.

import assert from 'node:assert/strict';
import { parseTtl, roomNameProblem, signToken, verifyToken } from '../../collab/src/auth';

const SECRET = 'a-test-secret-of-enough-length';
const claims = { room: 'kg-2026/disability', user: 'Айдана', role: 'writer' as const, exp: 2_000_000_000 };

describe('collab auth: room tokens', () => {
  it('verifies what it signed, with the same claims', () => {
    assert.deepEqual(verifyToken(SECRET, signToken(SECRET, claims), 1_900_000_000), { ok: true, claims });
  });

  it('refuses a missing, malformed, tampered, foreign or expired token with its reason', () => {
    const token = signToken(SECRET, claims);
    const [payload, signature] = token.split('.');
    const otherPayload = Buffer.from(JSON.stringify({ ...claims, role: 'writer', room: 'other' })).toString('base64url');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const cases: [string | undefined, string][] = [
      [undefined, 'missing token'],
      ['', 'missing token'],
      ['abc', 'malformed token'],
      [`${payload}.`, 'malformed token'],
      [`${payload}.${signature}.extra`, 'malformed token'],
      [`${otherPayload}.${signature}`, 'invalid token signature'],
      [`${payload}.${flipped}`, 'invalid token signature'],
      [`${payload}.${signature.slice(0, 10)}`, 'invalid token signature'],
      [signToken('another-secret-of-enough-length', claims), 'invalid token signature'],
      [signToken(SECRET, { ...claims, exp: 1_000 }), 'token expired'],
    ];
    for (const [candidate, reason] of cases) assert.deepEqual(verifyToken(SECRET, candidate, 1_900_000_000), { ok: false, reason }, String(candidate));
  });

  it('refuses a correctly signed token whose claims are unusable', () => {
    for (const [value, problem] of [
      [{ ...claims, role: 'admin' }, /role/],
      [{ ...claims, user: '' }, /user/],
      [{ ...claims, room: '' }, /room name/],
      [{ ...claims, exp: 'tomorrow' }, /exp/],
      [{ user: 'x' }, /room/],
    ] as const) {
      const result = verifyToken(SECRET, signToken(SECRET, value as typeof claims), 0);
      assert.equal(result.ok, false);
      assert.match((result as { reason: string }).reason, problem);
    }
  });

  it('reads lifetimes in seconds, minutes, hours and days, and refuses others', () => {
    assert.equal(parseTtl('3600'), 3600);
    assert.equal(parseTtl('45m'), 2700);
    assert.equal(parseTtl('12h'), 43200);
    assert.equal(parseTtl('30d'), 2_592_000);
    assert.equal(parseTtl(90), 90);
    for (const bad of ['', '0', '-5', '1w', '1.5d', 'forever', 0, -1, 1.5]) assert.equal(parseTtl(bad), undefined, String(bad));
  });

  it('accepts room names of 1 to 200 characters without control characters', () => {
    assert.equal(roomNameProblem('Кыргызстан 2026 / joint'), undefined);
    assert.equal(roomNameProblem('r'.repeat(200)), undefined);
    assert.match(roomNameProblem('')!, /1 to 200/);
    assert.match(roomNameProblem('r'.repeat(201))!, /1 to 200/);
    assert.match(roomNameProblem('a\nb')!, /control/);
    assert.match(roomNameProblem('a\u007fb')!, /control/);
  });
});
