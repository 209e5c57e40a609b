/**
 * The workspace model: which files exist, their text (open documents win over disk), and how each
 * document is classified; the contract of a language module, and the helpers modules describe
 * their notes keys with (`noteKeys.ts`). Built on the FileSystem interface, so it does no IO of its
 * own and runs the same in the server, the CLI and tests. Never throws.
 */
export * from './model';
export * from './documentKind';
export * from './discovery';
export * from './context';
export * from './noteKeys';
