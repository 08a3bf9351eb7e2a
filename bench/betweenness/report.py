#!/usr/bin/env python3
"""Compares the betweenness runs in one results directory and prints the table.

    report.py RESULTS_DIR [TOLERANCE]

For NAME in bridgemap, igraph, rustworkx, networkit, gds, networkx it reads NAME.json (timings) and NAME.scores
(normalised scores, one per line) of a finished run, or NAME.status (JSON: "status", and
"at_least_seconds" for a run stopped at its time limit) of one that was skipped or stopped.
Implementations with none of these files are left out. Prints a Markdown table; exits 1 if a
finished implementation's scores differ from Bridgemap's by more than TOLERANCE (default 1e-9)
for any vertex, 2 if Bridgemap's run is missing. Standard library only.
"""
import json
import os
import sys

NAMES = [
    ("bridgemap", "Bridgemap"),
    ("igraph", "igraph"),
    ("rustworkx", "rustworkx"),
    ("networkit", "NetworKit"),
    ("gds", "Neo4j GDS"),
    ("networkx", "NetworkX"),
]


def load(directory, name):
    def path(ext):
        return os.path.join(directory, name + ext)

    run = {}
    if os.path.exists(path(".json")) and os.path.exists(path(".scores")):
        with open(path(".json")) as f:
            run.update(json.load(f))
        with open(path(".scores")) as f:
            run["scores"] = [float(line) for line in f if line.strip()]
    elif os.path.exists(path(".status")):
        with open(path(".status")) as f:
            run.update(json.load(f))
    return run


def max_diff(a, b):
    if a is None or b is None:
        return None
    if len(a) != len(b):
        return float("inf")
    return max((abs(x - y) for x, y in zip(a, b)), default=0.0)


def fmt_diff(d):
    return "—" if d is None else f"{d:.1e}"


def build_seconds(run):
    """Seconds to get the graph into the implementation's own form, from the file or store."""
    return run.get("read_seconds", 0.0) + run.get("build_seconds", run.get("load_seconds", 0.0))


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    directory = sys.argv[1]
    tolerance = float(sys.argv[2]) if len(sys.argv) == 3 else 1e-9
    runs = {name: load(directory, name) for name, _ in NAMES}
    base = runs["bridgemap"]
    if "scores" not in base:
        print("Bridgemap did not run; nothing to compare", file=sys.stderr)
        sys.exit(2)
    ref_igraph = runs["igraph"].get("scores")
    base_time = base["compute_seconds"]

    print(f"Directed G(n, m) with n = {base['nodes']}, m = {base['arcs']}; "
          f"scores normalised by (n-1)(n-2)")
    print()
    print("| implementation | version | algorithm (s) | graph build + algorithm (s) "
          "| time ÷ Bridgemap's | algorithm CPU (s) | max abs diff vs Bridgemap | max abs diff vs igraph |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    disagree = []
    for name, label in NAMES:
        run = runs[name]
        if not run:
            continue
        if "scores" not in run:
            bound = run.get("at_least_seconds")
            if bound is None:
                print(f"| {label} | {run.get('status', 'not run')} | | | | | | |")
            else:
                print(f"| {label} | {run.get('version', '')}; {run['status']} | > {bound:.0f} | "
                      f"> {bound:.0f} | > {bound / base_time:.0f} | | — | — |")
            continue
        total = build_seconds(run) + run["compute_seconds"]
        d_base = max_diff(run["scores"], base["scores"])
        d_igraph = max_diff(run["scores"], ref_igraph)
        if d_base > tolerance:
            disagree.append(f"{label} differs from Bridgemap by {d_base:.3e}")
        version = run["version"]
        if "parallelism" in run:
            version += f", {run['parallelism']} threads"
        if "concurrency" in run:
            version += f", concurrency {run['concurrency']}"
        print(f"| {label} | {version} | {run['compute_seconds']:.2f} | {total:.2f} "
              f"| {run['compute_seconds'] / base_time:.2f} | {run.get('compute_cpu_seconds', float('nan')):.2f} "
              f"| {fmt_diff(None if name == 'bridgemap' else d_base)} "
              f"| {fmt_diff(None if name == 'igraph' else d_igraph)} |")
    print()
    print("algorithm: wall time of the betweenness call alone, on a warmed-up JVM for Bridgemap and GDS "
          "(GDS: gds.betweenness.stream with every row read); algorithm CPU: the process's CPU time "
          "over the same span, all threads (less disturbed than wall time by other load on the machine).")
    print(f"graph build: Bridgemap reads the file ({base['read_seconds']:.2f} s) and builds its CSR "
          f"({base['build_seconds']:.3f} s); igraph, rustworkx, NetworKit and NetworkX read the file into their graph; "
          "GDS runs gds.graph.project on the Neo4j store (loading the store is not counted).")
    print(f"Bridgemap from arc arrays: CSR build + scoring {base['build_seconds'] + base_time:.2f} s, "
          f"scoring alone {base_time:.2f} s.")
    if "scores" in runs["igraph"]:
        share = base_time / runs["igraph"]["compute_seconds"]
        verdict = "met" if share <= 0.5 else "NOT met"
        print(f"Bridgemap's time ÷ igraph's (algorithm): {share:.2f}; goal ≤ 0.5: {verdict}")
    if disagree:
        print("DISAGREEMENT (tolerance %.0e): %s" % (tolerance, "; ".join(disagree)))
        sys.exit(1)
    finished = [label for name, label in NAMES if "scores" in runs[name]]
    print(f"Scores agree within {tolerance:.0e} for every vertex: {', '.join(finished)}")


if __name__ == "__main__":
    main()
