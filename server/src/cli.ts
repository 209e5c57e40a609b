#!/usr/bin/env node
/**
 * `container-notes lint [paths…]`: the server's diagnose() over files and folders, for CI.
 * This file only wires the process to cli/.
 */
import { main } from './cli/index';
import { defaultBundledNotesDir, nodeResources, useEnvironmentSnapshot } from './io';

declare const CONTAINER_NOTES_VERSION: string;

// `container-notes lint | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

useEnvironmentSnapshot();
main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  version: typeof CONTAINER_NOTES_VERSION === 'string' ? CONTAINER_NOTES_VERSION : 'dev',
  bundledNotesDir: defaultBundledNotesDir(__dirname),
  resources: nodeResources(__dirname),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`container-notes: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
