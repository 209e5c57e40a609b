import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';
import { repoPath } from '../../support/paths';

// The Dockerfile corpus: valid/ files must give no errors and no warnings (builder parity and best
// practice alike; infos may appear); every invalid/ file names its expected rule ids in an
// `# expect:` comment and must produce at least those.
const root = repoPath('test', 'corpus', 'dockerfile');

async function diagnose(name: string, text: string) {
  const fixture = createFixture(new Map([[name, text]]));
  return services.diagnose(fixture.ctx, fixture.open(name));
}

for (const name of fs.readdirSync(path.join(root, 'valid')).sort()) {
  test(`valid corpus ${name} has no errors or warnings`, async () => {
    const text = fs.readFileSync(path.join(root, 'valid', name), 'utf8');
    const loud = (await diagnose(name, text)).filter((d) => d.severity === 1 || d.severity === 2);
    assert.deepEqual(
      loud.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`),
      [],
    );
  });
}

for (const name of fs.readdirSync(path.join(root, 'invalid')).sort()) {
  test(`invalid corpus ${name} gives the expected findings`, async () => {
    const text = fs.readFileSync(path.join(root, 'invalid', name), 'utf8');
    const expected = (/^# expect: (.*)$/m.exec(text)?.[1] ?? '').split(/\s+/).filter(Boolean);
    assert.ok(expected.length > 0, `${name} needs an "# expect:" line`);
    const found = new Set((await diagnose(name, text)).map((d) => String(d.code)));
    assert.deepEqual(
      expected.filter((id) => !found.has(id)),
      [],
    );
  });
}
