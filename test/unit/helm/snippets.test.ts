import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parse } from '../../../server/src/gotmpl';
import { repoPath } from '../../support/paths';

interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
}

/** A snippet body with tab stops replaced by their defaults, as it lands in the editor. */
function expand(body: string[]): string {
  let text = body.join('\n');
  text = text.replace(/\$\{TM_[A-Z_]+\/[^}]*\}/g, 'chart');
  for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1').replace(/\$\{\d+:((?:[^{}\\]|\\.|\{[^{}]*\})*)\}/g, '$1');
  return text.replace(/\$\d+/g, '').replace(/\\([$}])/g, '$1');
}

test('snippets are contributed, described, and expand to templates without syntax errors', () => {
  const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8'));
  const contributed = manifest.contributes.snippets.map((s: { path: string }) => s.path);
  assert.ok(contributed.includes('./snippets/helm.json'));
  // The Chart.yaml snippets are offered by the server's completion in Chart.yaml only.
  for (const file of [...contributed.filter((p: string) => p.includes('helm')), './server/src/helm/data/chartSnippets.json']) {
    const snippets = JSON.parse(fs.readFileSync(repoPath(file), 'utf8')) as Record<string, Snippet>;
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix.length && s.description && s.body.length, name);
      const expanded = expand(s.body);
      assert.doesNotMatch(expanded, /\$\{/, `${name}: ${expanded}`);
      assert.deepEqual(
        parse(expanded).errors.map((e) => e.message),
        [],
        `${name}:\n${expanded}`,
      );
    }
  }
});
