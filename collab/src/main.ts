// The collaboration server (bundled to dist/collab-server.js): HTTP for /healthz, /metrics and
// POST /invitations, WebSocket upgrades for y-websocket clients, whose token is checked before they
// join a room. `collab-server token ...` prints a token instead. Usage errors exit with code 2.

import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { isRole, parseTtl, roomNameProblem, signToken, verifyToken } from './auth';
import type { RoomBus } from './bus';
import { CLOSE, closeReason } from './connection';
import { invitation } from './invitations';
import { Metrics } from './metrics';
import { parseCommand, resolveSecret, serverOptions, ServerOptions, tokenOptions, UsageError, USAGE } from './options';
import { Rooms, type RoomDocument } from './rooms';
import { RoomStore } from './store';

function printToken(values: Record<string, string | undefined>): void {
  const { room, user, role, ttl } = tokenOptions(values);
  const roomIssue = roomNameProblem(room);
  if (roomIssue) throw new UsageError(roomIssue);
  if (!isRole(role)) throw new UsageError(`--role must be writer or reviewer, not "${role}"`);
  const seconds = parseTtl(ttl);
  if (seconds === undefined) throw new UsageError(`--ttl must look like 3600, 45m, 12h or 30d, not "${ttl}"`);
  const options = serverOptions(values);
  const { secret, generatedInto } = resolveSecret(options.secretFile, options.dataDir);
  if (generatedInto) console.error(`generated a new secret in ${generatedInto}`);
  console.log(signToken(secret, { room, user, role, exp: Math.floor(Date.now() / 1000) + seconds }));
}

function roomOfRequest(request: IncomingMessage): { room?: string; token?: string; document?: RoomDocument; problem?: string } {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let room: string;
  try {
    room = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return { problem: 'room name is not valid URL encoding' };
  }
  // `?doc=comments`: the room's review comments, which reviewers may write (see rooms.ts).
  const doc = url.searchParams.get('doc') ?? 'text';
  if (doc !== 'text' && doc !== 'comments') return { problem: 'doc must be text or comments' };
  return { room, token: url.searchParams.get('token') ?? undefined, document: doc, problem: roomNameProblem(room) };
}

async function serve(options: ServerOptions): Promise<void> {
  const { secret, generatedInto } = resolveSecret(options.secretFile, options.dataDir);
  if (generatedInto) console.log(`no secret given: generated one in ${generatedInto} (keep it; tokens are signed with it)`);
  let bus: RoomBus | undefined;
  if (options.redisUrl) {
    const { createRedisBus } = await import('./fanout');
    bus = await createRedisBus(options.redisUrl);
  }
  const store = new RoomStore(options.dataDir, options.durability);
  const metrics = new Metrics();
  const rooms = new Rooms(store, bus, metrics, options);
  let shuttingDown = false;

  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  };
  const http = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && pathname === '/healthz') {
      json(response, shuttingDown ? 503 : 200, { status: shuttingDown ? 'shutting down' : 'ok', rooms: rooms.roomCount, connections: rooms.connectionCount });
    } else if (request.method === 'GET' && pathname === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(
        metrics.render({ rooms: rooms.roomCount, connections: rooms.connectionCount, pendingWrites: rooms.pendingWriteCount, persistenceLagSeconds: rooms.persistenceLagSeconds }),
      );
    } else if (pathname === '/invitations') {
      invitation(request, secret)
        .then(({ status, body }) => json(response, status, body))
        .catch((error: Error) => json(response, 500, { error: error.message }));
    } else {
      json(response, 404, { error: `no such path: ${pathname}` });
    }
  });

  // maxPayload is a backstop at four times the limit: rooms.ts closes messages over the limit with a
  // clear reason, which ws's own close (1009, no reason) would not give.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4 * options.maxMessageBytes });
  http.on('upgrade', (request, socket, head) => {
    sockets.handleUpgrade(request, socket, head, (websocket) => {
      // Refusals happen after the upgrade, so that clients can read the close code and reason.
      const refuse = (code: number, reason: string, metric: Parameters<Metrics['refuse']>[0]) => {
        metrics.refuse(metric);
        websocket.close(code, closeReason(reason));
      };
      if (shuttingDown) return refuse(CLOSE.goingAway, 'server shutting down', 'shutting_down');
      const { room, token, document, problem } = roomOfRequest(request);
      if (problem || room === undefined) return refuse(CLOSE.malformed, problem ?? 'no room', 'bad_room');
      const verified = verifyToken(secret, token);
      if (!verified.ok) return refuse(CLOSE.unauthorized, verified.reason, 'token');
      if (verified.claims.room !== room) return refuse(CLOSE.forbidden, 'token is for another room', 'wrong_room');
      rooms.join(websocket, verified.claims, document);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  console.log(`listening on http://${host}:${address.port} (data in ${options.dataDir}, durability ${options.durability}${bus ? ', rooms shared over Redis' : ''})`);

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal}: closing connections and writing what is pending`);
    http.close();
    await rooms.shutdown();
    await bus?.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function main(argv: string[]): Promise<void> {
  const { command, values } = parseCommand(argv);
  if (command === 'help') console.log(USAGE);
  else if (command === 'token') printToken(values);
  else await serve(serverOptions(values));
}

main(process.argv.slice(2)).catch((error: Error) => {
  if (error instanceof UsageError) {
    console.error(`collab-server: ${error.message}\nRun with --help for usage.`);
    process.exit(2);
  }
  // Startup failures (port in use, Redis unreachable, unreadable data folder) are reported, not traced.
  console.error(`collab-server: cannot start: ${error.message}`);
  process.exit(1);
});
