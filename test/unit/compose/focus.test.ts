import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { offsetOf } from '../../../server/src/common';
import { focusAt } from '../../../server/src/compose/focus';
import { composeFile } from '../../../server/src/compose/model';
import { COMPOSE_SCHEMA } from '../../../server/src/compose/schema';
import { complete, type JSONSchema } from '../../../server/src/yamlSchema';
import { keyPositionsOf, SEVERAL_SERVICES } from '../../support/composeText';
import { createFixture, testResources } from '../../support/fixture';

// yaml-language-server's completer is handed one service instead of the whole Compose file
// (compose/focus.ts). These tests hold that to giving the answers the whole file gives, everywhere
// in files of several services: keys inside a service, at the top level, in nested mappings
// (healthcheck, deploy.resources.limits), half-typed lines, comments, anchors and merge keys.

/** The same file while a key is being typed inside a service (a YAML error inside that service). */
const TYPING = SEVERAL_SERVICES.replace('      retries: 5\n', '      retries: 5\n      sta\n');

/** A service that defines an anchor another service merges: the other service cannot go without it. */
const SHARED_ANCHOR = SEVERAL_SERVICES.replace('  db:\n    <<: *common\n', '  db: &db\n    <<: *common\n').replace(
  '  cache:\n',
  '  replica:\n    <<: *db\n  cache:\n',
);

async function compare(text: string): Promise<number> {
  const fixture = createFixture(new Map([['compose.yaml', text]]));
  const doc = fixture.open('compose.yaml');
  const file = composeFile(fixture.ctx, doc);
  let focused = 0;
  for (const pos of keyPositionsOf(text)) {
    const offset = offsetOf(doc, pos);
    const focus = focusAt(fixture.ctx, file, offset);
    if (!focus) continue;
    focused++;
    const where = `line ${pos.line + 1}, column ${pos.character + 1}: ${JSON.stringify(text.split('\n')[pos.line])}`;
    assert.deepEqual(
      await complete(fixture.ctx, COMPOSE_SCHEMA, doc, pos, focus),
      await complete(fixture.ctx, COMPOSE_SCHEMA, doc, pos),
      `completion at ${where}`,
    );
  }
  return focused;
}

test('completion inside one service gives what the whole file gives', async () => {
  assert.ok((await compare(SEVERAL_SERVICES)) > 100, 'most positions inside services are focused');
});

test('while a key is typed inside a service, that service still answers as the whole file does', async () => {
  assert.ok((await compare(TYPING)) > 0);
});

test('a service that merges an anchor of another service keeps the whole file, and the rest still answers as the whole file does', async () => {
  const fixture = createFixture(new Map([['compose.yaml', SHARED_ANCHOR]]));
  const doc = fixture.open('compose.yaml');
  const inReplica = offsetOf(doc, { line: SHARED_ANCHOR.split('\n').indexOf('  replica:') + 1, character: 6 });
  assert.equal(focusAt(fixture.ctx, composeFile(fixture.ctx, doc), inReplica), undefined);
  await compare(SHARED_ANCHOR);
});

test('outside a service body (the top level, a service key, another section) the whole file is read', () => {
  const fixture = createFixture(new Map([['compose.yaml', SEVERAL_SERVICES]]));
  const doc = fixture.open('compose.yaml');
  const file = composeFile(fixture.ctx, doc);
  const lines = SEVERAL_SERVICES.split('\n');
  for (const line of ['name: shop', '  web:', '  back:', 'x-common: &common', '  restart: unless-stopped']) {
    assert.equal(focusAt(fixture.ctx, file, offsetOf(doc, { line: lines.indexOf(line), character: 2 })), undefined, line);
  }
});

test('a YAML error in another service keeps the whole file', () => {
  const broken = SEVERAL_SERVICES.replace('"--appendonly", "yes"]', '"--appendonly", "yes"');
  const fixture = createFixture(new Map([['compose.yaml', broken]]));
  const doc = fixture.open('compose.yaml');
  const inWeb = offsetOf(doc, { line: broken.split('\n').indexOf('    healthcheck:'), character: 6 });
  assert.equal(focusAt(fixture.ctx, composeFile(fixture.ctx, doc), inWeb), undefined);
});

// The focus is sound only while the schema chooses nothing between alternatives on the way from the
// root to a service: then a service's nodes match the same schemas whatever the other services hold.
test('the bundled Compose schema combines no alternatives at the root, in services or in a service', () => {
  const text = testResources().text(COMPOSE_SCHEMA.file);
  assert.ok(text, 'the Compose schema is built');
  const schema = JSON.parse(text) as JSONSchema & { definitions: Record<string, JSONSchema> };
  const services = schema.properties?.services as JSONSchema;
  const service = schema.definitions.service;
  assert.deepEqual(Object.values(services.patternProperties ?? {}), [{ $ref: '#/definitions/service' }]);
  for (const [name, s] of Object.entries({ root: schema, services, service })) {
    for (const combinator of ['oneOf', 'anyOf', 'allOf', 'if', 'not', 'dependencies', 'dependentSchemas', '$ref']) {
      assert.equal((s as Record<string, unknown>)[combinator], undefined, `${name} has ${combinator}`);
    }
  }
});
