// "Export factsheet for this section": the section at the cursor (or one the user picks), as an
// HTML page or a Word file, saved where the user chooses; the server makes the file.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FactsheetCommand, SubmissionPartsCommand, type FactsheetResult, type SubmissionParts } from '../../../server/src/protocol';
import { LANGUAGE_ID } from '../languageClient';

type Section = SubmissionParts['sections'][number];
type Format = 'html' | 'docx';

/** What a caller (a test, a keybinding) gives instead of the prompts: a section title, a format, a file. */
export interface FactsheetPreset {
  section?: string;
  format?: Format;
  target?: vscode.Uri;
}

export async function exportFactsheet(client: LanguageClient, preset: FactsheetPreset = {}): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a UPR submission (*.upr.md) to export a factsheet of one of its sections.'));
    return;
  }
  const { document } = editor;
  const uri = document.uri.toString();
  const parts = await client.sendRequest<SubmissionParts | null>('workspace/executeCommand', { command: SubmissionPartsCommand, arguments: [uri] });
  const sections = parts?.sections.filter((section) => !section.inRecommendations) ?? [];
  if (!sections.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This submission has no sections to make a factsheet of.'));
    return;
  }
  const section =
    preset.section !== undefined
      ? { title: preset.section }
      : (sectionAt(parts!.sections, editor.selection.active.line) ?? (await pickSection(sections)));
  if (!section) return;
  const format = preset.format ?? (await pickFormat(section.title));
  if (!format) return;
  const result = await client.sendRequest<FactsheetResult | null>('workspace/executeCommand', {
    command: FactsheetCommand,
    arguments: [uri, section.title, format],
  });
  if (!result || 'error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The factsheet could not be made: {0}', result?.error ?? vscode.l10n.t('the submission is no longer open')));
    return;
  }
  const target =
    preset.target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save factsheet'),
      defaultUri: defaultTarget(document.uri, result.title, format),
      filters: format === 'html' ? { [vscode.l10n.t('HTML page')]: ['html'] } : { [vscode.l10n.t('Word document')]: ['docx'] },
    }));
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(result.base64, 'base64'));
  // The offer stays while the command is done: its caller does not wait for the user to answer.
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Factsheet saved to {0}.', vscode.workspace.asRelativePath(target)), open).then((choice) => {
    if (choice === open) void vscode.env.openExternal(target);
  });
}

async function pickFormat(title: string): Promise<Format | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('HTML page'), description: vscode.l10n.t('for the browser and print'), format: 'html' as const },
      { label: vscode.l10n.t('Word document'), description: '.docx', format: 'docx' as const },
    ],
    { title: vscode.l10n.t('Factsheet on "{0}"', title) },
  );
  return picked?.format;
}

/**
 * The section the cursor is in; in a recommendations section nested in a thematic one, that
 * thematic section. Undefined above the first heading, in the submission's own recommendations,
 * or in a section that holds others (the title over the whole document): the user picks then.
 */
function sectionAt(sections: Section[], line: number): Section | undefined {
  const thematic = sections.filter((section) => !section.inRecommendations);
  const innermost = thematic.filter((section) => section.startLine <= line && line <= section.endLine).pop();
  const holdsOthers = innermost && thematic.some((other) => other.startLine > innermost.startLine && other.endLine <= innermost.endLine);
  return holdsOthers ? undefined : innermost;
}

async function pickSection(sections: Section[]): Promise<Section | undefined> {
  const picked = await vscode.window.showQuickPick(
    sections.map((section) => ({ label: section.title, section })),
    { title: vscode.l10n.t('Export factsheet for which section?') },
  );
  return picked?.section;
}

function defaultTarget(submission: vscode.Uri, title: string, format: Format): vscode.Uri | undefined {
  if (submission.scheme !== 'file') return undefined;
  const slug = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'section';
  const base = submission.path.replace(/\/[^/]*$/, '');
  const name = submission.path.slice(base.length + 1).replace(/(\.[a-z]{2})?\.upr\.md$/i, '');
  return submission.with({ path: `${base}/${name}-factsheet-${slug}.${format}` });
}
