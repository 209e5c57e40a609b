/**
 * The extension-host test entry point (`extensionTestsPath`): VS Code, code-server or
 * @vscode/test-electron loads this module inside the extension host and awaits `run()`; a rejection
 * becomes a non-zero exit code. Runs every *.test.js beside it with mocha (TDD interface) and
 * prints a `N passed, N failed` line. CONTAINER_NOTES_TEST_GREP narrows the tests by title.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
  // mocha 12 is an ES module; a dynamic import loads it from CommonJS on every Node VS Code ships.
  const { default: Mocha } = await import('mocha');
  const grep = process.env.CONTAINER_NOTES_TEST_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  for (const name of fs.readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(path.join(__dirname, name));
  }
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((failed) => resolve(failed));
    runner.on('end', () => console.log(`${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`));
  });
  if (failures > 0) throw new Error(`${failures} VS Code test(s) failed`);
}
