#!/usr/bin/env bash
# Runs every test: starts the private PostgreSQL the integration tests use (installing it if needed),
# then the whole solution's test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
export CASEGRAINS_TEST_POSTGRES="$(scripts/pg.sh start)"
dotnet test CaseGrains.sln -c Release "$@"
