"""Dashboard processes started as ``make run`` starts them (``scripts/run_dashboard.py``: ``app.py`` with the
app's routes and middleware), each on a free loopback port, waited for until ``/ready`` answers."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from mpp_data import service
from tests.conftest import ADMIN, ROOT

OUTPUT = ROOT / "test-output"


def run_async(coro):  # a coroutine and what it returns
    """``asyncio.run`` on a thread of its own: the browser tests of the same process (Playwright's sync API)
    leave an event loop running on the main thread, where ``asyncio.run`` refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


class Loop:
    """An event loop kept across several steps of one test, running on a thread of its own (see run_async)."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Served:
    url: str
    process: subprocess.Popen
    log: Path

    @property
    def rss_mb(self) -> float:
        """The process's resident memory (the launcher execs Streamlit: this pid is the server)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise AssertionError("no VmRSS")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def wait_ready(url: str, process: subprocess.Popen, log: Path, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the dashboard stopped; see {log}")
        try:
            with urllib.request.urlopen(f"{url}/ready", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)  # polling for readiness, not waiting a fixed time for a result
    pytest.fail(f"the dashboard did not become ready; see {log}")


def start(database_url: str, name: str, **env: str) -> Served:
    port = free_port()
    OUTPUT.mkdir(exist_ok=True)
    log = OUTPUT / f"served-{name}-{port}.log"
    environment = os.environ | {"MPP_DATABASE_URL": database_url, "MPP_BASE_URL": f"http://127.0.0.1:{port}"} | env
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "run_dashboard.py"), f"--server.port={port}",
             "--server.headless=true"],  # fmt: skip
            cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    served = Served(f"http://127.0.0.1:{port}", process, log)
    try:
        wait_ready(served.url, process, log)
    except BaseException:
        served.stop()
        raise
    return served


def session_cookie(base_url: str, database_url: str, email: str, role: str) -> str:
    """Sign ``email`` in through the served app's link route; the cookie's token."""
    import httpx

    store = service.open_store(database_url)
    if service.actor_for_email(store, email).role is None:
        service.add_user(store, email, role, actor=ADMIN)
    link = service.create_sign_in_link(store, email, actor=ADMIN, base_url=base_url)
    store.dispose()
    response = httpx.get(link, follow_redirects=False, timeout=60)
    assert response.status_code == 303, response.text
    jar = SimpleCookie(response.headers["set-cookie"])
    return jar[service.COOKIE].value


@pytest.fixture(scope="module")
def served_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('served') / 'mpp.sqlite'}"


@pytest.fixture(scope="module")
def served(served_store: str) -> Iterator[Served]:
    """One process in production settings, small upload limits (1 MB, 2 files a session) and a Host list."""
    server = start(served_store, "production", MPP_PRODUCTION="1", MPP_MAX_UPLOAD_MB="1",
                   MPP_UPLOAD_FILES_PER_SESSION="2", MPP_ALLOWED_HOSTS="127.0.0.1,localhost")  # fmt: skip
    yield server
    server.stop()
