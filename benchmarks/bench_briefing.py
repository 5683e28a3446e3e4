"""Briefing benchmark: the time and size of a national meeting deck on the sample data (prints figures).

Each round runs in a fresh process, as the command line does: ``python -m mpp_data briefing`` on a
store that already holds the sample (opening the store and imports are timed, since a user waits for
them too), then the same call inside one process twice (the second shows the cost without process start,
as in the running dashboard). The target (issue #15): a national deck under 20 s.

    python benchmarks/bench_briefing.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IN_PROCESS = """
import sys, time
from mpp_data import service
store = service.open_store(sys.argv[1])
for _ in range(2):
    started = time.perf_counter()
    deck = service.briefing_deck(store, scope=service.ViewScope(), settings=service.Settings.from_env())
    print(f"{time.perf_counter() - started:.2f} {len(deck)}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'mpp.sqlite'}"
        deck = Path(folder) / "briefing.pptx"
        subprocess.run([sys.executable, "-m", "mpp_data", "snapshots", "--db", url], cwd=ROOT, check=True,
                       capture_output=True)  # fmt: skip  # loads the sample before the clock starts
        cold = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mpp_data", "briefing", "--db", url, "-o", str(deck)], cwd=ROOT,
                           check=True, capture_output=True)  # fmt: skip
            cold.append(time.perf_counter() - started)
        size = deck.stat().st_size
        warm = subprocess.run([sys.executable, "-c", IN_PROCESS, url], cwd=ROOT, check=True, capture_output=True,
                              text=True).stdout.split()  # fmt: skip
    print(f"national deck, command line (fresh process): median {statistics.median(cold):.2f} s "
          f"over {len(cold)} runs ({', '.join(f'{s:.2f}' for s in cold)})")  # fmt: skip
    print(f"national deck, in one process: first {float(warm[0]):.2f} s, second {float(warm[2]):.2f} s")
    print(f"file size: {size / 1024:.0f} KiB ({size:,} bytes)")


if __name__ == "__main__":
    main()
