#!/usr/bin/env python3
"""Reproduces the table "Second round" of docs/GAMMES.md (issue 10): alternative gamme
derivations measured against the national figures 7.5 / 3.6 / 8.1 % (metropolitan France,
BPE 2019, populations 2021, `convention: sdaasp`, crow-fly times).

Reads ../shared/geodata in place and writes nothing in the repository: every table, manifest
and run goes to a temporary folder (or --work). Needs numpy and scipy, and a release build
(`swift build -c release --product zonegrise`).

    scripts/explore-gammes.py                 # every row, figures from the tool (~2 min)
    scripts/explore-gammes.py --fast          # figures from the re-implementation only
    scripts/explore-gammes.py --windows       # + exhaustive search of contiguous windows
    scripts/explore-gammes.py --local-search  # + the "no rule" local search (~10 min)
    scripts/explore-gammes.py --fast --crowfly 74,2.8   # the third round's time model

The tool's own figures ("tool %") come from the tool's current derivation of the crow-fly
model for `convention: sdaasp` (74 km/h + 2.8 min since the third round); the second round's
table was measured with 50 km/h and no access term.

The re-implementation (`Evaluator`) is the crow-fly pole rule of the tool: poles with at
least half of a gamme's services (hierarchy applied), centre-to-centre distance on the
sphere × 1.3 ÷ speed (+ access minutes) × 1.2 (sdaasp), a commune in zone grise beyond 10 / 20 / 30 min.
Commune centres and analysed populations (after the COG fusions) are taken from one run of
the tool; the BPE is attached to the analysed communes through the COG 2024 (COMPARENT).
It agrees with the tool within 0.04 point on every row.
"""
import argparse, csv, gzip, json, os, random, subprocess, sys, tempfile
import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial import cKDTree
from scipy.spatial.distance import pdist

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = (7.5, 3.6, 8.1)
GAMMES = ("proximite", "intermediaire", "superieure")
GEO_EXCLUDED = {"D305", "F105", "F118", "F201", "F202", "F203"}
SUBSTITUTES = [["A101", "A104"], ["A206", "A207", "A208"], ["B201", "B202"], ["C101", "C102"], ["C104", "C105"]]
CLASSES_PER_DECADE = 8


class National:
    """Presence of every TYPEQU in every commune of the population file (as GammeDerivation)."""

    def __init__(self, geodata):
        pop = {}
        with open(f"{geodata}/insee-populations-2021/donnees_communes.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter=";"):
                pop[row["COM"]] = int(row["PMUN"])
        present = {}
        with gzip.open(f"{geodata}/insee-bpe/bpe_ens_2019_france.csv.gz", "rt", encoding="utf-8") as f:
            rows = csv.reader(f)
            next(rows)
            for row in rows:
                if int(row[6]) > 0:
                    present.setdefault(row[2], set()).add(row[5])
        self.codes = sorted(pop)
        self.types = sorted(set().union(*present.values()))
        self.index = {t: i for i, t in enumerate(self.types)}
        self.M = np.zeros((len(self.codes), len(self.types)), bool)
        for i, c in enumerate(self.codes):
            for t in present.get(c, ()):
                self.M[i, self.index[t]] = True
        self.P = np.array([max(pop[c], 1) for c in self.codes])
        self.cls = np.floor(np.log10(self.P) * CLASSES_PER_DECADE + 1e-12).astype(int)
        share = self.M.mean(0)
        self.ubiquitous = {t for t in self.types if share[self.index[t]] > 0.5}

    def services(self, excluded):
        """Services (substitute groups as one) of the types not excluded, and their presence."""
        kept = [t for t in self.types if t not in excluded]
        grouped = {t for g in SUBSTITUTES for t in g}
        members = [g for g in SUBSTITUTES if all(t in kept for t in g)] + [[t] for t in kept if t not in grouped]
        members.sort(key=lambda g: g[0])
        S = np.stack([self.M[:, [self.index[t] for t in g]].any(1) for g in members], 1)
        return members, S

    def appearance(self, column, share=0.5):
        """GammeDerivation step 3: isotonic share by 1/8-decade class, log-interpolated."""
        K = self.cls.max() + 1
        hits = np.bincount(self.cls, weights=column, minlength=K)
        n = np.bincount(self.cls, minlength=K)
        blocks = []
        for k in range(K):
            if n[k] == 0:
                continue
            blocks.append([hits[k], n[k], [k]])
            while len(blocks) >= 2 and blocks[-2][0] * blocks[-1][1] > blocks[-1][0] * blocks[-2][1]:
                b, a = blocks.pop(), blocks.pop()
                blocks.append([a[0] + b[0], a[1] + b[1], a[2] + b[2]])
        fit = [((k + 0.5) / CLASSES_PER_DECADE, b[0] / b[1]) for b in blocks for k in b[2]]
        for j, (x, f) in enumerate(fit):
            if f >= share:
                if j == 0:
                    return 10 ** x
                x0, f0 = fit[j - 1]
                return 10 ** (x0 + (share - f0) / (f - f0) * (x - x0))
        return None


def own_poles(S, idx, share=0.5):
    if not idx:
        return np.zeros(S.shape[0], bool)
    return S[:, idx].sum(1) >= share * len(idx) - 1e-9


class Tool:
    """Runs zonegrise on examples/france.yaml with `convention: sdaasp` and a table."""

    def __init__(self, geodata, binary, work):
        self.binary, self.work = binary, work
        text = open(f"{ROOT}/examples/france.yaml", encoding="utf-8").read()
        self.manifest = text.replace("../../shared/geodata", geodata) + "convention: sdaasp\n"

    def run(self, table, tag, extra=""):
        path = f"{self.work}/{tag}.yaml"
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.manifest + f"gammes:\n  file: {table}\n" + extra)
        out = f"{self.work}/out-{tag}"
        subprocess.run(["nice", "-n", "10", self.binary, "analyse", path, "--out", out, "--outputs", "tables",
                        "--quiet"], check=True)
        with open(f"{out}/zones_grises.csv", encoding="utf-8") as f:
            shares = {r["gamme"]: float(r["part_population_pct"]) for r in csv.DictReader(f)}
        return [shares[g] for g in GAMMES], out


class Evaluator:
    """The tool's crow-fly pole rule on the analysed communes (see the module docstring)."""

    def __init__(self, national, tool, geodata):
        probe = f"{tool.work}/all-types.csv"
        with open(probe, "w") as f:  # every type in proximité, share 0.001: each equipped commune is a pole
            f.write("typequ,gamme\n" + "".join(f"{t},proximite\n" for t in national.types[2:]))
            f.write(f"{national.types[0]},intermediaire\n{national.types[1]},superieure\n")
        _, out = tool.run(probe, "all-types", "poles:\n  share: 0.001\n")
        centre = {ft["properties"]["code"]: ft["geometry"]["coordinates"]
                  for ft in json.load(open(f"{out}/poles.geojson", encoding="utf-8"))["features"]}
        codes, pop = [], []
        for ft in json.load(open(f"{out}/communes.geojson", encoding="utf-8"))["features"]:
            c = ft["properties"]["code"]
            codes.append(c)
            pop.append(ft["properties"]["population"])
            if c not in centre:  # no equipment, never a pole: mean of the largest ring's vertices
                g = ft["geometry"]
                rings = [p[0] for p in (g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]])]
                ring = max(rings, key=len)
                centre[c] = [sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)]
        lon = np.radians([centre[c][0] for c in codes])
        lat = np.radians([centre[c][1] for c in codes])
        self.xyz = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], 1) * 6371.0088
        self.pop = np.array(pop)
        position = {c: i for i, c in enumerate(codes)}
        parent = {}
        with open(f"{geodata}/insee-populations-2021/v_commune_2024.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["COMPARENT"]:
                    parent[row["COM"]] = row["COMPARENT"]
        self.index = national.index
        self.A = np.zeros((len(codes), len(national.types)), bool)
        with gzip.open(f"{geodata}/insee-bpe/bpe_ens_2019_france.csv.gz", "rt", encoding="utf-8") as f:
            rows = csv.reader(f)
            next(rows)
            for row in rows:
                c = row[2] if row[2] in position else parent.get(row[2], row[2])
                if c in position and int(row[6]) > 0:
                    self.A[position[c], self.index[row[5]]] = True
        self.speed_kmh, self.access_minutes = 50.0, 0.0

    def minutes(self, km):
        """The crow-fly time of the `sdaasp` convention (× 1.2), 0 for a commune to itself."""
        return np.where(km > 0, 1.2 * (self.access_minutes + km * 1.3 / self.speed_kmh * 60), 0)

    def figures(self, groups_by_gamme):
        own = []
        for groups in groups_by_gamme:
            count = np.sum([self.A[:, [self.index[t] for t in g]].any(1) for g in groups], 0)
            own.append(count >= 0.5 * len(groups) - 1e-9)
        poles = [own[0] | own[1] | own[2], own[1] | own[2], own[2]]
        result = []
        for k, threshold in enumerate((10, 20, 30)):
            d, _ = cKDTree(self.xyz[poles[k]]).query(self.xyz)
            result.append(round(float(100 * self.pop[self.minutes(d) > threshold + 1e-9].sum() / self.pop.sum()), 2))
        return result, [int(o.sum()) for o in own]


def groups(members, gamme, typequ):
    out = [[], [], []]
    for g, s in zip(gamme, members):
        if g is not None:
            out[g] += [[t] for t in s] if typequ else [s]
    return out


def write_table(members, gamme, path, typequ):
    with open(path, "w", encoding="utf-8") as f:
        f.write("typequ,gamme,service\n")
        for g, s in zip(gamme, members):
            for t in s if g is not None else ():
                f.write(f"{t},{GAMMES[g]},{'' if typequ else s[0]}\n")


# --- Rules ------------------------------------------------------------------------------

def by_cuts(app, c1, c2, c3):
    return [None if a is None else 0 if a <= c1 else 1 if a <= c2 else 2 if a <= c3 else None for a in app]


def ordered(members, S, app):
    freq = S.sum(0)
    return [j for j in sorted(range(len(members)), key=lambda j: (-freq[j], members[j][0]))
            if app[j] is not None and app[j] <= 50_000]


def sequential_cut(members, S, app, threshold, criterion):
    """Ordered list; a new gamme starts when the next service's co-presence with the current
    gamme (share of its poles having it, or mean Jaccard) falls under the threshold."""
    gamme, g, current = [None] * len(members), 0, []
    for j in ordered(members, S, app):
        if current:
            if criterion == "poles":
                value = S[own_poles(S, current), j].mean()
            else:
                a = S[:, j]
                value = np.mean([(a & S[:, k]).sum() / (a | S[:, k]).sum() for k in current])
            if value < threshold:
                g, current = g + 1, []
                if g > 2:
                    break
        current.append(j)
        gamme[j] = g
    return gamme


def fixed_point(members, S, national, gamme, share=0.5, typequ=False, limit=60):
    """Each service joins the lowest gamme whose poles (hierarchy applied) have it in >= share."""
    seen = []
    for _ in range(limit):
        idx = [[j for j in range(len(members)) if gamme[j] == k] for k in range(3)]
        if typequ:
            own = []
            for k in range(3):
                cols = [national.M[:, national.index[t]] for j in idx[k] for t in members[j]]
                own.append(np.sum(cols, 0) >= 0.5 * len(cols) if cols else np.zeros(S.shape[0], bool))
        else:
            own = [own_poles(S, idx[k]) for k in range(3)]
        poles = [own[0] | own[1] | own[2], own[1] | own[2], own[2]]
        new = [next((k for k in range(3) if poles[k].any() and S[poles[k], j].mean() >= share), None)
               for j in range(len(members))]
        if new == gamme or new in seen:
            return new
        seen.append(gamme)
        gamme = new
    return gamme


def rare_floor(members, S, gamme):
    """A supérieure service must be present in at least as many communes as the gamme has poles."""
    freq = S.sum(0)
    while True:
        poles = own_poles(S, [j for j in range(len(members)) if gamme[j] == 2]).sum()
        new = [g if g != 2 or freq[j] >= poles else None for j, g in enumerate(gamme)]
        if new == gamme:
            return gamme
        gamme = new


def clusters(members, S, chosen, metric, method, first=0):
    """Hierarchical clustering of the chosen services into 3 (or 2 when first > 0) groups,
    ordered by mean number of communes: the most common is gamme `first`."""
    freq = S.sum(0)
    k = 3 - first
    label = fcluster(linkage(pdist(S[:, chosen].T, metric), method), k, "maxclust")
    order = sorted(set(label), key=lambda c: -np.mean([freq[chosen[i]] for i in range(len(chosen)) if label[i] == c]))
    gamme = [None] * len(members)
    for i, j in enumerate(chosen):
        gamme[j] = first + order.index(label[i])
    return gamme


def rows(national):
    """(name, members, S, gamme, typequ) for every row of the table, in its order."""
    base_excl = {t for t in national.types if t[0] in "EG"} | GEO_EXCLUDED
    mem, S = national.services(base_excl)
    app = [national.appearance(S[:, j]) for j in range(S.shape[1])]
    current = by_cuts(app, 2300, 9000, 50_000)
    yield "current rule", mem, S, current, False
    yield "current rule, TYPEQU counted", mem, S, current, True
    tmem, tS = national.services(base_excl - {"E101"})
    tapp = [national.appearance(tS[:, j]) for j in range(tS.shape[1])]
    yield "current rule + E101 taxi", tmem, tS, by_cuts(tapp, 2300, 9000, 50_000), True
    yield "same, services", tmem, tS, by_cuts(tapp, 2300, 9000, 50_000), False
    umem, uS = national.services(base_excl | national.ubiquitous)
    uapp = [national.appearance(uS[:, j]) for j in range(uS.shape[1])]
    yield "ubiquitous types out, cuts 2300/9000/50000", umem, uS, by_cuts(uapp, 2300, 9000, 50_000), False
    yield "same, TYPEQU counted", umem, uS, by_cuts(uapp, 2300, 9000, 50_000), True
    xmem, xS = national.services((base_excl | national.ubiquitous) - {"E101"})
    xapp = [national.appearance(xS[:, j]) for j in range(xS.shape[1])]
    for c1 in (2300, 2510, 2800):
        yield f"ubiquitous types out + E101 taxi, cuts {c1}/9000/50000", xmem, xS, by_cuts(xapp, c1, 9000, 50_000), True
    for criterion, threshold in (("poles", 0.5), ("poles", 0.45), ("jaccard", 0.30), ("jaccard", 0.25)):
        yield (f"ordered list cut by co-presence ({criterion} < {threshold})", mem, S,
               sequential_cut(mem, S, app, threshold, criterion), True)
    order = ordered(mem, S, app)
    windows = [None] * len(mem)
    for r, j in enumerate(order):
        windows[j] = 0 if r < 25 else 1 if r < 56 else 2 if r < 101 else None
    yield "contiguous windows 0-25 / 25-56 / 56-101", mem, S, windows, True
    yield "fixed point, 50 %", mem, S, fixed_point(mem, S, national, current, 0.5), False
    yield "fixed point, 60 %", mem, S, fixed_point(mem, S, national, current, 0.6), False
    yield "fixed point, 50 %, poles on TYPEQU", mem, S, fixed_point(mem, S, national, current, 0.5, True), True
    yield "too rare to make poles (supérieure floor)", mem, S, rare_floor(mem, S, list(current)), False
    freq = S.sum(0)
    floor = [j for j in range(len(mem)) if freq[j] >= 1000 and app[j] is not None]
    yield "Ward, Jaccard, services in >= 1000 communes", mem, S, clusters(mem, S, floor, "jaccard", "ward"), False
    upto = [j for j in range(len(mem)) if app[j] is not None and app[j] <= 30_000]
    yield "complete linkage, Jaccard, appearing up to 30000", mem, S, clusters(mem, S, upto, "jaccard", "complete"), False
    combined = [0 if (a is not None and a <= 2300) else None for a in xapp]
    middle = [j for j in range(len(xmem)) if xapp[j] is not None and 2300 < xapp[j] <= 30_000]
    for j, g in enumerate(clusters(xmem, xS, middle, "dice", "ward", first=1)):
        if g is not None:
            combined[j] = g
    yield "closest argued combination (ubiquitous out + taxi; Ward on Dice 2300-30000)", xmem, xS, combined, True


def window_search(national, evaluator):
    """Every contiguous triple of windows of the ordered list with sizes in range."""
    base_excl = {t for t in national.types if t[0] in "EG"} | GEO_EXCLUDED
    mem, S = national.services(base_excl)
    app = [national.appearance(S[:, j]) for j in range(S.shape[1])]
    order = ordered(mem, S, app)
    for typequ in (False, True):
        cols = [[evaluator.A[:, evaluator.index[t]] for t in mem[j]] if typequ
                else [evaluator.A[:, [evaluator.index[t] for t in mem[j]]].any(1)] for j in order]
        counts = np.array([sum(c.astype(int) for c in cc) for cc in cols])
        weights = np.array([len(cc) for cc in cols])
        cum = np.vstack([np.zeros(evaluator.A.shape[0], int), np.cumsum(counts, 0)])
        cw = np.concatenate([[0], np.cumsum(weights)])

        def own(a, b):
            return (cum[b] - cum[a]) >= 0.5 * (cw[b] - cw[a]) - 1e-9

        def figure(mask, threshold):
            d, _ = cKDTree(evaluator.xyz[mask]).query(evaluator.xyz)
            return 100 * evaluator.pop[evaluator.minutes(d) > threshold + 1e-9].sum() / evaluator.pop.sum()

        good = {}
        for n in range(45, 61):
            for c in range(30, len(order) - n + 1):
                o = own(c, c + n)
                f = figure(o, 30)
                if abs(f - TARGET[2]) <= 1:
                    good[(c, n)] = o
        best, meets = [], 0
        for (c, n), sup in good.items():
            for m in range(30, 51):
                b = c - m
                if b < 0:
                    continue
                inter = own(b, c) | sup
                fi = figure(inter, 20)
                best.append((round(float(fi), 2), b, c, c + n))
                if abs(fi - TARGET[1]) > 1:
                    continue
                for p in range(25, 31):
                    if b - p >= 0 and abs(figure(own(b - p, b) | inter, 10) - TARGET[0]) <= 1:
                        meets += 1
        best.sort()
        print(f"windows ({'TYPEQU' if typequ else 'services'}): {len(good)} supérieure windows within a point; "
              f"highest intermédiaire with one of them {best[-1] if best else None}; triples meeting all three: {meets}")


def local_search(national, evaluator, iterations=13_129, seed=1):
    base_excl = {t for t in national.types if t[0] in "EG"} | GEO_EXCLUDED
    mem, S = national.services(base_excl)
    app = [national.appearance(S[:, j]) for j in range(S.shape[1])]
    order = ordered(mem, S, app)
    gamme = [None] * len(mem)
    for r, j in enumerate(order):
        gamme[j] = 0 if r < 28 else 1 if r < 58 else 2 if r < 108 else None
    limits = ((25, 30), (30, 50), (45, 60))

    def score(g):
        f, _ = evaluator.figures(groups(mem, g, False))
        return max(abs(a - b) for a, b in zip(f, TARGET))

    best, rnd = score(gamme), random.Random(seed)
    for _ in range(iterations):
        j, new = rnd.choice(order), rnd.choice([0, 1, 2, None])
        if new == gamme[j]:
            continue
        trial = list(gamme)
        trial[j] = new
        if any(not lo <= sum(1 for x in trial if x == k) <= hi for k, (lo, hi) in enumerate(limits)):
            continue
        s = score(trial)
        if s <= best:
            best, gamme = s, trial
        if best <= 0.5:
            break
    return "local search on the figures (no rule)", mem, S, gamme, False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--geodata", default=os.path.join(os.path.dirname(ROOT), "shared", "geodata"))
    ap.add_argument("--zonegrise", default=f"{ROOT}/.build/release/zonegrise")
    ap.add_argument("--work", help="folder for tables and runs (default: a temporary one)")
    ap.add_argument("--fast", action="store_true", help="figures from the re-implementation only")
    ap.add_argument("--windows", action="store_true", help="exhaustive search of contiguous windows")
    ap.add_argument("--local-search", action="store_true", help="the no-rule local search (slow)")
    ap.add_argument("--crowfly", default="50,0", help="re-implementation's speed km/h and access minutes: "
                    "50,0 (second round) or 74,2.8 (the sdaasp fit of issue 10's third round)")
    args = ap.parse_args()
    geodata = os.path.abspath(args.geodata)
    if not os.path.isdir(geodata) or not os.access(args.zonegrise, os.X_OK):
        sys.exit(f"explore-gammes: needs {geodata} and a release build at {args.zonegrise}")
    work = args.work or tempfile.mkdtemp(prefix="explore-gammes-")
    os.makedirs(work, exist_ok=True)
    national = National(geodata)
    tool = Tool(geodata, args.zonegrise, work)
    evaluator = Evaluator(national, tool, geodata)
    evaluator.speed_kmh, evaluator.access_minutes = map(float, args.crowfly.split(","))
    all_rows = list(rows(national))
    if args.local_search:
        all_rows.append(local_search(national, evaluator))
    print("rule\tsizes services (TYPEQU) p/i/s\tcounted as\tre-implementation %\ttool %")
    for n, (name, mem, S, gamme, typequ) in enumerate(all_rows):
        services = [sum(1 for g in gamme if g == k) for k in range(3)]
        typequs = [sum(len(s) for s, g in zip(mem, gamme) if g == k) for k in range(3)]
        fast, _ = evaluator.figures(groups(mem, gamme, typequ))
        table = f"{work}/row{n:02d}.csv"
        write_table(mem, gamme, table, typequ)
        slow = "-" if args.fast else tool.run(table, f"row{n:02d}")[0]
        print(f"{name}\t{services} ({typequs})\t{'TYPEQU' if typequ else 'services'}\t{fast}\t{slow}", flush=True)
    if args.windows:
        window_search(national, evaluator)
    print(f"tables and runs in {work}")


if __name__ == "__main__":
    main()
