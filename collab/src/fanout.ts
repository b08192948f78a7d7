// Shares rooms between server processes over Redis pub/sub: one channel per room, binary messages
// tagged with the sending instance so it ignores its own. Nothing is stored in Redis: the instance
// that receives an update from a client stores it, then publishes it; the others apply it in memory.
//
// Message layout: [kind: 1 byte][sender instance id: 16 bytes][payload].

import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { BusMessageKind, RoomBus } from './bus';

type RedisClient = ReturnType<typeof createClient>;
type BufferListener = (message: Buffer) => void;
type MessageHandler = (kind: BusMessageKind, payload: Uint8Array) => void;

const CHANNEL_PREFIX = 'upr-collab:room:';
const KIND_CODES: Record<BusMessageKind, number> = { update: 0, awareness: 1 };
const KINDS_BY_CODE: readonly BusMessageKind[] = ['update', 'awareness'];
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

  function listenerFor(room: string, onMessage: MessageHandler): BufferListener {
    return (message) => {
      if (message.length < HEADER_BYTES) return log(`redis: ignored a message of ${message.length} bytes in room "${room}"`);
      if (message.subarray(1, HEADER_BYTES).equals(instanceId)) return;
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
  // broke), then lets every room catch up on what it may have missed.
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
    }
  }

  return {
    async subscribe(room, onMessage, onResync) {
      if (subscriptions.has(room)) throw new Error(`room "${room}" is already subscribed`);
      const subscription = { listener: listenerFor(room, onMessage), onResync };
      subscriptions.set(room, subscription);
      const subscribed = subscriber.subscribe(channelOf(room), subscription.listener, true);
      if (subscriber.isReady) return subscribed;
      // Redis is down: serve the room's local clients now; resubscribeAndResync completes it on reconnect.
      subscribed.catch(() => undefined);
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
      const header = Buffer.alloc(1, KIND_CODES[kind]);
      const message = Buffer.concat([header, instanceId, payload]);
      publisher.publish(channelOf(room), message).catch((error: unknown) => {
        if (!publisher.isOpen || publishFailureLogged) return;
        publishFailureLogged = true;
        log(`redis: could not publish to room "${room}" (${describe(error)}); the rooms resync once Redis is back`);
      });
    },

    async close() {
      subscriptions.clear();
      await Promise.all([closeClient(publisher), closeClient(subscriber)]);
    },
  };
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
