#!/usr/bin/env python3
"""Generate the SYNTHETIC demo territory of zonegrise (départements 99 and 98).

Everything written by this script is invented: geometry, names, populations,
equipment, France Services sites and roads. Nothing comes from, or is derived from,
real data; only the *file layouts* mimic the real producers (IGN ADMIN EXPRESS,
INSEE populations légales and BPE, ANCT France Services, OpenStreetMap).

    python3 scripts/make-demo.py              # (re)write geodata/demo/
    python3 scripts/make-demo.py --out DIR    # write elsewhere
    python3 scripts/make-demo.py --check      # exit 1 if geodata/demo/ is stale

Python 3.11 standard library only. Deterministic: one fixed SEED, split into one
`random.Random` stream per purpose (sites, populations, names, equipment...), of
which only `random()` and `gauss()` are used (their streams are stable across
Python versions); outputs are sorted, floats have fixed formats and the gzip
header carries no time stamp, so two runs give byte-identical files. The
generator checks its own tessellation (shared edges, areas) and its road network
(no two ways crossing without a shared node but at bridges, strongly connected
components under the car profile) before writing.
"""

import argparse
import bisect
import gzip
import heapq
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
# A forest on the northern edge of 99: its communes are hamlets too (the villages drawn
# there, smaller), joined more often by voies communales; it stays grey for some gammes.
FOREST = (638.0, 6958.0)
FOREST_RADIUS = 6.0       # km

# Designated places: (key, dep, x km, y km, population municipale)
PLACES = [
    ("pref99", DEP_A, 648.0, 6937.0, 41250),
    ("town_nw", DEP_A, 614.0, 6951.0, 11840),
    ("town_s", DEP_A, 651.0, 6906.0, 8930),
    ("town_ne", DEP_A, 667.0, 6955.0, 6270),
    ("town_w", DEP_A, 631.0, 6934.0, 7380),
    ("bourg_rural", DEP_A, 619.0, 6916.0, 1140),
    ("pref98", DEP_B, 716.0, 6929.0, 26400),
    ("town_border", DEP_B, 690.0, 6917.0, 17600),
    ("town_98n", DEP_B, 703.0, 6951.0, 5900),
    ("bourg_border", DEP_B, 686.0, 6941.0, 2600),
]
# Designated places added once the special communes are chosen (the nearest village
# not used by them), so that the communes' codes and the special cases stay as they were.
LATE_PLACES = [
    ("town_se", DEP_A, 668.0, 6921.0, 6150),
]
N_BOURGS = {DEP_A: 21, DEP_B: 8}
BOURG_SPACING = 8.0       # km: least distance between two bourgs (and from a designated place)
# Then more bourgs-centres, among the villages left once the special communes are chosen
# (their own random stream, so that the rest of the territory does not move): these many
# per département, at least EXTRA_BOURG_SPACING km from every bourg and designated place.
N_EXTRA_BOURGS = {DEP_A: 9, DEP_B: 3}
EXTRA_BOURG_SPACING = 6.0
# Of the bourgs, these many per département are chefs-lieux (CHEF_LIEU_POPULATION,
# poles of the gamme intermédiaire): each the bourg farthest from the intermediate poles
# chosen so far (the designated places of that level or higher, then the earlier chefs-lieux).
N_CHEFS_LIEUX = {DEP_A: 6, DEP_B: 2}
CHEF_LIEU_POPULATION = (2000, 3000)   # inhabitants, drawn log-uniformly
# Highest gamme each designated place is a pole of (enforced on its equipment); the
# other communes are poles or not as their random equipment decides.
POLE_LEVEL = {
    "pref99": "superieure", "town_nw": "superieure", "town_s": "superieure",
    "town_ne": "superieure", "town_w": "superieure", "bourg_rural": "proximite", "town_se": "superieure",
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
            if min(math.hypot(p[0] - q[0], p[1] - q[1]) for q in chosen) < BOURG_SPACING * KM:
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
        elif site_dep[c] == DEP_A and math.dist(p, (FOREST[0] * KM, FOREST[1] * KM)) < FOREST_RADIUS * KM:
            role[c] = "hameau"
            v = math.exp(rng.gauss(math.log(130), 0.45))
            pop[c] = int(round(min(350, max(40, v))))
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

    # ---- late designated places, more bourgs-centres, and the chefs-lieux among the bourgs
    for key, dep, x, y, p in LATE_PLACES:
        free = [i for i in by_dep[dep] if role[i] == "village" and i not in used]
        c = nearest(sites, free, x * KM, y * KM)
        role[c] = key
        pop[c] = p
        place_cell[key] = c
    rng = Rng("bourgs")
    for dep in (DEP_A, DEP_B):
        chosen = [sites[c] for c in role if site_dep[c] == dep and role[c] not in ("village", "hameau")]
        count = 0
        for c in rng.shuffled(sorted(by_dep[dep])):
            if count >= N_EXTRA_BOURGS[dep]:
                break
            if role[c] != "village" or c in used:
                continue
            p = sites[c]
            if min(math.hypot(p[0] - q[0], p[1] - q[1]) for q in chosen) < EXTRA_BOURG_SPACING * KM:
                continue
            role[c] = "bourg"
            pop[c] = int(round(math.exp(rng.u(math.log(1000), math.log(2600)))))
            chosen.append(p)
            count += 1
    bourg_level = {}
    for dep in (DEP_A, DEP_B):
        inter = [sites[place_cell[k]] for k, d, _x, _y, _p in PLACES + LATE_PLACES
                 if d == dep and GAMMES.index(POLE_LEVEL[k]) >= GAMMES.index("intermediaire")]
        cands = sorted(c for c in by_dep[dep] if role.get(c) == "bourg")
        for _ in range(N_CHEFS_LIEUX[dep]):
            c = max((c for c in cands if c not in bourg_level),
                    key=lambda c: (min(math.dist(sites[c], q) for q in inter), -c))
            bourg_level[c] = "intermediaire"
            pop[c] = int(round(math.exp(rng.u(*(math.log(v) for v in CHEF_LIEU_POPULATION)))))
            inter.append(sites[c])
        for c in cands:
            bourg_level.setdefault(c, "proximite")

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
    # Bourgs are poles of at least their level (proximité, or intermédiaire for the
    # chefs-lieux): the most common missing types are added; a bourg may be more.
    for com in communes:
        level = bourg_level.get(com["cell"])
        if level is None:
            continue
        have = counts[com["code"]]
        for g in GAMMES[:GAMMES.index(level) + 1]:
            members = [t for t in TYPES if t[1] == g]
            present = [t for t in members if t[0] in have]
            for t in sorted((t for t in members if t[0] not in have), key=lambda t: (t[3], t[0])):
                if len(present) >= (len(members) + 1) // 2 + 1:
                    break
                have[t[0]] = max(1, int(round(com["pop"] / t[4])))
                present.append(t)
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
            "by_key": by_key, "exclaves": exclaves, "bourg_level": bourg_level,
            # for the road network
            "sites": sites, "site_dep": site_dep, "neighbours": neighbours, "raw_cells": raw_cells,
            "interior": interior, "place_cell": place_cell}


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
# Road network (roads.osm): a SYNTHETIC OpenStreetMap road network drawn over the
# communes: built in Lambert-93 metres from the generating points of the communes (the
# centres of their Voronoi cells), written in WGS84 as OSM XML 0.6.

# Designated places drawn as towns (a grid of streets inside a ring boulevard):
# (ring radius m, block size m, oneway streets)
TOWNS = {
    "pref99": (1700.0, 190.0, 4), "pref98": (1300.0, 200.0, 2), "town_border": (1100.0, 200.0, 1),
    "town_nw": (1100.0, 210.0, 1), "town_s": (950.0, 210.0, 1), "town_ne": (850.0, 220.0, 1),
    "town_w": (800.0, 220.0, 1), "town_98n": (800.0, 220.0, 1), "town_se": (800.0, 220.0, 1),
}
# Primary roads between designated places, routed through the communes in between, and
# their maxspeed tags in turn (None: no tag, the class speed applies).
PRIMARY_ROUTES = [("pref99", "town_nw"), ("pref99", "town_s"), ("pref99", "town_ne"), ("pref99", "town_w"),
                  ("pref99", "pref98"), ("pref98", "town_border"), ("pref98", "town_98n"), ("town_border", "town_s")]
PRIMARY_MAXSPEEDS = [None, "80", "70", "FR:rural", "80", None, "70", "FR:rural"]
# Secondary roads: these, and each bourg to the nearest designated place.
SECONDARY_ROUTES = [("town_nw", "town_w"), ("town_ne", "town_98n"), ("bourg_rural", "town_w"),
                    ("bourg_rural", "town_s"), ("bourg_border", "town_98n"), ("bourg_border", "town_border")]
MPH_ROUTE = ("town_ne", "town_98n")   # the one road tagged maxspeed="50 mph"
# The motorway: from the commune whose generating point is nearest the first point (km)
# to the one nearest the last, through the others; interchanges nearest these places.
# (The inner points were placed to keep the motorway over 300 m from every village's generating
# point and over 120 m from every point on surface, so that no commune centre snaps to it.)
MOTORWAY = [(603.0, 6944.0), (613.3, 6944.3), (623.1, 6941.3), (632.8, 6938.0), (642.4, 6933.2), (652.4, 6932.0),
            (662.5, 6932.0), (672.3, 6928.2), (682.2, 6926.3), (692.2, 6921.8), (702.3, 6921.5), (712.3, 6923.6),
            (722.0, 6927.0)]
MOTORWAY_JUNCTIONS = ["town_nw", "pref99", "pref98"]
CARRIAGEWAY_OFFSET = 15.0   # m either side of the motorway's centre line
VILLAGE_URBAN = 250.0       # m of maxspeed=FR:urban either side of a village on primary/secondary roads
COVER = 150.0               # m: every commune centre but the remote one is this close to a drivable road
ROUNDABOUT_RADIUS = 30.0
STREET_NAMES = ["Rue de l'Église", "Rue du Moulin", "Rue des Écoles", "Rue de la Fontaine", "Rue du Stade",
                "Rue des Jardins", "Rue du Château", "Rue des Tilleuls", "Rue de la Poste", "Rue du Lavoir"]
# Classes a car may use under profiles/car.yaml (track, footway: not).
CAR_HIGHWAYS = {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary",
                "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential", "living_street",
                "service"}
CLASS_RANK = {"primary": 0, "secondary": 1, "tertiary": 2, "unclassified": 3}
# Local links (the tree joining every commune, then the loops): the share signed
# maxspeed=FR:rural (80 km/h, driven at 64 under the car profile; the others at the
# tertiary class speed, 40) and the share of loops left unclassified (25 km/h).
LOCAL_RURAL_TREE = 0.4
LOCAL_RURAL_LOOP = 0.4
LOCAL_UNCLASSIFIED = 0.1
LOCAL_UNCLASSIFIED_HAMLET = 0.3
# Share of the communes' other neighbour links (off the tree) laid as roads: a dense
# network of local roads, as in French farmland, thinner into the hamlets.
LOOP_SHARE = 0.7
LOOP_SHARE_HAMLET = 0.4


class Curve:
    """A polyline with arc-length positions."""

    def __init__(self, pts):
        self.pts = pts
        cum = [0.0]
        for p, q in zip(pts, pts[1:]):
            cum.append(cum[-1] + math.dist(p, q))
        self.cum = cum
        self.length = cum[-1]

    def at(self, s):
        s = max(0.0, min(self.length, s))
        k = min(bisect.bisect_right(self.cum, s) - 1, len(self.pts) - 2)
        seg = self.cum[k + 1] - self.cum[k]
        f = 0.0 if seg == 0 else (s - self.cum[k]) / seg
        p, q = self.pts[k], self.pts[k + 1]
        return (p[0] + f * (q[0] - p[0]), p[1] + f * (q[1] - p[1]))

    def normal(self, s):
        """Unit vector to the left of the direction of travel at s."""
        p, q = self.at(s - 10.0), self.at(s + 10.0)
        d = math.dist(p, q)
        return (-(q[1] - p[1]) / d, (q[0] - p[0]) / d)


def bent_curve(a, b, amp):
    """From a to b, bending sideways by amp (fractions of the length, for sin(pi t),
    sin(2 pi t), sin(3 pi t)); a point every ~20 m."""
    L = math.dist(a, b)
    nx, ny = -(b[1] - a[1]) / L, (b[0] - a[0]) / L
    n = max(8, int(L / 20.0))
    pts = []
    for k in range(n + 1):
        t = k / n
        off = L * (amp[0] * math.sin(math.pi * t) + amp[1] * math.sin(2 * math.pi * t)
                   + amp[2] * math.sin(3 * math.pi * t))
        pts.append((a[0] + t * (b[0] - a[0]) + off * nx, a[1] + t * (b[1] - a[1]) + off * ny))
    return Curve(pts)


def spline_curve(ctrl):
    """Catmull-Rom spline through the control points, a point every ~20 m."""
    ext = [ctrl[0]] + list(ctrl) + [ctrl[-1]]
    pts = []
    for i in range(1, len(ext) - 2):
        p0, p1, p2, p3 = ext[i - 1], ext[i], ext[i + 1], ext[i + 2]
        n = max(8, int(math.dist(p1, p2) / 20.0))
        for k in range(n):
            t = k / n
            t2, t3 = t * t, t * t * t
            pts.append(tuple(0.5 * (2 * p1[d] + (-p0[d] + p2[d]) * t + (2 * p0[d] - 5 * p1[d] + 4 * p2[d] - p3[d]) * t2
                                    + (-p0[d] + 3 * p1[d] - 3 * p2[d] + p3[d]) * t3) for d in (0, 1)))
    pts.append(tuple(ctrl[-1]))
    return Curve(pts)


def orient(a, b, c):
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def seg_cross(p, q, r, s):
    """Where segments pq and rs cross: (fraction along pq, fraction along rs), or None."""
    d1, d2 = orient(r, s, p), orient(r, s, q)
    d3, d4 = orient(p, q, r), orient(p, q, s)
    if (d1 > 0 and d2 > 0) or (d1 < 0 and d2 < 0) or (d3 > 0 and d4 > 0) or (d3 < 0 and d4 < 0):
        return None
    if d1 == d2 or d3 == d4:   # collinear: not met here
        return None
    return d1 / (d1 - d2), d3 / (d3 - d4)


def curve_grid(c):
    grid = {}
    for k, (p, q) in enumerate(zip(c.pts, c.pts[1:])):
        for cell in seg_cells(p, q, 200.0):
            grid.setdefault(cell, []).append(k)
    return grid


def curve_crossings(c1, c2, grid=None):
    """Crossings of two curves: list of (arc on c1, arc on c2, point)."""
    grid = grid or curve_grid(c2)
    out = []
    for i, (p, q) in enumerate(zip(c1.pts, c1.pts[1:])):
        seen = set()
        for cell in seg_cells(p, q, 200.0):
            for k in grid.get(cell, ()):
                if k in seen:
                    continue
                seen.add(k)
                r, s = c2.pts[k], c2.pts[k + 1]
                x = seg_cross(p, q, r, s)
                if x:
                    s1 = c1.cum[i] + x[0] * (c1.cum[i + 1] - c1.cum[i])
                    s2 = c2.cum[k] + x[1] * (c2.cum[k + 1] - c2.cum[k])
                    out.append((s1, s2, c1.at(s1)))
    return sorted(out)


def seg_cells(p, q, size):
    x0, x1 = sorted((p[0], q[0]))
    y0, y1 = sorted((p[1], q[1]))
    return [(i, j) for i in range(int(math.floor(x0 / size)), int(math.floor(x1 / size)) + 1)
            for j in range(int(math.floor(y0 / size)), int(math.floor(y1 / size)) + 1)]


class RoadNet:
    """Nodes (Lambert-93 metres) and ways (node lists and tags), in creation order."""

    def __init__(self):
        self.pts = []
        self.node_tags = {}
        self.ways = []          # {"nodes": [...], "tags": {...}, "role": str}

    def node(self, p, tags=None):
        self.pts.append((p[0], p[1]))
        if tags:
            self.node_tags[len(self.pts) - 1] = tags
        return len(self.pts) - 1

    def way(self, nodes, tags, role="road"):
        assert len(nodes) >= 2 and all(a != b for a, b in zip(nodes, nodes[1:]))
        w = {"nodes": list(nodes), "tags": dict(tags), "role": role}
        self.ways.append(w)
        return w


class SegIndex:
    """The segments of the ways laid so far, to keep new ones from crossing them."""
    SIZE = 400.0

    def __init__(self, net):
        self.net = net
        self.grid = {}
        self.segs = []

    def add_way(self, w):
        for a, b in zip(w["nodes"], w["nodes"][1:]):
            k = len(self.segs)
            self.segs.append((a, b, w))
            for cell in seg_cells(self.net.pts[a], self.net.pts[b], self.SIZE):
                self.grid.setdefault(cell, []).append(k)

    def near(self, p, q, margin=0.0):
        x0, x1 = min(p[0], q[0]) - margin, max(p[0], q[0]) + margin
        y0, y1 = min(p[1], q[1]) - margin, max(p[1], q[1]) + margin
        seen = set()
        for cell in seg_cells((x0, y0), (x1, y1), self.SIZE):
            for k in self.grid.get(cell, ()):
                if k not in seen:
                    seen.add(k)
                    yield self.segs[k]

    def crosses(self, p, q, ends=()):
        """Does segment pq (whose end nodes are `ends`) cross or touch a laid segment?"""
        for a, b, _w in self.near(p, q):
            if a in ends or b in ends:
                continue
            if seg_cross(p, q, self.net.pts[a], self.net.pts[b]):
                return True
        return False

    def distance(self, p, radius, drivable_only=True, local_only=False):
        """Distance from p to the nearest laid segment (drivable by car; with local_only,
        not of the motorway) within radius, or None."""
        best = None
        for a, b, w in self.near(p, p, radius):
            if drivable_only and not mainland_car_way(w):
                continue
            if local_only and w["tags"]["highway"] in ("motorway", "motorway_link"):
                continue
            d = seg_dist(p, self.net.pts[a], self.net.pts[b])
            if d <= radius and (best is None or d < best):
                best = d
        return best


def car_way(tags):
    return tags.get("highway") in CAR_HIGHWAYS and tags.get("access") != "no"


def mainland_car_way(w):
    """Drivable and on the mainland (the island's roads are cut off without the ferry)."""
    return car_way(w["tags"]) and w["role"] != "island"


def interior_point(polys):
    """The point on surface as GEOS computes it (InteriorPointArea): on a horizontal line
    between the vertex heights nearest the middle of each polygon's envelope, the middle of
    the widest interior interval."""
    best = None
    for poly in polys:
        ys = [p[1] for ring in poly for p in ring]
        lo, hi = min(ys), max(ys)
        centre = (lo + hi) / 2
        for y in ys:
            if y <= centre:
                lo = max(lo, y)
            else:
                hi = min(hi, y)
        Y = (lo + hi) / 2
        xs = []
        for ring in poly:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                if (y1 > Y) != (y2 > Y):
                    xs.append(x1 + (Y - y1) * (x2 - x1) / (y2 - y1))
        xs.sort()
        for k in range(0, len(xs) - 1, 2):
            if best is None or xs[k + 1] - xs[k] > best[0]:
                best = (xs[k + 1] - xs[k], ((xs[k] + xs[k + 1]) / 2, Y))
    return best[1]


def shortest_paths(adj, src):
    dist = {src: 0.0}
    prev = {}
    heap = [(0.0, src)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj.get(u, ()):
            nd = d + w
            if nd < dist.get(v, math.inf):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, prev


def car_graph(net, ferries=False):
    """Directed car adjacency (node -> [(node, metres)]) under profiles/car.yaml's rules."""
    adj = {}
    for w in net.ways:
        t = w["tags"]
        if t.get("route") == "ferry":
            if not ferries:
                continue
            fwd = back = True
        elif not car_way(t):
            continue
        else:
            implied = t["highway"] in ("motorway", "motorway_link") or t.get("junction") == "roundabout"
            one = t.get("oneway", "yes" if implied else "no")
            fwd, back = one != "-1", one not in ("yes", "-1")
        for a, b in zip(w["nodes"], w["nodes"][1:]):
            d = math.dist(net.pts[a], net.pts[b])
            if fwd:
                adj.setdefault(a, []).append((b, d))
            if back:
                adj.setdefault(b, []).append((a, d))
    return adj


def strongly_connected(adj, nodes):
    """Tarjan, iterative: list of components (lists of nodes)."""
    index, low, on, stack, comps = {}, {}, set(), [], []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, i = work[-1]
            nbrs = adj.get(v, ())
            if i < len(nbrs):
                work[-1] = (v, i + 1)
                u = nbrs[i][0]
                if u not in index:
                    index[u] = low[u] = counter
                    counter += 1
                    stack.append(u)
                    on.add(u)
                    work.append((u, 0))
                elif u in on:
                    low[v] = min(low[v], index[u])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        u = stack.pop()
                        on.discard(u)
                        comp.append(u)
                        if u == v:
                            break
                    comps.append(comp)
    return comps


def build_roads(data):
    """The road network of the demo territory, and facts about it for the README."""
    rng = Rng("roads")
    communes = data["communes"]
    sites, site_dep, neighbours = data["sites"], data["site_dep"], data["neighbours"]
    place_cell, interior = dict(data["place_cell"]), data["interior"]
    cell_com = {}
    for com in communes:
        if com["cell"] is not None:
            cell_com[com["cell"]] = com
    for c1, c2, _b in data["exclaves"]:
        cell_com[c2] = cell_com[c1]
    role = {c: cell_com[c]["role"] for c in cell_com}
    for key, c in place_cell.items():
        role[c] = key
    town_cells = {place_cell[k]: k for k in TOWNS}
    facts = {}

    # ---- the remote commune: the hamlet of the rural corner farthest from the roads
    # that will join its neighbours (its own roads are left out).
    def link_distance(c):
        p = sites[c]
        return min(seg_dist(p, sites[j], sites[k]) for j in neighbours[c] for k in neighbours[j] if k in neighbours[c])

    cands = [c for c in sorted(cell_com) if cell_com[c]["role"] == "hameau" and not cell_com[c]["flags"]
             and math.dist(sites[c], (RURAL[0] * KM, RURAL[1] * KM)) < RURAL_RADIUS * KM
             and c in interior and all(j in interior for j in neighbours[c])]
    remote = max(cands, key=lambda c: (round(link_distance(c)), -c))
    facts["remote"] = cell_com[remote]

    road_cells = sorted(c for c in cell_com if c != remote)
    cell_set = set(road_cells)

    # ---- the motorway's centre line, clear of the commune centres
    terminals = [min(road_cells, key=lambda c: (math.dist(sites[c], (x * KM, y * KM)), c))
                 for x, y in (MOTORWAY[0], MOTORWAY[-1])]
    assert not set(terminals) & set(town_cells)
    mw = spline_curve([sites[terminals[0]]] + [(x * KM, y * KM) for x, y in MOTORWAY[1:-1]] + [sites[terminals[1]]])
    for c in road_cells:
        if c not in terminals:
            d = min(math.dist(sites[c], p) for p in mw.pts)
            limit = TOWNS[town_cells[c]][0] + 500 if c in town_cells else 300
            assert d > limit, "the motorway passes %.0f m from a commune centre" % d
    mw_cross_grid = curve_grid(mw)
    mw_grid = {}
    for p in mw.pts:
        mw_grid.setdefault((int(p[0] // 200), int(p[1] // 200)), []).append(p)

    def mw_distance(p):
        i, j = int(p[0] // 200), int(p[1] // 200)
        return min((math.dist(p, q) for a in (-1, 0, 1) for b in (-1, 0, 1) for q in mw_grid.get((i + a, j + b), ())),
                   default=1e9)

    def motorway_ok(e, cv):
        """Crosses the motorway at 30 degrees or more, and keeps 60 m away elsewhere."""
        xs = [] if set(terminals) & set(e) else curve_crossings(cv, mw, mw_cross_grid)
        for s_road, s_mw, _p in xs:
            a, b = cv.at(s_road - 10), cv.at(s_road + 10)
            c, d = mw.at(s_mw - 10), mw.at(s_mw + 10)
            sin = abs(orient((0, 0), (b[0] - a[0], b[1] - a[1]), (d[0] - c[0], d[1] - c[1]))) / 400.0
            if sin < 0.5 or s_road < 250 or s_road > cv.length - 250:
                return False
        for p, s in zip(cv.pts, cv.cum):
            if (e[0] in terminals and s < 400) or (e[1] in terminals and s > cv.length - 400):
                continue
            if all(abs(s - x[0]) > 80 for x in xs) and mw_distance(p) < 60:
                return False
        return True

    # ---- the graph of communes (Delaunay neighbours), without the remote commune,
    # without segments passing through a town that is not one of their ends or crossing
    # the motorway at a narrow angle
    def blocked(a, b):
        if math.dist(sites[a], sites[b]) > 12000:
            return True
        for c, key in town_cells.items():
            if c not in (a, b) and seg_dist(sites[c], sites[a], sites[b]) < TOWNS[key][0] + 200:
                return True
        return not motorway_ok((a, b), bent_curve(sites[a], sites[b], (0, 0, 0)))

    pairs = sorted({(min(a, b), max(a, b)) for a in road_cells for b in neighbours[a] if b in cell_set})
    pairs = [e for e in pairs if not blocked(*e)]
    adj = {}
    for a, b in pairs:
        d = math.dist(sites[a], sites[b])
        adj.setdefault(a, []).append((b, d))
        adj.setdefault(b, []).append((a, d))

    edge_info = {}    # (a, b) -> {"highway", "maxspeed", "ref"}

    def route(k1, k2, highway, maxspeed, ref):
        a, b = place_cell[k1], place_cell[k2]
        _dist, prev = shortest_paths(adj, a)
        v = b
        while v != a:
            u = prev[v]
            e = (min(u, v), max(u, v))
            if e not in edge_info:
                edge_info[e] = {"highway": highway, "maxspeed": maxspeed, "ref": ref}
            v = u

    for k, (k1, k2) in enumerate(PRIMARY_ROUTES):
        route(k1, k2, "primary", PRIMARY_MAXSPEEDS[k], "D %d" % (901 + k))
    bourgs = sorted(c for c in road_cells if role[c] == "bourg")
    hubs = [k for k in TOWNS] + ["bourg_rural", "bourg_border"]
    secondary = list(SECONDARY_ROUTES)
    for c in bourgs:
        key = min(hubs, key=lambda h: (math.dist(sites[c], sites[place_cell[h]]), h))
        place_cell.setdefault("bourg-%d" % c, c)
        secondary.append(("bourg-%d" % c, key))
    for k, (k1, k2) in enumerate(secondary):
        route(k1, k2, "secondary", "50 mph" if (k1, k2) == MPH_ROUTE else None, "D %d" % (120 + k))

    # a spanning tree over what the routes left unconnected, then some loops
    parent = {c: c for c in road_cells}

    def find(c):
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for a, b in edge_info:
        parent[find(a)] = find(b)
    classes = Rng("road-classes")

    def local_road(a, b, tree):
        """The class of a local link: a route départementale (tertiary, signed 80 km/h
        on most of the open country) or, off the tree and into the hamlets more often,
        a voie communale (unclassified, no limit tagged)."""
        hamlet = "hameau" in (role[a], role[b])
        if not tree and classes.u() < (LOCAL_UNCLASSIFIED_HAMLET if hamlet else LOCAL_UNCLASSIFIED):
            return {"highway": "unclassified", "maxspeed": None, "ref": None}
        rural = classes.u() < (LOCAL_RURAL_TREE if tree else LOCAL_RURAL_LOOP)
        return {"highway": "tertiary", "maxspeed": "FR:rural" if rural else None, "ref": None}

    for a, b in sorted(pairs, key=lambda e: (math.dist(sites[e[0]], sites[e[1]]), e)):
        if find(a) != find(b):
            parent[find(a)] = find(b)
            edge_info[(a, b)] = local_road(a, b, True)
    assert len({find(c) for c in road_cells}) == 1, "the commune graph is not connected"
    spare = [e for e in pairs if e not in edge_info]
    for a, b in spare:
        p = LOOP_SHARE_HAMLET if "hameau" in (role[a], role[b]) else LOOP_SHARE
        if rng.u() < p:
            edge_info[(a, b)] = local_road(a, b, False)
    spare = [e for e in pairs if e not in edge_info]

    # ---- curves: bent a little, straight where bending would cross another road
    amp = {e: (rng.u(-0.035, 0.035), rng.u(-0.015, 0.015), rng.u(-0.008, 0.008)) for e in sorted(edge_info)}
    flat = set()
    while True:
        curves = {e: bent_curve(sites[e[0]], sites[e[1]], (0, 0, 0) if e in flat else amp[e]) for e in edge_info}
        bad = set()
        grid = {}
        for e, cv in sorted(curves.items()):
            for k in range(0, len(cv.pts) - 1, 2):
                p, q = cv.pts[k], cv.pts[min(k + 2, len(cv.pts) - 1)]
                for cell in seg_cells(p, q, 500.0):
                    for e2, p2, q2 in grid.get(cell, ()):
                        if e2 == e or (set(e) & set(e2) and min(math.dist(x, sites[v]) for x in (p, q, p2, q2)
                                                                for v in set(e) & set(e2)) < 60):
                            continue
                        if seg_cross(p, q, p2, q2):
                            bad |= {e, e2}
                    grid.setdefault(cell, []).append((e, p, q))
        for e, cv in curves.items():
            if not motorway_ok(e, cv):
                bad.add(e)
            for c, key in town_cells.items():
                if c not in e and min(math.dist(p, sites[c]) for p in cv.pts[::5]) < TOWNS[key][0] + 60:
                    bad.add(e)
        if not bad - flat:
            assert not bad, "straight roads cross, or cross the motorway badly: %s" % sorted(bad)
            break
        flat |= bad
    facts["flattened"] = len(flat)

    # ---- where roads cross the motorway
    crossings = {}
    for e in sorted(edge_info):
        if terminals[0] in e or terminals[1] in e:
            assert not [x for x in curve_crossings(curves[e], mw) if 50 < x[0] < curves[e].length - 50]
            continue
        xs = curve_crossings(curves[e], mw, mw_cross_grid)
        if xs:
            crossings[e] = xs
    junctions = []
    for k, key in enumerate(MOTORWAY_JUNCTIONS):
        target = sites[place_cell[key]]
        e, x = min(((e, x) for e, xs in crossings.items() for x in xs
                    if len(xs) == 1 and edge_info[e]["highway"] != "unclassified"),
                   key=lambda ex: (math.dist(ex[1][2], target), ex[0]))
        junctions.append((e, x, key, k + 1))

    # ---- where each road starts and ends: a commune centre, a town's ring, a roundabout
    net = RoadNet()
    site_node = {}
    bourgs_a = [c for c in bourgs if site_dep[c] == DEP_A]
    degree = {c: sum(1 for e in edge_info if c in e) for c in road_cells}
    rb_cell = max(bourgs_a, key=lambda c: (degree[c], sum(1 for e in edge_info if c in e
                                                        and edge_info[e]["highway"] in ("primary", "secondary")), -c))
    roads = {}
    for e in sorted(edge_info):
        cv = curves[e]
        r = {"edge": e, "curve": cv, "s0": 0.0, "s1": cv.length, "marks": [], "intervals": [],
             "start": None, "end": None, "info": edge_info[e]}
        for end, c in ((0, e[0]), (1, e[1])):
            if c in town_cells:
                R = TOWNS[town_cells[c]][0]
                n = len(cv.pts)
                ks = range(n) if end == 0 else range(n - 1, -1, -1)
                k = next(k for k in ks if math.dist(cv.pts[k], sites[c]) >= R)
                k0 = k - 1 if end == 0 else k + 1
                lo_s, hi_s = sorted((cv.cum[k0], cv.cum[k]))
                for _ in range(40):
                    mid = (lo_s + hi_s) / 2
                    inside = math.dist(cv.at(mid), sites[c]) < R
                    if inside == (end == 0):
                        lo_s = mid
                    else:
                        hi_s = mid
                s = (lo_s + hi_s) / 2
            elif c == rb_cell:
                s = ROUNDABOUT_RADIUS if end == 0 else cv.length - ROUNDABOUT_RADIUS
            else:
                continue
            r["s0" if end == 0 else "s1"] = s
        roads[e] = r

    # towns: a grid of streets in a disc, closed by a ring boulevard where the roads arrive
    town_facts = {}
    for c, key in sorted(town_cells.items(), key=lambda t: t[1]):
        entries = []
        for e, r in sorted(roads.items()):
            if e[0] == c:
                entries.append((r, "start", r["curve"].at(r["s0"])))
            elif e[1] == c:
                entries.append((r, "end", r["curve"].at(r["s1"])))
        town_facts[key] = build_town(net, cell_com[c], sites[c], TOWNS[key], entries, Rng("town-" + key))

    # the roundabout
    entries = []
    for e, r in sorted(roads.items()):
        if rb_cell in e:
            s = r["s0"] if e[0] == rb_cell else r["s1"]
            entries.append((math.atan2(r["curve"].at(s)[1] - sites[rb_cell][1], r["curve"].at(s)[0] - sites[rb_cell][0]),
                            r, "start" if e[0] == rb_cell else "end"))
    angles = sorted(a % (2 * math.pi) for a, _r, _end in entries)
    ring = []
    for a, r, end in sorted(entries, key=lambda t: t[0] % (2 * math.pi)):
        p = (sites[rb_cell][0] + ROUNDABOUT_RADIUS * math.cos(a), sites[rb_cell][1] + ROUNDABOUT_RADIUS * math.sin(a))
        node = net.node(p)
        r[end] = node
        ring.append((a % (2 * math.pi), node))
    full = []
    for k, (a, node) in enumerate(ring):
        full.append(node)
        nxt = ring[(k + 1) % len(ring)][0] + (2 * math.pi if k + 1 == len(ring) else 0)
        steps = int((nxt - a) / (math.pi / 4))
        for j in range(1, steps + 1):
            b = a + (nxt - a) * j / (steps + 1)
            full.append(net.node((sites[rb_cell][0] + ROUNDABOUT_RADIUS * math.cos(b),
                                  sites[rb_cell][1] + ROUNDABOUT_RADIUS * math.sin(b))))
    best_class = min((r["info"]["highway"] for _a, r, _e in entries), key=lambda h: CLASS_RANK[h])
    net.way(full + [full[0]], {"highway": best_class, "junction": "roundabout", "name": "Rond-point de la Synthe"})
    facts["roundabout"] = (cell_com[rb_cell], len(entries))
    assert len(angles) >= 3

    # ---- the roads: marks where nodes must be (bridge ends, interchange ramps, the
    # ends of the stretches through villages), then nodes every 150-280 m
    junction_of = {e: (x, key, n) for e, x, key, n in junctions}
    for e, r in sorted(roads.items()):
        cv = r["curve"]
        for s, _sm, _p in crossings.get(e, ()):
            r["marks"] += [s - 40.0, s + 40.0]
            r["intervals"].append((s - 40.0, s + 40.0, {"bridge": "yes", "layer": "1"}))
            if e in junction_of:
                r["marks"] += [s - 150.0, s + 150.0]
        if r["info"]["highway"] in ("primary", "secondary") and r["s1"] - r["s0"] > 3 * VILLAGE_URBAN:
            for end, c in ((0, e[0]), (1, e[1])):
                if role[c] in ("village", "bourg", "suburb") or c == rb_cell:
                    if end == 0:
                        r["marks"].append(r["s0"] + VILLAGE_URBAN)
                        r["intervals"].append((r["s0"], r["s0"] + VILLAGE_URBAN, {"maxspeed": "FR:urban"}))
                    else:
                        r["marks"].append(r["s1"] - VILLAGE_URBAN)
                        r["intervals"].append((r["s1"] - VILLAGE_URBAN, r["s1"], {"maxspeed": "FR:urban"}))
        marks = sorted([r["s0"], r["s1"]] + r["marks"])
        assert all(b - a > 30 for a, b in zip(marks, marks[1:])), "marks too close on %s" % (e,)
        spacing = rng.u(150, 280)
        pos = []
        for a, b in zip(marks, marks[1:]):
            n = max(1, round((b - a) / spacing))
            pos += [a + (b - a) * k / n for k in range(n)]
        pos.append(marks[-1])
        nodes = []
        for s in pos:
            if s == r["s0"] and r["start"] is not None:
                nodes.append(r["start"])
            elif s == r["s1"] and r["end"] is not None:
                nodes.append(r["end"])
            elif s == 0.0 or s == cv.length:
                c = e[0] if s == 0.0 else e[1]
                if c not in site_node:
                    site_node[c] = net.node(sites[c])
                nodes.append(site_node[c])
            else:
                nodes.append(net.node(cv.at(s)))
        r["node_at"] = dict(zip(pos, nodes))
        info = r["info"]
        base = {"highway": info["highway"]}
        if info["maxspeed"]:
            base["maxspeed"] = info["maxspeed"]
        if info["ref"]:
            base["ref"] = info["ref"]
        run, run_tags = [nodes[0]], None
        for k in range(len(pos) - 1):
            mid = (pos[k] + pos[k + 1]) / 2
            tags = dict(base)
            for a, b, extra in r["intervals"]:
                if a <= mid <= b:
                    tags.update(extra)
            if run_tags is not None and tags != run_tags:
                net.way(run, run_tags)
                run = [nodes[k]]
            run.append(nodes[k + 1])
            run_tags = tags
        net.way(run, run_tags)

    # ---- the motorway: two oneway carriageways meeting at its ends, interchanges
    S = mw.length
    m_pref = next(x[1] for _e, x, key, _n in junctions if key == "pref99")
    border = next(sm for sm in (k * 10.0 for k in range(int(S / 10))) if mw.at(sm)[0] > border_x_at(mw.at(sm)[1]))
    sections = [(0.0, m_pref - 2500, "130"), (m_pref - 2500, m_pref + 2500, "110"), (m_pref + 2500, border, "130"),
                (border, S, "FR:motorway")]
    mw_marks = sorted({0.0, S} | {b for _a, b, _m in sections[:-1]}
                      | {x[1] + d for _e, x, _k, _n in junctions for d in (-450.0, 450.0)})
    mw_pos = []
    for a, b in zip(mw_marks, mw_marks[1:]):
        n = max(1, round((b - a) / 300.0))
        mw_pos += [a + (b - a) * k / n for k in range(n)]
    mw_pos.append(S)
    ends = [site_node[terminals[0]], site_node[terminals[1]]]
    carriage = {}
    for side, sign in (("EB", -1.0), ("WB", 1.0)):
        nodes = []
        for s in mw_pos:
            if s == 0.0:
                nodes.append(ends[0])
            elif s == S:
                nodes.append(ends[1])
            else:
                off = CARRIAGEWAY_OFFSET * min(1.0, s / 400.0, (S - s) / 400.0) * sign
                p, n = mw.at(s), mw.normal(s)
                nodes.append(net.node((p[0] + off * n[0], p[1] + off * n[1])))
        carriage[side] = dict(zip(mw_pos, nodes))
        order = list(zip(mw_pos, nodes)) if side == "EB" else list(reversed(list(zip(mw_pos, nodes))))
        for a, b, speed in sections:
            part = [node for s, node in order if a <= s <= b]
            tags = {"highway": "motorway", "oneway": "yes", "ref": "A 99", "lanes": "2", "maxspeed": speed,
                    "name": "Autoroute de la Synthe"}
            net.way(part, tags)
    for e, x, key, n in junctions:
        r = roads[e]
        s_road, s_mw, X = x
        p1, p2 = r["node_at"][s_road - 150.0], r["node_at"][s_road + 150.0]
        tang = mw.at(s_mw + 10.0)
        east_right = orient(X, tang, net.pts[p1]) < 0   # p1 on the eastbound (right-hand) side?
        south, north = (p1, p2) if east_right else (p2, p1)
        eb_off, eb_on = carriage["EB"][s_mw - 450.0], carriage["EB"][s_mw + 450.0]
        wb_off, wb_on = carriage["WB"][s_mw + 450.0], carriage["WB"][s_mw - 450.0]
        name = cell_com[place_cell[key]]["name"]
        for jn in (eb_off, wb_off):
            net.node_tags[jn] = {"highway": "motorway_junction", "ref": str(n), "name": name}
        for a, b in ((eb_off, south), (south, eb_on), (wb_off, north), (north, wb_on)):
            pa, pb = net.pts[a], net.pts[b]
            mid = ((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2)
            d = math.dist(mid, X)
            ctrl = (mid[0] + 0.3 * (mid[0] - X[0]) * math.dist(pa, pb) / d / 2,
                    mid[1] + 0.3 * (mid[1] - X[1]) * math.dist(pa, pb) / d / 2)
            inner = []
            for t in (1 / 3, 2 / 3):
                inner.append(net.node(tuple((1 - t) ** 2 * pa[i] + 2 * t * (1 - t) * ctrl[i] + t * t * pb[i] for i in (0, 1))))
            net.way([a] + inner + [b], {"highway": "motorway_link", "oneway": "yes"})
    facts["junctions"] = [(n, cell_com[place_cell[key]], roads[e]["info"]["highway"]) for e, _x, key, n in junctions]
    facts["bridges"] = sum(len(xs) for xs in crossings.values())
    facts["motorway_km"] = S / KM
    facts["motorway_pref_km"] = min(math.dist(sites[place_cell["pref99"]], p) for p in mw.pts) / KM
    facts["motorway_ends"] = [cell_com[c] for c in terminals]

    index = SegIndex(net)
    for w in net.ways:
        index.add_way(w)

    # ---- shortcuts a car must not take: a road closed to traffic and a footpath, on the
    # two unused neighbour links the roads detour most around
    shortcut_cands = []
    site_adj = {}
    for (a, b), r in roads.items():
        site_adj.setdefault(a, []).append((b, r["curve"].length))
        site_adj.setdefault(b, []).append((a, r["curve"].length))
    for a, b in spare:
        if a not in site_node or b not in site_node or a == rb_cell or b == rb_cell:
            continue
        L = math.dist(sites[a], sites[b])
        if L > 6000 or index.crosses(sites[a], sites[b], (site_node[a], site_node[b])):
            continue
        if seg_dist(sites[remote], sites[a], sites[b]) < 3500:
            continue
        shortcut_cands.append((a, b, L))
    dists = {}
    for a, b, L in shortcut_cands:
        if a not in dists:
            dists[a] = shortest_paths(site_adj, a)[0]
    ranked = sorted(shortcut_cands, key=lambda t: (-dists[t[0]][t[1]] / t[2], t[0], t[1]))
    shortcuts = []
    used = set()
    for a, b, L in ranked:
        if a in used or b in used:
            continue
        kind = "access" if not shortcuts else "footway"
        cv = bent_curve(sites[a], sites[b], (rng.u(-0.02, 0.02), 0, 0))
        n = max(2, round(cv.length / 200.0))
        nodes = [site_node[a]] + [net.node(cv.at(cv.length * k / n)) for k in range(1, n)] + [site_node[b]]
        ok = all(not index.crosses(net.pts[p], net.pts[q], (p, q)) for p, q in zip(nodes, nodes[1:]))
        if not ok:
            continue
        tags = ({"highway": "unclassified", "access": "no", "name": "Route forestière (interdite)"} if kind == "access"
                else {"highway": "footway", "name": "Sentier des écoliers"})
        index.add_way(net.way(nodes, tags, role=kind))
        shortcuts.append((kind, cell_com[a], cell_com[b], cv.length, site_node[a], site_node[b]))
        used |= {a, b}
        if len(shortcuts) == 2:
            break
    facts["shortcuts"] = shortcuts

    # ---- a lake with an island: a ferry crosses to the island's few roads
    lake = build_lake(net, index, data, sites, site_node, cell_com, road_cells, town_cells, remote, rb_cell, terminals)
    facts["lake"] = lake

    # ---- village streets: dead ends into the widest gaps between the roads at a centre
    street_count = 0
    for c in road_cells:
        if c in town_cells or c == rb_cell or c not in site_node:
            continue
        r_ = role[c]
        n = {"bourg": 3, "bourg_rural": 3, "bourg_border": 3, "suburb": 2, "village": 1 + (rng.u() < 0.5),
             "hameau": int(rng.u() < 0.4)}.get(r_, 1)
        centre = site_node[c]
        dirs = []
        for w in net.ways:
            ns = w["nodes"]
            if centre in ns:
                k = ns.index(centre)
                for j in (k - 1, k + 1):
                    if 0 <= j < len(ns):
                        q = net.pts[ns[j]]
                        dirs.append(math.atan2(q[1] - sites[c][1], q[0] - sites[c][0]))
        for k in range(n):
            dirs.sort()
            gaps = [((dirs[(i + 1) % len(dirs)] - dirs[i]) % (2 * math.pi) or 2 * math.pi, dirs[i]) for i in range(len(dirs))]
            gap, start = max(gaps)
            if gap < math.radians(70):
                break
            theta = start + gap / 2 + rng.u(-0.15, 0.15) * gap
            length = rng.u(220, 480)
            bend = rng.u(-0.3, 0.3)
            pts = []
            segs = max(2, round(length / 120))
            for j in range(1, segs + 1):
                t = j / segs
                a = theta + bend * t
                pts.append((sites[c][0] + length * t * math.cos(a), sites[c][1] + length * t * math.sin(a)))
            nodes = [centre]
            ok = True
            for p in pts:
                if index.crosses(net.pts[nodes[-1]], p, (nodes[-1],)) or index.distance(p, 40.0, False) is not None:
                    ok = False
                    break
                nodes.append(net.node(p))
            dirs.append(theta)
            if not ok or len(nodes) < 3:
                continue
            tags = {"highway": "residential", "name": STREET_NAMES[street_count % len(STREET_NAMES)]}
            index.add_way(net.way(nodes, tags))
            street_count += 1
    facts["village_streets"] = street_count

    # ---- every commune centre (generating point and point on surface) near a road
    reg = data["reg"]
    spurs = 0
    remote_com = cell_com[remote]
    for com in communes:
        if com is remote_com:
            continue
        polys = [[[reg.pts[v] for v in ring] for ring in poly] for poly in com["polys"]]
        for target in (com["site"], interior_point(polys)):
            # near a road, and nearer a local road than the motorway (a centre snapped to
            # a carriageway could only leave it at the next interchange)
            d_local = index.distance(target, COVER, local_only=True)
            if d_local is not None and d_local <= index.distance(target, COVER):
                continue
            if add_spur(net, index, target, {"highway": "unclassified", "name": "Chemin de la Mairie"}, 5000.0,
                        local_only=True):
                spurs += 1
            else:
                raise AssertionError("no spur to the centre of " + com["code"])
    facts["spurs"] = spurs

    # ---- the remote commune: its centre (and point on surface) ~3 km from any road a
    # car may use; a farm track reaches it
    polys = [[[reg.pts[v] for v in ring] for ring in poly] for poly in remote_com["polys"]]
    pos = interior_point(polys)
    d_site = index.distance(remote_com["site"], 20000.0)
    d_pos = index.distance(pos, 20000.0)
    assert min(d_site, d_pos) > 2500, (d_site, d_pos)
    assert add_spur(net, index, remote_com["site"], {"highway": "track", "tracktype": "grade3"}, 8000.0)
    facts["remote_distance"] = (d_site, d_pos)

    # ---- place nodes (not on ways), as in OpenStreetMap
    for com in communes:
        kind = ("city" if com["pop"] >= 20000 else "town" if com["pop"] >= 5000 else
                "village" if com["pop"] >= 300 else "hamlet")
        net.node(com["site"], {"place": kind, "name": com["name"], "ref:INSEE": com["code"],
                               "population": str(com["pop"])})
    facts["town_facts"] = town_facts
    return net, facts


def border_x_at(y):
    """x (m) of the 99/98 border at height y (m), for the motorway's speed sections."""
    pts = [(x * KM, yy * KM) for x, yy in BORDER]
    for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
        if y1 <= y <= y2:
            return x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    raise ValueError(y)


def add_spur(net, index, target, tags, radius, local_only=False):
    """A short road from the nearest laid drivable node (with local_only, not of the
    motorway) to `target` that crosses nothing."""
    cands = sorted({n for a, b, w in index.near(target, target, radius)
                    if mainland_car_way(w) and not (local_only and w["tags"]["highway"] in ("motorway", "motorway_link"))
                    for n in (a, b)},
                   key=lambda n: (math.dist(net.pts[n], target), n))
    for n in cands[:12]:
        p = net.pts[n]
        L = math.dist(p, target)
        if L < 1.0:
            return True
        k = max(1, round(L / 200.0))
        pts = [(p[0] + (target[0] - p[0]) * j / k, p[1] + (target[1] - p[1]) * j / k) for j in range(1, k + 1)]
        prev, ok = p, True
        for q in pts:
            if index.crosses(prev, q, (n,)):
                ok = False
                break
            prev = q
        if not ok:
            continue
        nodes = [n] + [net.node(q) for q in pts]
        index.add_way(net.way(nodes, tags))
        return True
    return False


def build_town(net, com, centre, layout, entries, rng):
    """A grid of streets (block x block m, turned at random) inside a disc of radius R,
    closed by a ring boulevard on which the roads of `entries` end."""
    R, block, n_oneway = layout
    th = rng.u(0, math.pi / 2)
    u, v = (math.cos(th), math.sin(th)), (-math.sin(th), math.cos(th))
    ou, ov = rng.u(-block / 2, block / 2), rng.u(-block / 2, block / 2)
    K = int(R / block) + 2

    def at(x, y):
        return (centre[0] + x * u[0] + y * v[0], centre[1] + x * u[1] + y * v[1])

    first = len(net.pts)
    grid = {}
    for i in range(-K, K + 1):
        for j in range(-K, K + 1):
            x, y = ou + i * block, ov + j * block
            d = math.hypot(x, y)
            if d < R - 1:
                f = 0.12 * block * min(1.0, (R - d) / block) * 0.5
                grid[(i, j)] = net.node(at(x + rng.u(-f, f), y + rng.u(-f, f)))
    ring = []   # (angle, node, what)
    lines = []  # (offset, nodes, axis)
    for axis in (0, 1):
        for k in range(-K, K + 1):
            ids = sorted(ij for ij in grid if ij[1 - axis] == k)
            if not ids:
                continue
            w = (ov if axis == 0 else ou) + k * block
            half = math.sqrt(R * R - w * w)
            ends = []
            for sgn in (-1, 1):
                p = at(sgn * half, w) if axis == 0 else at(w, sgn * half)
                node = net.node(p)
                ends.append(node)
                ring.append((math.atan2(p[1] - centre[1], p[0] - centre[0]) % (2 * math.pi), node, "street"))
            lines.append((abs(w), [ends[0]] + [grid[ij] for ij in ids] + [ends[1]], axis, k))
    ring.sort()
    for r, end, p in entries:
        a = math.atan2(p[1] - centre[1], p[0] - centre[0]) % (2 * math.pi)
        near = min(ring, key=lambda t: min(abs(t[0] - a), 2 * math.pi - abs(t[0] - a)))
        if min(abs(near[0] - a), 2 * math.pi - abs(near[0] - a)) * R < 15:
            r[end] = near[1]
        else:
            node = net.node(p)
            r[end] = node
            ring.append((a, node, "road"))
    ring.sort()
    full = []
    for k, (a, node, _what) in enumerate(ring):
        full.append(node)
        nxt = ring[(k + 1) % len(ring)][0] + (2 * math.pi if k + 1 == len(ring) else 0)
        steps = int((nxt - a) * R / 220.0)
        for j in range(1, steps + 1):
            b = a + (nxt - a) * j / (steps + 1)
            full.append(net.node((centre[0] + R * math.cos(b), centre[1] + R * math.sin(b))))
    name = com["name"]
    # Nodes closer than 12 m (streets meeting the ring side by side) become one.
    merged = {}
    cells = {}
    for n in range(first, len(net.pts)):
        p = net.pts[n]
        key = (int(p[0] // 12), int(p[1] // 12))
        near = [m for i in (-1, 0, 1) for j in (-1, 0, 1) for m in cells.get((key[0] + i, key[1] + j), ())
                if math.dist(net.pts[m], p) < 12.0]
        if near:
            merged[n] = min(near)
        else:
            cells.setdefault(key, []).append(n)

    def clean(nodes):
        out = []
        for n in nodes:
            n = merged.get(n, n)
            if not out or out[-1] != n:
                out.append(n)
        return out

    for r, end, _p in entries:
        r[end] = merged.get(r[end], r[end])
    full = clean(full)
    if full[0] == full[-1]:
        full.pop()
    lines = [(off, clean(nodes), axis, k) for off, nodes, axis, k in lines]
    lines = [t for t in lines if len(t[1]) >= 2]
    net.way(full + [full[0]], {"highway": "tertiary", "maxspeed": "FR:urban", "name": "Boulevard circulaire"})
    lines.sort(key=lambda t: (t[0], t[2], t[3]))
    main_axes = {}
    for off, nodes, axis, k in lines:
        if axis not in main_axes:
            main_axes[axis] = k
    residential = [t for t in lines if main_axes.get(t[2]) != t[3] and len(t[1]) >= 5]
    oneway = rng.shuffled(residential)[:n_oneway]
    ids_oneway = {(t[2], t[3]): ("-1" if j == 1 else "yes") for j, t in enumerate(oneway)}
    rest = [t for t in residential if (t[2], t[3]) not in ids_oneway]
    zone30 = rng.pick(rest)
    for off, nodes, axis, k in sorted(lines, key=lambda t: (t[2], t[3])):
        if main_axes[axis] == k:
            tags = {"highway": "tertiary", "maxspeed": "FR:urban",
                    "name": "Grande Rue" if axis == 0 else "Avenue de la Gare"}
        else:
            tags = {"highway": "residential"}
            if (axis, k) in ids_oneway:
                tags["oneway"] = ids_oneway[(axis, k)]
            elif (axis, k) == (zone30[2], zone30[3]):
                tags["maxspeed"] = "FR:zone30"
        net.way(nodes, tags)
    return {"name": name, "radius": R, "block": block, "streets": len(lines), "oneway": len(ids_oneway),
            "entries": len(entries)}


def build_lake(net, index, data, sites, site_node, cell_com, road_cells, town_cells, remote, rb_cell, terminals):
    """A lake in the widest gap between the roads of a village, clear of every road, with an
    island whose few roads a ferry (route=ferry) links to a slipway of the village."""
    rng = Rng("lake")
    for c in rng.shuffled([c for c in road_cells if cell_com[c]["role"] == "village" and c in site_node
                           and c not in terminals and c != rb_cell]):
        if math.dist(sites[c], sites[remote]) < 8000 or any(math.dist(sites[c], sites[t]) < 5000 for t in town_cells):
            continue
        centre = site_node[c]
        dirs = sorted(math.atan2(net.pts[q][1] - sites[c][1], net.pts[q][0] - sites[c][0])
                      for w in net.ways if centre in w["nodes"]
                      for q in [w["nodes"][j] for j in (w["nodes"].index(centre) - 1, w["nodes"].index(centre) + 1)
                                if 0 <= j < len(w["nodes"])])
        gap, start = max(((dirs[(i + 1) % len(dirs)] - dirs[i]) % (2 * math.pi) or 2 * math.pi, dirs[i])
                         for i in range(len(dirs)))
        if gap < math.radians(120):
            continue
        theta = start + gap / 2
        dx, dy = math.cos(theta), math.sin(theta)
        for dist in (1500.0, 1800.0):
            lc = (sites[c][0] + dist * dx, sites[c][1] + dist * dy)
            ph1, ph2 = rng.u(0, 6.3), rng.u(0, 6.3)
            shore = []
            for k in range(48):
                a = 2 * math.pi * k / 48
                rr = 1.0 + 0.06 * math.sin(3 * a + ph1) + 0.04 * math.sin(5 * a + ph2)
                # an ellipse 1.6 km across the view from the village, 1.1 km deep
                lx, ly = 550.0 * rr * math.cos(a), 800.0 * rr * math.sin(a)
                shore.append((lc[0] + lx * dx - ly * dy, lc[1] + lx * dy + ly * dx))
            clear = all(index.distance(p, 250.0, False) is None for p in shore)
            clear = clear and not any(point_in_ring(net.pts[a], shore) for a, _b, _w in index.near(lc, lc, 1000.0))
            if clear:
                break
        else:
            continue
        # the island, on the far side; the slipways face each other
        ic = (lc[0] + 180.0 * dx, lc[1] + 180.0 * dy)
        isle = [(ic[0] + 260.0 * (1 + 0.08 * math.sin(3 * a)) * math.cos(a),
                 ic[1] + 260.0 * (1 + 0.08 * math.sin(3 * a)) * math.sin(a))
                for a in (2 * math.pi * k / 16 for k in range(16))]
        lake_name = "Lac de " + cell_com[c]["name"]
        rr_near = 1.0 + 0.06 * math.sin(3 * math.pi + ph1) + 0.04 * math.sin(5 * math.pi + ph2)
        lake_nodes = [net.node(p) for p in shore]
        isle_nodes = [net.node(p) for p in isle]
        lake_way = net.way(lake_nodes + [lake_nodes[0]], {}, role="water")
        isle_way = net.way(isle_nodes + [isle_nodes[0]], {"place": "islet", "name": "Île du Lac"}, role="water")
        # mainland: a lane from the village to a slipway 20 m before the shore
        shore_in = lc[0] - 550.0 * rr_near * dx, lc[1] - 550.0 * rr_near * dy
        slip = (shore_in[0] - 20.0 * dx, shore_in[1] - 20.0 * dy)
        L = math.dist(sites[c], slip)
        k = max(2, round(L / 200.0))
        lane = [centre] + [net.node((sites[c][0] + (slip[0] - sites[c][0]) * j / k,
                                     sites[c][1] + (slip[1] - sites[c][1]) * j / k)) for j in range(1, k + 1)]
        assert all(not index.crosses(net.pts[p], net.pts[q], (p, q)) for p, q in zip(lane, lane[1:]))
        index.add_way(net.way(lane, {"highway": "unclassified", "name": "Chemin du Bac"}))
        index.add_way(lake_way)
        index.add_way(isle_way)
        # island: a loop road, a lane to its slipway, a dead end the other way
        loop = [net.node((ic[0] + 150.0 * math.cos(a), ic[1] + 150.0 * math.sin(a)))
                for a in (theta + math.pi + 2 * math.pi * k / 8 for k in range(8))]
        isle_slip = net.node((ic[0] - 235.0 * dx, ic[1] - 235.0 * dy))
        far = net.node((ic[0] + 235.0 * dx, ic[1] + 235.0 * dy))
        island_ways = [net.way(loop[:5], {"highway": "residential", "name": "Rue du Tour de l'Île"}, role="island"),
                       net.way(loop[4:] + [loop[0]], {"highway": "residential", "name": "Rue du Tour de l'Île"}, role="island"),
                       net.way([isle_slip, loop[0]], {"highway": "unclassified", "name": "Cale de l'Île"}, role="island"),
                       net.way([loop[4], far], {"highway": "service", "name": "Chemin du Phare"}, role="island")]
        for w in island_ways:
            index.add_way(w)
        pa, pb = net.pts[lane[-1]], net.pts[isle_slip]
        ferry_inner = [net.node((pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t)) for t in (1 / 3, 2 / 3)]
        ferry = net.way([lane[-1]] + ferry_inner + [isle_slip],
                        {"route": "ferry", "duration": "00:10", "motor_vehicle": "yes", "name": "Bac du l" + lake_name[1:]},
                        role="ferry")
        index.add_way(ferry)
        relation = {"members": [(lake_way, "outer"), (isle_way, "inner")],
                    "tags": {"type": "multipolygon", "natural": "water", "water": "lake", "name": lake_name}}
        return {"commune": cell_com[c], "name": lake_name, "ferry": ferry, "ferry_m": math.dist(pa, pb),
                "island_ways": island_ways, "relation": relation,
                "island_nodes": {n for w in island_ways for n in w["nodes"]}}
    raise AssertionError("no place for the lake")


def split_at_junctions(net):
    """Splits every way at the nodes it shares with another way (OpenStreetMap style: a
    way runs from junction to junction); roundabouts and water outlines stay closed."""
    use = {}
    for w in net.ways:
        for n in set(w["nodes"]):
            use[n] = use.get(n, 0) + 1
    out = []
    for w in net.ways:
        ns = w["nodes"]
        if w["tags"].get("junction") == "roundabout" or w["role"] == "water":
            out.append(w)
            continue
        if ns[0] == ns[-1]:
            ring = ns[:-1]
            cuts = [k for k in range(len(ring)) if use[ring[k]] > 1]
            if len(cuts) < 2:
                out.append(w)
                continue
            ring = ring[cuts[0]:] + ring[:cuts[0]]
            ns = ring + [ring[0]]
        cuts = [0] + [k for k in range(1, len(ns) - 1) if use[ns[k]] > 1] + [len(ns) - 1]
        for a, b in zip(cuts, cuts[1:]):
            out.append({"nodes": ns[a:b + 1], "tags": w["tags"], "role": w["role"]})
    net.ways = out


def check_roads(net, facts):
    """No two ways cross without a shared node (but bridges over the motorway and the
    ferry over the lake); the largest strongly connected component under the car profile
    is everything but the island, which the ferry joins."""
    index = SegIndex(net)
    for w in net.ways:
        index.add_way(w)
    for a, b, w in index.segs:
        pa, pb = net.pts[a], net.pts[b]
        assert math.dist(pa, pb) > 1.0, "segment shorter than 1 m"
        for c, d, w2 in index.near(pa, pb):
            if w2 is w or {a, b} & {c, d}:
                continue
            if not seg_cross(pa, pb, net.pts[c], net.pts[d]):
                continue
            kinds = {w["tags"].get("bridge") == "yes" and "bridge", w2["tags"].get("bridge") == "yes" and "bridge",
                     w["tags"].get("highway"), w2["tags"].get("highway"), w["role"], w2["role"]}
            if {"bridge", "motorway"} <= kinds or {"ferry", "water"} <= kinds:
                continue
            raise AssertionError("ways cross without a junction: %s / %s" % (w["tags"], w2["tags"]))
    for ferries in (False, True):
        adj = car_graph(net, ferries)
        nodes = sorted(set(adj) | {v for vs in adj.values() for v, _d in vs})
        comps = strongly_connected(adj, nodes)
        largest = set(max(comps, key=len))
        dropped = set(nodes) - largest
        if ferries:
            assert not dropped, "%d nodes cut off even with the ferry" % len(dropped)
        else:
            assert dropped == facts["lake"]["island_nodes"], (len(dropped), len(facts["lake"]["island_nodes"]))
            facts["car_nodes"] = len(nodes)
            facts["car_largest"] = len(largest)
            facts["car_components_dropped"] = len(comps) - 1
            facts["car_adj"] = adj


def roads_osm(net, relation):
    """OSM XML 0.6: nodes, ways, the relation, each sorted by id; ids in creation order."""
    used = sorted({n for w in net.ways for n in w["nodes"]} | set(net.node_tags))
    node_id = {n: k + 1 for k, n in enumerate(used)}
    way_id = {id(w): k + 1 for k, w in enumerate(net.ways)}
    wgs = {n: lambert93_to_wgs84(*net.pts[n]) for n in used}
    lons = [p[0] for p in wgs.values()]
    lats = [p[1] for p in wgs.values()]

    def esc(v):
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

    def tag_lines(tags, indent):
        return ['%s<tag k="%s" v="%s"/>' % (indent, esc(k), esc(v)) for k, v in sorted(tags.items())]

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<osm version="0.6" generator="zonegrise make-demo.py">',
           '  <!-- SYNTHETIC road network of the zonegrise demo territory (invented, no real place). -->',
           '  <bounds minlat="%.7f" minlon="%.7f" maxlat="%.7f" maxlon="%.7f"/>' % (min(lats), min(lons), max(lats), max(lons))]
    for n in used:
        lon, lat = wgs[n]
        head = '  <node id="%d" version="1" lat="%.7f" lon="%.7f"' % (node_id[n], lat, lon)
        tags = net.node_tags.get(n)
        if tags:
            out.append(head + ">")
            out += tag_lines(tags, "    ")
            out.append("  </node>")
        else:
            out.append(head + "/>")
    for w in net.ways:
        out.append('  <way id="%d" version="1">' % way_id[id(w)])
        out += ['    <nd ref="%d"/>' % node_id[n] for n in w["nodes"]]
        out += tag_lines(w["tags"], "    ")
        out.append("  </way>")
    out.append('  <relation id="1" version="1">')
    for w, member_role in relation["members"]:
        out.append('    <member type="way" ref="%d" role="%s"/>' % (way_id[id(w)], member_role))
    out += tag_lines(relation["tags"], "    ")
    out.append("  </relation>")
    out.append("</osm>")
    stats = {"nodes": len(used), "ways": len(net.ways), "relations": 1}
    return ("\n".join(out) + "\n").encode("utf-8"), stats


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


# The demo's time model: "osm" routes on roads.osm with the tool's default car profile
# (profiles/car.yaml); "crowfly" would use the calibrated crow-fly model instead.
DEMO_TIME_MODEL = "osm"
# Share of the inhabitants of 99 in zone grise (%) measured by `zonegrise analyse` on the
# generated files (osm: demo.yaml as written; crowfly: with --time-model crowfly), for the
# README. Update them when the generator changes (DemoBelievabilityTests checks the ranges).
MEASURED = {
    "osm": {"proximite": 5.11, "intermediaire": 1.80, "superieure": 5.23},
    "crowfly": {"proximite": 3.02, "intermediaire": 3.56, "superieure": 7.55},
}


def manifest_yaml():
    if DEMO_TIME_MODEL == "osm":
        time_model = """\
time_model:
  kind: osm                        # routing on the synthetic roads, profiles/car.yaml
  osm:
    file: roads.osm
"""
    else:
        time_model = """\
time_model:
  kind: crowfly                    # the tool's calibrated defaults
  # Routing on the synthetic roads (roads.osm, the car profile profiles/car.yaml), for a
  # zonegrise with the osm time model: replace the line above with
  #   kind: osm
  #   osm:
  #     file: roads.osm
"""
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

%s
service_layers:
  - name: france_services
    label: France Services
    file: france-services.csv
    threshold: 30
    vintage: "2024"

subdivisions:
  - name: arrondissement
    file: arrondissements.csv      # commune,code,nom
""" % time_model


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


def readme(data, sizes, roads_section):
    communes = data["communes"]
    ca = [c for c in communes if c["dep"] == DEP_A]
    cb = [c for c in communes if c["dep"] == DEP_B]
    k = data["by_key"]
    bow = next(c for c in communes if c["role"] == "bowtie")
    enc = next(c for c in communes if c["role"] == "enclave")
    enc_host = next(c for c in communes if "enclave-host" in c["flags"])
    bow_host = next(c for c in communes if "bowtie-host" in c["flags"])
    multi = [c for c in communes if "multipolygon" in c["flags"]]
    rural = sorted((c for c in ca if c["role"] == "hameau"
                    and math.dist(c["site"], (RURAL[0] * KM, RURAL[1] * KM)) < RURAL_RADIUS * KM), key=lambda c: c["code"])
    forest = sorted((c for c in ca if c["role"] == "hameau" and c not in rural), key=lambda c: c["code"])

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
        "exist; their communes, names, populations, equipment, France Services sites and roads",
        "are generated by `python3 scripts/make-demo.py` (fixed seed, Python standard library only).",
        "No real data, and nothing derived from real data, is used: only the file *layouts* copy",
        "those of IGN ADMIN EXPRESS, INSEE populations légales and BPE, ANCT's list of",
        "France Services and OpenStreetMap. Coordinates look like Lambert-93 (x %.0f-%.0f km, y %s-%s km) so" % extent,
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
        "| `roads.osm` | %s | SYNTHETIC road network of both départements, OpenStreetMap XML 0.6 in WGS84 (7 decimals), described below |" % sizes["roads.osm"],
        "| `demo.yaml` | %s | the manifest (docs/MANIFEST.md): analysis area 99, service area 98, %s, France Services at 30 min, arrondissements |" % (
            sizes["demo.yaml"], "osm model on `roads.osm` with the default car profile" if DEMO_TIME_MODEL == "osm" else
            "crow-fly model with the calibrated defaults (the osm model on `roads.osm`, ready as a comment, for a zonegrise that has it)"),
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
        "- Towns of 99 (sous-préfectures and other pôles supérieurs): %s." % ", ".join(
            "%s (%s)" % (cn(k[t]), "{:,}".format(k[t]["pop"])) for t in ("town_nw", "town_s", "town_w", "town_ne", "town_se")),
        "- Chefs-lieux (poles of the gamme intermédiaire, {:,}-{:,} inhabitants): %s.".format(*CHEF_LIEU_POPULATION) % ", ".join(
            "%s (%s)" % (cn(c), "{:,}".format(c["pop"])) for c in ca if data["bourg_level"].get(c["cell"]) == "intermediaire"),
        "- %d bourgs-centres of 99 in all (1,000-3,000 inhabitants, each at least a pôle de proximité), spread so"
        % sum(1 for c in ca if c["cell"] in data["bourg_level"]),
        "  that most villages are within 10 minutes of one.",
        "",
        "## Expected picture",
        "",
        "Like a real rural département: the préfecture and five towns are pôles supérieurs, chefs-lieux",
        "fill the gaps of the gamme intermédiaire, bourgs-centres those of the gamme de proximité, and",
        "what stays in zone grise is mostly the two remote corners (the south-western upland and the",
        "northern forest, below) and a few villages at the edges of the bassins. Measured with zonegrise on these files (`demo.yaml`, its own",
        "`gammes.csv`; Tests/ZonegriseCLITests/DemoBelievabilityTests.swift checks the ranges",
        "proximité 2-8 %, intermédiaire 1-5 %, supérieure 2-10 % and the two models within 3 points):",
        "",
        "| gamme | osm model (`demo.yaml`, `roads.osm`) | crow-fly model (`--time-model crowfly`) |",
        "|---|---|---|",
    ] + [
        "| %s (> %d min) | %.2f %% | %.2f %% |" % (g, THRESHOLDS[g], MEASURED["osm"][g], MEASURED["crowfly"][g])
        for g in GAMMES
    ] + [
        "",
        "The generator's own rough estimate (poles at share 0.5 with hierarchy; crow-fly minutes =",
        "km x 1.3 at 50 km/h (the tool's calibrated default) between the points the communes were grown from; the tool measures from",
        "points on surface, so its crow-fly figures differ slightly):",
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
        "  16 km of x 607 km, y 6,907 km: an upland of forest and hamlets of 45-400 inhabitants, no bourg but",
        "  %s on its edge), whose centre lies 35-50 km from the towns. By the estimate" % cn(k["bourg_rural"]),
        "  above, %d / %d / %d of these communes are in zone grise for the proximité / intermédiaire /"
        % tuple(sum(1 for c in rural if c in est["gammes"][g][0]) for g in GAMMES),
        "  supérieure gammes and %d are beyond 30 minutes of every France Services site."
        % sum(1 for c in rural if c in est["fs_far"]),
        "- **A forest** on the northern edge of 99 (%d hamlets of 40-350 inhabitants, %s in all, within"
        % (len(forest), "{:,}".format(pop_of(forest))),
        "  %.0f km of x %.0f km, y {:,.0f} km), joined more often by voies communales. By the estimate above,".format(FOREST[1])
        % (FOREST_RADIUS, FOREST[0]),
        "  %d / %d / %d of these communes are in zone grise for the three gammes."
        % tuple(sum(1 for c in forest if c in est["gammes"][g][0]) for g in GAMMES),
        "- **A cross-border pole**: %s (%s inhabitants), in 98 about 9 km beyond the border, is"
        % (cn(k["town_border"]), "{:,}".format(k["town_border"]["pop"])),
        "  the nearest pôle supérieur of %d communes on the eastern edge of 99 by the estimate; without the"
        % est["gammes"]["superieure"][1].get(k["town_border"]["code"], 0),
        "  service area 98, more communes of 99 would be in zone grise (last two columns above).",
        ("  For the gamme intermédiaire the nearest pole of some communes of 99 is %s." % " or ".join(
            cn(est["byc"][p]) for p in sorted(est["gammes"]["intermediaire"][1]))
         if est["gammes"]["intermediaire"][1] else
         "  For the gamme intermédiaire every commune of 99 has its nearest pole in 99 (its chefs-lieux)."),
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
    ] + roads_section
    return "\n".join(lines).encode("utf-8")


def roads_readme(net, facts, size):
    """The README's section on roads.osm."""
    def cn(c):
        return "%s %s" % (c["code"], c["name"])

    km = {}
    ways = {}
    for w in net.ways:
        h = w["tags"].get("highway") or ("ferry" if w["tags"].get("route") == "ferry" else None)
        if h is None:
            continue
        length = sum(math.dist(net.pts[a], net.pts[b]) for a, b in zip(w["nodes"], w["nodes"][1:]))
        key = h + (" (access=no)" if w["tags"].get("access") == "no" else "")
        km[key] = km.get(key, 0.0) + length / KM
        ways[key] = ways.get(key, 0) + 1
    order = ["motorway", "motorway_link", "primary", "secondary", "tertiary", "unclassified", "residential",
             "service", "unclassified (access=no)", "footway", "track", "ferry"]
    assert set(km) <= set(order), set(km) - set(order)
    maxspeeds = {}
    for w in net.ways:
        v = w["tags"].get("maxspeed")
        if v:
            maxspeeds[v] = maxspeeds.get(v, 0) + 1
    oneway = {}
    for w in net.ways:
        v = w["tags"].get("oneway")
        if v and w["tags"]["highway"] == "residential":
            oneway[v] = oneway.get(v, 0) + 1
    adj = facts["car_adj"]
    shortcut_lines = []
    for kind, a, b, metres, na, nb in facts["shortcuts"]:
        road = shortest_paths(adj, na)[0][nb]
        what = ("a road closed to traffic (`highway=unclassified`, `access=no`)" if kind == "access"
                else "a footpath (`highway=footway`)")
        shortcut_lines.append("  - %s between the centres of %s and %s: %.1f km, where the shortest drivable "
                              "road between them is %.1f km;" % (what, cn(a), cn(b), metres / KM, road / KM))
    shortcut_lines[-1] = shortcut_lines[-1][:-1] + "."
    towns = facts["town_facts"]
    lake = facts["lake"]
    rb, rb_roads = facts["roundabout"]
    d_site, d_pos = facts["remote_distance"]
    osm = facts["osm"]
    lines = [
        "## The road network (`roads.osm`)",
        "",
        "A SYNTHETIC OpenStreetMap extract for the `osm` time model (docs/ROAD-NETWORK.md), drawn",
        "over the communes of 99 and 98 from the points they were grown from. OSM XML 0.6,",
        "`generator=\"zonegrise make-demo.py\"`, a `<bounds>`, WGS84 with 7 decimals (Lambert-93",
        "converted by the generator's own formulas), fixed ids in creation order, objects sorted",
        "by type and id: %s nodes, %s ways, %d relation (%s). Ways run from junction to junction"
        % ("{:,}".format(osm["nodes"]), "{:,}".format(osm["ways"]), osm["relations"], size),
        "(they share the junction's node); nodes lie every 150-280 m along country roads, which",
        "bend a little. Each commune also has a `place` node (not on any way) with its name, `ref:INSEE`",
        "and `population`. `osmium fileinfo -e` and `osmium check-refs -r` accept the file.",
        "",
        "| highway | ways | km (of ways: the motorway's two carriageways count twice) |",
        "|---|---|---|",
    ] + ["| %s | %d | %.1f |" % (k, ways[k], km[k]) for k in order if k in km] + [
        "",
        "- **Motorway** `A 99` (%.0f km) from %s (99) to %s (98), two `oneway=yes` carriageways 30 m"
        % (facts["motorway_km"], cn(facts["motorway_ends"][0]), cn(facts["motorway_ends"][1])),
        "  apart that meet at its ends, passing %.1f km south of the préfecture; `maxspeed` 130, 110 near"
        % facts["motorway_pref_km"],
        "  the préfecture, `FR:motorway` in 98. Three diamond interchanges of four `motorway_link`",
        "  ramps each (junction nodes `ref` 1-3): %s." % "; ".join(
            "%d %s (on a %s road)" % (n, cn(c), h) for n, c, h in facts["junctions"]),
        "  Everywhere else the %d roads that cross it pass over it on a `bridge=yes`, `layer=1`"
        % (facts["bridges"] - len(facts["junctions"])),
        "  stretch, without a shared node.",
        "- **A road hierarchy**, driven at the speeds of profiles/car.yaml: **primary** roads between",
        "  the préfecture, the towns and 98's préfecture, **secondary** roads from each bourg to the",
        "  nearest town, **tertiary** roads (routes départementales: %d %% of the tree's links and %d %% of"
        % (round(100 * LOCAL_RURAL_TREE), round(100 * LOCAL_RURAL_LOOP)),
        "  the loops signed `FR:rural`, 80 km/h, the others at the class speed) joining every other",
        "  commune's centre (a spanning tree of the communes' neighbour links, plus %d %% of the other"
        % round(100 * LOOP_SHARE),
        "  links, %d %% into the hamlets), and **unclassified** voies communales for %d %% of those loops"
        % (round(100 * LOOP_SHARE_HAMLET), round(100 * LOCAL_UNCLASSIFIED)),
        "  (%d %% into the hamlets). The motorway keeps away from every commune centre, so that none"
        % round(100 * LOCAL_UNCLASSIFIED_HAMLET),
        "  snaps to a carriageway.",
        "  `maxspeed` forms used: %s." % ", ".join(
            "`%s` (%d ways)" % (k, v) for k, v in sorted(maxspeeds.items())),
        "  Primary and secondary roads carry `FR:urban` for %d m either side of a village centre."
        % VILLAGE_URBAN,
        "- **Towns**: a grid of residential streets inside a ring boulevard (`tertiary`,",
        "  `FR:urban`) where the country roads end, with two main streets (`tertiary`, `FR:urban`):",
        "  %s." % "; ".join("%s radius %.1f km, %d m blocks" % (t["name"], t["radius"] / KM, t["block"])
                            for _k, t in sorted(towns.items(), key=lambda kv: -kv[1]["radius"])),
        "  %d residential streets are oneway (%s); one street per town is `FR:zone30`." % (
            sum(t["oneway"] for t in towns.values()), ", ".join("`oneway=%s`: %d ways" % kv for kv in sorted(oneway.items()))),
        "- **Villages**: %d short residential dead ends from their centres; %d `Chemin de la Mairie`"
        % (facts["village_streets"], facts["spurs"]),
        "  lanes bring a road within %d m of every commune's generating point and point on surface" % COVER,
        "  (as GEOS computes it), the enclave and the bow-tie commune included.",
        "- **A roundabout** (`junction=roundabout`, one closed way, counter-clockwise) at the centre of",
        "  %s, where %d roads meet." % (cn(rb), rb_roads),
        "- **Shortcuts a car must not take**, across the two neighbour links the roads detour most:",
    ] + shortcut_lines + [
        "- **A ferry and an island**: %s, in %s, has an island whose %d little roads"
        % (lake["name"], cn(lake["commune"]), len(lake["island_ways"])),
        "  (%d nodes) touch nothing else. A `route=ferry` (`duration=00:10`, %.0f m) joins them to the"
        % (len(lake["island_nodes"]), lake["ferry_m"]),
        "  village's slipway. Ferries are off in the default car profile, so the island is a separate",
        "  strongly connected component: of the %s nodes of drivable ways, the largest strongly connected"
        % "{:,}".format(facts["car_nodes"]),
        "  component keeps %s and pruning drops exactly the island's %d (with ferries on, nothing)."
        % ("{:,}".format(facts["car_largest"]), facts["car_nodes"] - facts["car_largest"]),
        "  The lake is a multipolygon relation (`natural=water`, the island's outline as `inner`).",
        "- **The remote commune**: %s (%d inhabitants, in the rural corner) has no road of its own:"
        % (cn(facts["remote"]), facts["remote"]["pop"]),
        "  its generating point is %.1f km and its point on surface %.1f km from the nearest road a" % (d_site / KM, d_pos / KM),
        "  car may use; only a farm track (`highway=track`, excluded by the car profile) reaches it.",
        "",
        "Checked by the generator before writing: no two ways cross without a shared node except",
        "the bridges over the motorway and the ferry over the lake's outline; the strongly connected",
        "components are as stated above.",
        "",
    ]
    return lines


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
    net, facts = build_roads(data)
    split_at_junctions(net)
    check_roads(net, facts)
    files["roads.osm"], facts["osm"] = roads_osm(net, facts["lake"]["relation"])
    sizes = {k: human(len(v)) for k, v in files.items()}
    files["README.md"] = readme(data, sizes, roads_readme(net, facts, sizes["roads.osm"]))
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
