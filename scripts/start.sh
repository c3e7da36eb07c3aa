#!/usr/bin/env bash
# The README's first command: installs everything (Node 22, pnpm, dependencies), migrates the
# database, starts all six apps through turbo and prints their URLs once they answer.
# Ctrl-C stops every app and leaves no process behind.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$NEXIS_ROOT"

bash scripts/bootstrap.sh
# Optional local configuration (see .env.example); nothing needs it.
if [ -f .env ]; then set -a; source .env; set +a; fi
source scripts/process-tree.sh

busy=$(ports_in_use)
if [ -n "$busy" ]; then
  echo "These ports are already in use: $busy. Stop what holds them (another 'npm start'?) and retry." >&2
  exit 1
fi

printf '\033[1;36m›\033[0m %s\n' "Migrating the database"
pnpm --silent --filter @nexis/db migrate

printf '\033[1;36m›\033[0m %s\n' "Starting the six apps"
set -m # turbo gets its own process group, so Ctrl-C reaches this script's trap first
turbo run dev --log-prefix=task &
turbo_pid=$!
set +m

stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  echo
  printf '\033[1;36m›\033[0m %s\n' "Stopping every app…"
  stop_tree "$turbo_pid"
  echo "Stopped."
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 129' HUP
trap 'stop_all' EXIT

if ! node scripts/wait-for-apps.ts "${NEXIS_START_TIMEOUT:-300}"; then
  exit 1
fi
wait "$turbo_pid"
