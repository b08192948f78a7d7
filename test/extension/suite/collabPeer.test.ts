// The second of the two co-editing windows (see collabConfig.ts): it joins the room the first
// window shared, where the room's text wins over its own differing draft (kept aside), sees the
// first window's text and selection, adds a paragraph, sees the first window's undo, and edits
// while the server is down (also after leaving and joining again, from the stored state).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SHARED_FIXTURE, START_SERVER_MARK, STOP_SERVER_MARK, collabApi, collabTestConfig, tellRunner } from './collabConfig';
import { COMMENTED_TEXT, FIRST_ACK, FIRST_COMMENT, FIRST_SENTENCE, REVIEWER_REPLY, SECOND_OFFLINE, SECOND_PARAGRAPH, SECOND_OFFLINE_REPLY, SECOND_REJOINED, SECOND_REPLY } from './collabScript';
import { linesMatching, openInEditor, waitFor, workspaceFile } from './helpers';

const WAIT_MS = 60_000;

describe('co-editing: two windows, one submission (second window)', function () {
  this.timeout(WAIT_MS + 20_000);
  const config = collabTestConfig()!;
  const uri = workspaceFile(SHARED_FIXTURE);
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;
  let draft: string;

  before(async () => {
    doc = await openInEditor(uri);
    editor = vscode.window.activeTextEditor!;
    draft = doc.getText();
  });

  it("joins the room: the room's text wins, the differing local draft is kept aside", async () => {
    const api = await collabApi();
    await vscode.commands.executeCommand('uprSubmission.collab.join', { invitation: config.invitation, uri });
    await waitFor(
      () => `the document to be bound (now: ${JSON.stringify(api.info(uri.toString()))})`,
      () => api.info(uri.toString())?.bound,
    );
    await waitFor("the first window's sentence", () => doc.getText().includes(FIRST_SENTENCE), WAIT_MS);
    const folder = vscode.Uri.joinPath(uri, '..');
    const asides = (await vscode.workspace.fs.readDirectory(folder))
      .map(([name]) => name)
      .filter((name) => /^co-editing\.local-.*\.upr\.md$/.test(name));
    assert.equal(asides.length, 1, `one copy kept aside: ${asides.join(', ')}`);
    const kept = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, asides[0])));
    assert.equal(kept, draft);
    assert.notEqual(doc.getText(), draft);
  });

  it("sees the review thread the first window and its reviewer wrote, on the same words, and replies", async () => {
    const api = await collabApi();
    const thread = await waitFor(
      'the review thread with the reviewer\'s reply',
      async () => (await api.review.threads(uri.toString())).find((candidate) => candidate.comments.some((comment) => comment.body === REVIEWER_REPLY)),
      WAIT_MS,
    );
    assert.equal(thread.comments[0].body, FIRST_COMMENT);
    assert.equal(doc.getText().slice(thread.range!.start, thread.range!.end), COMMENTED_TEXT);
    await api.review.reply(uri.toString(), thread.id, SECOND_REPLY);
  });

  it("sees the first window's selection, and adds a paragraph with its cursor after it", async () => {
    const api = await collabApi();
    const start = doc.getText().indexOf(FIRST_SENTENCE);
    const selection = { anchor: start + 1, head: start + FIRST_SENTENCE.length };
    await waitFor(
      () => `${config.peerName}'s selection ${JSON.stringify(selection)} (peers: ${JSON.stringify(api.info(uri.toString())?.peers)})`,
      () => api.info(uri.toString())?.peers.find((p) => p.name === config.peerName && p.cursor?.anchor === selection.anchor && p.cursor.head === selection.head),
      WAIT_MS,
    );
    const line = linesMatching(doc, /^3\. /)[0];
    await editor.edit((edit) => edit.insert(doc.lineAt(line).range.end, SECOND_PARAGRAPH));
    const end = doc.getText().indexOf(SECOND_PARAGRAPH) + SECOND_PARAGRAPH.length;
    editor.selection = new vscode.Selection(doc.positionAt(end), doc.positionAt(end));
  });

  it("sees the first window's undo take back only the first window's edit", async () => {
    await waitFor('the undo from the first window', () => !doc.getText().includes(FIRST_SENTENCE), WAIT_MS);
    assert.ok(doc.getText().includes(SECOND_PARAGRAPH));
  });

  it('keeps editing while the server is down, also after leaving and joining again, and its edits reach the first window once the server is back', async () => {
    const api = await collabApi();
    const info = () => api.info(uri.toString());
    const append = async (text: string) => assert.ok(await editor.edit((edit) => edit.insert(doc.positionAt(doc.getText().length), text)));
    tellRunner(STOP_SERVER_MARK);
    await waitFor(() => `the status "Offline" (now: ${JSON.stringify(info())})`, () => info()?.sync === 'offline' && /Offline/.test(info()?.statusBarText ?? ''), WAIT_MS);
    await append(SECOND_OFFLINE);
    const reviewThread = async () => (await api.review.threads(uri.toString())).find((thread) => thread.comments[0]?.body === FIRST_COMMENT);
    await api.review.reply(uri.toString(), (await reviewThread())!.id, SECOND_OFFLINE_REPLY);
    // As after a restart of VS Code: the room's state kept in the extension's storage binds the
    // document at once, without the server.
    await vscode.commands.executeCommand('uprSubmission.collab.leave');
    assert.equal(info(), undefined);
    await vscode.commands.executeCommand('uprSubmission.collab.join', { invitation: config.invitation, uri });
    assert.equal(info()?.bound, true, `bound while the server is down: ${JSON.stringify(info())}`);
    assert.notEqual(info()?.sync, 'synced');
    assert.ok((await reviewThread())?.comments.some((comment) => comment.body === SECOND_OFFLINE_REPLY), 'the offline reply, from the stored state');
    await append(SECOND_REJOINED);
    tellRunner(START_SERVER_MARK);
    await waitFor(() => `the status "Synced" (now: ${JSON.stringify(info())})`, () => info()?.sync === 'synced' && /Synced/.test(info()?.statusBarText ?? ''), WAIT_MS);
    await waitFor("the first window's answer to the offline edits", () => doc.getText().includes(FIRST_ACK), WAIT_MS);
    assert.ok(doc.getText().includes(SECOND_OFFLINE + SECOND_REJOINED));
  });

  after(async () => {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('uprSubmission.collab.leave');
  });
});
