"""Corrections and rows left out, as people see them: the Upload page's editable table and History's list.

The Upload page shows one line per cell with an error, per corrected cell and per row left out; the
analyst types a correction or ticks "leave out" with a reason, and ``read_edits`` turns the edited
table back into the mappings ``check_files`` takes.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from mpp_data.ingest.corrections import REJECTED_BY_CHECK, CellKey, RowKey
from mpp_data.ingest.pipeline import IngestResult
from mpp_data.ingest.problems import Severity
from mpp_data.present.messages import issue_message
from mpp_data.present.text import t

#: One line of the Upload page's table of rows to correct; ``correction``, ``leave_out`` and ``reason``
#: are the editable ones.
EDITOR_COLUMNS = ["file", "sheet", "row", "column", "value", "problem", "state", "correction", "leave_out", "reason"]
EDITABLE = ("correction", "leave_out", "reason")
AMENDMENT_COLUMNS = ["file", "sheet", "row", "column", "written", "corrected", "reason"]


def correction_table(
    result: IngestResult, corrections: Mapping[CellKey, object], lang: str, file_ids: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """One line per cell with an error, per corrected cell and per row left out (EDITOR_COLUMNS).

    ``value`` is the cell as written, ``problem`` the check's message on it now, ``state`` whether its row is
    now clean, still wrong or left out; ``correction`` the analyst's text, ``leave_out`` and ``reason``.
    ``file_ids``: file name -> sha256, when ``corrections`` are keyed by content (as ``read_edits`` keys
    them when given it)."""
    ids = file_ids or {}

    def asked(key: CellKey) -> str:
        found = corrections.get((ids.get(key[0], key[0]), *key[1:]), "")
        return str(found[1] if isinstance(found, tuple) else found)

    errors = result.issues[(result.issues["severity"] == Severity.ERROR) & result.issues["row"].notna()]
    wrong_rows = {(i["file"], i["sheet"], int(i["row"])) for i in errors.to_dict("records")}
    lines: dict[CellKey, dict] = {}

    def line(key: CellKey, value: str) -> dict:
        return lines.setdefault(key, {"value": value, "messages": [], "correction": asked(key)})

    for record in result.corrections:
        line((record["file"], record["sheet"], record["row"], record["column"]), record["written"])
    for issue in errors.to_dict("records"):
        key = (issue["file"], issue["sheet"], int(issue["row"]), issue["column"] or "")
        line(key, issue["value"])["messages"].append(issue_message(issue, lang))
    rows = []
    for (file, sheet, row, column), found in lines.items():
        state = "error" if (file, sheet, row) in wrong_rows else "clean"
        rows.append(
            [
                file,
                sheet,
                row,
                column,
                found["value"],
                "; ".join(found["messages"]),
                t(f"corrections.state.{state}", lang),
                found["correction"],
                False,
                "",
            ]
        )
    for record in result.left_out:
        values = " · ".join(record["values"].values())
        rows.append(
            [
                record["file"],
                record["sheet"],
                record["row"],
                "",
                values,
                "",
                t("corrections.state.left_out", lang),
                "",
                True,
                record["reason"],
            ]
        )
    table = pd.DataFrame(rows, columns=EDITOR_COLUMNS)
    table = table.sort_values(["file", "sheet", "row", "column"], kind="stable", ignore_index=True)
    return table.astype({"row": "int64", "leave_out": "bool"})


def read_edits(
    edited: pd.DataFrame, corrections: Mapping[CellKey, object], file_ids: Mapping[str, str] | None = None
) -> tuple[dict[CellKey, object], dict[RowKey, str]]:
    """The corrections and rows left out that an edited ``correction_table`` asks for.

    Corrections of cells not in the table (those of rows left out) are kept; a row is left out while any
    of its lines is ticked, with the first reason given. With ``file_ids`` (file name -> sha256) both are
    keyed by the file's content and each correction keeps the text it was made for: (written, corrected).
    """
    wanted = dict(corrections)
    left_out: dict[RowKey, str] = {}
    for line in edited.to_dict("records"):
        file = file_ids.get(line["file"], line["file"]) if file_ids else line["file"]
        key = (file, line["sheet"], int(line["row"]), line["column"])
        text = "" if pd.isna(line["correction"]) else str(line["correction"]).strip()
        if line["column"]:
            if text:
                wanted[key] = (str(line["value"]), text) if file_ids else text
            else:
                wanted.pop(key, None)
        if bool(line["leave_out"]):
            reason = "" if pd.isna(line["reason"]) else str(line["reason"]).strip()
            row = key[:3]
            left_out[row] = left_out.get(row) or reason
    return wanted, left_out


def amendments_table(corrections: list[dict], left_out: list[dict], lang: str) -> pd.DataFrame:
    """One line per correction (written -> corrected) and per row left out (its cells as written, and
    the reason), in sheet and row order (AMENDMENT_COLUMNS)."""
    rows = [[c["file"], c["sheet"], c["row"], c["column"], c["written"], c["corrected"], ""] for c in corrections]
    rows += [
        [
            r["file"],
            r["sheet"],
            r["row"],
            "",
            " · ".join(r["values"].values()),
            t("corrections.left_out", lang),
            reason_text(r["reason"], lang),
        ]
        for r in left_out
    ]
    table = pd.DataFrame(rows, columns=AMENDMENT_COLUMNS)
    return table.sort_values(["file", "sheet", "row", "column"], kind="stable", ignore_index=True)


def reason_text(reason: str, lang: str) -> str:
    """The reason a row was left out, in ``lang`` when the check gave it."""
    return t("corrections.rejected_by_check", lang) if reason == REJECTED_BY_CHECK else reason
