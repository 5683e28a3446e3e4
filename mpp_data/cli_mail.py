"""The command line of subscriptions and alerts: ``subscriptions add|list|remove``, ``alerts
add|list|remove``, ``send-due`` (for cron, a systemd timer or a Kubernetes CronJob), ``send-now`` and
``send-log``. Changes are made as ``cli:<os user>``, a trusted local admin, and audited."""

from __future__ import annotations

import argparse
import datetime as dt

from mpp_data import service
from mpp_data.analysis.schedule import ALERT_KINDS, WEEKDAYS
from mpp_data.cli_accounts import cli_actor
from mpp_data.cli_args import BASIS_HELP, DB_HELP, JSON_HELP, PROVINCE_HELP, province_arg, store_of
from mpp_data.errors import InvalidDate
from mpp_data.present import console
from mpp_data.present.text import t

SEND_EXIT_CODES = """exit codes:
  0    done: everything due was sent (or nothing was due)
  1    a send failed: it is in the send log with its error and is tried again at the next run
  2    a bad argument, no data yet, or no mail server set (MPP_SMTP_HOST)
  141  the reader of the output stopped reading (as `head` does): the rest was not written"""


def _when(text: str) -> dt.datetime:
    """``--now``: an ISO time; without a zone it is UTC."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidDate(value=text) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _plain(row: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in row.items()}


def _describe(row: dict) -> str:
    if "kind" in row:
        what = f"alert {row['kind']}"
    else:
        day = WEEKDAYS[row["day"]] if row["frequency"] == "weekly" else str(row["day"])
        what = f"{row['frequency']} {day} {row['time_of_day']} {row['zone']} [{row['content']}] {row['basis']}"
    scope = row["province"] or "nation"
    return console.printable(f"#{row['id']}  {what}  {scope}  {row['lang']}  {', '.join(row['recipients'])}")


def cmd_subscriptions(args: argparse.Namespace) -> int:
    store = store_of(args)
    actor = cli_actor()
    if args.action == "add":
        subscription_id = service.add_subscription(
            store,
            args.emails,
            actor=actor,
            frequency=args.every,
            day=args.day,
            time_of_day=args.time,
            zone=args.zone,
            province=args.province,
            lang=args.mail_lang or args.lang,
            basis=args.basis or args.settings.basis,
            content=args.content.split(","),
        )
        print(t("mail.added", args.lang, id=subscription_id))
    elif args.action == "remove":
        service.remove_subscription(store, args.id, actor=actor)
        print(t("mail.removed", args.lang, id=args.id))
    else:
        _print_listed(service.list_subscriptions(store, actor=actor), args)
    return 0


def cmd_alerts(args: argparse.Namespace) -> int:
    store = store_of(args)
    actor = cli_actor()
    if args.action == "add":
        alert_id = service.add_alert(
            store, args.emails, actor=actor, kind=args.on, province=args.province, lang=args.mail_lang or args.lang
        )
        print(t("mail.alert_added", args.lang, id=alert_id))
    elif args.action == "remove":
        service.remove_alert(store, args.id, actor=actor)
        print(t("mail.removed", args.lang, id=args.id))
    else:
        _print_listed(service.list_alerts(store, actor=actor), args)
    return 0


def _print_listed(rows: list, args: argparse.Namespace) -> None:
    """Subscriptions or alerts: as JSON, or one line each (a sentence when there are none)."""
    if args.json:
        print(console.json_text([_plain(r) for r in rows]))
    else:
        print("\n".join(_describe(r) for r in rows) if rows else t("subscriptions.none", args.lang))


def _print_outcomes(outcomes: list[service.Outcome], args: argparse.Namespace) -> int:
    if args.json:
        print(console.json_text([o.as_json() for o in outcomes]))
    elif not outcomes:
        print(t("mail.nothing_due", args.lang))
    for outcome in outcomes if not args.json else ():
        key = {"sent": "mail.sent", "failed": "mail.failed", "due": "mail.due"}[outcome.status]
        print(
            console.printable(
                t(
                    key,
                    args.lang,
                    target=f"{outcome.target} ({outcome.slot})",
                    recipients=", ".join(outcome.recipients),
                    error=outcome.error,
                )
            )
        )
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def cmd_send_due(args: argparse.Namespace) -> int:
    store = store_of(args)
    outcomes = service.send_due(store, actor=cli_actor(), settings=args.settings, now=args.now, dry_run=args.dry_run)
    return _print_outcomes(outcomes, args)


def cmd_send_now(args: argparse.Namespace) -> int:
    store = store_of(args)
    return _print_outcomes(
        [service.send_now(store, args.id, actor=cli_actor(), settings=args.settings, now=args.now)], args
    )


def cmd_send_log(args: argparse.Namespace) -> int:
    store = store_of(args)
    log = service.send_log(store, actor=cli_actor())
    rows = [_plain(r) for r in log.to_dict("records")]
    if args.json:
        print(console.json_text(rows))
    else:
        for r in rows:
            print(
                console.printable(
                    f"{r['at']}  {r['target']}  {r['slot']}  #{r['attempt']}  {r['status']}  "
                    f"{', '.join(r['recipients'])}  {r['error'] or ''}".rstrip()
                )
            )
    return 0


def add_mail(sub: argparse._SubParsersAction) -> None:
    subscriptions = sub.add_parser("subscriptions", help="briefings sent by mail on a schedule: add, list, remove")
    actions = subscriptions.add_subparsers(dest="action", required=True, help="add, list or remove")
    add = actions.add_parser("add", help="send a briefing to these addresses weekly or monthly")
    add.add_argument("emails", nargs="+", metavar="EMAIL", help="recipients")
    add.add_argument("--province", type=province_arg, help=PROVINCE_HELP + " (default: the nation)")
    add.add_argument("--lang", dest="mail_lang", choices=["id", "en"], help="language of the mail (default: id)")
    add.add_argument("--basis", choices=service.BASES, help=BASIS_HELP)
    add.add_argument("--every", choices=["weekly", "monthly"], required=True, help="how often")
    add.add_argument("--day", help="weekly: mon..sun (default mon); monthly: 1..28 (default 1)")
    add.add_argument("--time", default="07:00", help="HH:MM in --zone (default 07:00)")
    add.add_argument("--zone", default="Asia/Jakarta", help="IANA time zone (default Asia/Jakarta)")
    add.add_argument("--content", default="deck,summary,gaps", help="any of deck,summary,gaps (default: all)")
    actions.add_parser("list", help="every subscription").add_argument("--json", action="store_true", help=JSON_HELP)
    actions.add_parser("remove", help="stop a subscription").add_argument("id", type=int, help="its number")
    for parser in actions.choices.values():
        parser.add_argument("--db", help=DB_HELP)
    subscriptions.set_defaults(func=cmd_subscriptions, mail_lang=None, json=False)

    alerts = sub.add_parser("alerts", help="mail when something happens in the data: add, list, remove")
    actions = alerts.add_subparsers(dest="action", required=True, help="add, list or remove")
    add = actions.add_parser("add", help="mail these addresses when an event of this kind happens")
    add.add_argument("emails", nargs="+", metavar="EMAIL", help="recipients")
    add.add_argument(
        "--on",
        required=True,
        choices=[*ALERT_KINDS, "agreements_expiring"],
        help="coverage_changed, region_lost_mall, plan_worse, no_upload "
        "(agreements_expiring: not yet, no agreement data)",
    )
    add.add_argument("--province", type=province_arg, help=PROVINCE_HELP + " (default: the nation)")
    add.add_argument("--lang", dest="mail_lang", choices=["id", "en"], help="language of the mail (default: id)")
    actions.add_parser("list", help="every alert").add_argument("--json", action="store_true", help=JSON_HELP)
    actions.add_parser("remove", help="stop an alert").add_argument("id", type=int, help="its number")
    for parser in actions.choices.values():
        parser.add_argument("--db", help=DB_HELP)
    alerts.set_defaults(func=cmd_alerts, mail_lang=None, json=False)

    due = sub.add_parser(
        "send-due",
        help="send the subscriptions and alerts that are due (run it every few minutes)",
        epilog=SEND_EXIT_CODES,
    )
    due.add_argument("--now", type=_when, help="the time to act at, ISO 8601 (default: the clock; no zone: UTC)")
    due.add_argument("--dry-run", action="store_true", help="say what is due, send and write nothing")
    due.add_argument("--json", action="store_true", help=JSON_HELP)
    due.add_argument("--db", help=DB_HELP)
    due.set_defaults(func=cmd_send_due)

    now = sub.add_parser("send-now", help="send one subscription at once", epilog=SEND_EXIT_CODES)
    now.add_argument("id", type=int, help="the subscription's number")
    now.add_argument("--now", type=_when, help="the time the send is logged at, ISO 8601 (default: the clock)")
    now.add_argument("--json", action="store_true", help=JSON_HELP)
    now.add_argument("--db", help=DB_HELP)
    now.set_defaults(func=cmd_send_now)

    log = sub.add_parser("send-log", help="every send and failure, newest first")
    log.add_argument("--json", action="store_true", help=JSON_HELP)
    log.add_argument("--db", help=DB_HELP)
    log.set_defaults(func=cmd_send_log)
