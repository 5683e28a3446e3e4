"""The command line's administration: ``users ...``, ``audit`` and ``db upgrade|current``. Every write
to the figures' guard rails is made as ``cli:<os user>``, a trusted local admin, and is audited."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from mpp_data import service
from mpp_data.cli_args import DB_HELP, store_of
from mpp_data.present import console
from mpp_data.present.text import t
from mpp_data.store.migrate import schema_revision
from mpp_data.store.snapshots import Store


def cli_actor() -> service.Actor:
    return service.cli_actor(getpass.getuser())


def cmd_users(args: argparse.Namespace) -> int:
    store = store_of(args)
    actor = cli_actor()
    if args.action == "list":
        users = service.list_users(store, actor=actor)
        if args.json:
            print(console.json_text(users.to_dict("records")))
        else:
            print(console.render_table(users, args.lang) if len(users) else "no users")
    elif args.action == "add":
        service.add_user(store, args.email, args.role, actor=actor)
        role = t(f"role.{args.role}", args.lang)
        print(console.printable(t("cli.user_added", args.lang, email=args.email.strip().lower(), role=role)))
    elif args.action == "set-role":
        service.set_role(store, args.email, args.role, actor=actor)
    elif args.action == "disable":
        service.disable_user(store, args.email, actor=actor)
    elif args.action == "enable":
        service.enable_user(store, args.email, actor=actor)
    elif args.action == "set-password":
        email = console.printable(args.email)
        password = getpass.getpass(t("cli.password_prompt", args.lang, email=email))
        if getpass.getpass(t("cli.password_again", args.lang)) != password:
            print(t("cli.passwords_differ", args.lang), file=sys.stderr)
            return 1
        service.set_password(store, args.email, password, actor=actor)
        print(console.printable(t("cli.password_set", args.lang, email=args.email)))
    elif args.action == "end-sessions":
        print(service.end_user_sessions(store, args.email, actor=actor))
    elif args.action == "sign-in-link":
        print(
            service.create_sign_in_link(
                store, args.email, actor=actor, base_url=args.base_url or args.settings.base_url, minutes=args.minutes
            )
        )
    return 0


#: ``users``' own exit codes: no dates, provinces or snapshots here.
USERS_EXIT_CODES = """exit codes:
  0    done
  1    set-password: the two passwords typed differ; nothing was changed
  2    a bad argument: an unknown user or role, an address already added, a weak password, the last admin"""


def add_users(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser(
        "users", help="who may sign in, and their roles (viewer, analyst, admin)", epilog=USERS_EXIT_CODES
    )
    actions = users.add_subparsers(
        dest="action",
        required=True,
        help="what to do: list, add, set-role, disable, enable, end-sessions, set-password, sign-in-link",
    )
    listing = actions.add_parser("list", help="every user")
    listing.add_argument("--json", action="store_true", help="print JSON (email, role, active, ...) instead of a table")
    add = actions.add_parser("add", help="add a user by email")
    add.add_argument("email", help="the user's email address")
    add.add_argument("--role", required=True, choices=[str(r) for r in service.Role], help="viewer, analyst or admin")
    set_role = actions.add_parser("set-role", help="change a user's role")
    set_role.add_argument("email", help="the user's email address")
    set_role.add_argument("role", choices=[str(r) for r in service.Role], help="the new role")
    actions.add_parser("disable", help="stop a user signing in").add_argument("email", help="the user's email address")
    actions.add_parser("enable", help="let a disabled user sign in again").add_argument(
        "email", help="the user's email address"
    )
    actions.add_parser(
        "end-sessions", help="sign a user out of every browser (prints how many sessions ended)"
    ).add_argument("email", help="the user's email address")
    actions.add_parser("set-password", help="set a built-in password (asked for, never an argument)").add_argument(
        "email", help="the user's email address"
    )
    link = actions.add_parser("sign-in-link", help="print a one-time link that signs this user in")
    link.add_argument("email", help="the user's email address")
    link.add_argument("--base-url", help="the dashboard's address (default: MPP_BASE_URL or http://localhost:8501)")
    link.add_argument(
        "--minutes", type=int, default=15, help="minutes the link stays valid, 1 to 10080 (7 days; default: 15)"
    )
    for parser in actions.choices.values():
        parser.epilog = USERS_EXIT_CODES
        parser.add_argument("--db", help="database URL (default: MPP_DATABASE_URL or the local SQLite file)")
    users.set_defaults(func=cmd_users)


def cmd_audit(args: argparse.Namespace) -> int:
    store = store_of(args)
    since = dt.datetime.combine(args.since, dt.time(), tzinfo=dt.UTC) if args.since else None
    events = service.audit_events(store, actor=cli_actor(), since=since).iloc[::-1]
    rows = [
        {
            "at": e.at.isoformat(),
            "actor": e.actor,
            "role": e.role,
            "action": e.action,
            "object": e.object,
            "details": e.details,
        }
        for e in events.itertuples(index=False)
    ]
    if args.json:
        print(console.json_text(rows))
    else:
        for row in rows:  # the actor and object of a failed sign-in are whatever a visitor typed
            print(
                console.printable(
                    f"{row['at']}  {row['actor']} ({row['role'] or '-'})  {row['action']}  {row['object'] or ''}"
                )
            )
    return 0


def add_audit(sub: argparse._SubParsersAction, date_type: Callable[[str], dt.date]) -> None:
    audit = sub.add_parser("audit", help="the audit log: who changed what, when (oldest first)")
    audit.add_argument("--since", type=date_type, help="only events on or after this date (YYYY-MM-DD, UTC)")
    audit.add_argument("--json", action="store_true", help="print JSON (at, actor, role, action, object, details)")
    audit.add_argument("--db", help="database URL (default: MPP_DATABASE_URL or the local SQLite file)")
    audit.set_defaults(func=cmd_audit)


def cmd_db(args: argparse.Namespace) -> int:
    """``db upgrade`` brings the store's schema to the newest revision; ``db current`` only reports it."""
    url = args.settings.database_url
    if args.action == "upgrade":
        store = Store(url)  # opening a store upgrades it
        revision = schema_revision(store.engine)
    elif url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        revision = None  # looking must not create the file
    else:
        engine = sa.create_engine(url)
        revision = schema_revision(engine)
        engine.dispose()
    print(revision or "none (no schema yet, or written before migrations: run `db upgrade`)")
    return 0


def add_db(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="the store's schema: upgrade to the newest revision, or show the current one")
    db.add_argument("action", choices=["upgrade", "current"], help="upgrade the schema, or print its revision")
    db.add_argument("--db", help=DB_HELP)
    db.set_defaults(func=cmd_db)
