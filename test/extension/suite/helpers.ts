import * as vscode from 'vscode';

export const EXTENSION_ID = 'upr-coalitions.upr-submission';
export const LANGUAGE_ID = 'upr-submission';
export const SAMPLE = 'kyrgyzstan-disability-joint-submission.upr.md';
export const FIXTURE_BROKEN_NUMBERING = 'broken-numbering.upr.md';

/** A file in the (temporary) workspace folder the tests run in. */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Polls `probe` until it returns something other than undefined/false, or fails after timeoutMs. */
export async function waitFor<T>(
  what: string | (() => string),
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const label = typeof what === 'function' ? what() : what;
      const cause = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${label}${cause}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Opens a document in an editor (which makes it the active one). */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

const published = new Set<string>();
let tracking: vscode.Disposable | undefined;

/** Records every URI for which diagnostics were published (even an empty set): call before any test. */
export function startDiagnosticsTracking(): void {
  tracking ??= vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) published.add(uri.toString());
  });
}

/**
 * Waits until diagnostics have been published for `uri` and satisfy `accept`; returns them.
 * An empty set counts as published once the extension has set it.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => `diagnostics for ${uri.path.split('/').pop()} (now: ${summarize(vscode.languages.getDiagnostics(uri))})`,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      const isPublished = published.has(uri.toString()) || diagnostics.length > 0;
      return isPublished && accept(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
  );
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** How many of the diagnostics have the code. */
export function countOf(diagnostics: readonly vscode.Diagnostic[], code: string): number {
  return diagnostics.filter((diagnostic) => codeOf(diagnostic) === code).length;
}

export function errorsOf(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

/** "line 12 numbering/gap (upr-submission, Warning): message" for each diagnostic, for assertion messages. */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): string {
  if (!diagnostics.length) return 'none';
  return diagnostics
    .map(
      (d) =>
        `line ${d.range.start.line + 1} ${codeOf(d) ?? '-'} (${d.source ?? '-'}, ${vscode.DiagnosticSeverity[d.severity]}): ${d.message}`,
    )
    .join('; ');
}

/** The zero-based line numbers of the lines matching `pattern`. */
export function linesMatching(doc: vscode.TextDocument, pattern: RegExp): number[] {
  const lines: number[] = [];
  for (let i = 0; i < doc.lineCount; i++) if (pattern.test(doc.lineAt(i).text)) lines.push(i);
  return lines;
}

export interface UprApi {
  /** Settles once the language server is running. */
  ready: Promise<void>;
  statusBarText(): string | undefined;
}

/** The extension's exported API (activating it if it is not yet active). */
export async function extensionApi(): Promise<UprApi> {
  const extension = vscode.extensions.getExtension<UprApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this window`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (!api || typeof api.statusBarText !== 'function') {
    throw new Error(`extension ${EXTENSION_ID} exports no statusBarText() (exports: ${Object.keys(api ?? {}).join(', ') || 'none'})`);
  }
  return api;
}
