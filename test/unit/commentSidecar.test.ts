import assert from 'node:assert/strict';
import { brokenSidecarPath, parseSidecar, serializeSidecar, shiftThreads, sidecarPath, type LocalThread } from '../../client/src/collab/commentSidecar';
import { applyLocalChanges, type LocalChange } from '../../client/src/collab/textSync';

const comment = (body: string) => ({ id: `c-${body}`, author: 'Cholpon', body, created: '2026-11-28T01:00:00.000Z' });

function thread(text: string, words: string, body = 'note'): LocalThread {
  const start = text.indexOf(words);
  return { id: `t-${words}`, start, end: start + words.length, resolved: false, comments: [comment(body)] };
}

describe('co-editing review comments outside a room (the sidecar file)', () => {
  it('names the sidecar and the place a broken one is kept after the submission', () => {
    assert.equal(sidecarPath('/w/kg.upr.md'), '/w/kg.upr.md.comments.json');
    assert.equal(brokenSidecarPath('/w/kg.upr.md', new Date('2026-11-28T01:02:03.456Z')), '/w/kg.upr.md.comments.broken-2026-11-28T01-02-03.json');
  });

  it('writes ranges as lines and characters and reads them back, also in a CRLF document with Cyrillic', () => {
    const text = 'Первая строка\r\n1. Дороги в Оше недоступны.\r\n';
    const threads = [thread(text, 'Оше'), { ...thread(text, 'Первая'), resolved: true }];
    const json = serializeSidecar(threads, text);
    const file = JSON.parse(json);
    assert.equal(file.format, 'upr-comments/1');
    assert.deepEqual(file.threads[0].range, { start: { line: 1, character: 12 }, end: { line: 1, character: 15 } });
    const read = parseSidecar(json, text);
    assert.deepEqual(read, { ok: true, threads });
  });

  it('moves ranges with edits before, inside and at the edges, and collapses a deleted range', () => {
    let text = 'Roads in Osh are bad.';
    const threads = [thread(text, 'Osh'), thread(text, 'bad')];
    const edit = (changes: LocalChange[]) => {
      text = applyLocalChanges(text, changes);
      shiftThreads(threads, changes);
    };
    const words = () => threads.map((t) => text.slice(t.start, t.end));
    edit([{ rangeOffset: 0, rangeLength: 0, text: 'In 2025, ' }]);
    assert.deepEqual(words(), ['Osh', 'bad']);
    // One event with two changes: text typed right before "Osh" and right after it stays outside.
    const at = text.indexOf('Osh');
    edit([
      { rangeOffset: at, rangeLength: 0, text: 'southern ' },
      { rangeOffset: at + 3, rangeLength: 0, text: ' city' },
    ]);
    assert.deepEqual(words(), ['Osh', 'bad']);
    edit([{ rangeOffset: text.indexOf('Osh') + 1, rangeLength: 1, text: 'SS' }]);
    assert.deepEqual(words(), ['OSSh', 'bad']);
    edit([{ rangeOffset: text.indexOf('are '), rangeLength: 'are bad'.length, text: 'is' }]);
    assert.deepEqual(words(), ['OSSh', 'is'], 'a range replaced as a whole holds the new text');
    edit([{ rangeOffset: text.indexOf(' southern'), rangeLength: ' southern OSSh city'.length, text: '' }]);
    assert.equal(threads[0].start, threads[0].end);
    assert.equal(threads[0].start, 'In 2025, Roads in'.length);
  });

  it('refuses a sidecar that is not JSON or not of the schema, saying why', () => {
    const notJson = parseSidecar('{"format": "upr-comments/1", "threads": [', 'text');
    assert.equal(notJson.ok, false);
    assert.match((notJson as { problem: string }).problem, /^not JSON/);
    const wrongShape = parseSidecar(JSON.stringify({ format: 'upr-comments/1', threads: [{ id: 'x', range: { start: { line: -1, character: 0 } }, resolved: 'no', comments: [] }] }), 'text');
    assert.equal(wrongShape.ok, false);
    assert.match((wrongShape as { problem: string }).problem, /\/threads\/0/);
    assert.equal(parseSidecar(JSON.stringify({ format: 'upr-comments/2', threads: [] }), '').ok, false);
  });

  it('clamps a range past the end of a shorter text to the text', () => {
    const json = JSON.stringify({ format: 'upr-comments/1', threads: [{ id: 't', range: { start: { line: 0, character: 40 }, end: { line: 9, character: 0 } }, resolved: false, comments: [comment('x')] }] });
    const read = parseSidecar(json, 'short\nline');
    assert.deepEqual(read.ok && read.threads.map((t) => [t.start, t.end]), [[5, 10]]);
  });
});
