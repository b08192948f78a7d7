import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { colourForName, cursorField, peersOf } from '../../client/src/collab/peers';

describe('co-editing presence (awareness in the y-codemirror convention)', () => {
  it('gives a name the same hex colour every time, and different names different colours', () => {
    assert.equal(colourForName('Aigerim'), colourForName('Aigerim'));
    assert.match(colourForName('Болот'), /^#[0-9a-f]{6}$/);
    const colours = new Set(['Aigerim', 'Bolot', 'Cholpon', 'Dinara', 'Erlan'].map(colourForName));
    assert.ok(colours.size >= 4, `colours: ${[...colours]}`);
  });

  it("follows a peer's cursor through concurrent edits before it", () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    theirs.getText('text').insert(0, 'Hello world');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    // They select "world" (6..11) and announce it.
    const state = { user: { name: 'Bolot', color: '#ee6352' }, cursor: cursorField(theirs.getText('text'), { anchor: 6, head: 11 }) };
    // Meanwhile I insert before their selection.
    mine.getText('text').insert(0, '>> ');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    const [peer] = peersOf(new Map([[theirs.clientID, state]]), mine.getText('text'), mine.clientID);
    assert.deepEqual(peer, { clientId: theirs.clientID, name: 'Bolot', colour: '#ee6352', cursor: { anchor: 9, head: 14 } });
    assert.equal(mine.getText('text').toString().slice(9, 14), 'world');
  });

  it('leaves out this client, replaces what is malformed and never lets a colour out of hex', () => {
    const doc = new Y.Doc();
    const text = doc.getText('text');
    text.insert(0, 'abc');
    const states = new Map<number, Record<string, unknown>>([
      [doc.clientID, { user: { name: 'me', color: '#000000' } }],
      [1, { user: { name: 'Eve', color: 'red; background: url(x)' }, cursor: { anchor: 'nonsense', head: 7 } }],
      [2, {}],
      [3, { user: { name: '  Cholpon  ', color: '#abc' }, cursor: cursorField(text, { anchor: 1, head: 1 }) }],
    ]);
    assert.deepEqual(peersOf(states, text, doc.clientID), [
      { clientId: 2, name: '#2', colour: colourForName('#2') },
      { clientId: 3, name: 'Cholpon', colour: '#abc', cursor: { anchor: 1, head: 1 } },
      { clientId: 1, name: 'Eve', colour: colourForName('Eve') },
    ]);
  });
});
