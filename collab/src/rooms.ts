// Rooms: one Y.Doc and one Awareness per room, spoken to in the y-websocket protocol
// (y-protocols sync and awareness messages). A room is loaded from the store (and subscribed on
// the bus, if any) before any of its clients gets an answer; a writer's document update is stored
// before it is applied and relayed; a reviewer's is dropped; an empty room is unloaded after a
// grace period.
//
// Each room has a second document for review comments (`?doc=comments`, same token). Reviewers may
// write there, so that they comment without being able to change the text: a separate document
// keeps the rule one flag per document, where inspecting each update of one document would have to
// decode it and trust its type names. It is a room of its own inside the server (stored, relayed
// and shared over the bus like any), under a name no client can ask for (a control character).

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { TokenClaims } from './auth';
import type { BusMessageKind, RoomBus } from './bus';
import { CLOSE, Connection, ConnectionError } from './connection';
import type { Metrics } from './metrics';
import type { RoomStore } from './store';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** Origin of changes that came from another instance over the bus (not stored, not republished). */
const FROM_BUS = Symbol('bus');
const FROM_STORE = Symbol('store');
/** Origin of stored updates read again after a bus outage: relayed to local clients, not republished. */
const FROM_RESYNC = Symbol('resync');

const KEEPALIVE_MS = 30_000;
const COMPACTION_CHECK_MS = 1_000;

export interface RoomLimits {
  maxRooms: number;
  maxMessageBytes: number;
  maxUpdatesPerSecond: number;
  compactAfter: number;
  unloadAfterMs: number;
}

/** The documents of a room: its text, and its review comments. */
export type RoomDocument = 'text' | 'comments';

/** The server's name for a room's document; room names cannot hold control characters, so this one is unique. */
export function documentKey(room: string, document: RoomDocument): string {
  return document === 'text' ? room : `${room}\u001fcomments`;
}

class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  ready = false;
  /** Bus messages received while the room was loading, applied after the load. */
  busBacklog: [BusMessageKind, Uint8Array][] | undefined = [];
  unloadTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    /** Whether reviewers' updates are taken (the comments document) or dropped (the text). */
    readonly reviewersWrite: boolean,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
  }

  broadcast(message: Uint8Array, except?: unknown): void {
    for (const connection of this.connections) if (connection !== except && connection.started) connection.send(message);
  }
}

interface PendingWrite {
  room: Room;
  update: Uint8Array;
  from: Connection;
  receivedAt: number;
}

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  /** Unsubscriptions still running, awaited before the same room subscribes again. */
  private readonly unsubscribing = new Map<string, Promise<void>>();
  private pendingWrites: PendingWrite[] = [];
  private flushScheduled = false;
  private readonly roomsToCheck = new Set<string>();
  private readonly timers: NodeJS.Timeout[];
  private readonly maxBufferedBytes: number;

  constructor(
    private readonly store: RoomStore,
    private readonly bus: RoomBus | undefined,
    private readonly metrics: Metrics,
    private readonly limits: RoomLimits,
  ) {
    this.maxBufferedBytes = Math.max(16 * 1024 * 1024, 4 * limits.maxMessageBytes);
    this.timers = [setInterval(() => this.keepAlive(), KEEPALIVE_MS), setInterval(() => this.compactBusyRooms(), COMPACTION_CHECK_MS)];
    for (const timer of this.timers) timer.unref();
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  get connectionCount(): number {
    let count = 0;
    for (const room of this.rooms.values()) count += room.connections.size;
    return count;
  }

  get pendingWriteCount(): number {
    return this.pendingWrites.length;
  }

  get persistenceLagSeconds(): number {
    return this.pendingWrites.length ? (Date.now() - this.pendingWrites[0].receivedAt) / 1000 : 0;
  }

  /** Takes an authenticated socket into its room (loading the room first if needed). */
  join(socket: WebSocket, claims: TokenClaims, document: RoomDocument = 'text'): void {
    const key = documentKey(claims.room, document);
    let room = this.rooms.get(key);
    if (!room) {
      if (this.rooms.size >= this.limits.maxRooms) this.unloadOneIdleRoom();
      if (this.rooms.size >= this.limits.maxRooms) {
        this.metrics.refuse('too_many_rooms');
        socket.close(CLOSE.tryAgainLater, `too many rooms: this server holds at most ${this.limits.maxRooms}`);
        return;
      }
      room = this.openRoom(key, document === 'comments');
    }
    clearTimeout(room.unloadTimer);
    const connection = new Connection(socket, claims, this.metrics, this.limits.maxUpdatesPerSecond, this.maxBufferedBytes);
    room.connections.add(connection);
    const current = room;
    socket.on('message', (data: Buffer, isBinary: boolean) => this.receive(current, connection, data, isBinary));
    socket.on('pong', () => (connection.alive = true));
    socket.on('error', (error) => console.warn(`connection error in ${JSON.stringify(claims.room)}: ${error.message}`));
    socket.on('close', () => this.leave(current, connection));
    if (room.ready) this.start(room, connection);
  }

  private openRoom(name: string, reviewersWrite: boolean): Room {
    const room = new Room(name, reviewersWrite);
    this.rooms.set(name, room);
    room.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_STORE) return;
      room.broadcast(message(MESSAGE_SYNC, (encoder) => syncProtocol.writeUpdate(encoder, update)), origin);
      if (origin instanceof Connection) this.bus?.publish(name, 'update', update);
    });
    room.awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
      if (origin instanceof Connection) {
        for (const id of added) origin.awarenessIds.add(id);
        for (const id of removed) origin.awarenessIds.delete(id);
      }
      const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...added, ...updated, ...removed]);
      room.broadcast(message(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update)), origin);
      if (origin !== FROM_BUS) this.bus?.publish(name, 'awareness', update);
    });
    this.load(room).catch((error: Error) => {
      console.error(`could not load room ${JSON.stringify(name)}: ${error.stack ?? error.message}`);
      for (const connection of room.connections) connection.close(CLOSE.internal, 'could not load the room');
      this.discard(room);
    });
    return room;
  }

  /** Subscribes first, then reads the store, so that nothing published meanwhile is missed. */
  private async load(room: Room): Promise<void> {
    const started = performance.now();
    await this.unsubscribing.get(room.name);
    await this.bus?.subscribe(
      room.name,
      (kind, payload) => this.fromBus(room, kind, payload),
      () => this.resync(room),
    );
    if (this.rooms.get(room.name) !== room) return;
    const loaded = this.store.loadInto(room.name, room.doc, FROM_STORE);
    if (loaded.rows > this.limits.compactAfter) this.roomsToCheck.add(room.name);
    for (const [kind, payload] of room.busBacklog ?? []) this.applyFromBus(room, kind, payload);
    room.busBacklog = undefined;
    room.ready = true;
    const seconds = (performance.now() - started) / 1000;
    this.metrics.recordLoad(seconds);
    const unreadable = loaded.unreadable ? `, ${loaded.unreadable} unreadable rows left out` : '';
    console.log(`room ${JSON.stringify(room.name)} loaded in ${(seconds * 1000).toFixed(1)} ms (${loaded.rows} rows, ${loaded.bytes} bytes${unreadable})`);
    for (const connection of room.connections) this.start(room, connection);
    if (room.connections.size === 0) this.scheduleUnload(room);
  }

  /** After a bus outage: what other instances stored meanwhile comes from the store; ours goes out whole. */
  private resync(room: Room): void {
    if (!room.ready || this.rooms.get(room.name) !== room) return;
    try {
      this.store.loadInto(room.name, room.doc, FROM_RESYNC);
      this.bus?.publish(room.name, 'update', Y.encodeStateAsUpdate(room.doc));
    } catch (error) {
      console.warn(`could not resync ${JSON.stringify(room.name)} after a bus outage: ${(error as Error).message}`);
    }
  }

  private fromBus(room: Room, kind: BusMessageKind, payload: Uint8Array): void {
    if (room.busBacklog) room.busBacklog.push([kind, payload]);
    else this.applyFromBus(room, kind, payload);
  }

  private applyFromBus(room: Room, kind: BusMessageKind, payload: Uint8Array): void {
    try {
      if (kind === 'update') {
        this.metrics.busUpdates++;
        Y.applyUpdate(room.doc, payload, FROM_BUS);
      } else {
        awarenessProtocol.applyAwarenessUpdate(room.awareness, payload, FROM_BUS);
      }
    } catch (error) {
      console.warn(`ignored an unreadable ${kind} from the bus for ${JSON.stringify(room.name)}: ${(error as Error).message}`);
    }
  }

  /** Sends the server's sync step 1 (asking for what the client has) and who is here, then handles what the client sent meanwhile. */
  private start(room: Room, connection: Connection): void {
    connection.started = true;
    connection.send(message(MESSAGE_SYNC, (encoder) => syncProtocol.writeSyncStep1(encoder, room.doc)));
    const states = [...room.awareness.getStates().keys()];
    if (states.length) {
      const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, states);
      connection.send(message(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update)));
    }
    for (const data of connection.backlog.splice(0)) this.handle(room, connection, data);
  }

  private receive(room: Room, connection: Connection, data: Buffer, isBinary: boolean): void {
    if (connection.closed) return;
    this.metrics.bytesReceived += data.byteLength;
    try {
      if (data.byteLength > this.limits.maxMessageBytes) {
        throw new ConnectionError(CLOSE.tooLarge, `message too large: ${data.byteLength} bytes, limit ${this.limits.maxMessageBytes}`, 'message_too_large');
      }
      if (!connection.takeMessageAllowance()) {
        throw new ConnectionError(CLOSE.policy, `too many messages: limit ${this.limits.maxUpdatesPerSecond} per second`, 'rate_limit');
      }
      if (!isBinary) throw new ConnectionError(CLOSE.malformed, 'malformed message: text frames are not y-websocket messages', 'malformed');
      if (connection.started) this.handle(room, connection, data);
      else connection.backlog.push(data);
    } catch (error) {
      this.reject(connection, error);
    }
  }

  private handle(room: Room, connection: Connection, data: Uint8Array): void {
    if (connection.closed) return;
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) this.handleSync(room, connection, decoder);
      else if (type === MESSAGE_AWARENESS) awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), connection);
      else if (type === MESSAGE_QUERY_AWARENESS) {
        const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]);
        connection.send(message(MESSAGE_AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, update)));
      } else throw new Error(`unknown message type ${type}`);
    } catch (error) {
      this.reject(connection, error);
    }
  }

  private handleSync(room: Room, connection: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const missing = Y.encodeStateAsUpdate(room.doc, stateVector);
      connection.send(message(MESSAGE_SYNC, (encoder) => {
        encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(encoder, missing);
      }));
    } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
      const update = decoding.readVarUint8Array(decoder);
      if (!connection.canEdit && !room.reviewersWrite) {
        this.metrics.reviewerUpdatesDropped++;
        return;
      }
      // Reading the whole update proves it is one, so that nothing unreadable reaches the store.
      Y.decodeUpdate(update);
      this.queueWrite({ room, update, from: connection, receivedAt: Date.now() });
    } else {
      throw new Error(`unknown sync message type ${syncType}`);
    }
  }

  private reject(connection: Connection, error: unknown): void {
    connection.fail(error instanceof ConnectionError ? error : new ConnectionError(CLOSE.malformed, `malformed message: ${(error as Error).message}`, 'malformed'));
  }

  /** Updates received in one turn of the event loop are committed together, then applied and relayed. */
  private queueWrite(write: PendingWrite): void {
    this.pendingWrites.push(write);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.flushScheduled = false;
    const batch = this.pendingWrites;
    if (!batch.length) return;
    this.pendingWrites = [];
    try {
      this.store.append(batch.map(({ room, update }) => ({ room: room.name, update })));
    } catch (error) {
      console.error(`could not store ${batch.length} updates: ${(error as Error).message}`);
      for (const { from } of batch) from.fail(new ConnectionError(CLOSE.internal, 'storage failed: update not accepted', 'storage_failed'));
      return;
    }
    for (const { room, update, from } of batch) {
      this.metrics.updates++;
      this.roomsToCheck.add(room.name);
      try {
        Y.applyUpdate(room.doc, update, from);
      } catch (error) {
        console.warn(`a stored update for ${JSON.stringify(room.name)} could not be applied: ${(error as Error).message}`);
      }
    }
  }

  private compactBusyRooms(): void {
    for (const name of this.roomsToCheck) {
      try {
        if (this.store.rowCount(name) > this.limits.compactAfter) {
          const merged = this.store.compact(name);
          if (merged) this.metrics.compactions++;
        }
      } catch (error) {
        console.warn(`compaction of ${JSON.stringify(name)} failed, will retry: ${(error as Error).message}`);
        continue;
      }
      this.roomsToCheck.delete(name);
    }
  }

  private leave(room: Room, connection: Connection): void {
    connection.closed = true;
    room.connections.delete(connection);
    if (this.rooms.get(room.name) !== room) return; // already unloaded (shutdown or failed load)
    if (connection.awarenessIds.size) awarenessProtocol.removeAwarenessStates(room.awareness, [...connection.awarenessIds], null);
    if (room.connections.size === 0 && room.ready) this.scheduleUnload(room);
  }

  private scheduleUnload(room: Room): void {
    clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => {
      if (room.connections.size === 0 && this.rooms.get(room.name) === room) this.unload(room);
    }, this.limits.unloadAfterMs);
  }

  private unloadOneIdleRoom(): void {
    for (const room of this.rooms.values()) {
      if (room.ready && room.connections.size === 0) return this.unload(room);
    }
  }

  /** Writes what is pending, then forgets the room (it is read from the store again on the next join). */
  private unload(room: Room): void {
    this.flush();
    this.discard(room);
  }

  private discard(room: Room): void {
    clearTimeout(room.unloadTimer);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    room.awareness.destroy();
    room.doc.destroy();
    if (this.bus) {
      const previous = this.unsubscribing.get(room.name) ?? Promise.resolve();
      const done = previous
        .then(() => this.bus!.unsubscribe(room.name))
        .catch((error: Error) => console.warn(`could not unsubscribe ${JSON.stringify(room.name)}: ${error.message}`))
        .finally(() => {
          if (this.unsubscribing.get(room.name) === done) this.unsubscribing.delete(room.name);
        });
      this.unsubscribing.set(room.name, done);
    }
  }

  private keepAlive(): void {
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) {
        if (!connection.alive) connection.socket.terminate();
        else {
          connection.alive = false;
          connection.socket.ping();
        }
      }
    }
  }

  /** Closes every connection, writes what is pending and unloads every room. */
  async shutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (const room of this.rooms.values()) for (const connection of room.connections) connection.close(CLOSE.goingAway, 'server shutting down');
    this.flush();
    for (const room of [...this.rooms.values()]) this.discard(room);
    await Promise.all(this.unsubscribing.values());
  }
}
