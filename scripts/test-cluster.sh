#!/usr/bin/env bash
# The cluster tests: several API servers (and WhatsApp workers) as real processes on one machine,
# sharing the real Postgres at 127.0.0.1:5432 (each test file makes a fresh database and drops it)
# and Redis at 127.0.0.1:6379 (under a key prefix of their own). Not part of `pnpm test`: they
# always need both services. Prints "N passed, N failed" over their JUnit reports
# (.reports/cluster-*.xml); exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$NEXIS_ROOT"

export NEXIS_REPORTS="$NEXIS_ROOT/.reports"
mkdir -p "$NEXIS_REPORTS" && rm -f "$NEXIS_REPORTS"/cluster-*.xml

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "Postgres at 127.0.0.1:5432 is not answering." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

redis_ping() { node -e 'const s=require("net").connect(6379,"127.0.0.1");s.on("connect",()=>s.write("PING\r\n"));s.on("data",d=>process.exit(String(d).startsWith("+PONG")?0:1));s.on("error",()=>process.exit(1))'; }
if ! redis_ping; then
  echo "Redis at 127.0.0.1:6379 is not answering." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
step() { printf '\n\033[1;36m› %s\033[0m\n' "$1"; shift; "$@" || status=1; }

step "API instances: live events, outbox, webhook idempotency, graceful shutdown (vitest)" \
  vitest run --config apps/server/vitest.cluster.config.ts --reporter=default --reporter=junit --outputFile.junit="$NEXIS_REPORTS/cluster-server.xml"
step "WhatsApp workers: session ownership, failover, SIGTERM handover, WEBJS auth state (bun test)" \
  pnpm --silent --filter whatsapp-web-server test:cluster

# Only this run's reports: the summary reads every .xml in the folder it is given.
summary_dir=$(mktemp -d)
cp "$NEXIS_REPORTS"/cluster-*.xml "$summary_dir"/ 2>/dev/null || true
echo
node scripts/summarize-tests.ts "$summary_dir" || status=1
rm -rf "$summary_dir"
exit "$status"
