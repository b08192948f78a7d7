// The collaboration server (bundled to dist/collab-server.js): HTTP for /healthz, /metrics and
// POST /invitations, WebSocket upgrades for y-websocket clients, whose token is checked before they
// join a room. `collab-server token ...` prints a token instead. Usage errors exit with code 2.

import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { isRole, parseTtl, roomNameProblem, signToken, verifyToken } from './auth';
import type { RoomBus } from './bus';
import { CLOSE, closeReason } from './connection';
import { invitation } from './invitations';
import { Metrics } from './metrics';
import { generateSecret, parseCommand, readSecret, resolveSecret, serverOptions, ServerOptions, tokenOptions, UsageError, USAGE } from './options';
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

/** Binds the port; a port in use is named as such. */
function listen(http: Server, options: ServerOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${options.port} on ${options.host} is already in use`) : error),
    );
    http.listen(options.port, options.host, () => resolve());
  });
}

interface Route {
  methods: string[];
  answer: (request: IncomingMessage, response: ServerResponse) => void;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

async function serve(options: ServerOptions): Promise<void> {
  // Nothing is written (no secret, no database) until the port is ours, so that a server that
  // cannot start leaves nothing half-made behind; the secret is read first to report a bad one early.
  const existingSecret = readSecret(options.secretFile, options.dataDir);
  let bus: RoomBus | undefined;
  if (options.redisUrl) {
    const { createRedisBus } = await import('./fanout');
    bus = await createRedisBus(options.redisUrl);
  }
  const http = createServer();
  await listen(http, options);
  // From here to the handlers being attached, all is synchronous: no request can arrive in between.
  const { secret, generatedInto } = existingSecret ?? generateSecret(options.dataDir);
  if (generatedInto) console.log(`no secret given: generated one in ${generatedInto} (keep it; tokens are signed with it)`);
  const store = new RoomStore(options.dataDir, options.durability);
  const metrics = new Metrics();
  const rooms = new Rooms(store, bus, metrics, options);
  let shuttingDown = false;

  const routes = new Map<string, Route>([
    [
      '/healthz',
      {
        methods: ['GET', 'HEAD'],
        answer: (_request, response) =>
          json(response, shuttingDown ? 503 : 200, { status: shuttingDown ? 'shutting down' : 'ok', rooms: rooms.roomCount, connections: rooms.connectionCount }),
      },
    ],
    [
      '/metrics',
      {
        methods: ['GET', 'HEAD'],
        answer: (_request, response) =>
          response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(
            metrics.render({ rooms: rooms.roomCount, connections: rooms.connectionCount, pendingWrites: rooms.pendingWriteCount, persistenceLagSeconds: rooms.persistenceLagSeconds }),
          ),
      },
    ],
    [
      '/invitations',
      {
        methods: ['POST'],
        answer: (request, response) =>
          invitation(request, secret)
            .then(({ status, body }) => json(response, status, body))
            .catch((error: Error) => json(response, 500, { error: error.message })),
      },
    ],
  ]);
  http.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    // `/healthz/` is `/healthz`: a trailing slash is an easy slip, not another resource.
    const route = routes.get(pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname);
    if (!route) return json(response, 404, { error: `no such path: ${pathname}` });
    if (!route.methods.includes(request.method ?? '')) {
      return json(response, 405, { error: `use ${route.methods.join(' or ')}` }, { allow: route.methods.join(', ') });
    }
    route.answer(request, response);
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

/** Runs `work`; a failure that is not a usage error is reported as "`what`: reason". */
async function failingAs(what: string, work: () => void | Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new Error(`${what}: ${(error as Error).message}`);
  }
}

async function main(argv: string[]): Promise<void> {
  const { command, values } = parseCommand(argv);
  if (command === 'help') console.log(USAGE);
  else if (command === 'token') await failingAs('cannot print a token', () => printToken(values));
  else await failingAs('cannot start', () => serve(serverOptions(values)));
}

main(process.argv.slice(2)).catch((error: Error) => {
  if (error instanceof UsageError) {
    console.error(`collab-server: ${error.message}\nRun with --help for usage.`);
    process.exit(2);
  }
  // Failures that are not the user's input (port in use, Redis unreachable, unwritable data folder) are reported, not traced.
  console.error(`collab-server: ${error.message}`);
  process.exit(1);
});
