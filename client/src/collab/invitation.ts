// Invitation strings (the WebSocket URL of a room with its token, as y-websocket builds it) and
// room names. Pure: no VS Code.

export interface Invitation {
  /** ws:// or wss:// URL of the server, without a trailing slash (may carry a path prefix). */
  serverUrl: string;
  room: string;
  token: string;
}

/** Room names stay within URL-safe characters, so that the path a client sends is the name a token carries. */
const ROOM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isValidRoom(room: string): boolean {
  return ROOM.test(room);
}

/** A ws:// or wss:// URL without query or fragment, trailing slashes removed; undefined when it is none. */
export function normaliseServerUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || !url.hostname || url.search || url.hash) return undefined;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** `ws://host:port/<room>?token=<token>`. */
export function formatInvitation({ serverUrl, room, token }: Invitation): string {
  return `${serverUrl}/${room}?token=${encodeURIComponent(token)}`;
}

/** The invitation in a pasted text (surrounding spaces and quotes allowed), or undefined. */
export function parseInvitation(text: string): Invitation | undefined {
  let url: URL;
  try {
    url = new URL(text.trim().replace(/^["'<]+|["'>]+$/g, ''));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return undefined;
  const token = url.searchParams.get('token');
  const segments = url.pathname.split('/');
  const room = segments.pop() ?? '';
  if (!token || !isValidRoom(room)) return undefined;
  return { serverUrl: `${url.protocol}//${url.host}${segments.join('/')}`, room, token };
}

/** The room a file is shared in by default: its name without `.upr.md`, reduced to the room characters. */
export function roomFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()!.replace(/\.upr\.md$/i, '').replace(/\.md$/i, '');
  const room = base
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+|-+$/g, '')
    .slice(0, 128);
  return room || 'submission';
}

/** The HTTP endpoint that mints invitations, next to the WebSocket endpoint. */
export function invitationsEndpoint(serverUrl: string): string {
  return `${serverUrl.replace(/^ws/, 'http')}/invitations`;
}

export interface TokenClaims {
  room?: string;
  user?: string;
  role?: string;
  /** Expiry in seconds since the epoch. */
  exp?: number;
}

/**
 * What a room token says (`base64url(JSON).signature`), read without checking the signature: for
 * the editor's display only (the server decides); undefined when it is not such a token.
 */
export function readTokenClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[0];
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as TokenClaims) : undefined;
  } catch {
    return undefined;
  }
}
