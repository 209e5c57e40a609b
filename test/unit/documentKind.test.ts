import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryFileSystem } from '../../server/src/common';
import { classifyDocument, Workspace } from '../../server/src/workspace';

const files = new Map([
  ['file:///ws/chart/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n'],
  ['file:///ws/chart/values.yaml', 'a: 1\n'],
  ['file:///ws/chart/values-prod.yaml', 'a: 2\n'],
  ['file:///ws/chart/templates/deploy.yaml', 'kind: Deployment\n'],
  ['file:///ws/chart/templates/_helpers.tpl', '{{ define "x" }}{{ end }}'],
  ['file:///ws/chart/templates/NOTES.txt', 'hi'],
  ['file:///ws/other/templates/x.yaml', 'a: 1\n'],
]);
const ws = new Workspace(memoryFileSystem(files), ['file:///ws']);
ws.setFiles(files.keys());
const kind = (uri: string, text = '', languageId = '') => classifyDocument(ws, uri, languageId, text);

test('Dockerfiles by name or language id', () => {
  for (const name of ['Dockerfile', 'Dockerfile.dev', 'api.Dockerfile', 'x.dockerfile', 'Containerfile', 'Containerfile.prod']) {
    assert.equal(kind(`file:///ws/${name}`), 'dockerfile', name);
  }
  assert.equal(kind('untitled:Untitled-1', '', 'dockerfile'), 'dockerfile');
});

test('Helm templates, chart files and values files only inside a chart', () => {
  assert.equal(kind('file:///ws/chart/templates/deploy.yaml'), 'helm-template');
  assert.equal(kind('file:///ws/chart/templates/_helpers.tpl'), 'helm-template');
  assert.equal(kind('file:///ws/chart/templates/NOTES.txt'), 'helm-template');
  assert.equal(kind('file:///ws/chart/Chart.yaml'), 'helm-chart');
  assert.equal(kind('file:///ws/chart/values.yaml'), 'helm-values');
  assert.equal(kind('file:///ws/chart/values-prod.yaml'), 'helm-values');
  assert.equal(kind('file:///ws/other/templates/x.yaml', 'a: 1\n'), 'yaml');
});

test('a chart file outside templates/ with template actions is a fragment for tpl, not a manifest', () => {
  const crd = '{{- if .Values.crds.create }}\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n{{- end }}\n';
  assert.equal(kind('file:///ws/chart/conf/crds/widget.yaml', crd), 'yaml');
  assert.equal(kind('file:///ws/chart/conf/crds/widget.yaml', 'apiVersion: v1\nkind: ConfigMap\n'), 'kubernetes');
  assert.equal(kind('file:///ws/chart/crds/widget.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata: {a: "{{x}}"}\n'), 'kubernetes');
});

test('Kubernetes by content, other YAML left alone', () => {
  assert.equal(kind('file:///ws/app.yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
  assert.equal(kind('file:///ws/multi.yaml', 'a: 1\n---\napiVersion: v1\nkind: Pod\n'), 'kubernetes');
  assert.equal(kind('file:///ws/flow.yaml', '{apiVersion: v1, kind: Pod}'), 'kubernetes');
  assert.equal(kind('file:///ws/ci.yml', 'jobs:\n  build: {}\n'), 'yaml');
  assert.equal(kind('file:///ws/readme.md', 'apiVersion: v1\nkind: Pod'), 'other');
});

test('Compose files by name, language id or a top-level services mapping', () => {
  for (const name of [
    'compose.yaml',
    'compose.yml',
    'compose.override.yaml',
    'compose.prod.yml',
    'docker-compose.yml',
    'docker-compose.dev.yaml',
    'docker-compose-ci.yml',
  ]) {
    assert.equal(kind(`file:///ws/${name}`, ''), 'compose', name);
  }
  assert.equal(kind('untitled:Untitled-1', '', 'dockercompose'), 'compose');
  assert.equal(kind('file:///ws/stack.yml', 'version: "3"\nservices:\n  web:\n    image: nginx\n'), 'compose');
  assert.equal(kind('file:///ws/stack.yml', '# app\nservices:\n\n  web: &web\n    # the site\n    image: nginx\n'), 'compose');
  assert.equal(kind('file:///ws/stack.yml', 'services: {web: {image: nginx}}\n'), 'compose');
  // GitLab CI's services are a list of images; a services key under another key is not top-level.
  assert.equal(kind('file:///ws/.gitlab-ci.yml', 'services:\n  - postgres:16\ntest:\n  script: make\n'), 'yaml');
  assert.equal(kind('file:///ws/app.yml', 'app:\n  services:\n    web:\n      image: x\n'), 'yaml');
  assert.equal(kind('file:///ws/list.yml', 'services:\n  web: nginx\n  db: postgres\n'), 'yaml');
  // A chart's files stay the chart's, whatever their name.
  assert.equal(kind('file:///ws/chart/templates/compose.yaml', ''), 'helm-template');
});

test('notes files: Markdown or text under a notes path, or with a keys tag; other Markdown is left alone', () => {
  const tagged = '# Team\n<!-- keys: k8s:kind/Deployment -->\nRolling updates.\n';
  assert.equal(classifyDocument(ws, 'file:///notes/k8s.md', 'markdown', '# Plain\n', true), 'notes');
  assert.equal(classifyDocument(ws, 'file:///notes/k8s.txt', 'plaintext', 'plain\n', true), 'notes');
  assert.equal(kind('file:///ws/docs/runbook.md', tagged, 'markdown'), 'notes');
  assert.equal(kind('file:///ws/README.md', '# Project\n', 'markdown'), 'other');
  assert.equal(kind('untitled:Untitled-2', tagged, 'markdown'), 'notes');
  // A chart's NOTES.txt is a template wherever the notes paths point.
  assert.equal(classifyDocument(ws, 'file:///ws/chart/templates/NOTES.txt', 'plaintext', 'hi', true), 'helm-template');
});
