#!/usr/bin/env python3
"""Exact directed betweenness of one edge list with igraph or NetworkX, timed.

    score.py igraph|networkx EDGES N SCORES_OUT TIMES_OUT

EDGES holds one arc "u v" per line, vertices 0..N-1. Writes one score per line
(vertex order) normalised by (N-1)(N-2), as Bridgemap's Betweenness does, and a
JSON object with the library version and the seconds taken to load the graph and
to compute the scores (time.perf_counter wall time), and the process CPU time of
the computation.

Exits with status 3 and a message on stderr when the library is not installed.
"""
import json
import sys
import time

INSTALL = {
    "igraph": "python3-igraph",
    "networkx": "python3-networkx",
}


def main():
    if len(sys.argv) != 6 or sys.argv[1] not in INSTALL:
        sys.exit(__doc__)
    impl, edges, n, scores_out, times_out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    try:
        lib = __import__(impl)
    except ImportError:
        print(f"{impl} is not installed for {sys.executable}: "
              f"sudo apt-get install {INSTALL[impl]} (Debian/Ubuntu), then run with /usr/bin/python3",
              file=sys.stderr)
        sys.exit(3)

    start = time.perf_counter()
    if impl == "igraph":
        g = lib.Graph.Read_Edgelist(edges, directed=True)
        if g.vcount() < n:  # vertices after the highest one named in the file are isolated
            g.add_vertices(n - g.vcount())
    else:
        g = lib.DiGraph()
        g.add_nodes_from(range(n))
        with open(edges) as f:
            g.add_edges_from((int(u), int(v)) for u, v in (line.split() for line in f))
    loaded = time.perf_counter()
    cpu_loaded = time.process_time()

    if impl == "igraph":
        raw = g.betweenness(directed=True)  # Σ over ordered pairs (s, t), unnormalised
    else:
        bc = lib.betweenness_centrality(g, normalized=False)  # directed: ordered pairs
        raw = [bc[v] for v in range(n)]
    computed = time.perf_counter()
    cpu_computed = time.process_time()

    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    with open(scores_out, "w") as f:
        for x in raw:
            f.write(repr(x * scale) + "\n")
    with open(times_out, "w") as f:
        json.dump({
            "implementation": impl,
            "version": ("python-igraph " if impl == "igraph" else "NetworkX ") + lib.__version__,
            "nodes": g.vcount() if impl == "igraph" else g.number_of_nodes(),
            "arcs": g.ecount() if impl == "igraph" else g.number_of_edges(),
            "load_seconds": loaded - start,
            "compute_seconds": computed - loaded,
            "compute_cpu_seconds": cpu_computed - cpu_loaded,
        }, f)
        f.write("\n")


if __name__ == "__main__":
    main()
