#!/usr/bin/env bash
# Runs the token-validation benchmarks and writes a dated markdown report under docs/benchmarks/:
# the paired run (every contender and the RSA floor timed round-robin in one process, ratios per round), the
# BenchmarkDotNet allocation run, the Node peer (aws-jwt-verify over the same tokens against Node's own floor), the
# end-to-end overhead of authentication under load through the test host, the cold start with and without it, and the
# two HTTP models (built-in, ASP.NET Core integration) compared through the test host.
# Takes a few minutes. Arguments go to the .NET paired run (e.g. --rounds 61). CI runs only the smoke mode (test.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v dotnet >/dev/null || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20.19 or later (node, npm) is required." >&2; exit 1; }

report="docs/benchmarks/$(date -u +%Y-%m-%d).md"
mkdir -p docs/benchmarks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== npm ci (tools/node)"
npm ci --prefix tools/node --no-audit --no-fund --loglevel=error

echo "== dotnet build (Release)"
dotnet build benchmarks/CognitoFunctions.Benchmarks -c Release --nologo -v quiet
benchmark=(dotnet benchmarks/CognitoFunctions.Benchmarks/bin/Release/net10.0/CognitoFunctions.Benchmarks.dll)

echo "== paired run and allocations (.NET)"
"${benchmark[@]}" --report "$report" "$@"

echo "== Node peer (aws-jwt-verify)"
"${benchmark[@]}" --export "$work/tokens.json"
node tools/node/benchmark-aws-jwt-verify.cjs "$work/tokens.json" >>"$report"
{
  echo "Load average after the Node peer: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)."
  echo
} >>"$report"

# Through the test host: the bench function app (built with the benchmarks project) under load, then its cold start.
echo "== end to end under load (.NET load client through the test host)"
"${benchmark[@]}" --e2e --report "$report"

echo "== revocation-checked functions (through the test host, loopback GetUser)"
"${benchmark[@]}" --revocation --report "$report"

echo "== cold start"
"${benchmark[@]}" --cold-start --report "$report"

echo "== HTTP models: built-in against ASP.NET Core integration (load, memory, cold start)"
"${benchmark[@]}" --http-models --report "$report"

echo "== account enumeration by timing (the app against cognito-local)"
"${benchmark[@]}" --enumeration-timing --report "$report"

echo "== report: $report"
