#!/usr/bin/env python3
"""Exact directed betweenness of one edge list with igraph, NetworkX, NetworKit or rustworkx, timed.

    score.py igraph|networkx|networkit|rustworkx EDGES N SCORES_OUT TIMES_OUT [THREADS]

EDGES holds one arc "u v" per line, vertices 0..N-1. Writes one score per line
(vertex order) normalised by (N-1)(N-2), as Bridgemap's Betweenness does, and a
JSON object with the library version and the seconds taken to load the graph and
to compute the scores (time.perf_counter wall time), and the process CPU time of
the computation (all threads). THREADS (default: all processors) is the number of threads
NetworKit (networkit.setNumberOfThreads) and rustworkx (RAYON_NUM_THREADS, set before the
import) may use; igraph and NetworkX are single-threaded and ignore it.

Exits with status 3 and a message on stderr when the library is not installed.
"""
import json
import os
import sys
import time

INSTALL = {
    "igraph": "python3-igraph",
    "networkx": "python3-networkx",
    "networkit": "networkit",
    "rustworkx": "rustworkx",
}
LABEL = {
    "igraph": "python-igraph",
    "networkx": "NetworkX",
    "networkit": "NetworKit",
    "rustworkx": "rustworkx",
}


def read_arcs(edges):
    with open(edges) as f:
        return [(int(u), int(v)) for u, v in (line.split() for line in f)]


def main():
    if len(sys.argv) not in (6, 7) or sys.argv[1] not in INSTALL:
        sys.exit(__doc__)
    impl, edges, n, scores_out, times_out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
    threads = int(sys.argv[6]) if len(sys.argv) == 7 else os.cpu_count()
    if impl == "rustworkx":
        os.environ["RAYON_NUM_THREADS"] = str(threads)  # read by rayon's pool when it first starts
    try:
        lib = __import__(impl)
    except ImportError:
        print(f"{impl} is not installed for {sys.executable}: "
              f"pip install --no-index --find-links /opt/pypi/files {INSTALL[impl]} in the bench's venv "
              "(see README.md beside this file)", file=sys.stderr)
        sys.exit(3)

    start = time.perf_counter()
    if impl == "igraph":
        g = lib.Graph.Read_Edgelist(edges, directed=True)
        if g.vcount() < n:  # vertices after the highest one named in the file are isolated
            g.add_vertices(n - g.vcount())
    elif impl == "networkx":
        g = lib.DiGraph()
        g.add_nodes_from(range(n))
        with open(edges) as f:
            g.add_edges_from((int(u), int(v)) for u, v in (line.split() for line in f))
    elif impl == "networkit":
        import numpy as np
        lib.setNumberOfThreads(threads)
        arcs = np.loadtxt(edges, dtype=np.uint64, ndmin=2)
        g = lib.Graph(n, weighted=False, directed=True)
        g.addEdges((np.ascontiguousarray(arcs[:, 0]), np.ascontiguousarray(arcs[:, 1])))
    else:  # rustworkx
        g = lib.PyDiGraph(multigraph=False)
        g.add_nodes_from(range(n))  # node index i is vertex i
        g.add_edges_from_no_data(read_arcs(edges))
    loaded = time.perf_counter()
    cpu_loaded = time.process_time()

    if impl == "igraph":
        raw = g.betweenness(directed=True)  # Σ over ordered pairs (s, t), unnormalised
    elif impl == "networkx":
        bc = lib.betweenness_centrality(g, normalized=False)  # directed: ordered pairs
        raw = [bc[v] for v in range(n)]
    elif impl == "networkit":
        # directed graph: Σ over ordered pairs, unnormalised (NetworKit halves only undirected scores)
        bc = lib.centrality.Betweenness(g, normalized=False, computeEdgeCentrality=False)
        bc.run()
        raw = bc.scores()
    else:
        # directed, not normalised, endpoints excluded: Σ over ordered pairs, as NetworkX's
        bc = lib.digraph_betweenness_centrality(g, normalized=False, endpoints=False)
        raw = [bc[v] for v in range(n)]
    computed = time.perf_counter()
    cpu_computed = time.process_time()

    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    with open(scores_out, "w") as f:
        for x in raw:
            f.write(repr(x * scale) + "\n")
    if impl == "igraph":
        nodes, arcs = g.vcount(), g.ecount()
    elif impl == "networkx":
        nodes, arcs = g.number_of_nodes(), g.number_of_edges()
    elif impl == "networkit":
        nodes, arcs = g.numberOfNodes(), g.numberOfEdges()
    else:
        nodes, arcs = g.num_nodes(), g.num_edges()
    timings = {
        "implementation": impl,
        "version": f"{LABEL[impl]} {lib.__version__}",
        "nodes": nodes,
        "arcs": arcs,
        "load_seconds": loaded - start,
        "compute_seconds": computed - loaded,
        "compute_cpu_seconds": cpu_computed - cpu_loaded,
    }
    if impl == "networkit":
        timings["parallelism"] = lib.getMaxNumberOfThreads()  # as set above
    elif impl == "rustworkx":
        timings["parallelism"] = threads
    with open(times_out, "w") as f:
        json.dump(timings, f)
        f.write("\n")


if __name__ == "__main__":
    main()
