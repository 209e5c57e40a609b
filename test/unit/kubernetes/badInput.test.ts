import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';

// Hostile or half-typed input: every feature answers, with one clear finding where the file
// cannot be checked, and never throws.
async function run(text: string) {
  const fixture = createFixture(new Map([['bad.yaml', text]]));
  const doc = fixture.open('bad.yaml');
  const diagnostics = await services.diagnose(fixture.ctx, doc);
  const position = doc.positionAt(Math.min(text.length, 40));
  await services.hoverDetails(fixture.ctx, doc, position);
  await services.complete(fixture.ctx, doc, position);
  return diagnostics;
}

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';

test('a 10 MB manifest gets one message saying it is too large', async () => {
  const diagnostics = await run(HEAD + 'data:\n  big: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'k8s/yaml-syntax');
  assert.match(String(diagnostics[0].message), /10\.0 MB/);
});

test('1,000-deep flow and block nesting are answered with one finding', async () => {
  for (const text of [
    HEAD + 'data: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n',
    HEAD + 'spec:\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(2 * (i + 1)) + 'a:').join('\n') + '\n',
  ]) {
    const diagnostics = await run(text);
    assert.ok(diagnostics.length <= 1, diagnostics.map((d) => d.message).join('; '));
  }
});

test('a billion-laughs alias bomb is refused, not expanded', async () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    levels.push(
      `${name}: &${name} [${Array(9)
        .fill('*' + prev)
        .join(',')}]`,
    );
  }
  const diagnostics = await run(HEAD + levels.join('\n') + '\n');
  assert.equal(diagnostics.length, 1);
  assert.match(String(diagnostics[0].message), /alias/i);
});

test('tabs as indentation give one syntax message saying to use spaces', async () => {
  const diagnostics = await run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n');
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['k8s/yaml-syntax'],
  );
  assert.match(String(diagnostics[0].message), /tabs/);
});

test('binary content is not parsed', async () => {
  const bytes = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => i % 256));
  const diagnostics = await run('apiVersion: v1\nkind: ConfigMap\n' + bytes);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['k8s/yaml-syntax'],
  );
  assert.match(String(diagnostics[0].message), /binary/);
});

test('half-typed documents never throw', async () => {
  const full =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: "nginx:1.27\n';
  for (let i = 0; i <= full.length; i += 3) await run(full.slice(0, i));
});

test('a kustomization with deeply nested complex keys is still read', async () => {
  // Turning such keys into object keys stringified them over and over: 500 nested `{` took 32 s.
  const files = (extra: string) =>
    new Map([
      [
        'kustomization.yaml',
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\npatches:\n  - path: patch.yaml\n${extra}`,
      ],
      ['patch.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n'],
      ['deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n'],
    ]);
  const diagnose = async (extra: string) => {
    const fixture = createFixture(files(extra));
    return services.diagnose(fixture.ctx, fixture.open('patch.yaml'));
  };
  assert.deepEqual(await diagnose(`x: ${'{'.repeat(500)}${'}'.repeat(500)}\n`), await diagnose(''));
});
