#!/usr/bin/env python3
"""Peer for the routing benchmark: scipy's multi-source Dijkstra on the same graph.

Reads the folder written by `zonegrise-routing-bench` (raw little-endian arrays):
  meta.json            {"nodes": n}
  from.int32, to.int32 edge ends (dense node ids)
  deciseconds.uint32   edge times
  sources.int32        source nodes
  ours.uint32          optional: our times from the sources (0xFFFFFFFF = unreached)
Builds a csr_matrix, times scipy.sparse.csgraph.dijkstra(csgraph, directed=True,
indices=sources, min_only=True) best of N (and with limit=horizon when given), and
prints one JSON object: seconds, and the comparison with ours when present.
"""
import argparse
import json
import os
import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--horizon", type=float, default=None, help="deciseconds, for a bounded timing too")
    args = parser.parse_args()

    def load(name, dtype):
        return np.fromfile(os.path.join(args.folder, name), dtype=np.dtype(dtype).newbyteorder("<"))

    with open(os.path.join(args.folder, "meta.json")) as f:
        n = json.load(f)["nodes"]
    tails, heads = load("from.int32", np.int32), load("to.int32", np.int32)
    weights = load("deciseconds.uint32", np.uint32).astype(np.float64)
    sources = load("sources.int32", np.int32)
    # The bench writes a graph without parallel edges (csr_matrix would add them up).
    graph = csr_matrix((weights, (tails, heads)), shape=(n, n))

    def best_of(**kwargs):
        seconds, result = [], None
        for _ in range(args.repeats):
            start = time.perf_counter()
            result = dijkstra(graph, directed=True, indices=sources, min_only=True, **kwargs)
            seconds.append(time.perf_counter() - start)
        return min(seconds), seconds, result

    best, all_seconds, distances = best_of()
    report = {
        "peer": "scipy.sparse.csgraph.dijkstra(min_only=True)",
        "scipy": __import__("scipy").__version__,
        "nodes": int(n), "edges": int(graph.nnz), "sources": int(sources.size),
        "seconds": best, "seconds_all": all_seconds,
        "reached": int(np.isfinite(distances).sum()),
    }
    if args.horizon is not None:
        bounded, _, _ = best_of(limit=args.horizon)
        report["seconds_horizon"] = bounded

    ours_path = os.path.join(args.folder, "ours.uint32")
    if os.path.exists(ours_path):
        ours = load("ours.uint32", np.uint32)
        theirs = np.where(np.isfinite(distances), distances, -1.0)
        mine = np.where(ours == 0xFFFFFFFF, -1.0, ours.astype(np.float64))
        differ = np.nonzero(mine != theirs)[0]
        report["mismatches"] = int(differ.size)
        if differ.size:
            k = int(differ[0])
            report["first_mismatch"] = {"node": k, "ours": float(mine[k]), "scipy": float(theirs[k])}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
