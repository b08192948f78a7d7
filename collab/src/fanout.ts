// Shares rooms between server processes over Redis pub/sub: one channel per room, binary messages
// tagged with the sending instance so it ignores its own. Nothing is stored in Redis: the instance
// that receives an update from a client stores it, then publishes it; the others apply it in memory.
// Presence is not stored, so an instance that starts serving a room says hello on its channel, and
// the others answer with their own clients' presence (else it would wait for their next renewal).
//
// Message layout: [kind: 1 byte][sender instance id: 16 bytes][payload].

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { BusMessageKind, RoomBus } from './bus';

type RedisClient = ReturnType<typeof createClient>;
type BufferListener = (message: Buffer) => void;
type MessageHandler = (kind: BusMessageKind, payload: Uint8Array) => void;

const CHANNEL_PREFIX = 'upr-collab:room:';
const KIND_CODES: Record<BusMessageKind, number> = { update: 0, awareness: 1 };
const KINDS_BY_CODE: readonly BusMessageKind[] = ['update', 'awareness'];
/** Kind of the bus's own message, never passed to rooms: "I now serve this room: tell me who is here". */
const HELLO_CODE = 2;
const INSTANCE_ID_BYTES = 16;
const HEADER_BYTES = 1 + INSTANCE_ID_BYTES;
// While Redis is unreachable, publishes wait in node-redis's queue up to this many; beyond it
// they fail (and are logged): the resync after reconnecting catches the other instances up.
const MAX_QUEUED_COMMANDS = 10_000;
const MAX_RECONNECT_DELAY_MS = 2_000;
const CLOSE_TIMEOUT_MS = 2_000;

interface Subscription {
  readonly listener: BufferListener;
  readonly onResync?: () => void;
  readonly presence: LocalPresence;
}

/** Connects to Redis at url (redis://host:port); rejects with a readable error when it cannot. */
export async function createRedisBus(url: string, log: (line: string) => void = (line) => console.error(line)): Promise<RoomBus> {
  const where = withoutPassword(url);
  const instanceId = randomBytes(INSTANCE_ID_BYTES);
  const subscriptions = new Map<string, Subscription>();
  // A reconnect of either connection means messages may have been lost (one way or the other);
  // the rooms resync once both connections are back, so a Redis restart resyncs each room once.
  const onReconnected = () => {
    if (publisher.isReady && subscriber.isReady) void resubscribeAndResync();
  };
  // Publishing fails for as long as Redis is away: say so once per outage, not once per message.
  let publishFailureLogged = false;
  const publisher = createReconnectingClient(url, 'publisher', where, log, () => {
    publishFailureLogged = false;
    onReconnected();
  });
  const subscriber = createReconnectingClient(url, 'subscriber', where, log, onReconnected);
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.destroy();
    subscriber.destroy();
    throw new Error(`cannot connect to Redis at ${where}: ${describe(error)}`);
  }

  /** Resolves once Redis has taken the message (or it failed, which is logged): never rejects. */
  async function send(room: string, code: number, payload: Uint8Array): Promise<void> {
    const message = Buffer.concat([Buffer.of(code), instanceId, payload]);
    await publisher.publish(channelOf(room), message).catch((error: unknown) => {
      if (!publisher.isOpen || publishFailureLogged) return;
      publishFailureLogged = true;
      log(`redis: could not publish to room "${room}" (${describe(error)}); the rooms resync once Redis is back`);
    });
  }

  function listenerFor(room: string, onMessage: MessageHandler, presence: LocalPresence): BufferListener {
    return (message) => {
      if (message.length < HEADER_BYTES) return log(`redis: ignored a message of ${message.length} bytes in room "${room}"`);
      if (message.subarray(1, HEADER_BYTES).equals(instanceId)) return;
      if (message[0] === HELLO_CODE) {
        const states = presence.encode();
        if (states) void send(room, KIND_CODES.awareness, states);
        return;
      }
      const kind = KINDS_BY_CODE[message[0]];
      if (kind === undefined) return log(`redis: ignored a message of unknown kind ${message[0]} in room "${room}"`);
      try {
        onMessage(kind, message.subarray(HEADER_BYTES));
      } catch (error) {
        log(`redis: room "${room}" failed to apply a message from another instance: ${describe(error)}`);
      }
    };
  }

  // Subscribes again where node-redis lost a subscription (one in flight when the connection
  // broke), then lets every room catch up on what it may have missed, presence included.
  async function resubscribeAndResync(): Promise<void> {
    const rooms = [...subscriptions];
    try {
      await Promise.all(rooms.map(([room, { listener }]) => subscriber.subscribe(channelOf(room), listener, true)));
    } catch (error) {
      return log(`redis: subscribing again after reconnecting failed (${describe(error)}); retried on the next reconnect`);
    }
    for (const [room, subscription] of rooms) {
      if (subscriptions.get(room) !== subscription) continue;
      try {
        subscription.onResync?.();
      } catch (error) {
        log(`redis: room "${room}" failed to resync: ${describe(error)}`);
      }
      void send(room, HELLO_CODE, new Uint8Array(0));
    }
  }

  return {
    async subscribe(room, onMessage, onResync) {
      if (subscriptions.has(room)) throw new Error(`room "${room}" is already subscribed`);
      const presence = new LocalPresence();
      const subscription = { listener: listenerFor(room, onMessage, presence), onResync, presence };
      subscriptions.set(room, subscription);
      const subscribed = subscriber.subscribe(channelOf(room), subscription.listener, true);
      if (!subscriber.isReady) {
        // Redis is down: serve the room's local clients now; resubscribeAndResync completes it on reconnect.
        subscribed.catch(() => undefined);
        return;
      }
      await subscribed;
      // Awaited so that the other instances hear the hello before anything published after subscribe resolves.
      await send(room, HELLO_CODE, new Uint8Array(0));
    },

    async unsubscribe(room) {
      const subscription = subscriptions.get(room);
      if (!subscription) return;
      subscriptions.delete(room);
      const unsubscribed = subscriber.unsubscribe(channelOf(room), subscription.listener, true);
      if (subscriber.isReady) return unsubscribed;
      unsubscribed.catch(() => undefined);
    },

    publish(room, kind, payload) {
      if (kind === 'awareness') subscriptions.get(room)?.presence.record(payload);
      void send(room, KIND_CODES[kind], payload);
    },

    async close() {
      subscriptions.clear();
      await Promise.all([closeClient(publisher), closeClient(subscriber)]);
    },
  };
}

/**
 * The presence of this instance's own clients in one room, as last published (awareness updates:
 * client id, clock, state as JSON, null once gone), to introduce them to instances joining later.
 */
class LocalPresence {
  private readonly states = new Map<number, { clock: number; json: string }>();

  record(update: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(update);
      const count = decoding.readVarUint(decoder);
      for (let index = 0; index < count; index++) {
        const clientId = decoding.readVarUint(decoder);
        const clock = decoding.readVarUint(decoder);
        const json = decoding.readVarString(decoder);
        if (json === 'null') this.states.delete(clientId);
        else this.states.set(clientId, { clock, json });
      }
    } catch {
      // Not an awareness update: the room sent it anyway, there is just nothing to remember.
    }
  }

  /** The states as one awareness update, or undefined when nobody is here. */
  encode(): Uint8Array | undefined {
    if (this.states.size === 0) return undefined;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, this.states.size);
    for (const [clientId, { clock, json }] of this.states) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    return encoding.toUint8Array(encoder);
  }
}

function channelOf(room: string): string {
  return CHANNEL_PREFIX + room;
}

// Fails the first connection at once (a wrong URL or a Redis that is not running is reported at
// startup); once connected, reconnects for ever, logging the outage once and the recovery.
function createReconnectingClient(url: string, role: string, where: string, log: (line: string) => void, onReconnected?: () => void): RedisClient {
  let connectedOnce = false;
  let connected = false;
  let client: RedisClient;
  try {
    client = createClient({
      url,
      commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
      socket: {
        reconnectStrategy: (retries) => (connectedOnce ? Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : false),
      },
    });
  } catch (error) {
    throw new Error(`cannot connect to Redis at ${where}: ${describe(error)}`);
  }
  client.on('error', (error: unknown) => {
    if (!connected) return;
    connected = false;
    log(`redis: ${role} lost the connection to ${where} (${describe(error)}); serving local clients and reconnecting`);
  });
  client.on('ready', () => {
    connected = true;
    if (!connectedOnce) {
      connectedOnce = true;
      return;
    }
    log(`redis: ${role} reconnected to ${where}`);
    onReconnected?.();
  });
  return client;
}

async function closeClient(client: RedisClient): Promise<void> {
  if (!client.isReady) return client.destroy();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)));
  await Promise.race([client.close().catch(() => undefined), timedOut]);
  clearTimeout(timer);
  client.destroy();
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(describe).join('; ');
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
