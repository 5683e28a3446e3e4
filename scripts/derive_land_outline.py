"""Write the land outline the offline map draws, from the npm package ``world-atlas`` (Natural Earth).

Natural Earth is in the public domain; world-atlas (ISC) packages it as TopoJSON. This script fetches
the package through npm (``npm pack``), decodes the 1:50m countries, and keeps Indonesia and its
neighbours as rings of (lon, lat) rounded to 0.01 degree. Writes ``mpp_data/data/land_outline.json``.

    python scripts/derive_land_outline.py [--package DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "mpp_data" / "reference" / "data" / "land_outline.json"
VERSION = "2.0.2"
INDONESIA = "360"
NEIGHBOURS = {"458": "Malaysia", "096": "Brunei", "626": "Timor-Leste", "598": "Papua New Guinea", "702": "Singapore",
              "608": "Philippines", "036": "Australia"}  # fmt: skip
WINDOW = (90.0, -14.0, 145.0, 9.0)  # lon/lat box the map shows


def fetch_package(folder: Path) -> Path:
    subprocess.run(["npm", "pack", f"world-atlas@{VERSION}", "--silent"], cwd=folder, check=True, capture_output=True)
    with tarfile.open(next(folder.glob("world-atlas-*.tgz"))) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are quantised and delta-encoded: undo both."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def country_rings(topology: dict, country_id: str, arcs: list) -> list[list[tuple[float, float]]]:
    for geometry in topology["objects"]["countries"]["geometries"]:
        if str(geometry.get("id")) != country_id:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        return [ring(polygon[0], arcs) for polygon in polygons]  # outer rings only
    return []


def in_window(points: list[tuple[float, float]]) -> bool:
    west, south, east, north = WINDOW
    return any(west <= x <= east and south <= y <= north for x, y in points)


def rounded(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, 2), round(y, 2)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--package", type=Path, help="an unpacked world-atlas folder (default: fetch with npm)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = args.package or fetch_package(Path(tmp))
        topology = json.loads((package / "countries-50m.json").read_text())
    arcs = decode_arcs(topology)
    outline = {
        "source": f"Natural Earth 1:50m via npm world-atlas {VERSION}",
        "indonesia": [rounded(r) for r in country_rings(topology, INDONESIA, arcs) if len(r) > 3],
        "neighbours": [
            rounded(r) for cid in NEIGHBOURS for r in country_rings(topology, cid, arcs) if len(r) > 3 and in_window(r)
        ],  # fmt: skip
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(outline, separators=(",", ":")))
    points = sum(len(r) for r in outline["indonesia"])
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(outline['indonesia'])} rings, {points} points for Indonesia")


if __name__ == "__main__":
    main()
