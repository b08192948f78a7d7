// POST /invitations: a writer mints a token for a colleague, for the writer's own room, without
// knowing the server secret. Authorization: Bearer <writer token>; JSON body {room?, user, role, ttl?}.
// An invitation never outlives the token that made it: otherwise a short-lived writer token could
// mint itself a longer one, again and again, and keep its access for ever.

import type { IncomingMessage } from 'node:http';
import { DEFAULT_TTL, isRole, MAX_INVITATION_TTL_SECONDS, parseTtl, signToken, verifyToken } from './auth';

const MAX_BODY_BYTES = 16 * 1024;

export interface JsonAnswer {
  status: number;
  body: unknown;
}

const error = (status: number, message: string): JsonAnswer => ({ status, body: { error: message } });

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers a POST (main.ts answers other methods). */
export async function invitation(request: IncomingMessage, secret: string): Promise<JsonAnswer> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const verified = verifyToken(secret, bearer);
  if (!verified.ok) return error(401, verified.reason);
  if (verified.claims.role !== 'writer') return error(403, 'only writers may invite');
  const text = await readBody(request);
  if (text === undefined) return error(413, `body larger than ${MAX_BODY_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return error(400, 'body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(400, 'body must be a JSON object');
  const { room, user, role, ttl = DEFAULT_TTL } = body as Record<string, unknown>;
  const { claims } = verified;
  if (room !== undefined && room !== claims.room) return error(403, 'an invitation can only be for the room of your own token');
  if (typeof user !== 'string' || user.trim() === '' || user.length > 100) return error(400, 'user must be 1 to 100 characters');
  if (!isRole(role)) return error(400, 'role must be writer or reviewer');
  const seconds = typeof ttl === 'string' || typeof ttl === 'number' ? parseTtl(ttl) : undefined;
  if (seconds === undefined) return error(400, 'ttl must be a number of seconds or look like 45m, 12h, 30d');
  const exp = Math.min(Math.floor(Date.now() / 1000) + Math.min(seconds, MAX_INVITATION_TTL_SECONDS), claims.exp);
  return { status: 201, body: { token: signToken(secret, { room: claims.room, user, role, exp }), room: claims.room, user, role, exp } };
}
