#!/usr/bin/env bash
# Compiles and lints a Bicep template with the pinned CLI (scripts/bicep.sh) and fails on any diagnostic: the CLI
# exits 0 on warnings and prints them on stderr, so an error exit or any line on stderr fails the check.
# Usage: bash scripts/bicep-check.sh [template.bicep]   (default: azure-functionapp.bicep at the repository root)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template="${1:-$root/azure-functionapp.bicep}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for step in build lint; do
  args=("$step" "$template")
  [ "$step" = build ] && args+=(--outdir "$work")
  rc=0
  bash "$root/scripts/bicep.sh" "${args[@]}" >"$work/$step.out" 2>"$work/$step.err" || rc=$?
  if [ "$rc" -ne 0 ] || [ -s "$work/$step.err" ]; then
    echo "bicep $step $(basename "$template"): exit $rc, diagnostics:" >&2
    cat "$work/$step.err" "$work/$step.out" >&2
    status=1
  else
    echo "bicep $step $(basename "$template"): no diagnostics"
  fi
done
exit "$status"
