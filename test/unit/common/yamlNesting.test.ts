import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments, parseDocument } from 'yaml';
import { cutDeepFlowNesting, MAX_FLOW_NESTING, NESTED_TOO_DEEP, yamlData } from '../../../server/src/common';
import { parseManifests } from '../../../server/src/kubernetes/parse';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';

const DEEP = 1200;

test('text that never nests past the limit is left alone', () => {
  assert.equal(cutDeepFlowNesting('a: [1, {b: [2]}]\n'), undefined);
  assert.equal(cutDeepFlowNesting(`a: ${'['.repeat(MAX_FLOW_NESTING)}${']'.repeat(MAX_FLOW_NESTING)}\n`), undefined);
  // Brackets in comments and quoted scalars are text, not collections.
  assert.equal(cutDeepFlowNesting(`# ${'['.repeat(DEEP)}\na: "${'{'.repeat(DEEP)}"\nb: '${'['.repeat(DEEP)}'\n`), undefined);
});

test('brackets past the limit are blanked with what they hold, keeping offsets and line ends', () => {
  const text = `a: ${'['.repeat(DEEP)}x\ny${']'.repeat(DEEP)}\nb: 1\n`;
  const cut = cutDeepFlowNesting(text);
  assert.ok(cut);
  assert.equal(cut.text.length, text.length);
  assert.equal(cut.at, 3 + MAX_FLOW_NESTING);
  assert.equal(cut.text.split('\n').length, text.split('\n').length);
  assert.equal((cut.text.match(/\[/g) ?? []).length, MAX_FLOW_NESTING);
  assert.equal((cut.text.match(/]/g) ?? []).length, MAX_FLOW_NESTING);
  assert.deepEqual(parseAllDocuments(cut.text)[0].errors, []);
});

test('a manifest nested past the limit parses the same every time (the stack never decides)', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata:\n  x${'{'.repeat(DEEP)}\n  y: z\n`;
  const runs = Array.from({ length: 3 }, () => parseManifests(text));
  for (const run of runs) assert.deepEqual({ ...run, documents: run.documents.length }, { ...runs[0], documents: runs[0].documents.length });
  assert.ok(runs[0].problems.some((p) => p.message.includes(`nested more than ${MAX_FLOW_NESTING} levels`)));
  assert.ok(!runs[0].problems.some((p) => /call stack/.test(p.message)));
});

test('a flow collection left open above thousands of block lines gives a problem, not an exception', async () => {
  // The yaml parser nests one level per such line and overflows without catching it.
  const open = `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata: {\n${'  key: value\n'.repeat(20_000)}`;
  const parsed = parseManifests(open);
  assert.deepEqual(
    parsed.problems.map((p) => p.message),
    [NESTED_TOO_DEEP],
  );
  for (const [name, text] of [
    ['compose.yaml', `services: {\n${'  key: value\n'.repeat(20_000)}`],
    ['chart/Chart.yaml', `apiVersion: v2\nname: c\nversion: 0.1.0\nannotations: {\n${'  key: value\n'.repeat(20_000)}`],
    ['chart/values.yaml', `image: {\n${'  key: value\n'.repeat(20_000)}`],
  ]) {
    const fixture = createFixture(
      new Map([
        [name, text],
        ...(name.startsWith('chart/') && name !== 'chart/Chart.yaml'
          ? [['chart/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 0.1.0\n'] as [string, string]]
          : []),
      ]),
    );
    const doc = fixture.open(name);
    const diagnostics = await services.diagnose(fixture.ctx, doc);
    assert.ok(
      diagnostics.some((d) => String(d.message).includes(NESTED_TOO_DEEP)),
      `${name}: ${JSON.stringify(diagnostics.map((d) => d.message))}`,
    );
    await services.hover(fixture.ctx, doc, { line: 100, character: 3 });
    await services.complete(fixture.ctx, doc, { line: 100, character: 3 });
  }
});

test('yamlData gives plain data and drops keys that are collections instead of stringifying them', () => {
  const doc = parseDocument(`a: 1\nb: [x, { c: true }]\n"3": three\n? [k]\n: dropped\nd: ${'{'.repeat(200)}${'}'.repeat(200)}\n`);
  assert.deepEqual(
    yamlData((options) => doc.toJS(options), 100),
    { a: 1, b: ['x', { c: true }], 3: 'three', d: {} },
  );
});
