#!/usr/bin/env python3
"""What decomposition could cut from exact betweenness on a bundle's referral graph.

    structure.py BUNDLE_DIR EDGES_OUT

Reads BUNDLE_DIR/referrals.csv (every referral, any date; self-referrals left out; one arc per
(from, to), as ReferralGraph builds it), writes the arcs as "u v" lines with dense ids to
EDGES_OUT (for BridgemapBetweennessBenchmark) and the largest biconnected component's arcs to
EDGES_OUT.bcc, and prints: vertices of total degree 1, articulation points and biconnected
components (of the undirected graph), Σ nᵢ·mᵢ over components against n·m, the largest strongly
connected component, the ordered pairs reachable, and igraph's time for the whole graph.
Needs networkx and igraph (the bench's venv). See docs/performance.md.
"""
import csv
import sys
import time

import igraph as ig
import networkx as nx


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    bundle, out = sys.argv[1], sys.argv[2]
    ids, arcs = {}, set()
    with open(bundle + "/referrals.csv") as f:
        for r in csv.DictReader(f):
            a, b = r["from"], r["to"]
            if a == b:
                continue
            u = ids.setdefault(a, len(ids))
            v = ids.setdefault(b, len(ids))
            arcs.add((u, v))
    n, m = len(ids), len(arcs)
    with open(out, "w") as f:
        for u, v in sorted(arcs):
            f.write(f"{u} {v}\n")

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(arcs)
    d = nx.DiGraph()
    d.add_nodes_from(range(n))
    d.add_edges_from(arcs)
    leaves = sum(1 for v in g if g.degree(v) == 1)
    bcc = list(nx.biconnected_components(g))
    sizes = sorted((len(c) for c in bcc), reverse=True)
    big = max(bcc, key=len)
    m_big = d.subgraph(big).number_of_edges()
    work = sum(len(c) * d.subgraph(c).number_of_edges() for c in bcc)
    print(f"vertices {n}, distinct arcs {m}")
    print(f"total degree 1: {leaves} ({leaves / n:.1%})")
    print(f"articulation points {len(set(nx.articulation_points(g)))}; biconnected components {len(bcc)}, "
          f"{sum(1 for s in sizes if s == 2)} of them single bridges; largest five {sizes[:5]}")
    print(f"largest biconnected component: {len(big)} vertices ({len(big) / n:.1%}), {m_big} arcs ({m_big / m:.1%})")
    print(f"sum over components n_i*m_i / n*m = {work / (n * m):.3f}")
    rel = {v: i for i, v in enumerate(sorted(big))}
    with open(out + ".bcc", "w") as f:
        for u, v in sorted(arcs):
            if u in rel and v in rel:
                f.write(f"{rel[u]} {rel[v]}\n")

    h = ig.Graph(n=n, edges=sorted(arcs), directed=True)
    reach = [x - 1 for x in h.neighborhood_size(order=n, mode="out")]
    pairs = sum(reach)
    scc = max(len(c) for c in h.connected_components(mode="strong"))
    print(f"largest strongly connected component: {scc} vertices")
    print(f"ordered pairs (s, t) with t reachable from s: {pairs} = {pairs / (n * (n - 1)):.2%} of n(n-1); "
          f"per source mean {pairs / n:.1f}, max {max(reach)}")
    start = time.perf_counter()
    h.betweenness(directed=True)
    print(f"igraph exact directed betweenness of the whole graph: {time.perf_counter() - start:.3f} s")
    print(f"arcs written to {out} ({n} vertices) and {out}.bcc ({len(big)} vertices)")


if __name__ == "__main__":
    main()
