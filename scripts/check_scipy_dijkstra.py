#!/usr/bin/env python3
"""Oracle for zonegrise's MultiSourceSearch: scipy's multi-source Dijkstra on an edge list.

    check_scipy_dijkstra.py EDGES.csv NODES SOURCES OUT.json [--transpose]

EDGES.csv  header then `from,to,deciseconds` rows; dense node ids 0..NODES-1. Parallel
           edges are allowed: the MIN time of each (from, to) is kept, as zonegrise's
           RoadGraph does (scipy's csr_matrix would add duplicates up).
NODES      number of nodes (isolated ones included).
SOURCES    file with one source node id per line.
OUT.json   written: {"nodes", "edges_read", "edges_kept", "sources", "deciseconds": [time
           from the nearest source, or null when unreachable, per node]}.
--transpose  follow edges backwards (times *to* the nearest source, zonegrise's
           `.towardSeeds`).

Runs scipy.sparse.csgraph.dijkstra(m, directed=True, indices=sources, min_only=True).
Used by Tests/ZonegriseTests/RealData/MonacoRoutingTests.swift.
"""
import argparse
import json
import math

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edges")
    parser.add_argument("nodes", type=int)
    parser.add_argument("sources")
    parser.add_argument("out")
    parser.add_argument("--transpose", action="store_true")
    args = parser.parse_args()

    n = args.nodes
    table = np.loadtxt(args.edges, delimiter=",", skiprows=1, dtype=np.int64, ndmin=2)
    tails, heads, times = table[:, 0], table[:, 1], table[:, 2]
    if args.transpose:
        tails, heads = heads, tails
    if table.shape[0] and (tails.min() < 0 or heads.min() < 0 or max(tails.max(), heads.max()) >= n):
        raise SystemExit(f"{args.edges}: a node id is outside 0..{n - 1}")

    # Keep the fastest of parallel edges: sort by (tail, head, time), keep each pair's first.
    order = np.lexsort((times, heads, tails))
    tails, heads, times = tails[order], heads[order], times[order]
    first = np.ones(tails.size, dtype=bool)
    first[1:] = (tails[1:] != tails[:-1]) | (heads[1:] != heads[:-1])
    tails, heads, times = tails[first], heads[first], times[first]
    graph = csr_matrix((times.astype(np.float64), (tails, heads)), shape=(n, n))

    sources = np.loadtxt(args.sources, dtype=np.int64, ndmin=1)
    distances = dijkstra(graph, directed=True, indices=sources, min_only=True)
    with open(args.out, "w") as f:
        json.dump({
            "nodes": n,
            "edges_read": int(table.shape[0]),
            "edges_kept": int(tails.size),
            "sources": int(sources.size),
            "deciseconds": [None if math.isinf(d) else d for d in distances.tolist()],
        }, f)


if __name__ == "__main__":
    main()
