import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { withDistinctItemsPassed, yamlLanguageServer } from '../../../server/src/yamlSchema/engine';
import { createFixture } from '../../support/fixture';
import { seededRandom } from '../../support/random';

/** yaml-language-server's own rule: an item that is not the last of its kind is a repeat. */
const repeats = (values: unknown[]) => values.some((v, i) => i !== values.lastIndexOf(v));

test('distinct items pass the uniqueItems check untouched; arrays with a repeat go to the check', () => {
  const random = seededRandom(11);
  const shared = { a: 1 };
  const pool = [0, -0, 1, '1', 'a', '', null, undefined, true, false, NaN, shared, { a: 1 }, [1]];
  let withRepeat = 0;
  for (let round = 0; round < 5000; round++) {
    const values = Array.from({ length: Math.floor(random() * 6) }, () => pool[Math.floor(random() * pool.length)]);
    let problems = 0;
    const validator = {
      applyUniqueItems(node: unknown, schema: { uniqueItems?: unknown }) {
        if (schema.uniqueItems === true && repeats(node as unknown[])) problems++;
      },
    };
    withDistinctItemsPassed(validator, (node) => node);
    validator.applyUniqueItems(values, { uniqueItems: true });
    assert.equal(problems, repeats(values) ? 1 : 0, JSON.stringify(values));
    if (problems) withRepeat++;
  }
  assert.ok(withRepeat > 500, `${withRepeat} arrays with a repeat`);
});

test('a Compose list with a repeated entry is still reported, and 10,000 distinct entries are not', async () => {
  // The library still has the method wrapped (an upgrade that renamed it would leave the quadratic check in place).
  yamlLanguageServer();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the library's own module, as engine.ts loads it
  const { BaseValidator } = require('yaml-language-server/out/src/languageservice/parser/schemaValidation/baseValidator.js');
  assert.match(String(BaseValidator.prototype.applyUniqueItems), /nodeValue\(node\)/);
  const compose = (entries: string[]) => `services:\n  a:\n    image: nginx:1.25\n    environment:\n${entries.map((e) => `      - ${e}\n`).join('')}`;
  const repeated = createFixture(new Map([['compose.yaml', compose(['A=1', 'B=2', 'A=1'])]]));
  const found = await services.diagnose(repeated.ctx, repeated.open('compose.yaml'));
  assert.deepEqual(
    found.map((d) => [d.code, d.message]),
    [['compose/schema', 'Array has duplicate items.']],
  );
  const distinct = createFixture(new Map([['compose.yaml', compose(Array.from({ length: 10_000 }, (_, i) => `K${i}=${i}`))]]));
  assert.deepEqual(await services.diagnose(distinct.ctx, distinct.open('compose.yaml')), []);
});
