import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as services from '../../../server/src/services';
import { createFixture } from '../../support/fixture';
import { renderDiagnostics } from '../../support/render';
import { repoPath } from '../../support/paths';

/** Every file below a folder, as fixture names relative to it. */
function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else files.set(path.relative(root, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return files;
}

// The valid chart corpus: charts in the shapes real charts use must give no error and no warning.
test('the valid Helm corpus gives zero errors and zero warnings', async () => {
  const files = readTree(repoPath('test', 'corpus', 'helm', 'valid'));
  const fixture = createFixture(files);
  let checked = 0;
  const problems: string[] = [];
  for (const name of files.keys()) {
    const doc = fixture.open(name);
    const kind = services.sourceDocument(fixture.ctx, doc).kind;
    if (!kind.startsWith('helm-')) continue;
    checked++;
    const found = (await services.diagnose(fixture.ctx, doc)).filter((d) => (d.severity ?? 1) <= 2);
    if (found.length) problems.push(`${name}\n${renderDiagnostics(doc, found)}`);
  }
  assert.ok(checked >= 20, `checked ${checked} chart files`);
  assert.deepEqual(problems, []);
});
