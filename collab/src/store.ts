// The durable store: one SQLite file (DATA/collab.sqlite, WAL mode) shared by every server process
// pointed at the same data folder. Each room is a list of Yjs updates; an update is written, in a
// transaction, before the server applies or relays it. Compaction merges a room's rows into one
// inside an IMMEDIATE transaction, so it is safe while other processes append.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { Durability } from './options';

export interface StoredUpdate {
  room: string;
  update: Uint8Array;
}

export interface LoadedRoom {
  rows: number;
  bytes: number;
  /** Rows that could not be read as Yjs updates and were left out. */
  unreadable: number;
}

const BUSY_TIMEOUT_MS = 10_000;

export class RoomStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, Uint8Array, number]>;
  private readonly selectRoom: Database.Statement<[string], { id: number; update: Uint8Array }>;
  private readonly countRoom: Database.Statement<[string], { rows: number }>;
  private readonly appendAll: (updates: readonly StoredUpdate[]) => void;
  private readonly compactRoom: Database.Transaction<(room: string) => number>;

  constructor(dataDir: string, durability: Durability) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'collab.sqlite'), { timeout: BUSY_TIMEOUT_MS });
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a committed transaction survives a crash of the process (the WAL is in the
    // OS's hands); FULL also syncs the WAL to disk on every commit, so it survives a power loss.
    this.db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS updates (
      room TEXT NOT NULL,
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      "update" BLOB NOT NULL,
      created INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, id);`);
    this.insert = this.db.prepare('INSERT INTO updates (room, "update", created) VALUES (?, ?, ?)');
    this.selectRoom = this.db.prepare('SELECT id, "update" FROM updates WHERE room = ? ORDER BY id');
    this.countRoom = this.db.prepare('SELECT COUNT(*) AS rows FROM updates WHERE room = ?');
    const deleteUpTo = this.db.prepare('DELETE FROM updates WHERE room = ? AND id <= ?');
    this.appendAll = this.db.transaction((updates: readonly StoredUpdate[]) => {
      const now = Date.now();
      for (const { room, update } of updates) this.insert.run(room, update, now);
    });
    this.compactRoom = this.db.transaction((room: string) => {
      const rows = this.selectRoom.all(room);
      if (rows.length < 2) return 0;
      const merged = mergeReadable(rows.map((row) => row.update));
      deleteUpTo.run(room, rows[rows.length - 1].id);
      this.insert.run(room, merged, Date.now());
      return rows.length;
    });
  }

  /** Writes updates in one transaction; when this returns they are committed. */
  append(updates: readonly StoredUpdate[]): void {
    if (updates.length) this.appendAll(updates);
  }

  /** Applies a room's stored updates to `doc` in one transaction (much faster than merging them first). */
  loadInto(room: string, doc: Y.Doc, origin: unknown): LoadedRoom {
    const rows = this.selectRoom.all(room);
    let bytes = 0;
    let unreadable = 0;
    doc.transact(() => {
      for (const { update } of rows) {
        bytes += update.byteLength;
        try {
          Y.applyUpdate(doc, update, origin);
        } catch {
          // The server never writes an unreadable row, but a damaged file might hold one.
          unreadable++;
        }
      }
    }, origin);
    return { rows: rows.length, bytes, unreadable };
  }

  rowCount(room: string): number {
    return this.countRoom.get(room)!.rows;
  }

  /** Merges a room's rows into one; returns how many rows were merged (0: nothing to do). */
  compact(room: string): number {
    // IMMEDIATE takes the write lock before reading, so no other process appends in between.
    return this.compactRoom.immediate(room);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Merges updates into one document state, garbage-collected (deleted text is dropped, so the row
 * is smaller than Y.mergeUpdates would make it). An unreadable row is left out rather than making
 * the whole room unreadable.
 */
function mergeReadable(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update);
      } catch {
        // left out, as loadInto does
      }
    }
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
