"""The plan, the two counting bases and the stages, on a small register whose figures are worked by hand.

The register: DKI Jakarta (31.01, 31.71, 31.72 and the province's own mall), Kalimantan Barat (61.01,
61.02, 61.03 planned and stuck, 61.71 under construction), Jawa Timur (35.01, 35.02) and Aceh (11.01
to 11.06); inaugurations from 2020 to 2024. Target 2029-01-01: four years (1,461 days) after the as-of
date 2025-01-01 and eight years (2,922 days) after 2021-01-01, so the required paces are exact.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from mpp_data.analysis import stages
from mpp_data.analysis.plan import compute_plan
from mpp_data.reference import bases

D = dt.date
TARGET = D(2029, 1, 1)
LATE, EARLY = D(2025, 1, 1), D(2021, 1, 1)
REGIONS = pd.DataFrame(
    [
        ("11.01", "Kabupaten Aceh Selatan", "kabupaten", "11", "Aceh"),
        ("11.02", "Kabupaten Aceh Tenggara", "kabupaten", "11", "Aceh"),
        ("11.03", "Kabupaten Aceh Timur", "kabupaten", "11", "Aceh"),
        ("11.04", "Kabupaten Aceh Tengah", "kabupaten", "11", "Aceh"),
        ("11.05", "Kabupaten Aceh Barat", "kabupaten", "11", "Aceh"),
        ("11.06", "Kabupaten Aceh Besar", "kabupaten", "11", "Aceh"),
        ("31.01", "Kabupaten Administrasi Kepulauan Seribu", "kabupaten", "31", "DKI Jakarta"),
        ("31.71", "Kota Administrasi Jakarta Pusat", "kota", "31", "DKI Jakarta"),
        ("31.72", "Kota Administrasi Jakarta Utara", "kota", "31", "DKI Jakarta"),
        ("35.01", "Kabupaten Pacitan", "kabupaten", "35", "Jawa Timur"),
        ("35.02", "Kabupaten Ponorogo", "kabupaten", "35", "Jawa Timur"),
        ("61.01", "Kabupaten Sambas", "kabupaten", "61", "Kalimantan Barat"),
        ("61.02", "Kabupaten Mempawah", "kabupaten", "61", "Kalimantan Barat"),
        ("61.03", "Kabupaten Sanggau", "kabupaten", "61", "Kalimantan Barat"),
        ("61.71", "Kota Pontianak", "kota", "61", "Kalimantan Barat"),
    ],
    columns=["code", "name", "kind", "province_code", "province_name"],
)
COLUMNS = ["mall_name", "region_code", "province_code", "status", "inaugurated_on"]
MALLS = pd.DataFrame(
    [
        ("MPP Provinsi DKI Jakarta", "31", "31", "operating", D(2023, 5, 10)),
        ("MPP Jakarta Pusat", "31.71", "31", "operating", D(2024, 7, 1)),
        ("MPP Jakarta Utara", "31.72", "31", "under_construction", None),
        ("MPP Sambas", "61.01", "61", "operating", D(2020, 9, 1)),
        ("MPP Mempawah", "61.02", "61", "operating", D(2022, 3, 1)),
        ("MPP Sanggau", "61.03", "61", "planned", None),
        ("MPP Pontianak", "61.71", "61", "under_construction", None),
        ("MPP Pacitan", "35.01", "35", "operating", D(2022, 2, 1)),
        ("MPP Ponorogo", "35.02", "35", "operating", D(2024, 11, 20)),
        ("MPP Aceh Selatan", "11.01", "11", "operating", D(2024, 6, 1)),
    ],
    columns=COLUMNS,
)


def plan_on(basis: str, as_of: dt.date):
    return compute_plan(bases.unit_malls(MALLS, basis), bases.counting_units(REGIONS, basis), as_of=as_of,
                        target_date=TARGET)  # fmt: skip


def line(plan, code: str) -> dict:
    found = plan.province(code)
    assert found is not None, code
    return {k: v for k, v in found.as_dict().items() if k not in ("code", "name")}


def figures(total, covered, left, required, own, status, projected, building, planned, closes) -> dict:
    return {"total_units": total, "covered_units": covered, "units_left": left, "required_per_year": required,
            "own_pace_per_year": own, "status": status, "projected_completion": projected,
            "under_construction": building, "planned": planned, "pipeline_closes_gap": closes}  # fmt: skip


def test_the_panrb_basis_counts_dki_jakarta_as_one_unit_of_509_nationally():
    official = bases.counting_units(bases_official(), "panrb")
    assert len(bases.counting_units(bases_official(), "kemendagri")) == 514 == bases.NATIONAL_UNITS["kemendagri"]
    assert len(official) == 509 == bases.NATIONAL_UNITS["panrb"]
    jakarta = official[official["province_code"] == "31"]
    assert jakarta[["code", "name", "kind"]].to_dict("records") == [
        {"code": "31", "name": "Daerah Khusus Ibukota Jakarta", "kind": "province"}
    ]
    assert list(official["code"]) == sorted(official["code"], key=lambda c: (c[:2], c))  # Kemendagri order kept


def bases_official() -> pd.DataFrame:
    from mpp_data.reference.regions import official_regions

    return official_regions()


def test_an_unknown_basis_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match="kemendagri, panrb"):
        bases.counting_units(REGIONS, "bps")


def test_national_plan_on_the_kemendagri_basis_late():
    # 15 regions; covered by 2025-01-01: 31.71, 61.01, 61.02, 35.01, 35.02, 11.01 = 6, so 9 left;
    # 9 ÷ 4 years = 2.25 a year; first covered after 2024-01-01: 31.71, 35.02, 11.01 = 3 a year;
    # 9 ÷ 3 = 3 years = 1,096 days (3 × 365.25 rounded) -> 2028-01-02; pipeline 31.72, 61.71 and 61.03.
    national = plan_on("kemendagri", LATE).national.as_dict()
    assert national == {
        "code": "",
        "name": "Indonesia",
        **figures(15, 6, 9, 2.25, 3.0, "on_track", D(2028, 1, 2), 2, 1, False),
    }


def test_national_plan_on_the_panrb_basis_late():
    # 13 units; DKI Jakarta is covered since the province's mall opened (2023-05-10, before the window),
    # so 6 covered, 7 left, 7 ÷ 4 = 1.75 a year, own 2 (35.02, 11.01); 7 ÷ 2 = 3.5 years = 1,278 days
    # -> 2028-07-02; 31.72 being built no longer counts: its unit is covered.
    national = plan_on("panrb", LATE).national.as_dict()
    assert national == {
        "code": "",
        "name": "Indonesia",
        **figures(13, 6, 7, 1.75, 2.0, "on_track", D(2028, 7, 2), 1, 1, False),
    }


def test_provinces_late_on_kemendagri_worst_first_with_their_figures():
    plan = plan_on("kemendagri", LATE)
    assert list(plan.provinces["code"]) == ["61", "11", "31", "35"]  # off track, at risk, on track, done
    # Kalimantan Barat: 2 of 4 left, 0.5 a year needed, none covered in the last year: its being-built and
    # planned malls would close the gap.
    assert line(plan, "61") == figures(4, 2, 2, 0.5, 0.0, "off_track", None, 1, 1, True)
    # Aceh: 5 of 6 left, 1.25 needed, 1 own (at least half of 1.25); 5 years = 1,826 days -> 2030-01-01.
    assert line(plan, "11") == figures(6, 1, 5, 1.25, 1.0, "at_risk", D(2030, 1, 1), 0, 0, False)
    # DKI Jakarta as three regions: 2 left, 0.5 needed, 1 own; 2 years = 730 days -> 2027-01-01.
    assert line(plan, "31") == figures(3, 1, 2, 0.5, 1.0, "on_track", D(2027, 1, 1), 1, 0, False)
    assert line(plan, "35") == figures(2, 2, 0, 0.0, 1.0, "done", LATE, 0, 0, True)
    assert list(plan.provinces["shortfall_per_year"]) == [0.5, 0.25, 0.0, 0.0]


def test_dki_jakarta_is_one_covered_unit_on_panrb():
    plan = plan_on("panrb", LATE)
    assert line(plan, "31") == figures(1, 1, 0, 0.0, 0.0, "done", LATE, 0, 0, True)


def test_regions_at_risk_are_uncovered_without_pipeline_in_provinces_not_on_track():
    # Aceh is at risk: its five regions without any mall; Kalimantan Barat's gaps have malls coming;
    # DKI's Kepulauan Seribu has none, but DKI Jakarta is on track.
    late = plan_on("kemendagri", LATE)
    assert list(late.at_risk["code"]) == ["11.02", "11.03", "11.04", "11.05", "11.06"]
    # In 2021 DKI Jakarta was off track: Kepulauan Seribu and Jakarta Pusat join the list (Jakarta Utara
    # was being built); on panrb DKI is one unit with a mall being built, so it is not at risk.
    early = plan_on("kemendagri", EARLY)
    assert list(early.at_risk["code"]) == ["11.01", "11.02", "11.03", "11.04", "11.05", "11.06", "31.01", "31.71",
                                           "35.01", "35.02"]  # fmt: skip
    assert "31" not in set(plan_on("panrb", EARLY).at_risk["code"])


def test_national_and_provinces_early_on_both_bases():
    # 2021-01-01, eight years to the target; only 61.01 (2020-09-01) is covered, and it is the own pace.
    kemendagri = plan_on("kemendagri", EARLY)
    # 14 ÷ 8 = 1.75 needed, 1 own: at risk; 14 years = 5,114 days -> 2035-01-02.
    assert kemendagri.national.as_dict() == {"code": "", "name": "Indonesia",
                                             **figures(15, 1, 14, 1.75, 1.0, "at_risk", D(2035, 1, 2), 2, 1, False)}  # fmt: skip
    assert list(kemendagri.provinces["code"]) == ["11", "31", "35", "61"]  # off track by shortfall 0.75, 0.375, 0.25
    assert line(kemendagri, "61") == figures(4, 1, 3, 0.375, 1.0, "on_track", D(2024, 1, 2), 1, 1, False)
    assert line(kemendagri, "31") == figures(3, 0, 3, 0.375, 0.0, "off_track", None, 1, 0, False)
    panrb = plan_on("panrb", EARLY)
    # 12 of 13 left: 1.5 needed; 12 years = 4,383 days -> 2033-01-01; DKI's unit counts as being built.
    assert panrb.national.as_dict() == {"code": "", "name": "Indonesia",
                                        **figures(13, 1, 12, 1.5, 1.0, "at_risk", D(2033, 1, 1), 2, 1, False)}  # fmt: skip
    assert line(panrb, "31") == figures(1, 0, 1, 0.125, 0.0, "off_track", None, 1, 0, True)


def test_what_if_a_national_pace_and_a_zero_pace():
    plan = plan_on("kemendagri", LATE)
    assert plan.what_if(4.5) == D(2027, 1, 1)  # 9 ÷ 4.5 = 2 years = 730 days
    assert plan.what_if(0) is None


def test_a_target_on_the_as_of_date_leaves_every_unfinished_scope_off_track():
    plan = compute_plan(MALLS, REGIONS, as_of=LATE, target_date=LATE)
    assert plan.national.required_per_year is None
    assert plan.national.status == "off_track"
    assert line(plan, "35")["status"] == "done"


# -- stages over the upload history ------------------------------------------------------------------
UPLOADS = (D(2023, 1, 15), D(2023, 9, 1), D(2024, 3, 10), D(2025, 1, 5))


def history_malls(upload: int) -> pd.DataFrame:
    """The register as each upload recorded it: 61.03 planned throughout, 61.71 planned then being built,
    31.72 appearing planned in the third upload, 35.02 being built until it opened (2024-11-20)."""
    rows = [
        ("MPP Sanggau", "61.03", "61", "planned", None),
        ("MPP Pontianak", "61.71", "61", "planned" if upload == 0 else "under_construction", None),
        ("MPP Ponorogo", "35.02", "35", *(("operating", D(2024, 11, 20)) if upload == 3 else ("under_construction", None))),
        ("MPP Sambas", "61.01", "61", "operating", D(2020, 9, 1)),
    ]  # fmt: skip
    if upload >= 2:
        rows.append(("MPP Jakarta Utara", "31.72", "31", "planned" if upload == 2 else "under_construction", None))
    return pd.DataFrame(rows, columns=COLUMNS)


def unit_stages(basis: str = "kemendagri") -> pd.DataFrame:
    history = [(day, bases.unit_malls(history_malls(i), basis)) for i, day in enumerate(UPLOADS)]
    return stages.compute_unit_stages(history, bases.counting_units(REGIONS, basis))


def test_stuck_units_with_the_months_of_their_stage():
    # 61.03 planned from 2023-01-15 to 2025-01-05: 23 whole months; 61.71 being built since 2023-09-01:
    # 16 months; 31.72 only since the newest upload.
    stuck = stages.compute_stuck(unit_stages(), REGIONS, 12)
    assert stuck[["code", "stage", "since", "months"]].to_dict("records") == [
        {"code": "61.03", "stage": "planned", "since": D(2023, 1, 15), "months": 23},
        {"code": "61.71", "stage": "under_construction", "since": D(2023, 9, 1), "months": 16},
    ]
    assert list(stages.compute_stuck(unit_stages(), REGIONS, 18)["code"]) == ["61.03"]
    # 61.71's run is 16 months and 4 days: more than 16 months, not more than 17
    assert list(stages.compute_stuck(unit_stages(), REGIONS, 16)["code"]) == ["61.03", "61.71"]
    assert list(stages.compute_stuck(unit_stages(), REGIONS, 17)["code"]) == ["61.03"]


def test_stage_durations_count_every_case_and_give_no_median_below_five():
    durations = stages.compute_stage_durations(unit_stages(), REGIONS).set_index(["scope", "step"])
    # planned -> built: 61.71 (2023-01-15 -> 2023-09-01, 229 days) and 31.72 (2024-03-10 -> 2025-01-05,
    # 301 days); built -> operating: 35.02 (2023-01-15 -> 2024-11-20); two cases give no median.
    assert durations.loc[("", "planned_to_under_construction")].to_dict() == {"cases": 2, "median_months": None}
    assert durations.loc[("", "under_construction_to_operating")].to_dict() == {"cases": 1, "median_months": None}
    assert durations.loc[("", "planned_to_operating")].to_dict() == {"cases": 0, "median_months": None}
    assert durations.loc[("61", "planned_to_under_construction")].to_dict() == {"cases": 1, "median_months": None}


def test_a_median_of_five_cases():
    # Five regions planned in the first upload and being built in a later one: 2, 4, 6, 8 and 10 months
    # (by days ÷ 30.4375) after 2024-01-01; the median is the third.
    first = D(2024, 1, 1)
    later = [first + dt.timedelta(days=round(m * 30.4375)) for m in (2, 4, 6, 8, 10)]
    codes = ["11.01", "11.02", "11.03", "11.04", "11.05"]
    history = [(first, pd.DataFrame([(f"MPP {c}", c, "11", "planned", None) for c in codes], columns=COLUMNS))]
    for step, day in enumerate(later):
        rows = [
            (f"MPP {c}", c, "11", "under_construction" if i <= step else "planned", None) for i, c in enumerate(codes)
        ]
        history.append((day, pd.DataFrame(rows, columns=COLUMNS)))
    durations = stages.compute_stage_durations(stages.compute_unit_stages(history, REGIONS), REGIONS)
    national = durations.set_index(["scope", "step"]).loc[("", "planned_to_under_construction")].to_dict()
    assert national == {"cases": 5, "median_months": 6.0}


def test_the_basis_setting_defaults_to_kemendagri_and_refuses_an_unknown_one():
    from mpp_data.config import Settings

    assert Settings.from_env({}).basis == "kemendagri"
    assert Settings.from_env({"MPP_BASIS": " PANRB "}).basis == "panrb"
    assert (Settings.from_env({}).stuck_months, Settings.from_env({"MPP_STUCK_MONTHS": "18"}).stuck_months) == (12, 18)
    with pytest.raises(ValueError, match="kemendagri, panrb"):
        Settings.from_env({"MPP_BASIS": "bps"})
