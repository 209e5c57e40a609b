import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { offsetOf } from '../../../server/src/common';
import { focusAt } from '../../../server/src/compose/focus';
import { composeFile } from '../../../server/src/compose/model';
import { COMPOSE_SCHEMA } from '../../../server/src/compose/schema';
import { CHART_SCHEMA } from '../../../server/src/helm/valuesSchema';
import { complete, completeWithLibrary, type InlineSchema, type SchemaSource } from '../../../server/src/yamlSchema';
import { yamlLanguageServer } from '../../../server/src/yamlSchema/engine';
import { keyPositionsOf, SEVERAL_SERVICES } from '../../support/composeText';
import { createFixture } from '../../support/fixture';

// On a key of a block mapping, completion's items come from the schema directly instead of from
// yaml-language-server's completer (yamlSchema/keys.ts). These tests hold the two to the same
// answer at several columns of every line: keys in place, a half-typed key at the end of a
// mapping, merge keys, comments, lists, flow mappings, `x-` keys, a schema that chooses between
// alternatives, a required property, one-character defaults. They also check that the schema
// answered at many of those positions, by counting the completer's runs.

/** SEVERAL_SERVICES with a flow mapping in a service, an `x-` key, a quoted key and a deeper mapping in the anchor. */
const COMPOSE = SEVERAL_SERVICES.replace('    driver: json-file\n', '    driver: json-file\n    options:\n      max-size: 10m\n')
  .replace('        reservations: {}\n', '        reservations: {}\n      placement: { constraints: [] }\n')
  .replace('      LOG_LEVEL: info\n', '      LOG_LEVEL: info\n    x-team: shop\n    "quoted": 1\n');

/** A schema of the shapes the schema path must leave to the completer, and of those it takes. */
const VALUES_SCHEMA: InlineSchema = {
  uri: 'file:///ws/values.schema.json',
  version: 1,
  schema: {
    type: 'object',
    properties: {
      image: {
        type: 'object',
        description: 'The image.',
        properties: { repository: { type: 'string', default: 'nginx' }, tag: { type: 'string' }, pullPolicy: { enum: ['Always', 'IfNotPresent'] } },
      },
      quote: { type: 'object', properties: { mark: { type: 'string', default: "'" }, other: { type: 'integer' } } },
      either: {
        oneOf: [
          { type: 'object', properties: { a: { type: 'string' } } },
          { type: 'object', properties: { b: { type: 'string' } } },
        ],
      },
      needs: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, size: { type: 'number' } } },
      byName: {
        type: 'object',
        patternProperties: { '^x-': { type: 'object', properties: { label: { type: 'string' } } } },
        additionalProperties: { type: 'object', properties: { port: { type: 'integer' }, host: { type: 'string' } } },
      },
      list: { type: 'array', items: { type: 'object', properties: { k: { type: 'string' }, v: { type: 'string' } } } },
      gone: { type: 'string', deprecationMessage: 'no longer read' },
      nested: {
        type: 'object',
        properties: { deeper: { type: 'object', properties: { deepest: { type: 'boolean' }, other: { type: 'array', items: { type: 'string' } } } } },
      },
    },
  },
};

const VALUES = `image:
  repository: nginx
  tag: "1.27"
quote:
  mark: "x"
either:
  a: one
needs:
  name: n
byName:
  x-extra:
    label: l
  api:
    port: 80
list:
  - k: one
    v: two
nested:
  deeper:
    deepest: true
`;

/** The Compose file while a key is typed at the end of a mapping: YAML reads it as a key with no value, an error on that line only. */
const TYPING = COMPOSE.replace('      interval: 10s\n', '      interval: 10s\n      star\n');
const VALUES_TYPING = VALUES.replace('    deepest: true\n', '    deepest: true\n    oth\n');

const CHART = `apiVersion: v2
name: web
description: A web server
type: application
version: 0.1.0
appVersion: "1.27"
maintainers:
  - name: team
    email: team@example.com
dependencies:
  - name: redis
    version: 19.x
    repository: oci://registry.example.com/charts
`;

/** Counts the completer's runs, to tell which answers came from the schema. */
function completerRuns(): { count: () => number; restore: () => void } {
  const prototype = yamlLanguageServer().YamlCompletion.prototype;
  const original = prototype.doComplete;
  let runs = 0;
  prototype.doComplete = function (...args) {
    runs++;
    return original.apply(this, args);
  };
  return { count: () => runs, restore: () => (prototype.doComplete = original) };
}

/** Compares the two answers at every position; returns how many the schema gave. */
async function compare(name: string, text: string, source: SchemaSource, compose = false): Promise<number> {
  const fixture = createFixture(new Map([[name, text]]));
  const doc = fixture.open(name);
  const runs = completerRuns();
  let fromSchema = 0;
  try {
    for (const pos of keyPositionsOf(text)) {
      const focus = compose ? focusAt(fixture.ctx, composeFile(fixture.ctx, doc), offsetOf(doc, pos)) : undefined;
      const before = runs.count();
      const answer = await complete(fixture.ctx, source, doc, pos, focus);
      if (runs.count() === before) fromSchema++;
      const where = `line ${pos.line + 1}, column ${pos.character + 1}: ${JSON.stringify(text.split('\n')[pos.line])}`;
      assert.deepEqual(answer, await completeWithLibrary(fixture.ctx, source, doc, pos, focus), `completion at ${where}`);
    }
  } finally {
    runs.restore();
  }
  return fromSchema;
}

test('on the keys of a Compose file the schema gives what the completer gives', async () => {
  assert.ok((await compare('compose.yaml', COMPOSE, COMPOSE_SCHEMA, true)) > 60, 'most key positions are answered from the schema');
  assert.ok((await compare('compose.yaml', TYPING, COMPOSE_SCHEMA, true)) > 0, 'the half-typed key is answered from the schema');
});

test('on the keys of a values file the schema gives what the completer gives, and leaves it the shapes it cannot be sure of', async () => {
  assert.ok((await compare('values.yaml', VALUES, VALUES_SCHEMA)) > 15);
  assert.ok((await compare('values.yaml', VALUES_TYPING, VALUES_SCHEMA)) > 0);
});

test('on the keys of Chart.yaml the schema gives what the completer gives', async () => {
  assert.ok((await compare('Chart.yaml', CHART, CHART_SCHEMA)) > 15);
});

test('the half-typed key at the end of a mapping is answered from the schema, replacing the word', async () => {
  const fixture = createFixture(new Map([['compose.yaml', TYPING]]));
  const doc = fixture.open('compose.yaml');
  const line = TYPING.split('\n').indexOf('      star');
  const runs = completerRuns();
  try {
    const items = await complete(fixture.ctx, COMPOSE_SCHEMA, doc, { line, character: 10 });
    assert.equal(runs.count(), 0);
    const startPeriod = items.find((i) => i.label === 'start_period');
    assert.deepEqual(startPeriod?.textEdit, { range: { start: { line, character: 6 }, end: { line, character: 10 } }, newText: startPeriod?.insertText });
    assert.ok(!items.some((i) => i.label === 'interval' || i.label === 'test'), 'keys the mapping holds are not offered');
  } finally {
    runs.restore();
  }
});

// yaml-language-server's validator lets a key merged in with `<<` stand for the mapping's own key
// of the same name, so its completer finds no schema for the mapping the cursor is in and offers
// nothing there. The schema path reads the mapping the user is editing.
test('in a mapping whose key a merged anchor holds too, the schema offers the keys the completer loses', async () => {
  const text = `services:\n  app: &app\n    image: app:1\n    healthcheck:\n      test: ["CMD", "true"]\n  worker:\n    <<: *app\n    healthcheck:\n      test: ["CMD", "false"]\n      interval: 5s\n`;
  const fixture = createFixture(new Map([['compose.yaml', text]]));
  const doc = fixture.open('compose.yaml');
  const pos = { line: 9, character: 6 };
  assert.deepEqual(await completeWithLibrary(fixture.ctx, COMPOSE_SCHEMA, doc, pos), []);
  const labels = (await complete(fixture.ctx, COMPOSE_SCHEMA, doc, pos)).map((i) => i.label);
  assert.ok(labels.includes('retries') && labels.includes('interval') && !labels.includes('test'), labels.join(' '));
});
