"""The two kinds the dashboard began with: the mall list and the agencies present in each mall.

Both are found by the shared header search (``tables.locate_table``, one pass deciding between them)
and stored in the store's own tables (malls one row each, participation one Parquet block); a load
merges them into the register (``analysis.register``) rather than replacing them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from mpp_data.ingest.cells import group_numbers
from mpp_data.ingest.kinds.base import CARRY_NEWEST, Kind, MallColumns, Tally, register
from mpp_data.ingest.malls import MALL_OUTPUT_COLUMNS, validate_malls
from mpp_data.ingest.participation import PARTICIPATION_OUTPUT_COLUMNS, validate_participation
from mpp_data.ingest.problems import IssueKind
from mpp_data.ingest.tables import HEADER_SYNONYMS, locate_table

_MALL_FIELDS = (
    "row_number",
    "region_code",
    "region_name",
    "province_name",
    "mall_name",
    "status",
    "inaugurated_on",
    "agencies",
    "services",
    "note",
)
_PARTICIPATION_FIELDS = (
    "row_number",
    "region_code",
    "region_name",
    "province_name",
    "mall_name",
    "agency",
    "present",
    "services",
    "note",
)

#: The stored malls (the store's ``malls`` table, a test holds the two together).
MALL_DTYPES = {
    "mall_name": "str",
    "region_code": "str",
    "province_code": "str",
    "region_written": "object",
    "status": "str",
    "inaugurated_on": "object",
    "inaugurated_precision": "object",
    "agencies": "Int64",
    "services": "Int64",
    "sheet": "object",
    "row": "Int64",
    "counted_from": "object",
}
#: The stored participation's columns, in order, and their pandas types (its Parquet block's).
PARTICIPATION_DTYPES = {
    "region_code": "str",
    "mall_name": "str",
    "agency": "str",
    "present": "bool",
    "services": "Int64",
    "sheet": "str",
    "row": "Int64",
}
_LOADED_MALL_COLUMNS = [
    "mall_name",
    "region_code",
    "province_code",
    "region_written",
    "status",
    "inaugurated_on",
    "agencies",
    "services",
    "sheet",
    "row",
]


def check_malls(table, data, resolver, file, today):
    return validate_malls(table, data, resolver, file, today)


def check_participation(table, data, resolver, file, today):
    return validate_participation(table, data, resolver, file)


def tally_malls(malls: pd.DataFrame) -> Tally:
    repeated = int(malls["duplicate"].fillna(False).sum()) if "duplicate" in malls else 0
    rejected = int(malls["rejected"].sum()) if not malls.empty else 0
    return Tally(len(malls) - rejected - repeated, rejected, repeated)


def tally_participation(participation: pd.DataFrame) -> Tally:
    """A wide sheet gives one entry per agency from each row: the rows are counted."""
    rows = group_numbers(participation["file"], participation["sheet"], participation["row"])
    rejected = len(np.unique(rows[participation["rejected"].to_numpy(dtype=bool)]))
    loaded = int(rows.max()) + 1 - rejected if len(rows) else 0
    return Tally(loaded, rejected)


def loadable_malls(malls: pd.DataFrame) -> pd.DataFrame:
    """The rows a load takes: neither rejected nor an exact repeat."""
    keep = malls[~malls["rejected"] & ~malls["duplicate"].fillna(False).astype(bool)]
    return keep[_LOADED_MALL_COLUMNS].reset_index(drop=True)


def loadable_participation(participation: pd.DataFrame) -> pd.DataFrame:
    rejected = participation["rejected"].to_numpy(dtype=bool)
    columns = list(PARTICIPATION_DTYPES)  # what the store keeps of each entry
    keep = participation.loc[~rejected, columns] if rejected.any() else participation[columns]
    return keep.reset_index(drop=True)


MALLS = register(
    Kind(
        name="malls",
        columns=tuple(MALL_DTYPES),
        dtypes=MALL_DTYPES,
        checked_columns=tuple(MALL_OUTPUT_COLUMNS),
        headers={f: HEADER_SYNONYMS[f] for f in _MALL_FIELDS},
        locate=locate_table,
        table_kinds=("malls",),
        check=check_malls,
        tally=tally_malls,
        loadable=loadable_malls,
        key=("region_code", "mall_name"),
        report_columns=(
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
        ),
        carry=CARRY_NEWEST,
        stored_in="malls",
    )
)

PARTICIPATION = register(
    Kind(
        name="participation",
        columns=tuple(PARTICIPATION_DTYPES),
        dtypes=PARTICIPATION_DTYPES,
        checked_columns=tuple(PARTICIPATION_OUTPUT_COLUMNS),
        headers={f: HEADER_SYNONYMS[f] for f in _PARTICIPATION_FIELDS},
        locate=locate_table,
        table_kinds=("participation_long", "participation_wide"),
        check=check_participation,
        tally=tally_participation,
        loadable=loadable_participation,
        key=("region_code", "mall_name", "agency"),
        report_columns=("region_code", "mall_name", "agency", "present", "services", "sheet", "row"),
        carry=CARRY_NEWEST,
        stored_in="participation_blocks",
        names_mall=MallColumns("mall_name", issue=IssueKind.PARTICIPATION_WITHOUT_MALL),
    )
)
