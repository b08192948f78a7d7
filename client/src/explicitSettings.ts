// The `uprSubmission.*` settings the user (or the workspace) set explicitly, without VS Code's
// defaults, as one nested object: `{ wordLimit: { joint: 6000 }, rules: {...} }`.

import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'uprSubmission';

export function explicitSettings(context: vscode.ExtensionContext, scopeUri?: string): Record<string, unknown> {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const declared = Object.keys(context.extension.packageJSON?.contributes?.configuration?.properties ?? {});
  const result: Record<string, unknown> = {};
  for (const fullKey of declared) {
    const key = fullKey.slice(SETTINGS_SECTION.length + 1);
    const inspected = configuration.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined) continue;
    const path = key.split('.');
    let target = result;
    for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]] = value;
  }
  return result;
}
