// The first of two code-server windows editing one submission through a real collaboration
// server (see collabConfig.ts): it shares the document, then sees the second window's text and
// cursor, the language server checks the colleague's edit, and Undo takes back only its own.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SHARED_FIXTURE, SHARED_MARK, collabApi, collabTestConfig, tellRunner } from './collabConfig';
import { codeOf, linesMatching, openInEditor, summarize, waitFor, waitForDiagnostics, workspaceFile } from './helpers';
import {
  COMMENTED_TEXT,
  FIRST_ACK,
  FIRST_COMMENT,
  FIRST_SENTENCE,
  FIRST_SENTENCE_AFTER,
  REVIEWER_REPLY,
  SECOND_OFFLINE,
  SECOND_OFFLINE_REPLY,
  SECOND_PARAGRAPH,
  SECOND_REJOINED,
  SECOND_REPLY,
} from './collabScript';

const PEER_WAIT_MS = 100_000; // the second window loads only once this one has shared
const REVIEWER = 'Cholpon';
const REVIEW_NOTE = ' Ready for review.';
/** Long enough to end below what an editor shows. */
const REVIEWED_TEXT = `\n\n${Array.from({ length: 80 }, (_, i) => `Line ${i + 1} for the reviewer.`).join('\n')}`;

describe('co-editing: two windows, one submission (first window)', function () {
  this.timeout(PEER_WAIT_MS + 20_000);
  const config = collabTestConfig()!;
  const uri = workspaceFile(SHARED_FIXTURE);
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  before(async () => {
    doc = await openInEditor(uri);
    editor = vscode.window.activeTextEditor!;
  });

  it('shares the submission in a room of the collaboration server', async () => {
    const api = await collabApi();
    await vscode.commands.executeCommand('uprSubmission.collab.join', { invitation: config.invitation, uri });
    const info = await waitFor(
      () => `the document to be bound and synced (now: ${JSON.stringify(api.info(uri.toString()))})`,
      () => {
        const now = api.info(uri.toString());
        return now?.bound && now.sync === 'synced' ? now : undefined;
      },
    );
    assert.equal(info.refusal, undefined);
    assert.match(info.statusBarText ?? '', /Synced/);
    tellRunner(SHARED_MARK);
  });

  it('is refused with a forged token: the join ends, the document stays as it was and unshared', async () => {
    const api = await collabApi();
    const forged = config.invitation.replace(/token=([^&]*)/, (_, token: string) => `token=${token.slice(0, -4)}AAAA`);
    assert.notEqual(forged, config.invitation);
    const otherUri = workspaceFile('refused.upr.md');
    const text = 'A local text that no room may replace.\n';
    await vscode.workspace.fs.writeFile(otherUri, new TextEncoder().encode(text));
    try {
      // Resolves (rather than reconnecting for ever) once the server has refused the token.
      const session = await vscode.commands.executeCommand('uprSubmission.collab.join', { invitation: forged, uri: otherUri });
      assert.equal(session, undefined);
      assert.equal(api.info(otherUri.toString()), undefined);
      assert.equal(vscode.window.activeTextEditor?.document.getText(), text);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(otherUri);
      editor = await vscode.window.showTextDocument(doc);
    }
  });

  it("invites a reviewer, who is present and follows the writer's cursor in a read-only editor", async () => {
    const api = await collabApi();
    const invitation = await vscode.commands.executeCommand<string>('uprSubmission.collab.invite', { user: REVIEWER, role: 'reviewer' });
    assert.ok(invitation, 'the server gave an invitation');
    assert.equal(await vscode.env.clipboard.readText(), invitation);
    const reviewerUri = workspaceFile('reviewer-copy.upr.md');
    await vscode.workspace.fs.writeFile(reviewerUri, new Uint8Array());
    // Without a name of one's own in the settings, the name the token carries.
    const settings = vscode.workspace.getConfiguration('uprSubmission.collab');
    await settings.update('userName', undefined, vscode.ConfigurationTarget.Workspace);
    try {
      // The same window joins the room a second time, as the reviewer, with a document of its own.
      await vscode.commands.executeCommand('uprSubmission.collab.join', { invitation, uri: reviewerUri });
      const reviewerDoc = vscode.window.activeTextEditor!.document;
      assert.equal(reviewerDoc.uri.toString(), reviewerUri.toString());
      assert.equal(api.info(reviewerUri.toString())?.role, 'reviewer');
      assert.equal(reviewerDoc.getText(), doc.getText(), "the room's text");
      await waitFor(`${REVIEWER} present for the writer`, () => api.info(uri.toString())?.peers.some((p) => p.name === REVIEWER));

      // Review comments: the writer comments on a range; the reviewer (whose text edits the server
      // drops) sees the thread on the same words, replies and resolves; the writer sees both and reopens.
      const commented = doc.getText().indexOf(COMMENTED_TEXT);
      const threadId = await api.review.add(uri.toString(), commented, commented + COMMENTED_TEXT.length, FIRST_COMMENT);
      const threadAt = async (target: vscode.Uri) => (await api.review.threads(target.toString())).find((thread) => thread.id === threadId);
      const seen = await waitFor("the writer's thread at the reviewer", () => threadAt(reviewerUri));
      assert.equal(seen.source, 'room');
      assert.deepEqual(seen.comments, [{ author: config.ownName, body: FIRST_COMMENT }]);
      assert.equal(reviewerDoc.getText().slice(seen.range!.start, seen.range!.end), COMMENTED_TEXT);
      await api.review.reply(reviewerUri.toString(), threadId, REVIEWER_REPLY);
      await api.review.setResolved(reviewerUri.toString(), threadId, true);
      const answered = await waitFor("the reviewer's reply and resolve at the writer", async () => {
        const thread = await threadAt(uri);
        return thread?.resolved && thread.comments.length >= 2 ? thread : undefined;
      });
      assert.deepEqual(answered.comments[1], { author: REVIEWER, body: REVIEWER_REPLY });
      await api.review.setResolved(uri.toString(), threadId, false);
      await waitFor('the reopen at the reviewer', async () => (await threadAt(reviewerUri))?.resolved === false);

      // The reviewer, beside the writer, follows the writer's cursor.
      const reviewerEditor = await vscode.window.showTextDocument(reviewerDoc, vscode.ViewColumn.Two);
      assert.equal(await vscode.commands.executeCommand('uprSubmission.collab.followWriter', { name: config.ownName }), config.ownName);

      // Typing as a person does (the `type` command), then pasting a long text: it reaches the
      // reviewer, whose editor shows where the writer is, far below what it showed ...
      editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      const before = doc.getText();
      editor.selection = new vscode.Selection(doc.positionAt(before.length), doc.positionAt(before.length));
      assert.equal(reviewerEditor.visibleRanges[0]?.start.line, 0, 'the reviewer sees the top');
      await vscode.commands.executeCommand('type', { text: REVIEW_NOTE });
      assert.equal(doc.getText(), before + REVIEW_NOTE, 'the writer typed');
      await editor.edit((edit) => edit.insert(doc.positionAt(doc.getText().length), REVIEWED_TEXT));
      const end = doc.positionAt(doc.getText().length);
      editor.selection = new vscode.Selection(end, end);
      await waitFor("the writer's text in the reviewer's editor", () => reviewerDoc.getText() === doc.getText());
      await waitFor(
        () => `line ${end.line + 1} in view for the reviewer (visible: ${reviewerEditor.visibleRanges.map((r) => `${r.start.line + 1}-${r.end.line + 1}`)})`,
        () => reviewerEditor.visibleRanges.some((range) => range.contains(end)),
      );
      // ... while the reviewer's editor takes no typing.
      await vscode.window.showTextDocument(reviewerDoc, vscode.ViewColumn.Two);
      await vscode.commands.executeCommand('type', { text: 'x' });
      assert.equal(reviewerDoc.getText(), doc.getText(), "the reviewer's editor is read-only");

      // The writer takes it all back (one or two undo steps, as typing and pasting fall).
      editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
      for (let step = 0; step < 3 && doc.getText() !== before; step++) {
        const current = doc.getText();
        assert.equal(await vscode.commands.executeCommand<boolean>('uprSubmission.collab.undo'), true);
        await waitFor('an undo step in the editor', () => doc.getText() !== current);
      }
      assert.equal(doc.getText(), before);
      await waitFor("the undo in the reviewer's editor", () => reviewerDoc.getText() === before);
    } finally {
      await settings.update('userName', config.ownName, vscode.ConfigurationTarget.Workspace);
      await vscode.window.showTextDocument(reviewerUri, { viewColumn: vscode.ViewColumn.Two });
      await vscode.commands.executeCommand('uprSubmission.collab.leave');
      await vscode.commands.executeCommand('workbench.action.closeEditorsInGroup');
      await vscode.workspace.fs.delete(reviewerUri);
      editor = await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    }
    await waitFor(`${REVIEWER} gone`, () => !api.info(uri.toString())?.peers.some((p) => p.name === REVIEWER));
  });

  it("sees the colleague's text and cursor, and the language server checks the colleague's edit", async () => {
    const api = await collabApi();
    const line = linesMatching(doc, /^1\. /)[0];
    // Typing as a writer does, then selecting the new sentence.
    await editor.edit((edit) => edit.insert(doc.lineAt(line).range.end, FIRST_SENTENCE));
    const start = doc.getText().indexOf(FIRST_SENTENCE);
    editor.selection = new vscode.Selection(doc.positionAt(start + 1), doc.positionAt(start + FIRST_SENTENCE.length));

    await waitFor('the second window\'s paragraph', () => doc.getText().includes(SECOND_PARAGRAPH), PEER_WAIT_MS);
    const paragraphEnd = doc.getText().indexOf(SECOND_PARAGRAPH) + SECOND_PARAGRAPH.length;
    const peer = await waitFor(
      () => `${config.peerName}'s cursor at offset ${paragraphEnd} (peers: ${JSON.stringify(api.info(uri.toString())?.peers)})`,
      () => api.info(uri.toString())?.peers.find((p) => p.name === config.peerName && p.cursor?.head === paragraphEnd),
    );
    assert.match(peer.colour, /^#[0-9a-f]{6}$/i);
    assert.match(api.info(uri.toString())?.statusBarText ?? '', /Synced .*2/);

    // The colleague answered the review thread too, which still sits on the same words.
    const thread = await waitFor("the second window's reply in the review thread", async () =>
      (await api.review.threads(uri.toString())).find((candidate) => candidate.comments.some((comment) => comment.body === SECOND_REPLY)),
    );
    assert.deepEqual(thread.comments.map((comment) => comment.body), [FIRST_COMMENT, REVIEWER_REPLY, SECOND_REPLY]);
    assert.equal(doc.getText().slice(thread.range!.start, thread.range!.end), COMMENTED_TEXT);

    // The colleague's paragraph "5." follows "3.": the language server reports the gap here.
    const [lineOfFive] = linesMatching(doc, /^5\. /);
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'numbering/gap' && d.range.start.line === lineOfFive));
    assert.ok(diagnostics.length, summarize(diagnostics));
  });

  it("takes back only its own edit on Undo, not the colleague's", async () => {
    await vscode.window.showTextDocument(doc);
    const undone = await vscode.commands.executeCommand<boolean>('uprSubmission.collab.undo');
    assert.equal(undone, true);
    await waitFor('the own sentence to be undone', () => !doc.getText().includes(FIRST_SENTENCE));
    assert.ok(doc.getText().includes(FIRST_SENTENCE_AFTER), 'the text around the undone sentence stays');
    assert.ok(doc.getText().includes(SECOND_PARAGRAPH), "the colleague's paragraph stays");
    // The second window, having seen the undo, writes while the server is down; once the server is
    // back, its text arrives here, and this window's answer ends the second window's part.
    await waitFor('the text the second window wrote offline', () => doc.getText().includes(SECOND_OFFLINE + SECOND_REJOINED), PEER_WAIT_MS);
    const api = await collabApi();
    await waitFor('the review reply the second window wrote offline', async () =>
      (await api.review.threads(uri.toString())).some((thread) => thread.comments.some((comment) => comment.body === SECOND_OFFLINE_REPLY)),
    );
    await editor.edit((edit) => edit.insert(doc.positionAt(doc.getText().length), FIRST_ACK));
  });

  after(async () => {
    await vscode.commands.executeCommand('uprSubmission.collab.leave');
    if (!doc?.isDirty) return;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
