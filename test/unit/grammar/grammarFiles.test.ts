import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../support/paths';
import { regexError } from './textmate';

// Checks on the grammar files the engine would not report: it skips an include it cannot
// resolve and compiles a regex only when a line reaches its rule.

const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { contributes: { grammars: Array<{ path: string }> } };
const grammars = manifest.contributes.grammars.map(({ path }) => ({ path, grammar: JSON.parse(fs.readFileSync(repoPath(path), 'utf8')) as unknown }));

/** Every string under one of `keys`, anywhere in `node`, with where it is. */
function stringsAt(node: unknown, keys: Set<string>, where = ''): Array<{ where: string; key: string; value: string }> {
  if (Array.isArray(node)) return node.flatMap((item, i) => stringsAt(item, keys, `${where}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' && keys.has(key) ? [{ where: `${where}.${key}`, key, value }] : stringsAt(value, keys, `${where}.${key}`),
  );
}

test('every grammar package.json contributes exists, and its `#name` includes name repository entries', () => {
  assert.ok(grammars.length >= 2);
  for (const { path, grammar } of grammars) {
    const repository = (grammar as { repository?: Record<string, unknown> }).repository ?? {};
    for (const { where, value } of stringsAt(grammar, new Set(['include'])))
      if (value.startsWith('#')) assert.ok(value.slice(1) in repository, `${path}${where}: ${value}`);
  }
});

test('every regex compiles in Oniguruma (back-references in end and while filled in as the engine does)', async () => {
  for (const { path, grammar } of grammars) {
    for (const { where, key, value } of stringsAt(grammar, new Set(['match', 'begin', 'end', 'while']))) {
      const source = key === 'end' || key === 'while' ? value.replace(/\\\d+/g, 'X') : value;
      assert.equal(await regexError(source), undefined, `${path}${where}: ${value}`);
    }
  }
});
