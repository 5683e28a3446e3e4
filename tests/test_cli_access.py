"""``python -m mpp_data users ...`` and ``audit``: the command line manages users, prints one-time links,
and its writes are recorded as ``cli:<os user>``."""

from __future__ import annotations

import getpass
import json
import subprocess
import sys

import pytest

from mpp_data import service
from mpp_data.__main__ import main
from tests.cli import run_cli
from tests.conftest import ROOT

PASSWORD = "kata-sandi-yang-panjang"


def test_users_add_list_set_role_disable_and_audit(sqlite_url):
    assert run_cli("users", "add", "Ana@Example.go.id", "--role", "analyst", "--db", sqlite_url).returncode == 0
    assert run_cli("users", "add", "budi@example.go.id", "--role", "viewer", "--db", sqlite_url).returncode == 0
    assert run_cli("users", "set-role", "budi@example.go.id", "admin", "--db", sqlite_url).returncode == 0
    assert run_cli("users", "disable", "ana@example.go.id", "--db", sqlite_url).returncode == 0
    listed = run_cli("users", "list", "--json", "--db", sqlite_url)
    assert listed.returncode == 0, listed.stderr
    users = {u["email"]: u for u in json.loads(listed.stdout)}
    assert {e: (u["role"], u["active"]) for e, u in users.items()} == {
        "ana@example.go.id": ("analyst", False),
        "budi@example.go.id": ("admin", True),
    }
    assert "password_hash" not in users["budi@example.go.id"]

    audit = run_cli("audit", "--json", "--db", sqlite_url)
    assert audit.returncode == 0, audit.stderr
    events = [e for e in json.loads(audit.stdout) if e["actor"].startswith("cli:")]
    me = f"cli:{getpass.getuser()}"
    assert [(e["actor"], e["action"], e["object"]) for e in events] == [
        (me, "user.added", "ana@example.go.id"),
        (me, "user.added", "budi@example.go.id"),
        (me, "user.role_changed", "budi@example.go.id"),
        (me, "user.disabled", "ana@example.go.id"),
    ]
    assert all({"at", "actor", "action"} <= set(e) for e in events)
    assert json.loads(run_cli("audit", "--since", "2999-01-01", "--json", "--db", sqlite_url).stdout) == []


def test_a_wrong_role_or_unknown_user_is_told_in_plain_words(sqlite_url):
    unknown = run_cli("--lang", "en", "users", "disable", "nobody@example.go.id", "--db", sqlite_url)
    assert (unknown.returncode, unknown.stderr.strip()) == (2, "There is no user nobody@example.go.id. Add them on the Users page first.")  # fmt: skip
    assert run_cli("users", "add", "x@example.go.id", "--role", "boss", "--db", sqlite_url).returncode == 2


@pytest.mark.slow  # a real process
def test_set_password_prompts_and_the_password_signs_in(sqlite_url):
    run_cli("users", "add", "ana@example.go.id", "--role", "analyst", "--db", sqlite_url)
    # no terminal: getpass reads the two answers from standard input
    prompted = subprocess.run(
        [sys.executable, "-m", "mpp_data", "users", "set-password", "ana@example.go.id", "--db", sqlite_url],
        cwd=ROOT, input=f"{PASSWORD}\n{PASSWORD}\n", capture_output=True, text=True, timeout=120,
        start_new_session=True,
    )  # fmt: skip
    assert prompted.returncode == 0, prompted.stderr
    assert PASSWORD not in prompted.stdout
    store = service.open_store(sqlite_url)
    assert service.sign_in(store, "ana@example.go.id", PASSWORD).name == "ana@example.go.id"
    store.dispose()


def test_sign_in_link_prints_a_link_that_works_once(sqlite_url):
    run_cli("users", "add", "ana@example.go.id", "--role", "analyst", "--db", sqlite_url)
    made = run_cli("users", "sign-in-link", "ana@example.go.id", "--base-url", "https://mpp.example", "--minutes",
                   "5", "--db", sqlite_url)  # fmt: skip
    assert made.returncode == 0, made.stderr
    link = made.stdout.strip()
    assert link.startswith("https://mpp.example/?signin=")
    store = service.open_store(sqlite_url)
    assert service.redeem_sign_in_link(store, link.split("signin=")[1]).role == "analyst"
    store.dispose()


def test_cli_ingest_is_recorded_as_the_os_user(sqlite_url):
    sample = ROOT / "sample_data" / service.SAMPLE_FILES[0]
    assert run_cli("ingest", str(sample), "--db", sqlite_url).returncode == 0
    events = json.loads(run_cli("audit", "--json", "--db", sqlite_url).stdout)
    assert (events[-1]["actor"], events[-1]["action"]) == (f"cli:{getpass.getuser()}", "snapshot.loaded")


@pytest.mark.parametrize("minutes", ["-5", "0", "10081", "1000000000000"])
def test_a_link_lifetime_out_of_range_is_one_line_and_exit_2(sqlite_url, capsys, minutes):
    """On main ``--minutes -5`` made a dead link silently and ``--minutes 1000000000000`` a traceback."""
    assert main(["users", "add", "ana@example.go.id", "--role", "analyst", "--db", sqlite_url]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "users", "sign-in-link", "ana@example.go.id", "--minutes", minutes,
                 "--db", sqlite_url]) == 2  # fmt: skip
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"A link lifetime of {minutes} minutes cannot be used: choose 1 to 10080 minutes (7 days)."
    ]


def test_users_enable_lets_a_disabled_user_in_again(sqlite_url, capsys):
    assert main(["users", "add", "ana@example.go.id", "--role", "analyst", "--db", sqlite_url]) == 0
    assert main(["users", "disable", "ana@example.go.id", "--db", sqlite_url]) == 0
    assert main(["users", "enable", "ana@example.go.id", "--db", sqlite_url]) == 0
    capsys.readouterr()
    assert main(["users", "list", "--json", "--db", sqlite_url]) == 0
    assert [(u["email"], u["active"]) for u in json.loads(capsys.readouterr().out)] == [("ana@example.go.id", True)]
    assert main(["audit", "--json", "--db", sqlite_url]) == 0
    assert [e["action"] for e in json.loads(capsys.readouterr().out)][-2:] == ["user.disabled", "user.enabled"]


@pytest.mark.parametrize("email", ["ana\x1b[2J@example.go.id", "ana\u202e@example.go.id", "ana\x9b@example.go.id"])
def test_an_email_with_control_characters_cannot_be_added(sqlite_url, email):
    assert main(["users", "add", email, "--role", "viewer", "--db", sqlite_url]) == 2


def test_users_end_sessions_signs_a_user_out_everywhere(sqlite_url):
    store = service.open_store(sqlite_url)
    service.add_user(store, "ana@example.go.id", "analyst", actor=service.cli_actor("t"))
    rules = service.SessionRules()
    tokens = [
        service.start_from_link(
            store, service.create_sign_in_link(store, "ana@example.go.id", actor=service.cli_actor("t")).split(
                "signin=")[1], rules,
        ).token
        for _ in range(2)
    ]  # fmt: skip
    ended = run_cli("users", "end-sessions", "ana@example.go.id", "--db", sqlite_url)
    assert ended.returncode == 0, ended.stderr
    assert ended.stdout.strip() == "2"
    assert [service.session_actor(store, token, rules) for token in tokens] == [service.ANONYMOUS] * 2
    store.dispose()


@pytest.mark.parametrize(("lang", "said"), [("id", "Pengguna ana@example.go.id ditambahkan sebagai analis."),
                                            ("en", "User ana@example.go.id was added as analyst.")])  # fmt: skip
def test_users_add_says_who_was_added_in_the_cli_language(sqlite_url, capsys, lang, said):
    """On main ``users add`` printed nothing: a person could not tell it had worked."""
    assert main(["--lang", lang, "users", "add", "Ana@Example.go.id", "--role", "analyst", "--db", sqlite_url]) == 0
    assert capsys.readouterr().out.splitlines() == [said]


def test_set_password_prompts_in_the_cli_language(sqlite_url, capsys, monkeypatch):
    """On main the prompts were English in an Indonesian command line."""
    assert main(["users", "add", "ana@example.go.id", "--role", "analyst", "--db", sqlite_url]) == 0
    capsys.readouterr()
    prompts: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or PASSWORD)  # the terminal only
    assert main(["users", "set-password", "ana@example.go.id", "--db", sqlite_url]) == 0
    assert prompts == ["Kata sandi baru untuk ana@example.go.id: ", "Ulangi kata sandi: "]
    assert capsys.readouterr().out.splitlines() == ["Kata sandi ana@example.go.id disimpan."]
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    assert main(["users", "set-password", "ana@example.go.id", "--db", sqlite_url]) == 1
    assert capsys.readouterr().err.splitlines() == ["Kedua kata sandi berbeda; tidak ada yang diubah."]


@pytest.mark.parametrize("command", [["users"], ["users", "add"], ["users", "set-password"]])
def test_users_help_lists_only_its_own_exit_codes(capsys, command):
    """On main ``users --help`` listed exit codes about dates, provinces and snapshots."""
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    codes = capsys.readouterr().out.split("exit codes:")[1]
    assert "set-password" in codes
    assert not any(word in codes for word in ("date", "province", "snapshot", "141"))
