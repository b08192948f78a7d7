// Starts the language server (dist/server.js) over IPC for submissions, in any scheme.

import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'upr-submission';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannelName: vscode.l10n.t('UPR Submissions'),
    // The server pulls `uprSubmission.*` itself; this only tells it when they change.
    synchronize: { configurationSection: 'uprSubmission' },
  };
  return new LanguageClient('uprSubmission', vscode.l10n.t('UPR Submissions'), serverOptions, clientOptions);
}
