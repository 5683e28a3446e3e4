"""Agreements and visits frames built in code for a register (until the upload kinds store them): every
third operating mall of a province gets a row per stage in turn, and each operating mall a few months of
visits. Deterministic: the same register gives the same frames."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd

from mpp_data import service
from mpp_data.reference.agencies import MOU_AGENCIES
from mpp_data.reference.agreements import AGREEMENT_COLUMNS, STAGES, VISIT_COLUMNS


def agreements_for(malls: pd.DataFrame, as_of: dt.date) -> pd.DataFrame:
    operating = malls[malls["status"].eq("operating")].sort_values(["region_code", "mall_name"])
    rows = []
    for i, mall in enumerate(operating.itertuples()):
        for j, agency in enumerate(MOU_AGENCIES[: 1 + i % 5]):
            stage = STAGES[(i + j) % len(STAGES)]
            signed = as_of - dt.timedelta(days=400 + 30 * j) if stage not in ("none", "drafting") else None
            valid = as_of + dt.timedelta(days=20 * (i % 7) + j) if signed else None
            rows.append((mall.region_code, mall.mall_name, agency.key, stage, f"PKS/{i}/{j}" if signed else None,
                         signed, valid, 3 + j if signed else None))  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))
    return frame.assign(
        signed_on=pd.to_datetime(frame["signed_on"]), valid_until=pd.to_datetime(frame["valid_until"]),
        services=frame["services"].astype("Int64"),
    )  # fmt: skip


def visits_for(malls: pd.DataFrame, month: dt.date) -> pd.DataFrame:
    operating = malls[malls["status"].eq("operating")].sort_values(["region_code", "mall_name"])
    rows = []
    for i, mall in enumerate(operating.itertuples()):
        if i % 4 == 3:
            continue  # a mall that reports nothing
        for back in range(3):
            start = (pd.Timestamp(month) - pd.DateOffset(months=back)).date()
            rows.append((mall.region_code, mall.mall_name, start, 100 * (i % 9) + 10 * back, 5 + i % 10, 20))
    frame = pd.DataFrame(rows, columns=list(VISIT_COLUMNS))
    return frame.assign(month=pd.to_datetime(frame["month"])).astype(
        {"visits": "Int64", "counters_active": "Int64", "counters_total": "Int64"}
    )


def with_use_tables(data: service.SnapshotData, as_of: dt.date) -> service.SnapshotData:
    """``data`` with agreements and visits frames built from its register."""
    month = as_of.replace(day=1)
    tables = {"agreements": agreements_for(data.malls, as_of), "visits": visits_for(data.malls, month)}
    return dataclasses.replace(data, tables={**data.tables, **tables})


def without_agreements_or_visits(url: str) -> str:
    """``url``'s store with the sample's malls and participation loaded as real data in view and no
    agreements or visits (the sample's own are never carried into real data)."""
    from tests.conftest import ANALYST, sample_as_real_files

    store = service.open_store(url)
    service.ingest_files(sample_as_real_files()[:2], store, actor=ANALYST, today=dt.date(2026, 1, 1))
    assert service.load_snapshot(store).table("agreements").empty
    store.dispose()
    return url
