# Sourced by every project script: puts the project's own Node 22, pnpm and bun first on PATH and
# turns off telemetry and browser downloads. Nothing here is global to the machine.
NEXIS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NEXIS_ROOT
export PATH="$NEXIS_ROOT/.tools/node_modules/.bin:$NEXIS_ROOT/node_modules/.bin:$PATH"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 NEXT_TELEMETRY_DISABLED=1 ASTRO_TELEMETRY_DISABLED=1
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 TURBO_NO_UPDATE_NOTIFIER=1
# /root/.npmrc may point node-gyp at Node 20's headers; native addons must build for our Node 22.
export npm_config_nodedir=""
