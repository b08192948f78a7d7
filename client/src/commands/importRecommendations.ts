// "Import recommendations...": the writer picks an export (UPR Info, OHCHR thematic list, UHRI
// CSV, or JSON); the server checks every row and writes the project's JSON into the workspace's
// recommendations folder, or reports the bad rows by line and writes nothing.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ImportRecommendationsCommand,
  type ImportRecommendationsParams,
  type ImportRecommendationsResult,
} from '../../../server/src/protocol';
import { SETTINGS_SECTION } from '../explicitSettings';

export async function importRecommendations(client: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the coalition\'s folder first: the recommendations are imported into it.'));
    return;
  }
  const [source] =
    (await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import recommendations'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Recommendation exports')]: ['csv', 'json'] },
    })) ?? [];
  if (!source) return;
  const subfolder = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('references.folder')?.trim() || 'recommendations';
  const targetFolder = vscode.Uri.joinPath(folder.uri, subfolder);
  await vscode.workspace.fs.createDirectory(targetFolder);
  const target = vscode.Uri.joinPath(targetFolder, `${path.basename(source.fsPath).replace(/\.[^.]+$/, '')}.json`);
  const params: ImportRecommendationsParams = { source: source.fsPath, target: target.fsPath };
  const outcome = await client.sendRequest<ImportRecommendationsResult>('workspace/executeCommand', {
    command: ImportRecommendationsCommand,
    arguments: [params],
  });

  if ('error' in outcome) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The recommendations could not be imported: {0}', outcome.error));
  } else if (!outcome.written) {
    output.clear();
    for (const { line, message } of outcome.errors) output.appendLine(`${source.fsPath}:${line}: ${message}`);
    output.show(true);
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} problems in {1} (listed in the output); nothing was written.', outcome.errors.length, path.basename(source.fsPath)),
    );
  } else {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0} recommendations imported into {1}.', outcome.records, vscode.workspace.asRelativePath(target)),
    );
  }
}
