"""The production set-up (``make serve``: ``scripts/serve.py``): HAProxy's verdict on its configuration, and
PostgreSQL, two dashboard processes and HAProxy on loopback, driven through the proxy. Issue 21.2."""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

import httpx
import pytest

from benchmarks.streamlit_client import Run, Viewer
from mpp_data import service
from mpp_data.service.access import FREE_FAILURES, sign_in_delay
from tests.conftest import ADMIN, ROOT, sample_as_real_files
from tests.server.conftest import OUTPUT, free_port, run_async, wait_ready

HAPROXY = "/usr/sbin/haproxy"


def _serve_module():
    spec = importlib.util.spec_from_file_location("mpp_serve_script", ROOT / "scripts" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("count", [1, 2, 5])
def test_haproxy_accepts_the_configuration_make_serve_writes(tmp_path: Path, count: int):
    serve = _serve_module()
    workers = [serve.Worker(f"w{i}", 9000 + i) for i in range(count)]
    path = tmp_path / "haproxy.cfg"
    path.write_text(serve.haproxy_config("127.0.0.1", 8500, workers))
    checked = serve.check_config(path)
    assert checked.returncode == 0, checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr
    text = path.read_text()
    assert "cookie MPP_SERVER insert" in text and "option httpchk GET /ready" in text
    assert "option forwardfor" in text  # the dashboards' sign-in throttle tells clients apart
    assert len(re.findall(r"^\s+server w\d+ 127\.0\.0\.1:\d+ cookie w\d+ check", text, re.M)) == count


def test_haproxy_accepts_the_configuration_in_deploy_and_the_units_run_the_launchers():
    checked = subprocess.run([HAPROXY, "-c", "-f", str(ROOT / "deploy" / "haproxy.cfg")], capture_output=True,
                             text=True, check=False)  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr
    assert "option forwardfor" in (ROOT / "deploy" / "haproxy.cfg").read_text()
    units = ROOT / "deploy" / "systemd"
    assert "scripts/run_dashboard.py --server.port=%i" in (units / "mpp-dashboard@.service").read_text()
    assert "scripts/serve.py" in (units / "mpp-serve.service").read_text()
    compose = (ROOT / "deploy" / "compose.yaml").read_text()
    assert "haproxy.cfg" in compose and "postgres" in compose


@dataclass
class Proxy:
    url: str
    process: subprocess.Popen
    workers: dict[str, tuple[int, int]]  # name -> (pid, port) as first started
    log: Path


@pytest.fixture
def proxy(postgres_url: str) -> Iterator[Proxy]:
    port = free_port()
    OUTPUT.mkdir(exist_ok=True)
    log = OUTPUT / f"serve-{port}.log"
    env = os.environ | {"MPP_DATABASE_URL": postgres_url, "MPP_PORT": str(port), "MPP_WORKERS": "2",
                        "MPP_BASE_URL": f"http://127.0.0.1:{port}"}  # fmt: skip
    out = log.open("w")
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve.py")], cwd=ROOT, env=env, stdout=out,
                               stderr=subprocess.STDOUT)  # fmt: skip
    try:
        workers = {}
        deadline = time.monotonic() + 120
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = {m[0]: (int(m[1]), int(m[2])) for m in
                       re.findall(r"worker (w\d) pid (\d+) port (\d+)", log.read_text())}  # fmt: skip
            if process.poll() is not None:
                pytest.fail(f"make serve stopped; see {log}")
            time.sleep(0.2)  # polling the log for what serve.py prints
        for _pid, worker_port in workers.values():
            wait_ready(f"http://127.0.0.1:{worker_port}", process, log)
        url = f"http://127.0.0.1:{port}"
        wait_ready(url, process, log)
        yield Proxy(url, process, workers, log)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        out.close()
    assert process.returncode == 0
    started = [int(pid) for pid in re.findall(r"(?:worker w\d|haproxy) pid (\d+)", log.read_text())]
    assert len(started) >= 3
    for pid in started:  # SIGTERM stopped everything serve.py started, the restarted process too
        assert not Path(f"/proc/{pid}").exists(), pid


def _sign_in(proxy: Proxy, store, email: str, role: str) -> dict[str, str]:
    service.add_user(store, email, role, actor=ADMIN)
    link = service.create_sign_in_link(store, email, actor=ADMIN, base_url=proxy.url)
    answer = httpx.get(link, follow_redirects=False, timeout=60)
    assert answer.status_code == 303
    cookies = {}
    for header in answer.headers.get_list("set-cookie"):
        cookies |= {k: m.value for k, m in SimpleCookie(header).items()}
    assert service.COOKIE in cookies and "MPP_SERVER" in cookies, cookies
    return cookies


def _run(url: str, cookies: dict[str, str], page: str = "") -> tuple[Run, str]:
    async def go() -> tuple[Run, str]:
        async with await Viewer.open(url, cookies=cookies) as viewer:
            return await viewer.run(page), viewer.session_id

    return run_async(go())


def _reconnect(url: str, cookies: dict[str, str]) -> Run:
    """Connect as the browser does after its connection broke: again while the proxy answers 502/503 (it
    has not yet seen the process stop)."""
    from websockets.exceptions import InvalidStatus

    deadline = time.monotonic() + 60
    while True:
        try:
            return _run(url, cookies)[0]
        except InvalidStatus as exc:
            if exc.response.status_code not in (502, 503) or time.monotonic() > deadline:
                raise
            time.sleep(0.5)  # the browser's own reconnect back-off


def _password_sign_in(url: str, email: str, password: str, *, source: str) -> float:
    """Send the sidebar's sign-in form as the browser does, from the loopback address ``source`` (each
    address is another client to the proxy); the seconds the run took."""

    async def go() -> float:
        async with await Viewer.open(url, source=source) as viewer:
            form = (await viewer.run()).widgets
            sent = await viewer.run(widgets={form["sign_in_email"]: email, form["sign_in_password"]: password,
                                             form["sign_in_submit"]: True})  # fmt: skip
            assert sent.finished == "FINISHED_SUCCESSFULLY", sent.finished
            return sent.seconds

    return run_async(go())


def _signed_in(run: Run) -> bool:
    assert run.finished == "FINISHED_SUCCESSFULLY", run.finished
    return run.contains('-sign_out"')


def _shows_snapshot(run: Run, snapshot_id: int) -> bool:
    return run.contains(f"unggahan #{snapshot_id} (")


@pytest.mark.serial
@pytest.mark.postgres
def test_two_processes_behind_haproxy_share_sign_ins_snapshots_and_withdrawals(proxy: Proxy, postgres_url: str):
    store = service.open_store(postgres_url)
    first_snapshot = service.latest_snapshot_id(store)
    analyst = _sign_in(proxy, store, "ana@example.go.id", "analyst")
    home = analyst["MPP_SERVER"]
    other = next(name for name in proxy.workers if name != home)

    run, _ = _run(proxy.url, analyst)
    assert _signed_in(run) and _shows_snapshot(run, first_snapshot)
    reloaded, _ = _run(proxy.url, analyst)  # a reload: a new connection with the same cookies
    assert _signed_in(reloaded)

    # wrong passwords sent through the proxy slow the client that sent them (the address the proxy
    # forwarded), for any e-mail: not the proxy's own address, not another client
    for attempt in range(FREE_FAILURES + 1):
        _password_sign_in(proxy.url, f"guess{attempt}@example.go.id", "wrong password!", source="127.0.0.2")
    assert service.recent_failures(store, "new@example.go.id", "127.0.0.2") == FREE_FAILURES + 1
    assert service.recent_failures(store, "new@example.go.id", "127.0.0.1") == 0
    assert service.recent_failures(store, "new@example.go.id", "127.0.0.3") == 0
    slowed = _password_sign_in(proxy.url, "new@example.go.id", "wrong password!", source="127.0.0.2")
    assert slowed >= sign_in_delay(FREE_FAILURES + 1, 10.0), slowed

    # an upload goes over HTTP to the process holding the browser's Streamlit session: the cookie pins it
    async def upload() -> list[int]:
        async with await Viewer.open(proxy.url, cookies=analyst) as viewer:
            await viewer.run("upload")
            xsrf = httpx.get(f"{proxy.url}/_stcore/health", cookies=analyst, timeout=60).cookies["_streamlit_xsrf"]
            jar = analyst | {"_streamlit_xsrf": xsrf}
            content = sample_as_real_files()[0].content
            return [httpx.put(f"{proxy.url}/_stcore/upload_file/{viewer.session_id}/f{i}", cookies=jar,
                              files={"file": ("mpp_export.xlsx", content)},
                              headers={"X-Xsrftoken": xsrf, "Origin": proxy.url}, timeout=120).status_code
                    for i in range(4)]  # fmt: skip

    assert run_async(upload()) == [204] * 4

    viewer = {"MPP_SERVER": other}  # an anonymous viewer pinned to the other process
    before, _ = _run(proxy.url, viewer)
    assert _shows_snapshot(before, first_snapshot)
    result = service.ingest_files(sample_as_real_files(), store=store, actor=service.Actor("ana@example.go.id",
                                  service.Role.ANALYST))  # fmt: skip
    loaded = result.snapshot_id
    assert loaded is not None and loaded != first_snapshot
    after, _ = _run(proxy.url, viewer)
    assert _shows_snapshot(after, loaded), "the other process sees the new snapshot at its next run"

    # the analyst's process stops: the next request lands on the other one, still signed in
    os.kill(proxy.workers[home][0], signal.SIGKILL)
    moved = _reconnect(proxy.url, analyst)
    assert _signed_in(moved) and _shows_snapshot(moved, loaded)

    # a withdrawal made by one process's store shows on the other at its next run
    service.withdraw_snapshot(store, loaded, actor=ADMIN, reason="uji")
    withdrawn, _ = _run(proxy.url, viewer)
    assert _shows_snapshot(withdrawn, first_snapshot)
    store.dispose()
