import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, isNode, isPair, isSeq, parseAllDocuments, parseDocument, type Document } from 'yaml';
import { quickClone } from '../../../server/src/yamlSchema/quickClone';

const TEXTS = [
  // A Compose file with anchors, merge keys, flow collections, comments, quoting styles and tags.
  `# top comment
name: shop
x-common: &logging
  driver: json-file   # trailing
  options: { max-size: "10m", max-file: '3' }
services:
  web:
    <<: *logging
    image: nginx:1.27
    ports: ["8080:80", 443]
    command: >
      folded text
    environment:
      - A=1
      - B=!!str 2
    healthcheck: { test: [CMD, curl, -f, http://localhost], interval: 30s }
  db:
    image: postgres:16
    volumes: [data:/var/lib/postgresql/data]
volumes:
  data: {}
  ? complex key
  : value
set: !!set { a, b }
omap: !!omap [ { a: 1 }, { b: 2 } ]
binary: !!binary aGVsbG8=
empty:
`,
  'just a scalar\n',
  '- [1, 2, {a: b}]\n- &x y\n- *x\n',
  'a: [unclosed\nb: 1\n',
  '',
];

/** Every own property of a node (symbols and non-enumerable ones too), as [key, value], children by structure. */
function assertSameCopy(copy: unknown, clone: unknown, original: unknown, where: string): void {
  if (!isNode(original) && !isPair(original)) return assert.equal(copy, clone, where);
  assert.equal(Object.getPrototypeOf(copy), Object.getPrototypeOf(clone), `${where}: class`);
  assert.notEqual(copy, original, `${where}: a new node`);
  const keys = (o: object) => Reflect.ownKeys(o).map(String).sort();
  assert.deepEqual(keys(copy as object), keys(clone as object), `${where}: own properties`);
  for (const key of Reflect.ownKeys(clone as object)) {
    const [a, b] = [(copy as Record<PropertyKey, unknown>)[key], (clone as Record<PropertyKey, unknown>)[key]];
    const o = (original as unknown as Record<PropertyKey, unknown>)[key];
    if (key === 'items') {
      assert.notEqual(a, o, `${where}: a new items array`);
      (b as unknown[]).forEach((item, i) => assertSameCopy((a as unknown[])[i], item, (o as unknown[])[i], `${where}.items[${i}]`));
    } else if (key === 'key' || key === 'value') assertSameCopy(a, b, o, `${where}.${key}`);
    else if (key === 'range') {
      assert.deepEqual(a, b, `${where}: range`);
      assert.notEqual(a, o, `${where}: a new range array`);
    } else if (key !== 'schema') assert.equal(a, b, `${where}.${String(key)}`);
  }
  const descriptor = (o: object, k: PropertyKey) => Object.getOwnPropertyDescriptor(o, k);
  for (const key of Reflect.ownKeys(clone as object)) {
    const [a, b] = [descriptor(copy as object, key), descriptor(clone as object, key)];
    assert.equal(a?.enumerable, b?.enumerable, `${where}.${String(key)}: enumerable`);
  }
}

test('quickClone copies a document as yaml clone does: classes, own properties, schema, fresh ranges and items', () => {
  for (const text of TEXTS) {
    for (const document of parseAllDocuments(text) as Document[]) {
      const clone = document.clone();
      const copy = quickClone(document);
      if (document.errors.length === 0) assert.equal(String(copy), String(clone), text);
      assert.deepEqual(copy.errors, clone.errors);
      assert.deepEqual(copy.toJS(), clone.toJS());
      assertSameCopy(copy.contents, clone.contents, document.contents, 'contents');
      // Collections hold the copy's schema, as yaml's clone gives them.
      const collections: unknown[] = [];
      const walk = (n: unknown): void => {
        if (isPair(n)) return (walk(n.key), walk(n.value));
        if (isMap(n) || isSeq(n)) (collections.push(n), n.items.forEach(walk));
      };
      walk(copy.contents);
      for (const c of collections) assert.equal((c as { schema: unknown }).schema, copy.schema);
      assert.equal(document.contents === null, clone.contents === null, 'the original keeps its contents');
    }
  }
});

test('editing the copy leaves the original as it was', () => {
  const document = parseDocument('services:\n  web:\n    image: nginx\n');
  const before = String(document);
  const copy = quickClone(document);
  copy.setIn(['services', 'web', 'image'], 'httpd');
  copy.setIn(['services', 'db'], { image: 'postgres' });
  assert.equal(String(document), before);
  assert.match(String(copy), /httpd[\s\S]*db:/);
});
