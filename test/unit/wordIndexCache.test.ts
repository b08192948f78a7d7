// The word index saved between runs of the language server (server/src/wordIndexCache.ts), as
// loadReferences uses it: saved after the first load, restored at the next load of the same files,
// built anew when a file changed or the saved one is damaged.

import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadReferences, readSources, referenceSourceFiles } from '../../server/src/referenceFiles';
import { readWordIndex, writeWordIndex } from '../../server/src/wordIndexCache';

const SAMPLE_INDEX = resolve(__dirname, '../../samples/recommendations');

describe('saved word index', () => {
  let folder: string;
  let sources: string;
  let saved: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'upr-word-index-'));
    sources = join(folder, 'recommendations');
    saved = join(folder, 'storage');
    cpSync(SAMPLE_INDEX, sources, { recursive: true });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  async function loadAndSave() {
    const loaded = await loadReferences(readSources(referenceSourceFiles([sources])), { wordIndexFolder: saved });
    if (loaded.wordIndexToSave) await writeWordIndex(loaded.wordIndexToSave.folder, loaded.wordIndexToSave.key, loaded.library.index.saveWordIndex());
    return loaded;
  }

  it('is saved after the first load and restored at the next', async () => {
    const first = await loadAndSave();
    assert.equal(first.wordIndexToSave?.folder, saved);
    assert.equal(first.library.index.prepared, true);
    assert.deepEqual(readdirSync(saved), ['word-index.json']);
    const next = await loadAndSave();
    assert.equal(next.wordIndexToSave, undefined);
    assert.equal(next.library.index.prepared, true);
    const words = (loaded: typeof first) => loaded.library.index.search('violence women').map((hit) => hit.record.id);
    assert.ok(words(first).length > 0);
    assert.deepEqual(words(next), words(first));
  });

  it('is built anew when a source file changed', async () => {
    await loadAndSave();
    const [file] = referenceSourceFiles([sources]);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.recommendations[0].text = 'Ratify the zyxwvut convention';
    writeFileSync(file, JSON.stringify(data));
    const changed = await loadAndSave();
    assert.ok(changed.wordIndexToSave, 'the word index saved for the old file was restored');
    assert.equal(changed.savedWordIndexProblem, undefined);
    assert.equal(changed.library.index.search('zyxwvut').length, 1);
    assert.equal((await loadAndSave()).wordIndexToSave, undefined);
  });

  it('is built anew, and saved again, when the saved one is damaged', async () => {
    await loadAndSave();
    const file = join(saved, 'word-index.json');
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, whole.length / 2));
    const damaged = await loadAndSave();
    assert.ok(damaged.wordIndexToSave);
    assert.match(damaged.savedWordIndexProblem ?? '', /JSON/);
    assert.ok(damaged.library.index.search('violence').length > 0);
    assert.equal((await loadAndSave()).wordIndexToSave, undefined);
  });

  it('restores only for the key it was saved with', async () => {
    await writeWordIndex(saved, 'key-one', '{"saved":true}');
    assert.equal(readWordIndex(saved, 'key-one'), '{"saved":true}');
    assert.equal(readWordIndex(saved, 'key-two'), undefined);
    assert.equal(readWordIndex(join(folder, 'nowhere'), 'key-one'), undefined);
    appendFileSync(join(saved, 'word-index.json'), '\n');
    assert.equal(readWordIndex(saved, 'key-one'), '{"saved":true}\n');
    assert.deepEqual(readdirSync(saved), ['word-index.json'], 'a file written aside was left behind');
  });

  it('leaves nothing written aside when a write fails', async () => {
    // A folder in the way of the file makes the last step, the rename, fail.
    mkdirSync(join(saved, 'word-index.json', 'in the way'), { recursive: true });
    await assert.rejects(writeWordIndex(saved, 'key-one', '{}'));
    assert.deepEqual(readdirSync(saved), ['word-index.json']);
    assert.equal(readWordIndex(saved, 'key-one'), undefined);
  });
});
