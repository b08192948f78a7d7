// "Import recommendations...": the writer picks an export (UPR Info, OHCHR thematic list, UHRI
// CSV, or JSON), or the caller names it; the server checks every row and writes the project's JSON
// into the workspace's recommendations folder, or reports the bad rows by line and writes nothing.
// Rows that only look wrong are written, and listed in the output as warnings. A file of the same
// name is replaced only when the writer says so; "Keep both" writes `name-2.json` beside it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ImportRecommendationsCommand,
  type ImportRecommendationsParams,
  type ImportRecommendationsResult,
} from '../../../server/src/protocol';
import { importProblemLines } from '../../../server/src/importProblems';
import { isReferenceSource } from '../../../server/src/referenceSource';
import { SETTINGS_SECTION } from '../explicitSettings';
import { freeFileName } from './freeFileName';
import { fileExists } from './fileExists';

/** Imports `source` (else the export the writer picks) into the recommendations folder; the file written, if any. */
export async function importRecommendations(client: LanguageClient, output: vscode.OutputChannel, source?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the coalition\'s folder first: the recommendations are imported into it.'));
    return undefined;
  }
  const picked =
    source ??
    (await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import recommendations'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Recommendation exports')]: ['csv', 'json'] },
    }))?.[0];
  if (!picked) return undefined;
  const subfolder = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('references.folder')?.trim() || 'recommendations';
  const targetFolder = vscode.Uri.joinPath(folder.uri, subfolder);
  // A CSV in such a folder (the language server reads that of every workspace folder) is read as
  // it is: its JSON written as well would give every recommendation twice.
  const readFolders = (vscode.workspace.workspaceFolders ?? []).map((workspaceFolder) => vscode.Uri.joinPath(workspaceFolder.uri, subfolder).fsPath);
  if (/\.csv$/i.test(picked.fsPath) && isReferenceSource(picked.fsPath, readFolders)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is read from {1} as it is: importing it there would give its recommendations twice. Import exports kept outside {1}.', path.basename(picked.fsPath), subfolder),
    );
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(targetFolder);
  const target = await chooseTarget(targetFolder, `${path.basename(picked.fsPath).replace(/\.[^.]+$/, '')}.json`, picked);
  if (!target) return undefined;
  const params: ImportRecommendationsParams = { source: picked.fsPath, target: target.fsPath };
  const outcome = await client.sendRequest<ImportRecommendationsResult>('workspace/executeCommand', {
    command: ImportRecommendationsCommand,
    arguments: [params],
  });

  if ('error' in outcome) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The recommendations could not be imported: {0}', outcome.error));
    return undefined;
  }
  // As `upr import` prints them.
  const found = importProblemLines(picked.fsPath, outcome, vscode.l10n.t('warning'));
  output.clear();
  for (const line of found) output.appendLine(line);
  if (found.length) output.show(true);
  const where = vscode.workspace.asRelativePath(target);
  if (!outcome.written) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} problems in {1} (listed in the output); nothing was written.', outcome.errors.length, path.basename(picked.fsPath)),
    );
    return undefined;
  }
  if (outcome.warnings.length) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} recommendations imported into {1}, with {2} warnings (listed in the output).', outcome.records, where, outcome.warnings.length),
    );
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} recommendations imported into {1}.', outcome.records, where));
  }
  return target;
}

/**
 * The file to write, `fileName` in `folder`. When it exists and is not the source itself, the
 * writer chooses: replace it, keep both (the first free `name-N.json`), or, dismissing, nothing.
 */
async function chooseTarget(folder: vscode.Uri, fileName: string, source: vscode.Uri): Promise<vscode.Uri | undefined> {
  const target = vscode.Uri.joinPath(folder, fileName);
  if (target.fsPath === source.fsPath || !(await fileExists(target))) return target;
  const beside = freeFileName(fileName, (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name));
  const replace = vscode.l10n.t('Replace');
  const keepBoth = vscode.l10n.t('Keep both');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(target)),
    {
      modal: true,
      detail: vscode.l10n.t('Replace it with the recommendations of {0}, or keep both: the import is then written to {1}.', path.basename(source.fsPath), beside),
    },
    replace,
    keepBoth,
  );
  if (choice === replace) return target;
  return choice === keepBoth ? vscode.Uri.joinPath(folder, beside) : undefined;
}
