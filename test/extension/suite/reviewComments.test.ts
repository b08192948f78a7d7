// Review comments on a submission that is not shared: kept in `<file>.comments.json` next to it,
// through the extension's review API (the calls the comments UI's commands make).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { collabApi } from './collabConfig';
import { openInEditor, waitFor, workspaceFile } from './helpers';

const TEXT = '---\ntype: joint\nstate: Kyrgyzstan\n---\n\n# Roads\n\n1. Roads in Osh are not accessible.\n';
const BROKEN = '{"format": "upr-comments/1", "threads": [ { "id": "half-written"';

async function readJson(uri: vscode.Uri): Promise<{ threads: { range: { start: { line: number; character: number } }; resolved: boolean; comments: { body: string }[] }[] }> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

describe('review comments outside a room (the sidecar file)', () => {
  const uri = workspaceFile('review-sidecar.upr.md');
  const sidecar = workspaceFile('review-sidecar.upr.md.comments.json');
  const brokenUri = workspaceFile('review-broken.upr.md');
  const brokenSidecar = workspaceFile('review-broken.upr.md.comments.json');

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const folder = vscode.Uri.joinPath(uri, '..');
    for (const [name] of await vscode.workspace.fs.readDirectory(folder)) {
      if (name.startsWith('review-sidecar.upr.md') || name.startsWith('review-broken.upr.md')) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name));
    }
  });

  it('keeps a thread next to the submission, moves it with the text, writes it again on save and reads it back', async () => {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
    const doc = await openInEditor(uri);
    const { review } = await collabApi();
    const start = TEXT.indexOf('Osh');
    const id = await review.add(uri.toString(), start, start + 3, 'Which district?');
    await review.reply(uri.toString(), id, 'Southern.');
    await review.setResolved(uri.toString(), id, true);
    let file = await readJson(sidecar);
    assert.deepEqual(file.threads[0].range.start, { line: 7, character: 12 });
    assert.deepEqual(file.threads[0].comments.map((comment) => comment.body), ['Which district?', 'Southern.']);
    assert.equal(file.threads[0].resolved, true);

    // Text typed before the thread and at its end: the thread stays on "Osh".
    const editor = vscode.window.activeTextEditor!;
    assert.ok(await editor.edit((edit) => edit.insert(doc.positionAt(start), 'southern ')));
    assert.ok(await editor.edit((edit) => edit.insert(doc.positionAt(doc.getText().indexOf('Osh') + 3), ' city')));
    const [moved] = await review.threads(uri.toString());
    assert.equal(moved.source, 'sidecar');
    assert.equal(doc.getText().slice(moved.range!.start, moved.range!.end), 'Osh');
    await doc.save();
    file = await waitFor('the sidecar written again on save', async () => {
      const now = await readJson(sidecar);
      return now.threads[0].range.start.character === 21 ? now : undefined;
    });
    assert.equal(file.threads.length, 1);

    // Closed and opened again: read from the file.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const reopened = await openInEditor(uri);
    const [read] = await review.threads(uri.toString());
    assert.equal(reopened.getText().slice(read.range!.start, read.range!.end), 'Osh');
    assert.equal(read.resolved, true);
    assert.equal(read.comments.length, 2);
  });

  it('leaves a sidecar it cannot read as it is, and keeps it aside before writing new comments', async () => {
    await vscode.workspace.fs.writeFile(brokenUri, new TextEncoder().encode(TEXT));
    await vscode.workspace.fs.writeFile(brokenSidecar, new TextEncoder().encode(BROKEN));
    await openInEditor(brokenUri);
    const { review } = await collabApi();
    assert.deepEqual(await review.threads(brokenUri.toString()), []);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(brokenSidecar)), BROKEN, 'reading leaves it as it is');

    await review.add(brokenUri.toString(), 0, 3, 'A new comment.');
    const folder = vscode.Uri.joinPath(brokenUri, '..');
    const asides = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((name) => name.startsWith('review-broken.upr.md.comments.broken-'));
    assert.equal(asides.length, 1, `kept aside: ${asides.join(', ')}`);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, asides[0]))), BROKEN);
    assert.ok(await exists(brokenSidecar));
    assert.deepEqual((await readJson(brokenSidecar)).threads[0].comments.map((comment) => comment.body), ['A new comment.']);
  });
});
