"""Problems found in an upload, as typed data: one kind per reason, one frozen record per problem (pure).

Modelled on pandera's ``SchemaErrorReason`` and frictionless' error classes: each ``IssueKind`` carries
its severity and the key of its message, so a test can walk the enum and find text for every kind.
The README's table "Problem kinds" lists the same kinds (a test keeps the two equal).

>>> IssueKind.FORMER_PROVINCE.severity, IssueKind.FORMER_PROVINCE.message_key
(<Severity.WARNING: 'warning'>, 'issue.former_province')
>>> IssueKind.for_error_code("error.encrypted_file")
<IssueKind.ENCRYPTED_FILE: 'encrypted_file'>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum, StrEnum

import pandas as pd


class Severity(StrEnum):
    """An ``error`` keeps its row (or file) out of the load; a ``warning`` is loaded and reported; an
    ``info`` is reported for the record (rows of the layout that were skipped) and needs nothing done."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class IssueKind(Enum):
    """Why a row, sheet or file was reported. The value is the stable code written in reports and JSON.

    Each member carries: ``severity`` (the usual one: a few kinds are raised to an error, see
    ``meaning``), ``message_key`` (the catalogue entry of its sentence), ``meaning`` (one line for the
    README), ``params`` (what its message needs besides value and place) and ``variants`` (a flag in
    ``params`` -> the message key used when that flag is set).
    """

    UNKNOWN_REGION = (
        "unknown_region",
        Severity.ERROR,
        "issue.unknown_region",
        "the region code or name is not in the official list; close names are suggested",
        ("suggestions",),
    )
    AMBIGUOUS_REGION = (
        "ambiguous_region",
        Severity.ERROR,
        "issue.ambiguous_region",
        "a bare name that fits more than one region (Kabupaten Bogor and Kota Bogor)",
        ("suggestions",),
    )
    MISSING_REGION = (
        "missing_region",
        Severity.ERROR,
        "issue.missing_region",
        "a row with neither a region nor a mall name to find one in",
    )
    PROVINCE_MISMATCH = (
        "province_mismatch",
        Severity.ERROR,
        "issue.province_mismatch",
        "the province written is not the region's province",
        ("region",),
    )
    FORMER_PROVINCE = (
        "former_province",
        Severity.WARNING,
        "issue.former_province",
        "the province written is the region's parent before the 2022 Papua split; loaded under the new province",
        ("region",),
    )
    UNKNOWN_PROVINCE = (
        "unknown_province",
        Severity.WARNING,
        "issue.unknown_province",
        "the province is not recognised; the region is matched without it",
    )
    BAD_DATE = ("bad_date", Severity.ERROR, "issue.bad_date", "the inauguration date cannot be read")
    DATE_PLACEHOLDER = (
        "date_placeholder",
        Severity.WARNING,
        "issue.date_placeholder",
        "a word instead of a date (Ditunda, TBA, n/a, -); loaded without a date, and as planned "
        "when the word names a stage (ditunda, rencana, belum) and the status is empty",
        (),
        {"planned": "issue.date_placeholder.planned"},
    )
    DATE_ORDER_ASSUMED = (
        "date_order_assumed",
        Severity.WARNING,
        "issue.date_order_assumed",
        "no date in the column shows whether 03/12/2024 is day or month first; read day first "
        "(a column with 09/26/2023 is read month first)",
    )
    FUTURE_DATE = (
        "future_date",
        Severity.ERROR,
        "issue.future_date",
        "the inauguration date is more than a year ahead",
    )
    BAD_STATUS = ("bad_status", Severity.ERROR, "issue.bad_status", "the status is not a known stage")
    BAD_STAGE = (
        "bad_stage",
        Severity.ERROR,
        "issue.bad_stage",
        "an agreement cell or stage that names no stage, mark or date of a cooperation agreement (PKS)",
    )
    BAD_NUMBER = ("bad_number", Severity.ERROR, "issue.bad_number", "a count cannot be read as a whole number")
    NEGATIVE_NUMBER = ("negative_number", Severity.ERROR, "issue.negative_number", "a count below zero")
    DUPLICATE_MALL = (
        "duplicate_mall",
        Severity.WARNING,
        "issue.duplicate_mall",
        "the same mall twice: an exact repeat loads once; an error on both rows when their values differ",
        ("first_row",),
        {"conflict": "issue.duplicate_mall.conflict"},
    )
    UNKNOWN_AGENCY = (
        "unknown_agency",
        Severity.WARNING,
        "issue.unknown_agency",
        "an agency that is neither an MoU agency nor of a known kind; kept under its written name",
        ("occurrences",),
    )
    CORRECTION_DROPPED = (
        "correction_dropped",
        Severity.WARNING,
        "issue.correction_dropped",
        "an analyst's correction not applied: its cell no longer holds the value it was made "
        "for, or its file is not in the upload (corrections belong to a file's content)",
        ("written", "corrected"),
        {"file": "issue.correction_dropped.file"},
    )
    PARTICIPATION_WITHOUT_MALL = (
        "participation_without_mall",
        Severity.WARNING,
        "issue.participation_without_mall",
        "participation of a mall that is not in the register (in the file or the upload "
        "in view); kept, but not counted until the mall is in the register",
        ("region", "rows"),
    )
    MALL_NOT_IN_REGISTER = (
        "mall_not_in_register",
        Severity.WARNING,
        "issue.mall_not_in_register",
        "rows (agreements, visits) naming a mall that is not in the register (in the file or the "
        "upload in view); kept, but not joined to a mall of the register",
        ("region", "rows"),
    )
    TEXT_TOO_LONG = (
        "text_too_long",
        Severity.ERROR,
        "issue.text_too_long",
        "a cell of an agreement or visits sheet holds more text than any name, number or stage word "
        "needs; its row is kept out",
        ("length", "limit"),
    )
    MISSING_AGENCY = (
        "missing_agency",
        Severity.ERROR,
        "issue.missing_agency",
        "a participation row without an agency name",
    )
    BAD_MARK = ("bad_mark", Severity.ERROR, "issue.bad_mark", "a presence mark that is not yes, no or a count")
    NO_TABLE_FOUND = (
        "no_table_found",
        Severity.WARNING,
        "issue.no_table_found",
        "a sheet with no table of malls or participation is skipped; an error when no sheet of the file has one",
    )
    ROWS_SKIPPED = (
        "rows_skipped",
        Severity.INFO,
        "issue.rows_skipped",
        "rows of the layout that carry no mall are skipped and counted, one line per sheet and reason: "
        "column numbers, units, repeated headers, totals, notes and legends, signature blocks, blank rows",
        ("count", "rows"),
        {
            reason: f"issue.rows_skipped.{reason}"
            for reason in ("column_numbers", "units", "repeated_header", "total", "note", "signature", "blank")
        },
    )
    UNREADABLE_FILE = (
        "unreadable_file",
        Severity.ERROR,
        "error.unreadable_file",
        "the file is empty, damaged or not a workbook or CSV; nothing is taken from it",
        ("file", "reason", "sheet"),
    )
    ENCRYPTED_FILE = (
        "encrypted_file",
        Severity.ERROR,
        "error.encrypted_file",
        "the file is password-protected; nothing is taken from it",
        ("file",),
    )
    FILE_TOO_LARGE = (
        "file_too_large",
        Severity.ERROR,
        "error.file_too_large",
        "the file is over the upload limit, unpacks far larger or holds too many cells",
        ("file", "size_mb", "limit_mb", "packed_mb", "cells"),
        {"unpacked": "error.file_too_large.unpacked", "cells": "error.file_too_large.cells"},
    )

    FILE_TOO_COMPLEX = (
        "file_too_complex",
        Severity.ERROR,
        "error.file_too_complex",
        "the file declares more cells, columns or a longer line than may be read, or reading it "
        "ran out of memory or crashed; nothing is taken from it",
        ("file", "reason", "sheet", "cells", "columns", "limit", "last_cell", "line_kb", "limit_kb"),
        {
            "cells": "error.file_too_complex.cells",
            "columns": "error.file_too_complex.columns",
            "line": "error.file_too_complex.line",
            "csv_columns": "error.file_too_complex.csv_columns",
        },
    )
    PARSE_TIMEOUT = (
        "parse_timeout",
        Severity.ERROR,
        "error.parse_timeout",
        "reading the file took longer than allowed; nothing is taken from it",
        ("file", "seconds"),
    )

    def __new__(cls, code: str, *_details: object) -> IssueKind:
        member = object.__new__(cls)
        member._value_ = code
        return member

    def __init__(
        self,
        code: str,
        severity: Severity,
        message_key: str,
        meaning: str,
        params: tuple[str, ...] = (),
        variants: Mapping[str, str] | None = None,
    ) -> None:
        self.severity = severity
        self.message_key = message_key
        self.meaning = meaning
        self.params = params
        self.variants = dict(variants or {})

    @property
    def code(self) -> str:
        return self.value

    @property
    def label_key(self) -> str:
        """The catalogue entry of the kind's short name (the Upload page's filter)."""
        return f"issue_kind.{self.value}"

    @property
    def stops_file(self) -> bool:
        """A whole file could not be used: its message is the stopping error's (``error.*``)."""
        return self.message_key.startswith("error.")

    @property
    def message_keys(self) -> tuple[str, ...]:
        """Every message the kind can show: its own and one per variant."""
        return (self.message_key, *self.variants.values())

    def message_key_for(self, params: Mapping[str, object]) -> str:
        """The message key for a problem with ``params``: a variant's when its flag is set (or, for a file's
        error, when it is the error's ``variant``).

        >>> IssueKind.DUPLICATE_MALL.message_key_for({"first_row": 3, "conflict": True})
        'issue.duplicate_mall.conflict'
        >>> IssueKind.FILE_TOO_LARGE.message_key_for({"cells": 12, "variant": "cells"})
        'error.file_too_large.cells'
        """
        for flag, key in self.variants.items():
            if params.get(flag) is True or params.get("variant") == flag:
                return key
        return self.message_key

    @classmethod
    def for_error_code(cls, code: str) -> IssueKind:
        """The kind of a file that raised the stopping error ``code`` (``error.unreadable_file``)."""
        for kind in cls:
            if kind.stops_file and kind.message_key == code:
                return kind
        raise ValueError(f"no problem kind for the error code {code!r}")


ISSUE_COLUMNS = ["file", "sheet", "row", "column", "value", "kind", "severity", "params", "candidates"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One reported problem: where (file, sheet, Excel row, column header as written), the value as
    written, why (``kind``), how bad (``severity``), the message's ``params`` and suggested region codes.
    ``row`` is None for a problem with a whole sheet or file."""

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    value: str
    kind: IssueKind
    severity: Severity
    params: Mapping[str, object] = field(default_factory=dict)
    candidates: tuple[str, ...] = ()

    def as_record(self) -> dict:
        """The problem as plain data (one row of ``IngestResult.issues``; kept with each snapshot)."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "kind": self.kind.value,
            "severity": self.severity.value,
            "params": dict(self.params),
            "candidates": list(self.candidates),
        }


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """One row per problem (ISSUE_COLUMNS): kind and severity as their codes, params a dict, candidates a list."""
    records = [p.as_record() for p in problems]
    # Object columns throughout: pandas would read text with gaps as ``str`` and show a missing column as nan.
    return pd.DataFrame({c: pd.Series([r[c] for r in records], dtype=object) for c in ISSUE_COLUMNS})
