// The two-window co-editing test: test/extension/run-code-server.mjs starts a collaboration
// server, gives each window's workspace a `.upr-test/collab.json` with its part and invitation,
// and opens the second window once the first has shared the document.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CollabApi } from '../../../client/src/collab/activate';

export const SHARED_FIXTURE = 'co-editing.upr.md';
// Requests to the runner (see test/extension/collab.mjs), logged with its log mark.
/** From the first window, once the document is shared: open the second window. */
export const SHARED_MARK = 'UPR-COLLAB-SHARED';
/** From the second window: stop the collaboration server / start it again (same port and data). */
export const STOP_SERVER_MARK = 'UPR-COLLAB-STOP-SERVER';
export const START_SERVER_MARK = 'UPR-COLLAB-START-SERVER';

export interface CollabTestConfig {
  /** 'first' shares the document and runs the whole suite; 'second' joins and runs only its part. */
  part: 'first' | 'second';
  invitation: string;
  /** The names this window and the other one write under (the setting uprSubmission.collab.userName). */
  ownName: string;
  peerName: string;
}

/** This window's part, or undefined when the runner set up no co-editing test (e.g. desktop runs). */
export function collabTestConfig(): CollabTestConfig | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const file = folder && path.join(folder.uri.fsPath, '.upr-test', 'collab.json');
  if (!file || !fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CollabTestConfig;
}

/** The extension's co-editing API (activating the extension if needed). */
export async function collabApi(): Promise<CollabApi> {
  const extension = vscode.extensions.getExtension<{ collab?: CollabApi }>(
    'upr-coalitions.upr-submission',
  );
  if (!extension) throw new Error('the extension is not installed in this window');
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (!api?.collab) throw new Error('the extension exports no collab API');
  return api.collab;
}

/** A line for the runner, which reads the window's console through the same mark as mocha's output. */
export function tellRunner(message: string): void {
  console.log((process.env.UPR_TEST_LOG_MARK ?? '') + message);
}
