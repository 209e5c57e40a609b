import type { Connection } from 'vscode-languageserver/node';

/**
 * Every handler runs inside `guard`: an unexpected exception (or a rejected answer, from a handler
 * that awaits a service) is logged with the request, the URI and the stack, and the request
 * answers its empty result, so one bad document or bug never takes the server down.
 */
export function guard<P, R>(connection: Connection, method: string, empty: R, handler: (params: P) => R | Promise<R>): (params: P) => R | Promise<R> {
  const failed = (params: P, error: unknown): R => {
    logFailure(connection, method, params, error);
    return empty;
  };
  return (params: P) => {
    try {
      const result = handler(params);
      return result instanceof Promise ? result.catch((error: unknown) => failed(params, error)) : result;
    } catch (error) {
      return failed(params, error);
    }
  };
}

export function logFailure(connection: Connection, method: string, params: unknown, error: unknown): void {
  const uri = (params as { textDocument?: { uri?: string } } | undefined)?.textDocument?.uri ?? '-';
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`[container-notes] ${method} failed for ${uri}: ${stack}`);
}
