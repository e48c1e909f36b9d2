#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL + PostGIS cluster.
# Ends with one line: "N passed, N failed[, N skipped]". Exit status 0 only if nothing failed.
set -uo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh
ensure_prerequisites

cluster_dir=$(mktemp -d /tmp/mobility-test-pg.XXXXXX)
results_dir=$(mktemp -d /tmp/mobility-test-results.XXXXXX)
cleanup() { stop_redis "$cluster_dir"; stop_cluster "$cluster_dir"; rm -rf "$cluster_dir" "$results_dir"; }
trap cleanup EXIT

port=$(free_port 55500)
start_cluster "$cluster_dir" "$port" fast
export MOBILITY_TEST_DB="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
redis_port=$(free_port 56500)
start_redis "$cluster_dir" "$redis_port"
export MOBILITY_TEST_REDIS="127.0.0.1:$redis_port"
shared_dir=$(find_shared_dir || true)
if [ -n "$shared_dir" ]; then export MOBILITY_SHARED_DIR=$shared_dir
else log "No shared data folder beside the repository: tests that need OSM extracts will fail."; fi

log "Building"
if ! (build_web) || ! dotnet build Mobility.sln -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

log "Testing (PostgreSQL on port $port)"
dotnet test Mobility.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results_dir"
test_status=$?

log "Testing the web app (Vitest)"
(cd src/Mobility.Web && npx vitest run --reporter=default --reporter=json --outputFile="$results_dir/vitest.json")
web_status=$?

# Add up the counters of every test project's TRX report.
passed=0; failed=0; skipped=0; reports=0
for report in "$results_dir"/*.trx; do
  [ -f "$report" ] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*>' "$report")
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done
if [ -f "$results_dir/vitest.json" ]; then
  read -r web_passed web_failed web_skipped < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["numPassedTests"], r["numFailedTests"], r["numPendingTests"] + r.get("numTodoTests", 0))' "$results_dir/vitest.json")
  passed=$((passed + web_passed)); failed=$((failed + web_failed)); skipped=$((skipped + web_skipped))
fi
if [ "$web_status" -ne 0 ] && [ ! -f "$results_dir/vitest.json" ]; then failed=$((failed + 1)); fi
# A test host that crashed leaves no report: count it as a failure, never as a pass.
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
