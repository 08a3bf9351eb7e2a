#!/usr/bin/env bash
# England-scale run: generate the synthetic bundle, import it into a fresh embedded store (timed) both ways side by side
# -- Neo4j's bulk importer (`import --bulk auto`, what a first load uses) and one Cypher transaction (`--bulk never`) --,
# check that both stores hold the same graph (stats --fingerprint), then time the projection and the three analyses
# through the service layer. Prints seconds, CPU seconds, rows/s and the ratio of the two imports.
#
#   bench/scale/run.sh [scale] [seed]          (default: england 1)
#
# Environment:
#   IMPORT_HEAP    -Xmx of the bulk-loading JVM (default 2g)
#   TX_HEAP        -Xmx of the one-transaction import (default 10g: the whole bundle is one transaction)
#   SKIP_TX        set to 1 to leave out the one-transaction import (about 100 s) and the fingerprint comparison
#   ANALYSIS_HEAP  -Xmx of the analysing JVM (default 2g, the goal of issue 8)
#   ROUNDS         timed rounds of the analyses after one warm-up round (default 3)
#   RESULTS        where the bundle, the store and the logs go (default bench/scale/results/<scale>-<seed>)
#   OFFLINE        set to 1 to build with ./mvnw -o
set -euo pipefail

SCALE=${1:-england}
SEED=${2:-1}
IMPORT_HEAP=${IMPORT_HEAP:-2g}
TX_HEAP=${TX_HEAP:-10g}
ANALYSIS_HEAP=${ANALYSIS_HEAP:-2g}
ROUNDS=${ROUNDS:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RESULTS=${RESULTS:-$HERE/results/$SCALE-$SEED}
MVN=(./mvnw -q -B)
[ "${OFFLINE:-0}" = 1 ] && MVN+=(-o)

say() { printf '\n== %s\n' "$*" >&2; }
# Runs a command under GNU time; leaves "wall user sys maxrss_kb" in $RESULTS/$1.time.
timed() { local name=$1; shift; /usr/bin/time -f '%e %U %S %M' -o "$RESULTS/$name.time" "$@"; }
field() { cut -d' ' -f"$2" "$RESULTS/$1.time"; }

mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

say "build: ./mvnw package -DskipTests, test classes and classpath for the analysis benchmark"
(cd "$ROOT" && "${MVN[@]}" package -DskipTests && "${MVN[@]}" test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench-classpath.txt")"
JAR="$ROOT/target/bridgemap.jar"

say "generate --scale $SCALE --seed $SEED"
rm -rf "$RESULTS/bundle" "$RESULTS/data"
timed generate java -jar "$JAR" generate --scale "$SCALE" --seed "$SEED" --out "$RESULTS/bundle" \
  | tee "$RESULTS/generate.log"
ROWS=$(grep -o '[0-9,]* rows' "$RESULTS/generate.log" | head -1 | tr -d ', rows')

say "import into a fresh store with the bulk importer (--bulk auto, -Xmx$IMPORT_HEAP)"
rm -rf "$RESULTS/data-tx"
timed import java "-Xmx$IMPORT_HEAP" -jar "$JAR" import "$RESULTS/bundle" --bulk auto --data "$RESULTS/data" \
  2>&1 | tee "$RESULTS/import.log"
grep -q '^Imported ' "$RESULTS/import.log" || { echo "the import failed; see $RESULTS/import.log" >&2; exit 1; }

if [ "${SKIP_TX:-0}" != 1 ]; then
  say "the same bundle into another fresh store in one transaction (--bulk never, -Xmx$TX_HEAP)"
  timed import-tx java "-Xmx$TX_HEAP" -jar "$JAR" import "$RESULTS/bundle" --bulk never --data "$RESULTS/data-tx" \
    2>&1 | tee "$RESULTS/import-tx.log"
  grep -q '^Imported ' "$RESULTS/import-tx.log" || { echo "the import failed; see $RESULTS/import-tx.log" >&2; exit 1; }
  say "fingerprints of both stores"
  java -jar "$JAR" stats --fingerprint --data "$RESULTS/data" | grep fingerprint | tee "$RESULTS/fingerprint.txt"
  java -jar "$JAR" stats --fingerprint --data "$RESULTS/data-tx" | grep fingerprint | tee "$RESULTS/fingerprint-tx.txt"
fi

say "analyses (-Xmx$ANALYSIS_HEAP): snapshot, gaps, bottlenecks, coverage; $ROUNDS timed rounds after a warm-up"
timed analyses java "-Xmx$ANALYSIS_HEAP" -cp "$CP" bridgemap.bench.ScaleAnalysisBenchmark "$RESULTS/data" "$ROUNDS" \
  2>&1 | tee "$RESULTS/analyses.log"

say "summary ($SCALE, seed $SEED; $(nproc) cores, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
{
  printf '%-34s %10s %10s %12s\n' "step" "wall (s)" "CPU (s)" "max RSS (MB)"
  STEPS="generate import"
  [ -f "$RESULTS/import-tx.time" ] && [ "${SKIP_TX:-0}" != 1 ] && STEPS="$STEPS import-tx"
  for step in $STEPS analyses; do
    printf '%-34s %10s %10.1f %12d\n' "$step (whole process)" "$(field $step 1)" \
      "$(echo "$(field $step 2) + $(field $step 3)" | bc)" "$(( $(field $step 4) / 1024 ))"
  done
  reported() { grep -o 'Imported .* in [0-9.]* s' "$RESULTS/$1" | grep -o '[0-9.]* s$' | tr -d ' s'; }
  IMPORTED=$(reported import.log)
  printf '\nbundle: %s rows; the bulk import itself (validate, stop the store, bulk-load, swap in, restart, build indexes): %s s = %s rows/s\n' \
    "$ROWS" "$IMPORTED" "$(echo "$ROWS / $IMPORTED" | bc)"
  printf 'whole bulk import process (JVM and store start, read, import, stop): %s s = %s rows/s\n' \
    "$(field import 1)" "$(echo "$ROWS / $(field import 1)" | bc)"
  grep -o 'validated in .*' "$RESULTS/import.log" | sed 's/^/bulk import phases: /' || true
  if [[ " $STEPS " == *" import-tx "* ]]; then
    TX=$(reported import-tx.log)
    printf 'one-transaction import of the same bundle: %s s = %s rows/s\n' "$TX" "$(echo "$ROWS / $TX" | bc)"
    grep -o 'validated in .*' "$RESULTS/import-tx.log" | sed 's/^/one-transaction import phases: /' || true
    printf 'bulk ÷ one transaction: %s\n' "$(echo "scale=2; $IMPORTED / $TX" | bc)"
    if [ "$(cut -d' ' -f2- "$RESULTS/fingerprint.txt")" = "$(cut -d' ' -f2- "$RESULTS/fingerprint-tx.txt")" ]; then
      echo "same graph: both stores have $(cat "$RESULTS/fingerprint.txt")"
    else
      echo "DIFFERENT graphs: $(cat "$RESULTS/fingerprint.txt") against $(cat "$RESULTS/fingerprint-tx.txt")"
    fi
  fi
  grep '^RESULT\|^heap\|^as of' "$RESULTS/analyses.log" | sed 's/^RESULT /analysis: /'
} | tee "$RESULTS/summary.txt"
