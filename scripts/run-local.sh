#!/usr/bin/env bash
# Runs CognitoFunctions locally against cognito-local, with no AWS account and no Core Tools needed:
# installs the pinned npm tools if needed, builds the app and tools/LocalRun, and hands over to LocalRun, which
# starts cognito-local on a persistent data directory (.local/cognito-local), provisions (or reuses) the pool
# from aws-cognito.yaml, writes src/CognitoFunctions/local.settings.json and serves the app with `func start`
# when Core Tools is installed, otherwise with the functions test host (--app DIR serves another app's build output
# instead, in either HTTP model). Ctrl+C stops everything it started.
# `bash scripts/run-local.sh --help` lists the options.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration=Debug
build=true
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -c|--configuration)
      [ $# -ge 2 ] || { echo "run-local: $1 needs Debug or Release" >&2; exit 2; }
      configuration=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

command -v dotnet >/dev/null || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20.19 or later (node, npm) is required." >&2; exit 1; }

# npm writes node_modules/.package-lock.json on install: missing or older than the lockfile means install.
if [ ! -f tools/node/node_modules/.package-lock.json ] || [ tools/node/package-lock.json -nt tools/node/node_modules/.package-lock.json ]; then
  echo "[local-run] installing the pinned Node.js tools (npm ci --prefix tools/node)"
  npm ci --prefix tools/node --no-audit --no-fund --loglevel=error
fi

if [ "$build" = true ]; then
  echo "[local-run] building the app and the local runner ($configuration)"
  dotnet build tools/LocalRun/LocalRun.csproj -c "$configuration" --nologo -v quiet
fi

runner="tools/LocalRun/bin/$configuration/net10.0/LocalRun.dll"
[ -f "$runner" ] || { echo "run-local: $runner is missing: run without --no-build." >&2; exit 1; }
# exec: signals (Ctrl+C, SIGTERM) go straight to the runner, which stops what it started.
exec dotnet "$runner" "${args[@]}"
