import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createResources } from '../../../server/src/common';
import { parseManifests } from '../../../server/src/kubernetes/parse';
import { parsePiecewise, patchParse } from '../../../server/src/kubernetes/reparse';
import * as services from '../../../server/src/services';
import { createFixture, testResources } from '../../support/fixture';
import { repoPath } from '../../support/paths';

// Edits applied to the previous tree must give exactly what a fresh parse gives.
const base = fs.readFileSync(repoPath('test', 'corpus', 'k8s', 'valid', 'app.yaml'), 'utf8');

const edits: Array<[string, string]> = [
  ['replicas: 3', 'replicas: 30'],
  ['replicas: 3', 'replicas: x'],
  ['registry.example.com/shop:1.4.2', 'registry.example.com/shop:latest'],
  ['LOG_LEVEL: info', 'LOG_LEVEL: debug'],
  ['runAsUser: 10001', 'runAsUser: 0'],
  ['imagePullPolicy: IfNotPresent', 'imagePullPolicy: Sometimes'],
  ['minReplicas: 3', 'minReplicas: true'],
  ['name: shop-config\n  namespace', 'name: shop-configs\n  namespace'],
  ['containerPort: 8080', 'containerPort: 8'],
  ['kind: Secret', 'kind: Secrets'],
];

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'document' || key === 'node' ? undefined : v)));
}

for (const [from, to] of edits) {
  test(`patching "${from}" → "${to}" equals a fresh parse`, () => {
    assert.ok(base.includes(from), from);
    const edited = base.replace(from, to);
    const patched = patchParse(base, parseManifests(base), edited);
    assert.ok(patched, 'a one-scalar edit is patched, not re-parsed');
    const fresh = parseManifests(edited);
    assert.deepEqual(
      patched.documents.map((d) => d.toJS()),
      fresh.documents.map((d) => d.toJS()),
    );
    assert.deepEqual(plain(patched.documents.map((d) => d.contents)), plain(fresh.documents.map((d) => d.contents)));
    assert.deepEqual(patched.problems, fresh.problems);
  });
}

test('structural edits are parsed afresh', () => {
  for (const [from, to] of [
    ['replicas: 3', 'replicas: [3'],
    ['LOG_LEVEL: info', 'LOG_LEVEL: info\n  X: y'],
    ['LOG_LEVEL: info', 'LOG_LEVEL: a: b'],
    ['LOG_LEVEL: info', 'LOG_LEVEL: "info"'],
  ]) {
    assert.equal(patchParse(base, parseManifests(base), base.replace(from, to)), undefined, to);
  }
});

test('a scalar edit in a document with an alias is parsed afresh; a "*" that is no alias does not stop the patch', () => {
  const withAlias = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata:\n  x: &v one\n  y: *v\n  z: two\n';
  assert.equal(patchParse(withAlias, parseManifests(withAlias), withAlias.replace('z: two', 'z: three')), undefined);
  // A value edit in the first document of a piece whose second (after `...`) uses an alias.
  const twoDocuments =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata: { z: two }\n...\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\ndata:\n  x: &v one\n  y: *v\n';
  const edited = twoDocuments.replace('z: two', 'z: three');
  const patched = patchParse(twoDocuments, parseManifests(twoDocuments), edited);
  assert.ok(patched);
  assert.equal(patched.objects[1].aliases.size, parseManifests(edited).objects[1].aliases.size, 'the other document keeps its aliases');
  const star = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata:\n  glob: "*.example.com"\n  z: two\n';
  assert.ok(patchParse(star, parseManifests(star), star.replace('z: two', 'z: three')));
});

test('duplicate keys after a patched value move with the text; a patched key is checked again', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata:\n  a: 1\n  a: 2\n  b: short\n  c: 3\n  c: 4\n';
  for (const [from, to] of [
    ['b: short', 'b: a much longer value'],
    ['b: short', 'b: s'],
    ['b: short', 'c: short'],
    ['  a: 2', '  d: 2'],
  ]) {
    const edited = text.replace(from, to);
    const patched = patchParse(text, parseManifests(text), edited);
    assert.ok(patched, to);
    assert.deepEqual(patched.problems, parseManifests(edited).problems, to);
  }
});

// Edits of every kind in a file of nine documents: only the pieces an edit touches are parsed again.
const pieceEdits: Array<[string, string]> = [
  ['LOG_LEVEL: info', 'LOG_LEVEL: info\n  X: y'],
  ['replicas: 3', 'replicas: [3'],
  ['kind: Service\n', 'kind: Service\n---\n'],
  ['---\napiVersion: v1\nkind: Service', 'apiVersion: v1\nkind: Service'],
  ['kind: Namespace', 'kind: Namespace\n  bad: indent'],
  ['kind: Secret', 'kind: Secret\n\ttab: x'],
  ...edits.filter(([from]) => from !== 'replicas: 3' && from !== 'LOG_LEVEL: info' && from !== 'kind: Secret'),
];

test('a file parsed in pieces, then edited, equals a fresh parse', () => {
  let text = base;
  let previous = parsePiecewise(text);
  for (const [from, to] of pieceEdits) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    const next = parsePiecewise(text, previous);
    const fresh = parseManifests(text);
    assert.deepEqual(
      next.parsed.documents.map((d) => [d.range, d.toJS({ maxAliasCount: -1 })]),
      fresh.documents.map((d) => [d.range, d.toJS({ maxAliasCount: -1 })]),
      to,
    );
    assert.deepEqual(plain(next.parsed.documents.map((d) => d.contents)), plain(fresh.documents.map((d) => d.contents)), to);
    assert.deepEqual(next.parsed.problems, fresh.problems, to);
    assert.deepEqual(
      next.parsed.objects.map((o) => o.kind),
      fresh.objects.map((o) => o.kind),
      to,
    );
    previous = next;
  }
});

test('an edit inside one document keeps the trees of the others', () => {
  const first = parsePiecewise(base);
  const object = (parsed: typeof first, kind: string) => parsed.parsed.objects.find((o) => o.kind === kind);
  const next = parsePiecewise(base.replace('LOG_LEVEL: info', 'LOG_LEVEL: info\n  X: y'), first);
  assert.notEqual(object(next, 'ConfigMap'), object(first, 'ConfigMap'));
  for (const kind of ['Namespace', 'Deployment', 'Service']) assert.equal(object(next, kind), object(first, kind), kind);
});

test('diagnostics after a sequence of edits equal those of a fresh session', async () => {
  const session = createFixture(new Map([['app.yaml', base]]));
  assert.ok(testResources());
  let doc = session.open('app.yaml');
  let text = base;
  for (const [i, [from, to]] of pieceEdits.entries()) {
    text = text.replace(from, to);
    doc = TextDocument.create(doc.uri, 'yaml', i + 2, text);
    session.ctx.workspace.openDocument(doc);
    const fresh = createFixture(new Map([['app.yaml', text]]));
    const freshCtx = { ...fresh.ctx, resources: createResources(testResources().text) };
    assert.deepEqual(await services.diagnose(session.ctx, doc), await services.diagnose(freshCtx, fresh.open('app.yaml')), `after ${to}`);
  }
});
