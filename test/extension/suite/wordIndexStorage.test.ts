import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID, openInEditor, SAMPLE, waitFor, workspaceFile } from './helpers';

// The language server keeps the word index of the workspace's previous recommendations (here the
// sample index under recommendations/) in the extension's storage for the workspace, which lives
// in the user data folder the runner gave VS Code.
describe('word index of previous recommendations', () => {
  it("is saved in the extension's storage for the workspace", async () => {
    const userData = process.env.UPR_TEST_USER_DATA_DIR;
    assert.ok(userData, 'the runner names the user data folder in UPR_TEST_USER_DATA_DIR');
    // Opening a submission starts the extension and its language server.
    await openInEditor(workspaceFile(SAMPLE));
    const storage = join(userData, 'User', 'workspaceStorage');
    const saved = await waitFor('a word-index.json in the workspace storage', () => {
      if (!existsSync(storage)) return undefined;
      return readdirSync(storage)
        .map((workspace) => join(storage, workspace, EXTENSION_ID, 'word-index.json'))
        .find((file) => existsSync(file));
    });
    const text = readFileSync(saved, 'utf8');
    const newline = text.indexOf('\n');
    assert.match(text.slice(0, newline), /^[0-9a-f]{64}$/);
    const sample = JSON.parse(readFileSync(workspaceFile('recommendations/kyrgyzstan-2010-sample.json').fsPath, 'utf8'));
    assert.equal(JSON.parse(text.slice(newline + 1)).records, sample.recommendations.length);
  });
});
