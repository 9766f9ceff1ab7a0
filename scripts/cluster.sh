#!/usr/bin/env bash
# The production shape as local processes on loopback: N silos (src/Silo) and one gateway (src/Api as an
# Orleans client) on the machine's PostgreSQL (scripts/pg.sh). Logs and pids go to .cluster/.
# The processes run in the Development environment: the token-signing and personal-data keys are generated
# once in ~/.casegrains and shared by all of them, and POST /api/v1/dev/tokens issues tokens. In production
# set Auth:Authority or Auth:SigningKey and PersonalData:Key instead.
#   scripts/cluster.sh start [silos=3] [gateway port=5080] | stop | status
set -euo pipefail
cd "$(dirname "$0")/.."
STATE="$PWD/.cluster"
mkdir -p "$STATE"

start() {
  local silos="${1:-3}" http="${2:-5080}"
  local pg
  pg="${CASEGRAINS_POSTGRES:-$(scripts/pg.sh start)}"
  dotnet build src/Silo -c Release -v quiet -nologo >/dev/null
  dotnet build src/Api -c Release -v quiet -nologo >/dev/null
  for i in $(seq 1 "$silos"); do
    DOTNET_ENVIRONMENT=Development ConnectionStrings__Postgres="$pg" Platform__SiloPort=$((11110 + i)) Platform__GatewayPort=$((30000 + i)) \
      nohup dotnet src/Silo/bin/Release/net10.0/CaseGrains.Silo.dll >"$STATE/silo$i.log" 2>&1 &
    echo $! >"$STATE/silo$i.pid"
  done
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Postgres="$pg" Platform__Role=Gateway \
    nohup dotnet src/Api/bin/Release/net10.0/CaseGrains.Api.dll --urls "http://127.0.0.1:$http" >"$STATE/gateway.log" 2>&1 &
  echo $! >"$STATE/gateway.pid"
  for _ in $(seq 1 60); do
    if curl -sf "http://127.0.0.1:$http/health/ready" >/dev/null 2>&1; then
      echo "cluster ready: $silos silo(s), gateway http://127.0.0.1:$http (logs in .cluster/)"
      return 0
    fi
    sleep 1
  done
  echo "the gateway did not become ready within 60 s; see .cluster/*.log" >&2
  return 1
}

stop() {
  for pidfile in "$STATE"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

status() {
  for pidfile in "$STATE"/*.pid; do
    [ -f "$pidfile" ] || continue
    local name; name=$(basename "$pidfile" .pid)
    if kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "$name running (pid $(cat "$pidfile"))"; else echo "$name stopped"; fi
  done
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/cluster.sh start [silos] [http-port] | stop | status" >&2; exit 2 ;;
esac
