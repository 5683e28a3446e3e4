"""Region resolution remembers, for one run, what each combination of region cells resolved to."""

from __future__ import annotations

from mpp_data.ingest.findings import ProblemLog
from mpp_data.ingest.match_regions import RegionResolver, resolve_regions
from mpp_data.ingest.tables import locate_table, table_rows
from mpp_data.reference.regions import RegionMatcher

ROWS = [["Kabupaten/Kota", "Provinsi", "Nama MPP", "Status"],
        ["Kab. Sanggau", "Kalimantan Barat", "MPP Sanggau", "Beroperasi"],
        ["Bogor", "Jawa Barat", "MPP Bogor", "Beroperasi"]]  # fmt: skip


def _resolve(resolver: RegionResolver, sheet: str) -> tuple[list, list]:
    table = locate_table(sheet, ROWS)
    log = ProblemLog("mpp.xlsx", sheet)
    codes = resolve_regions(table_rows(table, ROWS), table, resolver, log)
    return codes.tolist(), [(p.sheet, p.row, p.kind.value) for p in log.problems]


def test_a_second_sheet_naming_the_same_regions_reuses_the_run_s_answers_and_still_reports():
    resolver = RegionResolver(RegionMatcher({}))
    first = _resolve(resolver, "MPP")
    remembered = dict(resolver.resolved)
    second = _resolve(resolver, "Instansi")
    assert first == (["61.03", None], [("MPP", 3, "ambiguous_region")])
    assert second == (["61.03", None], [("Instansi", 3, "ambiguous_region")])
    assert resolver.resolved == remembered and len(remembered) == 2


def test_each_run_starts_with_its_own_answers_so_a_new_alias_applies():
    assert _resolve(RegionResolver(RegionMatcher({})), "MPP")[0] == ["61.03", None]
    assert _resolve(RegionResolver(RegionMatcher({"bogor": "32.71"})), "MPP") == (["61.03", "32.71"], [])
    assert not hasattr(RegionMatcher({}), "resolved"), "the matcher keeps no run's answers"
