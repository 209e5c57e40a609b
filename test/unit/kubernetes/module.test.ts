import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { language } from '../../../server/src/kubernetes';
import { createFixture } from '../../support/fixture';
import { repoPath } from '../../support/paths';

test('every rule has one note section per bundled language, tagged with its key', () => {
  for (const lang of ['en', 'zh-cn']) {
    const text = fs.readFileSync(repoPath('notes', lang, 'rules-kubernetes.md'), 'utf8');
    for (const rule of language.rules) assert.ok(text.includes(`<!-- keys: rule:${rule.id} -->`), `${lang}: ${rule.id}`);
  }
});

test('rules: stable k8s/ ids, at least 15 best-practice rules, every help says what to do', () => {
  assert.ok(language.rules.every((r) => /^k8s\/[a-z-]+$/.test(r.id)));
  assert.equal(new Set(language.rules.map((r) => r.id)).size, language.rules.length);
  const bestPractice = language.rules.filter((r) => r.severity !== 'error' || ['k8s/docker-socket'].includes(r.id));
  assert.ok(bestPractice.length >= 15, `${bestPractice.length} best-practice rules`);
});

test('diagnose works on a synthetic document that is not a workspace file (the Helm path)', () => {
  const fixture = createFixture(new Map());
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name:             \nspec:\n  replica: 2\n';
  const doc = TextDocument.create('file:///ws/chart/templates/deploy.yaml', 'helm', 7, text);
  const findings = language.diagnose(fixture.ctx, { doc, kind: 'kubernetes' });
  assert.ok(findings.some((f) => f.rule === 'k8s/unknown-field' && f.range.start.line === 5));
});
