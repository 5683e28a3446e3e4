"""What a large boundary file costs the Map page, unsimplified and as drawn (prints figures; not a test).

    python benchmarks/bench_boundaries.py [--points-per-region 1400]

Builds a synthetic GeoJSON (one jagged ring around each of the 514 regency points, coordinates
written to 12 decimals as GIS exports do), then times reading it and drawing the national map with
province shading, and measures the figure's JSON (what each Map rerun sends to the browser): once
from the file as it is, once checked and simplified as the dashboard reads it.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpp_data.analysis import metrics  # noqa: E402
from mpp_data.present import maps  # noqa: E402
from mpp_data.reference import geo  # noqa: E402
from mpp_data.reference.regions import official_provinces, official_regions  # noqa: E402
from mpp_data.service import load_snapshot, open_store, parse_boundaries  # noqa: E402


def synthetic_file(points_per_region: int) -> bytes:
    rng = random.Random(11)
    features = []
    for row in geo.region_points().itertuples():
        ring = []
        for i in range(points_per_region):
            angle = 2 * math.pi * i / points_per_region
            radius = 0.15 * (1 + 0.1 * rng.random())
            ring.append([round(row.lon + radius * math.cos(angle), 12), round(row.lat + radius * math.sin(angle), 12)])
        ring.append(ring[0])
        features.append({"type": "Feature", "properties": {"code": row.code},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})  # fmt: skip
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points-per-region", type=int, default=1400)
    args = parser.parse_args()
    content = synthetic_file(args.points_per_region)
    with tempfile.TemporaryDirectory() as folder:
        data = load_snapshot(open_store(f"sqlite:///{folder}/bench.sqlite"))
    as_of = metrics.default_as_of(data.malls)
    table = maps.compute_map_regions(data.malls, official_regions(), geo.region_points(), as_of)
    provinces = metrics.compute_coverage_by_province(data.malls, official_regions(), as_of)
    shares = dict(zip(provinces["province_code"], provinces["coverage_pct"], strict=True))
    print(f"file: {len(content) / 2**20:.1f} MB, {514 * (args.points_per_region + 1):,} points")
    codes = set(official_regions()["code"]), set(official_provinces()["code"])
    for label, read in (("as uploaded", lambda: geo.read_boundaries(content.decode(), *codes)),
                        ("checked and simplified", lambda: parse_boundaries(content, "synthetic.geojson"))):  # fmt: skip
        started = time.perf_counter()
        boundaries = read()
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        figure = maps.region_map(table, geo.land_outline(), "id", None, boundaries, shares)
        sent = len(figure.to_json())
        draw_s = time.perf_counter() - started
        polygons = [g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
                    for g in boundaries.regions.values()]  # fmt: skip
        points = sum(len(ring) for parts in polygons for polygon in parts for ring in polygon)
        print(f"{label}: read {read_s:.2f} s; {points:,} points drawn; figure built and serialised in "
              f"{draw_s:.2f} s, {sent / 2**20:.1f} MB of JSON")  # fmt: skip


if __name__ == "__main__":
    main()
