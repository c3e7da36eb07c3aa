# Helpers for start.sh and the end-to-end tests: find the project's ports in use, and stop a
# process together with every descendant (turbo's children, Next.js workers, bun --watch…).

ports_in_use() {
  local port busy=()
  for port in 3000 3001 3002 4321 8787 8788; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || (exec 3<>"/dev/tcp/::1/$port") 2>/dev/null; then
      busy+=("$port")
    fi
  done
  echo "${busy[*]:-}"
}

descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

# TERM the whole tree, wait up to 10 s for it to exit, then KILL whatever is left.
stop_tree() {
  local root=$1 pids
  pids="$root $(descendants "$root" | tr '\n' ' ')"
  kill -TERM -- "-$root" 2>/dev/null || true
  kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 1 40); do
    local alive=""
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
    [ -z "$alive" ] && return 0
    sleep 0.25
  done
  kill -KILL $pids 2>/dev/null || true
}
