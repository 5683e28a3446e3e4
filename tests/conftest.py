"""Shared fixtures: a store on SQLite in tmp_path, and the same on a real PostgreSQL database; the
command line in this process (``cli``); Hypothesis profiles; every browser test in the serial tier."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from hypothesis import HealthCheck, settings

from mpp_data.access import Actor, Role
from mpp_data.ingest.pipeline import UploadedFile
from mpp_data.store.snapshots import Store
from tests.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
#: Who the tests act as when they write: the service refuses a write without an actor allowed to do it.
ANALYST = Actor("analyst@example.go.id", Role.ANALYST)
ADMIN = Actor("admin@example.go.id", Role.ADMIN)
VIEWER = Actor("viewer@example.go.id", Role.VIEWER)
POSTGRES_ADMIN_URL = os.environ.get("MPP_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

# Property tests: `ci` (CI=true, and `make test`) draws the same examples on every run, from a seed derived
# from each test, and keeps no example database, so a run passes or fails the same way on every clone;
# no deadline, as the machine is shared. `dev` (the default; `make test-fast`) explores new examples.
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
settings.register_profile("dev")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@pytest.hookimpl(tryfirst=True)  # before `-m "not serial"` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser test starts a server and drives Chromium: it runs in the serial tier. An AppTest
    (tests/app) runs whole page scripts, seconds each: it is slow, left out of `make test-fast`."""
    app = ROOT / "tests" / "app"
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("serial"):
            item.add_marker(pytest.mark.serial)
        if item.path.is_relative_to(app) and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)


# argon2 at its production cost takes 0.1 s a hash on a quiet 2-core machine (0.7 s under load), and the sign-in
# tests make hundreds: in this process they hash at the least cost argon2 takes, with the same algorithm and
# code path. A test about what a hash costs (the same work for every failure) asks for `production_hashing`;
# processes the tests start (the command line, served dashboards) always hash at the production cost.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def _cheap_hashing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from mpp_data.service import access

    if request.node.get_closest_marker("production_hashing"):
        assert access._hasher.time_cost >= 2 and access._hasher.memory_cost >= 19 * 1024  # OWASP's floor
    else:
        monkeypatch.setattr(access, "_hasher", CHEAP_HASHER)
    access._decoy_hash.cache_clear()  # the decoy is made by the hasher in use: its cost is the decoy's
    yield
    access._decoy_hash.cache_clear()


@pytest.fixture
def cli():
    """``python -m mpp_data ARGS`` in this process: ``cli("metrics", "--json", "--db", url)`` gives
    ``returncode``, ``stdout``, ``stderr`` (``tests/cli.py``; ``run_cli_process`` for a real process)."""
    return run_cli


def sample_as_real_files() -> list[UploadedFile]:
    """The sample workbooks' rows in files that are not the bundled ones (opened and saved again), so a
    load of them counts as real data: the bundled files themselves are recognised by content."""
    import io

    import openpyxl

    from mpp_data.service import sample_files

    copies = []
    for sample in sample_files():
        buffer = io.BytesIO()
        openpyxl.load_workbook(io.BytesIO(sample.content)).save(buffer)
        copies.append(UploadedFile(sample.name.replace("_sample", "_export"), buffer.getvalue()))
    return copies


# Migrate once, copy per test: a new store costs its migration (0.5 s on SQLite, 1 to 1.5 s on PostgreSQL on
# this machine), paid once per test process here. ``sqlite_url`` and ``postgres_url`` are stores at the newest
# revision and nothing else, as ``Store(url)`` leaves a new one; ``new_sqlite_url`` and ``new_postgres_url``
# are nothing at all, for what a new store does (the migrations, processes starting together on one).


@pytest.fixture
def new_sqlite_url(tmp_path: Path) -> str:
    """Where no store is yet: a path in tmp_path with no file."""
    return f"sqlite:///{tmp_path / 'mpp.sqlite'}"


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "mpp.sqlite"
    Store(f"sqlite:///{path}").dispose()  # the last connection closed: the WAL is checkpointed into the file
    assert not path.with_name("mpp.sqlite-wal").exists()
    return path


@pytest.fixture
def sqlite_url(new_sqlite_url: str, _sqlite_template: Path) -> str:
    """A migrated, empty SQLite store of this test's own (a copy of the session's template, owner-only)."""
    path = Path(new_sqlite_url.removeprefix("sqlite:///"))
    shutil.copyfile(_sqlite_template, path)
    path.chmod(0o600)
    return new_sqlite_url


def _admin() -> sa.Engine:
    return sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")


@contextmanager
def _database(template: str | None = None) -> Iterator[str]:
    """A database of its own on the local server (a copy of ``template`` if named), dropped afterwards.
    Fails (not skips) when the server is down: CI starts it, and a skipped database test would hide a failure."""
    name = f"mpp_test_{uuid.uuid4().hex[:12]}"
    admin = _admin()
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        sa.create_engine(url).dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def new_postgres_url() -> Iterator[str]:
    """A new, empty database on the local PostgreSQL server, dropped afterwards."""
    with _database() as url:
        yield url


@pytest.fixture(scope="session")
def _postgres_template() -> Iterator[str]:
    """A migrated database to copy (``CREATE DATABASE ... TEMPLATE``): no connection may stay open on it."""
    with _database() as url:
        Store(url).dispose()
        yield sa.make_url(url).database


@pytest.fixture
def postgres_url(_postgres_template: str) -> Iterator[str]:
    """A migrated, empty database of this test's own on the local PostgreSQL server, dropped afterwards."""
    with _database(_postgres_template) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store on each backend."""
    url = request.getfixturevalue(f"{request.param}_url")
    store = Store(url)
    yield store
    store.dispose()


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[Store]:
    store = Store(sqlite_url)
    yield store
    store.dispose()


def stored_malls(rows: list[tuple]) -> pd.DataFrame:
    """A register as the store holds it, from ``(mall_name, region_code, status, inaugurated_on)`` rows:
    the province from the code, the name as written, day precision for dated malls, one Excel row each."""
    frame = pd.DataFrame(rows, columns=["mall_name", "region_code", "status", "inaugurated_on"])
    return frame.assign(
        province_code=frame["region_code"].str[:2], region_written=frame["mall_name"],
        inaugurated_precision=frame["inaugurated_on"].map(lambda d: None if d is None else "day"),
        agencies=pd.array([None] * len(frame), dtype="Int64"), services=pd.array([None] * len(frame), dtype="Int64"),
        sheet="MPP", row=pd.array(range(2, len(frame) + 2), dtype="Int64"),
    )[["mall_name", "region_code", "province_code", "region_written", "status", "inaugurated_on",
       "inaugurated_precision", "agencies", "services", "sheet", "row"]]  # fmt: skip
