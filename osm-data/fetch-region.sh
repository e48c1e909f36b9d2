#!/usr/bin/env bash
# Gets an OpenStreetMap extract for a region, checks it, and prints its path.
#   osm-data/fetch-region.sh [REGION]            download REGION (default: alsace), resumable, MD5-checked
#   osm-data/fetch-region.sh --file PATH [NAME]  take an extract already on disk (works offline)
#   OSM_DATA_DIR (default: osm-data/downloads) is where extracts go; it is never committed.
# Then: export MOBILITY_OSM_FILE=<printed path>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${OSM_DATA_DIR:-$here/downloads}
server=${GEOFABRIK_URL:-https://download.geofabrik.de}
mkdir -p "$dest"

fail() { echo "fetch-region: $*" >&2; exit 1; }

if [ "${1:-}" = "--file" ]; then
  source_file=${2:?"--file needs the path of an .osm.pbf file"}
  [ -f "$source_file" ] || fail "no such file: $source_file"
  name=${3:-$(basename "$source_file" .osm.pbf)}
  target="$dest/$name.osm.pbf"
  [ "$(realpath "$source_file")" = "$(realpath -m "$target")" ] || cp -f "$source_file" "$target.partial"
  [ -f "$target.partial" ] && mv -f "$target.partial" "$target"
else
  region=${1:-alsace}
  path=$(awk -F'\t' -v r="$region" '$1 == r { print $2 }' "$here/regions.tsv")
  [ -n "$path" ] || fail "unknown region '$region'; known: $(grep -v '^#' "$here/regions.tsv" | cut -f1 | tr '\n' ' ')"
  name=$region
  target="$dest/$name.osm.pbf"
  url="$server/$path-latest.osm.pbf"
  echo "Downloading $url" >&2
  # -C - resumes a partial download; the .partial name keeps a cut download from looking complete.
  curl -fL --retry 3 -C - -o "$target.partial" "$url" || fail "download failed (no network? use --file PATH)"
  expected=$(curl -fsSL "$url.md5" | cut -d' ' -f1) || fail "could not fetch the checksum $url.md5"
  actual=$(md5sum "$target.partial" | cut -d' ' -f1)
  if [ "$expected" != "$actual" ]; then
    rm -f "$target.partial"
    fail "checksum mismatch (expected $expected, got $actual): the partial file was removed, run again"
  fi
  mv -f "$target.partial" "$target"
fi

# A PBF starts with a 4-byte header length then an "OSMHeader" blob: refuse anything else early.
head -c 20 "$target" | grep -q OSMHeader || fail "$target is not an OSM PBF file"
if command -v osmium >/dev/null; then
  osmium fileinfo "$target" | grep -E 'Bounding boxes|\(' | head -3 >&2 || true
fi
sha256sum "$target" >&2
echo "$target"
