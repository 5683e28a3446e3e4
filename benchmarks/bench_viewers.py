"""Viewers per second (issue 21.3): Streamlit's websocket protocol spoken without a browser
(``benchmarks/streamlit_client.py``), so the server does all the work a view costs and nothing else.

1. One process each, started as production starts them (file watcher off): the bare page
   (``benchmarks/bare_page.py``) and every dashboard page. ``--viewers`` viewers at once each open a page
   ``--views`` times (a new connection each time, as a new tab does); pages per second and the ratio to
   the bare page are printed.
2. ``make serve`` with two processes (``scripts/serve.py``): 50 and 100 viewers opening the Overview at
   once through HAProxy; how long each waited for its page (p50, p95, max) and how many were not served.

    python benchmarks/bench_viewers.py [--viewers 8] [--views 4] [--crowds 50,100] [--skip-proxy]

The figures depend on the machine and on what else runs on it: say which when you quote them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.streamlit_client import Viewer  # noqa: E402

PAGES = ["", "map", "provinces", "gaps", "agencies", "region", "history"]
# the bare page as issue 21 measured it (file watcher off), and with the launcher's production options too
WATCHER_OFF = ["--server.fileWatcherType=none", "--server.runOnSave=false", "--server.headless=true",
               "--browser.gatherUsageStats=false"]  # fmt: skip
AS_PRODUCTION = [*WATCHER_OFF, "--runner.postScriptGC=false"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=os.environ | env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


async def _open_page(url: str, page: str) -> float:
    started = time.perf_counter()
    async with await Viewer.open(url) as viewer:
        run = await viewer.run(page, texts=False)
    if run.finished != "FINISHED_SUCCESSFULLY":
        raise RuntimeError(f"{page or 'overview'}: {run.finished}")
    return time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """The CPU time a process has used (user + system): what a view costs the server, whatever else runs on
    a shared machine, where wall-clock rates follow the other load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def pages_per_second(url: str, page: str, viewers: int, views: int, pid: int) -> tuple[float, float]:
    """Pages per wall-clock second, and per CPU second of the server process."""
    await _open_page(url, page)  # the first view of a page builds what is cached

    async def one_viewer() -> None:
        for _ in range(views):
            await _open_page(url, page)

    started, cpu = time.perf_counter(), cpu_seconds(pid)
    await asyncio.gather(*(one_viewer() for _ in range(viewers)))
    pages = viewers * views
    return pages / (time.perf_counter() - started), pages / max(1e-9, cpu_seconds(pid) - cpu)


async def crowd(url: str, size: int) -> tuple[list[float], int]:
    """``size`` viewers opening the Overview at the same moment: each one's wait, and how many failed."""
    results = await asyncio.gather(*(_open_page(url, "") for _ in range(size)), return_exceptions=True)
    waits = [r for r in results if isinstance(r, float)]
    return waits, size - len(waits)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def one_process(args: argparse.Namespace, store: str) -> None:
    bare_port, prod_port, dash_port = free_port(), free_port(), free_port()
    bare = start([sys.executable, "-m", "streamlit", "run", str(ROOT / "benchmarks" / "bare_page.py"),
                  f"--server.port={bare_port}", *WATCHER_OFF], {})  # fmt: skip
    bare_prod = start([sys.executable, "-m", "streamlit", "run", str(ROOT / "benchmarks" / "bare_page.py"),
                       f"--server.port={prod_port}", *AS_PRODUCTION], {})  # fmt: skip
    dashboard = start([sys.executable, str(ROOT / "scripts" / "run_dashboard.py"), f"--server.port={dash_port}",
                       "--server.headless=true"], {"MPP_DATABASE_URL": store, "MPP_PRODUCTION": "1"})  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{bare_port}/_stcore/health")
        wait_for(f"http://127.0.0.1:{prod_port}/_stcore/health")
        wait_for(f"http://127.0.0.1:{dash_port}/ready")
        first_visit = asyncio.run(_open_page(f"http://127.0.0.1:{dash_port}", ""))
        print(f"first visit of the freshly started dashboard (once /ready answers): {first_visit:.2f} s to the whole"
              " Overview")  # fmt: skip
        base, base_cpu = asyncio.run(
            pages_per_second(f"http://127.0.0.1:{bare_port}", "", args.viewers, args.views, bare.pid)
        )
        prod, prod_cpu = asyncio.run(
            pages_per_second(f"http://127.0.0.1:{prod_port}", "", args.viewers, args.views, bare_prod.pid)
        )
        print(f"one process, {args.viewers} viewers x {args.views} views each; per CPU second of the server,")
        print("and the ratio of a view's CPU cost to the bare page's (with the same production options)")
        print(f"  {'bare page':<12} {base:6.1f} pages/s  {base_cpu:6.1f} pages/CPU-s  (file watcher off only)")
        print(f"  {'bare, prod':<12} {prod:6.1f} pages/s  {prod_cpu:6.1f} pages/CPU-s  (postScriptGC off too)")
        base_cpu = prod_cpu
        for page in PAGES:
            rate, per_cpu = asyncio.run(
                pages_per_second(f"http://127.0.0.1:{dash_port}", page, args.viewers, args.views, dashboard.pid)
            )
            print(f"  {page or 'overview':<12} {rate:6.1f} pages/s  {per_cpu:6.1f} pages/CPU-s"
                  f"  {base_cpu / per_cpu:4.2f}x")  # fmt: skip
    finally:
        stop(bare)
        stop(bare_prod)
        stop(dashboard)


def through_proxy(args: argparse.Namespace, store: str) -> None:
    port = free_port()
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    with log.open("w") as out:
        serve = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve.py")], cwd=ROOT, stdout=out,
                                 stderr=subprocess.STDOUT, env=os.environ | {"MPP_DATABASE_URL": store,
                                 "MPP_PORT": str(port), "MPP_WORKERS": "2"})  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while len(re.findall(r"worker w\d pid \d+ port (\d+)", log.read_text())) < 2:
            if time.monotonic() > deadline or serve.poll() is not None:
                raise SystemExit(f"make serve did not start; see {log}")
            time.sleep(0.2)
        for worker_port in re.findall(r"worker w\d pid \d+ port (\d+)", log.read_text()):
            wait_for(f"http://127.0.0.1:{worker_port}/ready")
        url = f"http://127.0.0.1:{port}"
        wait_for(f"{url}/ready")
        asyncio.run(crowd(url, 4))  # each process has built the Overview once
        print("two processes behind HAProxy, viewers opening the Overview at once")
        for size in args.crowds:
            waits, failed = asyncio.run(crowd(url, size))
            print(f"  {size:>4} viewers: p50 {statistics.median(waits):5.2f} s  p95 {percentile(waits, 0.95):5.2f} s"
                  f"  max {max(waits):5.2f} s  not served {failed}")  # fmt: skip
    finally:
        stop(serve)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--viewers", type=int, default=8)
    parser.add_argument("--views", type=int, default=4)
    parser.add_argument("--crowds", default="50,100", type=lambda s: [int(n) for n in s.split(",")])
    parser.add_argument("--skip-proxy", action="store_true")
    parser.add_argument("--database-url", help="a store to serve (default: a new SQLite file with the sample)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = args.database_url or f"sqlite:///{folder}/mpp.sqlite"
        one_process(args, store)
        if not args.skip_proxy:
            through_proxy(args, store)


if __name__ == "__main__":
    main()
