#!/usr/bin/env python3
"""Generate the SYNTHETIC demo territory of zonegrise (départements 99 and 98).

Everything written by this script is invented: geometry, names, populations,
equipment and France Services sites. Nothing comes from, or is derived from,
real data; only the *file layouts* mimic the real producers (IGN ADMIN EXPRESS,
INSEE populations légales and BPE, ANCT France Services).

    python3 scripts/make-demo.py              # (re)write geodata/demo/
    python3 scripts/make-demo.py --out DIR    # write elsewhere
    python3 scripts/make-demo.py --check      # exit 1 if geodata/demo/ is stale

Python 3.11 standard library only. Deterministic: one fixed SEED, split into one
`random.Random` stream per purpose (sites, populations, names, equipment...), of
which only `random()` and `gauss()` are used (their streams are stable across
Python versions); outputs are sorted, floats have fixed formats and the gzip
header carries no time stamp, so two runs give byte-identical files. The
generator checks its own tessellation (shared edges, areas) before writing.
"""

import argparse
import gzip
import io
import json
import math
import os
import random
import sys
import tempfile
import unicodedata

SEED = 9998_2024
VINTAGE = "2024"
REG = "99"
REG_LABEL = "Région Démo (SYNTHÉTIQUE)"
DEP_A = "99"   # analysed département
DEP_B = "98"   # neighbour (service area)
DEP_LABEL = {DEP_A: "Démo-Ouest (SYNTHÉTIQUE)", DEP_B: "Démo-Est (SYNTHÉTIQUE)"}

KM = 1000.0

# ---------------------------------------------------------------------------
# Territory design (kilometres, Lambert-93-like). 99 is about 80 km x 60 km;
# 98 lies east of it, the two share the wiggly BORDER (south to north).
BORDER = [(681, 6898), (679, 6911), (682.5, 6924), (678.5, 6937), (683, 6949), (680, 6962)]
OUTLINE = {
    DEP_A: [(602, 6908), (611, 6899), (630, 6902), (648, 6897), (664, 6901)] + BORDER
    + [(664, 6958), (646, 6963), (628, 6959), (610, 6961), (600, 6950), (604, 6936), (599, 6922)],
    DEP_B: BORDER + [(694, 6958), (708, 6955), (722, 6948), (726, 6930), (720, 6912), (708, 6900), (694, 6895)],
}
BOX = (588.0, 6886.0, 738.0, 6974.0)       # Voronoi clipping box (km)
SITES = {DEP_A: 300, DEP_B: 121}           # Voronoi cells per département

# The tool's calibrated crow-fly default (docs/CALIBRATION.md): detour 1.3 at 50 km/h.
MINUTES_PER_KM = 1.3 * 60.0 / 50.0

RURAL = (607.0, 6907.0)   # centre of the sparse rural corner of 99 (south-west)
RURAL_RADIUS = 16.0       # km: no bourg inside, small villages only

# Designated places: (key, dep, x km, y km, population municipale)
PLACES = [
    ("pref99", DEP_A, 648.0, 6937.0, 41250),
    ("town_nw", DEP_A, 614.0, 6951.0, 11840),
    ("town_s", DEP_A, 651.0, 6906.0, 8930),
    ("town_ne", DEP_A, 667.0, 6955.0, 6270),
    ("town_w", DEP_A, 631.0, 6934.0, 5180),
    ("bourg_rural", DEP_A, 619.0, 6916.0, 1140),
    ("pref98", DEP_B, 716.0, 6929.0, 26400),
    ("town_border", DEP_B, 690.0, 6917.0, 17600),
    ("town_98n", DEP_B, 703.0, 6951.0, 5900),
    ("bourg_border", DEP_B, 686.0, 6941.0, 2600),
]
N_BOURGS = {DEP_A: 21, DEP_B: 8}
# Highest gamme each designated place is a pole of (enforced on its equipment); the
# other communes are poles or not as their random equipment decides.
POLE_LEVEL = {
    "pref99": "superieure", "town_nw": "superieure", "town_s": "intermediaire",
    "town_ne": "intermediaire", "town_w": "intermediaire", "bourg_rural": "proximite",
    "pref98": "superieure", "town_border": "superieure", "town_98n": "intermediaire",
    "bourg_border": "intermediaire",
}

# ---------------------------------------------------------------------------
# Equipment types: BPE 2018-2022 nomenclature (as in BPE 2019).
# (TYPEQU, gamme or None, French label, population at which half the communes
#  have the type, inhabitants per equipment in large communes)
TYPES = [
    ("A206", "proximite", "Bureau de poste", 1300, 12000),
    ("A401", "proximite", "Maçon", 350, 600),
    ("A501", "proximite", "Coiffure", 650, 900),
    ("A504", "proximite", "Restaurant", 500, 500),
    ("B202", "proximite", "Épicerie", 1000, 3000),
    ("B203", "proximite", "Boulangerie", 800, 1800),
    ("B204", "proximite", "Boucherie charcuterie", 1800, 4000),
    ("C104", "proximite", "École élémentaire", 260, 1400),
    ("D201", "proximite", "Médecin omnipraticien", 1100, 1100),
    ("D221", "proximite", "Chirurgien dentiste", 2000, 2000),
    ("D232", "proximite", "Infirmier", 750, 900),
    ("D301", "proximite", "Pharmacie", 1500, 3500),
    ("A104", "intermediaire", "Gendarmerie", 3000, 60000),
    ("A203", "intermediaire", "Banque, Caisse d'Épargne", 1800, 2500),
    ("A304", "intermediaire", "École de conduite", 2500, 5000),
    ("A502", "intermediaire", "Vétérinaire", 3000, 8000),
    ("B102", "intermediaire", "Supermarché", 2000, 7000),
    ("B301", "intermediaire", "Librairie papeterie journaux", 2700, 6000),
    ("B302", "intermediaire", "Magasin de vêtements", 4000, 1500),
    ("B316", "intermediaire", "Station-service", 2500, 6000),
    ("C201", "intermediaire", "Collège", 3200, 9000),
    ("D233", "intermediaire", "Masseur kinésithérapeute", 1800, 1300),
    ("D302", "intermediaire", "Laboratoire d'analyses et de biologie médicale", 5000, 12000),
    ("F101", "intermediaire", "Bassin de natation", 5500, 15000),
    ("B101", "superieure", "Hypermarché", 9000, 25000),
    ("B304", "superieure", "Magasin de chaussures", 8000, 5000),
    ("B311", "superieure", "Horlogerie Bijouterie", 7500, 6000),
    ("C301", "superieure", "Lycée d'enseignement général et/ou technologique", 10000, 20000),
    ("C302", "superieure", "Lycée d'enseignement professionnel", 11000, 25000),
    ("D106", "superieure", "Urgences", 20000, 80000),
    ("D107", "superieure", "Maternité", 24000, 100000),
    ("D202", "superieure", "Spécialiste en cardiologie", 14000, 8000),
    ("D208", "superieure", "Spécialiste en ophtalmologie", 12000, 7000),
    ("D212", "superieure", "Spécialiste en radiodiagnostic et imagerie médicale", 11000, 6000),
    ("D214", "superieure", "Spécialiste en gynécologie", 15000, 8000),
    ("F303", "superieure", "Cinéma", 9000, 30000),
    # in the BPE file but in no gamme of gammes.csv (the tool must ignore them)
    ("A101", None, "Police", 9000, 30000),
    ("C101", None, "École maternelle", 600, 2000),
    ("E101", None, "Taxi", 900, 2500),
    ("F113", None, "Terrains de grands jeux", 300, 1500),
    ("G102", None, "Hôtel", 2500, 4000),
]
SLOPE = 0.42          # logistic slope on log(population)
GAMMES = ("proximite", "intermediaire", "superieure")

FS_HEADER = ["id_fs", "insee_dep", "lib_fs", "adresse", "complement_adresse", "insee_com",
             "code_postal", "lib_com", "latitude", "longitude", "mail", "telephone", "h_lundi",
             "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi", "prise_rdv",
             "commentaire", "type_fs", "format_fs", "groupe_fs", "labellisation_fs"]


# ---------------------------------------------------------------------------
# Small deterministic random helpers (only Random.random and Random.gauss).

class Rng:
    """One independent stream per purpose, so that changing e.g. the names does not
    move the geometry. A str seed is hashed with SHA-512 by `random.seed` (version 2),
    which is stable across Python versions and platforms."""

    def __init__(self, purpose):
        self.r = random.Random("zonegrise-demo-%d-%s" % (SEED, purpose))

    def u(self, a=0.0, b=1.0):
        return a + (b - a) * self.r.random()

    def index(self, n):
        return min(n - 1, int(self.r.random() * n))

    def pick(self, seq):
        return seq[self.index(len(seq))]

    def gauss(self, mu, sigma):
        return self.r.gauss(mu, sigma)

    def shuffled(self, seq):
        out = list(seq)
        for i in range(len(out) - 1, 0, -1):
            j = self.index(i + 1)
            out[i], out[j] = out[j], out[i]
        return out


# ---------------------------------------------------------------------------
# Planar geometry

def shoelace(ring):
    """Signed area of a ring given as a list of (x, y), not closed."""
    s = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def point_in_ring(p, ring):
    x, y = p
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if xi > x:
                inside = not inside
    return inside


def seg_dist(p, a, b):
    ax, ay = a
    bx, by = b
    px, py = p
    dx, dy = bx - ax, by - ay
    L2 = dx * dx + dy * dy
    t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / L2))
    qx, qy = ax + t * dx, ay + t * dy
    return math.hypot(px - qx, py - qy)


def ring_dist(p, ring):
    n = len(ring)
    return min(seg_dist(p, ring[i], ring[(i + 1) % n]) for i in range(n))


def centroid(ring):
    a = shoelace(ring)
    cx = cy = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        c = x1 * y2 - x2 * y1
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    return (cx / (6 * a), cy / (6 * a))


def clip_halfplane(poly, m, d):
    """Keep the part of convex polygon `poly` where (p - m) . d <= 0."""
    out = []
    n = len(poly)
    for i in range(n):
        p = poly[i]
        q = poly[(i + 1) % n]
        fp = (p[0] - m[0]) * d[0] + (p[1] - m[1]) * d[1]
        fq = (q[0] - m[0]) * d[0] + (q[1] - m[1]) * d[1]
        if fp <= 0:
            out.append(p)
        if (fp < 0 < fq) or (fq < 0 < fp):
            t = fp / (fp - fq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def voronoi_cell(i, sites, box):
    x0, y0, x1, y1 = box
    poly = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    si = sites[i]
    order = sorted((math.hypot(s[0] - si[0], s[1] - si[1]), j) for j, s in enumerate(sites) if j != i)
    radius = max(math.hypot(p[0] - si[0], p[1] - si[1]) for p in poly)
    for dist, j in order:
        if dist > 2 * radius:
            break
        sj = sites[j]
        m = ((si[0] + sj[0]) / 2, (si[1] + sj[1]) / 2)
        poly = clip_halfplane(poly, m, (sj[0] - si[0], sj[1] - si[1]))
        radius = max(math.hypot(p[0] - si[0], p[1] - si[1]) for p in poly)
    return poly


class Registry:
    """Vertices shared by every ring: each point is stored once, at 0.01 m."""

    def __init__(self, tol=0.5):
        self.pts = []
        self.grid = {}
        self.tol = tol

    def add(self, x, y, exact=False):
        gx, gy = math.floor(x), math.floor(y)
        if not exact:
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    for k in self.grid.get((gx + dx, gy + dy), ()):
                        px, py = self.pts[k]
                        if abs(px - x) <= self.tol and abs(py - y) <= self.tol:
                            return k
        k = len(self.pts)
        self.pts.append((float("%.2f" % x), float("%.2f" % y)))
        self.grid.setdefault((gx, gy), []).append(k)
        return k


# ---------------------------------------------------------------------------
# Lambert-93 (EPSG:2154) -> WGS84 longitude/latitude. RGF93 and WGS84 are
# treated as identical, as PROJ does for EPSG:2154 -> EPSG:4326.

_A = 6378137.0
_F = 1 / 298.257222101
_E = math.sqrt(2 * _F - _F * _F)


def _m(phi):
    return math.cos(phi) / math.sqrt(1 - (_E * math.sin(phi)) ** 2)


def _t(phi):
    es = _E * math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - es) / (1 + es)) ** (_E / 2)


_P1, _P2, _P0 = math.radians(49.0), math.radians(44.0), math.radians(46.5)
_N = (math.log(_m(_P1)) - math.log(_m(_P2))) / (math.log(_t(_P1)) - math.log(_t(_P2)))
_FF = _m(_P1) / (_N * _t(_P1) ** _N)
_RHO0 = _A * _FF * _t(_P0) ** _N
_LON0 = math.radians(3.0)


def lambert93_to_wgs84(x, y):
    dx = x - 700000.0
    dy = _RHO0 - (y - 6600000.0)
    rho = math.hypot(dx, dy)
    t = (rho / (_A * _FF)) ** (1 / _N)
    lon = math.atan2(dx, dy) / _N + _LON0
    phi = math.pi / 2 - 2 * math.atan(t)
    for _ in range(30):
        es = _E * math.sin(phi)
        nxt = math.pi / 2 - 2 * math.atan(t * ((1 - es) / (1 + es)) ** (_E / 2))
        if abs(nxt - phi) < 1e-13:
            phi = nxt
            break
        phi = nxt
    return math.degrees(lon), math.degrees(phi)


# ---------------------------------------------------------------------------
# Names (invented)

ROOTS = ["Aub", "Bal", "Belv", "Bourn", "Brév", "Cham", "Cour", "Dam", "Esc", "Falg", "Fong",
         "Garn", "Gen", "Grav", "Haul", "Jons", "Lav", "Lem", "Maln", "Marv", "Maur", "Mern",
         "Montr", "Morv", "Neuv", "Orn", "Palv", "Perv", "Pré", "Quer", "Ralm", "Renn", "Roch",
         "Sabl", "Sauv", "Senn", "Talm", "Torn", "Valm", "Vaud", "Vern", "Vill", "Éc", "Ér",
         "Ors", "Ambr", "Aud", "Cress", "Dorn", "Floss", "Glan", "Harv", "Lorm", "Nauv"]
MID_V = ["a", "e", "i", "o", "é", "ou", "a", "e"]
MID_C = ["l", "r", "v", "n", "m", "s", "t", "d", "ch", "l", "r"]
ENDS = ["ac", "ouse", "ville", "court", "ières", "eux", "igny", "elles", "ange", "ois", "on",
        "ette", "mont", "val", "ard", "as", "ens", "ouze", "argues", "lieu", "ançon", "ècourt",
        "ôme", "euil", "ain", "ouville", "essac", "enne"]
SAINTS = ["Fictor", "Aléan", "Démian", "Syntien", "Maquet", "Protel", "Modèle", "Esquis"]
QUALIFIERS = ["-sur-Synthe", "-sur-Synthe", "-en-Démois", "-la-Fictive", "-le-Haut", "-le-Bas"]
VOWELS = "AEIOUÉÈ"


def make_name(rng):
    root, vowel, cons, end = rng.pick(ROOTS), rng.pick(MID_V), rng.pick(MID_C), rng.pick(ENDS)
    if root[-1] in "aeiouéèô":
        vowel = ""
    if cons == end[0]:
        cons = ""
    base = root + vowel + cons + end
    r = rng.u()
    if r < 0.07:
        name = "Saint-" + rng.pick(SAINTS)
        if rng.u() < 0.5:
            name += "-" + base if rng.u() < 0.4 else "-sur-Synthe"
        return name
    if r < 0.15:
        name = ("L'" + base) if base[0] in VOWELS else (("Le " if rng.u() < 0.5 else "La ") + base)
    else:
        name = base
    if rng.u() < 0.2:
        name += rng.pick(QUALIFIERS)
    return name


def sort_key_name(name):
    folded = unicodedata.normalize("NFD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return (folded.upper(), name)


def slug(name):
    folded = unicodedata.normalize("NFD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "".join(c if c.isalnum() else "-" for c in folded).strip("-")


# ---------------------------------------------------------------------------
# Building the territory

def km_poly(dep):
    return [(x * KM, y * KM) for x, y in OUTLINE[dep]]


def sample_sites(rng):
    """Blue-noise sites (best-candidate sampling); bigger cells in the rural corner."""
    outl = {d: km_poly(d) for d in (DEP_A, DEP_B)}
    pref = PLACES[0]
    rural = (RURAL[0] * KM, RURAL[1] * KM)
    prefp = (pref[2] * KM, pref[3] * KM)

    def scale(p):
        dr = (p[0] - rural[0]) ** 2 + (p[1] - rural[1]) ** 2
        dp = (p[0] - prefp[0]) ** 2 + (p[1] - prefp[1]) ** 2
        return 1.0 + 0.55 * math.exp(-dr / (2 * (12 * KM) ** 2)) - 0.2 * math.exp(-dp / (2 * (7 * KM) ** 2))

    box = tuple(v * KM for v in BOX)
    area_a = abs(shoelace(outl[DEP_A]))
    area_b = abs(shoelace(outl[DEP_B]))
    box_area = (box[2] - box[0]) * (box[3] - box[1])
    n_out = round((box_area - area_a - area_b) / ((area_a + area_b) / (SITES[DEP_A] + SITES[DEP_B])))

    def region_test(dep):
        if dep is None:
            return lambda p: not point_in_ring(p, outl[DEP_A]) and not point_in_ring(p, outl[DEP_B])
        return lambda p: point_in_ring(p, outl[dep])

    pts = []
    deps = []
    for dep, n in ((DEP_A, SITES[DEP_A]), (DEP_B, SITES[DEP_B]), (None, n_out)):
        test = region_test(dep)
        if dep is None:
            bx = box
        else:
            xs = [p[0] for p in outl[dep]]
            ys = [p[1] for p in outl[dep]]
            bx = (min(xs), min(ys), max(xs), max(ys))
        for _ in range(n):
            best = None
            best_score = -1.0
            for _c in range(10):
                while True:
                    p = (rng.u(bx[0], bx[2]), rng.u(bx[1], bx[3]))
                    if test(p):
                        break
                d = min((math.hypot(p[0] - q[0], p[1] - q[1]) for q in pts), default=1e12)
                score = d / scale(p)
                if score > best_score:
                    best, best_score = p, score
            pts.append(best)
            deps.append(dep)
    return pts, deps, box


def nearest(points, idxs, x, y):
    return min(idxs, key=lambda i: ((points[i][0] - x) ** 2 + (points[i][1] - y) ** 2, i))


def build():
    sites, site_dep, box = sample_sites(Rng("sites"))
    dep_cells = [i for i in range(len(sites)) if site_dep[i] is not None]

    # Voronoi cells of the département sites, vertices shared through the registry.
    reg = Registry()
    raw_cells = {}
    cells = {}
    for i in dep_cells:
        poly = voronoi_cell(i, sites, box)
        raw_cells[i] = poly
        ids = []
        for x, y in poly:
            k = reg.add(x, y)
            if not ids or ids[-1] != k:
                ids.append(k)
        while len(ids) > 1 and ids[0] == ids[-1]:
            ids.pop()
        cells[i] = ids

    edge_cells = {}
    for i in dep_cells:
        ring = cells[i]
        for a, b in zip(ring, ring[1:] + ring[:1]):
            edge_cells.setdefault((min(a, b), max(a, b)), []).append(i)
    neighbours = {i: set() for i in dep_cells}
    vert_cells = {}
    for i in dep_cells:
        for v in cells[i]:
            vert_cells.setdefault(v, set()).add(i)
    for cs in edge_cells.values():
        for a in cs:
            for b in cs:
                if a != b:
                    neighbours[a].add(b)
    interior = {i for i in dep_cells
                if all(len(edge_cells[(min(a, b), max(a, b))]) == 2
                       and all(site_dep[j] == site_dep[i] for j in edge_cells[(min(a, b), max(a, b))])
                       for a, b in zip(cells[i], cells[i][1:] + cells[i][:1]))}

    # ---- designated places
    rng = Rng("populations")
    role = {}
    pop = {}
    by_dep = {d: [i for i in dep_cells if site_dep[i] == d] for d in (DEP_A, DEP_B)}
    place_cell = {}
    for key, dep, x, y, p in PLACES:
        free = [i for i in by_dep[dep] if i not in role]
        c = nearest(sites, free, x * KM, y * KM)
        role[c] = key
        pop[c] = p
        place_cell[key] = c
    pref = place_cell["pref99"]
    for c in sorted(neighbours[pref]):
        if c not in role and site_dep[c] == DEP_A:
            role[c] = "suburb"
            pop[c] = int(round(math.exp(rng.u(math.log(1500), math.log(4300)))))
    rural = (RURAL[0] * KM, RURAL[1] * KM)
    for dep in (DEP_A, DEP_B):
        chosen = [sites[c] for c in role if site_dep[c] == dep]
        count = 0
        for c in rng.shuffled(sorted(by_dep[dep])):
            if count >= N_BOURGS[dep]:
                break
            if c in role:
                continue
            p = sites[c]
            if math.hypot(p[0] - rural[0], p[1] - rural[1]) < RURAL_RADIUS * KM + 1 * KM:
                continue
            if min(math.hypot(p[0] - q[0], p[1] - q[1]) for q in chosen) < 8 * KM:
                continue
            role[c] = "bourg"
            pop[c] = int(round(math.exp(rng.u(math.log(1000), math.log(3000)))))
            chosen.append(p)
            count += 1
    for c in dep_cells:
        if c in role:
            continue
        p = sites[c]
        dr = math.hypot(p[0] - rural[0], p[1] - rural[1])
        if site_dep[c] == DEP_A and dr < RURAL_RADIUS * KM:
            role[c] = "hameau"
            v = math.exp(rng.gauss(math.log(150), 0.45))
            pop[c] = int(round(min(400, max(45, v))))
        else:
            role[c] = "village"
            v = math.exp(rng.gauss(math.log(420), 0.55))
            pop[c] = int(round(min(980, max(70, v))))

    # ---- special communes: exclaves (MultiPolygon), enclave (hole), bow-tie (invalid)
    rng = Rng("special")
    def village_like(c):
        return role[c] in ("village", "hameau") and c in interior

    used = set()
    exclaves = []
    for dep, n in ((DEP_A, 2), (DEP_B, 1)):
        cands = []
        for c1 in sorted(by_dep[dep]):
            if not village_like(c1):
                continue
            for b in sorted(neighbours[c1]):
                for c2 in sorted(neighbours[b]):
                    if c2 == c1 or c2 in neighbours[c1] or not village_like(c2) or not village_like(b):
                        continue
                    if set(cells[c1]) & set(cells[c2]):
                        continue
                    area2 = abs(shoelace(raw_cells[c2]))
                    cands.append((c1, b, c2, area2))
        areas = sorted(abs(shoelace(raw_cells[c])) for c in by_dep[dep])
        cands = [c for c in cands if c[3] < areas[len(areas) // 2]]
        got = 0
        for c1, b, c2, _ in rng.shuffled(cands):
            if got >= n:
                break
            if {c1, b, c2} & used or any(n_ in used for n_ in neighbours[c1] | neighbours[c2]):
                continue
            exclaves.append((c1, c2, b))
            used |= {c1, b, c2}
            got += 1

    def host_ok(c, radius):
        if not village_like(c) or c in used:
            return None
        ring = raw_cells[c]
        cx, cy = centroid(ring)
        cx, cy = float(round(cx)), float(round(cy))
        n = len(ring)
        for k in range(n):
            a, b = ring[k], ring[(k + 1) % n]
            L = math.hypot(b[0] - a[0], b[1] - a[1])
            if seg_dist((cx, cy), a, b) < radius + 0.08 * L + 300:
                return None
        return (cx, cy)

    special = {}
    for kind, radius in (("enclave", 700), ("bowtie", 600)):
        for c in rng.shuffled(sorted(by_dep[DEP_A])):
            ctr = host_ok(c, radius)
            if ctr is None or any(n_ in used for n_ in neighbours[c]):
                continue
            special[kind] = (c, ctr)
            used.add(c)
            break

    # ---- wiggle shared edges (same intermediate points for both sides)
    rng = Rng("wiggle")
    edge_pts = {}
    for key in sorted(edge_cells):
        a, b = key
        pa, pb = reg.pts[a], reg.pts[b]
        L = math.hypot(pb[0] - pa[0], pb[1] - pa[1])
        if L < 400:
            edge_pts[key] = []
            continue
        ux, uy = (pb[0] - pa[0]) / L, (pb[1] - pa[1]) / L
        nx, ny = -uy, ux
        dm = rng.u(-1, 1) * 0.06 * L
        mid = (pa[0] + 0.5 * L * ux + dm * nx, pa[1] + 0.5 * L * uy + dm * ny)
        d1 = rng.u(-1, 1) * 0.02 * L
        d3 = rng.u(-1, 1) * 0.02 * L
        q1 = ((pa[0] + mid[0]) / 2 + d1 * nx, (pa[1] + mid[1]) / 2 + d1 * ny)
        q3 = ((mid[0] + pb[0]) / 2 + d3 * nx, (mid[1] + pb[1]) / 2 + d3 * ny)
        edge_pts[key] = [reg.add(*q, exact=True) for q in (q1, mid, q3)]

    def expand(ring):
        out = []
        for a, b in zip(ring, ring[1:] + ring[:1]):
            out.append(a)
            if a < b:
                out.extend(edge_pts[(a, b)])
            else:
                out.extend(reversed(edge_pts[(b, a)]))
        return out

    full = {c: expand(cells[c]) for c in dep_cells}

    # ---- communes
    communes = []   # dicts: dep, cells, role, pop, polys (list of [ext, holes...] id rings), raw

    merged_away = {c2 for _, c2, _ in exclaves}
    exclave_of = {c1: c2 for c1, c2, _ in exclaves}
    host_of = {v[0]: k for k, v in special.items()}
    for c in dep_cells:
        if c in merged_away:
            continue
        com = {"dep": site_dep[c], "cell": c, "role": role[c], "pop": pop[c], "flags": []}
        polys = [[full[c]]]
        if c in exclave_of:
            c2 = exclave_of[c]
            polys.append([full[c2]])
            com["pop"] += pop[c2] // 3
            com["flags"].append("multipolygon")
        if c in host_of:
            kind = host_of[c]
            cx, cy = special[kind][1]
            if kind == "enclave":
                hexa = [reg.add(cx + round(700 * math.cos(math.radians(15 + 60 * k))),
                                cy + round(700 * math.sin(math.radians(15 + 60 * k))), exact=True)
                        for k in range(6)]
                polys[0].append(list(reversed(hexa)))
                com["flags"].append("enclave-host")
                communes.append({"dep": DEP_A, "cell": None, "role": "enclave", "pop": 0,
                                 "polys": [[hexa]], "flags": ["enclave"], "site": (cx, cy)})
            else:
                h = 400
                A = reg.add(cx - h, cy - h, exact=True)
                B = reg.add(cx + h, cy - h, exact=True)
                C = reg.add(cx + h, cy + h, exact=True)
                D = reg.add(cx - h, cy + h, exact=True)
                X = reg.add(cx, cy, exact=True)
                # the host keeps the top and bottom triangles; its two holes touch at X
                polys[0].append([A, D, X])
                polys[0].append([B, X, C])
                com["flags"].append("bowtie-host")
                communes.append({"dep": DEP_A, "cell": None, "role": "bowtie", "pop": 0,
                                 "polys": [[[A, X, D]], [[B, C, X]]],   # the intended (repaired) shape
                                 "bowtie_ring": [A, C, B, D],           # what is written: invalid
                                 "flags": ["invalid-bowtie"], "site": (cx, cy)})
        com["polys"] = polys
        com["site"] = sites[c]
        communes.append(com)

    for com in communes:
        if com["role"] == "enclave":
            com["pop"] = 96
        elif com["role"] == "bowtie":
            com["pop"] = 38

    # orientation: exterior counter-clockwise, holes clockwise (RFC 7946)
    for com in communes:
        for poly in com["polys"]:
            for k, ring in enumerate(poly):
                a = shoelace([reg.pts[v] for v in ring])
                if (k == 0 and a < 0) or (k > 0 and a > 0):
                    ring.reverse()

    verify_tessellation(communes, reg)

    # ---- names and codes (codes in alphabetical order of names, as INSEE did)
    rng = Rng("names")
    taken = set()
    for com in communes:
        while True:
            nm = make_name(rng)
            if sort_key_name(nm)[0] not in taken:
                break
        taken.add(sort_key_name(nm)[0])
        com["name"] = nm
    for dep in (DEP_A, DEP_B):
        ds = sorted((c for c in communes if c["dep"] == dep), key=lambda c: sort_key_name(c["name"]))
        for k, com in enumerate(ds, start=1):
            com["code"] = "%s%03d" % (dep, k)
    communes.sort(key=lambda c: c["code"])

    # ---- PCAP, arrondissements, cantons
    rng = Rng("pcap")
    for com in communes:
        com["pcap"] = int(round(com["pop"] * rng.u(0.006, 0.03)))
    by_key = {role_key: next(c for c in communes if c["cell"] == cell) for role_key, cell in place_cell.items()}
    arr_seeds = {DEP_A: [("1", by_key["pref99"]), ("2", by_key["town_nw"]), ("3", by_key["town_s"])],
                 DEP_B: [("1", by_key["pref98"]), ("2", by_key["town_border"])]}
    for com in communes:
        seeds = arr_seeds[com["dep"]]
        best = min(seeds, key=lambda s: (math.dist(com["site"], s[1]["site"]), s[0]))
        com["codarr"] = best[0]
        com["arr_code"] = com["dep"] + best[0]
        com["arr_name"] = best[1]["name"]
    for dep in (DEP_A, DEP_B):
        ds = [c for c in communes if c["dep"] == dep]
        heads = sorted((c for c in ds if c["role"] not in ("village", "hameau", "suburb", "enclave", "bowtie")),
                       key=lambda c: (-c["pop"], c["code"]))
        heads = heads[:12 if dep == DEP_A else 5]
        heads.sort(key=lambda c: c["code"])
        for com in ds:
            k = min(range(len(heads)), key=lambda j: (math.dist(com["site"], heads[j]["site"]), j))
            com["codcan"] = "%02d" % (k + 1)

    # ---- equipment (BPE counts)
    rng = Rng("equipment")
    counts = {}
    for com in communes:
        p = max(com["pop"], 1)
        have = {}
        for code, gamme, _label, m50, unit in TYPES:
            prob = 1 / (1 + math.exp(-(math.log(p) - math.log(m50)) / SLOPE))
            draw = rng.u()
            scale = rng.u(0.6, 1.4)
            if draw < prob:
                have[code] = max(1, int(round(p / unit * scale)))
        counts[com["code"]] = have
    # The designated places get the pole level the design needs, whatever the draws
    # gave: add the most common missing types of a gamme they must be a pole of, drop
    # the rarest types of a gamme they must not be a pole of.
    for key, level in sorted(POLE_LEVEL.items()):
        com = by_key[key]
        have = counts[com["code"]]
        for g in GAMMES:
            members = [t for t in TYPES if t[1] == g]
            need = (len(members) + 1) // 2
            present = [t for t in members if t[0] in have]
            if GAMMES.index(g) <= GAMMES.index(level):
                for t in sorted((t for t in members if t[0] not in have), key=lambda t: (t[3], t[0])):
                    if len(present) >= need + 1:
                        break
                    have[t[0]] = 1
                    present.append(t)
            else:
                for t in sorted(present, key=lambda t: (-t[3], t[0])):
                    if len(present) < need:
                        break
                    del have[t[0]]
                    present.remove(t)
    bpe = []
    prefcom = by_key["pref99"]
    split_types = {"A501", "A504", "B203", "D201", "D232", "D233"}
    iris_codes = ["%s_%04d" % (prefcom["code"], k) for k in (101, 102, 103, 201, 202, 301)]
    for com in communes:
        for code, n in sorted(counts[com["code"]].items()):
            if com is prefcom:
                i1 = rng.index(len(iris_codes))
                if code in split_types and n >= 2:
                    i2 = (i1 + 1 + rng.index(len(iris_codes) - 1)) % len(iris_codes)
                    n1 = min(max(1, int(round(n * rng.u(0.3, 0.7)))), n - 1)
                    bpe.append((com, iris_codes[i1], code, n1))
                    bpe.append((com, iris_codes[i2], code, n - n1))
                else:
                    bpe.append((com, iris_codes[i1], code, n))
            else:
                bpe.append((com, com["code"], code, n))
    bpe.sort(key=lambda r: (r[0]["code"], r[2], r[1]))

    # ---- geolocated equipment sample (~200 points inside their communes)
    rng = Rng("geolocated")
    units = []
    for com, _iris, code, n in bpe:
        for _ in range(min(n, 3)):
            units.append((com, code))
    geo = []
    step = len(units) / 200.0
    for k in range(200):
        com, code = units[int(k * step)]
        if k % 17 == 5:
            geo.append((com["code"], code, None))
        else:
            geo.append((com["code"], code, random_point(rng, com, reg, 60)))
    geo.sort(key=lambda r: (r[0], r[1], r[2] is None, r[2] or (0, 0)))

    # ---- France Services sites
    rng = Rng("france-services")
    fs = []
    bourgs = {dep: sorted((c for c in communes if c["dep"] == dep and c["role"] == "bourg"),
                          key=lambda c: (-c["pop"], c["code"])) for dep in (DEP_A, DEP_B)}
    east = min(bourgs[DEP_A], key=lambda c: (math.dist(c["site"], (668 * KM, 6922 * KM)), c["code"]))
    fixed_a = [by_key[k] for k in ("pref99", "town_nw", "town_s", "town_ne", "town_w")]
    fixed_a += [c for c in bourgs[DEP_A] if c is not east][:2]
    for com in fixed_a:
        fs.append((com, "Fixe"))
    fs.append((east, "Itinérante"))
    for com in (by_key["pref98"], by_key["town_border"]):
        fs.append((com, "Fixe"))
    fs.append((bourgs[DEP_B][0], "Itinérante"))
    fs_rows = []
    for k, (com, fmt) in enumerate(sorted(fs, key=lambda f: f[0]["code"])):
        pt = random_point(rng, com, reg, 150, near=com["site"], within=1500)
        fs_rows.append((com, fmt, pt))

    return {"communes": communes, "reg": reg, "bpe": bpe, "geo": geo, "fs": fs_rows,
            "by_key": by_key, "exclaves": exclaves}


def rings_xy(com, reg):
    """Polygons of a commune as coordinate rings (repaired shape for the bow-tie)."""
    return [[[reg.pts[v] for v in ring] for ring in poly] for poly in com["polys"]]


def random_point(rng, com, reg, margin, near=None, within=None):
    polys = rings_xy(com, reg)
    areas = [abs(shoelace(p[0])) for p in polys]
    k = max(range(len(polys)), key=lambda i: (areas[i], -i))
    ext, holes = polys[k][0], polys[k][1:]
    xs = [p[0] for p in ext]
    ys = [p[1] for p in ext]
    for _attempt in range(10000):
        if near is not None and _attempt < 5000:
            p = (near[0] + rng.u(-within, within), near[1] + rng.u(-within, within))
        else:
            p = (rng.u(min(xs), max(xs)), rng.u(min(ys), max(ys)))
        if not point_in_ring(p, ext) or any(point_in_ring(p, h) for h in holes):
            continue
        if ring_dist(p, ext) < margin or any(ring_dist(p, h) < margin for h in holes):
            continue
        return (float("%.2f" % p[0]), float("%.2f" % p[1]))
    raise RuntimeError("no interior point found for " + com.get("code", "?"))


def verify_tessellation(communes, reg):
    """Every directed edge once, every inner edge in both directions, one outer loop,
    and the faces' areas add up to the area inside that loop."""
    directed = {}
    total = 0.0
    for com in communes:
        for poly in com["polys"]:
            for ring in poly:
                total += shoelace([reg.pts[v] for v in ring])
                for a, b in zip(ring, ring[1:] + ring[:1]):
                    if (a, b) in directed:
                        raise AssertionError("edge used twice in the same direction")
                    directed[(a, b)] = True
    boundary = {a: b for (a, b) in directed if (b, a) not in directed}
    if len(boundary) != len(set(boundary.values())):
        raise AssertionError("boundary is not a set of simple loops")
    loops = []
    seen = set()
    for start in sorted(boundary):
        if start in seen:
            continue
        loop = []
        v = start
        while v not in seen:
            seen.add(v)
            loop.append(v)
            v = boundary[v]
        loops.append(loop)
    if len(loops) != 1:
        raise AssertionError("outline has %d loops, expected 1" % len(loops))
    outer = shoelace([reg.pts[v] for v in loops[0]])
    if abs(outer - total) > 1.0:
        raise AssertionError("areas do not add up: %.1f vs %.1f" % (total, outer))


# ---------------------------------------------------------------------------
# Writers

def fmt_ring(ring, reg, wgs):
    pts = list(ring) + [ring[0]]
    if wgs:
        return "[" + ",".join("[%s,%s]" % wgs[v] for v in pts) + "]"
    return "[" + ",".join("[%.2f,%.2f]" % reg.pts[v] for v in pts) + "]"


def geojson(communes, dep, reg, wgs):
    lines = ["{", '"type": "FeatureCollection",',
             '"name": "communes_%s_SYNTHETIC_demo",' % dep]
    if not wgs:
        lines.append('"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},')
    lines.append('"features": [')
    feats = []
    for com in communes:
        if com["dep"] != dep:
            continue
        props = '{"INSEE_COM": %s, "NOM": %s}' % (json.dumps(com["code"]), json.dumps(com["name"], ensure_ascii=False))
        if "bowtie_ring" in com:
            geom = '{"type": "Polygon", "coordinates": [%s]}' % fmt_ring(com["bowtie_ring"], reg, wgs)
        elif len(com["polys"]) == 1:
            geom = '{"type": "Polygon", "coordinates": [%s]}' % ",".join(
                fmt_ring(r, reg, wgs) for r in com["polys"][0])
        else:
            geom = '{"type": "MultiPolygon", "coordinates": [%s]}' % ",".join(
                "[" + ",".join(fmt_ring(r, reg, wgs) for r in poly) + "]" for poly in com["polys"])
        feats.append('{"type": "Feature", "properties": %s, "geometry": %s}' % (props, geom))
    lines.append(",\n".join(feats))
    lines.append("]")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def wgs_table(reg):
    out = {}
    for k, (x, y) in enumerate(reg.pts):
        lon, lat = lambert93_to_wgs84(x, y)
        out[k] = ("%.6f" % lon, "%.6f" % lat)
    return out


def populations_csv(communes):
    rows = ["REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT"]
    for com in sorted(communes, key=lambda c: (c["dep"], c["code"])):
        rows.append(";".join([REG, REG_LABEL, com["dep"], com["codarr"], com["codcan"], com["code"][2:],
                              com["code"], com["name"], str(com["pop"]), str(com["pcap"]),
                              str(com["pop"] + com["pcap"])]))
    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")


def bpe_gz(bpe):
    text = "REG,DEP,DEPCOM,DCIRIS,AN,TYPEQU,NB_EQUIP\n" + "".join(
        "%s,%s,%s,%s,%s,%s,%d\n" % (REG, com["dep"], com["code"], iris, VINTAGE, code, n)
        for com, iris, code, n in bpe)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def geoloc_csv(geo):
    rows = ["DEPCOM;TYPEQU;LAMBERT_X;LAMBERT_Y"]
    for code, typ, pt in geo:
        if pt is None:
            rows.append("%s;%s;;" % (code, typ))
        else:
            rows.append("%s;%s;%.2f;%.2f" % (code, typ, pt[0], pt[1]))
    return ("\n".join(rows) + "\n").encode("utf-8")


def gammes_csv():
    rows = ["typequ,gamme,libelle"]
    for code, gamme, label, _m, _u in sorted((t for t in TYPES if t[1]), key=lambda t: (GAMMES.index(t[1]), t[0])):
        lab = '"%s"' % label.replace('"', '""') if ("," in label or '"' in label) else label
        rows.append("%s,%s,%s" % (code, gamme, lab))
    return ("\n".join(rows) + "\n").encode("utf-8")


def q(s):
    return '"' + s.replace('"', '""') + '"'


def fs_csv(fs_rows):
    out = [",".join(q(h) for h in FS_HEADER)]
    per_dep = {}
    for k, (com, fmt, pt) in enumerate(fs_rows):
        dep = com["dep"]
        per_dep[dep] = per_dep.get(dep, 0) + 1
        n = per_dep[dep]
        lon, lat = lambert93_to_wgs84(*pt)
        itin = fmt == "Itinérante"
        lib = ("France services itinérante %s" if itin else "France services %s") % com["name"]
        hours = "09:00 - 12:00 / 14:00 - 17:00"
        sat = "09:00 - 12:00" if n % 2 else None
        vals = [
            q("%s%02d" % (dep, n)), q(dep), q(lib), q("%d place de la Mairie" % (1 + n)), None,
            q(com["code"]), q("%s%03d" % (dep, 100 + 10 * int(com["codcan"]))), q(com["name"]),
            "%.6f" % lat, "%.6f" % lon,
            q("france-services.%s@demo.invalid" % slug(com["name"])),
            q("01 99 00 %02d %02d" % (int(dep), n)),
            q(hours), q(hours), q("09:00 - 12:00") if itin else q(hours), q(hours), q(hours),
            q(sat) if sat else None,
            q("Oui" if itin else "Non"), q("Données SYNTHÉTIQUES (démo zonegrise)"),
            q("Principal"), q(fmt), None, q("Espace labellisé 01/01/2022"),
        ]
        out.append(",".join("" if v is None else v for v in vals))
    return ("\n".join(out) + "\n").encode("utf-8")


def arrondissements_csv(communes):
    rows = ["commune,code,nom"]
    for com in communes:
        if com["dep"] == DEP_A:
            rows.append("%s,%s,%s" % (com["code"], com["arr_code"], com["arr_name"]))
    return ("\n".join(rows) + "\n").encode("utf-8")


def manifest_yaml():
    return """\
# zonegrise manifest of the SYNTHETIC demo territory (docs/MANIFEST.md).
# Generated by scripts/make-demo.py: do not edit by hand.
version: 1
name: "Démo SYNTHÉTIQUE 99 (synthetic data, invented territory)"

analysis_area: ["99"]
service_area: ["98"]

communes:
  files:
    - communes-99.geojson          # Lambert-93, legacy "crs" member
    - communes-98.geojson          # RFC 7946 WGS84
  code_property: INSEE_COM
  name_property: NOM
  vintage: "2024"

populations:
  file: populations.csv
  vintage: "2024"

equipment:
  file: bpe.csv.gz
  vintage: "2024"

gammes:
  file: gammes.csv

poles:
  share: 0.5
  hierarchy: true

time_model:
  kind: crowfly                    # the tool's calibrated defaults

service_layers:
  - name: france_services
    label: France Services
    file: france-services.csv
    threshold: 30
    vintage: "2024"

subdivisions:
  - name: arrondissement
    file: arrondissements.csv      # commune,code,nom
"""


THRESHOLDS = {"proximite": 10, "intermediaire": 20, "superieure": 30}


def estimate(data):
    """The generator's own rough analysis, for the README: poles with share 0.5 and
    hierarchy, crow-fly minutes = km x 1.3 (detour) at 50 km/h (the tool's calibrated default) from each commune's
    generating point (the tool uses points on surface, so it may differ slightly)."""
    communes = data["communes"]
    types = {g: {t[0] for t in TYPES if t[1] == g} for g in GAMMES}
    have = {}
    for com, _iris, code, _n in data["bpe"]:
        have.setdefault(com["code"], set()).add(code)
    poles = {g: {c["code"] for c in communes if 2 * len(have.get(c["code"], set()) & types[g]) >= len(types[g])}
             for g in GAMMES}
    poles["intermediaire"] |= poles["superieure"]
    poles["proximite"] |= poles["intermediaire"]
    site = {c["code"]: c["site"] for c in communes}
    byc = {c["code"]: c for c in communes}
    ca = [c for c in communes if c["dep"] == DEP_A]
    total = sum(c["pop"] for c in ca)

    def minutes(a, b):
        return 0.0 if a == b else math.dist(site[a], site[b]) / 1000.0 * MINUTES_PER_KM

    out = {"poles": poles, "total": total, "gammes": {}}
    for g in GAMMES:
        grey, via, grey_alone = [], {}, []
        own = sorted(p for p in poles[g] if p[:2] == DEP_A)
        for c in ca:
            best = min(poles[g], key=lambda p: (minutes(c["code"], p), p))
            if minutes(c["code"], best) > THRESHOLDS[g]:
                grey.append(c)
            if best[:2] == DEP_B:
                via[best] = via.get(best, 0) + 1
            if min(minutes(c["code"], p) for p in own) > THRESHOLDS[g]:
                grey_alone.append(c)
        out["gammes"][g] = (grey, via, grey_alone)
    fs = [pt for _com, _fmt, pt in data["fs"]]
    out["fs_far"] = [c for c in ca if min(math.dist(c["site"], p) for p in fs) / 1000.0 * MINUTES_PER_KM > 30]
    out["byc"] = byc
    return out


def readme(data, sizes):
    communes = data["communes"]
    ca = [c for c in communes if c["dep"] == DEP_A]
    cb = [c for c in communes if c["dep"] == DEP_B]
    k = data["by_key"]
    bow = next(c for c in communes if c["role"] == "bowtie")
    enc = next(c for c in communes if c["role"] == "enclave")
    enc_host = next(c for c in communes if "enclave-host" in c["flags"])
    bow_host = next(c for c in communes if "bowtie-host" in c["flags"])
    multi = [c for c in communes if "multipolygon" in c["flags"]]
    rural = sorted((c for c in ca if c["role"] == "hameau"), key=lambda c: c["code"])

    def cn(c):
        return "%s %s" % (c["code"], c["name"])

    def pop_of(cs):
        return sum(c["pop"] for c in cs)

    fs = data["fs"]
    est = estimate(data)
    reg = data["reg"]
    xs = [reg.pts[v][0] for c in communes for poly in c["polys"] for ring in poly for v in ring]
    ys = [reg.pts[v][1] for c in communes for poly in c["polys"] for ring in poly for v in ring]
    extent = (min(xs) / KM, max(xs) / KM, "{:,.0f}".format(min(ys) / KM), "{:,.0f}".format(max(ys) / KM))
    lines = [
        "# Demo territory: SYNTHETIC data",
        "",
        "**Everything in this folder is invented.** Départements 99 \"%s\" and 98 \"%s\" do not"
        % (DEP_LABEL[DEP_A], DEP_LABEL[DEP_B]),
        "exist; their communes, names, populations, equipment and France Services sites are",
        "generated by `python3 scripts/make-demo.py` (fixed seed, Python standard library only).",
        "No real data, and nothing derived from real data, is used: only the file *layouts* copy",
        "those of IGN ADMIN EXPRESS, INSEE populations légales and BPE, and ANCT's list of",
        "France Services. Coordinates look like Lambert-93 (x %.0f-%.0f km, y %s-%s km) so" % extent,
        "that every reader and projection path of the tool is exercised; they describe no real place.",
        "",
        "Regenerate with `python3 scripts/make-demo.py`; `python3 scripts/make-demo.py --check`",
        "exits 1 when these files differ from what the script produces (the `.gz` is compared",
        "after decompression, so a different zlib build does not count as a difference).",
        "Run the analysis with `zonegrise analyse geodata/demo/demo.yaml --out out/demo`.",
        "",
        "## Files",
        "",
        "| file | size | format |",
        "|---|---|---|",
        "| `communes-99.geojson` | %s | %d commune polygons of 99, Lambert-93 metres (2 decimals), legacy `\"crs\"` member `urn:ogc:def:crs:EPSG::2154`, properties `INSEE_COM`, `NOM` (as IGN ADMIN EXPRESS) |" % (sizes["communes-99.geojson"], len(ca)),
        "| `communes-98.geojson` | %s | %d commune polygons of the neighbour 98, RFC 7946 WGS84 lon/lat (6 decimals), same properties |" % (sizes["communes-98.geojson"], len(cb)),
        "| `populations.csv` | %s | INSEE populations légales layout: `;`, UTF-8 with BOM, CRLF; `REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT`; both départements |" % sizes["populations.csv"],
        "| `bpe.csv.gz` | %s | INSEE BPE counts layout, gzip: `REG,DEP,DEPCOM,DCIRIS,AN,TYPEQU,NB_EQUIP`; `DCIRIS` is the commune code, except in the préfecture %s whose rows carry IRIS codes and where six types are split across two IRIS |" % (sizes["bpe.csv.gz"], cn(k["pref99"])),
        "| `equipements-geolocalises.csv` | %s | geolocated BPE sample: `;`, `DEPCOM;TYPEQU;LAMBERT_X;LAMBERT_Y`, 200 points inside their communes, %d rows without coordinates (not used by `demo.yaml`; for the geolocated reader) |" % (sizes["equipements-geolocalises.csv"], sum(1 for g in data["geo"] if g[2] is None)),
        "| `gammes.csv` | %s | `typequ,gamme,libelle`: 12 + 12 + 12 real BPE 2019 type codes with French labels; `bpe.csv.gz` also holds five types that are in no gamme (A101, C101, E101, F113, G102) |" % sizes["gammes.csv"],
        "| `france-services.csv` | %s | ANCT layout (`,`, quoted, the 24 columns of the 2024 list): %d sites in 99, %d in 98, formats Fixe and Itinérante, WGS84 `latitude`/`longitude` inside their communes; mails `@demo.invalid`, phones in ARCEP's range reserved for fiction |" % (sizes["france-services.csv"], sum(1 for f in fs if f[0]["dep"] == DEP_A), sum(1 for f in fs if f[0]["dep"] == DEP_B)),
        "| `arrondissements.csv` | %s | `commune,code,nom`: each commune of 99 in arrondissement 991, 992 or 993 (nearest chef-lieu) |" % sizes["arrondissements.csv"],
        "| `demo.yaml` | %s | the manifest (docs/MANIFEST.md): analysis area 99, service area 98, crow-fly model with the calibrated defaults, France Services at 30 min, arrondissements |" % sizes["demo.yaml"],
        "",
        "Vintages are all labelled \"%s\"; the equipment codes follow the 2018-2022 BPE" % VINTAGE,
        "nomenclature (as in BPE 2019), since the shape of the data matters here, not its year.",
        "",
        "## Key figures",
        "",
        "- 99: %d communes, %s inhabitants (PMUN); préfecture %s (%s inhabitants)."
        % (len(ca), "{:,}".format(pop_of(ca)), cn(k["pref99"]), "{:,}".format(k["pref99"]["pop"])),
        "- 98: %d communes, %s inhabitants; préfecture %s (%s)."
        % (len(cb), "{:,}".format(pop_of(cb)), cn(k["pref98"]), "{:,}".format(k["pref98"]["pop"])),
        "- Towns of 99: %s." % ", ".join("%s (%s)" % (cn(k[t]), "{:,}".format(k[t]["pop"])) for t in ("town_nw", "town_s", "town_ne", "town_w")),
        "",
        "## Expected picture",
        "",
        "The generator's own rough estimate (poles at share 0.5 with hierarchy; crow-fly minutes =",
        "km x 1.3 at 50 km/h (the tool's calibrated default) between the points the communes were grown from; the tool measures from",
        "points on surface with its calibrated parameters, so its figures may differ slightly):",
        "",
        "| gamme | poles in 99 / 98 | communes of 99 in zone grise | inhabitants | share | communes of 99 whose nearest pole is in 98 | in zone grise if 98 were ignored |",
        "|---|---|---|---|---|---|---|",
    ] + [
        "| %s (> %d min) | %d / %d | %d | %s | %.1f %% | %d (%s) | %d communes |" % (
            g, THRESHOLDS[g], sum(1 for c in est["poles"][g] if c[:2] == DEP_A),
            sum(1 for c in est["poles"][g] if c[:2] == DEP_B), len(est["gammes"][g][0]),
            "{:,}".format(pop_of(est["gammes"][g][0])), 100.0 * pop_of(est["gammes"][g][0]) / est["total"],
            sum(est["gammes"][g][1].values()),
            ", ".join("%s: %d" % (cn(est["byc"][p]), n) for p, n in sorted(est["gammes"][g][1].items())) or "none",
            len(est["gammes"][g][2]))
        for g in GAMMES
    ] + [
        "",
        "France Services (30 min): %d communes of 99 (%s inhabitants) beyond 30 minutes of every site."
        % (len(est["fs_far"]), "{:,}".format(pop_of(est["fs_far"]))),
        "",
        "## What makes the territory interesting",
        "",
        "- **A sparse rural corner** in the south-west of 99 (%d small communes, %s inhabitants, within"
        % (len(rural), "{:,}".format(pop_of(rural))),
        "  16 km of x 607 km, y 6,907 km: larger communes of 45-400 inhabitants, no bourg but",
        "  %s on its edge), whose centre lies 35-50 km from the towns. By the estimate" % cn(k["bourg_rural"]),
        "  above, %d / %d / %d of these communes are in zone grise for the proximité / intermédiaire /"
        % tuple(sum(1 for c in rural if c in est["gammes"][g][0]) for g in GAMMES),
        "  supérieure gammes and %d are beyond 30 minutes of every France Services site."
        % sum(1 for c in rural if c in est["fs_far"]),
        "- **A cross-border pole**: %s (%s inhabitants), in 98 about 9 km beyond the border, is"
        % (cn(k["town_border"]), "{:,}".format(k["town_border"]["pop"])),
        "  the nearest pôle supérieur of the south-east of 99; without the service area 98, more",
        "  communes of 99 would be in zone grise (last two columns above). For the gamme",
        "  intermédiaire the nearest pole of some communes of 99 is %s." % " or ".join(
            cn(est["byc"][p]) for p in sorted(est["gammes"]["intermediaire"][1])),
        "- **The invalid polygon**: %s (%d inhabitants) is written as a self-intersecting" % (cn(bow), bow["pop"]),
        "  \"bow-tie\" ring (four vertices of an 800 m square visited in the order SW, NE, SE, NW).",
        "  Its make-valid repair (GEOS `MakeValid`) is a MultiPolygon of the west and east triangles",
        "  touching at the centre, which is exactly the intended shape: the surrounding commune %s" % cn(bow_host),
        "  has those two triangles as holes (touching at one point, which is valid). A `buffer(0)`",
        "  repair keeps only one triangle and leaves a gap.",
        "- **MultiPolygons**: %s each consist of two pieces separated by one other commune" % ", ".join(cn(c) for c in multi),
        "  (an exclave).",
        "- **An enclave**: %s is a small hexagon entirely inside %s, which is a Polygon with a hole." % (cn(enc), cn(enc_host)),
        "- Accented names (UTF-8), names with an apostrophe, and an IRIS-split préfecture in the BPE.",
        "",
        "The polygons of both départements tile without gap or overlap (shared vertices, checked",
        "by the generator: every inner edge is used once in each direction and the areas add up).",
        "Along the 99/98 border the two files agree to the rounding of their coordinates (0.01 m in",
        "Lambert-93, 1e-6 degree in WGS84), so a union of both leaves slivers a few centimetres wide at most.",
        "Layer names (the `name` member) are `communes_99_SYNTHETIC_demo` and `communes_98_SYNTHETIC_demo`.",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def human(n):
    return "%.1f kB" % (n / 1000.0) if n < 1_000_000 else "%.2f MB" % (n / 1e6)


def generate(out):
    data = build()
    communes, reg = data["communes"], data["reg"]
    wgs = wgs_table(reg)
    files = {
        "communes-99.geojson": geojson(communes, DEP_A, reg, None),
        "communes-98.geojson": geojson(communes, DEP_B, reg, wgs),
        "populations.csv": populations_csv(communes),
        "bpe.csv.gz": bpe_gz(data["bpe"]),
        "equipements-geolocalises.csv": geoloc_csv(data["geo"]),
        "gammes.csv": gammes_csv(),
        "france-services.csv": fs_csv(data["fs"]),
        "arrondissements.csv": arrondissements_csv(communes),
        "demo.yaml": manifest_yaml().encode("utf-8"),
    }
    sizes = {k: human(len(v)) for k, v in files.items()}
    files["README.md"] = readme(data, sizes)
    os.makedirs(out, exist_ok=True)
    for name in sorted(files):
        with open(os.path.join(out, name), "wb") as f:
            f.write(files[name])
    return sorted(files)


def same(a, b, name):
    with open(a, "rb") as f:
        x = f.read()
    with open(b, "rb") as f:
        y = f.read()
    if x == y:
        return True
    if name.endswith(".gz"):
        return gzip.decompress(x) == gzip.decompress(y)
    return False


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(os.path.join(here, "..", "geodata", "demo"))
    ap = argparse.ArgumentParser(description="Generate the SYNTHETIC demo territory of zonegrise.")
    ap.add_argument("--out", default=default_out, help="output folder (default: geodata/demo)")
    ap.add_argument("--check", action="store_true",
                    help="regenerate into a temporary folder and exit 1 if --out differs")
    args = ap.parse_args()
    if not args.check:
        names = generate(args.out)
        print("wrote %d files to %s" % (len(names), args.out))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        names = generate(tmp)
        bad = []
        for name in names:
            committed = os.path.join(args.out, name)
            if not os.path.exists(committed) or not same(committed, os.path.join(tmp, name), name):
                bad.append(name)
        extra = sorted(set(os.listdir(args.out)) - set(names)) if os.path.isdir(args.out) else []
        for name in bad:
            print("differs: %s" % name, file=sys.stderr)
        for name in extra:
            print("not generated: %s" % name, file=sys.stderr)
        if bad or extra:
            print("geodata/demo is stale: run python3 scripts/make-demo.py", file=sys.stderr)
            return 1
        print("%s is up to date (%d files)" % (args.out, len(names)))
        return 0


if __name__ == "__main__":
    sys.exit(main())
