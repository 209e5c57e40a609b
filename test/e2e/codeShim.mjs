#!/usr/bin/env node
// A stand-in for the desktop `code` executable, so that @vscode/test-electron's runTests (npm run
// test:vscode) runs the extension-host suite offline in code-server:
//   CONTAINER_NOTES_VSCODE=test/e2e/codeShim.mjs npm run test:vscode
// It reads the arguments runTests passes (--extensionTestsPath=, --extensionDevelopmentPath=, the
// folder), opens the workbench with the smoke-test driver and a test payload, and exits with the
// suite's exit code (window.codeAutomationExit). Desktop-only flags are ignored.
import { format } from 'node:util';
import { startCodeServer, withTimeout } from './codeServer.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.CONTAINER_NOTES_SUITE_TIMEOUT_MS ?? 300_000);

const developmentPaths = [];
let testsPath;
let folder;
for (const arg of process.argv.slice(2)) {
  const option = /^--([^=]+)=(.*)$/.exec(arg);
  if (option?.[1] === 'extensionTestsPath') testsPath = option[2];
  else if (option?.[1] === 'extensionDevelopmentPath') developmentPaths.push(option[2]);
  else if (!arg.startsWith('-')) folder = arg;
}
if (!testsPath || !folder) {
  console.error('codeShim: expected --extensionTestsPath=<suite> and a folder');
  process.exit(2);
}

// Workbench chatter that says nothing about the extension under test.
const NOISE = /^\[(AgentHost|ChatModelSelection|AccountPolicyGate)\]|open-vsx\.org|vsda_bg\.wasm|authentication provider 'github'/;
const log = (line) => {
  if (!NOISE.test(line)) console.log(line);
};
let session;
let exitCode = 1;
try {
  session = await startCodeServer({ testDriver: true, log });
  const page = await session.browser.newPage();
  await page.exposeFunction('codeAutomationLog', (_type, args) => log(format(...(Array.isArray(args) ? args : [args]))));
  let reportExit;
  const exited = new Promise((resolve) => {
    reportExit = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
  await page.goto(
    session.url(folder, [
      ...developmentPaths.map((p) => ['extensionDevelopmentPath', session.remote(p)]),
      ['extensionTestsPath', session.remote(testsPath)],
      ['skipWelcome', 'true'],
    ]),
  );
  exitCode = await withTimeout(exited, SUITE_TIMEOUT_MS, 'extension-host suite');
} catch (error) {
  console.error(`codeShim: ${error instanceof Error ? error.message : error}`);
} finally {
  if (exitCode !== 0 && session) {
    console.error(`codeShim: extension host log:\n${session.extensionHostLog().split('\n').slice(-60).join('\n')}`);
  }
  await session?.close();
}
process.exit(exitCode);
