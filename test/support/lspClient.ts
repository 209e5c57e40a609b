import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { SERVER_EXEC_ARGV } from '../../shared/protocol';
import { repoPath } from './paths';

const OUR_SERVER = repoPath('dist', 'server.js');

/**
 * A minimal JSON-RPC client over the real server's stdio, for LSP-level tests and the bench.
 * Waits are event-driven with a timeout; nothing here sleeps.
 */
export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type Waiter = { match: (m: Message) => boolean; resolve: (m: Message) => void };

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];
  /** Every notification and server request received, in order (tests look back at them). */
  readonly notifications: Message[] = [];
  /** Every request the server sent (e.g. client/registerCapability), in order. */
  readonly serverRequests: Message[] = [];
  /** Settings answered to workspace/configuration requests. */
  configuration: unknown = {};
  stderr = '';

  /** Our server is started with the options the VS Code client gives it; another server (a peer) as it is. */
  constructor(serverPath = OUR_SERVER, args: string[] = ['--stdio'], command = process.execPath) {
    const options = serverPath === OUR_SERVER ? SERVER_EXEC_ARGV : [];
    this.child = spawn(command, [...options, serverPath, ...args], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited; stderr: ${this.stderr}`));
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString();
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method && message.id !== undefined) {
      // Answered at once, then recorded like a notification so tests can wait for it too.
      this.answerServerRequest(message);
    } else if (message.id !== undefined && typeof message.id === 'number' && this.pending.has(message.id)) {
      const p = this.pending.get(message.id)!;
      this.pending.delete(message.id);
      p.resolve(message);
      return;
    }
    this.notifications.push(message);
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.match(message)) w.resolve(message);
      else still.push(w);
    }
    this.waiters = still;
  }

  private answerServerRequest(message: Message): void {
    this.serverRequests.push(message);
    let result: unknown = null;
    if (message.method === 'workspace/configuration') {
      const items = (message.params as { items: unknown[] }).items;
      result = items.map(() => this.configuration);
    }
    this.write({ jsonrpc: '2.0', id: message.id, result });
  }

  private write(...messages: Message[]): void {
    const frames = messages.map((message) => {
      const body = Buffer.from(JSON.stringify(message), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
    });
    this.child.stdin.write(Buffer.concat(frames));
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    const id = this.nextId++;
    const response = this.response(id, method, timeoutMs);
    this.write({ jsonrpc: '2.0', id, method, params });
    return response.then((m) => {
      if (m.error) throw new Error(`${method}: ${m.error.message}`);
      return m.result as T;
    });
  }

  /** Sends a request; resolves with the response message, result or error. */
  call(method: string, params: unknown, timeoutMs = 10000): Promise<Message> {
    return this.send([{ jsonrpc: '2.0', method, params }], timeoutMs);
  }

  /**
   * Sends a request and its `$/cancelRequest` in one write, so the server reads both before it
   * dispatches the request. Resolves with the response message (result or error).
   */
  requestCancelled(method: string, params: unknown, timeoutMs = 10000): Promise<Message> {
    return this.send(
      [
        { jsonrpc: '2.0', method, params },
        { jsonrpc: '2.0', method: '$/cancelRequest' },
      ],
      timeoutMs,
    );
  }

  /** Writes the request (the first message, given its id here) and the messages after it, which refer to that id. */
  private send([request, ...rest]: Message[], timeoutMs: number): Promise<Message> {
    const id = this.nextId++;
    const response = this.response(id, String(request.method), timeoutMs);
    this.write({ ...request, id }, ...rest.map((m) => ({ ...m, params: { id } })));
    return response;
  }

  /** The response message to request `id`, or a rejection after `timeoutMs` or when the server exits. */
  private response(id: number, method: string, timeoutMs: number): Promise<Message> {
    return new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  /** Writes bytes as they are, framing included (tests of malformed input). */
  writeRaw(bytes: string): void {
    this.child.stdin.write(bytes);
  }

  /** Resolves with the exit code once the server process has ended. */
  exitCode(): Promise<number | null> {
    if (this.exited) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** The first notification (already received or future) matching the predicate. */
  waitFor(method: string, match: (params: any) => boolean = () => true, timeoutMs = 10000, after = 0): Promise<any> {
    const seen = this.notifications.slice(after).find((m) => m.method === method && match(m.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match: (m) => m.method === method && match(m.params),
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m.params);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** initialize + initialized, with optional settings and workspace folder. */
  async start(
    options: {
      rootUri?: string;
      settings?: unknown;
      pullConfiguration?: boolean;
      pullDiagnostics?: boolean;
      locale?: string;
      initializationOptions?: object;
      /** Client features (initializationOptions.features). */
      features?: unknown;
      /** More textDocument capabilities, e.g. VS Code's completion list defaults. */
      textDocumentCapabilities?: object;
    } = {},
  ): Promise<any> {
    this.configuration = options.settings ?? {};
    const result = await this.request('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'ws' }] : null,
      locale: options.locale,
      capabilities: {
        workspace: { configuration: options.pullConfiguration ?? false, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          hover: { contentFormat: ['markdown'] },
          publishDiagnostics: {},
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
          ...options.textDocumentCapabilities,
        },
      },
      // Other servers (bench peers) take their own options here.
      initializationOptions: {
        ...(options.pullConfiguration ? {} : { settings: options.settings ?? {} }),
        ...(options.features ? { features: options.features } : {}),
        ...options.initializationOptions,
      },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Resolves with the next publishDiagnostics for `uri` (optionally of a given version). */
  diagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<{ uri: string; version?: number; diagnostics: any[] }> {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version), timeoutMs);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } catch {
      this.child.kill('SIGKILL');
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}
