"""The SQLite store (password hashes, original files, the audit log) and ``var/`` are readable by their
owner only (issue 22: on main the store was created 0644, readable by every local user)."""

from __future__ import annotations

import os
import stat

from mpp_data import service
from mpp_data.store.snapshots import Store
from tests.conftest import ADMIN
from tests.unit.test_server_settings import launcher


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_store_and_its_folder_are_the_owners_only(tmp_path):
    previous = os.umask(0o022)  # the usual umask, which left the file 0644 on main
    try:
        folder = tmp_path / "var"
        store = service.open_store(f"sqlite:///{folder / 'mpp.sqlite'}")
        service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
        assert mode(folder) == 0o700
        files = sorted(folder.iterdir())
        assert {f.name for f in files} >= {"mpp.sqlite", "mpp.sqlite-wal", "mpp.sqlite-shm"}
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        store.dispose()
    finally:
        os.umask(previous)


def test_an_existing_store_readable_by_others_is_narrowed_on_opening(tmp_path):
    path = tmp_path / "mpp.sqlite"
    Store(f"sqlite:///{path}").dispose()
    path.chmod(0o644)
    Store(f"sqlite:///{path}").dispose()
    assert mode(path) == 0o600


def test_the_launchers_var_folder_is_the_owners_only(tmp_path):
    previous = os.umask(0o022)
    try:
        launcher().cookie_secret(tmp_path / "var")
    finally:
        os.umask(previous)
    assert mode(tmp_path / "var") == 0o700
    assert mode(tmp_path / "var" / "cookie_secret") == 0o600
