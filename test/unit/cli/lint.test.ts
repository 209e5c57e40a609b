import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lintContext } from '../../../server/src/cli/lint';
import { defaultSettings, pathToUri } from '../../../server/src/common';
import { tempTree } from '../../support/tempTree';

describe('the lint context', () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    tree = tempTree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'chart/values.yaml': 'replicas: 1\n',
      'chart/templates/_helpers.tpl': '{{- define "web.name" -}}web{{- end -}}\n',
      'chart/templates/deploy.yaml': 'kind: Deployment\nmetadata:\n  name: {{ include "web.name" . }}\n',
      'other/Dockerfile': 'FROM debian:12\n',
    });
  });
  after(() => tree.remove());

  test('a template linted on its own still sees the rest of its chart; folders are folders', () => {
    const template = tree.file('chart/templates/deploy.yaml');
    const ctx = lintContext({ paths: ['chart/templates/deploy.yaml'], settings: defaultSettings(), cwd: tree.dir, locale: 'en' }, [template]);
    assert.deepEqual(
      ctx.workspace.files(),
      ['Chart.yaml', 'templates/_helpers.tpl', 'templates/deploy.yaml', 'values.yaml'].map((f) => pathToUri(tree.file(`chart/${f}`))),
    );
    assert.deepEqual(ctx.workspace.folders, [pathToUri(tree.file('chart/templates'))]);
  });
});
