#!/usr/bin/env python3
"""Write NetworkX reference fixtures for bridgemap.analysis.network.

Run from the repository root:  python3 bench/reference/make_fixtures.py
Writes src/test/resources/reference/networkx-*.json. Needs networkx (3.6.1 was used) and scipy.

Each fixture holds the graph (n, directed, edge list [u, v, weight]) and what NetworkX computes:
  betweenness          nx.betweenness_centrality(G, normalized=True)
  articulation_points  sorted(nx.articulation_points(undirected view))
  bridges              sorted (min, max) pairs of nx.bridges(undirected view)
  constraint           nx.constraint(G, weight="weight")  (the default, sparse-matrix path)
  effective_size       Burt's effective size with weight, as NetworkX defines it: the iterative
                       path nx.effective_size(G, nodes=list(G), weight="weight"), which equals
                       the documented formula; see effective_size_reference below for the two
                       places where NetworkX 3.6.1's own code paths disagree.
  effective_size_networkx_default
                       nx.effective_size(G, weight="weight") as NetworkX 3.6.1 returns it by
                       default (sparse path): it divides m_vw by the largest mutual weight of w
                       instead of v (networkx PR #8906), so it differs on weighted or directed
                       graphs. Kept for the record; the Java code does not reproduce it.
  effective_size_unweighted / constraint_unweighted (undirected graphs only)
                       weight=None; effective size through Borgatti's shortcut n - 2t/n, which
                       NetworkX uses for unweighted undirected graphs on its iterative path.
NaN (isolated vertices) is written as null.
"""
import json
import math
import os
import random
import sys

import networkx as nx
from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "src", "test", "resources", "reference")


def neighbours(G, v):
    return set(nx.all_neighbors(G, v)) - {v}


def effective_size_reference(G, weight):
    """Burt's effective size from NetworkX's own normalized_mutual_weight.

    This is the body of nx.effective_size's iterative path (its nested `redundancy`), but
    with NaN only for vertices that have no neighbour at all. NetworkX 3.6.1's iterative path
    tests `G[v]`, i.e. successors only, so on a DiGraph it also answers NaN for a vertex that
    has predecessors but no successors (networkx issue #2661); its default sparse path gets
    those right but has the row/column bug of PR #8906. Both are checked against this below.
    """
    out = {}
    for v in G:
        nbrs = neighbours(G, v)
        if not nbrs:
            out[v] = float("nan")
            continue
        out[v] = sum(
            1 - sum(nmw(G, v, w, weight=weight) * nmw(G, u, w, norm=max, weight=weight)
                    for w in set(nx.all_neighbors(G, v)))
            for u in set(nx.all_neighbors(G, v)))
    return out


def same(a, b, tol=1e-12):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def check_effective_size(G, ref, weight):
    iterative = nx.effective_size(G, nodes=list(G), weight=weight)
    for v in G:
        if math.isnan(iterative[v]):
            # NaN on the iterative path: isolated, or (directed) no successor.
            assert (not neighbours(G, v)) or (G.is_directed() and not (set(G.successors(v)) - {v})), v
        else:
            assert same(iterative[v], ref[v]), (v, iterative[v], ref[v])


def check_constraint(G, default, weight):
    iterative = nx.constraint(G, nodes=list(G), weight=weight)
    for v in G:
        if math.isnan(iterative[v]):
            assert (not neighbours(G, v)) or (G.is_directed() and G.out_degree(v) == 0), v
        else:
            assert same(iterative[v], default[v]), (v, iterative[v], default[v])
        # local_constraint summed over neighbours, as the docstring defines it
        nbrs = neighbours(G, v)
        if nbrs:
            s = sum(nx.local_constraint(G, v, u, weight=weight) for u in nbrs)
            assert same(s, default[v]), (v, s, default[v])
        else:
            assert math.isnan(default[v]), v


def to_json(data):
    """One key per line, each value compact, so the fixtures diff well."""
    lines = ["  " + json.dumps(k) + ": " + json.dumps(v, allow_nan=False, separators=(",", ":"))
             for k, v in data.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def nan_to_none(values):
    return [None if math.isnan(x) else x for x in values]


def fixture(name, G, description, names=None):
    n = G.number_of_nodes()
    assert sorted(G.nodes()) == list(range(n))
    assert nx.number_of_selfloops(G) == 0
    order = range(n)
    edges = [[u, v, d.get("weight", 1)] for u, v, d in sorted(G.edges(data=True))]

    bc = nx.betweenness_centrality(G, normalized=True)
    U = G.to_undirected() if G.is_directed() else G
    ap = sorted(nx.articulation_points(U))
    br = sorted(sorted(e) for e in nx.bridges(U))

    es = effective_size_reference(G, "weight")
    check_effective_size(G, es, "weight")
    es_default = nx.effective_size(G, weight="weight")
    cons = nx.constraint(G, weight="weight")
    check_constraint(G, cons, "weight")
    differ = sum(1 for v in order if not same(es[v], es_default[v]))

    data = {
        "name": name,
        "description": description,
        "producer": "bench/reference/make_fixtures.py",
        "networkx": nx.__version__,
        "n": n,
        "directed": G.is_directed(),
        "edges": edges,
        "betweenness": [bc[v] for v in order],
        "articulation_points": ap,
        "bridges": br,
        "effective_size": nan_to_none([es[v] for v in order]),
        "constraint": nan_to_none([cons[v] for v in order]),
        "effective_size_networkx_default": nan_to_none([es_default[v] for v in order]),
    }
    if names is not None:
        data["names"] = [names[v] for v in order]
    if not G.is_directed():
        esu = nx.effective_size(G, nodes=list(G))  # Borgatti's n - 2t/n
        esu_ref = effective_size_reference(G, None)
        assert all(same(esu[v], esu_ref[v]) for v in order)
        assert all(same(esu[v], x) for v, x in nx.effective_size(G).items())
        cu = nx.constraint(G)
        data["effective_size_unweighted"] = nan_to_none([esu[v] for v in order])
        data["constraint_unweighted"] = nan_to_none([cu[v] for v in order])
    path = os.path.join(OUT, "networkx-" + name + ".json")
    with open(path, "w") as f:
        f.write(to_json(data))
    print(f"{path}: n={n} m={len(edges)} articulation={len(ap)} bridges={len(br)} "
          f"effective_size differs from NetworkX default path at {differ} vertices")


def weighted_gnm(n, m, seed):
    G = nx.gnm_random_graph(n, m, seed=seed, directed=True)
    rng = random.Random(seed)
    for u, v in sorted(G.edges()):
        G[u][v]["weight"] = rng.randint(1, 5)
    return G


def main():
    os.makedirs(OUT, exist_ok=True)

    fixture("karate", nx.karate_club_graph(),
            "Zachary's karate club, nx.karate_club_graph(), undirected with Zachary's weights")

    F = nx.florentine_families_graph()
    names = sorted(F.nodes())
    F = nx.relabel_nodes(F, {s: i for i, s in enumerate(names)})
    G = nx.Graph()
    G.add_nodes_from(range(len(names)))
    G.add_edges_from(sorted(F.edges()))
    fixture("florentine", G,
            "Padgett's Florentine families (marriage ties), nx.florentine_families_graph(), "
            "families numbered in alphabetical order, unweighted", names=names)

    fixture("gnm-60-240-s1", weighted_gnm(60, 240, 1),
            "nx.gnm_random_graph(60, 240, seed=1, directed=True), weights random.Random(1).randint(1, 5) in sorted edge order")
    fixture("gnm-60-240-s7", weighted_gnm(60, 240, 7),
            "nx.gnm_random_graph(60, 240, seed=7, directed=True), weights random.Random(7).randint(1, 5) in sorted edge order")
    fixture("gnm-300-1500-s3", weighted_gnm(300, 1500, 3),
            "nx.gnm_random_graph(300, 1500, seed=3, directed=True), weights random.Random(3).randint(1, 5) in sorted edge order")
    fixture("gnm-40-45-s11", weighted_gnm(40, 45, 11),
            "nx.gnm_random_graph(40, 45, seed=11, directed=True), weights random.Random(11).randint(1, 5): "
            "sparse, with isolated vertices, sinks, trees hanging off cycles")


if __name__ == "__main__":
    sys.exit(main())
