#!/usr/bin/env node
/**
 * `container-notes lint [paths…]`: the server's diagnose() over files and folders, for CI.
 * (Foundation stub: the command-line issue fills it in.)
 */
declare const CONTAINER_NOTES_VERSION: string;

function main(argv: string[]): number {
  if (argv[0] === '--version') {
    process.stdout.write(`${typeof CONTAINER_NOTES_VERSION === 'string' ? CONTAINER_NOTES_VERSION : 'dev'}\n`);
    return 0;
  }
  process.stderr.write('usage: container-notes lint [paths…]\n');
  return 2;
}

process.exitCode = main(process.argv.slice(2));
