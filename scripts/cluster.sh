#!/usr/bin/env bash
# The production shape as local processes on loopback: N silos (src/Silo) and one gateway (src/Api as an
# Orleans client) on the machine's PostgreSQL (scripts/pg.sh). Logs and pids go to .cluster/.
# The processes run in the Development environment: the token-signing and personal-data keys are generated
# once in ~/.casegrains and shared by all of them, and POST /api/v1/dev/tokens issues tokens. In production
# set Auth:Authority or Auth:SigningKey and PersonalData:Key instead.
#   scripts/cluster.sh start [silos=3] [gateway port=5080]   builds (Release), starts, waits until the gateway is ready
#   scripts/cluster.sh add-silo                               starts one more silo (its activations come by rebalancing)
#   scripts/cluster.sh kill N                                 kill -9 silo N: a machine that dies
#   scripts/cluster.sh drain N                                SIGTERM to silo N: a graceful removal, the same as
#                                                             POST /api/v1/cluster/members/{id}/drain
#   scripts/cluster.sh status | stop
# Environment: CASEGRAINS_POSTGRES (connection string; default scripts/pg.sh's), CASEGRAINS_CLUSTER_DIR (state,
# default .cluster), CASEGRAINS_CLUSTER_PORT_BASE (silo N listens on BASE+N for silos, BASE+100+N for clients;
# default 11110, i.e. 11111.. and 11211..), CASEGRAINS_CLUSTER_CONFIGURATION (Release), CASEGRAINS_CLUSTER_NO_BUILD=1
# (use what is built), CASEGRAINS_CLUSTER_READY_SECONDS (how long start waits for the gateway, 180). Any other variable (Scheduling__PollInterval=00:00:02, ...) passes to every process.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
STATE="${CASEGRAINS_CLUSTER_DIR:-$ROOT/.cluster}"
BASE="${CASEGRAINS_CLUSTER_PORT_BASE:-11110}"
CONFIGURATION="${CASEGRAINS_CLUSTER_CONFIGURATION:-Release}"
SILO_DLL="$ROOT/src/Silo/bin/$CONFIGURATION/net10.0/CaseGrains.Silo.dll"
API_DLL="$ROOT/src/Api/bin/$CONFIGURATION/net10.0/CaseGrains.Api.dll"
mkdir -p "$STATE"

postgres() { echo "${CASEGRAINS_POSTGRES:-$(scripts/pg.sh start)}"; }

start_silo() {
  local i="$1" pg="$2"
  DOTNET_ENVIRONMENT=Development ConnectionStrings__Postgres="$pg" \
    Platform__SiloPort=$((BASE + i)) Platform__GatewayPort=$((BASE + 100 + i)) Platform__SiloName="silo$i" \
    nohup dotnet "$SILO_DLL" >"$STATE/silo$i.log" 2>&1 &
  echo $! >"$STATE/silo$i.pid"
  echo "silo$i started (pid $!, silo port $((BASE + i)), gateway port $((BASE + 100 + i)))"
}

start() {
  local silos="${1:-3}" http="${2:-5080}" pg
  pg=$(postgres)
  if [ "${CASEGRAINS_CLUSTER_NO_BUILD:-}" != "1" ]; then
    dotnet build src/Silo -c "$CONFIGURATION" -v quiet -nologo >/dev/null
    dotnet build src/Api -c "$CONFIGURATION" -v quiet -nologo >/dev/null
  fi
  for i in $(seq 1 "$silos"); do start_silo "$i" "$pg"; done
  echo "$http" >"$STATE/gateway.port"
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Postgres="$pg" Platform__Role=Gateway \
    nohup dotnet "$API_DLL" --urls "http://127.0.0.1:$http" >"$STATE/gateway.log" 2>&1 &
  echo $! >"$STATE/gateway.pid"
  local wait="${CASEGRAINS_CLUSTER_READY_SECONDS:-180}"
  for _ in $(seq 1 "$wait"); do
    if curl -sf "http://127.0.0.1:$http/health/ready" >/dev/null 2>&1; then
      echo "cluster ready: $silos silo(s), gateway http://127.0.0.1:$http (logs in $STATE)"
      return 0
    fi
    sleep 1
  done
  echo "the gateway did not become ready within $wait s; see $STATE/*.log" >&2
  return 1
}

add_silo() {
  local i=1
  while [ -f "$STATE/silo$i.pid" ]; do i=$((i + 1)); done
  start_silo "$i" "$(postgres)"
}

signal_silo() {
  local signal="$1" i="$2" pidfile="$STATE/silo$2.pid"
  [ -f "$pidfile" ] || { echo "no silo$i in $STATE" >&2; exit 1; }
  kill "-$signal" "$(cat "$pidfile")"
  echo "silo$i sent SIG$signal (pid $(cat "$pidfile"))"
}

stop() {
  for pidfile in "$STATE"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  for pidfile in "$STATE"/*.pid; do
    [ -f "$pidfile" ] || continue
    for _ in $(seq 1 70); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 1; done
    kill -9 "$(cat "$pidfile")" 2>/dev/null || true
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
  add-silo) add_silo ;;
  kill) signal_silo KILL "${2:?silo number}" ;;
  drain) signal_silo TERM "${2:?silo number}" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: scripts/cluster.sh start [silos] [http-port] | add-silo | kill N | drain N | status | stop" >&2; exit 2 ;;
esac
