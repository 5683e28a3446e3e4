"""Server-side memory of one upload (issue #11): a 49 MB participation CSV checked, then loaded.

Each way runs in a fresh process that stands for the dashboard: the store open, the region list
loaded and (for the isolated way) the parse worker warm. It prints that process's resident memory
before, after the check (dry run), after the load and once the results are dropped, and its peak;
the parse worker's own peak is printed apart, since the worker is not the dashboard. "in_process" is
the way before issue #11 for comparison: the file read in the dashboard's process, once to check and
again to load. At the end Arrow's and malloc's unused memory is released, to show what stays held.

    python benchmarks/bench_upload_memory.py [--rows 780000]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import gc, json, resource, sys
sys.path.insert(0, sys.argv[3])
import dataclasses
from mpp_data.config import Settings
from mpp_data.ingest import isolation
from mpp_data.ingest.pipeline import IngestOptions, check_files
from mpp_data.reference.regions import RegionMatcher
from mpp_data.service import UploadedFile, cli_actor, ingest_files, store_checked
from mpp_data.store.snapshots import Store

ACTOR = cli_actor("benchmark")  # loads are audited: a trusted local admin

def rss():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:")) / 1024

isolated, path, db = sys.argv[1] == "isolated", sys.argv[2], sys.argv[4]
settings = dataclasses.replace(Settings.from_env(), max_upload_bytes=10**9)
store = Store(db)
RegionMatcher()
if isolated:
    isolation.warm_up(settings)
figures = {"start": rss()}
files = [UploadedFile.from_path(path)]
figures["file_in_memory"] = rss()
if isolated:
    checked = ingest_files(files, store, dry_run=True, settings=settings, actor=ACTOR)
    figures["after_check"] = rss()
    loaded = store_checked(checked, files, store, actor=ACTOR)
else:  # as before: the page checks, then loads, reading the file twice in the dashboard's process
    checked = check_files(files, store.load_aliases(), IngestOptions(settings=settings))
    figures["after_check"] = rss()
    loaded = store_checked(check_files(files, store.load_aliases(), IngestOptions(settings=settings)), files, store, actor=ACTOR)
assert loaded.snapshot_id is not None, loaded.messages("en")[:3]
figures["after_load"] = rss()
del checked, loaded
gc.collect()
figures["results_dropped"] = rss()
del files
gc.collect()
figures["upload_dropped"] = rss()
from mpp_data.service import release_unused_memory
release_unused_memory()  # as the Upload page does once a load is done
figures["memory_released"] = rss()
figures["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
run = isolation.last_run()
figures["worker_peak"] = run.worker_peak_mb if isolated and run else None
print(json.dumps(figures))
"""


def build_csv(path: Path, rows: int) -> None:
    sys.path.insert(0, str(ROOT))
    from mpp_data.reference.regions import official_regions

    regions = official_regions()["name"].tolist()
    agencies = ["KemenPANRB", "Kemendagri", "Polri", "BPJS Kesehatan", "BPJS TK", "Kemenag", "ATR/BPN", "Taspen"]
    agencies += [f"Tenant Swasta {i:02d}" for i in range(1, 43)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Kabupaten/Kota", "Nama MPP", "Instansi", "Jumlah Layanan"])
        for i in range(rows):
            region = regions[(i // len(agencies)) % len(regions)]
            writer.writerow([region, f"MPP {region}", agencies[i % len(agencies)], i % 20 + 1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=780_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "participation_49mb.csv"
        build_csv(path, args.rows)
        print(f"input: {path.name} {path.stat().st_size / 1e6:.1f} MB, {args.rows:,} rows")
        for way in ("isolated", "in_process"):
            db = f"sqlite:///{Path(tmp) / f'{way}.sqlite'}"
            out = subprocess.run([sys.executable, "-c", CHILD, way, str(path), str(ROOT), db], capture_output=True,
                                 text=True, check=True)  # fmt: skip
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"\n{way}: resident memory of the dashboard-like process, MB")
            for key, value in figures.items():
                if value is not None:
                    print(f"  {key:18s} {value:7.0f}")


if __name__ == "__main__":
    main()
