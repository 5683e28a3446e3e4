"""Registers generated for property tests (issue 20, point 7): any mix of statuses and dates, undated
rows, empty provinces, participation for some malls (and for malls no longer in the register),
province-run malls, and withdrawn snapshots. Frames in the store's own shape."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from hypothesis import strategies as st

from mpp_data.reference.agencies import MOU_AGENCIES
from mpp_data.reference.regions import official_regions
from mpp_data.store.snapshots import NewSnapshot, Store

REGIONS = official_regions()
STATUSES = ["operating", "under_construction", "planned"]
MOU_KEYS = [a.key for a in MOU_AGENCIES]


@dataclass(frozen=True)
class Register:
    """What one generated case stores: a list of snapshots (malls, participation) and which are withdrawn."""

    snapshots: tuple[tuple[pd.DataFrame, pd.DataFrame], ...]
    withdrawn: tuple[int, ...]  # positions in ``snapshots``; never all of them


@st.composite
def malls_frames(draw: st.DrawFn) -> pd.DataFrame:
    # a few provinces, so most are empty; regions drawn within them
    provinces = draw(st.lists(st.sampled_from(sorted(REGIONS["province_code"].unique())), max_size=4, unique=True))
    pool = REGIONS[REGIONS["province_code"].isin(provinces)]
    rows = []
    if len(pool):
        count = draw(st.integers(0, 12))
        for n in range(count):
            region = pool.iloc[draw(st.integers(0, len(pool) - 1))]
            province_run = draw(st.integers(0, 15)) == 0
            status = draw(st.sampled_from(STATUSES))
            date = draw(st.none() | st.dates(dt.date(2016, 1, 1), dt.date(2026, 12, 31)))
            rows.append(
                {
                    "mall_name": f"MPP {n} {region['name']}",
                    "region_code": region["province_code"] if province_run else region["code"],
                    "province_code": region["province_code"],
                    "region_written": region["name"],
                    "status": status,
                    "inaugurated_on": date,
                    "inaugurated_precision": draw(st.sampled_from([None, "month"])) if date else None,
                    "agencies": draw(st.none() | st.integers(0, 40)),
                    "services": draw(st.none() | st.integers(0, 400)),
                    "sheet": "MPP",
                    "row": n + 2,
                }
            )
    frame = pd.DataFrame(rows, columns=["mall_name", "region_code", "province_code", "region_written", "status",
                                        "inaugurated_on", "inaugurated_precision", "agencies", "services", "sheet",
                                        "row"])  # fmt: skip
    for column in ("agencies", "services", "row"):
        frame[column] = frame[column].astype("Int64")
    return frame


@st.composite
def participation_frames(draw: st.DrawFn, malls: pd.DataFrame, others: pd.DataFrame) -> pd.DataFrame:
    """Rows for some of ``malls`` (and perhaps some of ``others``: malls no longer in the register)."""
    candidates = pd.concat([malls, others]).drop_duplicates(["region_code", "mall_name"])
    rows = []
    for mall in candidates.itertuples(index=False):
        if not draw(st.booleans()):
            continue
        agencies = draw(st.lists(st.sampled_from(MOU_KEYS), min_size=1, max_size=5, unique=True))
        for agency in agencies:
            rows.append({"region_code": mall.region_code, "mall_name": mall.mall_name, "agency": agency,
                         "present": draw(st.booleans()), "services": draw(st.none() | st.integers(0, 30)),
                         "sheet": "Keikutsertaan", "row": len(rows) + 2})  # fmt: skip
    frame = pd.DataFrame(rows, columns=["region_code", "mall_name", "agency", "present", "services", "sheet", "row"])
    frame["present"] = frame["present"].astype(bool)
    for column in ("services", "row"):
        frame[column] = frame[column].astype("Int64")
    return frame


@st.composite
def registers(draw: st.DrawFn) -> Register:
    count = draw(st.integers(1, 3))
    snapshots = []
    previous = pd.DataFrame()
    for _ in range(count):
        malls = draw(malls_frames())
        participation = draw(participation_frames(malls, previous if len(previous) else malls.iloc[:0]))
        snapshots.append((malls, participation))
        previous = malls
    withdrawn = draw(st.lists(st.integers(0, count - 1), max_size=count - 1, unique=True))
    return Register(tuple(snapshots), tuple(sorted(withdrawn)))


def save_register(store: Store, register: Register) -> list[int]:
    """Store every snapshot, then withdraw the chosen ones (as an admin would); the ids written."""
    from mpp_data import service
    from mpp_data.access import Actor, Role

    admin = Actor("admin@example.go.id", Role.ADMIN)
    ids = [store.save_snapshot(NewSnapshot(malls=m, participation=p, files=[])) for m, p in register.snapshots]
    for position in register.withdrawn:
        service.withdraw_snapshot(store, ids[position], actor=admin, reason="generated")
    return ids


#: A province with few regions, for a deck whose register has malls in two of them.
SMALL_PROVINCE = "93"  # Papua Selatan: four regions


def national_register(seed: int = 2026, *, malls_share: float = 0.62, participation_share: float = 0.12) -> Register:
    """One register shaped like the national ones the ministry exports: about ``malls_share`` of the 514
    kabupaten/kota with an operating mall (inaugurated from 2017, faster in recent years, some dated
    to the month only, a few undated), some under construction or planned, a few province-run malls, and
    participation sheets for only ``participation_share`` of the operating malls (as real data goes:
    most malls send none). Deterministic for a ``seed``."""
    import random

    rng = random.Random(seed)
    start = dt.date(2017, 3, 1)
    span = (dt.date(2025, 12, 15) - start).days
    rows = []
    for region in REGIONS.itertuples(index=False):
        draw = rng.random()
        if draw < malls_share:
            status = "operating"
            date: dt.date | None = start + dt.timedelta(days=int(span * rng.random() ** 0.6))
        elif draw < malls_share + 0.1:
            status, date = "under_construction", None
        elif draw < malls_share + 0.18:
            status, date = "planned", None
        else:
            continue
        if status == "operating" and rng.random() < 0.02:
            date = None  # operating, date not known
        rows.append((region.code, region.province_code, region.name, status, date))
    for province in sorted(REGIONS["province_code"].unique())[::9]:  # a province-run mall in a few provinces
        rows.append((province, province, f"Provinsi {province}", "operating", dt.date(2023, 5, 17)))
    malls = pd.DataFrame(
        [
            {"mall_name": f"MPP {name}", "region_code": code, "province_code": province, "region_written": name,
             "status": status, "inaugurated_on": date,
             "inaugurated_precision": None if date is None else ("month" if rng.random() < 0.15 else "day"),
             "agencies": rng.randint(5, 60) if status == "operating" else None,
             "services": rng.randint(40, 600) if status == "operating" else None, "sheet": "MPP", "row": n + 2}
            for n, (code, province, name, status, date) in enumerate(rows)
        ]
    )  # fmt: skip
    for column in ("agencies", "services", "row"):
        malls[column] = malls[column].astype("Int64")
    reporting = malls[(malls["status"] == "operating") & (malls["region_code"].str.len() > 2)]
    reporting = reporting.sample(frac=participation_share, random_state=seed)
    part_rows = []
    for mall in reporting.itertuples(index=False):
        for agency in MOU_KEYS:
            part_rows.append({"region_code": mall.region_code, "mall_name": mall.mall_name, "agency": agency,
                              "present": rng.random() < rng.choice([0.15, 0.5, 0.9]), "services": None,
                              "sheet": "Keikutsertaan", "row": len(part_rows) + 2})  # fmt: skip
    participation = pd.DataFrame(part_rows)
    participation["present"] = participation["present"].astype(bool)
    for column in ("services", "row"):
        participation[column] = participation[column].astype("Int64")
    return Register(((malls, participation),), ())


def province_with_two_regions(province: str = SMALL_PROVINCE) -> Register:
    """A register whose only malls are in two kabupaten/kota of ``province``: one operating since 2022
    with participation data, one under construction; the province's other regions have none."""
    first, second = REGIONS[REGIONS["province_code"] == province]["code"].tolist()[:2]
    name = dict(zip(REGIONS["code"], REGIONS["name"], strict=True))
    malls = pd.DataFrame(
        [
            {"mall_name": f"MPP {name[first]}", "region_code": first, "province_code": province,
             "region_written": name[first], "status": "operating", "inaugurated_on": dt.date(2022, 8, 17),
             "inaugurated_precision": "day", "agencies": 14, "services": 120, "sheet": "MPP", "row": 2},
            {"mall_name": f"MPP {name[second]}", "region_code": second, "province_code": province,
             "region_written": name[second], "status": "under_construction", "inaugurated_on": None,
             "inaugurated_precision": None, "agencies": None, "services": None, "sheet": "MPP", "row": 3},
        ]
    )  # fmt: skip
    for column in ("agencies", "services", "row"):
        malls[column] = malls[column].astype("Int64")
    participation = pd.DataFrame(
        [{"region_code": first, "mall_name": f"MPP {name[first]}", "agency": key, "present": i % 3 != 0,
          "services": None, "sheet": "Keikutsertaan", "row": i + 2} for i, key in enumerate(MOU_KEYS)]
    )  # fmt: skip
    participation["present"] = participation["present"].astype(bool)
    for column in ("services", "row"):
        participation[column] = participation[column].astype("Int64")
    return Register(((malls, participation),), ())
