"""Tables as downloadable files (pure: frame in, bytes out).

Every file a page offers and the CLI's ``export`` writes goes through here, so they share these rules:

- headers in the reader's language (the ``column.*`` texts the page's table shows);
- text a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first)
  gets a leading apostrophe, in CSV and xlsx alike (OWASP's CSV injection advice: the apostrophe stays
  with the text if someone saves the workbook again as CSV); xlsx text cells are typed as strings;
- in CSV every text cell is quoted, and a separator inside a text followed by a formula character gets
  the apostrophe too (``Mall X;'=1+1``): Excel with Indonesian regional settings splits a file at ``;``,
  and a cell starting after that split must not run either;
- dates are date cells in xlsx and ISO dates (``2024-02-10``) in CSV;
- codes are text: a text cell in xlsx, and written as they are in CSV (``12.10``). A CSV cell has no
  type, so a reader that guesses types (``pandas.read_csv`` without ``dtype=str``, Excel's double
  click) reads ``12.10`` as the number 12.1; the xlsx is the typed file;
- the same bytes for the same table: the workbook's timestamps come from the snapshot, not the clock.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from mpp_data.present import display
from mpp_data.present.text import MESSAGES, t

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIME = {"csv": CSV_MIME, "xlsx": XLSX_MIME}

#: What makes a spreadsheet read a text cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The workbook time when no snapshot gives one.
FIXED_STAMP = dt.datetime(2000, 1, 1)


@dataclass(frozen=True)
class Export:
    """One downloadable file: the name offered to save it under, its MIME type and its bytes."""

    file_name: str
    mime: str
    content: bytes


def neutralise(value: object) -> object:
    """Text a spreadsheet would run as a formula, with a leading apostrophe; anything else as it is.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-5"), neutralise(-5), neutralise("Kota Medan")
    ("'=HYPERLINK(1)", "'-5", -5, 'Kota Medan')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


#: Characters a spreadsheet may split a CSV line at: comma, semicolon (the list separator of Indonesian
#: and most European settings), tab, bar, and line ends.
_SPLIT_THEN_FORMULA = re.compile(r"""([,;\t|\r\n]["\s]*)(?=[=+\-@])""")


def csv_safe(value: object) -> object:
    """:func:`neutralise`, and an apostrophe after any separator that a formula character follows, so
    no piece of the text starts a formula wherever a reader splits it.

    >>> csv_safe("Mall X;=1+1"), csv_safe("=A1,-2"), csv_safe("Kabupaten Toli-Toli"), csv_safe(-2)
    ("Mall X;'=1+1", "'=A1,'-2", 'Kabupaten Toli-Toli', -2)
    """
    if not isinstance(value, str):
        return value
    return neutralise(_SPLIT_THEN_FORMULA.sub(r"\1'", value))


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _dates(values: pd.Series) -> pd.Series:
    """Dates as ``datetime.date`` (None when missing): a date cell in xlsx, ISO in CSV."""
    return values.map(lambda d: None if _is_missing(d) else pd.Timestamp(d).date()).astype(object)


def _counts(values: pd.Series | None, index: pd.Index) -> pd.Series:
    if values is None:
        return pd.Series(pd.NA, index=index, dtype="Int64")
    return pd.to_numeric(values, errors="coerce").round().astype("Int64")


def gaps_table(gaps: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The No MPP yet page's table (``display.display_gaps``): one row per region without a mall."""
    return display.display_gaps(gaps, lang)


def work_list_table(work: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Agencies page's work list (``display.display_work_list``) with the inauguration as a date."""
    table = display.display_work_list(work, lang)
    table["inaugurated_on"] = _dates(work["inaugurated_on"])
    return table


def provinces_table(provinces: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Provinces page's ranking (``display.display_provinces``); the 100% flag in words."""
    table = display.display_provinces(provinces)
    table["coverage_pct"] = table["coverage_pct"].astype(float)  # already rounded once, by figures.share_pct
    table["full"] = table["full"].map(lambda full: t("export.yes" if full else "export.no", lang))
    return table


def malls_table(malls: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Region detail page's mall table (``display.display_malls``), each row led by its region's code
    and name (a file read away from the page must say which region a mall is in). ``malls``: one row
    per mall: region_code, region_name, mall_name, status, inaugurated_on, agencies, services."""
    table = display.display_malls(malls, lang)
    table.insert(0, "region_name", malls["region_name"])
    table.insert(0, "region_code", malls["region_code"])
    table["inaugurated_on"] = _dates(malls["inaugurated_on"])
    for column in ("agencies", "services"):
        table[column] = _counts(malls.get(column), malls.index)
    return table


def report_table(reports: list[tuple[str, list[dict]]], lang: str) -> pd.DataFrame:
    """Check reports as the History page offers them (``display.report_table``): one row per problem,
    led by the file it was found in. ``reports``: (file name, stored report) per file."""
    tables = [display.report_table(report, lang).assign(file=name) for name, report in reports]
    columns = ["file", "sheet", "row", "column", "value", "severity", "message"]
    if not tables:
        return pd.DataFrame(columns=columns)
    table = pd.concat(tables, ignore_index=True)[columns]
    table["row"] = _counts(table["row"], table.index)
    table["value"] = table["value"].map(lambda v: None if _is_missing(v) else str(v)).astype(object)
    return table


def _headed(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Column identifiers as the page's headers (``column.*``); a header already in words stays."""
    return frame.rename(columns=lambda c: t(f"column.{c}", lang) if f"column.{c}" in MESSAGES else str(c))


def to_csv_bytes(frame: pd.DataFrame, lang: str = "id") -> bytes:
    """UTF-8 with a BOM so that Excel opens Indonesian text correctly; comma-separated; headers in
    ``lang``; every text cell quoted and made formula-safe (:func:`csv_safe`); numbers bare; dates as
    ISO dates."""
    safe = _headed(frame, lang).rename(columns=csv_safe)
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_bool_dtype(safe[column])):
            safe[column] = safe[column].map(lambda v: None if _is_missing(v) else csv_safe(str(v))).astype(object)
    return safe.to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")


def _cell_value(value: object) -> object:
    if _is_missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str | dt.date):
        value = value.item()  # numpy scalars
    return neutralise(value)


def sheet_title(name: str) -> str:
    """A name Excel accepts for a sheet: no ``[]:*?/\\``, at most 31 characters.

    >>> sheet_title("ATR/BPN")
    'ATR-BPN'
    """
    return re.sub(r"[\[\]:*?/\\]", "-", name).strip("'")[:31] or "Sheet"


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str, lang: str = "id", stamp: dt.datetime = FIXED_STAMP) -> bytes:
    """One sheet with headers in ``lang``, a frozen header row and columns wide enough to read. Text is
    a string cell (never a formula), dates are date cells, numbers are numbers. ``stamp`` (the
    snapshot's time) is written as the workbook's creation and change time and as the time of each part
    of the file, so the same table gives the same bytes."""
    return to_workbook_bytes([(sheet_name, frame)], lang, stamp)


def to_workbook_bytes(
    sheets: Sequence[tuple[str, pd.DataFrame]], lang: str = "id", stamp: dt.datetime = FIXED_STAMP
) -> bytes:
    """A workbook of one sheet per (name, table), each as :func:`to_excel_bytes` writes its one sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet_name, frame in sheets:
        _fill_sheet(workbook.create_sheet(sheet_title(sheet_name)), _headed(frame, lang))
    stamp = stamp.replace(tzinfo=None, microsecond=0)
    buffer = io.BytesIO()
    workbook.save(buffer)  # sets the change time to now; the parts are rewritten below
    workbook.properties.created = workbook.properties.modified = stamp
    return _with_fixed_times(buffer.getvalue(), tostring(workbook.properties.to_tree()), stamp)


def _fill_sheet(sheet: Worksheet, headed: pd.DataFrame) -> None:
    bold = Font(bold=True)
    for column_index, header in enumerate(headed.columns, start=1):
        cell = sheet.cell(row=1, column=column_index, value=neutralise(str(header)))
        cell.data_type = "s"
        cell.font = bold
    for row_index, row in enumerate(headed.itertuples(index=False), start=2):
        for column_index, raw in enumerate(row, start=1):
            value = _cell_value(raw)
            if value is None:
                continue
            cell = sheet.cell(row=row_index, column=column_index, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl makes any str starting with "=" a formula
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    for column_index, column in enumerate(headed.columns, start=1):
        longest = max([len(str(column)), *(len(str(v)) for v in headed[column].head(500))])
        sheet.column_dimensions[sheet.cell(row=1, column=column_index).column_letter].width = min(60, longest + 2)


def _with_fixed_times(content: bytes, core_xml: bytes, stamp: dt.datetime) -> bytes:
    """The xlsx zip again, with ``stamp`` as every member's time and ``core_xml`` as its properties."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = core_xml if member.filename == "docProps/core.xml" else source.read(member)
            fixed = zipfile.ZipInfo(member.filename, date_time=stamp.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = member.external_attr
            target.writestr(fixed, data)
    return buffer.getvalue()


def to_file(frame: pd.DataFrame, fmt: str, *, name: str, sheet_name: str, lang: str, stamp: dt.datetime) -> Export:
    """``frame`` as a CSV or xlsx file named ``name`` plus the format's extension."""
    if fmt == "csv":
        return Export(f"{name}.csv", CSV_MIME, to_csv_bytes(frame, lang))
    if fmt == "xlsx":
        return Export(f"{name}.xlsx", XLSX_MIME, to_excel_bytes(frame, sheet_name, lang, stamp))
    raise ValueError(f"unknown export format {fmt!r}")
