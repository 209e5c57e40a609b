// `npm run test:vscode`: runs the extension-host suite (out/test/vscode/suite) in desktop VS Code
// through @vscode/test-electron, on a copy of the fixture workspace (the suite writes notes and
// settings), with a throw-away profile. Run `npm run build` first.
//   CONTAINER_NOTES_VSCODE     a local VS Code executable (e.g. /usr/share/code/code, or the
//                              code-server shim test/e2e/codeShim.mjs); unset: runTests downloads
//                              VS Code (needs internet).
//   CONTAINER_NOTES_TEST_GREP  run only the tests whose title matches (e.g. "foundation").
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const profile = mkdtempSync(join(tmpdir(), 'container-notes-vscode-'));
const workspace = join(profile, 'workspace');
cpSync(join(root, 'test/vscode/fixture'), workspace, { recursive: true });
let exitCode = 1;
try {
  exitCode = await runTests({
    ...(process.env.CONTAINER_NOTES_VSCODE ? { vscodeExecutablePath: process.env.CONTAINER_NOTES_VSCODE } : {}),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/vscode/suite/index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions stay out; the one under development loads
      `--user-data-dir=${join(profile, 'user-data')}`,
      `--extensions-dir=${join(profile, 'extensions')}`,
    ],
  });
} catch (error) {
  console.error(`test:vscode: ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
