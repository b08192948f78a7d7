// "New joint submission": asks for the language and the State under review, writes the
// skeleton to a file the writer picks, and opens it.

import * as vscode from 'vscode';
import { SkeletonLanguage, submissionSkeleton } from './skeleton';
import { fileExists } from './fileExists';

/** The cycle under way when this was written: the fourth (November 2022 to early 2027). */
const CURRENT_CYCLE = 4;

export interface NewSubmissionArguments {
  language?: SkeletonLanguage;
  state?: string;
  /** Where to write it; asked for when missing. */
  uri?: vscode.Uri | string;
}

export async function newJointSubmission(args: NewSubmissionArguments = {}): Promise<vscode.Uri | undefined> {
  const language = args.language ?? (await pickLanguage());
  if (!language) return undefined;
  const state =
    args.state ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('New joint submission'),
      prompt: vscode.l10n.t('State under review (English or Russian name, or ISO 3166-1 alpha-3 code)'),
      placeHolder: 'Kyrgyzstan',
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Name the State under review.')),
    }));
  if (!state?.trim()) return undefined;
  const uri = args.uri ? toUri(args.uri) : await pickTarget(state.trim());
  if (!uri) return undefined;

  const text = submissionSkeleton({ language, state: state.trim(), cycle: CURRENT_CYCLE });
  if (await fileExists(uri)) {
    const overwrite = vscode.l10n.t('Overwrite');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} exists already. Overwrite it with a new submission?', vscode.workspace.asRelativePath(uri)),
      { modal: true },
      overwrite,
    );
    if (answer !== overwrite) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return uri;
}

async function pickLanguage(): Promise<SkeletonLanguage | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'English', language: 'en' as const },
      { label: 'Русский', language: 'ru' as const },
    ],
    { title: vscode.l10n.t('New joint submission'), placeHolder: vscode.l10n.t('Language of the submission') },
  );
  return picked?.language;
}

async function pickTarget(state: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = `${state.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}-joint-submission.upr.md`;
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the new submission'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    // `md`, not `upr.md`: some save dialogs append the filter's extension to a name that already has it.
    filters: { [vscode.l10n.t('UPR submission')]: ['md'] },
  });
}

function toUri(value: vscode.Uri | string): vscode.Uri {
  return typeof value === 'string' ? (/^[a-z][\w+.-]*:/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value)) : value;
}
