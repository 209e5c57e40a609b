import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../support/paths';

/**
 * Enforces the layering of STYLE.md on server/src:
 *   common ← {gotmpl, notes} ← workspace ← {dockerfile, kubernetes, helm} ← services ← io ← {lsp, cli} ← server.ts
 * - a folder imports only from lower layers (helm may use kubernetes: it checks rendered templates);
 * - other folders are imported through their index.ts only;
 * - only lsp/ and server.ts import the LSP connection package;
 * - nothing below lsp/ and cli/ does IO.
 */
const LAYER: Record<string, number> = {
  common: 0,
  gotmpl: 1,
  notes: 1,
  workspace: 2,
  dockerfile: 3,
  kubernetes: 3,
  helm: 3,
  services: 4,
  io: 5,
  lsp: 6,
  cli: 6,
  '.': 7,
};
const ALLOWED_SIDEWAYS = new Set(['helm→kubernetes']);
const IO_MODULES = /^(node:)?(fs|fs\/promises|child_process|net|http|https|os|worker_threads)$/;
const SRC = repoPath('server', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

function folderOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? '.' : rel[0];
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

test('server/src follows the layering and IO rules', () => {
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const rel = path.relative(SRC, file);
    for (const spec of imports(file)) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const to = folderOf(target.endsWith('.ts') ? target : target + '.ts');
        const toFolder = path.relative(SRC, target).split(path.sep)[0];
        const folder = to === '.' && fs.existsSync(target) && fs.statSync(target).isDirectory() ? toFolder : to;
        if (folder === from) continue;
        if (LAYER[folder] === undefined) continue;
        if (LAYER[folder] > LAYER[from] || (LAYER[folder] === LAYER[from] && !ALLOWED_SIDEWAYS.has(`${from}→${folder}`))) {
          problems.push(`${rel}: ${from} must not import ${folder} (${spec})`);
        }
        // `x/index` is the index too (cli.ts must spell it out: `./cli` would resolve to itself).
        if (![folder, `${folder}/index`].includes(path.relative(SRC, target))) problems.push(`${rel}: import ${folder} through its index.ts, not ${spec}`);
      } else if (/^vscode-languageserver(\/node)?$/.test(spec) && from !== 'lsp' && from !== '.') {
        problems.push(`${rel}: only lsp/ and server.ts import the connection package (${spec})`);
      } else if (IO_MODULES.test(spec) && LAYER[from] < 5) {
        problems.push(`${rel}: no IO below lsp/ and cli/ (${spec})`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
