"""The command line's ``agreements`` and ``visits`` (issue 24 point 5): the figures of the Agencies
page's agreement sections and of the Use page, as a table or as ``--json``."""

from __future__ import annotations

import argparse
import datetime as dt

import pandas as pd

from mpp_data import service
from mpp_data.cli_args import (
    AS_OF_HELP,
    DB_HELP,
    JSON_HELP,
    PROVINCE_HELP,
    SNAPSHOT_HELP,
    date_arg,
    month_arg,
    province_arg,
    scope_of,
    snapshot_arg,
    store_of,
)
from mpp_data.present import console
from mpp_data.present.text import format_date, format_number, format_period, t


def cmd_agreements(args: argparse.Namespace) -> int:
    data = service.load_snapshot(store_of(args), args.snapshot)
    scope = scope_of(args)
    report = service.agreements_report(
        data, scope=scope, days=args.settings.agreements_expiring_days, agency=args.agency
    )
    if args.json:
        print(console.json_text(report))
        return 0
    names = service.agency_names()
    table = pd.DataFrame(
        [
            {
                "agency": names[a["agency"]],
                **{t(f"agreement_stage.{s}", args.lang): format_number(n, args.lang) for s, n in a["stages"].items()},
            }
            for a in report["agencies"]
        ]
    ).rename(columns={"agency": t("column.agency", args.lang)})
    print(
        console.printable(
            t(
                "agreements.intro",
                args.lang,
                malls=format_number(report["operating_malls"], args.lang),
                date=format_date(dt.date.fromisoformat(report["as_of"]), args.lang),
            )
        )
    )
    print(console.render_table(table, args.lang))
    days = args.settings.agreements_expiring_days
    print(console.printable(t("agreements.expiring", args.lang, days=format_number(days, args.lang))))
    expiring = pd.DataFrame(report["expiring"], columns=["region_code", "mall", "agency", "valid_until"])
    print(console.render_table(expiring.assign(agency=expiring["agency"].map(names)), args.lang))
    print(
        console.printable(
            t("agreements.not_signed_summary", args.lang, count=format_number(len(report["not_signed"]), args.lang))
        )
    )
    return 0


def cmd_visits(args: argparse.Namespace) -> int:
    data = service.load_snapshot(store_of(args), args.snapshot)
    report = service.visits_report(data, scope=scope_of(args), month=args.month)
    if args.json:
        print(console.json_text(report))
        return 0
    if report["month"] is None:
        print(console.printable(t("cli.no_visits", args.lang)))
        return 0
    month = dt.date.fromisoformat(report["month"] + "-01")
    print(
        console.printable(
            t(
                "use.intro",
                args.lang,
                malls=format_number(len(report["malls"]), args.lang),
                month=format_period(month, args.lang),
            )
        )
    )
    for key in ("lowest", "highest", "quiet"):
        print(console.printable(t(f"use.{key}", args.lang)))
        frame = pd.DataFrame(
            report[key], columns=["region_code", "mall", "visits", "counters_active", "counters_total"]
        )
        print(console.render_table(frame, args.lang))
    return 0


def add_use(sub: argparse._SubParsersAction) -> None:
    agreements = sub.add_parser("agreements", help="agreement (PKS) stages of the 17 MoU agencies in operating malls")
    agreements.add_argument("--json", action="store_true", help=JSON_HELP + " (with the expiring and not-signed lists)")
    agreements.add_argument("--db", help=DB_HELP)
    agreements.add_argument("--as-of", type=date_arg, help=AS_OF_HELP)
    agreements.add_argument("--snapshot", type=snapshot_arg, help=SNAPSHOT_HELP)
    agreements.add_argument("--province", type=province_arg, help=PROVINCE_HELP + " (default: all)")
    agreements.add_argument(
        "--agency",
        choices=list(service.agency_names()),
        metavar="KEY",
        help="one MoU agency: " + ", ".join(service.agency_names()),
    )
    agreements.set_defaults(func=cmd_agreements)

    visits = sub.add_parser("visits", help="visits and counters of the malls in a month, lowest and highest")
    visits.add_argument("--json", action="store_true", help=JSON_HELP)
    visits.add_argument("--db", help=DB_HELP)
    visits.add_argument("--snapshot", type=snapshot_arg, help=SNAPSHOT_HELP)
    visits.add_argument("--month", type=month_arg, help="YYYY-MM (default: the newest month with visits)")
    visits.add_argument("--province", type=province_arg, help=PROVINCE_HELP + " (default: all)")
    visits.set_defaults(func=cmd_visits)
