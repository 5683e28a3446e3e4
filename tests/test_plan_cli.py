"""``plan``, ``metrics --basis``, ``export plan`` and the deck's planner slide on a store holding four
uploads of a small register (SQLite and PostgreSQL), with figures worked by hand.

The register, as in ``tests/unit/test_plan.py``, on the official list: DKI Jakarta (the province's own
mall since 2023-05-10, Jakarta Pusat since 2024-07-01, Jakarta Utara planned then being built),
Kalimantan Barat (Sambas 2020-09-01, Mempawah 2022-03-01, Sanggau planned in every upload, Pontianak
planned then being built), Jawa Timur (Pacitan 2022-02-01, Ponorogo being built until 2024-11-20) and
Aceh (Aceh Selatan 2024-06-01). Nationally there are 514 regions, or 509 units on the PANRB basis;
the provinces have their official counts: Aceh 23, DKI Jakarta 6, Jawa Timur 38, Kalimantan Barat 14.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest

from mpp_data.__main__ import main
from mpp_data.service import Settings, ViewScope, gather_briefing
from mpp_data.store.snapshots import NewSnapshot, Store, snapshots
from tests.conftest import stored_malls

D = dt.date
UPLOADS = (D(2023, 1, 15), D(2023, 9, 1), D(2024, 3, 10), D(2025, 1, 5))
LATE, EARLY, TARGET = "2025-01-01", "2021-01-01", "2029-01-01"


def register(upload: int) -> pd.DataFrame:
    rows = [
        ("MPP Provinsi DKI Jakarta", "31", "operating", D(2023, 5, 10)),
        ("MPP Jakarta Pusat", "31.71", "operating", D(2024, 7, 1)),
        ("MPP Sambas", "61.01", "operating", D(2020, 9, 1)),
        ("MPP Mempawah", "61.02", "operating", D(2022, 3, 1)),
        ("MPP Sanggau", "61.03", "planned", None),
        ("MPP Pontianak", "61.71", "planned" if upload == 0 else "under_construction", None),
        ("MPP Pacitan", "35.01", "operating", D(2022, 2, 1)),
        ("MPP Ponorogo", "35.02", *(("operating", D(2024, 11, 20)) if upload == 3 else ("under_construction", None))),
        ("MPP Aceh Selatan", "11.01", "operating", D(2024, 6, 1)),
    ]  # fmt: skip
    if upload >= 2:
        rows.append(("MPP Jakarta Utara", "31.72", "planned" if upload == 2 else "under_construction", None))
    return stored_malls(rows)


PARTICIPATION = pd.DataFrame(columns=["region_code", "mall_name", "agency", "present", "services", "sheet", "row"])


@pytest.fixture
def four_uploads(store: Store) -> str:
    for number, day in enumerate(UPLOADS):
        snapshot_id = store.save_snapshot(NewSnapshot(malls=register(number), participation=PARTICIPATION, files=[]))
        with store.engine.begin() as conn:  # the upload's day: the stages' only clock
            conn.execute(snapshots.update().where(snapshots.c.id == snapshot_id)
                         .values(created_at=dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC)))  # fmt: skip
    return store.engine.url.render_as_string(hide_password=False)


def run(capsys: pytest.CaptureFixture, *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def plan_json(capsys, url: str, *argv: str) -> dict:
    return json.loads(run(capsys, "plan", "--json", "--db", url, "--target-date", TARGET, *argv))


def province(report: dict, code: str) -> dict:
    return next(p for p in report["provinces"] if p["code"] == code)


def figures(code, name, total, covered, left, required, own, status, projected, building, planned, closes) -> dict:
    return {"code": code, "name": name, "total_units": total, "covered_units": covered, "units_left": left,
            "required_per_year": required, "own_pace_per_year": own, "status": status,
            "projected_completion": projected, "under_construction": building, "planned": planned,
            "pipeline_closes_gap": closes}  # fmt: skip


STUCK = [
    # Sanggau planned from the first upload (2023-01-15) to the last (2025-01-05): 23 whole months;
    # Pontianak being built since 2023-09-01: 16 months. Jakarta Utara is being built only in the last.
    {"code": "61.03", "name": "Kabupaten Sanggau", "stage": "planned", "since": "2023-01-15", "months": 23},
    {"code": "61.71", "name": "Kota Pontianak", "stage": "under_construction", "since": "2023-09-01", "months": 16},
]


def test_plan_json_late_on_the_kemendagri_basis(four_uploads, capsys):
    report = plan_json(capsys, four_uploads, "--as-of", LATE, "--basis", "kemendagri", "--pace", "127")
    assert list(report) == ["basis", "as_of", "target_date", "total_units", "covered_units", "national", "provinces",
                            "stuck", "what_if"]  # fmt: skip
    assert (report["basis"], report["as_of"], report["target_date"]) == ("kemendagri", LATE, TARGET)
    # 6 of 514 covered; 508 ÷ 4 years = 127 a year; first covered in 2024: Jakarta Pusat, Ponorogo, Aceh Selatan.
    assert (report["total_units"], report["covered_units"]) == (514, 6)
    assert report["national"] == {
        "units_left": 508, "required_per_year": 127.0, "own_pace_per_year": 3.0, "status": "off_track",
        # 508 ÷ 3 = 169.33 years = 61,849 days
        "projected_completion": "2194-05-04", "under_construction": 2, "planned": 1, "pipeline_closes_gap": False,
    }  # fmt: skip
    # at the pace needed, 4 years from 2025-01-01
    assert report["what_if"] == {"pace_per_year": 127.0, "completion": "2029-01-01"}
    assert len(report["provinces"]) == 38
    assert province(report, "61") == figures("61", "Kalimantan Barat", 14, 2, 12, 3.0, 0.0, "off_track", None, 1, 1,
                                             False)  # fmt: skip
    # 22 years = 8,036 days (22 × 365.25 rounded half to even)
    assert province(report, "11") == figures("11", "Aceh", 23, 1, 22, 5.5, 1.0, "off_track", "2047-01-02", 0, 0, False)
    # DKI Jakarta as six regions: 5 left, 1.25 needed, 1 own (at least half): at risk; 5 years -> 2030-01-01
    assert province(report, "31") == figures("31", "Daerah Khusus Ibukota Jakarta", 6, 1, 5, 1.25, 1.0, "at_risk",
                                             "2030-01-01", 1, 0, False)  # fmt: skip
    assert report["stuck"] == STUCK


def test_plan_json_late_on_the_panrb_basis_counts_dki_jakarta_once(four_uploads, capsys):
    report = plan_json(capsys, four_uploads, "--as-of", LATE, "--basis", "panrb", "--province", "31")
    assert "what_if" not in report
    # 6 of 509: DKI Jakarta is covered by the province's mall; 503 ÷ 4 = 125.75; own 2 (2023's DKI mall is older)
    assert (report["total_units"], report["covered_units"]) == (509, 6)
    assert report["national"] == {
        "units_left": 503, "required_per_year": 125.75, "own_pace_per_year": 2.0, "status": "off_track",
        "projected_completion": "2276-07-04", "under_construction": 1, "planned": 1, "pipeline_closes_gap": False,
    }  # fmt: skip
    assert report["provinces"] == [figures("31", "Daerah Khusus Ibukota Jakarta", 1, 1, 0, 0.0, 0.0, "done", LATE, 0, 0,
                                           True)]  # fmt: skip
    assert report["stuck"] == []  # narrowed to DKI Jakarta


def test_plan_json_early_on_both_bases(four_uploads, capsys):
    kemendagri = plan_json(capsys, four_uploads, "--as-of", EARLY, "--basis", "kemendagri")
    # 2021-01-01: only Sambas; 513 ÷ 8 years = 64.125, two decimals half to even
    assert kemendagri["covered_units"] == 1
    assert kemendagri["national"]["required_per_year"] == 64.12
    assert kemendagri["national"]["own_pace_per_year"] == 1.0
    assert kemendagri["national"]["status"] == "off_track"  # 1 < 64.125 ÷ 2
    assert province(kemendagri, "31") == figures("31", "Daerah Khusus Ibukota Jakarta", 6, 0, 6, 0.75, 0.0,
                                                 "off_track", None, 1, 0, False)  # fmt: skip
    # Ponorogo opened in 2024: on 2021-01-01 the data says nothing of its stage
    assert province(kemendagri, "35") == figures("35", "Jawa Timur", 38, 0, 38, 4.75, 0.0, "off_track", None, 0, 0,
                                                 False)  # fmt: skip
    panrb = plan_json(capsys, four_uploads, "--as-of", EARLY, "--basis", "panrb")
    assert (panrb["total_units"], panrb["covered_units"]) == (509, 1)
    assert panrb["national"]["required_per_year"] == 63.5  # 508 ÷ 8
    # DKI Jakarta is one unit with a mall being built (Jakarta Utara, as the newest upload records it)
    assert province(panrb, "31") == figures("31", "Daerah Khusus Ibukota Jakarta", 1, 0, 1, 0.12, 0.0, "off_track",
                                            None, 1, 0, True)  # fmt: skip
    assert panrb["stuck"] == STUCK


def test_metrics_json_names_its_basis_and_units(four_uploads, capsys):
    kemendagri = json.loads(run(capsys, "metrics", "--json", "--db", four_uploads, "--as-of", LATE))
    panrb = json.loads(run(capsys, "metrics", "--json", "--db", four_uploads, "--as-of", LATE, "--basis", "panrb"))
    assert (kemendagri["basis"], kemendagri["total_units"], kemendagri["covered_units"]) == ("kemendagri", 514, 6)
    assert (panrb["basis"], panrb["total_units"], panrb["covered_units"]) == ("panrb", 509, 6)
    assert (kemendagri["coverage_pct"], panrb["coverage_pct"]) == (1.2, 1.2)  # 6 ÷ 514 and 6 ÷ 509
    # the gaps follow the basis: 508 regions, or 503 units
    assert sum(kemendagri["gaps_by_stage"].values()) == 508
    assert sum(panrb["gaps_by_stage"].values()) == 503
    assert panrb["province_run_malls"] == kemendagri["province_run_malls"] == 1
    assert next(p for p in panrb["provinces"] if p["code"] == "31")["total_regions"] == 1


def test_export_plan_writes_the_league_table(four_uploads, capsys, tmp_path):
    out = tmp_path / "plan.csv"
    assert main(["export", "plan", "--format", "csv", "-o", str(out), "--db", four_uploads, "--as-of", LATE,
                 "--target-date", TARGET, "--basis", "panrb", "--status", "done", "--lang", "en"]) == 0  # fmt: skip
    table = pd.read_csv(io.BytesIO(out.read_bytes()), dtype=str, encoding="utf-8-sig")
    # done on panrb: DKI Jakarta only (every other province has regions left)
    assert table.to_dict("records") == [{
        "Code": "31", "Province": "Daerah Khusus Ibukota Jakarta", "Plan status": "Done", "Units": "1",
        "Covered": "1", "Left": "0", "Required/year": "0.0", "Own pace/year": "0.0", "Shortfall/year": "0.0",
        "Projected completion": LATE, "Being built": "0", "Planned": "0", "Pipeline closes gap": "Yes",
    }]  # fmt: skip


def test_plan_text_and_a_bad_pace(four_uploads, capsys):
    text = run(capsys, "plan", "--db", four_uploads, "--as-of", LATE, "--target-date", TARGET, "--lang", "en")
    assert "Kemendagri basis: 514 regencies/cities" in text
    assert "Kabupaten Sanggau" in text and "15 January 2023" in text
    with pytest.raises(SystemExit) as stopped:
        main(["plan", "--db", four_uploads, "--pace", "fast"])
    assert stopped.value.code == 2


def test_the_deck_lists_provinces_behind_and_the_regions_at_risk(four_uploads):
    store = Store(four_uploads)
    scope = ViewScope(as_of=dt.date(2025, 1, 1), target_date=dt.date(2029, 1, 1), basis="panrb")
    briefing = gather_briefing(store, scope=scope, settings=Settings(), with_map=False)
    from mpp_data.present.briefing import content

    rows = content.plan_rows(briefing)
    # every province but DKI Jakarta (done) is behind: 37, worst first, Jawa Timur's 36 left among them
    assert len(rows) == 37
    assert {r["status"] for r in rows} == {"off_track"}
    jatim = next(r for r in rows if r["code"] == "35")
    assert (jatim["units_left"], jatim["required_per_year"], jatim["own_pace_per_year"]) == (36, 9.0, 1.0)
    at_risk = content.at_risk_rows(briefing)
    # uncovered, no mall coming, in a province not on track: 503 left less Sanggau and Pontianak
    assert len(at_risk) == 501
    assert {"61.03", "61.71", "31"}.isdisjoint({r["code"] for r in at_risk})
    store.dispose()
