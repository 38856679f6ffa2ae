#!/usr/bin/env bash
# Runs the Bicep CLI with the project's pinned version: the NuGet package Azure.Bicep.CommandLine.linux-x64
# (version in Directory.Packages.props, hash in tools/Bicep/packages.lock.json) carries the self-contained binary,
# so nothing is downloaded from anywhere else and the CLI works offline. Arguments go to the CLI unchanged and
# relative paths are taken from the current folder, e.g. `bash scripts/bicep.sh build azure-functionapp.bicep`.
# BICEP_CLI, when set, names the binary to run instead (the template tests pass the one their build restored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ -z "${BICEP_CLI:-}" ]; then
  command -v dotnet >/dev/null || { echo "bicep.sh: the .NET 10 SDK (dotnet) is required to restore the Bicep CLI." >&2; exit 1; }
  export DOTNET_NOLOGO=1
  project="$root/tools/Bicep/Bicep.csproj"
  # A no-op when already restored (well under a second); in CI (CI=true) it restores in locked mode. Its output is
  # shown only when it fails, so that callers read nothing but the CLI's own on stdout and stderr.
  restore=$(dotnet restore "$project" --nologo -v quiet 2>&1) || { echo "$restore" >&2; exit 1; }
  package=$(dotnet msbuild "$project" -nologo -getProperty:PkgAzure_Bicep_CommandLine_linux-x64 | tail -n 1)
  BICEP_CLI="$package/tools/bicep"
fi

[ -f "$BICEP_CLI" ] || { echo "bicep.sh: no Bicep CLI at $BICEP_CLI" >&2; exit 1; }
# NuGet does not promise to keep the executable bit of a package's files.
[ -x "$BICEP_CLI" ] || chmod u+x "$BICEP_CLI"
exec "$BICEP_CLI" "$@"
