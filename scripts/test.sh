#!/usr/bin/env bash
# Runs every test suite of CognitoFunctions from a fresh clone: installs the pinned Node.js tools
# (cognito-local, cfn-lint) from their lockfile, restores NuGet packages in locked mode, builds with
# warnings as errors, compiles and lints the Bicep template with no diagnostic allowed, and runs all test projects,
# the Node.js tool tests and the README walkthrough (which runs scripts/run-local.sh itself). Tests start and stop
# the servers they need themselves.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration="${CONFIGURATION:-Release}"
command -v dotnet >/dev/null || { echo "The .NET 10 SDK (dotnet) is required." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20.19 or later (node, npm) is required." >&2; exit 1; }
# Redocly CLI (the OpenAPI lint) needs 20.19 or later.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || { echo "Node.js 20.19 or later is required (found $(node --version))." >&2; exit 1; }

echo "== npm ci (tools/node)"
npm ci --prefix tools/node --no-audit --no-fund --loglevel=error

echo "== dotnet restore (locked)"
dotnet restore CognitoFunctions.sln --locked-mode --nologo -v quiet

echo "== dotnet build ($configuration, warnings are errors)"
dotnet build CognitoFunctions.sln --no-restore -c "$configuration" --nologo -v quiet -warnaserror -p:ContinuousIntegrationBuild=true

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0

# The Azure template, compiled and linted with the pinned Bicep CLI (scripts/bicep.sh): the CLI exits 0 on warnings,
# so scripts/bicep-check.sh fails on any line it prints on stderr.
echo "== bicep build and lint (azure-functionapp.bicep, no diagnostics allowed)"
bash scripts/bicep-check.sh azure-functionapp.bicep || status=1

echo "== dotnet test"
dotnet test CognitoFunctions.sln --no-build -c "$configuration" --nologo \
  --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" || status=$?

# The benchmarks must keep working: a few rounds of every contender, each answer checked (no timing asserted).
echo "== benchmarks smoke"
benchmark="benchmarks/CognitoFunctions.Benchmarks/bin/$configuration/net10.0/CognitoFunctions.Benchmarks.dll"
dotnet "$benchmark" --smoke || status=$?
# The end-to-end and cold-start modes through the test host: statuses (anonymous 200, private 401 without a token and
# 200 with one, same body) and no JWKS fetch after warm-up are checked; their timings are not.
dotnet "$benchmark" --e2e --smoke || status=$?
dotnet "$benchmark" --cold-start --smoke || status=$?
# The same functions in both HTTP models (built-in and ASP.NET Core integration) through the test host: every status and
# body checked in both (anonymous GET, protected GET without and with a token, a JSON POST), the same bytes from each;
# no timing asserted.
dotnet "$benchmark" --http-models --smoke || status=$?
# A revocation-checked function against a loopback GetUser: every answer 200, GetUser asked once per unseen token and
# never for a remembered one; no timing asserted.
dotnet "$benchmark" --revocation --smoke || status=$?
# The real app against cognito-local, two pairs per kind: every answer's status is checked, no timing.
dotnet "$benchmark" --enumeration-timing --smoke || status=$?
# The Node peer (aws-jwt-verify) over a few of the same tokens: it fails if it rejects a valid one.
{ dotnet "$benchmark" --smoke --export "$results/benchmark-tokens.json" >/dev/null \
  && node tools/node/benchmark-aws-jwt-verify.cjs "$results/benchmark-tokens.json" 2 1 >/dev/null; } || status=$?

echo "== node --test (tools/node/test)"
node --test --test-reporter=tap tools/node/test/ | tee "$results/node-tests.tap" || status=1

echo "== README walkthrough: scripts/run-local.sh --temp, wait until ready, the README's curl blocks, Ctrl+C"
walkthrough_status=0
bash scripts/readme-walkthrough.sh --no-build -c "$configuration" | tee "$results/walkthrough.txt" || walkthrough_status=$?
[ "$walkthrough_status" -eq 0 ] || status=1

# One closing line over every test assembly (TRX result files), the Node.js tests and the walkthrough (its steps,
# plus one for bringing the local run up and stopping it).
node -e '
  const fs = require("fs"), path = require("path");
  const [dir, walkthroughStatus] = process.argv.slice(1);
  let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".trx"))) {
    // Per-test outcomes: the TRX counters leave out xunit skips.
    for (const m of fs.readFileSync(path.join(dir, f), "utf8").matchAll(/<UnitTestResult [^>]*outcome="(\w+)"/g)) {
      if (m[1] === "Passed") passed++; else if (m[1] === "NotExecuted") skipped++; else failed++;
    }
  }
  const read = (f) => fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f), "utf8") : "";
  const tap = read("node-tests.tap"), count = (k) => Number((tap.match(new RegExp(`^# ${k} (\\d+)$`, "m")) ?? [0, 0])[1]);
  passed += count("pass"); failed += count("fail") + count("cancelled"); skipped += count("skipped") + count("todo");
  const steps = read("walkthrough.txt").match(/^walkthrough: (\d+) passed, (\d+) failed$/m);
  if (steps) { passed += Number(steps[1]); failed += Number(steps[2]); }
  if (walkthroughStatus === "0") passed++; else failed++;
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results" "$walkthrough_status"
exit "$status"
