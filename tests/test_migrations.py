"""Schema migrations on SQLite and PostgreSQL: a store written before migrations is adopted with the
same figures, a new store is created by the revisions, and the tables in code match the revisions."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from mpp_data import service
from mpp_data.analysis.metrics import latest_data_date
from mpp_data.store import snapshots as live
from mpp_data.store.migrate import HEAD, MIGRATIONS_DIR, schema_revision
from tests.cli import run_cli
from tests.conftest import ANALYST, ROOT
from tests.loaders import workbooks as wb

# The tables exactly as the last build before migrations created them with ``metadata.create_all``.
# Frozen here on purpose: the live tables will move on through revisions, stores written then will not.
BEFORE_MIGRATIONS = sa.MetaData()
sa.Table("snapshots", BEFORE_MIGRATIONS,
         sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
         sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
         sa.Column("is_sample", sa.Boolean, nullable=False),
         sa.Column("source_files", sa.Text, nullable=False),
         sa.Column("malls_count", sa.Integer, nullable=False),
         sa.Column("participation_count", sa.Integer, nullable=False),
         sa.Column("rows_read", sa.Integer, nullable=False),
         sa.Column("rows_loaded", sa.Integer, nullable=False),
         sa.Column("rows_rejected", sa.Integer, nullable=False),
         sa.Column("rows_skipped", sa.Integer, nullable=False),
         sa.Column("carried_over", sa.Text, nullable=True))  # fmt: skip
sa.Table("malls", BEFORE_MIGRATIONS,
         sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False, index=True),
         sa.Column("mall_name", sa.Text, nullable=False),
         sa.Column("region_code", sa.String(8), nullable=False),
         sa.Column("province_code", sa.String(2), nullable=False),
         sa.Column("region_written", sa.Text),
         sa.Column("status", sa.String(24), nullable=False),
         sa.Column("inaugurated_on", sa.Date),
         sa.Column("agencies", sa.Integer),
         sa.Column("services", sa.Integer),
         sa.Column("sheet", sa.Text),
         sa.Column("row", sa.Integer))  # fmt: skip
sa.Table("participation", BEFORE_MIGRATIONS,
         sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False, index=True),
         sa.Column("region_code", sa.String(8), nullable=False),
         sa.Column("mall_name", sa.Text),
         sa.Column("agency", sa.Text, nullable=False),
         sa.Column("present", sa.Boolean, nullable=False),
         sa.Column("services", sa.Integer),
         sa.Column("sheet", sa.Text),
         sa.Column("row", sa.Integer))  # fmt: skip
sa.Table("participation_blocks", BEFORE_MIGRATIONS,
         sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), primary_key=True),
         sa.Column("format", sa.String(16), nullable=False),
         sa.Column("row_count", sa.Integer, nullable=False),
         sa.Column("content", sa.LargeBinary, nullable=False))  # fmt: skip
sa.Table("source_files", BEFORE_MIGRATIONS,
         sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
         sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id"), nullable=False, index=True),
         sa.Column("file_name", sa.Text, nullable=False),
         sa.Column("sha256", sa.String(64), nullable=False),
         sa.Column("size_bytes", sa.Integer, nullable=False),
         sa.Column("content", sa.LargeBinary, nullable=False),
         sa.Column("report", sa.Text, nullable=False))  # fmt: skip
sa.Table("region_aliases", BEFORE_MIGRATIONS,
         sa.Column("alias", sa.Text, primary_key=True),
         sa.Column("region_code", sa.String(8), nullable=False),
         sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=False))  # fmt: skip
sa.Table("boundary_files", BEFORE_MIGRATIONS,
         sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
         sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
         sa.Column("file_name", sa.Text, nullable=False),
         sa.Column("content", sa.Text, nullable=False))  # fmt: skip
OLD = BEFORE_MIGRATIONS.tables
#: Tables the revisions after the baseline create (0003_accounts, 0004_sessions, 0005_sign_in_failures).
ADDED_SINCE_BASELINE = {
    "users",
    "sign_in_links",
    "audit_log",
    "snapshot_withdrawals",
    "sessions",
    "sign_in_failures",
    "subscriptions",
    "alerts",
    "send_log",
    "fired_alerts",
    "kind_blocks",
}
DDL = ("CREATE", "ALTER", "DROP")
WRITES = (*DDL, "INSERT", "UPDATE", "DELETE")


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest) -> str:
    """Where no store is yet, on each backend."""
    return request.getfixturevalue(f"new_{request.param}_url")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every row of a store holding the sample workbooks, a confirmed alias, a boundary file and a
    snapshot written by an older build (participation as rows, no Parquet block); and its figures."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'mpp.sqlite'}"
    store = service.open_store(url)
    service.remember_alias(store, "Kab. Sangau", "61.03", actor=ANALYST)
    store.save_boundaries("batas.geojson", '{"type": "FeatureCollection", "features": []}')
    with store.engine.begin() as conn:
        first = dict(conn.execute(sa.select(OLD["snapshots"]).where(OLD["snapshots"].c.id == 1)).mappings().one())
        legacy = conn.execute(OLD["snapshots"].insert().values({**first, "id": 2, "source_files": '["lama.xlsx"]'}))
        legacy = legacy.inserted_primary_key[0]
        malls = conn.execute(sa.select(OLD["malls"]).where(OLD["malls"].c.snapshot_id == 1)).mappings().all()
        conn.execute(OLD["malls"].insert(), [{**m, "snapshot_id": legacy} for m in malls])
        participation = store.load_participation(1)
        rows = participation.astype(object).where(participation.notna(), None).to_dict("records")
        conn.execute(OLD["participation"].insert(), [{**r, "snapshot_id": legacy} for r in rows])
    with store.engine.connect() as conn:
        tables = {t.name: conn.execute(sa.select(t)).mappings().all() for t in BEFORE_MIGRATIONS.sorted_tables}
    expected = {
        "rows": tables,
        # on the date a store written before revision 0005 opens on: its newest inauguration date
        "figures": [
            service.national_figures(d, scope=service.ViewScope(as_of=latest_data_date(d.malls)))
            for d in (service.load_snapshot(store, i) for i in (1, legacy))
        ],  # fmt: skip
        "snapshots": _comparable(store.list_snapshots()),
        "aliases": store.load_aliases(),
        "participation": store.load_participation(1),
    }
    first_figures, legacy_figures = ({k: v for k, v in f.items() if k != "snapshot_id"} for f in expected["figures"])
    assert len(rows) > 1000 and first_figures == legacy_figures
    store.dispose()
    return expected


def write_store_before_migrations(url: str, reference: dict) -> None:
    """What the last build before migrations left: its tables, its rows, no ``alembic_version``."""
    engine = sa.create_engine(url)
    BEFORE_MIGRATIONS.create_all(engine)
    with engine.begin() as conn:
        for table in BEFORE_MIGRATIONS.sorted_tables:
            if reference["rows"][table.name]:
                conn.execute(table.insert(), [dict(r) for r in reference["rows"][table.name]])
        if engine.dialect.name == "postgresql":  # ids were given, so move the sequences on as inserts would
            for table in ("snapshots", "source_files", "boundary_files"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"))
    engine.dispose()


def schema_dump(engine: sa.Engine) -> dict:
    """Tables, columns (type, nullability, default), keys and indexes, as the database reports them."""
    inspector = sa.inspect(engine)
    return {
        table: {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], str(c["default"])) for c in inspector.get_columns(table)
            ],  # fmt: skip
            "primary_key": inspector.get_pk_constraint(table),
            "foreign_keys": sorted(map(repr, inspector.get_foreign_keys(table))),
            "indexes": sorted(map(repr, inspector.get_indexes(table))),
            "unique": sorted(map(repr, inspector.get_unique_constraints(table))),
        }
        for table in sorted(inspector.get_table_names())
    }


#: What each revision after the baseline adds, as ``schema_dump`` reports it (SQLite and PostgreSQL
#: name the type alike): a store adopted at the baseline gains exactly these.
LATER_COLUMNS = {
    "malls": [("inaugurated_precision", "VARCHAR(8)", True, "None"), ("counted_from", "DATE", True, "None")],
    "snapshots": [("data_as_of", "DATE", True, "None")],
}
LATER_DDL = (
    "ADD COLUMN INAUGURATED_PRECISION",
    "SIGN_IN_LINKS ADD COLUMN PURPOSE",
    "ADD COLUMN DATA_AS_OF",
    "ADD COLUMN COUNTED_FROM",
)


def with_later_revisions(dump: dict) -> dict:
    """``dump`` of the baseline schema as it stands after the later revisions."""
    changed = {table: dict(parts) for table, parts in dump.items()}
    for table, columns in LATER_COLUMNS.items():
        changed[table]["columns"] = [*changed[table]["columns"], *columns]
    return changed


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every SQL statement any engine sends while the test runs."""
    sent: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        sent.append(statement.strip().upper())

    sa.event.listen(sa.Engine, "before_cursor_execute", record)
    yield sent
    sa.event.remove(sa.Engine, "before_cursor_execute", record)


def _comparable(snapshots: pd.DataFrame) -> pd.DataFrame:
    """SQLite gives back UTC times without their zone, PostgreSQL with it."""
    times = pd.to_datetime(snapshots["created_at"])
    return snapshots.assign(
        created_at=times.dt.tz_localize("UTC") if times.dt.tz is None else times.dt.tz_convert("UTC")
    )


def test_a_store_written_before_migrations_opens_at_head_with_the_same_figures(url, reference, statements):
    write_store_before_migrations(url, reference)
    engine = sa.create_engine(url)
    before = schema_dump(engine)
    assert "alembic_version" not in before

    statements.clear()
    store = service.open_store(url)
    assert schema_revision(store.engine) == HEAD
    after = schema_dump(engine)
    assert after.pop("alembic_version")
    # adopted at the baseline: its tables are left as they were; later revisions add a column and tables
    assert {name: after[name] for name in before} == with_later_revisions(before)
    assert set(after) - set(before) == ADDED_SINCE_BASELINE
    assert not [s for s in statements if s.startswith(DDL) and "ALEMBIC_VERSION" not in s
                and not any(change in " ".join(s.split()) for change in LATER_DDL)
                and not any(f"CREATE TABLE {t.upper()}" in s or f"INDEX IX_{t.upper()}" in s
                            for t in ADDED_SINCE_BASELINE)]  # fmt: skip
    assert [
        service.national_figures(service.load_snapshot(store, i), scope=service.ViewScope()) for i in (1, 2)
    ] == reference["figures"]
    migrated = store.list_snapshots()
    # snapshots written before revision 0005 do not know the date their data describe
    assert migrated["data_as_of"].isna().all()
    pd.testing.assert_frame_equal(_comparable(migrated).drop(columns="data_as_of"),
                                  reference["snapshots"].drop(columns="data_as_of"))  # fmt: skip
    assert store.load_aliases() == reference["aliases"] == {"kabupaten sangau": "61.03"}
    # The older build's snapshot keeps its participation as rows and reads the same as a packed one.
    # Rows come back in no set order, so both are sorted.
    keys = ["region_code", "mall_name", "agency"]
    pd.testing.assert_frame_equal(
        store.load_participation(2).sort_values(keys, ignore_index=True),
        reference["participation"].sort_values(keys, ignore_index=True),
    )
    assert store.latest_boundaries()[1] == "batas.geojson"
    store.dispose()

    statements.clear()
    again = service.open_store(url)
    assert schema_revision(again.engine) == HEAD
    assert schema_dump(engine) == {**after, "alembic_version": schema_dump(engine)["alembic_version"]}
    assert not [s for s in statements if s.startswith(WRITES)], "a second start wrote to the store"
    # And the adopted store takes new uploads after its existing snapshots.
    batch = wb.xlsx({"MPP": [["Kabupaten/Kota", "Nama MPP", "Status"], ["Kota Depok", "MPP Kota Depok", "Beroperasi"]]})
    assert service.ingest_files([batch], again, actor=ANALYST).snapshot_id == 3
    again.dispose()
    engine.dispose()


def test_a_new_store_is_created_by_the_revisions_as_the_last_build_created_it(url):
    engine = sa.create_engine(url)
    BEFORE_MIGRATIONS.create_all(engine)
    created_all = schema_dump(engine)
    BEFORE_MIGRATIONS.drop_all(engine)

    store = service.open_store(url)
    assert schema_revision(store.engine) == HEAD
    migrated = schema_dump(engine)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]
    assert migrated.pop("alembic_version")
    assert {name: migrated[name] for name in created_all} == with_later_revisions(created_all)
    assert set(migrated) - set(created_all) == ADDED_SINCE_BASELINE
    store.dispose()
    engine.dispose()


def test_the_tables_in_code_match_the_migrated_schema(url):
    """A change to the tables without a revision fails here: write the revision (see README)."""
    store = live.Store(url)
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), live.metadata)
    assert differences == []
    store.dispose()


def test_head_names_the_newest_revision_file():
    assert ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == HEAD


# Alembic is imported before the start so that the children reach the database within milliseconds.
CHILD = """
import sys
import alembic.command, alembic.config
from mpp_data.store import Store
from mpp_data.store.migrate import schema_revision
print("ready", flush=True)
sys.stdin.readline()
print(schema_revision(Store(sys.argv[1]).engine), flush=True)
"""


@pytest.mark.slow  # real processes
def test_processes_starting_together_on_a_new_store_create_it_once(url):
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, url], cwd=ROOT, text=True,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]  # fmt: skip
    for child in children:  # every one imported and waiting, then all let go at once
        assert child.stdout.readline() == "ready\n"
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    results = [child.communicate(timeout=60) for child in children]
    assert [(child.returncode, out.strip()) for child, (out, _) in zip(children, results, strict=True)] == [
        (0, HEAD)
    ] * 3, [err for _, err in results]
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]
    assert set(schema_dump(engine)) == {"alembic_version", *OLD, *ADDED_SINCE_BASELINE}
    engine.dispose()


def test_cli_db_upgrade_adopts_a_store_written_before_migrations(url, reference):
    write_store_before_migrations(url, reference)
    current = run_cli("db", "current", "--db", url)
    assert (current.returncode, current.stdout.split()[0]) == (0, "none"), current.stderr
    upgrade = run_cli("db", "upgrade", "--db", url)
    assert (upgrade.returncode, upgrade.stdout.strip()) == (0, HEAD), upgrade.stderr
    assert run_cli("db", "current", "--db", url).stdout.strip() == HEAD
    store = live.Store(url)
    assert (
        service.national_figures(service.load_snapshot(store, 1), scope=service.ViewScope()) == reference["figures"][0]
    )
    store.dispose()


def test_db_current_does_not_create_a_sqlite_file(tmp_path: Path):
    path = tmp_path / "absent.sqlite"
    assert run_cli("db", "current", "--db", f"sqlite:///{path}").stdout.startswith("none")
    assert not path.exists()
