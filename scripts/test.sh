#!/usr/bin/env bash
# Runs every test: starts the private PostgreSQL the integration tests use (installing it if needed),
# then the whole solution's test suite, and ends with one line "N passed, N failed" over all projects.
set -euo pipefail
cd "$(dirname "$0")/.."
export CASEGRAINS_TEST_POSTGRES="$(scripts/pg.sh start)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CaseGrains.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
echo
echo "$passed passed, $failed failed"
exit "$status"
