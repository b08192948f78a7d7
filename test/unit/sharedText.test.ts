import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { firstJoinDecision, SharedTextBinding } from '../../client/src/collab/sharedText';
import { Eol, toLocal } from '../../client/src/collab/textSync';
import { SimulatedEditor } from '../collab/simulatedEditor';

const RELAY = Symbol('relay');

interface Writer {
  doc: Y.Doc;
  text: Y.Text;
  editor: SimulatedEditor;
  binding: SharedTextBinding;
  origin: object;
  logs: string[];
  /** Transactions of this doc that carried the binding's origin. */
  ownUpdates: number;
}

const bindings: SharedTextBinding[] = [];

function writer(doc: Y.Doc, editorText: string, eol: Eol, maxApplyTicks = 3): Writer {
  const editor = new SimulatedEditor(editorText, eol, Math.random, maxApplyTicks);
  const origin = {};
  const logs: string[] = [];
  const binding = new SharedTextBinding(doc.getText('text'), editor, { origin, log: (message) => logs.push(message) });
  bindings.push(binding);
  editor.onDidChange((changes) => binding.handleLocalChanges(changes));
  const result: Writer = { doc, text: doc.getText('text'), editor, binding, origin, logs, ownUpdates: 0 };
  doc.on('update', (_update: Uint8Array, transactionOrigin: unknown) => {
    if (transactionOrigin === origin) result.ownUpdates++;
  });
  return result;
}

/** Relays every update between the docs at once, as a server would (only faster). */
function link(...docs: Y.Doc[]): void {
  for (const from of docs) {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === RELAY) return;
      for (const to of docs) if (to !== from) Y.applyUpdate(to, update, RELAY);
    });
  }
}

async function settle(...writers: Writer[]): Promise<void> {
  for (let round = 0; round < 3; round++) await Promise.all(writers.map((w) => w.binding.whenIdle()));
}

/** Waits (a bounded number of ticks) until the editor has an applyEdits call outstanding. */
async function untilApplying(editor: SimulatedEditor): Promise<void> {
  for (let tick = 0; tick < 100; tick++) {
    if (editor.outstanding > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the binding never started applying a remote change');
}

afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose();
});

describe('SharedTextBinding', () => {
  it('puts typing into Y.Text with LF line breaks, one transaction per change event', async () => {
    const alice = writer(new Y.Doc(), '', '\r\n');
    alice.editor.type([{ offset: 0, length: 0, text: 'Права\nчеловека 😀' }]);
    assert.equal(alice.editor.getText(), 'Права\r\nчеловека 😀');
    assert.equal(alice.text.toString(), 'Права\nчеловека 😀');
    const before = alice.ownUpdates;
    // Two cursors: one at the start of each line.
    alice.editor.type([
      { offset: 0, length: 0, text: '# ' },
      { offset: 7, length: 0, text: '- ' },
    ]);
    assert.equal(alice.ownUpdates - before, 1);
    assert.equal(alice.text.toString(), '# Права\n- человека 😀');
    await settle(alice);
    assert.deepEqual(alice.logs, []);
  });

  it('brings a colleague’s change into a CRLF editor as CRLF, without echoing it back', async () => {
    const aliceDoc = new Y.Doc();
    const bobDoc = new Y.Doc();
    link(aliceDoc, bobDoc);
    const alice = writer(aliceDoc, '', '\r\n');
    const bob = writer(bobDoc, '', '\n');
    bob.editor.type([{ offset: 0, length: 0, text: 'первая строка\nsecond 👍🏽 line\n' }]);
    await settle(alice, bob);
    assert.equal(alice.editor.getText(), 'первая строка\r\nsecond 👍🏽 line\r\n');
    assert.equal(alice.ownUpdates, 0, 'the applied remote change did not come back into Y.Text');
    assert.equal(alice.editor.applied, 1);
    bob.editor.type([{ offset: 6, length: 7, text: '' }]);
    await settle(alice, bob);
    assert.equal(alice.editor.getText(), 'первая\r\nsecond 👍🏽 line\r\n');
    assert.equal(alice.ownUpdates, 0);
    assert.equal(aliceDoc.getText('text').toString(), bobDoc.getText('text').toString());
    assert.deepEqual([...alice.logs, ...bob.logs], []);
  });

  it('keeps typing done while a remote change is on its way into the editor, once', async () => {
    const aliceDoc = new Y.Doc();
    const bobDoc = new Y.Doc();
    link(aliceDoc, bobDoc);
    const alice = writer(aliceDoc, '', '\r\n', 5);
    const bob = writer(bobDoc, '', '\n');
    bob.editor.type([{ offset: 0, length: 0, text: 'one\ntwo\n' }]);
    await settle(alice, bob);
    bob.editor.type([{ offset: 4, length: 0, text: 'Bob ' }]);
    await untilApplying(alice.editor);
    // Alice types at the end while her editor does not show "Bob " yet: the editor refuses the stale edit.
    alice.editor.type([{ offset: alice.editor.getText().length, length: 0, text: 'Алиса' }]);
    await settle(alice, bob);
    assert.ok(alice.editor.refused >= 1, 'the remote edit was refused once and sent again');
    assert.equal(alice.editor.getText(), 'one\r\nBob two\r\nАлиса');
    assert.equal(bob.editor.getText(), 'one\nBob two\nАлиса');
    assert.equal(alice.text.toString(), 'one\nBob two\nАлиса');
    assert.deepEqual([...alice.logs, ...bob.logs], []);
  });

  it('does not take its own edit, applied late by a careless editor, for typing', async () => {
    const aliceDoc = new Y.Doc();
    const bobDoc = new Y.Doc();
    link(aliceDoc, bobDoc);
    const alice = writer(aliceDoc, '', '\n', 5);
    alice.editor.checksVersion = false;
    const bob = writer(bobDoc, '', '\n');
    bob.editor.type([{ offset: 0, length: 0, text: 'one two' }]);
    await settle(alice, bob);
    bob.editor.type([{ offset: 4, length: 0, text: 'Bob ' }]);
    await untilApplying(alice.editor);
    alice.editor.type([{ offset: 0, length: 0, text: 'Алиса ' }]);
    await settle(alice, bob);
    assert.equal(bob.text.toString(), 'Алиса one Bob two', 'the late edit did not come back into Y.Text');
    assert.equal(alice.editor.getText(), 'Алиса one Bob two');
    assert.equal(bob.editor.getText(), 'Алиса one Bob two');
    assert.equal(alice.logs.length, 1, 'the editor was rewritten, and that was logged');
  });

  it('rewrites a diverged editor from Y.Text and logs it', async () => {
    const aliceDoc = new Y.Doc();
    const bobDoc = new Y.Doc();
    link(aliceDoc, bobDoc);
    const alice = writer(aliceDoc, '', '\r\n');
    const bob = writer(bobDoc, '', '\n');
    bob.editor.type([{ offset: 0, length: 0, text: 'shared\ntext' }]);
    await settle(alice, bob);
    alice.editor.replaceSilently('something\r\nelse');
    assert.equal(await alice.binding.resync(), true);
    assert.equal(alice.editor.getText(), 'shared\r\ntext');
    assert.equal(alice.logs.length, 1);
    assert.match(alice.logs[0], /differed/);
    assert.equal(await alice.binding.resync(), false, 'nothing to do once they agree');
    // Also found without asking, at the next remote change.
    alice.editor.replaceSilently('lost\r\nevent');
    bob.editor.type([{ offset: 0, length: 0, text: '> ' }]);
    await settle(alice, bob);
    assert.equal(alice.editor.getText(), toLocal(alice.text.toString(), '\r\n'));
    assert.equal(alice.editor.getText(), '> shared\r\ntext');
    assert.equal(alice.logs.length, 2);
    assert.equal(bob.text.toString(), '> shared\ntext', 'Y.Text is never rewritten from a diverged editor');
  });

  for (const reportChange of [true, false]) {
    it(`follows a switch of the editor's line ending ${reportChange ? 'reported as one change' : 'without an event'}, without logging it`, async () => {
      const aliceDoc = new Y.Doc();
      const bobDoc = new Y.Doc();
      link(aliceDoc, bobDoc);
      const alice = writer(aliceDoc, '', '\r\n');
      const bob = writer(bobDoc, '', '\n');
      bob.editor.type([{ offset: 0, length: 0, text: 'one\ntwo\n' }]);
      await settle(alice, bob);
      alice.editor.switchEol('\n', reportChange);
      bob.editor.type([{ offset: 4, length: 0, text: 'and\n' }]);
      await settle(alice, bob);
      assert.equal(alice.editor.getText(), 'one\nand\ntwo\n');
      alice.editor.type([{ offset: 0, length: 0, text: 'zero\n' }]);
      assert.equal(bob.text.toString(), 'zero\none\nand\ntwo\n');
      assert.equal(alice.ownUpdates, 1);
      assert.deepEqual(alice.logs, []);
    });
  }

  it('takes an event that does not fit the editor text as a divergence', async () => {
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'abc');
    const alice = writer(doc, 'abc', '\n');
    alice.binding.handleLocalChanges([{ rangeOffset: 10, rangeLength: 2, text: 'x' }]);
    await settle(alice);
    assert.equal(alice.text.toString(), 'abc');
    assert.equal(alice.editor.getText(), 'abc');
    assert.match(alice.logs[0], /did not fit/);
  });

  it('shows the room’s text in an editor bound with a different text, and logs it', async () => {
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'room\ntext');
    const alice = writer(doc, 'local text', '\r\n');
    await settle(alice);
    assert.equal(alice.editor.getText(), 'room\r\ntext');
    assert.equal(alice.text.toString(), 'room\ntext');
    assert.equal(alice.logs.length, 1);
  });

  it('undoes and redoes only my own edits, keeping a colleague’s concurrent ones', async () => {
    const aliceDoc = new Y.Doc();
    const bobDoc = new Y.Doc();
    link(aliceDoc, bobDoc);
    const alice = writer(aliceDoc, '', '\r\n');
    const bob = writer(bobDoc, '', '\n');
    bob.editor.type([{ offset: 0, length: 0, text: 'Intro.\n' }]);
    await settle(alice, bob);
    assert.equal(alice.binding.undo(), false, 'nothing of mine to undo');
    alice.editor.type([{ offset: alice.editor.getText().length, length: 0, text: 'Alice’s 😀 paragraph.' }]);
    bob.editor.type([{ offset: 0, length: 0, text: 'Title\n' }]);
    await settle(alice, bob);
    assert.equal(bob.editor.getText(), 'Title\nIntro.\nAlice’s 😀 paragraph.');
    assert.equal(alice.binding.undo(), true);
    await settle(alice, bob);
    assert.equal(alice.editor.getText(), 'Title\r\nIntro.\r\n');
    assert.equal(bob.editor.getText(), 'Title\nIntro.\n');
    assert.equal(alice.binding.undo(), false);
    assert.equal(alice.binding.redo(), true);
    await settle(alice, bob);
    assert.equal(bob.editor.getText(), 'Title\nIntro.\nAlice’s 😀 paragraph.');
    assert.equal(alice.editor.getText(), 'Title\r\nIntro.\r\nAlice’s 😀 paragraph.');
    assert.equal(bob.binding.undo(), true);
    await settle(alice, bob);
    assert.equal(alice.editor.getText(), 'Alice’s 😀 paragraph.', 'Bob’s undo took back Bob’s edits only');
    assert.deepEqual([...alice.logs, ...bob.logs], []);
  });

  it('stops following Y.Text once disposed', async () => {
    const doc = new Y.Doc();
    const alice = writer(doc, '', '\n');
    alice.binding.dispose();
    doc.getText('text').insert(0, 'later');
    await alice.binding.whenIdle();
    assert.equal(alice.editor.getText(), '');
    alice.editor.type([{ offset: 0, length: 0, text: 'mine' }]);
    assert.equal(doc.getText('text').toString(), 'later');
  });
});

describe('firstJoinDecision', () => {
  it('lets an empty room take the local text', () => {
    assert.equal(firstJoinDecision('# Submission\r\n', ''), 'room-empty');
  });

  it('sees the same text whatever the local line ending', () => {
    assert.equal(firstJoinDecision('a\r\nб 😀\r\n', 'a\nб 😀\n'), 'same');
    assert.equal(firstJoinDecision('', ''), 'same');
  });

  it('lets a non-empty room win over a differing local text', () => {
    assert.equal(firstJoinDecision('mine', 'theirs'), 'room-wins-differs');
    assert.equal(firstJoinDecision('', 'theirs'), 'room-wins-differs');
  });
});
