"""Boundary files (GeoJSON keyed by Kemendagri code) checked before anything keeps or draws them, and
simplified for drawing.

A boundary file is read by every visitor's Map page, so a bad one must be refused at the door rather
than fail later: the text is parsed without recursion blow-ups, every geometry is a Polygon,
MultiPolygon or a GeometryCollection of those, every position is two or three finite numbers within
longitude/latitude range, every ring is closed, the file holds at least one official kabupaten/kota
code, and its size and point count are within limits. Nothing here recurses on the file's own nesting.

Drawing does not need survey precision: positions are rounded to 0.001 degree (about 110 m, under a
pixel of the national map), consecutive repeats dropped and each ring thinned by Douglas-Peucker within
the same tolerance; rings that collapse are left out.
"""

from __future__ import annotations

import json

import numpy as np

from mpp_data.errors import InvalidBoundaries
from mpp_data.ingest.read import megabytes
from mpp_data.reference import geo

#: Degrees: rounding and Douglas-Peucker tolerance of the drawn boundaries (about 110 m at the equator).
TOLERANCE = 0.001
_DECIMALS = 3
_AREAL = ("Polygon", "MultiPolygon")
_NUMBERS = (int, float)
#: Kinds a GeometryCollection may hold besides polygons: left out, as they enclose no area to shade.
_NOT_AREAL = ("Point", "MultiPoint", "LineString", "MultiLineString")


def read_boundary_file(
    content: bytes | str,
    file_name: str,
    region_codes: set[str],
    province_codes: set[str],
    *,
    max_bytes: int,
    max_points: int,
) -> geo.Boundaries:
    """Check a boundary file and return its geometries, simplified for drawing, by official code.
    Raises ``InvalidBoundaries`` (with a ``reason`` code) for the first rule the file breaks."""
    size = len(content.encode("utf-8") if isinstance(content, str) else content)
    if size > max_bytes:
        raise InvalidBoundaries(
            file=file_name, reason="boundary_too_large", size_mb=megabytes(size), limit_mb=megabytes(max_bytes)
        )
    data = _parse(content, file_name)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise InvalidBoundaries(file=file_name, reason="boundary_not_feature_collection")
    points = 0
    cleaned = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            raise InvalidBoundaries(file=file_name, reason="boundary_not_feature_collection")
        code = geo.feature_code(feature) or "?"
        polygons, count = _checked_polygons(feature.get("geometry"), file_name, number, code)
        points += count
        if points > max_points:
            raise InvalidBoundaries(file=file_name, reason="boundary_too_many_points", points=max_points)
        geometry = {"type": "MultiPolygon", "coordinates": simplify_polygons(polygons)}
        cleaned.append(
            {"type": "Feature", "id": feature.get("id"), "properties": feature.get("properties"), "geometry": geometry}
        )
    boundaries = geo.boundaries_from_features(cleaned, region_codes, province_codes)
    if not boundaries.regions:
        raise InvalidBoundaries(file=file_name, reason="boundary_no_known_region")
    return boundaries


def _parse(content: bytes | str, file_name: str) -> object:
    try:
        text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    except UnicodeDecodeError as exc:
        raise InvalidBoundaries(file=file_name, reason="boundary_not_json") from exc
    try:
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError as exc:  # the decoder's own depth guard: nested deeper than Python recurses
        raise InvalidBoundaries(file=file_name, reason="boundary_too_deep") from exc
    except ValueError as exc:
        raise InvalidBoundaries(file=file_name, reason="boundary_not_json") from exc


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number GeoJSON allows")


def _checked_polygons(geometry: object, file_name: str, number: int, code: str) -> tuple[list, int]:
    """The geometry's polygons (lists of (n, 2) arrays of lon, lat) and its position count, or an error."""

    def refuse(reason: str, **params: object) -> InvalidBoundaries:
        return InvalidBoundaries(file=file_name, reason=reason, feature=number, code=code, **params)

    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind == "GeometryCollection" and isinstance(geometry, dict):
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            raise refuse("boundary_geometry_type", kind="GeometryCollection")
        parts_kinds = [p.get("type") if isinstance(p, dict) else None for p in parts]
        wrong = [k for k in parts_kinds if k not in _AREAL + _NOT_AREAL]
        if wrong:
            raise refuse("boundary_geometry_type", kind=str(wrong[0]))
        members = [p for p, k in zip(parts, parts_kinds, strict=True) if k in _AREAL]
    elif kind in _AREAL:
        members = [geometry]
    else:
        raise refuse("boundary_geometry_type", kind=str(kind))
    polygons = []
    for member in members:
        coordinates = member.get("coordinates")
        found = [coordinates] if member["type"] == "Polygon" else coordinates
        if not isinstance(found, list) or not all(isinstance(p, list) for p in found):
            raise refuse("boundary_coordinates")
        polygons += found
    count = 0
    arrays = []
    for polygon in polygons:
        if not polygon:
            raise refuse("boundary_coordinates")
        rings = []
        for ring in polygon:
            points = _ring_array(ring)
            if points is None:
                raise refuse("boundary_coordinates")
            if len(points) < 4 or not np.array_equal(points[0], points[-1]):
                raise refuse("boundary_open_ring")
            count += len(points)
            rings.append(points)
        arrays.append(rings)
    return arrays, count


def _ring_array(ring: object) -> np.ndarray | None:
    """A ring's [lon, lat] as an (n, 2) array; None unless every position is two or three finite numbers
    (not text, not true/false) within longitude and latitude range."""
    if not isinstance(ring, list) or not all(isinstance(p, list) and 2 <= len(p) <= 3 for p in ring):
        return None
    if not all(type(v) in _NUMBERS for p in ring for v in p):  # type(): a bool is an int subclass
        return None
    try:
        points = np.array([p[:2] for p in ring], dtype=float).reshape(-1, 2)
    except OverflowError:  # an integer too large for a float
        return None
    if not np.isfinite(points).all() or (np.abs(points) > (180, 90)).any():
        return None
    return points


def simplify_polygons(polygons: list[list[np.ndarray]]) -> list[list[list[list[float]]]]:
    """Polygons drawn at :data:`TOLERANCE`: rings rounded, thinned, closed; a polygon whose outer ring
    collapses is left out, and so is a hole that collapses.

    >>> square = np.array([[0, 0], [0.00001, 0], [1, 0], [1, 1], [0, 1], [0, 0]])
    >>> simplify_polygons([[square]])
    [[[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]]
    """
    kept = []
    for polygon in polygons:
        rings = [_simplified_ring(ring) for ring in polygon]
        if rings[0] is None:
            continue
        kept.append([r for r in rings if r is not None])
    return kept


def _simplified_ring(ring: np.ndarray) -> list[list[float]] | None:
    points = np.round(ring, _DECIMALS)
    repeats = np.r_[False, np.all(points[1:] == points[:-1], axis=1)]
    points = points[~repeats]
    if len(points) < 4:
        return None
    points = points[_douglas_peucker(points, TOLERANCE)]
    if len(points) < 4:
        return None
    return points.tolist()


def _douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Which points Douglas-Peucker keeps, splitting every open segment at once per pass (vectorised,
    no recursion: a ring may hold a million points). First and last, the same point of a closed ring,
    are kept, and so is the point farthest from them, so the ring keeps an area. Where two points of a
    segment tie for farthest, both are kept."""
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1, int(np.argmax(np.hypot(*(points - points[0]).T)))]] = True
    while True:
        kept = np.flatnonzero(keep)
        segment = np.cumsum(keep) - 1  # each point's segment: the kept point at or before it
        start = points[kept[segment]]
        end = points[kept[np.minimum(segment + 1, len(kept) - 1)]]
        chord = end - start
        length = np.hypot(*chord.T)
        offset = points - start
        cross = np.abs(chord[:, 0] * offset[:, 1] - chord[:, 1] * offset[:, 0])
        distance = np.where(length > 0, cross / np.where(length > 0, length, 1), np.hypot(*offset.T))
        distance[keep] = -1.0
        farthest = np.maximum.reduceat(distance, kept)[segment]
        split = (distance > tolerance) & (distance == farthest)
        if not split.any():
            return keep
        keep |= split
