// Room tokens: base64url(JSON {room, user, role, exp}) + "." + base64url(HMAC-SHA256(secret, first part)).
// The server holds the only secret; a token names one room, one user and one role until `exp`
// (seconds since the epoch). Verification compares signatures in constant time.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const ROLES = ['writer', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenClaims {
  room: string;
  user: string;
  role: Role;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

export type Verification = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

/** Lifetime of a token when none is asked for (the token command and invitations). */
export const DEFAULT_TTL = '30d';

/** Longest lifetime an invitation may ask for: 90 days. */
export const MAX_INVITATION_TTL_SECONDS = 90 * 24 * 3600;

const MAX_USER_LENGTH = 100;
const MAX_ROOM_LENGTH = 200;

const signature = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

export function signToken(secret: string, claims: TokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** Checks signature, shape and expiry; `now` is in seconds since the epoch. */
export function verifyToken(secret: string, token: string | null | undefined, now = Date.now() / 1000): Verification {
  if (!token) return { ok: false, reason: 'missing token' };
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed token' };
  const [payload, signaturePart] = parts;
  const expected = signature(secret, payload);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid token signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed token' };
  }
  const problem = claimsProblem(claims);
  if (problem) return { ok: false, reason: `malformed token: ${problem}` };
  const valid = claims as TokenClaims;
  if (valid.exp <= now) return { ok: false, reason: 'token expired' };
  return { ok: true, claims: { room: valid.room, user: valid.user, role: valid.role, exp: valid.exp } };
}

/** Why a value cannot be token claims, or undefined when it can. */
export function claimsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { room, user, role, exp } = value as Record<string, unknown>;
  if (typeof room !== 'string') return 'room missing';
  const roomIssue = roomNameProblem(room);
  if (roomIssue) return roomIssue;
  if (typeof user !== 'string' || user.trim() === '' || user.length > MAX_USER_LENGTH) return `user must be 1 to ${MAX_USER_LENGTH} characters`;
  if (!isRole(role)) return `role must be ${ROLES.join(' or ')}`;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'exp must be a number';
  return undefined;
}

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Why a string cannot name a room (1 to 200 characters, no control characters), or undefined. */
export function roomNameProblem(room: string): string | undefined {
  if (room.length < 1 || room.length > MAX_ROOM_LENGTH) return `room name must be 1 to ${MAX_ROOM_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(room)) return 'room name contains control characters';
  return undefined;
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Parses a lifetime such as "45m", "12h", "30d" or a number of seconds; undefined if unusable. */
export function parseTtl(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  const match = /^(\d{1,9})([smhd]?)$/.exec(value.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * TTL_UNITS[match[2] || 's'];
  return seconds > 0 ? seconds : undefined;
}
