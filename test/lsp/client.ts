// A minimal LSP client for the protocol tests: starts `node dist/server.js --stdio` as a child
// process and speaks JSON-RPC to it with vscode-jsonrpc. Answers the requests the server sends
// (workspace/configuration, client/registerCapability, workspace/applyEdit), queues what the
// server publishes, and bounds every wait with a timeout.

import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams,
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const serverPath = path.join(root, 'dist', 'server.js');

/** Rejects after `ms` with a message saying what was awaited. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface StartOptions {
  /** The answer to every `workspace/configuration` request; `[null]` means defaults. */
  configuration?: unknown[];
  locale?: string;
  /** Whether to declare the `workspace.configuration` capability (default true). */
  pullConfiguration?: boolean;
  /** Workspace folders, as file URIs (none unless given). */
  workspaceFolders?: string[];
  /** The `initializationOptions` of the `initialize` request. */
  initializationOptions?: unknown;
}

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** One running server and the client side of its connection. */
export class TestClient {
  readonly connection: MessageConnection;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly applyEdits: ApplyWorkspaceEditParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  /** What the server asked the client to watch or tell it of (client/registerCapability), and then not (unregister). */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  readonly unregistrations: { id: string; method: string }[] = [];
  readonly logs: string[] = [];
  stderr = '';
  initializeResult: InitializeResult | undefined;

  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly configurationWaiters: (() => void)[] = [];
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    private readonly options: StartOptions,
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      const answer = params.items.map((_, i) => (this.options.configuration ?? [null])[i] ?? null);
      // Let the answer go out before anyone waiting on it sends the next message.
      setImmediate(() => this.configurationWaiters.splice(0).forEach((notify) => notify()));
      return answer;
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: TestClient['registrations'] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', (params: { unregisterations: TestClient['unregistrations'] }) => {
      this.unregistrations.push(...params.unregisterations);
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.applyEdits.push(params);
      return { applied: true };
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const index = this.diagnosticWaiters.findIndex((waiter) => waiter.accept(params));
      if (index >= 0) this.diagnosticWaiters.splice(index, 1)[0].resolve(params);
      else this.diagnostics.push(params);
    });
    // A dying server closes the streams: requests fail through `exited` below, not here.
    this.connection.onError(() => {});
    this.connection.listen();
  }

  /** Starts the server, initializes it and, when it pulls configuration, waits for that. */
  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, stdio: 'pipe' });
    const client = new TestClient(child, options);
    try {
      await client.initialize();
    } catch (error) {
      await client.stop();
      throw error;
    }
    return client;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  private async initialize(): Promise<void> {
    const pull = this.options.pullConfiguration ?? true;
    const configured = pull ? this.nextConfiguration() : Promise.resolve();
    this.initializeResult = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: this.options.workspaceFolders?.[0] ?? null,
      locale: this.options.locale,
      capabilities: {
        workspace: { configuration: pull, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
          synchronization: { didSave: true },
        },
      },
      workspaceFolders: this.options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    await withTimeout(configured, 5000, 'workspace/configuration from the server');
  }

  /** Resolves just after the next `workspace/configuration` request has been answered. */
  nextConfiguration(): Promise<void> {
    return new Promise((resolve) => this.configurationWaiters.push(resolve));
  }

  request<R>(method: string, params: unknown, ms = 10000): Promise<R> {
    return withTimeout(
      Promise.race([
        this.connection.sendRequest(method, params) as Promise<R>,
        this.exited.then((code) => {
          throw new Error(`server exited (code ${code}) during ${method}; stderr: ${this.stderr}`);
        }),
      ]),
      ms,
      `the answer to ${method}`,
    );
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'upr-submission', version, text } });
  }

  change(uri: string, version: number, changes: ({ range: Range; text: string } | { text: string })[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The next publishDiagnostics for `uri` that satisfies `accept` (already received ones first,
   * oldest first; those looked at and rejected are dropped).
   */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    ms = 5000,
  ): Promise<PublishDiagnosticsParams> {
    const matches = (params: PublishDiagnosticsParams) => params.uri === uri && accept(params);
    while (this.diagnostics.length) {
      const params = this.diagnostics.shift()!;
      if (matches(params)) return Promise.resolve(params);
    }
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((resolve) => this.diagnosticWaiters.push({ accept: matches, resolve })),
      ms,
      `publishDiagnostics for ${uri}`,
    );
  }

  /** Forgets what was published so far. */
  clearDiagnostics(): void {
    this.diagnostics.length = 0;
  }

  /** Shuts the server down politely, then kills it whatever happens. */
  async stop(): Promise<void> {
    try {
      if (this.alive) {
        await withTimeout(this.connection.sendRequest('shutdown'), 2000, 'shutdown');
        await this.connection.sendNotification('exit');
        await withTimeout(this.exited, 2000, 'the server to exit');
      }
    } catch {
      // Killed below.
    } finally {
      this.connection.dispose();
      if (this.alive) {
        this.child.kill('SIGKILL');
        await withTimeout(this.exited, 2000, 'the killed server to exit').catch(() => {});
      }
    }
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (line: number, character: number) => (line < starts.length ? starts[line] + character : text.length);
  const sorted = edits
    .map((edit) => ({
      start: offset(edit.range.start.line, edit.range.start.character),
      end: offset(edit.range.end.line, edit.range.end.character),
      newText: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** The edits of a workspace edit for one document, from `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri];
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  return edits;
}

/** The codes of what VS Code lists as problems: hints (severity 4, faint dots) are left out. */
export function codesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity !== 4).map((diagnostic) => String(diagnostic.code));
}
