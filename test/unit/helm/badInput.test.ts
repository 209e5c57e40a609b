import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';

const CHART = 'apiVersion: v2\nname: web\nversion: 0.1.0\n';

/** Runs every service at a few places of a document; none may throw. */
async function exercise(files: Record<string, string>, target: string): ReturnType<typeof services.diagnose> {
  const fixture = createFixture(new Map(Object.entries(files)));
  const doc = fixture.open(target);
  const text = doc.getText();
  for (const offset of [0, Math.floor(text.length / 2), text.length]) {
    const pos = doc.positionAt(offset);
    await services.hover(fixture.ctx, doc, pos);
    await services.complete(fixture.ctx, doc, pos);
    services.definition(fixture.ctx, doc, pos);
    services.references(fixture.ctx, doc, pos, true);
  }
  services.symbols(fixture.ctx, doc);
  return services.diagnose(fixture.ctx, doc);
}

test('10,000 actions in one template are diagnosed', async () => {
  const body = Array.from({ length: 10_000 }, (_, i) => `k${i}: {{ .Values.a | default "x" | quote }}`).join('\n');
  const found = await exercise({ 'c/Chart.yaml': CHART, 'c/values.yaml': 'a: 1\n', 'c/templates/big.yaml': body }, 'c/templates/big.yaml');
  assert.deepEqual(found, []);
});

test('10,000 nested ifs and 10,000 unclosed actions', async () => {
  await exercise({ 'c/Chart.yaml': CHART, 'c/templates/deep.yaml': '{{ if .Values.a }}'.repeat(10_000) }, 'c/templates/deep.yaml');
  const found = await exercise({ 'c/Chart.yaml': CHART, 'c/templates/open.yaml': 'a: {{ .Values.\n'.repeat(10_000) }, 'c/templates/open.yaml');
  // 20,000 findings: the first 500 are listed, and one more counts the rest.
  assert.equal(found.length, 501);
  assert.equal(found[500].code, 'common/too-many-problems');
  assert.match(String(found[500].message), /^19500 more problems/);
});

test('binary content, a 10 MB template and an empty chart folder', async () => {
  await exercise({ 'c/Chart.yaml': CHART, 'c/templates/bin.yaml': '\u0000\u0001{{\u0000'.repeat(1000) }, 'c/templates/bin.yaml');
  await exercise({ 'c/Chart.yaml': CHART, 'c/templates/huge.yaml': 'a: b\n'.repeat(2_000_000) }, 'c/templates/huge.yaml');
  await exercise({ 'c/Chart.yaml': '', 'c/templates/x.yaml': '{{ .Values.a }}' }, 'c/templates/x.yaml');
});

test('broken Chart.yaml and values files still give template services', async () => {
  const found = await exercise({ 'c/Chart.yaml': ': : [\n', 'c/values.yaml': 'a: [1\n', 'c/templates/x.yaml': 'x: {{ .Values.a }}\n' }, 'c/templates/x.yaml');
  assert.ok(found.every((d) => typeof d.message === 'string'));
  const chart = await exercise({ 'c/Chart.yaml': 'apiVersion: v2\nname: [x\n' }, 'c/Chart.yaml');
  assert.equal(chart[0]?.code, 'helm/yaml-syntax');
});

test('mutually recursive includes terminate', async () => {
  const found = await exercise(
    { 'c/Chart.yaml': CHART, 'c/templates/_h.tpl': '{{ define "a" }}{{ include "b" . }}{{ end }}{{ define "b" }}{{ include "a" . }}{{ end }}' },
    'c/templates/_h.tpl',
  );
  assert.deepEqual(
    found.map((d) => d.code),
    ['helm/recursive-include', 'helm/recursive-include'],
  );
});

test('alias bombs in Chart.yaml and values.yaml', async () => {
  const bomb =
    [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(9)
            .fill('*' + 'abcdefghi'[i])
            .join(', ')}]`,
      ),
    ].join('\n') + '\nname: web\nversion: 1.0.0\napiVersion: v2\n';
  await exercise({ 'c/Chart.yaml': bomb, 'c/values.yaml': bomb, 'c/templates/x.yaml': 'x: {{ .Values.i }}\n{{ .Values. }}' }, 'c/templates/x.yaml');
  await exercise({ 'c/Chart.yaml': bomb, 'c/values.yaml': bomb }, 'c/values.yaml');
  await exercise({ 'c/Chart.yaml': bomb }, 'c/Chart.yaml');
});
