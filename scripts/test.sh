#!/usr/bin/env bash
# Runs every test suite of CognitoFunctions from a fresh clone: installs the pinned Node.js tools
# (cognito-local, cfn-lint) from their lockfile, restores NuGet packages in locked mode, builds with
# warnings as errors and runs all test projects. Tests start and stop the servers they need themselves.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration="${CONFIGURATION:-Release}"
command -v dotnet >/dev/null || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20 or later (node, npm) is required." >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "Node.js 20 or later is required (found $(node --version))." >&2; exit 1; }

echo "== npm ci (tools/node)"
npm ci --prefix tools/node --no-audit --no-fund --loglevel=error

echo "== dotnet restore (locked)"
dotnet restore CognitoFunctions.sln --locked-mode --nologo -v quiet

echo "== dotnet build ($configuration, warnings are errors)"
dotnet build CognitoFunctions.sln --no-restore -c "$configuration" --nologo -v quiet -warnaserror -p:ContinuousIntegrationBuild=true

echo "== dotnet test"
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test CognitoFunctions.sln --no-build -c "$configuration" --nologo \
  --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" || status=$?

# The benchmarks must keep working: a few rounds of every contender, each answer checked (no timing asserted).
echo "== benchmarks smoke"
benchmark="benchmarks/CognitoFunctions.Benchmarks/bin/$configuration/net10.0/CognitoFunctions.Benchmarks.dll"
dotnet "$benchmark" --smoke || status=$?
# The Node peer (aws-jwt-verify) over a few of the same tokens: it fails if it rejects a valid one.
{ dotnet "$benchmark" --smoke --export "$results/benchmark-tokens.json" >/dev/null \
  && node tools/node/benchmark-aws-jwt-verify.cjs "$results/benchmark-tokens.json" 2 1 >/dev/null; } || status=$?

# One closing line over every test assembly, from the results in the TRX files.
node -e '
  const fs = require("fs"), path = require("path");
  const counts = { Passed: 0, Failed: 0, NotExecuted: 0 };
  for (const f of fs.readdirSync(process.argv[1]).filter((f) => f.endsWith(".trx"))) {
    const trx = fs.readFileSync(path.join(process.argv[1], f), "utf8");
    for (const m of trx.matchAll(/<UnitTestResult [^>]*outcome="(\w+)"/g)) counts[m[1]] = (counts[m[1]] ?? 0) + 1;
  }
  const failed = Object.entries(counts).filter(([k]) => !["Passed", "NotExecuted"].includes(k)).reduce((n, [, v]) => n + v, 0);
  console.log(`tests: ${counts.Passed} passed, ${failed} failed, ${counts.NotExecuted} skipped`);
' "$results"
exit "$status"
