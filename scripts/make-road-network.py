#!/usr/bin/env python3
"""Write a road-like OpenStreetMap network of about N nodes, for benchmarks.

    python3 scripts/make-road-network.py --nodes 1000000 --out /tmp/roads-1m.osm.pbf [--seed 1]

The network is SYNTHETIC (no real place): a jittered square grid of streets, 180 m
blocks, each block side bent a little through two shape nodes. Every 4th line is a
tertiary road, every 8th a secondary one, every 32nd a primary one (with a maxspeed);
the other lines are residential streets, of which about 7 % of the block sides are
missing and about 4 % of the ways are oneway (either direction). Ways hold 10 to 49
nodes and end at junctions (shared nodes), as OpenStreetMap ways do. Positions are real
longitudes and latitudes around 2.5 E, 50.5 N, covering a square of about
0.18 km x sqrt(N / 4.8) a side (82 km for a million nodes: a French département).

Node ids are given way by way in a random order of the ways (the nodes of one way get
consecutive ids, neighbouring ways do not), as in real data where ids follow the
history of mapping rather than geography; they start at 1,000,000,000 (beyond 32 bits
with a million nodes, as real ids are). Output is sorted by type and id.

The suffix of --out picks the format: `.osm` writes OSM XML 0.6; `.pbf` (`.osm.pbf`)
writes the XML to a temporary file beside it and converts it with `osmium cat`
(osmium-tool). Deterministic for a given --nodes and --seed. Python standard library
only; about 5 s for a million nodes (osmium included).
"""

import argparse
import math
import os
import random
import subprocess
import sys
import tempfile
import time

BLOCK = 180.0          # metres between neighbouring junctions before jitter
SHAPE_NODES = 2        # nodes between two junctions along a block side
MISSING = 0.07         # share of residential block sides left out
ONEWAY = 0.04          # share of residential ways made oneway
FIRST_NODE_ID = 1_000_000_000
LON0, LAT0 = 2.5, 50.5
METRES_PER_DEGREE = 111_320.0


def line_class(k):
    """highway value and extra tags of grid line k (a row or a column)."""
    if k % 32 == 0:
        return "primary", (("maxspeed", "80"),) if k % 64 == 0 else (("maxspeed", "FR:rural"),)
    if k % 8 == 0:
        return "secondary", (("maxspeed", "70"),) if k % 16 == 0 else ()
    if k % 4 == 0:
        return "tertiary", ()
    return "residential", ()


def chunks(rng, blocks):
    """Splits a run of `blocks` block sides into ways of 3 to 16 sides (10 to 49 nodes)."""
    out = []
    while blocks > 16:
        b = rng.randint(3, min(16, blocks - 3))
        out.append(b)
        blocks -= b
    out.append(blocks)
    return out


def build(nodes_wanted, seed):
    rng = random.Random(seed)
    per_junction = 1 + 2 * SHAPE_NODES * (1 - MISSING * 0.75)
    side = max(4, round(math.sqrt(nodes_wanted / per_junction)))
    # node k < side * side is junction (i, j) = (k % side, k // side); shape nodes follow
    xs = [0.0] * (side * side)
    ys = [0.0] * (side * side)
    for j in range(side):
        for i in range(side):
            k = j * side + i
            xs[k] = (i + rng.uniform(-0.2, 0.2)) * BLOCK
            ys[k] = (j + rng.uniform(-0.2, 0.2)) * BLOCK

    def shape(a, b):
        """Shape nodes of the block side a-b: a gentle bend."""
        bend = rng.uniform(-0.06, 0.06) * BLOCK
        dx, dy = xs[b] - xs[a], ys[b] - ys[a]
        length = math.hypot(dx, dy)
        nx, ny = -dy / length, dx / length
        out = []
        for s in range(1, SHAPE_NODES + 1):
            t = s / (SHAPE_NODES + 1)
            off = bend * math.sin(math.pi * t)
            xs.append(xs[a] + t * dx + off * nx)
            ys.append(ys[a] + t * dy + off * ny)
            out.append(len(xs) - 1)
        return out

    ways = []   # (node list, tags)
    for axis in (0, 1):            # 0: rows (west-east), 1: columns (south-north)
        for line in range(side):
            highway, extra = line_class(line)
            junctions = [line * side + i for i in range(side)] if axis == 0 else [j * side + line for j in range(side)]
            present = [highway != "residential" or rng.random() >= MISSING for _ in range(side - 1)]
            start = 0
            while start < side - 1:
                if not present[start]:
                    start += 1
                    continue
                end = start
                while end < side - 1 and present[end]:
                    end += 1
                pos = start
                for blocks in chunks(rng, end - start):
                    nodes = [junctions[pos]]
                    for b in range(pos, pos + blocks):
                        nodes += shape(junctions[b], junctions[b + 1])
                        nodes.append(junctions[b + 1])
                    tags = [("highway", highway)] + list(extra)
                    if highway == "residential" and rng.random() < ONEWAY:
                        tags.append(("oneway", "yes" if rng.random() < 0.5 else "-1"))
                    ways.append((nodes, tuple(sorted(tags))))
                    pos += blocks
                start = end
    # ids: way by way in a random order of the ways
    rng.shuffle(ways)
    node_id = [0] * len(xs)
    order = []
    for nodes, _tags in ways:
        for n in nodes:
            if not node_id[n]:
                node_id[n] = FIRST_NODE_ID + len(order)
                order.append(n)
    return xs, ys, ways, node_id, order, side


def write_xml(path, xs, ys, ways, node_id, order, side):
    span = (side - 1) * BLOCK
    cos_lat = math.cos(math.radians(LAT0))

    def lon(x):
        return LON0 + (x - span / 2) / (METRES_PER_DEGREE * cos_lat)

    def lat(y):
        return LAT0 + (y - span / 2) / METRES_PER_DEGREE

    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write('<osm version="0.6" generator="zonegrise make-road-network.py">\n')
        f.write('  <!-- SYNTHETIC road-like network for benchmarks (no real place). -->\n')
        f.write('  <bounds minlat="%.7f" minlon="%.7f" maxlat="%.7f" maxlon="%.7f"/>\n'
                % (lat(min(ys)), lon(min(xs)), lat(max(ys)), lon(max(xs))))
        buf = []
        for n in order:
            buf.append('  <node id="%d" version="1" lat="%.7f" lon="%.7f"/>\n' % (node_id[n], lat(ys[n]), lon(xs[n])))
            if len(buf) >= 65536:
                f.write("".join(buf))
                buf = []
        for k, (nodes, tags) in enumerate(ways, start=1):
            buf.append('  <way id="%d" version="1">\n' % k)
            buf.append("".join('    <nd ref="%d"/>\n' % node_id[n] for n in nodes))
            buf.append("".join('    <tag k="%s" v="%s"/>\n' % kv for kv in tags))
            buf.append("  </way>\n")
            if len(buf) >= 65536:
                f.write("".join(buf))
                buf = []
        buf.append("</osm>\n")
        f.write("".join(buf))


def main():
    ap = argparse.ArgumentParser(description="Write a synthetic road-like OpenStreetMap network for benchmarks.")
    ap.add_argument("--nodes", type=int, required=True, help="about how many nodes (e.g. 1000000)")
    ap.add_argument("--out", required=True, help="output file: .osm (XML) or .osm.pbf / .pbf (via osmium cat)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.nodes < 100:
        ap.error("--nodes: at least 100")
    lowered = args.out.lower()
    pbf = lowered.endswith(".pbf")
    if not pbf and not lowered.endswith(".osm"):
        ap.error("--out must end in .osm, .osm.pbf or .pbf")
    start = time.monotonic()
    xs, ys, ways, node_id, order, side = build(args.nodes, args.seed)
    folder = os.path.dirname(os.path.abspath(args.out))
    if pbf:
        fd, xml = tempfile.mkstemp(suffix=".osm", dir=folder)
        os.close(fd)
        try:
            write_xml(xml, xs, ys, ways, node_id, order, side)
            subprocess.run(["osmium", "cat", xml, "-o", args.out, "--overwrite"], check=True)
        except FileNotFoundError:
            sys.exit("make-road-network: osmium (osmium-tool) is needed to write PBF; or use an .osm output")
        except subprocess.CalledProcessError as e:
            sys.exit("make-road-network: osmium cat failed (%s)" % e)
        finally:
            os.remove(xml)
    else:
        write_xml(args.out, xs, ys, ways, node_id, order, side)
    km = (side - 1) * BLOCK / 1000
    print("wrote %s: %d nodes, %d ways, %.0f km x %.0f km, %.1f MB, in %.1f s"
          % (args.out, len(order), len(ways), km, km, os.path.getsize(args.out) / 1e6, time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
