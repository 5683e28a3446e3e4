"""The Agencies page's work at ten times today's data (issue 21.6): the sample snapshot's malls and
participation repeated ten times under distinct mall names, then the time to follow an as-of change
(``agency_view`` and the work list of one agency, what the page computes for a new date).

    python benchmarks/bench_agencies.py [--times 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpp_data import service  # noqa: E402
from mpp_data.service.queries import SnapshotData  # noqa: E402


def scaled(frame: pd.DataFrame, times: int) -> pd.DataFrame:
    copies = []
    for i in range(times):
        copy = frame.copy()
        copy["mall_name"] = copy["mall_name"] + ("" if i == 0 else f" {i}")
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = service.open_store(f"sqlite:///{folder}/mpp.sqlite")
        data = service.load_snapshot(store)
        store.dispose()
    big = SnapshotData(
        data.snapshot,
        {"malls": scaled(data.malls, args.times), "participation": scaled(data.participation, args.times)},
    )
    latest = service.default_as_of(big)
    seconds = []
    for i in range(args.repeat):
        as_of = latest - dt.timedelta(days=7 * (i + 1))  # a new date each time: nothing cached
        started = time.perf_counter()
        scope = service.ViewScope(as_of=as_of)
        view = service.agency_view(big, scope=scope)
        service.agency_work_list(big, scope=scope, agency=str(view["presence"]["agency"].iloc[-1]))
        seconds.append(time.perf_counter() - started)
    print(f"{len(big.malls)} malls, {len(big.participation)} participation rows ({args.times}x the sample)")
    print(f"following an as-of change: median {statistics.median(seconds):.2f} s, best {min(seconds):.2f} s")


if __name__ == "__main__":
    main()
