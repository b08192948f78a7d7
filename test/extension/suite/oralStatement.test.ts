import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SAMPLE, extensionApi, openInEditor, waitFor, workspaceFile, type UprApi } from './helpers';

interface SpeakingTimeApi extends UprApi {
  speakingTimeText(): string | undefined;
}

const CLOCK = /^\$\(clock\) (\d+):(\d\d) \/ 5:00$/;

function secondsOf(text: string | undefined): number | undefined {
  const match = text && CLOCK.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

describe('UPR: Prepare oral statement', () => {
  let statementDocument: vscode.TextDocument | undefined;

  // The statement is an edited untitled document: reverted, it closes without asking to be saved.
  afterEach(async () => {
    if (!statementDocument || statementDocument.isClosed) return;
    await vscode.window.showTextDocument(statementDocument);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the statement from chosen parts and times it in the status bar as it is edited', async () => {
    await openInEditor(workspaceFile(SAMPLE));
    const api = (await extensionApi()) as unknown as SpeakingTimeApi;
    await api.ready;
    // The inclusive education section and its first two recommendations (the sample's 4th and 5th).
    await vscode.commands.executeCommand('uprSubmission.prepareOralStatement', { sections: ['IV. Inclusive education'], recommendations: [3, 4] });
    const statement = await waitFor(
      () => `a statement editor (active: ${vscode.window.activeTextEditor?.document.uri.toString()})`,
      () => {
        const editor = vscode.window.activeTextEditor;
        return editor?.document.languageId === 'markdown' && editor.document.isUntitled ? editor : undefined;
      },
    );
    statementDocument = statement.document;
    const text = statement.document.getText();
    assert.match(text, /^Thank you, Chair\.\n\nI am speaking on behalf of Inclusive Kyrgyzstan UPR Coalition\.\n\nRecommendations to provide high-quality education for all/);
    assert.match(text, /We therefore call on the Government of Kyrgyzstan to:\n\n1\. allocate, from the 2026 budget, [^\n]*;\n2\. adopt by 2027 a time-bound plan[^\n]*\.\n\nThank you\.\n$/);

    let shown: string | undefined;
    const first = await waitFor(
      () => `a speaking time under five minutes (shown: ${JSON.stringify(shown)})`,
      () => {
        shown = api.speakingTimeText();
        const seconds = secondsOf(shown);
        return seconds !== undefined && seconds > 60 && seconds < 300 ? seconds : undefined;
      },
    );
    // 700 more words are over five minutes at 130 words a minute.
    const more = `\n${Array.from({ length: 700 }, () => 'word').join(' ')}\n`;
    await statement.edit((edit) => edit.insert(statement.document.positionAt(statement.document.getText().length), more));
    const later = await waitFor(
      () => `a speaking time past five minutes (shown: ${JSON.stringify(shown)})`,
      () => {
        shown = api.speakingTimeText();
        const seconds = secondsOf(shown);
        return seconds !== undefined && seconds > 300 ? seconds : undefined;
      },
    );
    // 700 words at 130 a minute are 323 seconds, give or take the rounding of both times.
    assert.ok(Math.abs(later - first - 323) <= 1, `${first} s then ${later} s`);

    // Back on the submission, the clock is gone.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await openInEditor(workspaceFile(SAMPLE));
    await waitFor(() => `no speaking time on the submission (shown: ${JSON.stringify(api.speakingTimeText())})`, () => api.speakingTimeText() === undefined);
  });
});
