"""Command line: ``python -m mpp_data {regions,metrics,agencies,ingest,diff,snapshots,export,briefing,db,users,audit}
...``. Writes act as ``cli:<os user>``: whoever can run this on the server can open the store anyway."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import sys
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from mpp_data import service
from mpp_data.config import Settings
from mpp_data.errors import MppDataError
from mpp_data.present.text import error_message, issue_message
from mpp_data.reference.regions import official_regions
from mpp_data.store.migrate import schema_revision
from mpp_data.store.snapshots import Store


def _plain(value: object) -> object:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    return [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in frame[columns].itertuples(index=False)]


def cmd_regions(args: argparse.Namespace) -> int:
    regions = official_regions()
    columns = ["code", "name", "kind", "province_code", "province_name"]
    if args.json:
        print(json.dumps(_rows(regions, columns), ensure_ascii=False, indent=1))
    else:
        print(regions[columns].to_string(index=False))
    return 0


def _as_of(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def cmd_metrics(args: argparse.Namespace) -> int:
    store = service.open_store(args.db)
    figures = service.national_figures(
        service.load_snapshot(store, args.snapshot), _as_of(args.as_of), _as_of(args.target_date), args.province
    )
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        for key, value in figures.items():
            if key not in ("provinces", "gaps"):
                print(f"{key}: {value}")
    return 0


def ingest_report(result: service.IngestResult, files: list[str]) -> dict:
    """The ``ingest --json`` object: every mall row read, participation, issues and counts."""
    malls = result.malls.copy()
    participation = result.participation
    issues = [
        {
            "file": i["file"],
            "sheet": i["sheet"],
            "row": _plain(i["row"]),
            "column": i["column"],
            "value": i["value"],
            "kind": i["kind"],
            "severity": i["severity"],
            "message_id": issue_message(i, "id"),
            "message_en": issue_message(i, "en"),
            "candidates": list(i["candidates"]),
        }  # fmt: skip
        for i in result.issues.to_dict("records")
    ]
    return {
        "files": files,
        "snapshot_id": result.snapshot_id,
        "carried_over": result.carried_over,
        "malls": _rows(
            malls,
            [
                "region_code",
                "region_name",
                "mall_name",
                "status",
                "inaugurated_on",
                "agencies",
                "services",
                "sheet",
                "row",
                "rejected",
            ],
        ),  # fmt: skip
        "participation": _rows(
            participation, ["region_code", "mall_name", "agency", "present", "services", "sheet", "row"]
        ),  # fmt: skip
        "issues": issues,
        "counts": result.counts,
    }


def cmd_ingest(args: argparse.Namespace) -> int:
    files = [service.UploadedFile.from_path(p) for p in args.paths]
    store = None if args.dry_run else Store(args.db or Settings.from_env().database_url)
    result = service.ingest_files(files, store, dry_run=args.dry_run, actor=cli_actor())
    if args.json:
        print(json.dumps(ingest_report(result, [f.name for f in files]), ensure_ascii=False, indent=1))
    else:
        for message in result.messages(args.lang):
            print(message)
        counts = result.counts
        print(
            f"rows read {counts['rows_read']} = loaded {counts['rows_loaded']} + rejected {counts['rows_rejected']}"
            f" + skipped {counts['rows_skipped']}; snapshot {result.snapshot_id or '-'}"
        )
    return result.exit_code


def cmd_agencies(args: argparse.Namespace) -> int:
    store = service.open_store(args.db)
    data = service.load_snapshot(store, args.snapshot)
    table = service.agency_presence(data, _as_of(args.as_of))
    records = [
        {
            "agency": r["agency"],
            "short_name": r["short_name"],
            "mou_signatory": bool(r["mou_signatory"]),
            "malls_present": int(r["malls_present"]),
            "operating_malls_with_data": int(r["operating_malls_with_data"]),
            "share_pct": float(r["share_pct"]),
            "missing": r["missing"],
        }  # fmt: skip
        for r in table.to_dict("records")
    ]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        for r in records:
            print(
                f"{r['short_name']:16s} {r['malls_present']:5d} / {r['operating_malls_with_data']:5d}  {r['share_pct']:5.1f}%"
            )
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    store = service.open_store(args.db)
    changes = service.snapshot_diff(store, args.before, args.after)
    if args.json:
        print(json.dumps(changes.as_json(), ensure_ascii=False, indent=1))
    else:
        print(", ".join(f"{k}: {v}" for k, v in changes.summary.items()))
    return 0


def cmd_snapshots(args: argparse.Namespace) -> int:
    store = service.open_store(args.db)
    frame = service.list_snapshots(store)
    records = _rows(frame, [c for c in frame.columns if c != "source_files"])
    for record, files in zip(records, frame["source_files"], strict=True):
        record["source_files"] = files
    print(json.dumps(records, ensure_ascii=False, indent=1, default=str))
    return 0


def cmd_briefing(args: argparse.Namespace) -> int:
    store = service.open_store(args.db)
    deck = service.briefing_deck(
        store, _as_of(args.as_of), _as_of(args.compare), args.province, args.snapshot, args.lang,
        _as_of(args.target_date),
    )  # fmt: skip
    with open(args.output, "wb") as out:
        out.write(deck)
    print(args.output)
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    """``db upgrade`` brings the store's schema to the newest revision; ``db current`` only reports it."""
    url = args.db or Settings.from_env().database_url
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


def cmd_export(args: argparse.Namespace) -> int:
    if args.table == "agency-work-list" and not args.agency:
        args.parser.error("agency-work-list needs --agency")
    store = service.open_store(args.db)
    snapshot_id = args.snapshot or service.latest_snapshot_id(store)
    if args.file and args.file not in {s.file_name for s in service.source_files(store, snapshot_id)}:
        args.parser.error(f"snapshot {snapshot_id} has no file {args.file!r}")
    export = service.export_table(
        store, snapshot_id, args.table, args.format, lang=args.lang, as_of=args.as_of, province=args.province,
        agency=args.agency, region=args.region, file=args.file, stages=tuple(args.stage), search=args.search,
    )  # fmt: skip
    if args.output == "-":
        sys.stdout.buffer.write(export.content)
    else:
        with open(args.output, "wb") as out:
            out.write(export.content)
        print(f"{args.output} ({export.file_name}, {len(export.content)} bytes)", file=sys.stderr)
    return 0


def cli_actor() -> service.Actor:
    return service.cli_actor(getpass.getuser())


def cmd_users(args: argparse.Namespace) -> int:
    store = service.open_store(args.db)
    actor = cli_actor()
    if args.action == "list":
        users = service.list_users(store, actor=actor)
        if args.json:
            print(json.dumps(_rows(users, list(users.columns)), ensure_ascii=False, indent=1, default=str))
        else:
            print(users.to_string(index=False) if len(users) else "no users")
    elif args.action == "add":
        service.add_user(store, args.email, args.role, actor=actor)
    elif args.action == "set-role":
        service.set_role(store, args.email, args.role, actor=actor)
    elif args.action == "disable":
        service.disable_user(store, args.email, actor=actor)
    elif args.action == "set-password":
        password = getpass.getpass(f"New password for {args.email}: ")
        if getpass.getpass("Again: ") != password:
            print("The two passwords differ; nothing was changed.", file=sys.stderr)
            return 1
        service.set_password(store, args.email, password, actor=actor)
    elif args.action == "sign-in-link":
        print(service.create_sign_in_link(store, args.email, actor=actor, base_url=args.base_url, minutes=args.minutes))
    return 0


def _add_users(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="who may sign in, and their roles (viewer, analyst, admin)")
    actions = users.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="every user")
    listing.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="add a user by email")
    add.add_argument("email")
    add.add_argument("--role", required=True, choices=[str(r) for r in service.Role])
    set_role = actions.add_parser("set-role", help="change a user's role")
    set_role.add_argument("email")
    set_role.add_argument("role", choices=[str(r) for r in service.Role])
    actions.add_parser("disable", help="stop a user signing in").add_argument("email")
    actions.add_parser("set-password", help="set a built-in password (asked for, never an argument)").add_argument(
        "email"
    )
    link = actions.add_parser("sign-in-link", help="print a one-time link that signs this user in")
    link.add_argument("email")
    link.add_argument("--base-url", help="the dashboard's address (default: MPP_BASE_URL or http://localhost:8501)")
    link.add_argument("--minutes", type=int, default=15)
    for parser in actions.choices.values():
        parser.add_argument("--db", help="database URL (default: MPP_DATABASE_URL or the local SQLite file)")
    users.set_defaults(func=cmd_users)


def cmd_audit(args: argparse.Namespace) -> int:
    store = service.open_store(args.db)
    since = dt.datetime.combine(args.since, dt.time(), tzinfo=dt.UTC) if args.since else None
    events = service.audit_events(store, actor=cli_actor(), since=since).iloc[::-1]
    rows = [
        {"at": e.at.isoformat(), "actor": e.actor, "role": e.role, "action": e.action, "object": e.object,
         "details": e.details}
        for e in events.itertuples(index=False)
    ]  # fmt: skip
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(f"{row['at']}  {row['actor']} ({row['role'] or '-'})  {row['action']}  {row['object'] or ''}")
    return 0


def _add_audit(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit", help="the audit log: who changed what, when (oldest first)")
    audit.add_argument("--since", type=_date, help="only events on or after this date (YYYY-MM-DD, UTC)")
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--db")
    audit.set_defaults(func=cmd_audit)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _region_code(text: str) -> str:
    if text not in set(official_regions()["code"]):
        raise argparse.ArgumentTypeError(f"not a kabupaten/kota code such as 61.03: {text!r}")
    return text


def _add_export(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="write a table a page offers for download, as the page's button does",
        description="Write one of the tables the pages offer for download, the same bytes as the page's "
        "button. Exit codes: 0 written, 2 bad arguments or no such snapshot.",
    )
    export.add_argument("table", choices=service.TABLES, help="which table (report: a snapshot's check report)")
    export.add_argument("--format", choices=service.FORMATS, required=True, help="csv or xlsx")
    export.add_argument("-o", "--output", required=True, help="file to write (- for standard output)")
    export.add_argument("--db", help="database URL (default: MPP_DATABASE_URL or the local SQLite file)")
    export.add_argument("--snapshot", type=int, help="snapshot id (default: the newest)")
    export.add_argument("--as-of", type=_date, help="YYYY-MM-DD (default: the latest date in the data)")
    export.add_argument("--province", choices=list(service.province_names()), metavar="CODE",
                        help="two-digit province code (default: all; provinces always lists all 38)")  # fmt: skip
    export.add_argument("--agency", choices=list(service.agency_names()), metavar="KEY",
                        help="agency of agency-work-list: " + ", ".join(service.agency_names()))  # fmt: skip
    export.add_argument("--region", type=_region_code, help="malls of one kabupaten/kota, by code (61.03)")
    export.add_argument("--file", help="report of one file of the snapshot (default: every file)")
    export.add_argument("--stage", action="append", default=[], choices=["under_construction", "planned", "none"],
                        help="gaps in this pipeline stage (repeatable; default: all)")  # fmt: skip
    export.add_argument("--search", default="", help="gaps whose name contains this text")
    export.add_argument(
        "--lang", choices=["id", "en"], default=argparse.SUPPRESS, help="language of headers and file name"
    )
    export.set_defaults(func=cmd_export, parser=export)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mpp_data", description="MPP acceleration dashboard data tools")
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="language of messages")
    sub = parser.add_subparsers(dest="command", required=True)

    regions = sub.add_parser("regions", help="the 514 official kabupaten/kota")
    regions.add_argument("--json", action="store_true")
    regions.set_defaults(func=cmd_regions)

    metrics = sub.add_parser("metrics", help="national coverage figures")
    metrics.add_argument("--json", action="store_true")
    metrics.add_argument("--db", help="database URL (default: MPP_DATABASE_URL or the local SQLite file)")
    metrics.add_argument("--as-of", help="YYYY-MM-DD (default: the latest date in the data)")
    metrics.add_argument("--snapshot", type=int, help="snapshot id (default: the newest)")
    metrics.add_argument("--target-date", help="YYYY-MM-DD for the required pace (default: MPP_TARGET_DATE)")
    metrics.add_argument("--province", help="two-digit province code (default: all)")
    metrics.set_defaults(func=cmd_metrics)

    ingest = sub.add_parser("ingest", help="load exports as a new snapshot")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--db")
    ingest.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
    ingest.add_argument("--json", action="store_true")
    ingest.set_defaults(func=cmd_ingest)

    agencies = sub.add_parser("agencies", help="presence of the 17 MoU agencies in operating malls")
    agencies.add_argument("--json", action="store_true")
    agencies.add_argument("--db")
    agencies.add_argument("--as-of", help="YYYY-MM-DD (default: the latest date in the data)")
    agencies.add_argument("--snapshot", type=int, help="snapshot id (default: the newest)")
    agencies.set_defaults(func=cmd_agencies)

    diff = sub.add_parser("diff", help="what changed between two snapshots")
    diff.add_argument("before", type=int)
    diff.add_argument("after", type=int)
    diff.add_argument("--db")
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(func=cmd_diff)

    briefing = sub.add_parser("briefing", help="the meeting briefing as an editable PowerPoint deck")
    briefing.add_argument("-o", "--output", required=True, help="FILE.pptx to write")
    briefing.add_argument("--db")
    briefing.add_argument("--as-of", help="YYYY-MM-DD (default: the latest date in the data)")
    briefing.add_argument("--compare", help="YYYY-MM-DD to compare with (default: twelve months before --as-of)")
    briefing.add_argument("--province", help="two-digit province code (default: national)")
    briefing.add_argument("--snapshot", type=int, help="snapshot id (default: the newest)")
    briefing.add_argument("--target-date", help="YYYY-MM-DD of full coverage (default: MPP_TARGET_DATE)")
    # SUPPRESS: the main --lang stays in force unless the deck's language is given here.
    briefing.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help="language of the deck")
    briefing.set_defaults(func=cmd_briefing)

    snapshots = sub.add_parser("snapshots", help="every snapshot, newest first")
    snapshots.add_argument("--db")
    snapshots.set_defaults(func=cmd_snapshots)

    db = sub.add_parser("db", help="the store's schema: upgrade to the newest revision, or show the current one")
    db.add_argument("action", choices=["upgrade", "current"])
    db.add_argument("--db", help="database URL (default: MPP_DATABASE_URL or the local SQLite file)")
    db.set_defaults(func=cmd_db)
    _add_export(sub)
    _add_users(sub)
    _add_audit(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except MppDataError as exc:
        print(error_message(exc.code, exc.params, args.lang), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
