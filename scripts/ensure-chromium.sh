#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (never a downloaded browser). Install it when
# missing and running as root; otherwise say how.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium from Debian's packages (apt-get install chromium)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] && exit 0
fi
echo "The end-to-end tests need Chromium at /usr/bin/chromium. Install it with: sudo apt-get install -y chromium" >&2
exit 1
