// Commands over the previous recommendations: the list behind a "Similar past recommendations"
// code lens, and the "Advocacy targets" table for the whole submission.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AdvocacyTargetsCommand, type SimilarRecommendation } from '../../../server/src/protocol';
import { LANGUAGE_ID } from '../languageClient';

/** The list behind the lens; the one picked is opened at its row, where its whole text is. */
export async function showSimilarRecommendations(similar: SimilarRecommendation[] = []): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    similar.map((recommendation) => ({
      label: recommendation.recommendingStates.join(', ') || recommendation.state,
      description: [recommendation.reference, recommendation.state].filter(Boolean).join(' · '),
      detail: recommendation.text,
      recommendation,
    })),
    { title: vscode.l10n.t('Similar past recommendations'), placeHolder: vscode.l10n.t('Pick one to open the row it comes from'), matchOnDetail: true },
  );
  if (!picked) return;
  const { uri, line } = picked.recommendation.source;
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(position, position) });
}

export async function showAdvocacyTargets(client: LanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a UPR submission (*.upr.md) to find whom to lobby for its recommendations.'));
    return;
  }
  const table = await client.sendRequest<string | null>('workspace/executeCommand', {
    command: AdvocacyTargetsCommand,
    arguments: [document.uri.toString()],
  });
  if (!table) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No previous recommendations are loaded: put UPR Info, OHCHR or UHRI exports in the recommendations folder.'));
    return;
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: table }));
}
