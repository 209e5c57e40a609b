import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasPatchDirectives } from '../../../server/src/kubernetes/kustomize';
import { parseManifests } from '../../../server/src/kubernetes/parse';

const directives = (text: string) => parseManifests(text).objects.map((obj) => hasPatchDirectives(obj, text));

test('patch directives are found in plain, quoted and escaped keys, and only in their own object', () => {
  const patch = (key: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          ${key}: delete\n`;
  const plain = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata: { cost: "$5", patchy: "$patchwork is not a key" }\n';
  assert.deepEqual(directives(patch('$patch')), [true]);
  assert.deepEqual(directives(patch("'$patch'")), [true]);
  assert.deepEqual(directives(patch('"\\u0024patch"')), [true]);
  assert.deepEqual(directives(patch('"\\x24patch"')), [true]);
  assert.deepEqual(directives(`${plain}---\n${patch('$patch')}`), [false, true]);
  assert.deepEqual(directives(plain), [false], 'a $ in values, even before "patch", is no directive key');
});
