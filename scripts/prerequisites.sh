# Sourced by run.sh and test.sh: installs what a fresh Debian machine lacks and offers the
# helpers both scripts need to run a private PostgreSQL + PostGIS cluster.

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
APT_PACKAGES=(
  "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" "postgresql-$PG_VERSION-pgrouting"
  osm2pgrouting osmium-tool redis-server python3-aiosmtpd
  tilemaker  # basemap vector tiles (`mobility tiles build`), with its OpenMapTiles example config and Lua profile
  chromium  # the browser tests drive it headless (Playwright with ExecutablePath, no browser download); the server prints the diagnostic report with it
  poppler-utils  # pdftotext: the report tests read the PDF's text
)

log() { printf '\033[1m[mobility]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[mobility] %s\033[0m\n' "$*" >&2; exit 1; }

ensure_prerequisites() {
  command -v dotnet >/dev/null || die "The .NET SDK 10 is missing (dotnet not on PATH)."
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if ((${#missing[@]})); then
    [ "$(id -u)" = 0 ] || die "Missing Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]})."
    log "Installing Debian packages: ${missing[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [ -f dotnet-tools.json ] || [ -f .config/dotnet-tools.json ]; then
    dotnet tool restore >/dev/null
  fi
}

# build_web: the browser app (src/Mobility.Web, TypeScript + Vite) into the server's wwwroot. npm ci runs again only when
# the lock file changed since the last install; packages come from the npm registry.
build_web() {
  local web=src/Mobility.Web
  command -v npm >/dev/null || die "Node.js 20 or later with npm is needed to build the web app (src/Mobility.Web)."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js $(node --version) is too old for the web app's build: 20 or later is needed."
  if [ ! -f "$web/node_modules/.installed-lock" ] || ! cmp -s "$web/package-lock.json" "$web/node_modules/.installed-lock"; then
    log "Installing the web app's npm packages"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $web"
    cp "$web/package-lock.json" "$web/node_modules/.installed-lock"
  fi
  log "Building the web app"
  (cd "$web" && npm run --silent build -- --logLevel warn) || die "The web app's build failed (src/Mobility.Web)."
}

# Runs a PostgreSQL server binary as the postgres user when we are root (initdb refuses root).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_cluster DIR PORT: creates the cluster in DIR/data on first use, then starts it.
# The socket lives in DIR too, so several clusters never collide.
start_cluster() {
  local dir=$1 port=$2 fast=${3:-}
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "Creating a PostgreSQL $PG_VERSION cluster in $dir/data"
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi
  if as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running in $dir/data"
    return
  fi
  local options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200"
  [ -n "$fast" ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$options" start >/dev/null \
    || die "PostgreSQL did not start; see $dir/server.log"
}

stop_cluster() {
  local dir=$1
  [ -f "$dir/data/PG_VERSION" ] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# A TCP port nobody listens on, from a starting guess.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# The shared data folder (OSM extracts, benchmarks) beside the repository, if any.
find_shared_dir() {
  if [ -n "${MOBILITY_SHARED_DIR:-}" ]; then echo "$MOBILITY_SHARED_DIR"; return; fi
  local candidate
  candidate=$(cd .. && pwd)/shared
  [ -d "$candidate/osm-data" ] && echo "$candidate"
}

# start_redis DIR PORT: a private Redis (no persistence) for the SignalR backplane tests; its pid file is DIR/redis.pid.
start_redis() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" >/dev/null
}

stop_redis() {
  local dir=$1
  [ -f "$dir/redis.pid" ] && kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
}
