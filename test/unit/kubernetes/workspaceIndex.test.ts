import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { workspaceIndex } from '../../../server/src/kubernetes/workspaceIndex';
import { createFixture } from '../../support/fixture';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: example/web:1.0.0
          envFrom: [{ configMapRef: { name: web-config } }]
`;

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { A: b }\n`;

const missing = async (ctx: Parameters<typeof services.diagnose>[0], doc: Parameters<typeof services.diagnose>[1]) =>
  (await services.diagnose(ctx, doc)).filter((d) => d.code === 'k8s/missing-reference');

// The editor builds the index between requests: until every file is read, a rule that reports
// something missing says nothing, since the definition may be in a file not read yet.
test('an index built in steps reports a missing reference only once it is complete', async () => {
  const files = new Map([
    ['app.yaml', deployment],
    ['other/config.yaml', configMap('other-config')],
  ]);
  const fixture = createFixture(files);
  fixture.ctx.stepwiseIndex = true;
  const doc = fixture.open('app.yaml');
  assert.deepEqual(await missing(fixture.ctx, doc), []);
  // One file per step: the step before the last leaves the index incomplete.
  let calls = 0;
  while (!services.indexStep(fixture.ctx, () => calls++ % 2 === 1));
  // As the editor does once the index is complete: results derived from the workspace start over.
  fixture.ctx.workspace.touch();
  assert.equal((await missing(fixture.ctx, doc)).length, 1);
});

test('an index built in steps finds definitions in files never opened', async () => {
  const fixture = createFixture(
    new Map([
      ['app.yaml', deployment],
      ['other/config.yaml', configMap('web-config')],
    ]),
  );
  fixture.ctx.stepwiseIndex = true;
  const doc = fixture.open('app.yaml');
  while (!services.indexStep(fixture.ctx, () => false));
  assert.deepEqual(await missing(fixture.ctx, doc), []);
});

test('without steps (command line) the first request reads the whole workspace', async () => {
  const fixture = createFixture(
    new Map([
      ['app.yaml', deployment],
      ['other/config.yaml', configMap('other-config')],
    ]),
  );
  assert.equal((await missing(fixture.ctx, fixture.open('app.yaml'))).length, 1);
});

// A request between two slices used to merge every file's summary again; while a pass runs the
// merged index is rebuilt once per 200 new summaries, and exactly once more when the pass ends.
test('while a pass runs, the merged index is rebuilt every 200 summaries, then once complete', () => {
  const files = new Map(Array.from({ length: 450 }, (_, i) => [`cm/${i}.yaml`, configMap(`config-${i}`)] as const));
  const fixture = createFixture(files);
  fixture.ctx.stepwiseIndex = true;
  const seen = new Set<unknown>();
  let calls = 0;
  while (!services.indexStep(fixture.ctx, () => calls++ % 2 === 1)) seen.add(workspaceIndex(fixture.ctx));
  const complete = workspaceIndex(fixture.ctx);
  seen.add(complete);
  assert.ok(seen.size <= 4, `${seen.size} merged indexes for 450 summaries`);
  assert.equal(complete.names.get('ConfigMap')?.size, 450);
});
