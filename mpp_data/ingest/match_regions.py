"""Which region each row names: code, name, mall name and province cells to a region code (pure).

Resolved once per distinct combination of the cells that decide it, and remembered for the run: a
second sheet (participation after malls) names the same regions again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from mpp_data.ingest.cells import group_numbers, is_blank_cell, map_distinct
from mpp_data.ingest.findings import Finding, ProblemLog, column_of
from mpp_data.ingest.problems import IssueKind
from mpp_data.ingest.tables import LocatedTable, TableRows
from mpp_data.reference.names import region_from_mall_name
from mpp_data.reference.regions import FORMER_PARENT_PROVINCE, RegionMatch, RegionMatcher


@dataclass
class RegionResolver:
    """Region resolution for one ``check_files`` run: the matcher (official list and the analysts'
    aliases) and what this run has resolved so far, by the cells that decided it."""

    matcher: RegionMatcher
    resolved: dict[tuple, tuple[str | None, list[Finding]]] = field(default_factory=dict)


def _written_province(value: object, matcher: RegionMatcher) -> str | None:
    """The province code a row's province cell names, or None (blank or not a province)."""
    return None if is_blank_cell(value) else matcher.match_province(value)


def _resolve_one(
    code_value: object,
    name_value: object,
    mall_value: object,
    province_value: object,
    headers: dict,
    matcher: RegionMatcher,
) -> tuple[str | None, list[Finding]]:
    """The region code for one distinct combination of region cells, and what was wrong with them."""
    findings: list[Finding] = []
    province = _written_province(province_value, matcher)
    if not is_blank_cell(province_value) and province is None:
        findings.append(Finding(headers["province_name"], province_value, IssueKind.UNKNOWN_PROVINCE))

    if not is_blank_cell(code_value):
        code = matcher.match_code(code_value)
        if code:
            return _check_province(code, province, province_value, headers, matcher, findings)
        findings.append(Finding(headers["region_code"], code_value, IssueKind.UNKNOWN_REGION))
        return None, findings

    from_mall = region_from_mall_name(mall_value)
    attempts = [
        (v, c)
        for v, c in ((name_value, headers["region_name"]), (from_mall, headers["mall_name"]))
        if not is_blank_cell(v)
    ]
    if not attempts:
        findings.append(Finding(headers["region_name"] or headers["mall_name"], "", IssueKind.MISSING_REGION))
        return None, findings

    first: RegionMatch | None = None
    for value, _column in attempts:
        match = matcher.match_name(value, province)
        if match.method in ("unknown", "ambiguous") and province is not None:
            national = matcher.match_name(value, None)
            if national.matched and national.method in ("name", "alias", "confirmed_alias", "code"):
                match = national  # the province column disagrees: reported by _check_province
        if first is None:
            first = match
        if match.matched and (first is match or match.method != "fuzzy"):
            if first is not match and first.method == "ambiguous" and match.code not in first.candidates:
                continue
            return _check_province(match.code, province, province_value, headers, matcher, findings)
    value, column = attempts[0]
    kind = IssueKind.AMBIGUOUS_REGION if first.method == "ambiguous" else IssueKind.UNKNOWN_REGION
    suggestions = ", ".join(matcher.region_label(c) for c in first.candidates)
    findings.append(Finding(column, value, kind, {"suggestions": suggestions}, first.candidates))
    return None, findings


def _check_province(
    code: str, province: str | None, written: object, headers: dict, matcher: RegionMatcher, findings: list[Finding]
) -> tuple[str | None, list[Finding]]:
    column = headers["province_name"]
    if province is None or code[:2] == province:
        return code, findings
    if FORMER_PARENT_PROVINCE.get(code[:2]) == province:
        findings.append(Finding(column, written, IssueKind.FORMER_PROVINCE, _region_params(code, matcher)))
        return code, findings
    findings.append(Finding(column, written, IssueKind.PROVINCE_MISMATCH, _region_params(code, matcher), (code,)))
    return None, findings


def _region_params(code: str, matcher: RegionMatcher) -> dict[str, str]:
    """The region a message names: its label (Indonesian, as stored reports have always had it) and its
    code, which ``present.text`` labels again in the reader's language."""
    return {"region": matcher.region_label(code), "region_code": code}


def _text_or_empty(value: object) -> str:
    return "" if is_blank_cell(value) else str(value)


def _mall_name_may_decide(
    code_value: object, name_value: object, province_value: object, matcher: RegionMatcher
) -> bool:
    """Whether a row's mall name can change its region: only when its code and name do not settle it."""
    if not is_blank_cell(code_value):
        return False
    if is_blank_cell(name_value):
        return True
    return not matcher.match_name(name_value, _written_province(province_value, matcher)).matched


def resolve_regions(data: TableRows, table: LocatedTable, resolver: RegionResolver, log: ProblemLog) -> pd.Series:
    """Each row's region code (kabupaten/kota, or a province code for a province-run mall), or None.

    Resolved once per distinct combination of the cells that decide it: every mall has its own
    name, but a region column usually settles the region without it."""
    fields = ["region_code", "region_name", "mall_name", "province_name"]
    cells, headers = {}, {}
    for name in fields:
        cells[name], headers[name] = column_of(data, table, name)
    if data.frame.empty:
        return pd.Series([], dtype=object)
    matcher = resolver.matcher
    texts = {n: map_distinct(cells[n], _text_or_empty) for n in fields}
    raw = {n: cells[n].to_numpy(dtype=object) for n in fields}
    without_mall = group_numbers(*(texts[n].to_numpy(dtype=object) for n in fields if n != "mall_name"))
    _, firsts = np.unique(without_mall, return_index=True)
    may_decide = np.zeros(without_mall.max() + 1, dtype=bool)
    for position in firsts:
        may_decide[without_mall[position]] = _mall_name_may_decide(
            raw["region_code"][position], raw["region_name"][position], raw["province_name"][position], matcher
        )
    mall_key = np.where(may_decide[without_mall], texts["mall_name"].to_numpy(dtype=object), "")
    group = group_numbers(without_mall, mall_key)
    _, first_positions = np.unique(group, return_index=True)
    row_numbers = data.frame["row"].to_numpy()
    codes = np.empty(group.max() + 1, dtype=object)
    header_key = tuple(headers.values())
    for position in first_positions:
        group_id = group[position]
        cells_key = (
            *(raw[n][position] if n != "mall_name" or may_decide[without_mall[position]] else None for n in fields),
            header_key,
        )
        if cells_key not in resolver.resolved:  # a second sheet names the same regions again
            resolver.resolved[cells_key] = _resolve_one(*(raw[n][position] for n in fields), headers, matcher)  # type: ignore[call-arg]  # fields: 4
        code, findings = resolver.resolved[cells_key]
        codes[group_id] = code
        for finding in findings:
            log.add(row_numbers[group == group_id], finding)
    return pd.Series(codes[group], index=data.frame.index, dtype=object)
