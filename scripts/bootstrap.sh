#!/usr/bin/env bash
# Installs everything the project needs, with nothing global: Node 22, pnpm and bun into .tools/
# (from the npm registry), then the workspace's dependencies from the committed lockfile.
# Safe to run again: it skips what is already there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$NEXIS_ROOT"

NODE_VERSION=22.23.3 PNPM_VERSION=10.34.9 BUN_VERSION=1.4.5
say() { printf '\033[1;36m›\033[0m %s\n' "$*"; }

tools_ok() {
  [ -x .tools/node_modules/.bin/node ] && [ -x .tools/node_modules/.bin/pnpm ] && [ -x .tools/node_modules/.bin/bun ] &&
    [ "$(.tools/node_modules/.bin/node -p process.versions.node 2>/dev/null)" = "$NODE_VERSION" ] &&
    [ "$(.tools/node_modules/.bin/pnpm -v 2>/dev/null)" = "$PNPM_VERSION" ] &&
    [ "$(.tools/node_modules/.bin/bun -v 2>/dev/null)" = "$BUN_VERSION" ]
}

if ! tools_ok; then
  command -v npm >/dev/null || { echo "npm is required (it comes with Node.js 20 or newer)." >&2; exit 1; }
  say "Installing Node $NODE_VERSION, pnpm $PNPM_VERSION and bun $BUN_VERSION into .tools/"
  rm -rf .tools && mkdir -p .tools
  # One npm install for all three: a second one would prune the binary that node's own script fetched.
  npm install --prefix .tools --no-audit --no-fund --loglevel=error \
    "node@$NODE_VERSION" "pnpm@$PNPM_VERSION" "bun@$BUN_VERSION" >/dev/null
  tools_ok || { echo "Could not install the toolchain into .tools/ (see npm's output above)." >&2; exit 1; }
fi

# Skip pnpm when the lockfile has not changed since the last install (it is then already current).
stamp=node_modules/.nexis-install-stamp
lock_hash="$(sha1sum pnpm-lock.yaml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "Installing dependencies with pnpm (from pnpm-lock.yaml)"
  pnpm install --frozen-lockfile || { echo "pnpm install failed: see its output above." >&2; exit 1; }
  echo "$lock_hash" >"$stamp"
fi
