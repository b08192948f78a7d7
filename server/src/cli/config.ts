// The configuration a command applies: `--config FILE`, or else the nearest `.upr/config.yaml`
// above each submission (above the working folder for classify), as in the editor.

import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AnalysisConfig, resolveConfig } from '../core/config';
import { LoadedWorkspaceConfig, WorkspaceConfigFiles } from '../workspaceConfigFiles';
import { UsageError } from './usage';

export class CommandConfigs {
  private readonly files = new WorkspaceConfigFiles();
  private readonly resolved = new Map<string, AnalysisConfig>();

  constructor(private readonly explicitPath?: string) {
    if (explicitPath !== undefined && !existsSync(explicitPath)) throw new UsageError(`${explicitPath}: no such configuration file`);
  }

  /** The configuration for a submission file. */
  forFile(file: string): AnalysisConfig {
    return this.resolve(this.loadedFor(resolve(file)));
  }

  /** The configuration for text read from standard input. */
  forWorkingFolder(): AnalysisConfig {
    return this.resolve(this.loadedFor(join(process.cwd(), 'stdin')));
  }

  /** Every configuration file used so far, with its path relative to the working folder. */
  used(): (LoadedWorkspaceConfig & { file: string })[] {
    return this.files.all().map((loaded) => ({ ...loaded, file: relative(process.cwd(), loaded.path) || loaded.path }));
  }

  private loadedFor(path: string): LoadedWorkspaceConfig | undefined {
    return this.explicitPath !== undefined ? this.files.load(resolve(this.explicitPath)) : this.files.forFile(path);
  }

  private resolve(loaded: LoadedWorkspaceConfig | undefined): AnalysisConfig {
    const key = loaded?.path ?? '';
    let config = this.resolved.get(key);
    if (!config) {
      config = resolveConfig(loaded?.config);
      this.resolved.set(key, config);
    }
    return config;
  }
}
