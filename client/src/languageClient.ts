// Starts the language server (dist/server.js) over IPC for submissions, in any scheme.

import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { WORKSPACE_CONFIG_PATH } from '../../server/src/protocol';
import { explicitSettings, SETTINGS_SECTION } from './explicitSettings';

export const LANGUAGE_ID = 'upr-submission';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // A small young generation keeps a large index of previous recommendations under 150 MB.
  const memory = '--max-semi-space-size=4';
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [memory] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [memory, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The coalition's configuration file is synchronised too, so that it is checked as it is edited.
    documentSelector: [{ language: LANGUAGE_ID }, { pattern: `**/${WORKSPACE_CONFIG_PATH}` }],
    outputChannelName: vscode.l10n.t('UPR Submissions'),
    // Where the server keeps the word index of previous recommendations between runs.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
    synchronize: {
      // The server pulls `uprSubmission.*` itself; this only tells it when they change.
      configurationSection: 'uprSubmission',
      // The coalition's configuration. The server asks itself for the files of previous
      // recommendations, in the folder its settings name, and again when the setting changes.
      fileEvents: [vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_CONFIG_PATH}`)],
    },
    middleware: {
      workspace: {
        // Only what the user set: VS Code's defaults must not hide the coalition's .upr/config.yaml.
        configuration: (params, token, next) =>
          params.items.some((item) => item.section === SETTINGS_SECTION)
            ? params.items.map((item) => (item.section === SETTINGS_SECTION ? explicitSettings(context, item.scopeUri) : null))
            : next(params, token),
      },
    },
  };
  return new LanguageClient('uprSubmission', vscode.l10n.t('UPR Submissions'), serverOptions, clientOptions);
}
