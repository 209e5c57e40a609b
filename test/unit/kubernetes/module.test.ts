import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { language } from '../../../server/src/kubernetes';
import { createFixture } from '../../support/fixture';

test('diagnose works on a synthetic document that is not a workspace file (the Helm path)', () => {
  const fixture = createFixture(new Map());
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name:             \nspec:\n  replica: 2\n';
  const doc = TextDocument.create('file:///ws/chart/templates/deploy.yaml', 'helm', 7, text);
  const findings = language.diagnose(fixture.ctx, { doc, kind: 'kubernetes' });
  assert.ok(findings.some((f) => f.rule === 'k8s/unknown-field' && f.range.start.line === 5));
});
