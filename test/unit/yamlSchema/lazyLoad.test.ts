import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { repoPath } from '../../support/paths';

/**
 * Runs diagnostics of one file in a fresh process and says whether yaml-language-server was loaded
 * (its modules in require.cache): loading it costs a Dockerfile or manifest session a quarter of a
 * second and several MB for nothing.
 */
function loadsYamlLanguageServer(name: string, text: string): boolean {
  const script = `
    const { createFixture } = require(${JSON.stringify(repoPath('out', 'test', 'support', 'fixture.js'))});
    const services = require(${JSON.stringify(repoPath('out', 'server', 'src', 'services', 'index.js'))});
    const fixture = createFixture(new Map([[${JSON.stringify(name)}, ${JSON.stringify(text)}]]));
    Promise.resolve(services.diagnose(fixture.ctx, fixture.open(${JSON.stringify(name)}))).then(() => {
      process.stdout.write(String(Object.keys(require.cache).some((file) => file.includes('yaml-language-server'))));
    });`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }) === 'true';
}

test('yaml-language-server is loaded only when a document needs it', () => {
  assert.equal(loadsYamlLanguageServer('Dockerfile', 'FROM alpine:3.20\nRUN echo hi\n'), false);
  assert.equal(loadsYamlLanguageServer('deploy.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n'), false);
  assert.equal(loadsYamlLanguageServer('compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n'), true);
});
