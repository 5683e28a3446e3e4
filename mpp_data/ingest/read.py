"""Files to raw sheets: ``.xlsx``, ``.xlsm``, ``.xls``, ``.ods`` (python-calamine) and ``.csv`` (file I/O).

Formulas are never evaluated: calamine returns the values Excel cached.
"""

from __future__ import annotations

import csv
import html
import io
import re
import threading
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook, PasswordError

from mpp_data.errors import EncryptedFile, FileTooComplex, FileTooLarge, UnreadableFile

#: A workbook that unpacks to more than this, or compresses better than MAX_RATIO, is a zip bomb.
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 250
MAX_CELLS = 20_000_000
#: Sheets parsed at once, each reader with its own workbook (calamine's are not shared between threads).
SHEET_READERS = 2

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")


@dataclass(frozen=True)
class RawSheet:
    """One sheet as cells: ``rows[i][j]`` is Excel row i+1, column j+1 (str, int, float, date, bool or "")."""

    name: str
    rows: list[list[object]]


def megabytes(size: int) -> float | int:
    """Bytes in the MB every size message uses: 1 MB = 2**20 bytes, as ``MPP_MAX_UPLOAD_MB`` and
    Streamlit's ``server.maxUploadSize`` count it; whole numbers without a decimal.

    >>> megabytes(50 * 2**20), megabytes(60_000_000)
    (50, 57.2)
    """
    mb = round(size / 2**20, 1)
    return int(mb) if mb == int(mb) else mb


def iter_sheets(file_name: str, content: bytes, max_bytes: int) -> Iterator[RawSheet]:
    """Every sheet of one file, each as soon as it is read, the next one read meanwhile.

    Raises a typed error for a file that cannot be read at all: at the first step for most, at the
    sheet for a damaged or oversized one, so a caller drops what it took from that file."""
    if len(content) > max_bytes:
        raise FileTooLarge(file=file_name, size_mb=megabytes(len(content)), limit_mb=megabytes(max_bytes))
    if not content.strip():
        raise UnreadableFile(file=file_name, reason="empty")
    if content.startswith(_ZIP):
        _refuse_zip_bomb(file_name, content)
        yield from _read_workbook(file_name, content)
        return
    if content.startswith(_OLE2):
        if _ENCRYPTED_OOXML in content:
            raise EncryptedFile(file=file_name)
        yield from _read_workbook(file_name, content)
        return
    if file_name.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        raise UnreadableFile(file=file_name, reason="not_a_workbook")
    yield RawSheet(name=_csv_sheet_name(file_name), rows=_read_csv(file_name, content))


def _refuse_zip_bomb(file_name: str, content: bytes) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except zipfile.BadZipFile as exc:
        raise UnreadableFile(file=file_name, reason="not_a_workbook") from exc
    unpacked = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > 50_000_000 and unpacked / packed > MAX_RATIO):
        raise FileTooLarge(file=file_name, size_mb=megabytes(unpacked), packed_mb=megabytes(packed), variant="unpacked")


def _read_workbook(file_name: str, content: bytes) -> Iterator[RawSheet]:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    except PasswordError as exc:
        raise EncryptedFile(file=file_name) from exc
    except Exception as exc:  # calamine raises several error types for a damaged file
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise EncryptedFile(file=file_name) from exc
        raise UnreadableFile(file=file_name, reason="damaged") from exc
    # Reader threads parse the sheets while the caller checks the ones already read: calamine parses
    # for the most part without holding the GIL (a national export's participation grid takes as
    # long to parse as the mall sheet takes to check).
    local = threading.local()

    def rows_of(name: str) -> list[list[object]]:
        if not hasattr(local, "workbook"):  # a workbook is not shared between threads
            try:
                local.workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
            except Exception as exc:  # opened once already: only a damaged file gets here
                raise UnreadableFile(file=file_name, reason="damaged") from exc
        return _sheet_rows(file_name, local.workbook, name)

    with ThreadPoolExecutor(max_workers=SHEET_READERS, thread_name_prefix="mpp-sheet-reader") as reader:
        parsed = [(name, reader.submit(rows_of, name)) for name in workbook.sheet_names]
        try:
            for name, rows in parsed:
                yield RawSheet(name=name, rows=rows.result())
        finally:
            for _, rows in parsed:
                rows.cancel()


def _sheet_rows(file_name: str, workbook: CalamineWorkbook, name: str) -> list[list[Any]]:
    try:
        sheet = workbook.get_sheet_by_name(name)
        if sheet.total_height * max(sheet.total_width, 1) > MAX_CELLS:
            cells = round(sheet.total_height * sheet.total_width / 1e6, 1)
            raise FileTooLarge(file=file_name, cells=cells, variant="cells")
        return sheet.to_python(skip_empty_area=False)
    except FileTooLarge:
        raise
    except Exception as exc:
        raise UnreadableFile(file=file_name, reason="damaged_sheet", sheet=name) from exc


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _read_csv(file_name: str, content: bytes) -> list[list[object]]:
    text = _decode(content)
    if "\x00" in text:
        raise UnreadableFile(file=file_name, reason="binary")
    sample = text[:20000]
    delimiter = max([",", ";", "\t"], key=sample.count)
    # pandas' C parser is many times faster than the csv module on 100,000-row exports; exports put
    # short title rows above the table, so every row is read as wide as the widest line.
    width = max((line.count(delimiter) for line in text.splitlines()), default=0) + 1
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return frame.to_numpy(dtype=object).tolist()


def _csv_sheet_name(file_name: str) -> str:
    return file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


@dataclass(frozen=True)
class ReadLimits:
    """What a file may declare before any cell of it is parsed (``Settings``: MPP_MAX_CELLS, ...)."""

    max_cells: int = 2_000_000
    max_columns: int = 1_000
    max_line_bytes: int = 1024 * 1024


#: Bytes of a sheet's XML searched for its ``<dimension>`` (it comes first, after a few short tags).
_DIMENSION_HEAD = 64 * 1024
_DIMENSION = re.compile(
    rb"<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*[\"']([A-Za-z]{1,3}\d{1,9}(?::[A-Za-z]{1,3}\d{1,9})?)"
)
_CELL = re.compile(r"([A-Za-z]{1,3})(\d{1,9})")
_TAG = re.compile(rb"<(?:\w+:)?(?:sheet|Relationship)\b[^>]*>")
_ATTRIBUTE = re.compile(rb"([\w:]+)\s*=\s*[\"']([^\"']*)[\"']")


def refuse_oversized(file_name: str, content: bytes, limits: ReadLimits) -> None:
    """Raise ``FileTooComplex`` for a file that says it is too big, reading no cell of it.

    xlsx/xlsm: each sheet's declared ``<dimension ref="A1:XFD1048576">`` (counted from A1, as the
    sheet is read); csv: the longest line and the most delimiters on one line. Other formats, and a
    file whose declaration lies, are left to the parse worker's memory and time limits."""
    if content.startswith(_ZIP):
        _refuse_declared_dimensions(file_name, content, limits)
    elif not content.startswith(_OLE2) and not file_name.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")):
        _refuse_wide_csv(file_name, content, limits)


def _refuse_declared_dimensions(file_name: str, content: bytes, limits: ReadLimits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        sheets = _worksheet_members(archive)
        declared = [(name, _DIMENSION.search(_head(archive, member, _DIMENSION_HEAD))) for name, member in sheets]
    # A damaged archive is reported by the reader itself, with its own message.
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
        return
    for sheet, found in declared:
        if not found:
            continue
        last = found.group(1).decode().split(":")[-1]
        letters, row = _CELL.fullmatch(last).groups()
        columns = _column_number(letters)
        cells = columns * int(row)
        params = {"file": file_name, "sheet": sheet, "last_cell": last.upper()}
        if columns > limits.max_columns:
            raise FileTooComplex(**params, variant="columns", columns=columns, limit=limits.max_columns)
        if cells > limits.max_cells:
            raise FileTooComplex(**params, variant="cells", cells=_millions(cells), limit=_millions(limits.max_cells))


def _head(archive: zipfile.ZipFile, member: str, size: int) -> bytes:
    with archive.open(member) as stream:  # inflates only as far as asked
        return stream.read(size)


def _worksheet_members(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, zip member) of each worksheet, named as workbook.xml names them."""
    members = {info.filename for info in archive.infolist()}
    targets = {}
    if "xl/_rels/workbook.xml.rels" in members:
        for tag in _TAG.findall(_head(archive, "xl/_rels/workbook.xml.rels", 1024 * 1024)):
            attributes = dict(_ATTRIBUTE.findall(tag))
            target = attributes.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
            targets[attributes.get(b"Id", b"")] = target if target.startswith("xl/") else f"xl/{target}"
    sheets = []
    if "xl/workbook.xml" in members:
        for tag in _TAG.findall(_head(archive, "xl/workbook.xml", 1024 * 1024)):
            attributes = dict(_ATTRIBUTE.findall(tag))
            relation = next((v for k, v in attributes.items() if k.endswith(b":id")), b"")
            if targets.get(relation) in members:
                sheets.append(
                    (html.unescape(attributes.get(b"name", b"").decode("utf-8", "replace")), targets[relation])
                )
    named = {member for _, member in sheets}
    sheets += [
        (m.rsplit("/", 1)[-1].removesuffix(".xml"), m)
        for m in sorted(members - named)
        if m.startswith("xl/worksheets/") and m.endswith(".xml")
    ]
    return sheets[:1000]


def _millions(count: int) -> float | int:
    """``17179869184`` -> ``17179.9``; ``2000000`` -> ``2``."""
    millions = round(count / 1e6, 1)
    return int(millions) if millions == int(millions) else millions


def _column_number(letters: str) -> int:
    """``A`` -> 1, ``XFD`` -> 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _refuse_wide_csv(file_name: str, content: bytes, limits: ReadLimits) -> None:
    data = np.frombuffer(content, dtype=np.uint8)
    bounds = np.concatenate(([-1], np.flatnonzero(data == ord("\n")), [len(data)]))
    longest = int(np.diff(bounds).max()) - 1
    if longest > limits.max_line_bytes:
        raise FileTooComplex(
            file=file_name, variant="line", line_kb=round(longest / 1024), limit_kb=round(limits.max_line_bytes / 1024)
        )
    sample = content[:20000]
    delimiter = max([b",", b";", b"\t"], key=sample.count)  # as the reader chooses it
    found = np.flatnonzero(data == delimiter[0])
    if len(found) < limits.max_columns:
        return
    widest = int(np.diff(np.searchsorted(found, bounds)).max()) + 1
    if widest > limits.max_columns:
        raise FileTooComplex(file=file_name, variant="csv_columns", columns=widest, limit=limits.max_columns)
