#!/usr/bin/env bash
# Exact directed betweenness on one seeded G(n, m): Bridgemap, igraph, rustworkx, NetworKit,
# Neo4j GDS and NetworkX,
# timed side by side, checked for agreement, one table printed. See README.md beside this file.
#
#   bench/betweenness/run.sh [n] [m] [seed]          (default 20000 200000 42)
#
# Environment:
#   NX_TIME_LIMIT  seconds NetworkX may take on the full graph (default 600; 0 = no limit)
#   NX_SMALL       "n m" of a smaller graph on which NetworkX is also run to completion and checked
#                  against Bridgemap (default "2000 20000"; empty to skip)
#   TIME_LIMIT     seconds each other implementation may take (default 3600)
#   PARALLELISM    Bridgemap's threads (default: all processors)
#   GDS_CONCURRENCY  GDS's concurrency (default 2)
#   NETWORKIT_THREADS  NetworKit's threads (default: PARALLELISM)
#   RUSTWORKX_THREADS  rustworkx's threads, RAYON_NUM_THREADS (default: PARALLELISM)
#   PYTHON         the Python that has igraph, NetworkX, NetworKit and rustworkx (default: the
#                  venv bench/betweenness/.venv if it exists, else /usr/bin/python3, where Debian's
#                  python3-igraph and python3-networkx install)
#   RESULTS        where edge list, scores, timings and the table go
#                  (default bench/betweenness/results/<n>-<m>-<seed>)
#   SKIP           space-separated implementations not to run: igraph rustworkx networkit gds networkx
set -euo pipefail

N=${1:-20000}
M=${2:-200000}
SEED=${3:-42}
NX_TIME_LIMIT=${NX_TIME_LIMIT:-600}
NX_SMALL=${NX_SMALL-2000 20000}
TIME_LIMIT=${TIME_LIMIT:-3600}
PARALLELISM=${PARALLELISM:-$(nproc)}
GDS_CONCURRENCY=${GDS_CONCURRENCY:-2}
NETWORKIT_THREADS=${NETWORKIT_THREADS:-$PARALLELISM}
RUSTWORKX_THREADS=${RUSTWORKX_THREADS:-$PARALLELISM}
SKIP=" ${SKIP:-} "

HERE=$(cd "$(dirname "$0")" && pwd)
if [ -z "${PYTHON:-}" ]; then
  if [ -x "$HERE/.venv/bin/python" ]; then PYTHON=$HERE/.venv/bin/python; else PYTHON=/usr/bin/python3; fi
fi
ROOT=$(cd "$HERE/../.." && pwd)
RESULTS=${RESULTS:-$HERE/results/$N-$M-$SEED}
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
rm -f "$RESULTS"/*.json "$RESULTS"/*.scores "$RESULTS"/*.status "$RESULTS"/*.log
JVM_FLAGS=(--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true)

say() { printf '\n== %s\n' "$*" >&2; }
skipped() { # name message
  printf '{"status": "%s"}\n' "$2" > "$RESULTS/$1.status"
  echo "$1: $2" >&2
}
# Runs a command under a time limit; on timeout records the implementation as stopped.
limited() { # name limit-seconds version command...
  local name=$1 limit=$2 version=$3 rc=0
  shift 3
  if [ "$limit" = 0 ]; then
    "$@" || rc=$?
  else
    timeout --kill-after=10 "$limit" "$@" || rc=$?
  fi
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    printf '{"status": "stopped at its %s s time limit", "at_least_seconds": %s, "version": "%s"}\n' \
      "$limit" "$limit" "$version" > "$RESULTS/$name.status"
    echo "$name: stopped at its $limit s time limit" >&2
  elif [ "$rc" = 3 ]; then
    skipped "$name" "skipped: not installed (see above)"
  elif [ "$rc" != 0 ]; then
    skipped "$name" "failed with exit status $rc (see $RESULTS/$name.log)"
  fi
}
has_py() { "$PYTHON" -c "import $1" 2>/dev/null; }
py_version() { "$PYTHON" -c "import $1; print($1.__version__)" 2>/dev/null || echo '?'; }

say "Python: $PYTHON"
say "machine: $(nproc) processors, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

say "build: ./mvnw -Pbench test-compile (GDS on the test classpath only under this profile)"
if ! (cd "$ROOT" && ./mvnw -q -B -Pbench test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test); then
  echo "the build with the bench profile failed (is Maven Central reachable for GDS?); building without it, GDS skipped" >&2
  SKIP="$SKIP gds "
  GDS_MISSING=1
  (cd "$ROOT" && ./mvnw -q -B test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
fi
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench-classpath.txt")"

EDGES="$RESULTS/edges.txt"
say "graph: seeded directed G($N, $M), seed $SEED -> $EDGES"
java -cp "$CP" bridgemap.bench.EdgeList "$N" "$M" "$SEED" "$EDGES"

say "Bridgemap: bridgemap.analysis.network.Betweenness, $PARALLELISM threads, after a JIT warm-up"
limited bridgemap "$TIME_LIMIT" "Bridgemap" java -Xmx4g -cp "$CP" bridgemap.bench.BridgemapBetweennessBenchmark \
  "$EDGES" "$N" "$RESULTS/bridgemap.scores" "$RESULTS/bridgemap.json" "$PARALLELISM"

if [[ $SKIP == *" igraph "* ]]; then
  skipped igraph "skipped (SKIP)"
elif ! has_py igraph; then
  skipped igraph "skipped: python-igraph not found for $PYTHON; install it with: sudo apt-get install python3-igraph"
else
  say "igraph $(py_version igraph): Graph.betweenness(directed=True)"
  limited igraph "$TIME_LIMIT" "python-igraph $(py_version igraph)" "$PYTHON" "$HERE/score.py" igraph \
    "$EDGES" "$N" "$RESULTS/igraph.scores" "$RESULTS/igraph.json"
fi

# The two multi-threaded Python libraries, from wheels (see README.md): same score.py, same check.
py_lib() { # name label threads call
  local name=$1 label=$2 threads=$3 call=$4
  if [[ $SKIP == *" $name "* ]]; then
    skipped "$name" "skipped (SKIP)"
  elif ! has_py "$name"; then
    skipped "$name" "skipped: $label not found for $PYTHON; install it in the bench's venv (README.md)"
  else
    say "$label $(py_version "$name"): $call, $threads threads"
    limited "$name" "$TIME_LIMIT" "$label $(py_version "$name")" "$PYTHON" "$HERE/score.py" "$name" \
      "$EDGES" "$N" "$RESULTS/$name.scores" "$RESULTS/$name.json" "$threads"
  fi
}
py_lib rustworkx rustworkx "$RUSTWORKX_THREADS" "digraph_betweenness_centrality(normalized=False)"
py_lib networkit NetworKit "$NETWORKIT_THREADS" "centrality.Betweenness(normalized=False)"

if [ -n "${GDS_MISSING:-}" ]; then
  skipped gds "skipped: the Maven profile bench (Neo4j GDS) did not build"
elif [[ $SKIP == *" gds "* ]]; then
  skipped gds "skipped (SKIP)"
else
  say "Neo4j GDS: gds.betweenness.stream, concurrency $GDS_CONCURRENCY, embedded Neo4j in the benchmark JVM"
  limited gds "$TIME_LIMIT" "Neo4j GDS" java "${JVM_FLAGS[@]}" -Xmx6g -cp "$CP" bridgemap.bench.GdsBetweennessBenchmark \
    "$EDGES" "$N" "$RESULTS/gds.scores" "$RESULTS/gds.json" "$GDS_CONCURRENCY" 2> >(tee "$RESULTS/gds.log" >&2)
fi

NX_NOTE=""
if [[ $SKIP == *" networkx "* ]]; then
  skipped networkx "skipped (SKIP)"
elif ! has_py networkx; then
  skipped networkx "skipped: NetworkX not found for $PYTHON; install it with: sudo apt-get install python3-networkx"
else
  NXV=$(py_version networkx)
  if [ -n "$NX_SMALL" ]; then
    read -r SN SM <<< "$NX_SMALL"
    SMALL="$RESULTS/networkx-small"
    mkdir -p "$SMALL"
    rm -f "$SMALL"/*.json "$SMALL"/*.scores "$SMALL"/*.status
    say "NetworkX $NXV on a smaller graph G($SN, $SM), seed $SEED, to check its scores against Bridgemap's"
    java -cp "$CP" bridgemap.bench.EdgeList "$SN" "$SM" "$SEED" "$SMALL/edges.txt" &&
      java -Xmx2g -cp "$CP" bridgemap.bench.BridgemapBetweennessBenchmark \
        "$SMALL/edges.txt" "$SN" "$SMALL/bridgemap.scores" "$SMALL/bridgemap.json" "$PARALLELISM" &&
      timeout --kill-after=10 "$TIME_LIMIT" "$PYTHON" "$HERE/score.py" networkx \
        "$SMALL/edges.txt" "$SN" "$SMALL/networkx.scores" "$SMALL/networkx.json" ||
      echo "NetworkX on the smaller graph did not finish" >&2
  fi
  say "NetworkX $NXV: betweenness_centrality on the full graph, time limit ${NX_TIME_LIMIT} s (0 = none)"
  limited networkx "$NX_TIME_LIMIT" "NetworkX $NXV" "$PYTHON" "$HERE/score.py" networkx \
    "$EDGES" "$N" "$RESULTS/networkx.scores" "$RESULTS/networkx.json"
fi

say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rc=0
python3 "$HERE/report.py" "$RESULTS" > "$RESULTS/table.md" || rc=$?
if [ -n "$NX_SMALL" ] && [ -f "$RESULTS/networkx-small/networkx.json" ]; then
  { echo; echo "NetworkX on the smaller graph, where it finishes:"; echo
    python3 "$HERE/report.py" "$RESULTS/networkx-small"; } >> "$RESULTS/table.md" || rc=$?
fi
echo
cat "$RESULTS/table.md"
echo
echo "(table saved in $RESULTS/table.md)"
exit "$rc"
