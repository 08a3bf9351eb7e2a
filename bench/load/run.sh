#!/usr/bin/env bash
# Load test: many concurrent clients against a few representative GETs, with wrk (apt-get install -y wrk).
# Prints, per endpoint, requests, throughput, p50/p99/max latency and errors (non-2xx, timeouts, socket errors).
#
#   bench/load/run.sh                              # starts `serve --demo` on the packaged jar, then drives it
#   BRIDGEMAP_URL=http://127.0.0.1:7070 bench/load/run.sh   # drives a server that is already running
#
# Settings (environment): CONNECTIONS (default 32), THREADS (2), DURATION (30s), TIMEOUT (10s), AS_OF (2014-06-30),
# NODE (fmhp-hf-03), BRIDGEMAP_TOKEN (sent as "Authorization: Bearer …" when set),
# BRIDGEMAP_BENCH_DATA (store folder for the server this script starts; default target/bench-load-data).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
connections=${CONNECTIONS:-32}
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
  trap 'status=$?; kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"; exit $status' EXIT
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

# label|path (a path with %s: a different day per request, so the per-day snapshot cache never answers)
endpoints=(
  "health|/api/health"
  "coverage|/api/analysis/coverage?asOf=$as_of"
  "network|/api/network?asOf=$as_of"
  "node|/api/nodes/$node?asOf=$as_of"
  "gaps|/api/analysis/gaps?asOf=$as_of"
  "coverage, a new day each request|/api/analysis/coverage?asOf=%s"
)

# Warm up: the first request for a day loads that day's snapshot; measure the steady state.
for entry in "${endpoints[@]}"; do
  path=${entry#*|}
  [[ $path == *%s* ]] && continue
  curl -fsS -o /dev/null "${auth[@]}" "$url$path" || { echo "bench/load: GET $path failed" >&2; exit 1; }
done

echo "$(date -u +%Y-%m-%dT%H:%MZ) $url: $connections connections, $threads wrk threads, $duration per endpoint," \
  "timeout $timeout; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| endpoint | requests | req/s | p50 | p99 | max | errors |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for entry in "${endpoints[@]}"; do
  label=${entry%%|*}
  path=${entry#*|}
  if [[ $path == *%s* ]]; then
    BENCH_LABEL=$label BENCH_PATH_TEMPLATE=$path wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" \
      -s "$here/report.lua" "${auth[@]}" "$url/" | sed -n '/^|/p'
  else
    BENCH_LABEL=$label wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" \
      -s "$here/report.lua" "${auth[@]}" "$url$path" | sed -n '/^|/p'
  fi
done
