/**
 * The LSP edge: the session (open documents, settings, watched files, notes loading), the handler
 * bindings and the guard. The only place besides server.ts that imports the connection.
 */
export { connectionOptions } from './guard';
export { Lifecycle } from './lifecycle';
export { commandLineTransport } from './transport';
export { RequestActivity } from './background';
export { bindHandlers } from './handlers';
export { Session } from './session';
export { isIndexWorker, serveIndexWorker } from './indexThread';
