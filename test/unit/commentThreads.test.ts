import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { CommentThreads } from '../../client/src/collab/commentThreads';

/** One window's view of a room: its text document and its comments document. */
function client(): { text: Y.Doc; comments: Y.Doc; threads: CommentThreads } {
  const text = new Y.Doc();
  const comments = new Y.Doc();
  return { text, comments, threads: new CommentThreads(comments, text.getText('text')) };
}

/** Exchanges both documents' states between two clients, as the server would relay them. */
function sync(a: ReturnType<typeof client>, b: ReturnType<typeof client>): void {
  for (const key of ['text', 'comments'] as const) {
    Y.applyUpdate(b[key], Y.encodeStateAsUpdate(a[key], Y.encodeStateVector(b[key])));
    Y.applyUpdate(a[key], Y.encodeStateAsUpdate(b[key], Y.encodeStateVector(a[key])));
  }
}

const slice = (c: ReturnType<typeof client>, id: string) => {
  const range = c.threads.get(id)!.range!;
  return c.text.getText('text').toString().slice(range.start, range.end);
};

describe('co-editing review comments (threads in the comments document)', () => {
  it('keeps a thread on its words through concurrent edits before, inside and at the edges of its range', () => {
    const writer = client();
    const reviewer = client();
    writer.text.getText('text').insert(0, 'Roads in Osh are not accessible.');
    sync(writer, reviewer);
    const start = 'Roads in '.length;
    const id = reviewer.threads.add(start, start + 'Osh'.length, 'Cholpon', 'Which district?');
    sync(writer, reviewer);
    assert.equal(slice(writer, id), 'Osh');

    // Concurrently: the writer inserts before the range and types right after it; the other
    // writer inserts inside it and right before it.
    writer.text.getText('text').insert(0, 'In 2025, ');
    writer.text.getText('text').insert('In 2025, Roads in Osh'.length, ' city');
    reviewer.text.getText('text').insert(start + 1, '-');
    reviewer.text.getText('text').insert(start, 'southern ');
    sync(writer, reviewer);
    const text = writer.text.getText('text').toString();
    assert.equal(text, reviewer.text.getText('text').toString());
    assert.equal(text, 'In 2025, Roads in southern O-sh city are not accessible.');
    assert.equal(slice(writer, id), 'O-sh', 'text typed at either edge stays outside, inside it goes in');
    assert.deepEqual(writer.threads.get(id), reviewer.threads.get(id));
  });

  it('collapses a thread whose text was deleted to where the text was, and keeps an empty range as a point', () => {
    const a = client();
    a.text.getText('text').insert(0, 'one two three');
    const onTwo = a.threads.add(4, 7, 'A', 'about two');
    const point = a.threads.add(8, 8, 'A', 'here');
    a.text.getText('text').delete(3, 4); // "one three"
    assert.deepEqual(a.threads.get(onTwo)!.range, { start: 3, end: 3 });
    assert.deepEqual(a.threads.get(point)!.range, { start: 4, end: 4 });
    a.text.getText('text').insert(4, 'X');
    assert.deepEqual(a.threads.get(point)!.range, { start: 5, end: 5 }, 'a point stays before the character it was at');
  });

  it('merges replies, resolve and reopen between two clients, with both replies kept when they cross', () => {
    const writer = client();
    const reviewer = client();
    writer.text.getText('text').insert(0, 'Recommendation: ratify the Convention.');
    sync(writer, reviewer);
    const id = writer.threads.add(16, 22, 'Aigerim', 'Is "ratify" the right verb?');
    sync(writer, reviewer);
    assert.equal(reviewer.threads.list().length, 1);

    reviewer.threads.reply(id, 'Cholpon', 'Yes, with a deadline.');
    writer.threads.reply(id, 'Aigerim', 'Adding "by 2027".');
    sync(writer, reviewer);
    const bodies = (c: ReturnType<typeof client>) => c.threads.get(id)!.comments.map((comment) => `${comment.author}: ${comment.body}`);
    assert.deepEqual(bodies(writer), bodies(reviewer));
    assert.equal(bodies(writer).length, 3);
    assert.equal(bodies(writer)[0], 'Aigerim: Is "ratify" the right verb?');
    assert.ok(bodies(writer).includes('Cholpon: Yes, with a deadline.'));

    reviewer.threads.setResolved(id, true);
    sync(writer, reviewer);
    assert.equal(writer.threads.get(id)!.resolved, true);
    writer.threads.setResolved(id, false);
    sync(writer, reviewer);
    assert.equal(reviewer.threads.get(id)!.resolved, false);

    // Concurrent resolve and reopen: both clients end on the same state.
    writer.threads.setResolved(id, true);
    reviewer.threads.setResolved(id, false);
    sync(writer, reviewer);
    assert.equal(writer.threads.get(id)!.resolved, reviewer.threads.get(id)!.resolved);
  });

  it('tells observers of remote changes, and throws on a reply to a thread that does not exist', () => {
    const a = client();
    const b = client();
    let changes = 0;
    const stop = b.threads.observe(() => changes++);
    a.threads.add(0, 0, 'A', 'first');
    sync(a, b);
    assert.equal(changes, 1);
    stop();
    a.threads.add(0, 0, 'A', 'second');
    sync(a, b);
    assert.equal(changes, 1);
    assert.throws(() => a.threads.reply('no-such-thread', 'A', 'x'), /no comment thread no-such-thread/);
  });

  it('shows a thread without a range until its text arrives, and leaves out what another client wrote in another shape', () => {
    const writer = client();
    const late = client();
    writer.text.getText('text').insert(0, 'Text the late client has not seen.');
    const id = writer.threads.add(0, 4, 'A', 'on "Text"');
    // Only the comments document arrives first.
    Y.applyUpdate(late.comments, Y.encodeStateAsUpdate(writer.comments));
    assert.equal(late.threads.get(id)!.range, undefined);
    Y.applyUpdate(late.text, Y.encodeStateAsUpdate(writer.text));
    assert.deepEqual(late.threads.get(id)!.range, { start: 0, end: 4 });

    const threads = writer.comments.getMap('threads');
    writer.comments.transact(() => {
      threads.set('not-a-map', 'text' as never);
      const noComments = new Y.Map();
      threads.set('no-comments', noComments);
      const badComments = new Y.Map();
      threads.set('bad-comments', badComments);
      const list = new Y.Array();
      badComments.set('comments', list);
      list.push([{ id: 1, body: null }]);
      badComments.set('anchor', { start: 'nonsense', end: 7 });
    });
    assert.deepEqual(writer.threads.list().map((thread) => thread.id), [id]);
  });
});
