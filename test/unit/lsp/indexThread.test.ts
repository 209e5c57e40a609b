import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { IndexThread } from '../../../server/src/lsp/indexThread';
import { createFixture } from '../../support/fixture';

// A worker that cannot run (here: its script is missing) ends the pass at once with a warning, and
// the session's indexStep pass then summarises every file between requests, as without a worker.
test('a worker that fails ends its pass with a warning and is not started again', async () => {
  const fixture = createFixture(new Map([['config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n']]));
  fixture.ctx.stepwiseIndex = true;
  const warnings: string[] = [];
  const thread = new IndexThread('/nonexistent/container-notes-server.js', (m) => warnings.push(m));
  assert.equal(await thread.summarise(() => fixture.ctx), 0);
  assert.equal(await thread.summarise(() => fixture.ctx), 0);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /workspace index worker (failed|stopped|could not start).*built between requests instead/);
});

test('without a worker script a pass ends at once', async () => {
  const fixture = createFixture(new Map([['config.yaml', 'kind: ConfigMap\n']]));
  fixture.ctx.stepwiseIndex = true;
  assert.equal(await new IndexThread(undefined, assert.fail).summarise(() => fixture.ctx), 0);
});
