#!/usr/bin/env bash
# `npm run test:nvim`: Debian's Neovim (0.7.x) as a second LSP client of `node dist/server.js --stdio`,
# headless: diagnostics arrive, and a hover shows the text of a user note. Installs neovim when it
# is missing (CI runs as root). Prints `N passed, N failed`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if ! command -v nvim >/dev/null 2>&1; then
  echo "test:nvim: installing neovim"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi
[ -f dist/server.js ] || npm run build
echo "test:nvim: $(nvim --version | head -1), node $(node -v)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/project" "$WORK/notes"
cat > "$WORK/project/Dockerfile" <<'DOCKERFILE'
# container-notes ignore=dockerfile/latest-tag -- pinned by renovate
FROM debian:latest
# container-notes ignore=dockerfile/latest-tag
FROM debian:latest AS second
DOCKERFILE
cat > "$WORK/notes/docker.md" <<'NOTES'
# Our Dockerfile habits

## Pinned base images
<!-- keys: rule:dockerfile/latest-tag -->
Renovate bumps our base images every week, so a floating tag only hides what changed.
NOTES

cd "$WORK/project"
CN_SERVER="$ROOT/dist/server.js" CN_NOTES="$WORK/notes" CN_ROOT="$WORK/project" \
  timeout 120 nvim --headless -n -i NONE -u "$ROOT/test/nvim/init.lua" Dockerfile -c 'lua ContainerNotesCheck()'
