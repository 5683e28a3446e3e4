"""Ingest benchmark at national scale (prints figures; not a timed test).

Builds, in a temporary folder:
- a workbook with 2,000 mall rows and a wide participation sheet of 2,000 malls x 60 tenant columns;
- a long participation CSV of 100,000 rows.
Then times, each in a fresh process (so peak memory is that run's own), in rounds that run each once:
- the full ingest (read, find tables, validate, match regions and agencies, write a snapshot to SQLite),
  with the database already open, the official region list loaded and the parse worker warm (started
  and used once on a tiny file), as in a running dashboard;
- the same with --dry-run (no database write);
- the same check run in the timed process itself, without the parse worker: what isolation costs;
- the full ingest in a cold process (opening the database, loading the region list and starting the
  parse worker timed too);
- a bare ``pandas.read_excel(engine="calamine")`` of the same file: the floor;
- a bare openpyxl read.
Imports are done before the clock starts in every run. The target (issue #3): the full ingest within
1.5x the floor.

    python benchmarks/bench_ingest.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OTHER_TENANTS = [f"Tenant Swasta {i:02d}" for i in range(1, 44)]
MOU_HEADERS = ["KemenPANRB", "Kemendagri", "MA", "Kemenkeu", "Kemenkumham", "Kemenag", "ATR/BPN", "Kejaksaan",
               "Polri", "BNN", "BPOM", "BP2MI", "Perpusnas", "BPJS Kesehatan", "BPJS TK", "Taspen", "PLN"]  # fmt: skip


def build_inputs(folder: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    from mpp_data.reference.regions import official_regions

    rng = random.Random(7)
    regions = official_regions().to_dict("records")
    wb = Workbook(write_only=True)
    malls = wb.create_sheet("Data MPP")
    malls.append(["REKAP MPP NASIONAL (benchmark)"])
    malls.append([])
    malls.append(["No", "Provinsi", "Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian", "Jumlah Instansi",
                  "Jumlah Layanan"])  # fmt: skip
    names = []
    for i in range(2000):
        region = regions[i % len(regions)]
        name = f"MPP {region['name']} {i // len(regions) + 1}"
        names.append((region, name))
        date = f"{rng.randint(1, 28)} Juni {rng.randint(2018, 2025)}" if i % 3 else f"{rng.randint(1, 28):02d}/06/2024"
        malls.append([i + 1, region["province_name"], region["name"], name, "Beroperasi", date, rng.randint(5, 60),
                      str(rng.randint(50, 400))])  # fmt: skip
    grid = wb.create_sheet("Instansi")
    grid.append(["No", "Provinsi", "Kabupaten/Kota", "Nama MPP", *MOU_HEADERS, *OTHER_TENANTS])
    for i, (region, name) in enumerate(names):
        marks = [rng.choice(["✓", "v", "1", None, None]) for _ in range(60)]
        grid.append([i + 1, region["province_name"], region["name"], name, *marks])
    workbook = folder / "national.xlsx"
    wb.save(workbook)

    long_csv = folder / "participation_long.csv"
    agencies = MOU_HEADERS + OTHER_TENANTS
    with long_csv.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Kabupaten/Kota", "Nama MPP", "Instansi", "Jumlah Layanan"])
        for i in range(100_000):
            region, name = names[i % len(names)]
            writer.writerow([region["name"], name, agencies[i % len(agencies)], rng.randint(1, 20)])
    return workbook, long_csv


CHILD = r"""
import json, resource, sys, time
mode, path, db, warm = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[5] == "warm"
sys.path.insert(0, sys.argv[4])
import pandas as pd
from mpp_data import service
from mpp_data.service import UploadedFile, ingest_files
from mpp_data.store.snapshots import Store
from mpp_data.config import Settings
import dataclasses
settings = dataclasses.replace(Settings.from_env(), max_upload_bytes=10**9)
content = open(path, "rb").read()
import python_calamine  # imported before the clock in every mode: no run pays for an import
store = None
if mode in ("dry", "full", "inproc") and warm:
    # What a running dashboard has done once at start: the database opened, the official region
    # list loaded. The ingest of the file itself is timed below.
    from mpp_data.reference.regions import RegionMatcher
    from mpp_data.ingest import isolation
    RegionMatcher()
    if mode != "inproc":
        isolation.warm_up(settings)
    store = Store(db) if mode == "full" else None
start = time.perf_counter()
if mode == "calamine":
    if path.endswith(".csv"):
        pd.read_csv(path, sep=";")
    else:
        pd.read_excel(path, sheet_name=None, engine="calamine", header=None)
elif mode == "inproc":
    from mpp_data.ingest.pipeline import IngestOptions, check_files
    result = check_files([UploadedFile(path.rsplit("/", 1)[-1], content)], {}, IngestOptions(settings=settings))
    assert not result.has_errors, result.messages("en")[:3]
elif mode == "openpyxl":
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _ in ws.iter_rows(values_only=True):
            pass
else:
    if mode == "full" and store is None:
        store = Store(db)
    result = ingest_files([UploadedFile(path.rsplit("/", 1)[-1], content)], store, dry_run=mode == "dry",
                          settings=settings, actor=service.cli_actor("bench"))
    assert not result.has_errors, result.messages("en")[:3]
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if mode in ("dry", "full"):  # the parse worker's own peak counts too
    from mpp_data.ingest import isolation
    peak_mb = max(peak_mb, isolation.last_run().worker_peak_mb or 0)
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))
"""


def run_once(mode: str, path: Path, folder: Path, round_: int) -> dict:
    """One timed run in a fresh process; ``mode`` ending in ``_cold`` times opening the store too."""
    kind, warm = mode.removesuffix("_cold"), not mode.endswith("_cold")
    db = f"sqlite:///{folder / f'bench_{mode}_{path.stem}_{round_}.sqlite'}"
    out = subprocess.run([sys.executable, "-c", CHILD, kind, str(path), db, str(ROOT), "warm" if warm else "cold"],
                         capture_output=True, text=True)  # fmt: skip
    if out.returncode != 0:
        raise RuntimeError(f"{mode} run failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(modes: list[str], path: Path, folder: Path, repeat: int) -> dict[str, dict]:
    """Every mode once per round, rounds repeated: a machine that slows down for a while slows the
    floor and the ingest alike, and each ratio is taken within its round."""
    runs: dict[str, list[dict]] = {m: [] for m in modes}
    for round_ in range(repeat):
        for mode in modes:
            runs[mode].append(run_once(mode, path, folder, round_))
    figures = {}
    for mode in modes:
        ratios = [r["seconds"] / f["seconds"] for r, f in zip(runs[mode], runs["calamine"], strict=True)]
        figures[mode] = {"seconds": statistics.median(r["seconds"] for r in runs[mode]),
                         "ratio": statistics.median(ratios), "worst_ratio": max(ratios),
                         "peak_mb": max(r["peak_mb"] for r in runs[mode])}  # fmt: skip
    return figures


LABELS = {
    "calamine": "bare pandas read (floor)",
    "openpyxl": "bare openpyxl read",
    "dry": "ingest --dry-run",
    "inproc": "same check, no worker",
    "full": "full ingest (with SQLite write)",
    "full_cold": "full ingest, cold process",
}
TARGET = 1.5


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workbook, long_csv = build_inputs(folder)
        print(f"inputs: {workbook.name} {workbook.stat().st_size / 1e6:.1f} MB (2,000 malls + 2,000 x 60 grid), "
              f"{long_csv.name} {long_csv.stat().st_size / 1e6:.1f} MB (100,000 rows)")  # fmt: skip
        print(f"{args.repeat} rounds, each running every mode once in a fresh process; figures are medians, and "
              "'x floor' is the median of the ratios within a round. Ingest runs start with the database open "
              "and the official region list loaded, as in a running dashboard; 'cold process' times those too.")  # fmt: skip
        for path, modes in (
            (workbook, ["calamine", "openpyxl", "inproc", "dry", "full", "full_cold"]),
            (long_csv, ["calamine", "inproc", "dry", "full"]),
        ):
            figures = measure(modes, path, folder, args.repeat)
            print(f"\n{path.name}")
            for mode in modes:
                f = figures[mode]
                print(f"  {LABELS[mode]:34s} {f['seconds']:7.3f} s  {f['ratio']:5.2f}x floor  "
                      f"(worst round {f['worst_ratio']:5.2f}x)  peak {f['peak_mb']:6.0f} MB")  # fmt: skip
            if path.suffix == ".xlsx":
                ratio = figures["full"]["ratio"]
                print(f"  target: full ingest within {TARGET}x the calamine floor: {ratio:.2f}x, "
                      f"{'met' if ratio <= TARGET else 'NOT met'}")  # fmt: skip


if __name__ == "__main__":
    main()
