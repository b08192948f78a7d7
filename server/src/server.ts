// The language server: keeps the open submissions, analyses each version once, and routes
// requests to the features. Speaks LSP over stdio (`--stdio`) or IPC (`--node-ipc`).

import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Disposable,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
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
import { advocacyTargets } from './features/advocacyTargets';
import { assessmentActions } from './features/assessmentTable';
import { codeLenses } from './features/codeLens';
import { completions } from './features/completion';
import { definition } from './features/definition';
import { workspaceReferences } from './features/workspaceReferences';
import { exportToWord } from './features/export';
import { factsheetFile } from './features/factsheet';
import { oralStatement, statementTime } from './features/oralStatement';
import { submissionParts } from './features/submissionParts';
import type { ReferenceLibrary } from './core/references/library';
import { loadReferences, loadSummary, readSources, referenceSourceFiles, sourceFindings, type LoadedReferences } from './referenceFiles';
import { isReferenceSource } from './referenceSource';
import { coalesced } from './coalesced';
import { decodeUtf8, notUtf8Reason } from './utf8';
import { writeWordIndex } from './wordIndexCache';
import { importToJson, type ImportOutcome } from './recommendationImport';
import { useLocale } from './localisation';
import {
  AdvocacyTargetsCommand,
  ExportToWordCommand,
  FactsheetCommand,
  ImportRecommendationsCommand,
  OralStatementCommand,
  ImportRecommendationsParams,
  ImportRecommendationsResult,
  RenumberParagraphsCommand,
  SpeakingTimeCommand,
  SubmissionPartsCommand,
  WordCountParams,
  WordCountRequest,
  WordCountResult,
  WORKSPACE_CONFIG_PATH,
} from './protocol';
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

/** The workspace folders' paths, and the previous recommendations read from them. */
let workspaceFolders: string[] = [];
let library: ReferenceLibrary | undefined;
/** Where the word index of the previous recommendations is kept between runs (the client's storage). */
let wordIndexFolder: string | undefined;
/** Recommendation files whose import problems were published. */
const publishedSources = new Set<string>();
let canReportProgress = false;
/** Whether the client watches the files the server names, and tells of their changes. */
let canWatchFiles = false;

connection.onInitialize((params) => {
  useLocale(params.locale);
  canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
  canReportProgress = Boolean(params.capabilities.window?.workDoneProgress);
  canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
  workspaceFolders = (params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []))
    .filter((uri) => uri.startsWith('file:'))
    .map((uri) => fileURLToPath(uri));
  if (params.initializationOptions?.settings) settings = readSettings(params.initializationOptions.settings);
  const storage: unknown = params.initializationOptions?.storagePath;
  if (typeof storage === 'string' && isAbsolute(storage)) wordIndexFolder = storage;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', '.', '/', '@', '-'] },
      definitionProvider: true,
      referencesProvider: true,
      codeLensProvider: { resolveProvider: false },
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, `${CodeActionKind.Refactor}.insert`] },
      executeCommandProvider: {
        commands: [RenumberParagraphsCommand, AdvocacyTargetsCommand, ImportRecommendationsCommand, SubmissionPartsCommand, FactsheetCommand, OralStatementCommand, SpeakingTimeCommand, ExportToWordCommand],
      },
    },
    serverInfo: { name: 'upr-submission' },
  };
});

connection.onInitialized(async () => {
  if (!wordIndexFolder) connection.console.info('The client gave no storage folder (an absolute storagePath): the word index of previous recommendations is built at every start.');
  if (canPullConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'uprSubmission' }).catch(() => {});
    await refreshSettings();
  }
  await watchReferenceFolders();
  await reloadReferences();
});

/**
 * Asks the client to report changes to the files previous recommendations are read from, in the
 * folder the settings name; asked again when the setting names another folder.
 */
const watchReferenceFolders = coalesced(async () => {
  if (!canWatchFiles) return;
  const previous = referenceWatch;
  referenceWatch = await connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${settings.referencesFolder}/**/*.{csv,json}` }] })
    .catch(() => undefined);
  previous?.dispose();
});
let referenceWatch: Disposable | undefined;

/** The folders the previous recommendations are read from: the one the settings name, in each workspace folder. */
function referenceFolders(): string[] {
  return workspaceFolders.map((folder) => join(folder, settings.referencesFolder));
}

/**
 * Reads the previous recommendations again, reports each file's bad rows on it, re-checks
 * everything; once at a time, however many changes ask for it meanwhile.
 */
const reloadReferences = coalesced(readReferences);

/** The key of the files the library was read from (`Sources.key`): the same files are not imported again. */
let loadedSources: string | undefined;

async function readReferences(): Promise<void> {
  const folders = referenceFolders();
  const files = referenceSourceFiles(folders);
  const sources = readSources(files);
  if (sources.key === loadedSources) {
    connection.console.info(`The previous recommendations in ${folders.join(', ')} have not changed: they are not read again.`);
    return;
  }
  loadedSources = undefined;
  const progress = canReportProgress && files.length ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin(l10n.t('Loading previous recommendations'), 0, undefined, false);
  try {
    const loaded = await loadReferences(sources, {
      onFile: (file, done) => progress?.report(Math.round((done * 100) / files.length), file),
      wordIndexFolder,
    });
    library = loaded.library.index.size ? loaded.library : undefined;
    loadedSources = sources.key;
    connection.console.info(loadSummary(files, folders, loaded));
    if (library && wordIndexFolder && !loaded.wordIndexToSave) connection.console.info(`Restored the word index of previous recommendations from ${wordIndexFolder}`);
    if (loaded.savedWordIndexProblem) connection.console.warn(`The saved word index in ${wordIndexFolder} could not be used (${loaded.savedWordIndexProblem}): it is built anew.`);
    void prepareWordIndex(loaded);
    for (const file of publishedSources) {
      if (!loaded.problems.has(file)) connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: [] });
    }
    publishedSources.clear();
    for (const file of loaded.problems.keys()) {
      publishedSources.add(file);
      connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics: toDiagnostics(sourceFindings(file, loaded)) });
    }
  } catch (error) {
    connection.console.error(`Could not read the previous recommendations: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    progress?.done();
  }
  reanalyseAll();
}

/**
 * Builds the word index (search, similarity) in the background, not at the first code lens, and
 * saves it for the next start.
 */
async function prepareWordIndex({ library: { index }, wordIndexToSave }: LoadedReferences): Promise<void> {
  try {
    await index.prepare();
    if (!wordIndexToSave || !index.size) return;
    await writeWordIndex(wordIndexToSave.folder, wordIndexToSave.key, index.saveWordIndex());
    connection.console.info(`Saved the word index of previous recommendations in ${wordIndexToSave.folder}`);
  } catch (error) {
    connection.console.warn(`Could not prepare or save the word index of the previous recommendations: ${String(error)}`);
  }
}

connection.onDidChangeConfiguration(async (change) => {
  const folder = settings.referencesFolder;
  if (canPullConfiguration) await refreshSettings();
  else settings = readSettings(change.settings?.uprSubmission);
  if (settings.referencesFolder !== folder) {
    await watchReferenceFolders();
    await reloadReferences();
  } else reanalyseAll();
});

// Previous recommendations or the coalition's `.upr/config.yaml` changed on disk: read them again
// and check everything anew. Only changes in the folder the settings name count: a client may
// report others (one that watches more than it was asked to, or a change just before the setting's).
connection.onDidChangeWatchedFiles(({ changes }) => {
  const sourceFolders = referenceFolders();
  if (changes.some(({ uri }) => uri.startsWith('file:') && isReferenceSource(fileURLToPath(uri), sourceFolders))) void reloadReferences();
  if (!changes.some(({ uri }) => isConfigFile(uri))) return;
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
  const analysis = analyse(parseSubmission(document.getText()), configFor(document.uri), library);
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
  // No debounce: every version is checked as it arrives.
  if (settings.debounceMs === 0) return publish(document);
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
  return document ? hover(analysisOf(document), position, library) : null;
});

connection.onCompletion(({ textDocument, position }) => {
  const document = submission(textDocument.uri);
  return document ? completions(analysisOf(document), position, library) : null;
});

connection.onDefinition(({ textDocument, position }) => {
  const document = submission(textDocument.uri);
  return document && library ? definition(analysisOf(document), position, library) : null;
});

connection.onReferences(({ textDocument, position }) => {
  const document = submission(textDocument.uri);
  if (!document) return null;
  return workspaceReferences(analysisOf(document).model, position, workspaceFolders, (uri) => documents.get(uri)?.getText());
});

connection.onCodeLens(({ textDocument }) => {
  const document = submission(textDocument.uri);
  return document && library ? codeLenses(analysisOf(document), library) : null;
});

connection.onCodeAction(({ textDocument, context, range }) => {
  const document = submission(textDocument.uri);
  if (!document) return null;
  const analysis = analysisOf(document);
  const assessments = library && (!context.only || context.only.some((kind) => kind.startsWith('refactor'))) ? assessmentActions(analysis, range, library, document.uri) : [];
  return [...codeActions(analysis, document.uri, context.diagnostics, context.only), ...assessments];
});

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (command === ImportRecommendationsCommand) return importRecommendationsFile(args?.[0] as ImportRecommendationsParams);
  if (command === SpeakingTimeCommand) return statementTime(args?.[0]);
  const document = typeof args?.[0] === 'string' ? submission(args[0]) : undefined;
  if (!document) return null;
  if (command === AdvocacyTargetsCommand) return library ? advocacyTargets(analysisOf(document), library) : null;
  if (command === SubmissionPartsCommand) return submissionParts(analysisOf(document));
  if (command === FactsheetCommand) return factsheetFile(analysisOf(document), args?.[1], args?.[2]);
  if (command === OralStatementCommand) return oralStatement(analysisOf(document), args?.[1]);
  if (command === ExportToWordCommand) return exportToWord(analysisOf(document), args?.[1]);
  if (command !== RenumberParagraphsCommand) return null;
  const edits = renumberParagraphs(analysisOf(document).model);
  if (edits.length) await connection.workspace.applyEdit({ changes: { [document.uri]: edits } });
  return null;
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

/** "Import recommendations...": a CSV export into the project's JSON, with progress; the index follows. */
async function importRecommendationsFile(params: ImportRecommendationsParams): Promise<ImportRecommendationsResult> {
  const progress = canReportProgress ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin(l10n.t('Importing recommendations'), undefined, params.source, false);
  try {
    let bytes: Buffer;
    try {
      bytes = readFileSync(params.source);
    } catch (error) {
      return { error: (error as Error).message };
    }
    const decoded = decodeUtf8(bytes);
    if ('notUtf8' in decoded) return { error: notUtf8Reason(decoded.notUtf8, params.source) };
    let outcome: ImportOutcome;
    try {
      outcome = importToJson(params.source, decoded.text, params.target);
    } catch (error) {
      // Only the writing throws: its reason follows "cannot write:", as on the command line.
      return { error: `${params.target}: cannot write: ${(error as Error).message}` };
    }
    if (outcome.written) await reloadReferences();
    return outcome;
  } finally {
    progress?.done();
  }
}

documents.listen(connection);
connection.listen();
