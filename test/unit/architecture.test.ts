import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { repoPath } from '../support/paths';

/**
 * Enforces the layering of STYLE.md on server/src:
 *   common ← {gotmpl, notes, yamlSchema} ← workspace ← {dockerfile, kubernetes, helm, compose, notesfile} ← services ← io ← {lsp, cli} ← server.ts
 * - every folder has a layer (a new folder must be placed, not silently exempt);
 * - a folder imports only from lower layers (helm may use kubernetes: it checks rendered templates;
 *   compose may use dockerfile: it reads a service's Dockerfile stages);
 * - other folders are imported through their index.ts only;
 * - files do not import each other in a cycle;
 * - only lsp/ and server.ts import the LSP connection package;
 * - nothing below lsp/ and cli/ does IO.
 *
 * Every import counts towards a cycle, `import type` included: a type-only import is still a
 * file that cannot be read or changed without the other, and the compiler erasing it does not
 * make the pair any easier to pull apart.
 */
const LAYER: Record<string, number> = {
  common: 0,
  gotmpl: 1,
  notes: 1,
  yamlSchema: 1,
  workspace: 2,
  dockerfile: 3,
  kubernetes: 3,
  helm: 3,
  compose: 3,
  notesfile: 3,
  services: 4,
  io: 5,
  lsp: 6,
  cli: 6,
  '.': 7,
};
const ALLOWED_SIDEWAYS = new Set(['helm→kubernetes', 'compose→dockerfile']);
/**
 * Imports past a folder's index.ts: the server's entry point (start.ts) runs before any code cache
 * and is compiled on every start, so it reads that cache with the one bounded reader directly
 * (io/boundedRead.ts imports nothing of the project); io's index would bundle half a megabyte in.
 */
const DIRECT_IMPORTS = new Set(['start.ts→io/boundedRead.ts']);
const IO_MODULES = /^(node:)?(fs|fs\/promises|child_process|net|http|https|os|worker_threads)$/;
const CONNECTION = /^vscode-languageserver(\/node)?$/;

/** Source files by their path under server/src, `/`-separated (`helm/chart.ts`), with their text. */
type SourceTree = ReadonlyMap<string, string>;

/** The top-level folder of a path under server/src, or `.` for the files beside server.ts. */
function folderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash);
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** The file a relative import names, as TypeScript finds it: `x.ts`, else `x/index.ts`, else `x` (data files). */
function resolve(files: SourceTree, from: string, spec: string): string {
  const target = path.posix.join(path.posix.dirname(from), spec);
  return [`${target}.ts`, `${target}/index.ts`].find((f) => files.has(f)) ?? target;
}

/**
 * Import cycles as the files around them (`a.ts → b.ts → a.ts`): one per import that leads back
 * into the depth-first walk's path. Every tangle shows up, though not every cycle through it.
 */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const at = stack.indexOf(next);
      if (at >= 0) found.push([...stack.slice(at), next].join(' → '));
      else if (!done.has(next)) visit(next);
    }
    stack.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return found;
}

/** What breaks the rules above in a source tree; [] when nothing does. */
function architectureProblems(files: SourceTree): string[] {
  const problems: string[] = [];
  const folders = new Set([...files.keys()].map(folderOf));
  for (const folder of [...folders].sort()) {
    if (LAYER[folder] === undefined) problems.push(`${folder}/: a folder without a layer; place it in LAYER (test/unit/architecture.test.ts)`);
  }
  const graph = new Map<string, string[]>();
  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const from = folderOf(file);
    const edges: string[] = [];
    graph.set(file, edges);
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = resolve(files, file, spec);
        if (files.has(target)) edges.push(target);
        const folder = folderOf(target);
        if (folder === from || LAYER[folder] === undefined || LAYER[from] === undefined) continue;
        if (LAYER[folder] > LAYER[from] || (LAYER[folder] === LAYER[from] && !ALLOWED_SIDEWAYS.has(`${from}→${folder}`))) {
          problems.push(`${file}: ${from} must not import ${folder} (${spec})`);
        }
        // `x/index` names the index too (cli.ts must spell it out: `./cli` would resolve to itself).
        if (target !== `${folder}/index.ts` && !DIRECT_IMPORTS.has(`${file}→${target}`))
          problems.push(`${file}: import ${folder} through its index.ts, not ${spec}`);
      } else if (CONNECTION.test(spec) && from !== 'lsp' && from !== '.') {
        problems.push(`${file}: only lsp/ and server.ts import the connection package (${spec})`);
      } else if (IO_MODULES.test(spec) && LAYER[from] < LAYER.io) {
        problems.push(`${file}: no IO below lsp/ and cli/ (${spec})`);
      }
    }
  }
  for (const exception of DIRECT_IMPORTS) {
    const target = exception.split('→')[1];
    const own = importsOf(files.get(target) ?? '').filter((spec) => spec.startsWith('.'));
    if (own.length) problems.push(`${target}: imported past its folder's index, so it may import nothing of the project (${own.join(', ')})`);
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${cycle}`);
  return problems;
}

function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

test('server/src follows the layering, cycle and IO rules', () => {
  assert.deepEqual(architectureProblems(readTree(repoPath('server', 'src'))), []);
});

describe('the architecture check fails on', () => {
  const base: Array<[string, string]> = [
    ['common/index.ts', "export * from './text';"],
    ['common/text.ts', 'export const x = 1;'],
    ['services/index.ts', "import { x } from '../common';"],
  ];
  const problemsWith = (...files: Array<[string, string]>) => architectureProblems(new Map([...base, ...files]));

  test('nothing in a tree that keeps the rules', () => {
    assert.deepEqual(problemsWith(), []);
  });

  test('a folder it does not know, even one nothing imports', () => {
    assert.deepEqual(problemsWith(['terraform/index.ts', "import { x } from '../common';"]), [
      'terraform/: a folder without a layer; place it in LAYER (test/unit/architecture.test.ts)',
    ]);
  });

  test('an import cycle between files, type-only imports included', () => {
    assert.deepEqual(
      problemsWith(['common/a.ts', "import { b } from './b';"], ['common/b.ts', "import { c } from './c';"], ['common/c.ts', "import type { A } from './a';"]),
      ['import cycle: common/a.ts → common/b.ts → common/c.ts → common/a.ts'],
    );
  });

  test('an import from a higher layer, or past the index', () => {
    assert.deepEqual(problemsWith(['common/bad.ts', "import { y } from '../services/hover';"]), [
      'common/bad.ts: common must not import services (../services/hover)',
      'common/bad.ts: import services through its index.ts, not ../services/hover',
    ]);
  });

  test('a module imported past its index that imports the project', () => {
    assert.deepEqual(problemsWith(['io/boundedRead.ts', "import { x } from '../common';"]), [
      "io/boundedRead.ts: imported past its folder's index, so it may import nothing of the project (../common)",
    ]);
  });

  test('IO or the connection package below lsp/', () => {
    assert.deepEqual(problemsWith(['services/read.ts', "import * as fs from 'node:fs';\nimport { createConnection } from 'vscode-languageserver/node';"]), [
      'services/read.ts: no IO below lsp/ and cli/ (node:fs)',
      'services/read.ts: only lsp/ and server.ts import the connection package (vscode-languageserver/node)',
    ]);
  });
});
