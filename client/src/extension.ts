// Activation: start the language server, show the word count, register the commands.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenumberParagraphsCommand, ShowSimilarRecommendationsCommand } from '../../server/src/protocol';
import { activateCollab, type CollabApi } from './collab/activate';
import { exportToWord } from './commands/exportToWord';
import { exportFactsheet, type FactsheetPreset } from './commands/exportFactsheet';
import { newJointSubmission } from './commands/newSubmission';
import { importRecommendations } from './commands/importRecommendations';
import { prepareOralStatement, SpeakingTimeStatus, type StatementPreset } from './commands/oralStatement';
import { showAdvocacyTargets, showSimilarRecommendations } from './commands/references';
import { createLanguageClient, LANGUAGE_ID } from './languageClient';
import { WordCountStatus } from './statusBar';

/** What the extension offers other extensions and its tests. */
export interface UprSubmissionApi {
  /** Resolves once the language server is running. */
  ready: Promise<void>;
  /** The word count shown in the status bar, e.g. `1,234 / 5,630 words`. */
  statusBarText(): string | undefined;
  /** The speaking time shown while an oral statement is active, e.g. `$(clock) 2:35 / 5:00`. */
  speakingTimeText(): string | undefined;
  /** Live co-editing: the state of shared documents. */
  collab: CollabApi;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): UprSubmissionApi {
  client = createLanguageClient(context);
  const status = new WordCountStatus(client);
  const importOutput = vscode.window.createOutputChannel(vscode.l10n.t('UPR recommendation import'));
  const speakingTime = new SpeakingTimeStatus(client);
  context.subscriptions.push(
    status,
    importOutput,
    speakingTime,
    vscode.commands.registerCommand('uprSubmission.newJointSubmission', newJointSubmission),
    vscode.commands.registerCommand('uprSubmission.renumberParagraphs', renumberActiveDocument),
    vscode.commands.registerCommand(ShowSimilarRecommendationsCommand, showSimilarRecommendations),
    vscode.commands.registerCommand('uprSubmission.advocacyTargets', () => showAdvocacyTargets(client!)),
    vscode.commands.registerCommand('uprSubmission.importRecommendations', (source?: vscode.Uri) => importRecommendations(client!, importOutput, source)),
    vscode.commands.registerCommand('uprSubmission.exportToWord', (resource?: vscode.Uri, target?: vscode.Uri) => exportToWord(client!, resource, target)),
    vscode.commands.registerCommand('uprSubmission.exportFactsheet', (preset?: FactsheetPreset) => exportFactsheet(client!, preset)),
    vscode.commands.registerCommand('uprSubmission.prepareOralStatement', (preset?: StatementPreset) => prepareOralStatement(client!, speakingTime, preset)),
  );
  const ready = client.start().catch((error: unknown) => {
    void vscode.window.showErrorMessage(vscode.l10n.t('The UPR language server did not start: {0}', String(error)));
    throw error;
  });
  return { ready, statusBarText: () => status.text, speakingTimeText: () => speakingTime.text, collab: activateCollab(context) };
}

async function renumberActiveDocument(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a UPR submission (*.upr.md) to renumber its paragraphs.'));
    return;
  }
  // The language client registers the server's commands as VS Code commands.
  await vscode.commands.executeCommand(RenumberParagraphsCommand, document.uri.toString());
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
