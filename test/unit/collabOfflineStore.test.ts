import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { OfflineStore } from '../../client/src/collab/offlineStore';

describe('co-editing offline store', () => {
  let dir: string;
  const errors: string[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-offline-'));
    errors.length = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps edits made offline for the next session, where they merge with the room', () => {
    const store = new OfflineStore(path.join(dir, 'collab'), (message) => errors.push(message));
    const file = store.fileFor('ws://127.0.0.1:1234', 'room-1', 'file:///w/a.upr.md');
    const offline = new Y.Doc();
    offline.getText('text').insert(0, 'Жалоба 😀\r\n');
    store.scheduleSave(file, () => Y.encodeStateAsUpdate(offline));
    offline.getText('text').insert(0, 'Latest: ');
    store.flush(); // as on shutdown: the latest state, at once

    const restarted = new Y.Doc();
    Y.applyUpdate(restarted, store.load(file)!);
    assert.equal(restarted.getText('text').toString(), 'Latest: Жалоба 😀\r\n');
    const room = new Y.Doc();
    room.getText('text').insert(0, 'Room. ');
    Y.applyUpdate(room, Y.encodeStateAsUpdate(restarted));
    Y.applyUpdate(restarted, Y.encodeStateAsUpdate(room));
    assert.equal(room.getText('text').toString(), restarted.getText('text').toString());
    assert.match(room.getText('text').toString(), /Room\. /);
    assert.deepEqual(errors, []);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'collab')), [path.basename(file)], 'no temporary file left');
  });

  it('saves once after a pause, the latest state', async () => {
    const store = new OfflineStore(dir, (message) => errors.push(message));
    const file = store.fileFor('ws://127.0.0.1:1234', 'room-1', 'file:///w/a.upr.md');
    let calls = 0;
    for (let i = 0; i < 5; i++) store.scheduleSave(file, () => (calls++, new Uint8Array([i])));
    assert.equal(store.load(file), undefined);
    const deadline = Date.now() + 5_000;
    while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual([...store.load(file)!], [4]);
    assert.equal(calls, 1);
  });

  it('keeps servers, rooms and documents apart', () => {
    const store = new OfflineStore(dir, () => undefined);
    const files = new Set([
      store.fileFor('ws://127.0.0.1:1234', 'a', 'file:///w/a.upr.md'),
      store.fileFor('ws://127.0.0.1:1235', 'a', 'file:///w/a.upr.md'),
      store.fileFor('ws://127.0.0.1:1234', 'b', 'file:///w/a.upr.md'),
      store.fileFor('ws://127.0.0.1:1234', 'a', 'file:///v/a.upr.md'),
    ]);
    assert.equal(files.size, 4);
  });

  it('reports a state it cannot write or read instead of throwing', () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const store = new OfflineStore(path.join(blocker, 'collab'), (message) => errors.push(message));
    const file = store.fileFor('ws://127.0.0.1:1234', 'room-1', 'file:///w/a.upr.md');
    store.scheduleSave(file, () => new Uint8Array([1]));
    store.flush();
    assert.equal(errors.length, 1);
    assert.match(errors[0], /cannot save the offline state/);
    assert.equal(new OfflineStore(dir, () => undefined).load(path.join(dir, 'missing.yjs')), undefined);
  });
});
