import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { workspaceIndex } from '../../../server/src/kubernetes/workspaceIndex';
import { createFixture } from '../../support/fixture';
import { configMapYaml, webDeployment } from '../../support/manifests';
import { TextDocument } from 'vscode-languageserver-textdocument';

const deployment = webDeployment('web-config');
const configMap = configMapYaml;

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

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties: { spec: { type: object, properties: { size: { type: integer } } } }
`;

/** The editor's index worker, played in this thread: each job's disk text summarised and sent through a structured clone. */
function indexOffThread(ctx: Parameters<typeof services.offThreadIndexJobs>[0], read: (uri: string) => string | undefined): number {
  const jobs = services.offThreadIndexJobs(ctx);
  for (const job of jobs) services.acceptOffThread(ctx, job, structuredClone(services.summariseOffThread(job, read(job.uri))));
  return jobs.length;
}

test('summaries made on another thread give the index the main thread would build, and indexStep finds nothing left but open files', () => {
  const files = new Map([
    ['app.yaml', deployment],
    ['other/config.yaml', configMap('web-config')],
    ['crds/widget.yaml', crd],
    ['notes.txt.yaml', 'just: text\n'],
  ]);
  const inThread = createFixture(files);
  inThread.ctx.stepwiseIndex = true;
  inThread.open('app.yaml');
  while (!services.indexStep(inThread.ctx, () => false));

  const offThread = createFixture(files);
  offThread.ctx.stepwiseIndex = true;
  offThread.open('app.yaml');
  const disk = createFixture(files).ctx.workspace;
  assert.equal(
    indexOffThread(offThread.ctx, (uri) => disk.read(uri)),
    3,
    'every file but the open one goes to the other thread',
  );
  const readHere: string[] = [];
  const fs = offThread.ctx.workspace.fs;
  const readFile = fs.readFile.bind(fs);
  fs.readFile = (uri) => (readHere.push(uri), readFile(uri));
  while (!services.indexStep(offThread.ctx, () => false));
  assert.deepEqual(readHere, [], 'the main thread reads no file the other thread summarised');

  const [a, b] = [workspaceIndex(inThread.ctx), workspaceIndex(offThread.ctx)];
  assert.deepEqual(b.names, a.names);
  assert.deepEqual(b.pods, a.pods);
  assert.deepEqual(b.brokenKinds, a.brokenKinds);
  assert.ok(a.crdSchema('example.com/v1 Widget'));
  assert.deepEqual(b.crdSchema('example.com/v1 Widget'), a.crdSchema('example.com/v1 Widget'));
  assert.equal(b.complete, true);
});

test('a summary from another thread never replaces one of a later text', () => {
  const fixture = createFixture(new Map([['other/config.yaml', configMap('old-name')]]));
  fixture.ctx.stepwiseIndex = true;
  const jobs = services.offThreadIndexJobs(fixture.ctx);
  const late = services.summariseOffThread(jobs[0], configMap('old-name'));
  // The file is opened, edited and summarised here before the other thread answers.
  fixture.ctx.workspace.openDocument(TextDocument.create(jobs[0].uri, 'yaml', 2, configMap('new-name')));
  while (!services.indexStep(fixture.ctx, () => false));
  services.acceptOffThread(fixture.ctx, jobs[0], late);
  assert.deepEqual([...(workspaceIndex(fixture.ctx).names.get('ConfigMap') ?? [])], ['new-name']);
});
