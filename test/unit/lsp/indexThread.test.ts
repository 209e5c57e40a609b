import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { IndexThread } from '../../../server/src/lsp/indexThread';
import { createFixture } from '../../support/fixture';
import { configMapYaml } from '../../support/manifests';

/** A workspace of `count` ConfigMaps, indexed as the editor indexes it. */
function workspaceOf(count: number) {
  const fixture = createFixture(new Map(Array.from({ length: count }, (_, i) => [`cm/${i}.yaml`, configMapYaml(`config-${i}`)] as const)));
  fixture.ctx.stepwiseIndex = true;
  return fixture;
}

// A worker that cannot run (here: its script is missing) ends the pass at once with a warning, and
// the session's indexStep pass then summarises every file between requests, as without a worker.
test('a worker that fails ends its pass with one warning; later passes run between requests', async () => {
  const fixture = workspaceOf(150);
  const warnings: string[] = [];
  const thread = new IndexThread('/nonexistent/container-notes-server.js', (m) => warnings.push(m));
  assert.equal(await thread.summarise(() => fixture.ctx), 0);
  assert.equal(await thread.summarise(() => fixture.ctx), 0);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /workspace index worker (failed|stopped|could not start).*built between requests instead/);
});

test('without a worker script, or for a pass of a few files, no worker is started', async () => {
  const missing = '/nonexistent/container-notes-server.js';
  assert.equal(await new IndexThread(undefined, assert.fail).summarise(() => workspaceOf(150).ctx), 0);
  assert.equal(await new IndexThread(missing, assert.fail).summarise(() => workspaceOf(20).ctx), 0);
});
