"""``make serve``: the production set-up on one machine, in the foreground.

``MPP_WORKERS`` dashboard processes (default 2, each ``scripts/run_dashboard.py`` on a loopback port of its
own, in production settings) behind HAProxy (Debian's ``/usr/sbin/haproxy``) on ``MPP_PORT`` (default 8500,
on ``MPP_ADDRESS``), all on the one store ``MPP_DATABASE_URL`` names (PostgreSQL for more than one process).
HAProxy pins each browser to one process with a cookie (uploads go over HTTP to the process that holds
the browser's Streamlit session), checks each process at ``/ready`` and sends browsers elsewhere when one
stops; sign-ins are sessions in the store, so they survive the move. A dashboard process that stops is
started again; SIGTERM or SIGINT stops everything this started, and so does HAProxy stopping.
"""

from __future__ import annotations

import dataclasses
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpp_data.config import Settings, environment_has, environment_with  # noqa: E402 - after the project folder is on the path

VAR = ROOT / "var"


@dataclass(frozen=True)
class Worker:
    name: str
    port: int


def free_port(address: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((address, 0))
        return sock.getsockname()[1]


def haproxy_config(address: str, port: int, workers: list[Worker], *, stats_socket: Path | None = None) -> str:
    """HAProxy's configuration: cookie stickiness, health checks at ``/ready``, websockets held open."""
    servers = "\n".join(
        f"    server {w.name} 127.0.0.1:{w.port} cookie {w.name} check inter 2s fall 2 rise 1" for w in workers
    )
    stats = f"    stats socket {stats_socket} mode 600 level admin\n" if stats_socket else ""
    return f"""# Made by scripts/serve.py (make serve) as var/haproxy-<port>.cfg; deploy/haproxy.cfg is one for two processes.
global
    maxconn 4096
{stats}
defaults
    mode http
    option redispatch
    retries 3
    timeout connect 5s
    timeout client 60s
    timeout server 120s
    # a browser's websocket stays open while its tab does
    timeout tunnel 8h
    timeout http-request 30s
    # the client's address for the dashboards (MPP_TRUSTED_PROXY names this proxy): its sign-in throttle
    option forwardfor

frontend mpp
    bind {address}:{port}
    http-request set-header X-Forwarded-Proto https if {{ ssl_fc }}
    default_backend dashboards

backend dashboards
    balance leastconn
    # each browser keeps to one process: its uploads reach the process holding its Streamlit session
    cookie MPP_SERVER insert indirect nocache httponly
    option httpchk GET /ready
    http-check expect status 200
{servers}
"""


def check_config(path: Path, haproxy: str = Settings().haproxy) -> subprocess.CompletedProcess:
    """``haproxy -c``: HAProxy's own verdict on a configuration file."""
    return subprocess.run([haproxy, "-c", "-q", "-f", str(path)], capture_output=True, text=True, check=False)


def _supervise(workers: list[Worker], config: Path, env: dict[str, str], listen: str, haproxy: str) -> int:
    """Start the dashboards and HAProxy; start a dashboard again when it stops; stop all on SIGTERM/SIGINT."""
    stopping = False

    def stop(*_args: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def start(worker: Worker) -> subprocess.Popen:
        child = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "run_dashboard.py"),
                                  f"--server.port={worker.port}", "--server.headless=true"], cwd=ROOT, env=env)  # fmt: skip
        print(f"worker {worker.name} pid {child.pid} port {worker.port}", flush=True)
        return child

    running: dict[Worker, subprocess.Popen] = {}
    proxy: subprocess.Popen | None = None
    try:
        for worker in workers:
            running[worker] = start(worker)
        proxy = subprocess.Popen([haproxy, "-W", "-db", "-f", str(config)], cwd=ROOT)
        print(f"haproxy pid {proxy.pid} on {listen}", flush=True)
        while not stopping:
            if proxy.poll() is not None:
                print("haproxy stopped: stopping the dashboards", file=sys.stderr, flush=True)
                return 1
            for worker, child in list(running.items()):
                if child.poll() is not None and not stopping:
                    # as systemd's Restart=on-failure would: HAProxy sends its browsers to the others meanwhile
                    print(f"worker {worker.name} stopped ({child.returncode}): starting it again", file=sys.stderr,
                          flush=True)  # fmt: skip
                    running[worker] = start(worker)
            time.sleep(0.2)
        return 0
    finally:
        _stop_all([c for c in [proxy, *running.values()] if c is not None])


def _stop_all(children: list[subprocess.Popen]) -> None:
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + 20
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def main() -> int:
    settings = Settings.from_env()
    port, count = settings.port, settings.workers
    if count < 1:
        print("MPP_WORKERS must be 1 or more", file=sys.stderr)
        return 2
    if count > 1 and settings.database_url.startswith("sqlite"):
        print("note: several processes on one SQLite file work, but PostgreSQL is what they are tested on",
              file=sys.stderr)  # fmt: skip
    workers = [Worker(f"w{i + 1}", free_port()) for i in range(count)]
    VAR.mkdir(mode=0o700, exist_ok=True)
    config = VAR / f"haproxy-{port}.cfg"
    config.write_text(haproxy_config(settings.address, port, workers))
    checked = check_config(config, settings.haproxy)
    if checked.returncode != 0:
        print(checked.stdout + checked.stderr, file=sys.stderr)
        return 2

    # the store is opened (migrated, sample loaded, first-start link made) once, before the workers start
    sys.path.insert(0, str(ROOT / "scripts"))
    from run_dashboard import first_start_link, show_first_start_link

    base_url = settings.base_url if environment_has("MPP_BASE_URL") else f"http://localhost:{port}"
    # on the terminal and in var/first-start-link only: never into the service's output or log
    show_first_start_link(first_start_link(dataclasses.replace(settings, base_url=base_url)))

    # production unless MPP_PRODUCTION says otherwise; the workers listen on loopback only
    production = "1" if settings.production or not environment_has("MPP_PRODUCTION") else "0"
    env = environment_with(MPP_PRODUCTION=production, MPP_ADDRESS="127.0.0.1", MPP_BASE_URL=base_url,
                           MPP_FIRST_START_LINK="0",
                           MPP_TRUSTED_PROXY=",".join(settings.trusted_proxy) or "127.0.0.1")  # fmt: skip
    return _supervise(workers, config, env, f"{settings.address}:{port}", settings.haproxy)


if __name__ == "__main__":
    sys.exit(main())
