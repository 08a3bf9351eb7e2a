#!/usr/bin/env bash
# Issue 17, item 2 (answers sized for people): the bytes of each page's first answer and the time each page takes to
# draw it, against a running server — meant for the England-scale bundle:
#
#   java -jar target/bridgemap.jar generate --scale england --seed 7 --out /tmp/england
#   java -Xmx4g -jar target/bridgemap.jar import /tmp/england --data /tmp/england-data
#   java -Xmx4g -jar target/bridgemap.jar serve --data /tmp/england-data --port 7391 &
#   BRIDGEMAP_URL=http://127.0.0.1:7391 bench/pages/run.sh
#
# Prints the load average, then per answer: HTTP status, bytes (plain and gzipped) and seconds (the first request
# computes the analysis; the second is the prepared answer), then PageDrawBenchmark's milliseconds to draw each page
# in headless Chromium (needs /usr/bin/chromium and /usr/bin/chromedriver, and the test classes: OFFLINE=1 builds
# them with ./mvnw -o).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
url=${BRIDGEMAP_URL:-http://127.0.0.1:7070}
rounds=${ROUNDS:-2}
# A region and a borough to drill into (the England bundle's defaults), and "across regions" (%20-encoded).
drill_region=${DRILL_REGION:-Synthetic%20region%208}
drill_borough=${DRILL_BOROUGH:-E90000013}

echo "load average before: $(cat /proc/loadavg)"
printf '%-52s %6s %12s %12s %8s %8s\n' answer status bytes gzipped first_s again_s
for path in \
  "/api/network?level=auto" \
  "/api/analysis/gaps?limit=25" \
  "/api/analysis/bottlenecks?limit=25" \
  "/api/analysis/points-of-failure?limit=25" \
  "/api/analysis/coverage" \
  "/api/summary" \
  "/api/boroughs" \
  "/api/analysis/gaps" \
  "/api/analysis/bottlenecks" \
  "/api/analysis/points-of-failure" \
  "/api/network?level=borough&region=$drill_region" \
  "/api/network?level=organisation&borough=$drill_borough" \
  "/api/network?borough=$drill_borough" \
  "/api/network?level=organisation&region=across%20regions" \
  "/api/network"; do
  first=$(curl -s -o /dev/null -w '%{time_total}' "$url$path")
  read -r status bytes again < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "$url$path")
  gz=$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$url$path")
  printf '%-52s %6s %12s %12s %8s %8s\n' "$path" "$status" "$bytes" "$gz" "$first" "$again"
done

mvn=("$repo/mvnw" -B -q)
[ "${OFFLINE:-}" = 1 ] && mvn+=(-o)
if [ ! -f "$repo/target/bench-classpath.txt" ] || [ ! -d "$repo/target/test-classes/bridgemap/bench" ]; then
  (cd "$repo" && "${mvn[@]}" test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
    -Dmdep.includeScope=test)
fi
cp="$repo/target/test-classes:$repo/target/classes:$(cat "$repo/target/bench-classpath.txt")"
echo "load average before drawing: $(cat /proc/loadavg)"
java -cp "$cp" bridgemap.bench.PageDrawBenchmark "$url" "$rounds"
echo "load average after: $(cat /proc/loadavg)"
