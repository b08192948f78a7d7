// One client's WebSocket inside a room: its token claims, its rate limit (a token bucket), the
// awareness client ids it controls, and sending with backpressure (a client that cannot keep up is
// closed rather than letting its unsent data grow without bound).

import WebSocket from 'ws';
import type { TokenClaims } from './auth';
import type { CloseReason, Metrics } from './metrics';

/**
 * Close codes: 44xx are final for y-websocket clients (they stop reconnecting); 10xx are retried.
 * A full server is usually full for a while only, so it says 1013 (try again later), not a 44xx.
 */
export const CLOSE = {
  goingAway: 1001,
  policy: 1008,
  tooLarge: 1009,
  internal: 1011,
  tryAgainLater: 1013,
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
} as const;

/** A rule broken by a client: closes its connection, with a reason it can read. */
export class ConnectionError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly metric: CloseReason,
  ) {
    super(message);
  }
}

/** WebSocket close reasons are limited to 123 bytes. */
function closeReason(reason: string): string {
  let shortened = reason;
  while (Buffer.byteLength(shortened) > 123) shortened = shortened.slice(0, -1);
  return shortened;
}

export class Connection {
  /** Awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessIds = new Set<number>();
  /** Set once the room is loaded and this connection was sent the server's sync step 1. */
  started = false;
  /** Messages received before the room finished loading, handled in order once it has. */
  readonly backlog: Buffer[] = [];
  closed = false;
  alive = true;
  private bucket: number;
  private refilledAt = Date.now();

  constructor(
    readonly socket: WebSocket,
    readonly claims: TokenClaims,
    private readonly metrics: Metrics,
    private readonly messagesPerSecond: number,
    private readonly maxBufferedBytes: number,
  ) {
    this.bucket = 2 * messagesPerSecond;
  }

  get canEdit(): boolean {
    return this.claims.role === 'writer';
  }

  /** Takes one message from the token bucket (refilled at the limit, holding up to two seconds' worth). */
  takeMessageAllowance(): boolean {
    const now = Date.now();
    this.bucket = Math.min(2 * this.messagesPerSecond, this.bucket + ((now - this.refilledAt) / 1000) * this.messagesPerSecond);
    this.refilledAt = now;
    if (this.bucket < 1) return false;
    this.bucket--;
    return true;
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.fail(new ConnectionError(CLOSE.tryAgainLater, 'connection too slow: too much unsent data', 'slow_consumer'));
      return;
    }
    this.socket.send(message);
    this.metrics.bytesSent += message.byteLength;
  }

  fail(error: ConnectionError): void {
    if (this.closed) return;
    this.metrics.close(error.metric);
    console.warn(`closing a connection of ${JSON.stringify(this.claims.user)} in ${JSON.stringify(this.claims.room)}: ${error.message}`);
    this.close(error.code, error.message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, closeReason(reason));
  }
}

export { closeReason };
