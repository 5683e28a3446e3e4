"""Command line: ``python -m mpp_data {regions,metrics,plan,agencies,agreements,visits,ingest,diff,snapshots,export,briefing,db,users,audit,
subscriptions,alerts,send-due,send-now,send-log}
...``. Writes act as ``cli:<os user>``: whoever can run this on the server can open the store anyway."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

import pandas as pd

from mpp_data import cli_accounts, cli_mail, cli_use, service
from mpp_data.cli_args import (
    AS_OF_HELP,
    BASIS_HELP,
    DB_HELP,
    INGEST_EXIT_CODES,
    JSON_HELP,
    PROVINCE_HELP,
    SNAPSHOT_HELP,
    Parser,
    date_arg,
    month_arg,
    pace_arg,
    province_arg,
    region_code_arg,
    scope_of,
    snapshot_arg,
    store_of,
    with_settings,
)
from mpp_data.errors import MppDataError
from mpp_data.present import console, display, load_plan
from mpp_data.present.messages import issue_message, result_messages
from mpp_data.present.plan import PLAN_STATUSES, plan_text
from mpp_data.present.reports import ingest_report, json_rows, metrics_report, metrics_text
from mpp_data.present.text import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    error_message,
    format_number,
    t,
)
from mpp_data.reference.regions import official_regions
from mpp_data.store.snapshots import Store


def cmd_regions(args: argparse.Namespace) -> int:
    regions = official_regions()
    columns = ["code", "name", "kind", "province_code", "province_name"]
    if args.json:
        print(console.json_text(json_rows(regions, columns)))
    else:
        table = regions[["code", "name", "kind", "province_name"]].assign(
            kind=regions["kind"].map(lambda k: t(f"kind.{k}", args.lang))
        )
        print(console.render_table(table, args.lang))
    return 0


def cmd_metrics(args: argparse.Namespace) -> int:
    data = service.load_snapshot(store_of(args), args.snapshot)
    scope = service.settle(data, scope_of(args))
    figures = service.national_figures(data, scope=scope)
    if args.json:
        print(console.json_text(metrics_report(figures)))
    else:
        forecast = service.forecast_for(data, scope=scope)
        print(
            console.printable_lines(
                metrics_text(
                    {**figures, "forecast_sentences": service.describe_forecast(forecast, args.lang)},
                    args.lang,
                    service.province_names()[figures["province"]] if figures["province"] else None,
                )
            )
        )
    return 0


def _ingest_store(args: argparse.Namespace) -> Store | None:
    """The store to load into; for a dry run the existing store to plan against (none is created)."""
    url = args.settings.database_url
    if args.dry_run and url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return None
    return Store(url)


def cmd_ingest(args: argparse.Namespace) -> int:
    files = [service.UploadedFile.from_path(p) for p in args.paths]
    store = _ingest_store(args)
    result = service.ingest_files(
        files, store, dry_run=args.dry_run, exclude_rejected=args.exclude_rejected, actor=cli_accounts.cli_actor(),
        settings=args.settings, mode=args.mode, data_as_of=args.data_date,
    )  # fmt: skip
    if args.json:
        print(console.json_text(ingest_report(result, [f.name for f in files])))
    else:
        for message in result_messages(result, args.lang):
            print(console.printable(message))
        if result.plan is not None:
            for sentence in load_plan.plan_sentences(result.plan, args.lang):
                print(console.printable(sentence))
        if result.equal_to is not None:
            print(console.printable(load_plan.equal_message(result.equal_to, args.lang)))
        for row in result.left_out:
            print(console.printable(
                t("cli.left_out", args.lang, file=row["file"], sheet=row["sheet"], row=row["row"], reason=row["reason"])
            ))  # fmt: skip
            for problem in row.get("problems", []):
                print(f"  {console.printable(issue_message(problem, args.lang))}")
        counts = {k: format_number(v, args.lang) for k, v in result.counts.items()}
        print(t("cli.ingest_summary", args.lang, read=counts["rows_read"], loaded=counts["rows_loaded"],
                rejected=counts["rows_rejected"], skipped=counts["rows_skipped"],
                snapshot=f"#{result.snapshot_id}" if result.snapshot_id else "–"))  # fmt: skip
    return result.exit_code


def cmd_agencies(args: argparse.Namespace) -> int:
    data = service.load_snapshot(store_of(args), args.snapshot)
    table = service.agency_presence(data, scope=scope_of(args))
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
        print(console.json_text(records))
    else:
        print(console.render_table(table[["short_name", "malls_present", "operating_malls_with_data", "share_pct"]],
                                   args.lang))  # fmt: skip
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    changes = service.snapshot_diff(store_of(args), args.before, args.after)
    if args.json:
        print(console.json_text(changes.as_json()))
    else:
        summary = pd.DataFrame(
            [(t(f"history.{k}", args.lang), v) for k, v in changes.summary.items()],
            columns=[t("briefing.headline.figure", args.lang), t("cli.value", args.lang)],
        )
        print(console.render_table(summary, args.lang))
    return 0


def cmd_snapshots(args: argparse.Namespace) -> int:
    store = store_of(args)
    if args.action in ("withdraw", "restore"):
        if args.snapshot_id is None:
            args.parser.error(f"snapshots {args.action} needs a snapshot id")
        if args.action == "withdraw":
            service.withdraw_snapshot(store, args.snapshot_id, actor=cli_accounts.cli_actor(), reason=args.reason)
            done = "cli.snapshot_withdrawn"
        else:
            service.restore_snapshot(store, args.snapshot_id, actor=cli_accounts.cli_actor())
            done = "cli.snapshot_restored"
        print(t(done, args.lang, snapshot=args.snapshot_id, current=service.latest_snapshot_id(store)))
        return 0
    frame = service.list_snapshots(store, actor=cli_accounts.cli_actor())
    if not args.json:
        print(console.render_table(display.display_snapshots(frame, args.lang), args.lang))
        return 0
    records = json_rows(frame, [c for c in frame.columns if c != "source_files"])
    for record, files in zip(records, frame["source_files"], strict=True):
        record["source_files"] = files
    print(console.json_text(records))
    return 0


def cmd_briefing(args: argparse.Namespace) -> int:
    """The deck at ``--output`` and, beside it, the workbook of its appendix's full lists (under the
    name the deck's appendix gives it); prints both paths."""
    files = service.briefing_files(store_of(args), scope=scope_of(args), settings=args.settings)
    tables = Path(args.output).parent / files.tables_name
    with open(args.output, "wb") as out:
        out.write(files.deck)
    tables.write_bytes(files.tables)
    print(console.printable(args.output))
    print(console.printable(str(tables)))
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    scope = scope_of(args)
    report = service.plan_report(store_of(args), scope.snapshot_id, basis=scope.basis, as_of=scope.as_of,
                                 target_date=scope.target_date, province=scope.province, pace=args.pace,
                                 stuck_months=args.settings.stuck_months)  # fmt: skip
    if args.json:
        print(console.json_text(report))
    else:
        print(console.printable_lines(plan_text(report, args.lang, args.settings.stuck_months)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.table == "agency-work-list" and not args.agency:
        args.parser.error("agency-work-list needs --agency")
    store = store_of(args)
    scope = scope_of(args)
    snapshot_id = scope.snapshot_id or service.latest_snapshot_id(store)
    if args.file and args.file not in {
        s.file_name for s in service.source_files(store, snapshot_id, actor=cli_accounts.cli_actor())
    }:
        args.parser.error(f"snapshot {snapshot_id} has no file {args.file!r}")
    choice = service.ExportChoice(
        agency=args.agency, region=args.region, file=args.file, stages=tuple(args.stage), search=args.search,
        statuses=tuple(args.status),
        month=args.month,
    )  # fmt: skip
    scope, actor = scope.replace(snapshot_id=snapshot_id), cli_accounts.cli_actor()
    export = service.export_table(store, scope=scope, table=args.table, fmt=args.format, choice=choice, actor=actor)
    if args.output == "-":
        sys.stdout.buffer.write(export.content)
    else:
        with open(args.output, "wb") as out:
            out.write(export.content)
        print(console.printable(f"{args.output} ({export.file_name}, {len(export.content)} bytes)"), file=sys.stderr)
    return 0


def _add_export(sub: argparse._SubParsersAction) -> None:
    export = sub.add_parser(
        "export",
        help="write a table a page offers for download, as the page's button does",
        description="Write one of the tables the pages offer for download, the same bytes as the page's button.",
    )
    export.add_argument(
        "table", choices=list(service.EXPORT_TABLES),
        help="; ".join(f"{t.name}: {t.help}" for t in service.EXPORT_TABLES.values()),
    )  # fmt: skip
    export.add_argument("--format", choices=service.FORMATS, required=True,
                        help="xlsx (opens in columns in Excel with any regional settings) or csv (comma-separated)")  # fmt: skip
    export.add_argument("-o", "--output", required=True, help="file to write (- for standard output)")
    export.add_argument("--db", help="database URL (default: MPP_DATABASE_URL or the local SQLite file)")
    export.add_argument("--snapshot", type=snapshot_arg, help=SNAPSHOT_HELP)
    export.add_argument("--as-of", type=date_arg, help=AS_OF_HELP)
    export.add_argument("--province", type=province_arg,
                        help=PROVINCE_HELP + " (default: all; provinces always lists all 38)")  # fmt: skip
    export.add_argument("--agency", choices=list(service.agency_names()), metavar="KEY",
                        help="agency of agency-work-list (or agreements): " + ", ".join(service.agency_names()))  # fmt: skip
    export.add_argument("--month", type=month_arg, help="visits: YYYY-MM (default: the newest month with visits)")
    export.add_argument("--region", type=region_code_arg, help="malls of one kabupaten/kota, by code (61.03)")
    export.add_argument("--file", help="report of one file of the snapshot (default: every file)")
    export.add_argument("--stage", action="append", default=[], choices=["under_construction", "planned", "none"],
                        help="gaps in this pipeline stage (repeatable; default: all)")  # fmt: skip
    export.add_argument("--search", default="", help="gaps whose name contains this text")
    export.add_argument("--basis", choices=service.BASES, help=BASIS_HELP)
    export.add_argument(
        "--target-date", type=date_arg, help="plan: YYYY-MM-DD of full coverage (default: MPP_TARGET_DATE)"
    )
    export.add_argument("--status", action="append", default=[], choices=list(PLAN_STATUSES),
                        help="plan: provinces of this status (repeatable; default: all)")  # fmt: skip
    export.add_argument(
        "--lang", choices=["id", "en"], default=argparse.SUPPRESS, help="language of headers and file name"
    )
    export.set_defaults(func=cmd_export, parser=export)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m mpp_data", description="MPP acceleration dashboard data tools")
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="language of messages and tables")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help="one of:")

    regions = sub.add_parser("regions", help="the 514 official kabupaten/kota")
    regions.add_argument("--json", action="store_true", help=JSON_HELP)
    regions.set_defaults(func=cmd_regions)

    metrics = sub.add_parser("metrics", help="national coverage figures")
    metrics.add_argument(
        "--json", action="store_true", help=JSON_HELP + " (the figures; the gap rows are `export gaps`)"
    )
    metrics.add_argument("--db", help=DB_HELP)
    metrics.add_argument("--as-of", type=date_arg, help=AS_OF_HELP)
    metrics.add_argument("--snapshot", type=snapshot_arg, help=SNAPSHOT_HELP)
    metrics.add_argument(
        "--target-date", type=date_arg, help="YYYY-MM-DD for the required pace (default: MPP_TARGET_DATE)"
    )
    metrics.add_argument("--province", type=province_arg, help=PROVINCE_HELP + " (default: all)")
    metrics.add_argument("--basis", choices=service.BASES, help=BASIS_HELP)
    metrics.set_defaults(func=cmd_metrics)

    plan = sub.add_parser("plan", help="the plan toward every unit by the target date, nation and provinces")
    plan.add_argument("--json", action="store_true", help=JSON_HELP)
    plan.add_argument("--db", help=DB_HELP)
    plan.add_argument("--snapshot", type=snapshot_arg, help=SNAPSHOT_HELP)
    plan.add_argument("--as-of", type=date_arg, help=AS_OF_HELP)
    plan.add_argument("--target-date", type=date_arg, help="YYYY-MM-DD of full coverage (default: MPP_TARGET_DATE)")
    plan.add_argument("--basis", choices=service.BASES, help=BASIS_HELP)
    plan.add_argument("--province", type=province_arg, help=PROVINCE_HELP + " (default: every province)")
    plan.add_argument("--pace", type=pace_arg, help="units a year for the national what-if (what_if in --json)")
    plan.set_defaults(func=cmd_plan)

    ingest = sub.add_parser("ingest", help="load exports as a new snapshot", epilog=INGEST_EXIT_CODES)
    ingest.add_argument("paths", nargs="+", metavar="FILE", help="exports to load together (xlsx, xlsm, xls, ods, csv)")
    ingest.add_argument("--db", help=DB_HELP)
    ingest.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
    ingest.add_argument("--json", action="store_true", help="print every row read, the problems and the counts as JSON")
    ingest.add_argument(
        "--exclude-rejected", action="store_true",
        help="load the valid rows and list the rows with errors as left out (default: one error loads nothing)",
    )  # fmt: skip
    ingest.add_argument(
        "--mode", choices=service.LOAD_MODES, default="auto",
        help="update: the files' malls are added or updated, the others stay; replace: the files are the whole "
        "register (needed when a replace removes over 10%% of the operating malls); auto (default): replace "
        "when the files cover the national register, else update",
    )  # fmt: skip
    ingest.add_argument(
        "--data-date", type=date_arg, metavar="YYYY-MM-DD",
        help="the date the data describe when the files do not say it (default: today)",
    )  # fmt: skip
    ingest.set_defaults(func=cmd_ingest)

    agencies = sub.add_parser("agencies", help="presence of the 17 MoU agencies in operating malls")
    agencies.add_argument(
        "--json", action="store_true", help=JSON_HELP + " (with the malls each agency is missing from)"
    )
    agencies.add_argument("--db", help=DB_HELP)
    agencies.add_argument("--as-of", type=date_arg, help=AS_OF_HELP)
    agencies.add_argument("--snapshot", type=snapshot_arg, help=SNAPSHOT_HELP)
    agencies.add_argument("--province", type=province_arg, help=PROVINCE_HELP + " (default: all)")
    agencies.set_defaults(func=cmd_agencies)

    cli_use.add_use(sub)

    diff = sub.add_parser("diff", help="what changed between two snapshots")
    diff.add_argument("before", type=snapshot_arg, help="the earlier snapshot id")
    diff.add_argument("after", type=snapshot_arg, help="the later snapshot id")
    diff.add_argument("--db", help=DB_HELP)
    diff.add_argument("--json", action="store_true", help=JSON_HELP + " (with every changed mall)")
    diff.set_defaults(func=cmd_diff)

    briefing = sub.add_parser(
        "briefing", help="the meeting briefing as an editable PowerPoint deck, and its full tables as an xlsx beside it"
    )
    briefing.add_argument(
        "-o",
        "--output",
        required=True,
        help="FILE.pptx to write; the appendix's full lists go beside it (…-tabel.xlsx)",
    )
    briefing.add_argument("--db", help=DB_HELP)
    briefing.add_argument("--as-of", type=date_arg, help=AS_OF_HELP)
    briefing.add_argument(
        "--compare", type=date_arg, help="YYYY-MM-DD to compare with (default: twelve months before --as-of)"
    )
    briefing.add_argument("--province", type=province_arg, help=PROVINCE_HELP + " (default: national)")
    briefing.add_argument("--snapshot", type=snapshot_arg, help=SNAPSHOT_HELP)
    briefing.add_argument("--target-date", type=date_arg, help="YYYY-MM-DD of full coverage (default: MPP_TARGET_DATE)")
    briefing.add_argument("--basis", choices=service.BASES, help=BASIS_HELP)
    # SUPPRESS: the main --lang stays in force unless the deck's language is given here.
    briefing.add_argument("--lang", choices=["id", "en"], default=argparse.SUPPRESS, help="language of the deck")
    briefing.set_defaults(func=cmd_briefing)

    snapshots = sub.add_parser(
        "snapshots", help="every snapshot, newest first; withdraw N / restore N take one out of view or back"
    )
    snapshots.add_argument("action", nargs="?", choices=["list", "withdraw", "restore"], default="list",
                           help="list (default), withdraw N --reason TEXT, or restore N (audited as cli:<os user>)")  # fmt: skip
    snapshots.add_argument("snapshot_id", nargs="?", type=snapshot_arg, help="the snapshot to withdraw or restore")
    snapshots.add_argument("--reason", help="why it is withdrawn (kept with the withdrawal)")
    snapshots.add_argument("--db", help=DB_HELP)
    snapshots.add_argument("--json", action="store_true", help=JSON_HELP)
    snapshots.set_defaults(func=cmd_snapshots, parser=snapshots)

    cli_accounts.add_db(sub)
    _add_export(sub)
    cli_accounts.add_users(sub)
    cli_accounts.add_audit(sub, date_arg)
    cli_mail.add_mail(sub)
    for command in sub.choices.values():  # --lang after the command too (export and briefing have their own)
        if "--lang" not in command._option_string_actions:
            command.add_argument(
                "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of messages and tables"
            )
    return parser


def _language(argv: list[str]) -> str:
    """The ``--lang`` asked for (the last one given), known before the arguments are checked: a bad
    argument is reported in it."""
    wanted = argparse.ArgumentParser(add_help=False)
    wanted.add_argument("--lang", default=DEFAULT_LANGUAGE)
    lang = wanted.parse_known_args(argv)[0].lang
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = with_settings(build_parser().parse_args(argv))  # the environment is read here, once
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except MppDataError as exc:
        # the command line's variant of a message when it has one (no page to point to)
        message = error_message(exc.code, {"variant": "cli", **exc.params}, _language(argv))
        print(console.printable(message), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # As Python's signal docs advise: point stdout at devnull so the flush at exit does not fail
        # again. 141 (128 + SIGPIPE) is what a Unix tool stopped by a closed pipe reports.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
