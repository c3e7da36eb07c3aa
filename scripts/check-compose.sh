#!/usr/bin/env bash
# Validates docker-compose.yml and the files it names, as CI does.
#   1. Always: the structural check (scripts/check-compose.ts): services, Dockerfiles, env files,
#      mounted files, depends_on, health checks, host ports, and every ${VAR} documented in
#      .env.example. Needs only Node.
#   2. With the docker CLI and its compose plugin: `docker compose config -q` on every profile.
#   3. With a Docker daemon answering too: builds every app image (set NEXIS_COMPOSE_BUILD=0 to skip).
# Prints which of them ran. Exits non-zero on the first failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$NEXIS_ROOT"

say() { printf '\033[1;36m›\033[0m %s\n' "$1"; }

say "Compose check, structural mode (Node, no Docker needed)"
node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON scripts/check-compose.ts docker-compose.yml

if ! command -v docker >/dev/null 2>&1; then
  say "Docker mode skipped: no docker CLI on this machine"
  exit 0
fi
if ! docker compose version >/dev/null 2>&1; then
  say "Docker mode skipped: the docker CLI has no compose plugin ('docker compose version' fails)"
  exit 0
fi

say "Compose check, docker mode: docker compose config -q (default services, then --profile cluster)"
docker compose -f docker-compose.yml config -q
docker compose -f docker-compose.yml --profile cluster config -q
echo "docker compose config: OK"

if [ "${NEXIS_COMPOSE_BUILD:-1}" = "0" ]; then
  say "Image builds skipped: NEXIS_COMPOSE_BUILD=0"
elif docker info >/dev/null 2>&1; then
  say "Building every app image (docker compose --profile cluster build)"
  docker compose -f docker-compose.yml --profile cluster build
else
  say "Image builds skipped: no Docker daemon answers 'docker info'"
fi
