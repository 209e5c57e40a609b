// UI smoke test: installs the packaged .vsix into code-server and uses Container Notes in the
// workbench through headless Chromium the way a person does — Quick Open, mouse hover, the Problems
// panel, Ctrl+Space, the notes status item, the hover's "Add to my notes" link. Screenshots go to
// test-results/ (ui-hover-user-and-bundled.png: a hover with a user note and a bundled one). The checks' expectations are the `ui` row of
// test/vscode/suite/expectations.ts (run `npm run build` first).
//   node test/e2e/uiSmoke.mjs <file.vsix>
//   CONTAINER_NOTES_TEST_GREP=foundation   only the checks that need no language module
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startCodeServer, treeMemoryMiB, withTimeout } from './codeServer.mjs';

const { ui } = await import(path.join(ROOT, 'out/test/vscode/suite/expectations.js'));
const vsix = process.argv[2];
if (!vsix || !fs.existsSync(vsix)) {
  console.error('usage: node test/e2e/uiSmoke.mjs <file.vsix>');
  process.exit(2);
}
const RESULTS = path.join(ROOT, 'test-results');
const STEP_MS = 20_000;
const grep = process.env.CONTAINER_NOTES_TEST_GREP ? new RegExp(process.env.CONTAINER_NOTES_TEST_GREP) : undefined;
fs.mkdirSync(RESULTS, { recursive: true });
// Screenshots of an earlier run would pass for this run's.
for (const name of fs.readdirSync(RESULTS)) if (name.startsWith('ui-')) fs.rmSync(path.join(RESULTS, name));

const started = Date.now();
const timings = {};
let peakMiB = 0;
const sampler = setInterval(() => {
  peakMiB = Math.max(peakMiB, treeMemoryMiB(process.pid));
}, 500);
const outcomes = [];
let session;
let page;

const screenshot = (name) => page?.screenshot({ path: path.join(RESULTS, `ui-${name}.png`) }).catch(() => {});

/** A named check: runs, records pass/fail and time, and leaves a screenshot either way. */
async function check(name, foundation, body) {
  const title = foundation ? `${name} [foundation]` : name;
  if (grep && !grep.test(title)) return;
  const began = Date.now();
  try {
    await withTimeout(body(), 60_000, name);
    outcomes.push({ title, ok: true });
    console.log(`  ✔ ${title} (${Date.now() - began} ms)`);
  } catch (error) {
    outcomes.push({ title, ok: false });
    console.log(`  ✘ ${title}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  await screenshot(title.replace(/\W+/g, '-').replace(/^-|-$/g, '').toLowerCase());
}

/** Waits until `locator` is visible; the error names what did not appear. */
async function shows(locator, what, timeout = STEP_MS) {
  try {
    await locator.waitFor({ timeout });
  } catch {
    throw new Error(`${what} did not appear within ${timeout / 1000} s`);
  }
}

/** Waits until the active editor tab is the file `name` (its aria-label is the path, then maybe " • 1 problem…"). */
async function activeTab(name) {
  const tab = `.tab.active .monaco-icon-label[aria-label$="/${name}"], .tab.active .monaco-icon-label[aria-label*="/${name} "]`;
  await shows(page.locator(tab), `the ${name} editor tab`).catch(async (error) => {
    const active = await page
      .locator('.tab.active .monaco-icon-label')
      .first()
      .getAttribute('aria-label')
      .catch(() => null);
    throw new Error(`${error.message}; the active tab is ${JSON.stringify(active)}`);
  });
}

/** Quick Open → the file's editor tab is active and shows text. `name` may hold folders (`k8s/deployment.yaml`). */
async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await shows(input, 'the Quick Open box');
  await input.fill(name);
  // Recently opened files rank first, so pick the row whose label is exactly the file name.
  const exactly = new RegExp(`^\\s*${name.split('/').pop().replace(/\./g, '\\.')}\\s*$`);
  const row = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly }) })
    .first();
  await shows(row, `${name} in Quick Open`);
  await row.click();
  await activeTab(name);
  await shows(page.locator('.editor-instance .view-lines').first(), 'the editor text');
}

/** Moves the mouse off and then onto `word` until a hover containing `text` shows (3 tries). */
async function hoverOver(word, text) {
  // Visible spans only: hidden editors and hover widgets render lines of code too.
  const target = page.locator('.editor-instance .view-line span span:visible', { hasText: word }).first();
  await shows(target, `${JSON.stringify(word)} in the editor`);
  for (let attempt = 1; ; attempt++) {
    // Monaco re-renders a line when decorations arrive (diagnostics): the span may be replaced
    // between finding and measuring it, so a missing box is one more attempt, not a failure.
    const box = await target.boundingBox();
    if (!box) {
      if (attempt === 3) throw new Error(`${word} is not on screen`);
      await page.waitForTimeout(500);
      continue;
    }
    // The span may hold more than the word (`kind: Deployment` before the line is tokenised, and
    // a hover on `kind` is another hover): aim at the word's own characters, the font being monospace.
    const spanText = (await target.textContent()) ?? word;
    const charWidth = box.width / Math.max(spanText.length, 1);
    const x = box.x + (Math.max(spanText.indexOf(word), 0) + Math.min(word.length / 2, 3)) * charWidth;
    await page.mouse.move(box.x + 500, box.y + 300);
    await page.mouse.move(x, box.y + box.height / 2, { steps: 4 });
    try {
      await page.locator('.monaco-hover:not(.hidden)', { hasText: text }).first().waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        const shown = await page
          .locator('.monaco-hover:not(.hidden)')
          .allInnerTexts()
          .catch(() => []);
        throw new Error(`no hover with ${JSON.stringify(text)} over ${JSON.stringify(word)}; shown: ${JSON.stringify(shown)}`);
      }
    }
  }
}

// A copy of the fixture: the test types into a document, and the fixture stays untouched.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'container-notes-ui-'));
fs.cpSync(path.join(ROOT, 'test/vscode/fixture'), workspace, { recursive: true });
try {
  let t = Date.now();
  session = await startCodeServer({ vsix, log: (line) => console.log(`  ${line}`) });
  timings.codeServerAndChromiumMs = Date.now() - t;
  page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
  t = Date.now();
  await page.goto(session.url(workspace));
  await shows(page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Dockerfile' }).first(), 'the Explorer with the fixture', 90_000);
  timings.workbenchReadyMs = Date.now() - t;

  await check('the status bar shows the Docker language for pinned.Dockerfile', true, async () => {
    await openFile(ui.ignoreHover.file);
    await shows(page.locator('[id="status.editor.mode"]', { hasText: /Docker/ }), 'Docker in the status bar');
  });
  await check('hovering an ignore comment shows its reason', ui.ignoreHover.foundation, async () => {
    await openFile(ui.ignoreHover.file);
    await hoverOver(ui.ignoreHover.word, ui.ignoreHover.contains);
  });
  await check(`hovering ${ui.hover.word} shows its reference`, false, async () => {
    await openFile(ui.hover.file);
    await hoverOver(ui.hover.word, ui.hover.contains);
  });
  await check(`the Problems panel lists ${ui.problem.contains}`, false, async () => {
    await openFile(ui.problem.file);
    // The status bar's problem counts open the Problems panel (like Ctrl+Shift+M).
    await page.locator('[id="status.problems"]').click();
    await shows(page.locator('.markers-panel .monaco-list-row', { hasText: ui.problem.contains }).first(), `${ui.problem.contains} in the Problems panel`);
  });
  await check(`Ctrl+Space on a new line suggests ${ui.completion.label}`, false, async () => {
    await openFile(ui.completion.file);
    await page.locator('.editor-instance .view-line', { hasText: ui.completion.afterLine }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row', { hasText: ui.completion.label }).first();
    await shows(row, `${ui.completion.label} in the suggestions`).catch(async (error) => {
      const offered = await page
        .locator('.suggest-widget .monaco-list-row .label-name')
        .allInnerTexts()
        .catch(() => []);
      throw new Error(`${error.message}; offered: ${JSON.stringify(offered)}`);
    });
  });
  await check('the status bar shows how many notes are loaded', false, async () => {
    await shows(page.locator('.statusbar-item', { hasText: ui.status }).first(), `${ui.status} in the status bar`);
  });
  await check("a hover shows the user's note and a bundled one", false, async () => {
    await openFile(ui.twoSections.file);
    await hoverOver(ui.twoSections.word, ui.twoSections.user);
    const text = await page.locator('.monaco-hover:not(.hidden)', { hasText: ui.twoSections.user }).first().innerText();
    if (!ui.twoSections.bundled.test(text)) throw new Error(`no bundled section in the hover: ${JSON.stringify(text)}`);
    await page.screenshot({ path: path.join(RESULTS, 'ui-hover-user-and-bundled.png') });
  });
  await check(`clicking "${ui.addNoteLink.link}" in a hover opens ${ui.addNoteLink.notesFile} at a new section`, false, async () => {
    await openFile(ui.addNoteLink.file);
    await hoverOver(ui.addNoteLink.word, ui.addNoteLink.link);
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: ui.addNoteLink.link }).first().click();
    await activeTab(ui.addNoteLink.notesFile);
    await shows(page.locator('.editor-instance .view-line', { hasText: ui.addNoteLink.heading }).first(), `${ui.addNoteLink.heading} in the notes file`);
  });
} catch (error) {
  outcomes.push({ title: 'the workbench opens', ok: false });
  console.log(`  ✘ the workbench opens: ${error instanceof Error ? error.message : error}`);
  await screenshot('workbench');
} finally {
  clearInterval(sampler);
  if (outcomes.some((o) => !o.ok) && session) {
    console.log(`  extension host log (tail):\n${session.extensionHostLog().split('\n').slice(-30).join('\n')}`);
  }
  await session?.close();
  fs.rmSync(workspace, { recursive: true, force: true });
}
const failed = outcomes.filter((o) => !o.ok).length;
console.log(`ui smoke: ${JSON.stringify({ ...timings, totalMs: Date.now() - started, peakMemoryMiB: Math.round(peakMiB) })}`);
console.log(`ui smoke: screenshots in ${path.relative(process.cwd(), RESULTS) || RESULTS}/`);
console.log(`${outcomes.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
