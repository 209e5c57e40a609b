import { ErrorCodes, type Message, type MessageStrategy, type NotificationMessage, type RequestMessage, ResponseError } from 'vscode-languageserver/node';

type Phase = 'waiting' | 'running' | 'shutDown';

/** The method a refused request is renamed to, so the connection itself sends the error answer. */
export const REFUSED = '$/containerNotes/refused';

interface Refusal {
  code: number;
  message: string;
}

/**
 * The LSP lifecycle and document versions as one gate in front of every handler (a vscode-jsonrpc
 * message strategy sees each incoming message before it is dispatched).
 *
 * Lifecycle: before `initialize` a request is answered ServerNotInitialized (-32002) and a
 * notification other than `exit` is dropped; a second `initialize` and any request after
 * `shutdown` are answered InvalidRequest, and notifications after `shutdown` (but `exit`) are
 * dropped. The handlers can therefore assume an initialized, running session.
 *
 * Versions: the services cache parses by uri@version, so a version that does not grow (a client
 * that repeats one, or sends `null`) would answer from the previous text. Open and change
 * notifications are given the client's version when it grows and the next one otherwise.
 */
export class Lifecycle {
  private phase: Phase = 'waiting';
  private readonly versions = new Map<string, number>();

  get shutDown(): boolean {
    return this.phase === 'shutDown';
  }

  /** Passes `message` on, refused (renamed to REFUSED), corrected or not at all. */
  readonly strategy: MessageStrategy = {
    handleMessage: (message: Message, next: (message: Message) => void): void => {
      const request = message as RequestMessage;
      if (typeof request.method !== 'string') return next(message); // a response to a server request
      if (request.id !== undefined && request.id !== null) {
        const refusal = this.refusal(request.method);
        return next(refusal ? ({ ...request, method: REFUSED, params: refusal } as RequestMessage) : message);
      }
      const notification = this.passedNotification(request as NotificationMessage);
      if (notification) next(notification);
    },
  };

  private refusal(method: string): Refusal | undefined {
    if (this.phase === 'waiting') {
      if (method === 'initialize') {
        this.phase = 'running';
        return undefined;
      }
      return { code: ErrorCodes.ServerNotInitialized, message: `${method} before initialize.` };
    }
    if (this.phase === 'shutDown') return { code: ErrorCodes.InvalidRequest, message: `${method} after shutdown.` };
    if (method === 'initialize') return { code: ErrorCodes.InvalidRequest, message: 'initialize was already received.' };
    if (method === 'shutdown') this.phase = 'shutDown';
    return undefined;
  }

  private passedNotification(notification: NotificationMessage): NotificationMessage | undefined {
    if (notification.method === 'exit') return notification;
    if (this.phase !== 'running') return undefined;
    const params = notification.params as { textDocument?: { uri?: unknown; version?: unknown } } | undefined;
    const document = params?.textDocument;
    if (!document || typeof document.uri !== 'string') return notification;
    if (notification.method === 'textDocument/didClose') {
      this.versions.delete(document.uri);
      return notification;
    }
    if (notification.method !== 'textDocument/didOpen' && notification.method !== 'textDocument/didChange') return notification;
    const last = this.versions.get(document.uri);
    const sent = document.version;
    const version = Number.isInteger(sent) && (last === undefined || (sent as number) > last) ? (sent as number) : (last ?? -1) + 1;
    this.versions.set(document.uri, version);
    return version === sent ? notification : { ...notification, params: { ...params, textDocument: { ...document, version } } };
  }
}

/** The answer to a request the gate refused. */
export function refused(refusal: Refusal): ResponseError<void> {
  return new ResponseError(refusal.code, refusal.message);
}
