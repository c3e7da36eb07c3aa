#!/bin/sh
# Turns the landing build's dist/_headers (the shared @nexis/security-headers, written by
# apps/landing/src/integrations/security-headers.ts for static hosts) into nginx `add_header`
# lines, so the container sends exactly the headers the other hosts do. HSTS is left to the
# TLS-terminating proxy in front: this server speaks plain HTTP.
# Usage: headers-to-nginx.sh <dist/_headers> > security-headers.conf
set -eu
[ -s "$1" ] || { echo "headers-to-nginx: $1 is missing or empty; the landing build writes it" >&2; exit 1; }
grep -E '^[[:space:]]+[A-Za-z-]+:' "$1" \
  | grep -vi '^[[:space:]]*Strict-Transport-Security:' \
  | sed -E 's/"/\\"/g; s/^[[:space:]]+([A-Za-z-]+):[[:space:]]*(.*)$/add_header \1 "\2" always;/'
