#!/usr/bin/env bash
# The README's promise, as CI checks it: the local command brings the app up against cognito-local, the README's
# curl walkthrough prints what the README shows, and Ctrl+C stops everything.
#
#   bash scripts/readme-walkthrough.sh [run-local options]    start `scripts/run-local.sh --temp`, wait until the
#                                                              app is ready, perform the walkthrough, stop it all
#   bash scripts/readme-walkthrough.sh --against URL           only perform the walkthrough against a running app
#                                                              (e.g. http://127.0.0.1:7071): its pool must be fresh
#
# scripts/test.sh runs it with `--no-build -c Release` after building everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

start_timeout=180   # seconds until run-local says where the app is (includes a build without --no-build)
ready_timeout=60    # seconds until the app answers
stop_timeout=30     # seconds for everything to stop after Ctrl+C

# Ready when the readiness check answers 200: the pool's signing keys are cached and Cognito answers.
ready() { curl -sf -o /dev/null "${1}api/health"; }

walkthrough() { node tools/node/readme-walkthrough.cjs README.md --base-url "${1%/}"; }

for tool in curl jq; do
  if ! command -v "$tool" >/dev/null; then
    # The walkthrough is curl and jq, as a newcomer runs it. Debian's images have both; install only if absent.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "== installing $tool (apt-get)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
    else
      echo "readme-walkthrough: $tool is required (e.g. sudo apt-get install $tool)" >&2
      exit 1
    fi
  fi
done

if [ "${1:-}" = --against ]; then
  [ $# -eq 2 ] || { echo "usage: $0 --against http://127.0.0.1:7071" >&2; exit 2; }
  walkthrough "$2"
  exit
fi

log=$(mktemp)
pid=
stop() {
  # Ctrl+C as a terminal sends it: SIGINT to the whole process group of the run.
  kill -INT -- "-$pid" 2>/dev/null || true
  local deadline=$((SECONDS + stop_timeout))
  while running && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
}
# Whether any process of the run's group is left (the runner, cognito-local, the worker, its watchdog).
running() { kill -0 -- "-$pid" 2>/dev/null; }
cleanup() {
  local status=$?
  if [ -n "$pid" ] && running; then
    stop
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  if [ $status -ne 0 ]; then
    echo "--- scripts/run-local.sh output ---"
    cat "$log"
  fi
  rm -f "$log"
}
trap cleanup EXIT

# Job control gives the run its own process group (to signal and to inspect as one) and leaves SIGINT as a
# terminal would: a background job of a plain script would ignore it.
set -m
bash scripts/run-local.sh --temp "$@" >"$log" 2>&1 &
pid=$!
set +m

echo "== scripts/run-local.sh --temp $* (pid $pid)"
deadline=$((SECONDS + start_timeout))
base=
until base=$(grep -oE 'CognitoFunctions is running at http://[^ ]+' "$log" | grep -oE 'http://[^ ]+$' | sed 's|api/$||'); [ -n "$base" ]; do
  kill -0 "$pid" 2>/dev/null || { echo "readme-walkthrough: run-local.sh exited before the app was up" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "readme-walkthrough: no app after ${start_timeout}s" >&2; exit 1; }
  sleep 0.2
done
grep '^\[local-run\]' "$log"

deadline=$((SECONDS + ready_timeout))
until ready "$base"; do
  [ $SECONDS -lt $deadline ] || { echo "readme-walkthrough: $base did not become ready within ${ready_timeout}s" >&2; exit 1; }
  sleep 0.2
done

echo "== README walkthrough against $base"
status=0
walkthrough "$base" || status=$?

echo "== Ctrl+C"
started=$(grep -oE '(cognito-local|worker|func start) pid [0-9]+' "$log" || true)
stop
if running; then
  echo "readme-walkthrough: still running ${stop_timeout}s after Ctrl+C:" >&2
  ps -eo pid,pgid,args | awk -v g="$pid" '$2 == g' >&2
  exit 1
fi
wait "$pid" || { echo "readme-walkthrough: run-local.sh exited with $? after Ctrl+C" >&2; exit 1; }
echo "stopped: run-local.sh and its whole process group ($(echo "$started" | paste -sd, - | sed 's/,/, /g'))"
exit "$status"
