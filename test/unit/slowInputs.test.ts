import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_DIAGNOSTICS, TOO_MANY_PROBLEMS } from '../../server/src/common';
import * as services from '../../server/src/services';
import { createFixture } from '../support/fixture';
import { farPositions, SLOW_INPUT_CHART, SLOW_INPUTS, slowInputFiles } from '../support/slowInputs';

// The inputs an adversarial run found slow (test/repro/slow-*), at the size each was reported
// with: every request completes and the diagnostics stay within the cap. How fast they complete,
// and that the work grows linearly with the input, is the bench's scaling scenario.
describe('inputs once found slow', () => {
  for (const input of SLOW_INPUTS) {
    test(`${input.name} (${input.generator}, n = ${input.reportedN})`, async () => {
      const fixture = createFixture(slowInputFiles(input));
      const doc = fixture.open(input.place);
      const diagnostics = await services.diagnose(fixture.ctx, doc);
      assert.ok(diagnostics.length <= MAX_DIAGNOSTICS + 1, `${diagnostics.length} diagnostics`);
      if (diagnostics.length > MAX_DIAGNOSTICS) assert.equal(diagnostics[MAX_DIAGNOSTICS].code, TOO_MANY_PROBLEMS);
      for (const { message } of diagnostics) assert.ok(String(message).length <= 1000, `a message of ${String(message).length} characters`);
      for (const { position } of input.requests) {
        await services.hover(fixture.ctx, doc, position);
        await services.complete(fixture.ctx, doc, position);
      }
      // Far in, a request reads all that comes before: a hover there looked notes up by a key of
      // 20,000 names (a minute), and references made the path of every segment (out of memory).
      for (const position of farPositions(doc.getText())) {
        const hover = await services.hover(fixture.ctx, doc, position);
        assert.ok(JSON.stringify(hover).length <= 5000, `a hover of ${JSON.stringify(hover).length} characters at ${JSON.stringify(position)}`);
        await services.complete(fixture.ctx, doc, position);
        services.definition(fixture.ctx, doc, position);
        services.references(fixture.ctx, doc, position, true);
      }
      services.folding(fixture.ctx, doc);
      services.symbols(fixture.ctx, doc);
    });
  }
});

test('the cap counts what it leaves out, and a rule setting can silence the count', async () => {
  // One problem per line: an `end` that closes nothing.
  const text = '{{ end }}\n'.repeat(MAX_DIAGNOSTICS + 20);
  const files = new Map([
    ['chart/Chart.yaml', SLOW_INPUT_CHART],
    ['chart/templates/open.yaml', text],
  ]);
  const fixture = createFixture(files);
  const capped = await services.diagnose(fixture.ctx, fixture.open('chart/templates/open.yaml'));
  assert.equal(capped.length, MAX_DIAGNOSTICS + 1);
  assert.equal(capped[MAX_DIAGNOSTICS].code, TOO_MANY_PROBLEMS);
  assert.match(String(capped[MAX_DIAGNOSTICS].message), /^20 more problems from here on are not shown/);
  assert.deepEqual(capped[MAX_DIAGNOSTICS].range.start, capped[MAX_DIAGNOSTICS].range.end);
  const quiet = createFixture(files, { rules: { [TOO_MANY_PROBLEMS]: 'off' } });
  assert.equal((await services.diagnose(quiet.ctx, quiet.open('chart/templates/open.yaml'))).length, MAX_DIAGNOSTICS);
});
