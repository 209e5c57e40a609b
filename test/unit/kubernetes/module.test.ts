import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { language } from '../../../server/src/kubernetes';
import { createFixture } from '../../support/fixture';
import { repoPath } from '../../support/paths';

test('noteKeys lists only k8s:* keys from the shared table and rule:k8s/* keys', () => {
  const table = fs.readFileSync(repoPath('docs', 'notes-keys.md'), 'utf8');
  for (const key of language.noteKeys()) {
    if (key.startsWith('rule:')) {
      assert.ok(
        language.rules.some((r) => `rule:${r.id}` === key),
        key,
      );
      continue;
    }
    assert.match(key, /^k8s:(kind|field|value)\//);
    assert.ok(table.includes(key.slice(key.indexOf('/') + 1)), `${key} is in docs/notes-keys.md`);
  }
});

test('diagnose works on a synthetic document that is not a workspace file (the Helm path)', () => {
  const fixture = createFixture(new Map());
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name:             \nspec:\n  replica: 2\n';
  const doc = TextDocument.create('file:///ws/chart/templates/deploy.yaml', 'helm', 7, text);
  const findings = language.diagnose(fixture.ctx, { doc, kind: 'kubernetes' });
  assert.ok(findings.some((f) => f.rule === 'k8s/unknown-field' && f.range.start.line === 5));
});
