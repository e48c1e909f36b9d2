#!/usr/bin/env bash
# Builds OSRM (Project-OSRM/osrm-backend) outside this repository and prepares an extract with its car profile and
# contraction hierarchies, so that docs/benchmarks.md's comparison can be run again. Nothing of OSRM is committed.
#
#   tools/osrm/build.sh [OSM_FILE]
#
# OSRM_SOURCE  a git clone of osrm-backend (default: https://github.com/Project-OSRM/osrm-backend.git, cloned)
# OSRM_HOME    where the build and the prepared data go (default: ../osrm beside this checkout)
# OSRM_VERSION the tag built (default v5.27.1: the last release that builds with Debian 12's Boost 1.74; 6.x asks 1.83)
# OSM_FILE     default: ../shared/osm-data/heidelberg.osm.pbf
#
# Prints each step's wall time and peak memory (GNU time) to stderr and to $OSRM_HOME/prepare.log.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
OSRM_VERSION="${OSRM_VERSION:-v5.27.1}"
OSRM_HOME="${OSRM_HOME:-$here/../osrm}"
OSRM_SOURCE="${OSRM_SOURCE:-https://github.com/Project-OSRM/osrm-backend.git}"
osm="${1:-$here/../shared/osm-data/heidelberg.osm.pbf}"
[ -f "$osm" ] || { echo "no OSM extract at $osm" >&2; exit 2; }
mkdir -p "$OSRM_HOME"
OSRM_HOME="$(cd "$OSRM_HOME" && pwd)"

# Build dependencies, all from Debian.
if [ ! -x "$OSRM_HOME/bin/osrm-routed" ]; then
  need=(build-essential cmake git pkg-config time libbz2-dev libxml2-dev libzip-dev liblua5.4-dev libtbb-dev libexpat1-dev
        zlib1g-dev libboost-date-time-dev libboost-chrono-dev libboost-filesystem-dev libboost-iostreams-dev
        libboost-program-options-dev libboost-regex-dev libboost-system-dev libboost-thread-dev libboost-test-dev)
  missing=()
  for p in "${need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
  fi
  src="$OSRM_HOME/src"
  if [ ! -d "$src/.git" ]; then git clone -q "$OSRM_SOURCE" "$src"; fi
  git -C "$src" -c advice.detachedHead=false checkout -q "$OSRM_VERSION"
  mkdir -p "$OSRM_HOME/build"
  # GCC 12 warns where 5.27's code is fine; its warnings are not failures here.
  cmake -S "$src" -B "$OSRM_HOME/build" -DCMAKE_BUILD_TYPE=Release -DENABLE_CCACHE=OFF -DENABLE_GOLD_LINKER=OFF \
    -DBUILD_TOOLS=OFF -DCMAKE_CXX_FLAGS="-Wno-error -Wno-array-bounds -Wno-uninitialized -Wno-maybe-uninitialized" \
    -DCMAKE_INSTALL_PREFIX="$OSRM_HOME" >"$OSRM_HOME/cmake.log"
  start=$(date +%s)
  make -C "$OSRM_HOME/build" -j"$(nproc)" osrm-extract osrm-contract osrm-routed osrm-partition osrm-customize >"$OSRM_HOME/make.log" 2>&1 \
    || { tail -40 "$OSRM_HOME/make.log" >&2; exit 1; }
  mkdir -p "$OSRM_HOME/bin"
  cp "$OSRM_HOME/build"/osrm-{extract,contract,routed,partition,customize} "$OSRM_HOME/bin/"
  echo "OSRM $OSRM_VERSION built in $(( $(date +%s) - start )) s" | tee -a "$OSRM_HOME/prepare.log" >&2
fi

# A second profile, made here from OSRM's car.lua (never committed): our car profile's speeds
# (src/Mobility.Routing/Profiles/VehicleProfiles.cs), a maxspeed tag taken as it is (OSRM takes 80% of it), no turn or
# traffic-light penalties and durations as the weight, as ours. What still differs between the two routers on it is
# then the graph (access, snapping, turn restrictions), not the profile.
profiles="$OSRM_HOME/src/profiles"
sed -e 's/^\( *motorway *=\) *90,/\1 120,/' -e 's/^\( *motorway_link *=\) *45,/\1 60,/' \
    -e 's/^\( *trunk *=\) *85,/\1 100,/' -e 's/^\( *trunk_link *=\) *40,/\1 50,/' \
    -e 's/^\( *primary *=\) *65,/\1 80,/' -e 's/^\( *primary_link *=\) *30,/\1 50,/' \
    -e 's/^\( *secondary *=\) *55,/\1 70,/' -e 's/^\( *secondary_link *=\) *25,/\1 45,/' \
    -e 's/^\( *tertiary *=\) *40,/\1 60,/' -e 's/^\( *tertiary_link *=\) *20,/\1 40,/' \
    -e 's/^\( *unclassified *=\) *25,/\1 50,/' -e 's/^\( *residential *=\) *25,/\1 35,/' \
    -e 's/^\( *service *=\) *15$/\1 20/' \
    -e 's/^\( *speed_reduction *=\).*/\1 1,/' -e 's/^\( *turn_penalty *=\).*/\1 0,/' \
    -e 's/^\( *u_turn_penalty *=\).*/\1 0,/' -e 's/^\( *traffic_light_penalty *=\).*/\1 0,/' \
    -e "s/^\( *weight_name *=\) *'routability',/\1 'duration',/" -e 's/^\( *side_road_multiplier *=\).*/\1 1,/' \
    "$profiles/car.lua" >"$profiles/mobility-car.lua"
changed=$(diff "$profiles/car.lua" "$profiles/mobility-car.lua" | grep -c '^>' || true)
[ "$changed" -eq 19 ] || { echo "mobility-car.lua: $changed lines changed, 19 expected (car.lua of another version?)" >&2; exit 1; }

# The extract, with each profile and contraction hierarchies (as our router uses).
name="$(basename "$osm" .osm.pbf)"
for profile in car mobility-car; do
  data="$OSRM_HOME/data/$profile"
  mkdir -p "$data"
  cp "$osm" "$data/$name.osm.pbf"
  for step in "osrm-extract -p $profiles/$profile.lua $data/$name.osm.pbf" "osrm-contract $data/$name.osrm"; do
    /usr/bin/time -f "%e s wall, %M KB peak" -o "$data/step.time" "$OSRM_HOME/bin/${step%% *}" ${step#* } >"$data/${step%% *}.log" 2>&1 \
      || { tail -20 "$data/${step%% *}.log" >&2; exit 1; }
    echo "${step%% *} $name ($profile.lua): $(cat "$data/step.time")" | tee -a "$OSRM_HOME/prepare.log" >&2
  done
  echo "ready: $OSRM_HOME/bin/osrm-routed --algorithm ch --ip 127.0.0.1 --port PORT --max-table-size 10000 $data/$name.osrm" >&2
done
