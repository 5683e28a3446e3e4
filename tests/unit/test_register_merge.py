"""How a participation file merges with the register's participation (``analysis.register``)."""

from __future__ import annotations

import pandas as pd

from mpp_data.analysis.register import UPDATE, merge_participation

COLUMNS = ["region_code", "mall_name", "agency", "present", "services", "sheet", "row"]


def rows(*values: tuple) -> pd.DataFrame:
    return pd.DataFrame(list(values), columns=COLUMNS)


def test_a_file_for_a_regions_mall_replaces_the_row_that_named_only_the_region():
    # loaded before the region had a mall: the row could name only the region
    current = rows(("32.76", None, "polri", True, 10, "Instansi", 2), ("61.03", None, "polri", True, 3, "Instansi", 3))
    incoming = rows(("32.76", "MPP Depok", "polri", True, 11, "Instansi", 2))
    merged = merge_participation(current, incoming, UPDATE)
    depok = merged[merged["region_code"] == "32.76"]
    assert depok["services"].tolist() == [11] and depok["mall_name"].tolist() == ["MPP Depok"]
    # another region's row naming only its region stays
    assert merged.loc[merged["region_code"] == "61.03", "services"].tolist() == [3]


def test_a_file_for_one_mall_keeps_the_other_malls_rows():
    current = rows(
        ("32.76", "MPP Depok", "polri", True, 5, "I", 2), ("32.76", "MPP Depok Dua", "polri", True, 6, "I", 3)
    )
    incoming = rows(("32.76", "MPP Depok", "polri", True, 7, "I", 2))
    merged = merge_participation(current, incoming, UPDATE)
    assert sorted(zip(merged["mall_name"], merged["services"], strict=True)) == [("MPP Depok", 7), ("MPP Depok Dua", 6)]
