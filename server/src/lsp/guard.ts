import {
  CancellationToken,
  type Connection,
  type ConnectionOptions,
  LSPErrorCodes,
  type Message,
  type RequestMessage,
  ResponseError,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import type { Lifecycle } from './lifecycle';

/**
 * Every handler runs inside `guard`: an unexpected exception (or a rejected answer, from a handler
 * that awaits a service) is logged with the request, the URI
 * and the stack, and the request answers its empty result, so one bad document or bug never takes
 * the server down. A request the client cancelled before its work began answers RequestCancelled
 * (-32800) instead, and so does one whose asynchronous work saw the cancellation (`cancelled()`).
 */
export function guard<P, R, E = void>(
  connection: Connection,
  method: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token?: CancellationToken) => R | ResponseError<E> | Promise<R | ResponseError<E>> {
  const failed = (params: P, error: unknown): R | ResponseError<E> => {
    if (error instanceof ResponseError) return error as ResponseError<E>;
    logFailure(connection, method, params, error);
    return empty;
  };
  return (params: P, token: CancellationToken = CancellationToken.None) => {
    if (token.isCancellationRequested) return cancelled<E>();
    try {
      const result = handler(params, token);
      return result instanceof Promise ? result.catch((error: unknown) => failed(params, error)) : result;
    } catch (error) {
      return failed(params, error);
    }
  };
}

/** The answer to a cancelled request. Thrown inside a guarded handler, it is passed on, not logged. */
export function cancelled<E = void>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Lets the event loop take the messages already received (a `$/cancelRequest`, a newer edit)
 * before long work starts, then rejects with `cancelled()` if the client no longer wants it.
 */
export function yieldUnlessCancelled(token: CancellationToken): Promise<void> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      if (token.isCancellationRequested) reject(cancelled());
      else resolve();
    }),
  );
}

/**
 * Connection options: every message passes the lifecycle gate first (see lifecycle.ts), and a
 * request cancelled while it still waits in the connection's queue is answered RequestCancelled at
 * once, without running (vscode-jsonrpc would otherwise run it with a cancelled token and send a
 * full answer nobody reads).
 */
export function connectionOptions(lifecycle: Lifecycle): ConnectionOptions {
  return {
    messageStrategy: lifecycle.strategy,
    connectionStrategy: {
      cancelUndispatched: (message: Message): ResponseMessage | undefined => {
        const request = message as RequestMessage;
        return { jsonrpc: request.jsonrpc, id: request.id, error: cancelled().toJson() };
      },
    },
  };
}

export function logFailure(connection: Connection, method: string, params: unknown, error: unknown): void {
  const uri = (params as { textDocument?: { uri?: string } } | undefined)?.textDocument?.uri ?? '-';
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`[container-notes] ${method} failed for ${uri}: ${stack}`);
}
