"""The committed region points are what ``scripts/derive_region_points.py`` writes from the packages."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_script():
    spec = importlib.util.spec_from_file_location("derive_region_points", ROOT / "scripts" / "derive_region_points.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # derives every point from the packages
def test_the_committed_points_are_reproduced_by_the_script():
    script = load_script()
    derived = {r["code"]: (f"{r['lat']:.4f}", f"{r['lon']:.4f}", r["method"]) for r in script.derive()}
    with script.OUTPUT.open(encoding="utf-8") as handle:
        committed = {r["code"]: (r["lat"], r["lon"], r["method"]) for r in csv.DictReader(handle)}
    assert derived == committed


def test_a_kabupaten_takes_the_seat_nearest_its_namesake_kota():
    script = load_script()
    far = {"name": "Cikarang", "latitude": -7.43, "longitude": 107.45, "population": 0}
    right = {"name": "Cikarang", "latitude": -6.26, "longitude": 107.15, "population": 106479}
    assert script.choose_seat([far, right], near=(-6.24, 107.0), kecamatan=None) is right
    assert script.choose_seat([far, right], near=None, kecamatan=(-7.40, 107.40)) is far
    # kecamatan too far from every candidate to tell: the most populous
    assert script.choose_seat([far, right], near=None, kecamatan=(-8.5, 109.0)) is right
