#!/usr/bin/env bash
# Main job: installs what is missing, starts (or reuses) the database, applies migrations, makes sure
# a demo network exists, and serves Mobility on http://127.0.0.1:5080. Ctrl-C stops it all cleanly.
#   MOBILITY_DB        use this PostgreSQL (a connection string) instead of the private cluster in .data/
#   MOBILITY_OSM_FILE  the OSM extract for the demo network, the basemap tiles and the address index (default: the Heidelberg extract in ../shared)
#   MOBILITY_SCENARIO  the demo scenario (default auto: the built-in one whose plants lie in the extract, e.g. liechtenstein for liechtenstein-2015.osm.pbf)
#   MOBILITY_PORT      the HTTP port (default 5080)
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_prerequisites

port=${MOBILITY_PORT:-5080}
data_dir="$PWD/.data"
mkdir -p "$data_dir"
cluster_dir="$data_dir/pg"
own_cluster=""
if [ -z "${MOBILITY_DB:-}" ]; then
  db_port=${MOBILITY_DB_PORT:-55433}
  [ -f "$cluster_dir/data/postmaster.pid" ] || db_port=$(free_port "$db_port")
  start_cluster "$cluster_dir" "$db_port"
  own_cluster=yes
  db_port=$(sed -n 4p "$cluster_dir/data/postmaster.pid")
  as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$db_port" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'mobility'" | grep -q 1 \
    || as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$db_port" -U postgres mobility
  export MOBILITY_DB="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=mobility"
fi

server_pid=""
shutdown() {
  trap - INT TERM EXIT
  if [ -n "$server_pid" ]; then
    log "Stopping the server"
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$own_cluster" ]; then
    log "Stopping PostgreSQL (data kept in .data/pg)"
    stop_cluster "$cluster_dir"
  fi
}
trap shutdown INT TERM EXIT

build_web
log "Building (Release)"
dotnet build src/Mobility.Server -c Release -nologo -v quiet
dotnet build src/Mobility.Cli -c Release -nologo -v quiet
cli=(dotnet src/Mobility.Cli/bin/Release/net10.0/linux-x64/mobility.dll)

log "Applying database migrations"
"${cli[@]}" db migrate

if [ -z "${MOBILITY_OSM_FILE:-}" ]; then
  shared_dir=$(find_shared_dir || true)
  [ -n "$shared_dir" ] && [ -f "$shared_dir/osm-data/heidelberg.osm.pbf" ] \
    && export MOBILITY_OSM_FILE="$shared_dir/osm-data/heidelberg.osm.pbf"
fi
if [ -n "${MOBILITY_OSM_FILE:-}" ] && [ -f "$MOBILITY_OSM_FILE" ]; then
  log "Making sure the demo network exists (extract: $MOBILITY_OSM_FILE)"
  "${cli[@]}" demo seed --scenario "${MOBILITY_SCENARIO:-auto}" --osm "$MOBILITY_OSM_FILE" | tee "$data_dir/demo-accounts.txt"
  # Eight weeks of the working group's activity history, so its chart is not empty and its trend compares the last four
  # weeks with the four before (days already taken are kept).
  "${cli[@]}" statistics demo-history --days 56 || log "No activity history for the demo (the dashboard's chart stays empty)"
  # The basemap from the same extract, built once and reused while the extract is unchanged (.data/tiles/).
  log "Making sure the basemap tiles exist"
  if tiles_file=$("${cli[@]}" tiles build --osm "$MOBILITY_OSM_FILE"); then
    export Tiles__File="$tiles_file"
  else
    log "No basemap tiles (see the message above): the server starts without them."
  fi
  # The address index of the same extract, built once and reused while the extract is unchanged (.data/addresses/).
  log "Making sure the address index exists"
  if addresses_file=$("${cli[@]}" addresses build --osm "$MOBILITY_OSM_FILE"); then
    export Addresses__File="$addresses_file"
  else
    log "No address index (see the message above): the server starts without address search."
  fi
else
  log "No OSM extract found, so no demo network. Set MOBILITY_OSM_FILE to an .osm.pbf file, or get one"
  log "with osm-data/fetch-region.sh (see osm-data/README.md). The server starts without a demo."
fi

# The roads and the isochrones are loaded right after the start, not by the first working-group visitor.
export Routing__WarmAtStart="${Routing__WarmAtStart:-true}"
# The project folder is the content root: it holds appsettings.json and the web UI (wwwroot).
dotnet src/Mobility.Server/bin/Release/net10.0/linux-x64/Mobility.Server.dll \
  --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/Mobility.Server" &
server_pid=$!
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || die "The server stopped during start-up (see the log above)."
  sleep 0.5
done
cat <<MSG

  Mobility est prêt / Mobility is ready:  http://127.0.0.1:$port
  API (OpenAPI, Scalar):                  http://127.0.0.1:$port/api-reference
  Santé / health:                         http://127.0.0.1:$port/health
  Ctrl-C arrête le serveur et la base / stops the server and the database.

MSG
[ -f "$data_dir/demo-accounts.txt" ] && grep -A100 "demo accounts" "$data_dir/demo-accounts.txt" | head -40
wait "$server_pid"
