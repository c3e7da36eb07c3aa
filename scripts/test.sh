#!/usr/bin/env bash
# The README's second command: runs every test in the repository (unit, integration, end to end)
# on the database the environment names (PGlite by default, Postgres when DATABASE_URL is set),
# then prints "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$NEXIS_ROOT"

bash scripts/bootstrap.sh || exit 1
bash scripts/ensure-chromium.sh || exit 1

export NEXIS_REPORTS="$NEXIS_ROOT/.reports"
rm -rf "$NEXIS_REPORTS" && mkdir -p "$NEXIS_REPORTS"
echo "Database for this run: ${DATABASE_URL:+Postgres ($DATABASE_URL)}${DATABASE_URL:-PGlite (embedded)}"

status=0
step() { printf '\n\033[1;36m› %s\033[0m\n' "$1"; shift; "$@" || status=1; }

# The landing and docs tests check their built output (links, pages); turbo skips a current build.
step "Build the static sites the tests read" turbo run build --filter=landing --filter=docs --output-logs=errors-only
step "Unit and integration tests (vitest)" \
  vitest run --reporter=default --reporter=junit --outputFile.junit="$NEXIS_REPORTS/vitest.xml"
# CI's second pass (Postgres and Redis) sets NEXIS_DATABASE_SUITES_ONLY=1: the WhatsApp service's
# tests and the browser tests do not depend on the API's database and already ran in the first pass.
if [ "${NEXIS_DATABASE_SUITES_ONLY:-0}" = 1 ]; then
  printf '\n\033[1;33m› %s\033[0m\n' "NEXIS_DATABASE_SUITES_ONLY=1: the WhatsApp service and end-to-end tests are not run in this pass."
else
  step "WhatsApp service tests (bun test)" pnpm --silent --filter whatsapp-web-server test
  step "End-to-end tests (Playwright on Chromium)" \
    vitest run --config e2e/vitest.config.ts --reporter=default --reporter=junit --outputFile.junit="$NEXIS_REPORTS/e2e.xml"
fi

echo
node scripts/summarize-tests.ts "$NEXIS_REPORTS" || status=1
exit "$status"
