"""How a load changes the register: which malls it adds, removes and changes, and the register it
leaves (pure: frames in, frames out).

**Mall identity.** A mall in a file is the register's mall of the same kabupaten/kota (``region_code``)
whose name reads the same once normalised: case, accents, punctuation and spacing aside, ``Mal
Pelayanan Publik`` is ``MPP`` and ``Kab.`` is ``Kabupaten`` (so ``MPP Kota Medan`` = ``Mal Pelayanan
Publik Kota Medan``). A mall left unmatched by name is the register's mall of its region when the
region has exactly one unmatched mall on each side (a renamed mall, ``MPP Medan`` for ``MPP Kota
Medan``).

**Modes.** ``update``: the file's malls are added or update the register's; malls not in the file stay.
``replace``: the file is the whole register. ``auto`` replaces when the file covers the national register
(see :func:`file_scope`) or when there is no register yet, and updates otherwise.

``malls``: one row per mall (``store.MALL_COLUMNS``); ``participation``: one row per mall and agency.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from mpp_data.ingest.values import OPERATING
from mpp_data.reference.names import fold_text

AUTO, UPDATE, REPLACE = "auto", "update", "replace"
MODES = (AUTO, UPDATE, REPLACE)
#: A replace removing more than this share of the operating malls needs an explicit confirmation.
CONFIRM_REMOVED_SHARE = 0.10
#: A file covers the national register when it names malls in this share of the register's provinces
#: and lists at least ``NATIONAL_MALL_SHARE`` of its malls.
NATIONAL_PROVINCE_SHARE = 0.9
NATIONAL_MALL_SHARE = 0.5
#: With no register to compare with, a national file names malls in this many of the 38 provinces.
NATIONAL_PROVINCES = 30
#: A province report names at least this share of the register's malls of each province it covers.
PROVINCE_REPORT_SHARE = 0.5

_COMPARED = ("status", "inaugurated_on", "agencies", "services")
_NAME_WORDS = [
    (re.compile(r"\bmal{1,2} pelayanan publik\b"), "mpp"),
    (re.compile(r"\bkab\b"), "kabupaten"),
    (re.compile(r"\bkota adm(inistrasi)?\b"), "kota"),
]


@lru_cache(maxsize=1 << 16)
def _folded_name(name: str) -> str:
    text = fold_text(name)
    for pattern, replacement in _NAME_WORDS:
        text = pattern.sub(replacement, text)
    return text


def mall_name_key(name: object) -> str:
    """A mall's name as the identity rule compares it.

    >>> mall_name_key("Mal Pelayanan Publik Kota Medan") == mall_name_key(" MPP  KOTA MEDAN ")
    True
    >>> mall_name_key("MPP Kab. Siak")
    'mpp kabupaten siak'
    """
    if name is None or (isinstance(name, float) and name != name):
        return ""
    return _folded_name(str(name))  # pages ask again at each date: each distinct name is folded once


def name_keys(names: pd.Series) -> pd.Series:
    """:func:`mall_name_key` of each name, each distinct name folded once (a grid repeats each 17 times)."""
    codes, distinct = pd.factorize(names)  # a missing name is code -1: the last entry, ""
    folded = np.array([mall_name_key(name) for name in distinct] + [""], dtype=object)
    return pd.Series(folded[codes], index=names.index, dtype="str")


def mall_keys(malls: pd.DataFrame) -> pd.Series:
    """``61.03|mpp kabupaten sanggau`` per mall: region code and normalised name."""
    return malls["region_code"].astype(str) + "|" + name_keys(malls["mall_name"])


def match_malls(current: pd.DataFrame, incoming: pd.DataFrame) -> pd.Series:
    """For each incoming mall (by position), the position of the register's mall it is, or -1."""
    current_keys, incoming_keys = mall_keys(current).tolist(), mall_keys(incoming).tolist()
    first: dict[str, int] = {}
    for i, key in enumerate(current_keys):
        first.setdefault(key, i)
    matched = [first.get(key, -1) for key in incoming_keys]
    taken = {m for m in matched if m >= 0}
    # A region with one unmatched mall on each side: the same mall under another name.
    free_current: dict[str, list[int]] = {}
    for i, code in enumerate(current["region_code"].astype(str)):
        if i not in taken:
            free_current.setdefault(code, []).append(i)
    free_incoming: dict[str, list[int]] = {}
    for j, code in enumerate(incoming["region_code"].astype(str)):
        if matched[j] < 0:
            free_incoming.setdefault(code, []).append(j)
    for code, rows in free_incoming.items():
        if len(rows) == 1 and len(free_current.get(code, [])) == 1:
            matched[rows[0]] = free_current[code][0]
    return pd.Series(matched, index=incoming.index, dtype=int)


def file_scope(incoming: pd.DataFrame, current: pd.DataFrame) -> tuple[str, tuple[str, ...]]:
    """What the file's malls cover: ``national`` (the whole register), ``provinces`` (a province's
    report: most of the register's malls of each province it names) or ``malls`` (a list, such as one
    inauguration batch); ``none`` without malls. With the provinces named."""
    if incoming.empty:
        return "none", ()
    provinces = tuple(sorted(set(incoming["province_code"].astype(str))))
    if current.empty:
        return ("national" if len(provinces) >= NATIONAL_PROVINCES else "provinces"), provinces
    register_provinces = set(current["province_code"].astype(str))
    covered = len(register_provinces & set(provinces)) / len(register_provinces)
    if covered >= NATIONAL_PROVINCE_SHARE and len(incoming) >= NATIONAL_MALL_SHARE * len(current):
        return "national", provinces
    # a province report names most of the register's malls of each province it covers
    per_province = current.groupby(current["province_code"].astype(str)).size()
    found = current.iloc[sorted({int(i) for i in match_malls(current, incoming) if i >= 0})]
    named = found.groupby(found["province_code"].astype(str)).size()
    if all(named.get(p, 0) >= PROVINCE_REPORT_SHARE * per_province.get(p, 0) for p in provinces):
        return "provinces", provinces
    return "malls", provinces


@dataclass(frozen=True)
class LoadPlan:
    """What a load will do to the register in view, before it does it.

    ``by_province``: one row per province touched: province_code, malls_added, malls_removed,
    malls_changed, regions_gained, regions_lost (a region is covered with an operating mall, dated or not).
    """

    mode: str
    asked: str
    scope: str
    provinces: tuple[str, ...]
    malls_added: int
    malls_removed: int
    malls_changed: int
    regions_gained: int
    regions_lost: int
    operating_before: int
    operating_removed: int
    malls_after: int
    malls_in_files: int
    by_province: pd.DataFrame = field(repr=False)

    @property
    def needs_confirmation(self) -> bool:
        """A replace that removes more than a tenth of the operating malls: asked for on the page and
        given on the command line as ``--mode replace``."""
        return (
            self.mode == REPLACE
            and self.operating_before > 0
            and self.operating_removed > CONFIRM_REMOVED_SHARE * self.operating_before
        )

    @property
    def removed_share_pct(self) -> float:
        return round(100 * self.operating_removed / self.operating_before, 1) if self.operating_before else 0.0

    def as_json(self) -> dict:
        return {
            "mode": self.mode,
            "asked": self.asked,
            "scope": self.scope,
            "provinces": list(self.provinces),
            "malls_added": self.malls_added,
            "malls_removed": self.malls_removed,
            "malls_changed": self.malls_changed,
            "regions_gained": self.regions_gained,
            "regions_lost": self.regions_lost,
            "operating_removed": self.operating_removed,
            "malls_after": self.malls_after,
            "malls_in_files": self.malls_in_files,
            "needs_confirmation": self.needs_confirmation,
        }


def resolve_mode(asked: str, scope: str, current: pd.DataFrame) -> str:
    """The mode a load uses: ``asked`` unless ``auto``, which replaces a national file or an empty
    register and updates otherwise."""
    if asked not in MODES:
        raise ValueError(f"unknown load mode {asked!r}")
    if asked != AUTO:
        return asked
    return REPLACE if scope == "national" or current.empty else UPDATE


def merge_malls(current: pd.DataFrame, incoming: pd.DataFrame, mode: str) -> pd.DataFrame:
    """The register after the load: the file's malls (replace), or the register's malls the file does
    not name followed by the file's (update)."""
    if mode == REPLACE or current.empty:
        return incoming.reset_index(drop=True)
    matched = set(match_malls(current, incoming))
    kept = current[[i not in matched for i in range(len(current))]]
    columns = list(dict.fromkeys([*current.columns, *incoming.columns]))
    parts = [f.reindex(columns=columns) for f in (kept, incoming) if not f.empty]
    return pd.concat(parts, ignore_index=True) if parts else current.iloc[:0]


def _changed(current: pd.DataFrame, incoming: pd.DataFrame, matched: pd.Series) -> pd.Series:
    """Per incoming mall matched: whether its status, date, agencies or services differ."""
    hits = matched[matched >= 0]
    if hits.empty:
        return pd.Series(False, index=incoming.index)
    before = current.iloc[hits.to_numpy()].reset_index(drop=True)
    after = incoming.loc[hits.index].reset_index(drop=True)
    differs = pd.Series(False, index=range(len(hits)))
    for column in _COMPARED:
        if column in before and column in after:
            a, b = before[column].astype(object), after[column].astype(object)
            differs |= ~((a == b) | (a.isna() & b.isna())).astype(bool)
    return pd.Series(differs.to_numpy(), index=hits.index).reindex(incoming.index, fill_value=False)


def _covered(malls: pd.DataFrame, region_codes: set[str]) -> set[str]:
    operating = malls[malls["status"].eq(OPERATING)]
    return set(operating["region_code"].astype(str)) & region_codes


def plan_load(current: pd.DataFrame, incoming: pd.DataFrame, asked: str, region_provinces: dict[str, str]) -> LoadPlan:
    """The plan of loading ``incoming`` malls over the ``current`` register. ``region_provinces``: every
    kabupaten/kota code -> its province code (only these count as regions covered)."""
    scope, provinces = file_scope(incoming, current)
    if incoming.empty:  # participation alone: the register's malls stay
        mode = UPDATE if asked == AUTO else asked
        after = current if mode == UPDATE else incoming
    else:
        mode = resolve_mode(asked, scope, current)
        after = merge_malls(current, incoming, mode)
    matched = match_malls(current, incoming) if not incoming.empty else pd.Series(dtype=int)
    added = incoming[matched < 0] if not incoming.empty else incoming
    changed = incoming[_changed(current, incoming, matched)] if not incoming.empty else incoming
    if mode == REPLACE:
        kept = set(matched[matched >= 0])
        removed = current[[i not in kept for i in range(len(current))]]
    else:
        removed = current.iloc[:0]
    codes = set(region_provinces)
    before_cov, after_cov = _covered(current, codes), _covered(after, codes)
    gained, lost = after_cov - before_cov, before_cov - after_cov
    rows: dict[str, dict[str, int]] = {}

    def bump(province: str, column: str, n: int = 1) -> None:
        rows.setdefault(province, dict.fromkeys(_PLAN_COLUMNS[1:], 0))[column] += n

    for frame, column in ((added, "malls_added"), (removed, "malls_removed"), (changed, "malls_changed")):
        for province in frame["province_code"].astype(str) if not frame.empty else []:
            bump(province, column)
    for code in gained:
        bump(region_provinces[code], "regions_gained")
    for code in lost:
        bump(region_provinces[code], "regions_lost")
    by_province = pd.DataFrame(
        [{"province_code": p, **counts} for p, counts in sorted(rows.items())], columns=_PLAN_COLUMNS
    )
    operating_before = int(current["status"].eq(OPERATING).sum()) if not current.empty else 0
    return LoadPlan(
        mode=mode,
        asked=asked,
        scope=scope,
        provinces=provinces,
        malls_added=len(added),
        malls_removed=len(removed),
        malls_changed=len(changed),
        regions_gained=len(gained),
        regions_lost=len(lost),
        operating_before=operating_before,
        operating_removed=int(removed["status"].eq(OPERATING).sum()) if not removed.empty else 0,
        malls_after=len(after),
        malls_in_files=len(incoming),
        by_province=by_province,
    )


_PLAN_COLUMNS = ["province_code", "malls_added", "malls_removed", "malls_changed", "regions_gained", "regions_lost"]


def merge_participation(current: pd.DataFrame, incoming: pd.DataFrame | None, mode: str) -> pd.DataFrame:
    """The participation after the load: the register's rows carried over, except those of the malls the
    file gives participation for (update), or the file's rows alone (replace with participation). A
    register row naming only its region (no mall to attach it to when it was loaded) is the region's
    word before the file's: a file giving participation for a mall of that region replaces it too."""
    if incoming is None:
        return current.reset_index(drop=True)
    if mode == REPLACE or current.empty:
        return incoming.reset_index(drop=True)
    given = set(mall_keys(incoming))
    region_only = current["mall_name"].isna() & current["region_code"].isin(set(incoming["region_code"]))
    kept = current[~mall_keys(current).isin(given) & ~region_only]
    parts = [f for f in (kept, incoming) if not f.empty]
    return pd.concat(parts, ignore_index=True) if parts else incoming.reset_index(drop=True)


def assign_counted_from(malls: pd.DataFrame, previous: pd.DataFrame, data_as_of: dt.date) -> pd.DataFrame:
    """``malls`` with ``counted_from``: for an operating mall without a date, the date it counts as
    covered from: kept from the register's same mall when it was operating there already, else
    ``data_as_of`` (the first snapshot listing it as operating); None for every other mall."""
    result = malls.copy()
    undated = result["status"].eq(OPERATING) & result["inaugurated_on"].isna()
    counted = pd.Series([None] * len(result), index=result.index, dtype=object)
    if undated.any():
        counted[undated] = data_as_of
        if not previous.empty and "counted_from" in previous:
            matched = match_malls(previous, result[undated])
            for j, i in matched.items():
                if i >= 0 and previous["status"].iloc[i] == OPERATING:
                    before = previous["counted_from"].iloc[i]
                    before = previous["inaugurated_on"].iloc[i] if pd.isna(before) else before
                    if not pd.isna(before) and before is not None:
                        counted[j] = min(before, data_as_of)
    result["counted_from"] = counted
    return result


def orphan_rows(
    malls: pd.DataFrame, rows: pd.DataFrame, *, mall: str = "mall_name", region: str = "region_code"
) -> pd.DataFrame:
    """Rows (participation, agreements, visits: ``mall`` and ``region`` name each row's mall) whose mall
    is not in the register by the identity rule; a row of a region with one mall (a row naming only its
    region, or the mall under another name) is that mall's, as the Agencies figures link it."""
    if rows.empty:
        return rows
    keys = set(mall_keys(malls))
    malls_in = malls["region_code"].astype(str).value_counts().to_dict()
    # each distinct (region, mall) pair is judged once: a grid repeats each mall for every agency
    region_codes, region_list = pd.factorize(rows[region].astype(str))
    mall_codes, mall_list = pd.factorize(rows[mall])  # a missing name is -1
    width = len(mall_list) + 1
    pair_codes, pairs = pd.factorize(region_codes.astype(np.int64) * width + (mall_codes + 1))
    region_of = np.asarray(region_list, dtype=object)[pairs // width]
    names = np.asarray([None, *mall_list], dtype=object)[pairs % width]
    orphan = np.array(
        [
            f"{code}|{mall_name_key(name)}" not in keys and malls_in.get(code, 0) != 1
            for code, name in zip(region_of, names, strict=True)
        ],
        dtype=bool,
    )
    return rows[orphan[pair_codes]]


def same_register(
    malls_a: pd.DataFrame, participation_a: pd.DataFrame, malls_b: pd.DataFrame, participation_b: pd.DataFrame
) -> bool:
    """Whether two registers hold the same malls and participation (row order and dtypes aside)."""
    return _rows(malls_a, _SAME_MALL) == _rows(malls_b, _SAME_MALL) and _rows(
        participation_a, _SAME_PARTICIPATION
    ) == _rows(participation_b, _SAME_PARTICIPATION)


_SAME_MALL = ["region_code", "mall_name", "province_code", "status", "inaugurated_on", "agencies", "services"]
_SAME_PARTICIPATION = ["region_code", "mall_name", "agency", "present", "services"]


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple[str, ...]]:
    present = frame.reindex(columns=columns)
    text = present.astype(object).where(present.notna(), "").astype(str)
    return sorted(map(tuple, text.to_numpy().tolist()))
