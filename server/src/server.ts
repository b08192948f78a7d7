// The language server: keeps the open submissions, analyses each version once, and routes
// requests to the features. Speaks LSP over stdio (`--stdio`) or IPC (`--node-ipc`).

import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Analysis, analyse } from './core/analyse';
import { AnalysisConfig, mergeConfig, resolveConfig } from './core/config';
import { parseWorkspaceConfig } from './core/workspaceConfig';
import { parseSubmission } from './core/document';
import { renumberParagraphs } from './core/fixes/renumber';
import { codeActions } from './features/codeActions';
import { toDiagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { useLocale } from './localisation';
import { RenumberParagraphsCommand, WordCountParams, WordCountRequest, WordCountResult, WORKSPACE_CONFIG_PATH } from './protocol';
import { readSettings, ServerSettings } from './settings';
import { WorkspaceConfigFiles } from './workspaceConfigFiles';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let settings: ServerSettings = readSettings(undefined);
let canPullConfiguration = false;
const analyses = new Map<string, { version: number; analysis: Analysis }>();
const pending = new Map<string, NodeJS.Timeout>();
const configFiles = new WorkspaceConfigFiles();
/** The analysis configuration per `.upr/config.yaml` path ('' where there is none). */
const configs = new Map<string, AnalysisConfig>();
/** Configuration files whose findings were published from disk. */
const publishedConfigs = new Set<string>();

const isConfigFile = (uri: string) => uri.endsWith(`/${WORKSPACE_CONFIG_PATH}`);

connection.onInitialize((params) => {
  useLocale(params.locale);
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  if (params.initializationOptions?.settings) settings = readSettings(params.initializationOptions.settings);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: true,
      hoverProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source] },
      executeCommandProvider: { commands: [RenumberParagraphsCommand] },
    },
    serverInfo: { name: 'upr-submission' },
  };
});

connection.onInitialized(async () => {
  if (!canPullConfiguration) return;
  connection.client.register(DidChangeConfigurationNotification.type, { section: 'uprSubmission' }).catch(() => {});
  await refreshSettings();
});

connection.onDidChangeConfiguration(async (change) => {
  if (canPullConfiguration) await refreshSettings();
  else settings = readSettings(change.settings?.uprSubmission);
  reanalyseAll();
});

// The coalition's `.upr/config.yaml` changed on disk: read it again and check everything anew.
connection.onDidChangeWatchedFiles(() => {
  configFiles.forget();
  for (const path of publishedConfigs) {
    const uri = pathToFileURL(path).toString();
    if (!documents.get(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
  }
  publishedConfigs.clear();
  reanalyseAll();
});

function reanalyseAll(): void {
  analyses.clear();
  configs.clear();
  for (const document of documents.all()) publish(document);
}

async function refreshSettings(): Promise<void> {
  try {
    settings = readSettings(await connection.workspace.getConfiguration('uprSubmission'));
  } catch (error) {
    connection.console.warn(`Could not read the uprSubmission settings, using defaults: ${String(error)}`);
  }
}

/**
 * The configuration for a submission: defaults, then the nearest `.upr/config.yaml` above it,
 * then what the user set in VS Code. The file's own findings are published on the file.
 */
function configFor(uri: string): AnalysisConfig {
  const loaded = uri.startsWith('file:') ? configFiles.forFile(fileURLToPath(uri)) : undefined;
  const key = loaded?.path ?? '';
  let config = configs.get(key);
  if (!config) {
    config = resolveConfig(mergeConfig(loaded?.config ?? {}, settings.overrides));
    configs.set(key, config);
  }
  if (loaded && !publishedConfigs.has(loaded.path)) {
    publishedConfigs.add(loaded.path);
    const configUri = pathToFileURL(loaded.path).toString();
    // An open editor on the file shows the findings of its live text instead.
    if (!documents.get(configUri)) connection.sendDiagnostics({ uri: configUri, diagnostics: toDiagnostics(loaded.findings) });
  }
  return config;
}

/** The analysis of the document's current version, computed once per version. */
function analysisOf(document: TextDocument): Analysis {
  const cached = analyses.get(document.uri);
  if (cached?.version === document.version) return cached.analysis;
  const analysis = analyse(parseSubmission(document.getText()), configFor(document.uri));
  analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

function publish(document: TextDocument): void {
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  if (isConfigFile(document.uri)) {
    const { findings } = parseWorkspaceConfig(document.getText());
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: toDiagnostics(findings) });
    return;
  }
  try {
    const diagnostics = toDiagnostics(analysisOf(document).diagnostics);
    connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    // A bug in a rule must not take the server down: report it and keep serving.
    connection.console.error(`Could not analyse ${document.uri}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

documents.onDidOpen(({ document }) => publish(document));

documents.onDidChangeContent(({ document }) => {
  if (settings.trigger !== 'onType') return;
  clearTimeout(pending.get(document.uri));
  pending.set(
    document.uri,
    setTimeout(() => {
      const current = documents.get(document.uri);
      if (current) publish(current);
    }, settings.debounceMs),
  );
});

documents.onDidSave(({ document }) => {
  if (settings.trigger === 'onSave') publish(document);
});

documents.onDidClose(({ document }) => {
  clearTimeout(pending.get(document.uri));
  pending.delete(document.uri);
  analyses.delete(document.uri);
  connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  // A closed configuration file shows what its saved text says again, at the next analysis.
  if (isConfigFile(document.uri) && document.uri.startsWith('file:')) {
    publishedConfigs.delete(fileURLToPath(document.uri));
    reanalyseAll();
  }
});

/** A submission open in the editor (the configuration file is synchronised too, for its diagnostics). */
function submission(uri: string): TextDocument | undefined {
  return isConfigFile(uri) ? undefined : documents.get(uri);
}

connection.onDocumentSymbol(({ textDocument }) => {
  const document = submission(textDocument.uri);
  return document ? documentSymbols(analysisOf(document)) : null;
});

connection.onFoldingRanges(({ textDocument }) => {
  const document = submission(textDocument.uri);
  return document ? foldingRanges(analysisOf(document).model) : null;
});

connection.onHover(({ textDocument, position }) => {
  const document = submission(textDocument.uri);
  return document ? hover(analysisOf(document), position) : null;
});

connection.onCodeAction(({ textDocument, context }) => {
  const document = submission(textDocument.uri);
  return document ? codeActions(analysisOf(document), document.uri, context.diagnostics, context.only) : null;
});

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command !== RenumberParagraphsCommand) return;
  const document = typeof args?.[0] === 'string' ? submission(args[0]) : undefined;
  if (!document) return;
  const edits = renumberParagraphs(analysisOf(document).model);
  if (edits.length) await connection.workspace.applyEdit({ changes: { [document.uri]: edits } });
});

connection.onRequest(WordCountRequest, ({ uri }: WordCountParams): WordCountResult | null => {
  const document = submission(uri);
  if (!document) return null;
  const { wordCount, wordLimit } = analysisOf(document);
  return {
    words: wordCount.words,
    limit: wordLimit.limit,
    warnAt: wordLimit.warnAt,
    footnoteWords: wordCount.footnoteWords,
    sections: wordCount.sections.map(({ title, words }) => ({ title, words })),
  };
});

documents.listen(connection);
connection.listen();
