/**
 * The node IO edge shared by the server (lsp/) and the command line (cli/): the FileSystem over
 * node's fs (packed charts read through its readArchive), the notes loader, and the project config
 * reader. Nothing below lsp/ and cli/ imports it.
 */
export * from './archive';
export * from './environment';
export * from './nodeFileSystem';
export * from './notesLoader';
export * from './projectConfigFile';
