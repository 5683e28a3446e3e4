"""The e-mails subscriptions and alerts send: plain text in the subscriber's language, the files attached.

The summary's figures are ``metrics --json``'s object (``present.reports.metrics_report``), attached as
``figures.json`` beside the sentences that quote them, so a reader (or a test) can check one against
the other. Text is plain: nothing a user typed becomes markup.
"""

from __future__ import annotations

import datetime as dt
import json
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from mpp_data.present.exports import Export
from mpp_data.present.text import format_date, format_number, format_percent, t

PPTX = ("application", "vnd.openxmlformats-officedocument.presentationml.presentation")
XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _envelope(subject: str, sender: str, recipients: list[str], now: dt.datetime) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1] or "localhost")
    return message


def _signed(delta: int, lang: str) -> str:
    return ("+" if delta > 0 else "") + format_number(delta, lang)


def summary_lines(report: dict, previous: dict | None, lang: str, scope: str) -> list[str]:
    """The summary's sentences: the headline figures of ``report`` (``metrics --json``) and what changed
    since ``previous`` (the figures of the last send; None before the first)."""
    basis = t(f"basis.{report['basis']}", lang)
    as_of = format_date(dt.date.fromisoformat(report["as_of"]), lang)
    lines = [
        t("mail.intro", lang, scope=scope, as_of=as_of, snapshot=report["snapshot_id"], basis=basis),
        "",
        t(
            "mail.covered",
            lang,
            covered=format_number(report["covered_units"], lang),
            total=format_number(report["total_units"], lang),
            pct=format_percent(report["coverage_pct"], lang),
        ),
        t("mail.operating", lang, count=format_number(report["operating_malls"], lang)),
        t(
            "mail.pipeline",
            lang,
            building=format_number(report["under_construction_malls"], lang),
            planned=format_number(report["planned_malls"], lang),
        ),
        "",
    ]
    if previous is None:
        lines.append(t("mail.first_send", lang))
    else:
        lines.append(
            t(
                "mail.changes",
                lang,
                since=format_date(dt.date.fromisoformat(previous["as_of"]), lang),
                covered=_signed(report["covered_units"] - previous["covered_units"], lang),
                operating=_signed(report["operating_malls"] - previous["operating_malls"], lang),
            )
        )
    return lines


def summary_message(
    report: dict,
    previous: dict | None,
    *,
    lang: str,
    scope: str,
    sender: str,
    recipients: list[str],
    now: dt.datetime,
    link: str,
    attachments: list[Export],
    with_summary: bool = True,
) -> EmailMessage:
    """A subscription's e-mail: the summary (when ``with_summary``), the link, ``figures.json`` and the files."""
    as_of = format_date(dt.date.fromisoformat(report["as_of"]), lang)
    message = _envelope(t("mail.subject", lang, scope=scope, as_of=as_of), sender, recipients, now)
    lines = summary_lines(report, previous, lang, scope) if with_summary else []
    names = [a.file_name for a in attachments]
    if names:
        lines.append(t("mail.attached", lang, files=", ".join(names)))
    lines += [t("mail.link", lang, url=link), "", t("mail.footer", lang)]
    message.set_content("\n".join(lines))
    message.add_attachment(
        json.dumps(report, ensure_ascii=False, indent=1).encode(),
        maintype="application",
        subtype="json",
        filename="figures.json",
    )
    for export in attachments:
        maintype, subtype = export.mime.split("/", 1)
        message.add_attachment(export.content, maintype=maintype, subtype=subtype, filename=export.file_name)
    return message


def alert_message(
    kind: str, params: dict, *, lang: str, sender: str, recipients: list[str], now: dt.datetime, link: str
) -> EmailMessage:
    """An alert's e-mail: what happened, in which snapshot, to which regions, and the link to look."""
    message = _envelope(
        t("mail.alert_subject", lang, what=t(f"mail.alert_title.{kind}", lang)), sender, recipients, now
    )
    body = t(f"mail.alert.{kind}", lang, **params)
    message.set_content("\n".join([body, "", t("mail.link", lang, url=link), "", t("mail.footer", lang)]))
    return message
