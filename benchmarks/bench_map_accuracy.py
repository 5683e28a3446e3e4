"""How close the derived regency points come to real boundaries (prints figures; not a test).

    python benchmarks/bench_map_accuracy.py ../shared/geo/kabkota_reference.geojson

Reports the share of points inside their own regency (and within 2 km of it, since the reference is
simplified and coastal seats can fall just outside), the median and 90th-percentile distance from
a point to its regency's centroid, and the same by derivation method. The reference file is read
for measuring only; nothing from it is written anywhere.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpp_data.reference.geo import (  # noqa: E402
    centroid,
    contains,
    distance_to_boundary_km,
    haversine_km,
    read_boundaries,
    region_points,
)
from mpp_data.reference.regions import official_provinces, official_regions  # noqa: E402

#: The reference is simplified (0.01 degree), so a seat on the coast can fall just outside it.
NEAR_KM = 2.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("reference", type=Path, help="GeoJSON of the 514 regencies keyed by Kemendagri code")
    parser.add_argument("--show-outside", action="store_true", help="list the points outside their regency")
    args = parser.parse_args()
    boundaries = read_boundaries(
        args.reference.read_text(encoding="utf-8"), set(official_regions()["code"]), set(official_provinces()["code"])
    )
    points = region_points()
    rows = []
    for point in points.itertuples():
        geometry = boundaries.regions.get(point.code)
        if geometry is None:
            continue
        clon, clat = centroid(geometry)
        inside = contains(geometry, point.lon, point.lat)
        near = inside or distance_to_boundary_km(geometry, point.lon, point.lat) <= NEAR_KM
        rows.append((point.method, inside, haversine_km(point.lat, point.lon, clat, clon), point.name, near))
    print(f"reference regions: {len(boundaries.regions)}; unknown codes: {len(boundaries.unknown_codes)}; "
          f"missing: {len(boundaries.missing_regions)}")  # fmt: skip
    groups = {"all": rows} | {m: [r for r in rows if r[0] == m] for m in sorted({r[0] for r in rows})}
    for name, group in groups.items():
        inside = sum(r[1] for r in group)
        near = sum(r[4] for r in group)
        distances = [r[2] for r in group]
        print(f"{name:18s} n={len(group):3d}  inside own regency {100 * inside / len(group):5.1f}%  "
              f"(within {NEAR_KM:g} km of it {100 * near / len(group):5.1f}%)  "
              f"median to centroid {statistics.median(distances):5.1f} km  p90 {percentile(distances, 0.9):6.1f} km")  # fmt: skip
    if args.show_outside:
        for method, inside, distance, name, _ in sorted(rows, key=lambda r: -r[2]):
            if not inside:
                print(f"  outside: {name} ({method}, {distance:.0f} km from centroid)")


if __name__ == "__main__":
    main()
