"""The service enforces the rules on every write and records each in the audit log; built-in accounts
slow down after failures (never lock); one-time links work once and expire."""

from __future__ import annotations

import datetime as dt

import pytest

from mpp_data import service
from mpp_data.errors import (
    NoDataError,
    NotAllowed,
    SignInFailed,
    SignInLinkInvalid,
    WeakPassword,
)
from mpp_data.service import Actor, Role
from mpp_data.store import accounts
from tests.conftest import ADMIN, ANALYST, VIEWER, sample_as_real_files

GEOJSON = (
    b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kode": "61.03"},'
    b' "geometry": {"type": "Polygon", "coordinates": [[[110, 0], [111, 0], [111, 1], [110, 0]]]}}]}'
)
PASSWORD = "kata-sandi-yang-panjang"


@pytest.fixture
def store(sqlite_url):
    store = service.open_store(sqlite_url)
    yield store
    store.dispose()


def actions(store) -> list[str]:
    return accounts.load_events(store)["action"].tolist()


WRITES = {
    "load": lambda store, actor: service.ingest_files(service.sample_files(), store, actor=actor),
    "alias": lambda store, actor: service.remember_alias(store, "Depok Lama", "32.76", actor=actor),
    "boundaries": lambda store, actor: service.save_boundaries(
        store, "batas.geojson", GEOJSON, actor=actor, settings=service.Settings()
    ),
    "add user": lambda store, actor: service.add_user(store, "baru@example.go.id", "viewer", actor=actor),
    "set role": lambda store, actor: service.set_role(store, "admin@localhost", "viewer", actor=actor),
    "disable": lambda store, actor: service.disable_user(store, "admin@localhost", actor=actor),
    "password": lambda store, actor: service.set_password(store, "admin@localhost", PASSWORD, actor=actor),
    "link": lambda store, actor: service.create_sign_in_link(store, "admin@localhost", actor=actor),
    "withdraw": lambda store, actor: service.withdraw_snapshot(store, 1, actor=actor),
    "users": lambda store, actor: service.list_users(store, actor=actor),
    "audit": lambda store, actor: service.audit_events(store, actor=actor),
}
ANALYST_MAY = {"load", "alias"}


@pytest.mark.parametrize("write", sorted(WRITES))
@pytest.mark.parametrize("actor", [VIEWER, service.ANONYMOUS])
def test_a_viewer_or_anonymous_visitor_is_refused_every_write_and_nothing_changes(store, write, actor):
    service.first_start_link(store)
    before = store.counts()
    with pytest.raises(NotAllowed) as refused:
        WRITES[write](store, actor)
    assert refused.value.code == "error.not_allowed"
    assert store.counts() == before


@pytest.mark.parametrize("actor", [None, Actor("known@example.go.id", None)])
def test_no_actor_or_a_provider_user_without_a_role_may_not_load(store, actor):
    with pytest.raises(NotAllowed):
        WRITES["load"](store, actor)


@pytest.mark.parametrize("write", sorted(set(WRITES) - ANALYST_MAY))
def test_an_analyst_is_refused_admin_work(store, write):
    service.first_start_link(store)
    with pytest.raises(NotAllowed):
        WRITES[write](store, ANALYST)


def test_each_write_is_recorded_with_who_their_role_and_what(store):
    service.first_start_link(store)  # an admin besides ana: the only active admin could not be disabled
    # the sample's rows in other files: the bundled sample again would equal snapshot 1 and store nothing
    service.ingest_files(sample_as_real_files(), store, actor=ANALYST)
    service.remember_alias(store, "Depok Lama", "32.76", actor=ANALYST)
    service.save_boundaries(store, "batas.geojson", GEOJSON, actor=ADMIN, settings=service.Settings())
    service.add_user(store, "Ana@Example.go.id", "analyst", actor=ADMIN)
    service.set_role(store, "ana@example.go.id", "admin", actor=ADMIN)
    service.disable_user(store, "ana@example.go.id", actor=ADMIN)
    service.withdraw_snapshot(store, 2, actor=ADMIN, reason="wrong month")
    events = service.audit_events(store, actor=ADMIN).iloc[::-1]
    mine = events[events["actor"] != "system:first-start"]
    assert mine[["actor", "role", "action", "object"]].values.tolist() == [
        [ANALYST.name, "analyst", "snapshot.loaded", "2"],
        [ANALYST.name, "analyst", "alias.confirmed", "depok lama"],
        [ADMIN.name, "admin", "boundaries.set", "batas.geojson"],
        [ADMIN.name, "admin", "user.added", "ana@example.go.id"],
        [ADMIN.name, "admin", "user.role_changed", "ana@example.go.id"],
        [ADMIN.name, "admin", "user.disabled", "ana@example.go.id"],
        [ADMIN.name, "admin", "snapshot.withdrawn", "2"],
    ]
    assert mine["details"].iloc[4] == {"from": "analyst", "to": "admin"}
    assert service.loaded_by(store) == {1: "system:first-start", 2: ANALYST.name}


def test_a_withdrawn_snapshot_leaves_view_but_is_kept(store):
    second = service.ingest_files(sample_as_real_files(), store, actor=ANALYST).snapshot_id
    service.withdraw_snapshot(store, second, actor=ADMIN)
    assert service.latest_snapshot_id(store) == 1
    assert store.snapshot(second)["id"] == second
    with pytest.raises(NoDataError):  # the last one in view stays
        service.withdraw_snapshot(store, 1, actor=ADMIN)


def test_a_failed_load_is_refused_before_anything_is_read(store):
    with pytest.raises(NotAllowed):
        service.ingest_files([service.UploadedFile("x.xlsx", b"not a workbook")], store, actor=VIEWER)
    assert "upload.checked" not in actions(store)


def test_a_check_by_a_signed_in_analyst_is_recorded_and_a_viewer_may_not_load_after_it(store):
    result = service.ingest_files(service.sample_files(), store, dry_run=True, actor=ANALYST)
    assert result.snapshot_id is None
    assert actions(store)[-1] == "upload.checked"


@pytest.mark.parametrize("actor", [None, service.ANONYMOUS, VIEWER, Actor("known@example.go.id", None)])
@pytest.mark.parametrize("with_store", [True, False])
def test_a_check_is_refused_at_the_service_to_whoever_may_not_check_uploads(store, actor, with_store):
    # the upload page hides the uploader from them; a caller of the service is held the same
    before = store.counts()
    with pytest.raises(NotAllowed) as refused:
        service.ingest_files(service.sample_files(), store if with_store else None, dry_run=True, actor=actor)
    assert refused.value.params["action"] == "check_upload"
    assert store.counts() == before
    assert "upload.checked" not in actions(store)


# -- built-in accounts -----------------------------------------------------------------
def test_a_new_user_has_no_password_until_one_is_set(store):
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    with pytest.raises(SignInFailed):
        service.sign_in(store, "ana@example.go.id", "")
    with pytest.raises(WeakPassword):
        service.set_password(store, "ana@example.go.id", "short", actor=ADMIN)
    service.set_password(store, "ana@example.go.id", PASSWORD, actor=ADMIN)
    stored = accounts.load_user(store, "ana@example.go.id")["password_hash"]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert service.sign_in(store, " Ana@example.go.id ", PASSWORD) == Actor("ana@example.go.id", Role.ANALYST)
    assert actions(store)[-1] == "sign_in"


def test_failed_attempts_never_lock_out_the_right_password(store):
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    service.set_password(store, "ana@example.go.id", PASSWORD, actor=ADMIN)
    now = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    for _ in range(12):
        with pytest.raises(SignInFailed):
            service.sign_in(store, "ana@example.go.id", "wrong password!", now=now, max_delay_s=0)
    assert service.recent_failures(store, "ana@example.go.id", now=now) == 12
    # on main five failures locked the account for 15 minutes and refused the right password
    assert service.sign_in(store, "ana@example.go.id", PASSWORD, now=now, max_delay_s=0).signed_in
    assert service.recent_failures(store, "ana@example.go.id", now=now) == 0
    # one row for the 1st and one for the 10th failure of the window, not one per attempt
    assert actions(store).count("sign_in.failed") == 2
    assert "account.locked" not in actions(store)


def test_a_disabled_user_cannot_sign_in(store):
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    service.set_password(store, "ana@example.go.id", PASSWORD, actor=ADMIN)
    service.disable_user(store, "ana@example.go.id", actor=ADMIN)
    with pytest.raises(SignInFailed):
        service.sign_in(store, "ana@example.go.id", PASSWORD)
    assert service.actor_for_email(store, "ana@example.go.id").role is None


def test_a_provider_email_takes_its_role_from_the_store(store):
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    assert service.record_provider_sign_in(store, "ANA@example.go.id") == Actor("ana@example.go.id", Role.ANALYST)
    assert service.actor_for_email(store, "stranger@example.com") == Actor("stranger@example.com", None)


# -- one-time links ----------------------------------------------------------------------
def test_a_sign_in_link_works_once_and_only_its_hash_is_kept(store):
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    link = service.create_sign_in_link(store, "ana@example.go.id", actor=ADMIN, base_url="https://mpp.example/")
    assert link.startswith("https://mpp.example/?signin=")
    token = link.split("signin=")[1]
    with store.engine.connect() as conn:
        kept = conn.execute(accounts.sign_in_links.select()).mappings().one()
    assert token not in kept["token_hash"]
    assert service.redeem_sign_in_link(store, token) == Actor("ana@example.go.id", Role.ANALYST)
    with pytest.raises(SignInLinkInvalid):
        service.redeem_sign_in_link(store, token)
    assert actions(store)[-3:] == ["sign_in_link.created", "sign_in", "sign_in.failed"]


def test_a_sign_in_link_expires(store):
    service.add_user(store, "ana@example.go.id", "analyst", actor=ADMIN)
    token = service.create_sign_in_link(store, "ana@example.go.id", actor=ADMIN, minutes=15).split("signin=")[1]
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16)
    with pytest.raises(SignInLinkInvalid):
        service.redeem_sign_in_link(store, token, now=later)
    with pytest.raises(SignInLinkInvalid):
        service.redeem_sign_in_link(store, "made-up")


def test_first_start_makes_an_admin_with_no_password_and_a_link_until_a_real_admin_exists(store):
    link = service.first_start_link(store, "http://localhost:8501")
    assert link is not None
    admin = service.redeem_sign_in_link(store, link.split("signin=")[1])
    assert admin == Actor(service.FIRST_ADMIN, Role.ADMIN)
    assert accounts.load_user(store, service.FIRST_ADMIN)["password_hash"] is None
    service.add_user(store, "kepala@example.go.id", "admin", actor=admin)
    assert service.first_start_link(store) is None


def test_each_start_makes_a_fresh_first_start_link_until_an_admin_signs_in_and_then_every_one_is_void(store):
    first = service.first_start_link(store).split("signin=")[1]
    second = service.first_start_link(store).split("signin=")[1]  # nobody has used the first yet
    cli_link = service.create_sign_in_link(store, service.FIRST_ADMIN, actor=ADMIN).split("signin=")[1]
    assert service.redeem_sign_in_link(store, second).role == "admin"
    assert service.first_start_link(store) is None
    with pytest.raises(SignInLinkInvalid):  # on main it stayed valid for 24 hours
        service.redeem_sign_in_link(store, first)
    assert service.redeem_sign_in_link(store, cli_link).role == "admin"  # a link made by an admin still works


def test_a_load_records_the_analysts_column_corrections(store):
    files = sample_as_real_files()
    overrides = {(files[0].name, "MPP"): {"Keterangan": "ignore"}}
    service.ingest_files(files, store, actor=ANALYST, column_overrides=overrides)
    loaded = accounts.load_events(store).iloc[-1]
    assert (loaded["action"], loaded["details"]["column_overrides"]) == (
        "snapshot.loaded",
        {f"{files[0].name} / MPP": {"Keterangan": "ignore"}},
    )
