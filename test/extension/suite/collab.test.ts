// The first of two code-server windows editing one submission through a real collaboration
// server (see collabConfig.ts): it shares the document, then sees the second window's text and
// cursor, the language server checks the colleague's edit, and Undo takes back only its own.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SHARED_FIXTURE, SHARED_MARK, collabApi, collabTestConfig, tellRunner } from './collabConfig';
import { codeOf, linesMatching, openInEditor, summarize, waitFor, waitForDiagnostics, workspaceFile } from './helpers';
import { FIRST_ACK, FIRST_SENTENCE, FIRST_SENTENCE_AFTER, SECOND_PARAGRAPH, SECOND_OFFLINE } from './collabScript';

const PEER_WAIT_MS = 100_000; // the second window loads only once this one has shared

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
    await waitFor('the text the second window wrote offline', () => doc.getText().includes(SECOND_OFFLINE), PEER_WAIT_MS);
    await editor.edit((edit) => edit.insert(doc.positionAt(doc.getText().length), FIRST_ACK));
  });

  after(async () => {
    await vscode.commands.executeCommand('uprSubmission.collab.leave');
    if (!doc?.isDirty) return;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
