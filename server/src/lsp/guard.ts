import type { Connection } from 'vscode-languageserver/node';

/**
 * Every handler runs inside `guard`: an unexpected exception is logged with the request, the URI
 * and the stack, and the request answers its empty result, so one bad document or bug never takes
 * the server down.
 */
export function guard<P, R>(connection: Connection, method: string, empty: R, handler: (params: P) => R): (params: P) => R {
  return (params: P) => {
    try {
      return handler(params);
    } catch (error) {
      logFailure(connection, method, params, error);
      return empty;
    }
  };
}

export function logFailure(connection: Connection, method: string, params: unknown, error: unknown): void {
  const uri = (params as { textDocument?: { uri?: string } } | undefined)?.textDocument?.uri ?? '-';
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`[container-notes] ${method} failed for ${uri}: ${stack}`);
}
