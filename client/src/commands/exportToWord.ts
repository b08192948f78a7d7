// "Export submission to Word": the open submission in OHCHR's form, saved where the writer chooses
// (or where the caller says); the server makes and writes the file. A submission with errors is
// refused with the problems listed in a modal, which offers "Export anyway".

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportToWordCommand, type ExportToWordParams, type ExportToWordResult } from '../../../server/src/protocol';
import { LANGUAGE_ID } from '../languageClient';

/** The errors shown in the modal at most: the rest are counted. */
const ERRORS_SHOWN = 10;

/** Exports the submission (`resource`, else the active editor's) to `target` (else one the writer picks); the file written, if any. */
export async function exportToWord(client: LanguageClient, resource?: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = resource
    ? await vscode.workspace.openTextDocument(resource)
    : vscode.window.activeTextEditor?.document;
  if (document?.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a UPR submission (*.upr.md) to export it to Word.'));
    return undefined;
  }
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export submission to Word'),
      defaultUri: defaultTarget(document.uri),
      filters: { [vscode.l10n.t('Word document')]: ['docx'] },
    }));
  if (!file) return undefined;
  if (file.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Word file must be saved on this computer\'s disk.'));
    return undefined;
  }

  const run = (force: boolean) => {
    const params: ExportToWordParams = { target: file.fsPath, force };
    return client.sendRequest<ExportToWordResult | null>('workspace/executeCommand', { command: ExportToWordCommand, arguments: [document.uri.toString(), params] });
  };
  let result = await run(false);
  if (result && 'errors' in result) {
    const exportAnyway = vscode.l10n.t('Export anyway');
    const listed = result.errors.slice(0, ERRORS_SHOWN).map(({ line, character, code, message }) => `${line + 1}:${character + 1} ${code}: ${message}`);
    if (result.errors.length > ERRORS_SHOWN) listed.push(vscode.l10n.t('… and {0} more (see the Problems view).', result.errors.length - ERRORS_SHOWN));
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} has {1} errors. OHCHR may not accept it as it is.', path.basename(document.uri.path), result.errors.length),
      { modal: true, detail: listed.join('\n') },
      exportAnyway,
    );
    if (choice !== exportAnyway) return undefined;
    result = await run(true);
  }
  if (!result || 'errors' in result || 'error' in result) {
    const reason = result && 'error' in result ? result.error : vscode.l10n.t('the submission is no longer open');
    void vscode.window.showErrorMessage(vscode.l10n.t('The submission could not be exported: {0}', reason));
    return undefined;
  }
  const open = vscode.l10n.t('Open');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Exported to {0} ({1} of {2} words).', vscode.workspace.asRelativePath(file), result.words, result.limit), open)
    .then((choice) => (choice === open ? vscode.env.openExternal(file) : undefined));
  return file;
}

/** Beside the submission, with its name: `kyrgyzstan.upr.md` → `kyrgyzstan.docx`. */
function defaultTarget(source: vscode.Uri): vscode.Uri | undefined {
  if (source.scheme !== 'file') return undefined;
  return vscode.Uri.file(source.fsPath.replace(/(?:\.upr)?\.md$/i, '') + '.docx');
}
