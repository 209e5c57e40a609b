#!/usr/bin/env node
/**
 * The language server's entry point (dist/server.js): runs the server's bundle, dist/server-main.js.
 *
 * Given `--compile-cache=<folder>` (the VS Code client passes its global storage folder, private to
 * the user; other editors may pass one), the bundle runs with V8's code cache kept in that folder:
 * a session starts from the bytecode an earlier session compiled (the YAML parser, the schema
 * checks, the rules) instead of compiling each function on its first call, which was about a
 * fifth of the work of opening the first manifest. The cache is named by the bundle's SHA-256
 * (set at build time: V8 itself checks only the source's length) and the runtime, written once
 * when missing or refused by V8 (ten seconds into the session, or at its end), and only ever read
 * as a regular file of bounded size. Without the option, or in a build without the hash, the
 * bundle is simply required. Anything going wrong with the cache leaves the server running
 * without it.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { readBoundedBytes } from './io/boundedRead';

declare const SERVER_MAIN_SHA256: string | undefined;

const MAIN = path.join(__dirname, 'server-main.js');
const OPTION = '--compile-cache=';
/** A code cache of the bundle is about 2 MB; anything far larger is not one. */
const MOST_CACHE_BYTES = 64 * 1024 * 1024;
/** By then a session has opened its first documents, so their functions are in the cache. */
const WRITE_AFTER_MS = 10_000;
/** The cache files this entry writes, and what a write cut short leaves. */
const CACHE_FILE = /^server-[0-9a-f]{16}-.*\.v8cache(\.\d+\.partial)?$/;

const folder = process.argv.find((arg) => arg.startsWith(OPTION))?.slice(OPTION.length);
const hash = typeof SERVER_MAIN_SHA256 === 'string' ? SERVER_MAIN_SHA256 : undefined;
if (folder && hash) runWithCodeCache(path.resolve(folder), hash);
else require(MAIN);

function runWithCodeCache(folder: string, hash: string): void {
  const cacheFile = path.join(folder, `server-${hash.slice(0, 16)}-${process.version}-${process.arch}.v8cache`);
  const cachedData = readCache(cacheFile);
  const script = new vm.Script(Module.wrap(fs.readFileSync(MAIN, 'utf8')), { filename: MAIN, cachedData });
  if (!cachedData || script.cachedDataRejected) writeLater(script, folder, cacheFile);
  const main = new Module(MAIN, module);
  main.filename = MAIN;
  require.cache[MAIN] = main;
  (script.runInThisContext() as (...args: unknown[]) => void).call(main.exports, main.exports, Module.createRequire(MAIN), main, MAIN, __dirname);
  main.loaded = true;
}

/** The cache file's bytes when it is a regular file (not a link) of a plausible size, read by the project's one bounded reader. */
function readCache(file: string): Buffer | undefined {
  try {
    const read = readBoundedBytes(file, fs, MOST_CACHE_BYTES, false);
    return 'data' in read ? read.data : undefined;
  } catch {
    return undefined;
  }
}

function writeLater(script: vm.Script, folder: string, cacheFile: string): void {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      // Caches of earlier builds or runtimes are dead weight.
      for (const name of fs.readdirSync(folder))
        if (CACHE_FILE.test(name) && path.join(folder, name) !== cacheFile) fs.rmSync(path.join(folder, name), { force: true });
      const partial = `${cacheFile}.${process.pid}.partial`;
      fs.writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(partial, cacheFile);
    } catch (error) {
      process.stderr.write(`Container Notes: could not write the code cache in ${folder}: ${String(error)}\n`);
    }
  };
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
}
