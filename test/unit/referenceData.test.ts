import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import type { BuiltinInfo, FunctionInfo, KeywordInfo } from '../../server/src/helm/reference';
import type { DeprecatedApi, RemovedApi } from '../../server/src/kubernetes/reference';
import { repoPath } from '../support/paths';
import { type Shape, shapeProblems } from '../support/shape';

// The reference tables are JSON that the code casts to its interfaces; these tests check the
// data instead of trusting the cast.

function table(...segments: string[]): unknown {
  return JSON.parse(fs.readFileSync(repoPath('server', 'src', ...segments), 'utf8'));
}

const FUNCTION: Shape<FunctionInfo> = {
  name: 'string',
  source: ['go', 'sprig', 'helm'],
  signature: 'string',
  doc: 'string',
  example: 'string',
  minArgs: 'number',
  maxArgs: 'number',
};
const BUILTIN: Shape<BuiltinInfo> = {
  path: 'string',
  doc: 'string',
  signature: { optional: 'string' },
  example: { optional: 'string' },
  chartKey: { optional: 'string' },
};
const KEYWORD: Shape<KeywordInfo> = { name: 'string', doc: 'string' };
const REMOVED_API: Shape<RemovedApi> = {
  apiVersion: 'string',
  kind: 'string',
  removedIn: 'string',
  replacement: { optional: 'string' },
  note: { optional: 'string' },
};
const DEPRECATED_API: Shape<DeprecatedApi> = {
  apiVersion: 'string',
  kind: 'string',
  deprecatedIn: 'string',
  removedIn: 'string',
  replacement: { optional: 'string' },
};

/** The values of one field, for uniqueness checks. */
function column(rows: unknown, key: (row: Record<string, unknown>) => unknown): unknown[] {
  return (rows as Array<Record<string, unknown>>).map(key);
}

function duplicates(values: unknown[]): unknown[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('reference tables match their interfaces', () => {
  test('helm/data/functions.json: FunctionInfo, one entry per name, maxArgs -1 or at least minArgs', () => {
    const rows = table('helm', 'data', 'functions.json');
    assert.deepEqual(shapeProblems(rows, FUNCTION), []);
    assert.deepEqual(duplicates(column(rows, (r) => r.name)), []);
    const functions = rows as FunctionInfo[];
    assert.deepEqual(
      functions.filter((f) => f.minArgs < 0 || (f.maxArgs !== -1 && f.maxArgs < f.minArgs)).map((f) => f.name),
      [],
    );
  });

  test('helm/data/functionGroups.json: every function in exactly one group (its notes key is helm:functions/<group>)', () => {
    const functions = (table('helm', 'data', 'functions.json') as FunctionInfo[]).map((f) => f.name).sort();
    const grouped = Object.values(table('helm', 'data', 'functionGroups.json') as Record<string, string[]>).flat();
    assert.deepEqual(duplicates(grouped), []);
    assert.deepEqual([...grouped].sort(), functions);
  });

  test('helm/data/builtins.json: BuiltinInfo, one entry per path', () => {
    const rows = table('helm', 'data', 'builtins.json');
    assert.deepEqual(shapeProblems(rows, BUILTIN), []);
    assert.deepEqual(duplicates(column(rows, (r) => r.path)), []);
  });

  test('helm/data/keywords.json: KeywordInfo, one entry per name', () => {
    const rows = table('helm', 'data', 'keywords.json');
    assert.deepEqual(shapeProblems(rows, KEYWORD), []);
    assert.deepEqual(duplicates(column(rows, (r) => r.name)), []);
  });

  test('kubernetes/data/removedApis.json: RemovedApi, one entry per apiVersion and kind, versions as 1.N', () => {
    const rows = table('kubernetes', 'data', 'removedApis.json');
    assert.deepEqual(shapeProblems(rows, REMOVED_API), []);
    assert.deepEqual(duplicates(column(rows, (r) => `${String(r.apiVersion)} ${String(r.kind)}`)), []);
    const removals = rows as RemovedApi[];
    assert.deepEqual(
      removals.filter((r) => !/^1\.\d+$/.test(r.removedIn)).map((r) => r.removedIn),
      [],
    );
    // A removal without a replacement says what to do instead.
    assert.deepEqual(
      removals.filter((r) => !r.replacement && !r.note).map((r) => `${r.apiVersion} ${r.kind}`),
      [],
    );
  });

  test('kubernetes/data/deprecatedApis.json: DeprecatedApi, alpha and beta versions deprecated before removed, none also removed', () => {
    const rows = table('kubernetes', 'data', 'deprecatedApis.json');
    assert.deepEqual(shapeProblems(rows, DEPRECATED_API), []);
    assert.deepEqual(duplicates(column(rows, (r) => `${String(r.apiVersion)} ${String(r.kind)}`)), []);
    const minor = (version: string) => Number(version.split('.')[1]);
    const deprecations = rows as DeprecatedApi[];
    assert.deepEqual(
      deprecations
        .filter(
          (d) =>
            !/(alpha|beta)\d+$/.test(d.apiVersion) ||
            !/^1\.\d+$/.test(d.deprecatedIn) ||
            !/^1\.\d+$/.test(d.removedIn) ||
            minor(d.deprecatedIn) >= minor(d.removedIn),
        )
        .map((d) => `${d.apiVersion} ${d.kind}`),
      [],
    );
    // The removed-API table is the one source of errors; an API is in one table or the other.
    const removed = new Set((table('kubernetes', 'data', 'removedApis.json') as RemovedApi[]).map((r) => `${r.apiVersion} ${r.kind}`));
    assert.deepEqual(
      deprecations.filter((d) => removed.has(`${d.apiVersion} ${d.kind}`) || removed.has(`${d.apiVersion} *`)).map((d) => `${d.apiVersion} ${d.kind}`),
      [],
    );
  });
});

describe('shapeProblems', () => {
  const shape: Shape<{ name: string; kind: 'a' | 'b'; count: number; flag?: boolean }> = {
    name: 'string',
    kind: ['a', 'b'],
    count: 'number',
    flag: { optional: 'boolean' },
  };

  test('accepts entries that match, with or without optional fields', () => {
    assert.deepEqual(
      shapeProblems(
        [
          { name: 'x', kind: 'a', count: 1 },
          { name: 'y', kind: 'b', count: 0, flag: true },
        ],
        shape,
      ),
      [],
    );
  });

  test('reports missing, extra, mistyped, empty and out-of-union fields', () => {
    assert.deepEqual(shapeProblems([{ kind: 'c', count: '1', flag: 'yes', extra: 1 }, { name: '', kind: 'a', count: 2 }, 'row'], shape), [
      '[0] extra: not a field of the interface',
      '[0] name: missing',
      '[0] kind: "c" is not one of a, b',
      '[0] count: "1" is not a number',
      '[0] flag: "yes" is not a boolean',
      '[1] name: empty',
      '[2] is not an object',
    ]);
    assert.deepEqual(shapeProblems({}, shape), ['the table is not a JSON array']);
  });
});
