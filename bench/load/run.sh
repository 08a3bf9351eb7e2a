#!/usr/bin/env bash
# Load test: many concurrent clients against a few representative GETs, with wrk (apt-get install -y wrk).
# Prints, per endpoint, requests, throughput, p50/p99/max latency, errors (timeouts, socket errors, non-2xx other than
# 503) and 503s (refused with Retry-After: more new days asked for at once than the server computes at once), and the
# p99 against the goal of issue 17 (≤ 25 ms for health and cached analyses on the demo, with no errors). Then a mix of
# cached and new-day requests, with health measured by a second client while the mix runs.
#
#   bench/load/run.sh                              # starts `serve --demo` on the packaged jar, then drives it
#   BRIDGEMAP_URL=http://127.0.0.1:7070 bench/load/run.sh   # drives a server that is already running
#
# Settings (environment): CONNECTIONS (default 200), GOAL_MS (25), NEW_DAY_SHARE (1 in 10 of the mix), WARMUP (5s),
# ACCEPT_ENCODING (unset: plain JSON; gzip: as browsers ask), THREADS (2), DURATION (30s), TIMEOUT (10s), AS_OF (2014-06-30),
# NODE (fmhp-hf-03), BRIDGEMAP_TOKEN (sent as "Authorization: Bearer …" when set),
# BRIDGEMAP_BENCH_DATA (store folder for the server this script starts; default target/bench-load-data).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
connections=${CONNECTIONS:-200}
goal_ms=${GOAL_MS:-25}
new_day_share=${NEW_DAY_SHARE:-10}
threads=${THREADS:-2}
duration=${DURATION:-30s}
timeout=${TIMEOUT:-10s}
as_of=${AS_OF:-2014-06-30}
node=${NODE:-fmhp-hf-03}
url=${BRIDGEMAP_URL:-}

command -v wrk >/dev/null || { echo "bench/load: needs wrk (Debian: apt-get install -y wrk)" >&2; exit 2; }
command -v curl >/dev/null || { echo "bench/load: needs curl" >&2; exit 2; }

if [ -z "$url" ]; then
  jar=$repo/target/bridgemap.jar
  [ -f "$jar" ] || { echo "bench/load: build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
  data=${BRIDGEMAP_BENCH_DATA:-$repo/target/bench-load-data}
  log=$(mktemp)
  java -jar "$jar" serve --demo --data "$data" --port 0 >"$log" 2>&1 &
  server=$!
  trap 'status=$?; kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -f "$log"; exit $status' EXIT
  echo "Starting bridgemap serve --demo (store: $data; the first start loads the demo, about a minute)..." >&2
  for _ in $(seq 1 900); do
    port=$(sed -n 's|.*Bridgemap is serving http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log")
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 1
  done
  [ -n "${port:-}" ] || { echo "bench/load: the server did not start" >&2; cat "$log" >&2; exit 1; }
  url=http://127.0.0.1:$port
fi

auth=()
if [ -n "${BRIDGEMAP_TOKEN:-}" ]; then
  auth=(-H "Authorization: Bearer $BRIDGEMAP_TOKEN")
fi
if [ -n "${ACCEPT_ENCODING:-}" ]; then
  auth+=(-H "Accept-Encoding: $ACCEPT_ENCODING")
fi

# label|path|goal (a path with %s: a different day per request, so the per-day caches never answer; goal: p99 in ms)
endpoints=(
  "health|/api/health|$goal_ms"
  "coverage|/api/analysis/coverage?asOf=$as_of|$goal_ms"
  "network|/api/network?asOf=$as_of|$goal_ms"
  "node|/api/nodes/$node?asOf=$as_of|$goal_ms"
  "gaps|/api/analysis/gaps?asOf=$as_of|$goal_ms"
  "coverage, a new day each request|/api/analysis/coverage?asOf=%s|"
)

# Warm up: the first request for a day loads that day's snapshot; measure the steady state.
for entry in "${endpoints[@]}"; do
  IFS='|' read -r _ path _ <<<"$entry"
  [[ $path == *%s* ]] && continue
  curl -fsS -o /dev/null "${auth[@]}" "$url$path" || { echo "bench/load: GET $path failed" >&2; exit 1; }
done

# and a few seconds of every cached route at once, so the JIT has compiled the serving path before the first row
warm=()
for entry in "${endpoints[@]:0:5}"; do
  IFS='|' read -r _ path _ <<<"$entry"
  warm+=("$path")
done
BENCH_PATHS="${warm[*]}" wrk -t"$threads" -c"$connections" -d"${WARMUP:-5s}" -s "$here/report.lua" "${auth[@]}" "$url/" >/dev/null

echo "$(date -u +%Y-%m-%dT%H:%MZ) $url: $connections connections, $threads wrk threads, $duration per row," \
  "timeout $timeout; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| endpoint | requests | req/s | p50 | p99 | max | errors | 503 | p99 goal |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
run() { # label goal connections paths...
  local label=$1 goal=$2 conns=$3
  shift 3
  BENCH_LABEL=$label BENCH_GOAL_MS=$goal BENCH_PATHS="$*" wrk -t"$threads" -c"$conns" -d"$duration" \
    --timeout "$timeout" -s "$here/report.lua" "${auth[@]}" "$url/" | sed -n '/^|/p'
}
for entry in "${endpoints[@]}"; do
  IFS='|' read -r label path goal <<<"$entry"
  run "$label" "$goal" "$connections" "$path"
done

# The mix: cached answers and, one request in $new_day_share, a new day; health from a second client meanwhile.
mix=()
for entry in "${endpoints[@]:1:4}"; do
  IFS='|' read -r _ path _ <<<"$entry"
  for _ in $(seq 2 "$new_day_share"); do mix+=("$path"); done
done
for _ in $(seq 1 4); do mix+=("/api/analysis/coverage?asOf=%s"); done
health_conns=$(( connections / 20 > 1 ? connections / 20 : 1 ))
# (the background subshell must not run the EXIT trap, which stops the server)
( trap - EXIT; run "health, during the mix ($health_conns connections)" "$goal_ms" "$health_conns" /api/health ) \
  > "${TMPDIR:-/tmp}/bench-load-health.$$" &
health_run=$!
run "mix: cached, 1 in $new_day_share a new day" "" "$connections" "${mix[@]}"
wait "$health_run"
cat "${TMPDIR:-/tmp}/bench-load-health.$$"
rm -f "${TMPDIR:-/tmp}/bench-load-health.$$"
