"""Cooperation agreements (PKS) as an upload kind: a list (one row per agreement) or a grid of malls by
agencies whose cells hold stage words, dates or marks. Stages are read by ``reference.agreements.stage_of``
and agencies as the participation grid reads them (``match_agency``: Samsat -> Polri, Kantor Pertanahan ->
ATR/BPN, ...); the 17 MoU agencies stay the keys.

Found by :class:`AgreementLocator`: a list is a header naming a mall (or region), an agency and at least one
agreement field (PKS number, date signed, valid until, stage); a grid is the participation grid's header in a
sheet whose name or title speaks of PKS/agreements, or whose cells read as stages but not as presence marks.
Either scores above the participation table found in the same sheet.

Carry-over: ``CARRY_NEWEST``: an upload without agreements keeps the newest snapshot's agreements (the
snapshot in view), as malls and participation do. Diff: the keyed diff by mall and agency (the stage
changes themselves are listed by ``history.compute_stage_changes``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

import mpp_data.ingest.kinds.builtin  # noqa: F401  (malls and participation register first)
from mpp_data.ingest.cells import is_blank_cell, map_distinct
from mpp_data.ingest.findings import BAD, Finding, column_of, counts_of, parse_distinct, stripped
from mpp_data.ingest.kinds.base import (
    CARRY_NEWEST,
    Kind,
    MallColumns,
    checked_rows,
    loadable_rows,
    register,
    tally_rows,
)
from mpp_data.ingest.problems import IssueKind
from mpp_data.ingest.tables import HEADER_SYNONYMS, LocatedTable, field_for_header, fold_header, locate_table
from mpp_data.ingest.values import BadValue, parse_date, parse_presence
from mpp_data.reference.agencies import match_agency
from mpp_data.reference.agreements import AGREEMENT_COLUMNS, stage_of
from mpp_data.reference.names import fold_text

#: Stage headers any table may have (a participation list's "Status"): they name the stage of an agreement
#: list, but do not make a table one.
_GENERAL_STAGE_WORDS = ("tahap", "tahapan", "status", "keterangan")
HEADERS: dict[str, tuple[str, ...]] = {
    "row_number": HEADER_SYNONYMS["row_number"],
    "region_code": HEADER_SYNONYMS["region_code"],
    "region_name": HEADER_SYNONYMS["region_name"],
    "province_name": HEADER_SYNONYMS["province_name"],
    "mall_name": HEADER_SYNONYMS["mall_name"],
    # in an agreement list "Instansi" names the other party, never a count of agencies
    "agency": (*HEADER_SYNONYMS["agency"], "instansi", "instansi mitra", "mitra", "pihak kedua", "partner agency"),
    "pks_number": (
        "nomor pks",
        "no pks",
        "no. pks",
        "nomor perjanjian",
        "nomor perjanjian kerja sama",
        "pks number",
        "agreement number",
        "agreement no",
    ),
    "signed_on": (
        "tanggal pks",
        "tanggal ditandatangani",
        "tanggal penandatanganan",
        "tgl pks",
        "tanggal tanda tangan",
        "date signed",
        "signed on",
        "signing date",
        "signed",
    ),
    "valid_until": (
        "berlaku sampai",
        "berlaku hingga",
        "masa berlaku",
        "tanggal berakhir",
        "berakhir",
        "valid until",
        "expires",
        "expiry date",
        "end date",
    ),
    "stage": (
        *_GENERAL_STAGE_WORDS,
        "status pks",
        "tahap pks",
        "status perjanjian",
        "keterangan",
        "stage",
        "agreement status",
        "agreement stage",
    ),
    "services": HEADER_SYNONYMS["services"],
}
_GENERAL_FOLDED = frozenset(fold_header(w) for w in _GENERAL_STAGE_WORDS)
_AGREEMENT_FIELDS = frozenset({"pks_number", "signed_on", "valid_until", "stage"})
_TITLE_WORDS = ("pks", "perjanjian kerja sama", "perjanjian kerjasama", "kerja sama", "agreement", "agreements")
CHECKED_COLUMNS = (
    "file",
    "sheet",
    "row",
    "region_code",
    "mall",
    "agency",
    "agency_key",
    "stage",
    "pks_number",
    "signed_on",
    "valid_until",
    "services",
    "rejected",
)
DTYPES = {
    "region_code": "object",
    "mall": "object",
    "agency": "object",
    "stage": "object",
    "pks_number": "object",
    "signed_on": "datetime64[ns]",
    "valid_until": "datetime64[ns]",
    "services": "Int64",
    "sheet": "object",
    "row": "Int64",
}
COLUMNS = (*AGREEMENT_COLUMNS, "sheet", "row")


def _list_table(sheet: str, rows: list[list[object]]) -> LocatedTable | None:
    index = {fold_header(w): f for f, words in HEADERS.items() for w in words}
    for i, row in enumerate(rows[:40]):
        written = {j: str(v).strip() for j, v in enumerate(row) if not is_blank_cell(v) and str(v).strip()}
        columns: dict[int, str] = {}
        for j, header in written.items():
            found = index.get(fold_header(header)) or field_for_header(header)  # the malls' looser reading too
            if found in HEADERS and found not in columns.values():
                columns[j] = found
        named = set(columns.values())
        specific = {columns[j] for j in columns if fold_header(written[j]) not in _GENERAL_FOLDED} & _AGREEMENT_FIELDS
        if "agency" in named and named & {"mall_name", "region_name", "region_code"} and specific:
            score = len(named - {"row_number"}) + 0.5
            return LocatedTable(sheet, "agreements_list", (i + 1,), written, columns, score=score)
    return None


def _speaks_of_agreements(sheet: str, rows: list[list[object]], header_row: int) -> bool:
    above = [sheet] + [str(v) for r in rows[: header_row - 1] for v in r if isinstance(v, str)]
    return any(f" {w} " in f" {fold_text(t)} " for t in above for w in _TITLE_WORDS)


def _cells_read_as_stages(table: LocatedTable, rows: list[list[object]]) -> bool:
    """Some grid cell is a stage the participation grid cannot read (``proses``, ``PKS 12/03/2024``)."""
    for row in rows[table.header_rows[-1] : table.header_rows[-1] + 30]:
        for j in table.agency_columns:
            value = row[j] if j < len(row) else None
            if is_blank_cell(value):
                continue
            try:
                parse_presence(value)
            except BadValue:
                if stage_of(value) is not None:
                    return True
    return False


@dataclass(frozen=True)
class AgreementLocator:
    """The agreements table of a sheet (list or grid); a value, so the kind travels to the parse worker."""

    def __call__(self, sheet: str, rows: list[list[object]]) -> LocatedTable:
        listed = _list_table(sheet, rows)
        if listed is not None:
            return listed
        grid = locate_table(sheet, rows)
        if grid.kind == "participation_wide" and (
            _speaks_of_agreements(sheet, rows, grid.header_rows[0]) or _cells_read_as_stages(grid, rows)
        ):
            return replace(grid, kind="agreements_grid", score=grid.score + 1)
        return LocatedTable(sheet=sheet, kind="unknown", header_rows=(), headers={}, columns={})


def _date_column(data, table, name, log, rows) -> pd.Series:
    raw, column = column_of(data, table, name)

    def check(value: object, answer: object) -> Finding | None:
        return Finding(column, value, IssueKind.BAD_DATE) if answer is BAD else None

    def parse(value: object) -> object:
        if is_blank_cell(value):
            return None
        found = parse_date(value)
        if found is None:
            raise BadValue(value)
        return found

    parsed = parse_distinct(raw, parse, log, rows, check)
    return pd.to_datetime(parsed.map(lambda v: None if v is BAD else v), errors="coerce").astype("datetime64[ns]")


def _agency_of(written: pd.Series) -> tuple[pd.Series, pd.Series]:
    keys = map_distinct(written, match_agency)
    return keys.where(keys.notna(), written), keys


def _list_rows(table, data, log, rows, codes, malls) -> pd.DataFrame:
    written_raw, agency_column = column_of(data, table, "agency")
    written = map_distinct(written_raw, stripped)
    missing = written == ""
    for row in rows[missing]:
        log.add(row, Finding(agency_column, "", IssueKind.MISSING_AGENCY))
    agency, key = _agency_of(written)
    unknown = key.isna() & ~missing
    for value, group in rows[unknown].groupby(written[unknown], sort=False):
        log.add(group.iloc[0], Finding(agency_column, value, IssueKind.UNKNOWN_AGENCY, {"occurrences": len(group)}))
    signed = _date_column(data, table, "signed_on", log, rows)
    valid = _date_column(data, table, "valid_until", log, rows)
    stage_raw, stage_column = column_of(data, table, "stage")
    stages: list[object] = []
    for i, (value, on, until) in enumerate(zip(stage_raw, signed, valid, strict=True)):
        reading = stage_of(
            value, signed_on=None if pd.isna(on) else on.date(), valid_until=None if pd.isna(until) else until.date()
        )
        if reading is None:
            log.add(rows.iloc[i], Finding(stage_column, value, IssueKind.BAD_STAGE))
        stages.append(None if reading is None else reading.stage)
    number_raw, _ = column_of(data, table, "pks_number")
    return pd.DataFrame(
        {
            "row": rows,
            "region_code": codes,
            "mall": malls,
            "agency": agency,
            "agency_key": key,
            "stage": stages,
            "pks_number": map_distinct(number_raw, lambda v: stripped(v) or None),
            "signed_on": signed,
            "valid_until": valid,
            "services": counts_of(data, table, "services", log, rows),
        },
        index=rows.index,
    )[~missing]


def _grid_rows(table, data, log, rows, codes, malls) -> pd.DataFrame:
    """One row per mall and agency column whose cell is written (an empty cell: no row, read as ``none``)."""
    columns = list(table.agency_columns)
    headers = [table.agency_columns[j] for j in columns]
    agency, key = _agency_of(pd.Series(headers, dtype=object))
    out: dict[str, list[object]] = {c: [] for c in ("row", "position", "agency_at", "stage", "signed_on")}
    for position, (row, values) in enumerate(zip(rows, data.frame[columns].itertuples(index=False), strict=True)):
        for k, value in enumerate(values):
            if is_blank_cell(value):
                continue
            reading = stage_of(value)
            if reading is None:
                log.add(row, Finding(headers[k], value, IssueKind.BAD_STAGE))
                continue
            for name, item in zip(out, (row, position, k, reading.stage, reading.signed_on), strict=True):
                out[name].append(item)
    at = np.asarray(out["position"], dtype=int)
    agency_at = np.asarray(out["agency_at"], dtype=int)
    return pd.DataFrame(
        {
            "row": out["row"],
            "region_code": codes.to_numpy(dtype=object)[at],
            "mall": malls.to_numpy(dtype=object)[at],
            "agency": agency.to_numpy(dtype=object)[agency_at],
            "agency_key": key.to_numpy(dtype=object)[agency_at],
            "stage": out["stage"],
            "pks_number": None,
            "signed_on": pd.to_datetime(pd.Series(out["signed_on"], dtype=object)).astype("datetime64[ns]"),
            "valid_until": pd.Series(pd.NaT, index=range(len(at)), dtype="datetime64[ns]"),
            "services": pd.array([None] * len(at), dtype="Int64"),
        }
    )


def check_agreements(table, data, resolver, file, today):
    build = _grid_rows if table.kind == "agreements_grid" else _list_rows
    return checked_rows(table, data, resolver, file, build=build, columns=CHECKED_COLUMNS)


def loadable_agreements(frame: pd.DataFrame) -> pd.DataFrame:
    return loadable_rows(frame, COLUMNS, DTYPES, required=("stage",))


AGREEMENTS = register(
    Kind(
        name="agreements",
        columns=COLUMNS,
        dtypes=DTYPES,
        checked_columns=CHECKED_COLUMNS,
        headers={f: HEADERS[f] for f in HEADERS if f != "row_number"},
        locate=AgreementLocator(),
        table_kinds=("agreements_list", "agreements_grid"),
        check=check_agreements,
        tally=tally_rows,
        loadable=loadable_agreements,
        key=("region_code", "mall", "agency"),
        report_columns=(*COLUMNS, "rejected"),
        carry=CARRY_NEWEST,
        names_mall=MallColumns("mall"),
    )
)
