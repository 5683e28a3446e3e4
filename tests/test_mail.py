"""Subscriptions and alerts sent through a real SMTP server running in the test (aiosmtpd), on stores on
SQLite and PostgreSQL holding a small register of two uploads.

The register: Kalimantan Barat (Sambas operating since 2020-09-01, Mempawah since 2022-03-01, Sanggau
planned) and Aceh Selatan (operating since 2024-06-01); in the second upload Sambas is back to planned
(its mall closed for repairs), so the region loses its operating MPP.
"""

from __future__ import annotations

import datetime as dt
import email
import io
import json
import socket
import threading
from email.message import EmailMessage
from email.policy import default as default_policy
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller

from mpp_data import service
from mpp_data.config import Settings
from mpp_data.errors import InvalidSubscription, NotAllowed
from mpp_data.store.snapshots import NewSnapshot, Store
from tests.cli import run_cli
from tests.conftest import ADMIN, ANALYST, stored_malls

D = dt.date
JAKARTA = ZoneInfo("Asia/Jakarta")
PARTICIPATION = pd.DataFrame(columns=["region_code", "mall_name", "agency", "present", "services", "sheet", "row"])


def register(sambas_open: bool) -> pd.DataFrame:
    rows = [
        ("MPP Sambas", "61.01", *(("operating", D(2020, 9, 1)) if sambas_open else ("planned", None))),
        ("MPP Mempawah", "61.02", "operating", D(2022, 3, 1)),
        ("MPP Sanggau", "61.03", "planned", None),
        ("MPP Aceh Selatan", "11.01", "operating", D(2024, 6, 1)),
    ]
    return stored_malls(rows)


def load(store: Store, sambas_open: bool) -> int:
    return store.save_snapshot(
        NewSnapshot(malls=register(sambas_open), participation=PARTICIPATION, files=[], data_as_of=D(2025, 1, 5))
    )


class Inbox:
    """An SMTP server's handler keeping every message; while ``failing`` it refuses them (451)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.failing = False

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.failing:
            return "451 4.3.0 Mailbox busy, try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox():
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    handler.env = {"MPP_SMTP_HOST": "127.0.0.1", "MPP_SMTP_PORT": str(controller.port),
                   "MPP_SMTP_FROM": "mpp@kemenpan.go.id", "MPP_BASE_URL": "https://mpp.example.go.id"}  # fmt: skip
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def loaded(store: Store) -> str:
    load(store, sambas_open=True)
    return store.engine.url.render_as_string(hide_password=False)


def next_monday_7(after: dt.datetime) -> dt.datetime:
    """The first Monday 07:00 in Jakarta after ``after``, in UTC."""
    local = after.astimezone(JAKARTA)
    day = local.date() + dt.timedelta(days=(7 - local.weekday()) % 7 or 7)
    return dt.datetime(day.year, day.month, day.day, 7, 0, tzinfo=JAKARTA).astimezone(dt.UTC)


def send_due(url: str, inbox: Inbox, now: dt.datetime) -> list[dict]:
    result = run_cli("send-due", "--json", "--now", now.isoformat(), "--db", url, env=inbox.env)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def attachment(message: EmailMessage, name: str) -> bytes:
    return next(p.get_content() for p in message.iter_attachments() if p.get_filename() == name)


def test_a_weekly_subscription_sends_once_a_week_whatever_the_runs(loaded, inbox):
    created = run_cli("subscriptions", "add", "Kepala@Kemenpan.go.id", "--every", "weekly", "--day", "mon",
                      "--time", "07:00", "--content", "summary", "--db", loaded)  # fmt: skip
    assert created.returncode == 0, created.stderr
    first = next_monday_7(dt.datetime.now(dt.UTC))
    hour = dt.timedelta(hours=1)
    runs = [
        (first - hour, 0),  # before the first slot: a new subscription waits for it
        (first + dt.timedelta(minutes=2), 1),
        (first + dt.timedelta(minutes=3), 0),  # the same slot again, the next minute
        (first + dt.timedelta(days=3), 0),
        (first + dt.timedelta(days=7) + hour, 1),
        (first + dt.timedelta(days=7) + 2 * hour, 0),
        (first + dt.timedelta(days=31), 1),  # three slots missed while nothing ran: one message, not three
        (first + dt.timedelta(days=31), 0),
    ]
    for now, expected in runs:
        before = len(inbox.messages)
        outcomes = send_due(loaded, inbox, now)
        assert len(inbox.messages) - before == expected, now
        assert [o["status"] for o in outcomes] == ["sent"] * expected
    assert [m["To"] for m in inbox.messages] == ["kepala@kemenpan.go.id"] * 3
    log = json.loads(run_cli("send-log", "--json", "--db", loaded).stdout)
    slots = sorted(r["slot"] for r in log)
    assert slots == sorted({(first + dt.timedelta(days=d)).isoformat() for d in (0, 7, 28)})
    assert {r["status"] for r in log} == {"sent"}


def test_the_summary_quotes_the_figures_of_metrics_json_and_what_changed(loaded, inbox, store):
    run_cli("subscriptions", "add", "a@kemenpan.go.id", "--every", "weekly", "--content", "summary", "--province",
            "Kalimantan Barat", "--lang", "en", "--basis", "panrb", "--db", loaded)  # fmt: skip
    first = next_monday_7(dt.datetime.now(dt.UTC))
    send_due(loaded, inbox, first + dt.timedelta(minutes=1))
    figures = json.loads(run_cli("metrics", "--json", "--province", "61", "--basis", "panrb", "--db", loaded).stdout)
    message = inbox.messages[-1]
    assert json.loads(attachment(message, "figures.json")) == figures
    body = message.get_body(("plain",)).get_content()
    # Kalimantan Barat on the PANRB basis: 2 of its 14 regions covered, as metrics says
    assert (figures["covered_units"], figures["total_units"]) == (2, 14)
    assert "Covered: 2 of 14 (14.3%)" in body
    assert "Operating MPPs: 2" in body
    assert "first message" in body
    assert "https://mpp.example.go.id/" in body
    assert message["Subject"] == "MPP briefing, Kalimantan Barat, as of 5 January 2025"
    load(store, sambas_open=False)
    send_due(loaded, inbox, first + dt.timedelta(days=7, minutes=1))
    body = inbox.messages[-1].get_body(("plain",)).get_content()
    assert "Covered: 1 of 14 (7.1%)" in body
    assert "Since the last send (as of 5 January 2025): covered -1, operating MPPs -1." in body


def test_a_refused_send_is_logged_and_retried_up_to_the_limit(loaded, inbox):
    run_cli("subscriptions", "add", "a@kemenpan.go.id", "--every", "monthly", "--day", "1", "--content", "summary",
            "--db", loaded)  # fmt: skip
    start = dt.datetime.now(dt.UTC).astimezone(JAKARTA)
    month = (start.replace(day=1) + dt.timedelta(days=32)).replace(day=1, hour=7, minute=0, second=0, microsecond=0)
    slot = month.astimezone(dt.UTC)
    inbox.failing = True
    env = {**inbox.env, "MPP_SEND_MAX_ATTEMPTS": "3"}
    result = run_cli("send-due", "--json", "--now", (slot + dt.timedelta(minutes=1)).isoformat(), "--db", loaded,
                     env=env)  # fmt: skip
    assert result.returncode == 1
    [failed] = json.loads(result.stdout)
    assert (failed["status"], failed["attempt"]) == ("failed", 1)
    assert "451" in failed["error"] and "Mailbox busy" in failed["error"]
    log = json.loads(run_cli("send-log", "--json", "--db", loaded).stdout)
    assert [(r["status"], r["attempt"], r["slot"]) for r in log] == [("failed", 1, slot.isoformat())]
    assert "451" in log[0]["error"]
    assert inbox.messages == []
    inbox.failing = False
    retried = json.loads(run_cli("send-due", "--json", "--now", (slot + dt.timedelta(minutes=6)).isoformat(),
                                 "--db", loaded, env=env).stdout)  # fmt: skip
    assert [(o["status"], o["attempt"]) for o in retried] == [("sent", 2)]
    assert len(inbox.messages) == 1
    again = json.loads(run_cli("send-due", "--json", "--now", (slot + dt.timedelta(minutes=11)).isoformat(),
                               "--db", loaded, env=env).stdout)  # fmt: skip
    assert again == [] and len(inbox.messages) == 1


def test_retries_stop_at_the_limit(loaded, inbox):
    run_cli("subscriptions", "add", "a@kemenpan.go.id", "--every", "weekly", "--content", "summary", "--db", loaded)
    first = next_monday_7(dt.datetime.now(dt.UTC))
    inbox.failing = True
    env = {**inbox.env, "MPP_SEND_MAX_ATTEMPTS": "2"}
    attempts = []
    for minutes in (1, 6, 11):
        result = run_cli("send-due", "--json", "--now", (first + dt.timedelta(minutes=minutes)).isoformat(), "--db",
                         loaded, env=env)  # fmt: skip
        attempts.append([o["attempt"] for o in json.loads(result.stdout)])
    assert attempts == [[1], [2], []]


def test_an_alert_fires_once_when_a_region_loses_its_mall(loaded, inbox, store):
    added = run_cli("alerts", "add", "tim@kemenpan.go.id", "--on", "region_lost_mall", "--province", "61",
                    "--lang", "en", "--db", loaded)  # fmt: skip
    assert added.returncode == 0, added.stderr
    now = dt.datetime.now(dt.UTC)
    assert send_due(loaded, inbox, now) == []  # one upload: nothing to compare with
    second = load(store, sambas_open=False)
    [outcome] = send_due(loaded, inbox, now + dt.timedelta(minutes=1))
    assert outcome["status"] == "sent"
    assert send_due(loaded, inbox, now + dt.timedelta(minutes=2)) == []
    assert send_due(loaded, inbox, now + dt.timedelta(days=1)) == []
    [message] = inbox.messages
    body = message.get_body(("plain",)).get_content()
    assert f"1 regencies/cities lost their operating MPP in snapshot #{second}: Kabupaten Sambas (61.01)." in body
    assert "https://mpp.example.go.id/gaps" in body
    assert message["Subject"] == "MPP alert: a region lost its MPP"
    fired = service.fired_alerts(store, actor=ADMIN)
    assert len(fired) == 1 and fired["snapshot_id"].tolist() == [second]


def test_an_alert_of_another_province_stays_quiet(loaded, inbox, store):
    run_cli("alerts", "add", "tim@kemenpan.go.id", "--on", "region_lost_mall", "--province", "11", "--db", loaded)
    load(store, sambas_open=False)
    assert send_due(loaded, inbox, dt.datetime.now(dt.UTC)) == []
    assert inbox.messages == []


def test_covered_count_alert_names_both_snapshots_in_indonesian(loaded, inbox, store):
    run_cli("alerts", "add", "tim@kemenpan.go.id", "--on", "coverage_changed", "--db", loaded)
    first = store.latest_snapshot_id()
    second = load(store, sambas_open=False)
    [outcome] = send_due(loaded, inbox, dt.datetime.now(dt.UTC))
    assert outcome["slot"] == f"coverage_changed:nation:{first}:{second}"
    body = inbox.messages[0].get_body(("plain",)).get_content()
    assert f"Jumlah tercakup nasional berubah dari 3 menjadi 2 (snapshot #{first} ke #{second})." in body


def test_covered_count_alert_waits_for_a_change_above_the_setting(loaded, inbox, store):
    run_cli("alerts", "add", "tim@kemenpan.go.id", "--on", "coverage_changed", "--db", loaded)
    load(store, sambas_open=False)
    env = {**inbox.env, "MPP_ALERT_COVERED_CHANGE": "1"}
    result = run_cli("send-due", "--json", "--db", loaded, env=env)
    assert json.loads(result.stdout) == [] and inbox.messages == []


def test_no_upload_alert_fires_once_after_the_days_set(loaded, inbox, store):
    run_cli("alerts", "add", "tim@kemenpan.go.id", "--on", "no_upload", "--db", loaded)
    now = dt.datetime.now(dt.UTC)
    assert send_due(loaded, inbox, now + dt.timedelta(days=29)) == []
    assert [o["status"] for o in send_due(loaded, inbox, now + dt.timedelta(days=31))] == ["sent"]
    assert send_due(loaded, inbox, now + dt.timedelta(days=32)) == []
    assert "Belum ada unggahan selama 31 hari" in inbox.messages[0].get_body(("plain",)).get_content()


def test_a_dry_run_says_what_is_due_and_sends_and_writes_nothing(loaded, inbox):
    run_cli("subscriptions", "add", "a@kemenpan.go.id", "--every", "weekly", "--content", "summary", "--db", loaded)
    now = next_monday_7(dt.datetime.now(dt.UTC)) + dt.timedelta(minutes=1)
    for _ in range(2):
        result = run_cli("send-due", "--dry-run", "--json", "--now", now.isoformat(), "--db", loaded, env=inbox.env)
        assert [o["status"] for o in json.loads(result.stdout)] == ["due"]
    assert inbox.messages == []
    assert json.loads(run_cli("send-log", "--json", "--db", loaded).stdout) == []


def test_send_now_sends_at_once_and_is_logged(loaded, inbox):
    run_cli("subscriptions", "add", "a@kemenpan.go.id", "--every", "weekly", "--content", "summary", "--db", loaded)
    result = run_cli("send-now", "1", "--db", loaded, env=inbox.env)
    assert result.returncode == 0, result.stderr
    assert "subscription:1" in result.stdout and len(inbox.messages) == 1
    assert [r["status"] for r in json.loads(run_cli("send-log", "--json", "--db", loaded).stdout)] == ["sent"]


def test_two_schedulers_at_once_on_one_postgresql_send_once(postgres_url, inbox):
    store = Store(postgres_url)
    load(store, sambas_open=True)
    service.add_subscription(store, ["a@kemenpan.go.id"], actor=ADMIN, frequency="weekly", content=["summary"])
    now = next_monday_7(dt.datetime.now(dt.UTC)) + dt.timedelta(minutes=1)
    settings = Settings.from_env({"MPP_DATABASE_URL": postgres_url, **inbox.env})
    start = threading.Barrier(4)
    outcomes: list[list] = []

    def run() -> None:
        own = Store(postgres_url)  # each its own engine, as two machines would have
        start.wait()
        outcomes.append(service.send_due(own, actor=ADMIN, settings=settings, now=now))
        own.dispose()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(len(o) for o in outcomes) == [0, 0, 0, 1]
    assert len(inbox.messages) == 1
    store.dispose()


def test_the_claim_key_refuses_a_second_claim_of_one_attempt(store):
    from mpp_data.store import mail as mail_store

    now = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    first = mail_store.claim(store, "subscription:1", "slot", ["a@x.go.id"], now, 3)
    assert first is not None
    assert mail_store.claim(store, "subscription:1", "slot", ["a@x.go.id"], now, 3) is None  # being sent
    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as conn:
        conn.execute(mail_store.send_log.insert().values(at=now, target="subscription:1", slot="slot", attempt=1,
                                                         recipients="[]", status="sending"))  # fmt: skip


def test_only_admins_manage_subscriptions_and_every_change_is_audited(loaded, store):
    with pytest.raises(NotAllowed):
        service.add_subscription(store, ["a@x.go.id"], actor=ANALYST, frequency="weekly")
    with pytest.raises(NotAllowed):
        service.send_log(store, actor=ANALYST)
    subscription = service.add_subscription(store, ["a@x.go.id"], actor=ADMIN, frequency="monthly", day="15")
    alert = service.add_alert(store, ["a@x.go.id"], actor=ADMIN, kind="plan_worse")
    service.remove_subscription(store, subscription, actor=ADMIN)
    service.remove_alert(store, alert, actor=ADMIN)
    events = service.audit_events(store, actor=ADMIN)
    assert events["action"].tolist()[::-1][-4:] == ["subscription.added", "alert.added", "subscription.removed",
                                                    "alert.removed"]  # fmt: skip
    assert set(events["actor"].tolist()[:4]) == {ADMIN.name}


@pytest.mark.parametrize(
    ("changes", "variant"),
    [
        ({"recipients": ["not an address"]}, "recipients"),
        ({"recipients": [f"u{i}@x.go.id" for i in range(51)]}, "recipients"),
        ({"frequency": "monthly", "day": "29"}, "day"),
        ({"day": "monday"}, "day"),
        ({"time_of_day": "7:00"}, "time"),
        ({"time_of_day": "24:00"}, "time"),
        ({"zone": "Asia/Nowhere"}, "zone"),
        ({"content": ["deck", "video"]}, "content"),
    ],
)
def test_bad_subscriptions_are_refused_and_nothing_is_stored(sqlite_store, changes, variant):
    arguments = {"recipients": ["a@x.go.id"], "frequency": "weekly", **changes}
    with pytest.raises(InvalidSubscription) as refused:
        service.add_subscription(sqlite_store, arguments.pop("recipients"), actor=ADMIN, **arguments)
    assert refused.value.params["variant"] == variant
    assert service.list_subscriptions(sqlite_store, actor=ADMIN) == []
    assert service.audit_events(sqlite_store, actor=ADMIN).empty


def test_a_bad_subscription_on_the_command_line_says_what_in_the_users_language(sqlite_url):
    result = run_cli("--lang", "en", "subscriptions", "add", "a@x.go.id", "--every", "weekly", "--time", "25:00",
                     "--db", sqlite_url)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == "Time “25:00” cannot be used: write HH:MM, for example 07:00. Nothing was saved."
    agreements = run_cli("alerts", "add", "a@x.go.id", "--on", "agreements_expiring", "--db", sqlite_url)
    assert agreements.returncode == 2 and "belum tersedia" in agreements.stderr


@pytest.mark.slow
def test_the_deck_and_gap_list_arrive_and_open(sqlite_store, inbox):
    from openpyxl import load_workbook
    from pptx import Presentation

    load(sqlite_store, sambas_open=True)
    url = sqlite_store.engine.url.render_as_string(hide_password=False)
    run_cli("subscriptions", "add", "a@kemenpan.go.id", "--every", "weekly", "--db", url)
    send_due(url, inbox, next_monday_7(dt.datetime.now(dt.UTC)) + dt.timedelta(minutes=1))
    [message] = inbox.messages
    figures = json.loads(run_cli("metrics", "--json", "--db", url).stdout)
    assert json.loads(attachment(message, "figures.json")) == figures
    names = [p.get_filename() for p in message.iter_attachments()]
    deck_name = next(n for n in names if n.endswith(".pptx"))
    assert deck_name == "bahan-rapat-mpp-nasional-2025-01-05.pptx"
    deck = Presentation(io.BytesIO(attachment(message, deck_name)))
    text = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert f"{figures['covered_units']}" in text and "514" in text
    gaps_name = next(n for n in names if n.endswith(".xlsx"))
    sheet = load_workbook(io.BytesIO(attachment(message, gaps_name))).active
    # 514 regions, 3 covered: 511 gap rows under a header
    assert sheet.max_row - 1 == figures["total_units"] - figures["covered_units"]


def test_plan_worse_names_the_province_and_both_statuses(loaded, inbox, store):
    # On the PANRB basis DKI Jakarta is one unit: its provincial mall operating makes it done; when the
    # next upload has that mall planned again it has a unit left and no pace of its own: off track.
    def with_dki(status: str, day: dt.date | None) -> int:
        malls = register(sambas_open=True)
        dki = malls.iloc[[0]].assign(mall_name="MPP Provinsi DKI Jakarta", region_code="31", province_code="31",
                                     region_written="MPP Provinsi DKI Jakarta", status=status, inaugurated_on=day,
                                     inaugurated_precision="day" if day else None, row=6)  # fmt: skip
        return store.save_snapshot(NewSnapshot(malls=pd.concat([malls, dki], ignore_index=True),
                                               participation=PARTICIPATION, files=[], data_as_of=D(2025, 1, 5)))  # fmt: skip

    with_dki("operating", D(2023, 5, 10))
    run_cli("alerts", "add", "tim@kemenpan.go.id", "--on", "plan_worse", "--db", loaded)
    env = {**inbox.env, "MPP_BASIS": "panrb"}
    quiet = run_cli("send-due", "--json", "--db", loaded, env=env)
    assert json.loads(quiet.stdout) == [], "DKI Jakarta became done: better, not worse"
    latest = with_dki("planned", None)
    [outcome] = json.loads(run_cli("send-due", "--json", "--db", loaded, env=env).stdout)
    assert outcome["status"] == "sent"
    body = inbox.messages[0].get_body(("plain",)).get_content()
    assert (
        f"Status rencana memburuk pada snapshot #{latest}: Daerah Khusus Ibukota Jakarta (Selesai → Tertinggal)."
        in body
    )
    assert "https://mpp.example.go.id/planner" in body
    assert json.loads(run_cli("send-due", "--json", "--db", loaded, env=env).stdout) == []
