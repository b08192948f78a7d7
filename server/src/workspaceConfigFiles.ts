// Finds and reads the coalition's `.upr/config.yaml`: the nearest one in the folders above a
// submission, as git finds .gitignore files. Shared by the language server and the command line;
// results are cached until `forget()` (the server calls it when the file changes on disk).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { parseWorkspaceConfig, type WorkspaceConfigResult } from './core/workspaceConfig';
import { WORKSPACE_CONFIG_PATH } from './protocol';

export interface LoadedWorkspaceConfig extends WorkspaceConfigResult {
  path: string;
}

export class WorkspaceConfigFiles {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedWorkspaceConfig>();

  /** The configuration that applies to a file, or undefined when no folder above it has one. */
  forFile(filePath: string): LoadedWorkspaceConfig | undefined {
    const path = this.find(dirname(filePath));
    return path === undefined ? undefined : this.load(path);
  }

  /** Reads (once) the configuration file at `path`. An unreadable file is a finding, not a failure. */
  load(path: string): LoadedWorkspaceConfig {
    let loaded = this.loaded.get(path);
    if (!loaded) {
      let result: WorkspaceConfigResult;
      try {
        result = parseWorkspaceConfig(readFileSync(path, 'utf8'));
      } catch (error) {
        result = {
          config: {},
          findings: [
            {
              code: 'config/syntax',
              severity: 'error',
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              message: l10n.t('The configuration could not be read: {0}', (error as Error).message),
            },
          ],
        };
      }
      loaded = { ...result, path };
      this.loaded.set(path, loaded);
    }
    return loaded;
  }

  /** Every configuration read so far. */
  all(): LoadedWorkspaceConfig[] {
    return [...this.loaded.values()];
  }

  forget(): void {
    this.nearest.clear();
    this.loaded.clear();
  }

  private find(directory: string): string | undefined {
    if (this.nearest.has(directory)) return this.nearest.get(directory);
    const candidate = join(directory, WORKSPACE_CONFIG_PATH);
    const parent = dirname(directory);
    const found = existsSync(candidate) ? candidate : parent === directory ? undefined : this.find(parent);
    this.nearest.set(directory, found);
    return found;
  }
}
