import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';
import { repoPath } from '../../support/paths';

// Every Dockerfile snippet, with its placeholders set to their defaults, passes our own rules
// without errors or warnings, and package.json contributes the snippet file.

/** The text a snippet inserts when every placeholder keeps its default. */
function expandSnippet(body: string): string {
  let text = body;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\$\{\d+:((?:\\.|[^{}\\])*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  }
  return text.replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

const snippets = JSON.parse(fs.readFileSync(repoPath('snippets', 'dockerfile.json'), 'utf8')) as Record<
  string,
  { prefix: string[]; body: string[]; description: string }
>;

test('package.json contributes the Dockerfile snippets', async () => {
  const pkg = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
  assert.ok(pkg.contributes.snippets.some((s: { language: string; path: string }) => s.language === 'dockerfile' && s.path === './snippets/dockerfile.json'));
});

test('the expansion resolves nested defaults, choices and escapes', async () => {
  assert.equal(expandSnippet('A ${1:x${2:y}} ${3|a,b|} $4 \\${V} \\$W'), 'A xy a  ${V} $W');
});

for (const [name, snippet] of Object.entries(snippets)) {
  test(`snippet "${name}" passes our rules`, async () => {
    assert.ok(snippet.prefix.length > 0 && snippet.description);
    const text = expandSnippet(snippet.body.join('\n')) + '\n';
    assert.doesNotMatch(text, /\$\{\d|\$\d/, 'no placeholder left');
    const fixture = createFixture(new Map([['Dockerfile', text]]));
    const loud = (await services.diagnose(fixture.ctx, fixture.open('Dockerfile'))).filter((d) => d.severity === 1 || d.severity === 2);
    assert.deepEqual(
      loud.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`),
      [],
    );
  });
}
