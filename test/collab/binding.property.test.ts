// Several simulated editors (some CRLF, some LF), each with its own Y.Doc bound through
// SharedTextBinding and its own y-websocket client, make thousands of random concurrent edits
// (inserts, deletes, replaces, several cursors at once, undo and redo; line breaks, emoji, Cyrillic)
// through a real collaboration server. Then every Y.Text is the same, every editor shows it in its
// own line ending, no surrogate pair is split and no binding ever had to rewrite its editor.
// A seeded generator picks the edits; the seed is in the failure message (UPR_BINDING_SEED repeats it).

import assert from 'node:assert/strict';
import { SharedTextBinding } from '../../client/src/collab/sharedText';
import { Eol, LocalEdit, toShared } from '../../client/src/collab/textSync';
import { seededRandom } from '../seededRandom';
import { connectPeer, Peer, startServer, stopAll, waitFor, waitForSynced } from './helpers';
import { SimulatedEditor } from './simulatedEditor';

const OPERATIONS = 2500;
const EOLS: Eol[] = ['\n', '\r\n', '\n', '\r\n'];
const PIECES = ['a', 'text ', 'Права ', 'человека', 'ж', 'Ё', '😀', '👍🏽', '🇰🇬', '\n', '\n\n', ' ', '.', 'é'];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Writer {
  name: string;
  peer: Peer;
  editor: SimulatedEditor;
  binding: SharedTextBinding;
  logs: string[];
}

/** The nearest offset at or before `offset` where VS Code can put a cursor: not inside a CRLF or a surrogate pair. */
function cursorAt(text: string, offset: number): number {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if ((before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)) return offset - 1;
  return offset;
}

/** One random change event: an insert, a delete or a replace, at one to three cursors. */
function randomEdits(text: string, random: () => number): LocalEdit[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const cursors = random() < 0.1 ? 2 + Math.floor(random() * 2) : 1;
  const edits: LocalEdit[] = [];
  let end = text.length;
  // Cursors from the end backwards, so that their ranges do not overlap.
  for (let cursor = 0; cursor < cursors && end >= 0; cursor++) {
    const start = cursorAt(text, Math.floor(random() * (end + 1)));
    const kind = random();
    const wanted = kind < 0.5 ? 0 : 1 + Math.floor(random() * 12);
    let stop = start;
    while (stop < Math.min(end, start + wanted)) stop++;
    stop = cursorAt(text, stop);
    if (stop < start) stop = start;
    const insert = kind < 0.8 ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(PIECES)).join('') : '';
    edits.push({ offset: start, length: stop - start, text: insert });
    end = start - 1;
  }
  return edits.filter((edit) => edit.length > 0 || edit.text !== '');
}

function describeWriters(writers: Writer[]): string {
  return writers
    .map((w) => `${w.name}: Y.Text ${w.peer.text.length} chars, editor ${w.editor.getText().length}, applying ${w.editor.outstanding}, logs ${JSON.stringify(w.logs.slice(0, 3))}`)
    .join('\n');
}

describe('SharedTextBinding over a real collaboration server', () => {
  after(stopAll);

  it('converges after thousands of random concurrent edits from CRLF and LF editors', async function () {
    // Every Y.Text event walks the whole text (Yjs computes its delta so): allow a loaded machine time.
    this.timeout(120_000);
    const seed = Number(process.env.UPR_BINDING_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    const server = await startServer({ args: ['--max-updates-per-second', '100000'] });
    const room = 'binding-property';
    const writers: Writer[] = [];
    for (const [index, eol] of EOLS.entries()) {
      const name = `writer${index}`;
      const peer = connectPeer(server, room, server.token(room, name));
      await waitForSynced(peer);
      const editor = new SimulatedEditor('', eol, random);
      const logs: string[] = [];
      const binding = new SharedTextBinding(peer.text, editor, { origin: { name }, log: (message) => logs.push(message) });
      editor.onDidChange((changes) => binding.handleLocalChanges(changes));
      writers.push({ name, peer, editor, binding, logs });
    }
    try {
      let operations = 0;
      while (operations < OPERATIONS) {
        const writer = writers[Math.floor(random() * writers.length)];
        const roll = random();
        if (roll < 0.01) writer.binding.undo();
        else if (roll < 0.015) writer.binding.redo();
        else {
          const edits = randomEdits(writer.editor.getText(), random);
          if (edits.length > 0) writer.editor.type(edits);
        }
        operations++;
        // Now and then let the network and the editors' pending applies move on, sometimes for longer.
        if (random() < 0.3) await new Promise((resolve) => (random() < 0.2 ? setTimeout(resolve, 1) : setImmediate(resolve)));
      }

      await waitFor(
        () => {
          const shared = writers[0].peer.text.toString();
          return writers.every(
            (w) => w.peer.text.toString() === shared && w.editor.outstanding === 0 && toShared(w.editor.getText()) === shared,
          );
        },
        `all editors and Y.Texts to agree (seed ${seed})`,
        30_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${describeWriters(writers)}`);
      });

      const shared = writers[0].peer.text.toString();
      const context = `seed ${seed}`;
      assert.ok(shared.length > 0, `the editors wrote something (${context})`);
      assert.ok(!shared.includes('\r'), `Y.Text holds LF line breaks only (${context})`);
      for (const w of writers) {
        const text = w.editor.getText();
        assert.equal(w.peer.text.toString(), shared, `${w.name}'s Y.Text (${context})`);
        assert.equal(toShared(text), shared, `${w.name}'s editor (${context})`);
        if (w.editor.eol === '\n') assert.ok(!text.includes('\r'), `${w.name} kept LF (${context})`);
        else assert.ok(!/(?<!\r)\n/.test(text), `${w.name} kept CRLF (${context})`);
        assert.doesNotMatch(text, LONE_SURROGATE, `${w.name}: no surrogate pair split (${context})`);
        assert.deepEqual(w.logs, [], `${w.name} never had to rewrite its editor (${context})`);
      }
      assert.ok(writers.some((w) => w.editor.refused > 0), `some remote edits met a writer typing and were sent again (${context})`);
    } finally {
      for (const w of writers) {
        w.binding.dispose();
        w.peer.destroy();
      }
    }
  });
});
