"""Agreements (PKS) and visits on a small register, every figure worked out by hand (issue 24 points 3-4).

The register on 30 June 2024 (``AS_OF``):

| mall                        | region | status on AS_OF                     |
| MPP Kota Banda Aceh         | 11.71  | operating (2020)                    |
| MPP Kabupaten Aceh Besar    | 11.06  | operating (2022)                    |
| MPP Kabupaten Deli Serdang  | 12.07  | operating (2023)                    |
| MPP Kota Medan              | 12.71  | planned                             |
| MPP Kabupaten Karo          | 12.06  | operating only from 15 July 2024    |
| MPP Kota Padang             | 13.71  | operating (2019)                    |
| MPP Kota Pariaman           | 13.77  | operating from 20 May 2024          |

So five malls operate on AS_OF: Banda Aceh, Aceh Besar, Deli Serdang, Padang, Pariaman.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from mpp_data.analysis import agreements as ag
from mpp_data.analysis import participation
from mpp_data.analysis import visits as vi
from mpp_data.reference import agreements as stages
from mpp_data.reference.agencies import MOU_AGENCIES
from mpp_data.reference.regions import official_regions
from tests.unit.test_metrics import malls_table

D = dt.date
AS_OF = D(2024, 6, 30)
MALLS = malls_table(
    [
        ("MPP Kota Banda Aceh", "11.71", "11", "operating", D(2020, 1, 10)),
        ("MPP Kabupaten Aceh Besar", "11.06", "11", "operating", D(2022, 3, 1)),
        ("MPP Kabupaten Deli Serdang", "12.07", "12", "operating", D(2023, 5, 1)),
        ("MPP Kota Medan", "12.71", "12", "planned", None),
        ("MPP Kabupaten Karo", "12.06", "12", "operating", D(2024, 7, 15)),
        ("MPP Kota Padang", "13.71", "13", "operating", D(2019, 1, 1)),
        ("MPP Kota Pariaman", "13.77", "13", "operating", D(2024, 5, 20)),
    ]
)


def agreements(*rows):
    frame = pd.DataFrame(rows, columns=list(stages.AGREEMENT_COLUMNS))
    return frame.astype({"services": "Int64"}).assign(
        signed_on=pd.to_datetime(frame["signed_on"]), valid_until=pd.to_datetime(frame["valid_until"])
    )


AGREEMENTS = agreements(
    ("11.71", "MPP Kota Banda Aceh", "polri", "integrated", "PKS/1/2021", D(2021, 2, 1), D(2024, 8, 15), 5),
    # the same mall under its long name (the register's identity rule)
    ("11.71", "Mal Pelayanan Publik Kota Banda Aceh", "atr_bpn", "counter_open", None, D(2022, 1, 1), D(2024, 9, 28), None),
    ("11.71", "MPP Kota Banda Aceh", "kemenag", "ended", None, D(2020, 1, 1), D(2024, 7, 1), None),
    ("11.06", "MPP Kabupaten Aceh Besar", "polri", "drafting", None, None, None, None),
    ("11.06", "MPP Kabupaten Aceh Besar", "atr_bpn", "signed", "12/PKS", D(2023, 1, 1), D(2024, 9, 29), 3),
    ("11.06", "MPP Kabupaten Aceh Besar", "bnn", "signed", None, D(2023, 1, 1), D(2024, 6, 29), None),
    ("12.07", "MPP Deli Serdang", "polri", "counter_open", None, None, None, None),  # the region's only mall
    ("12.07", "MPP Kabupaten Deli Serdang", "kemenkeu", "none", None, None, None, None),
    ("12.71", "MPP Kota Medan", "polri", "signed", None, D(2024, 1, 1), None, None),  # planned: not counted
)  # fmt: skip


def test_stage_words_read_as_issue_24_lists_them():
    read = {text: stages.stage_of(text).stage for text in (
        "belum", "proses", "draf", "pembahasan", "ditandatangani", "sudah PKS", "loket buka", "beroperasi",
        "melayani", "terintegrasi", "layanan terintegrasi", "berakhir", "berhenti", "dicabut", "-", "✓",
        "Signed", "Counter open", "integrated", "expired", "belum PKS", "PKS berakhir", "sudah PKS, loket buka",
    )}  # fmt: skip
    assert read == {
        "belum": "none", "proses": "drafting", "draf": "drafting", "pembahasan": "drafting",
        "ditandatangani": "signed", "sudah PKS": "signed", "loket buka": "counter_open",
        "beroperasi": "counter_open", "melayani": "counter_open", "terintegrasi": "integrated",
        "layanan terintegrasi": "integrated", "berakhir": "ended", "berhenti": "ended", "dicabut": "ended",
        "-": "none", "✓": "signed", "Signed": "signed", "Counter open": "counter_open", "integrated": "integrated",
        "expired": "ended", "belum PKS": "none", "PKS berakhir": "ended", "sudah PKS, loket buka": "counter_open",
    }  # fmt: skip


def test_a_cell_with_a_date_is_signed_on_that_date():
    assert stages.stage_of("PKS 12/03/2024") == stages.StageReading("signed", D(2024, 3, 12))
    assert stages.stage_of("PKS No. 180/12/2024").stage == "signed"
    assert stages.stage_of("2024-03-12") == stages.StageReading("signed", D(2024, 3, 12))
    # a row with dates and no words: signed
    assert stages.stage_of(None, signed_on=D(2023, 1, 5)) == stages.StageReading("signed", D(2023, 1, 5))
    assert stages.stage_of("", valid_until=D(2026, 1, 1)).stage == "signed"
    assert stages.stage_of(None).stage == "none"


def test_words_of_no_stage_are_not_guessed():
    assert stages.stage_of("kucing") is None
    assert stages.stage_of("31/02/2024") is None  # no such day


def test_funnel_counts_every_operating_mall_once_per_agency():
    funnel = ag.compute_funnel(MALLS, AGREEMENTS, AS_OF).set_index("agency")
    assert list(funnel.index) == [a.key for a in MOU_AGENCIES]
    counted = list(stages.STAGES)
    # polri: Banda Aceh integrated, Aceh Besar drafting, Deli Serdang counter open, Padang and Pariaman no row
    assert funnel.loc["polri", counted].tolist() == [2, 1, 0, 1, 1, 0]
    # atr_bpn: Banda Aceh counter open (its long name), Aceh Besar signed
    assert funnel.loc["atr_bpn", counted].tolist() == [3, 0, 1, 1, 0, 0]
    assert funnel.loc["kemenag", counted].tolist() == [4, 0, 0, 0, 0, 1]
    assert funnel.loc["bnn", counted].tolist() == [4, 0, 1, 0, 0, 0]
    assert funnel.loc["kemenkeu", counted].tolist() == [5, 0, 0, 0, 0, 0]
    assert (funnel[counted].sum(axis=1) == 5).all()
    assert funnel.loc["polri", ["operating_malls", "signed_or_later", "signed_pct"]].tolist() == [5, 2, 40.0]
    assert funnel.loc["bnn", "signed_pct"] == 20.0
    assert funnel.loc["kemenag", "signed_pct"] == 0.0  # an ended agreement is no longer one


def test_funnel_by_province():
    table = ag.compute_funnel_by_province(MALLS, AGREEMENTS, official_regions(), AS_OF)
    assert table["province_code"].nunique() == 38
    polri = table[table["agency"] == "polri"].set_index("province_code")
    assert polri.loc["11", ["operating_malls", "integrated", "drafting", "signed_pct"]].tolist() == [2, 1, 1, 50.0]
    assert polri.loc["12", ["operating_malls", "counter_open", "signed_pct"]].tolist() == [1, 1, 100.0]
    assert polri.loc["13", ["operating_malls", "none", "signed_pct"]].tolist() == [2, 2, 0.0]
    assert pd.isna(polri.loc["14", "signed_pct"])  # no operating mall in Riau


def test_the_by_province_table_has_one_row_per_province_with_each_provinces_shares():
    from mpp_data.present.use import display_by_province

    by_province = ag.compute_funnel_by_province(MALLS, AGREEMENTS, official_regions(), AS_OF)
    shown = display_by_province(by_province, "id")
    assert len(shown) == 38, "one row per province, not every code paired with every name"
    rows = shown.set_index("Provinsi")
    assert rows.loc["Aceh", "Polri"] == "50%" and rows.loc["Sumatera Utara", "Polri"] == "100%"
    assert rows.loc["Sumatera Barat", "Polri"] == "0%" and rows.loc["Riau", "Polri"] == "–"


def test_furthest_behind_lowest_share_first_ties_by_key():
    behind = ag.compute_furthest_behind(ag.compute_funnel(MALLS, AGREEMENTS, AS_OF))
    # 14 agencies at 0%, by key; then bnn 20%, then atr_bpn and polri at 40% (by key)
    assert behind["agency"].head(5).tolist() == ["bp2mi", "bpjs_kesehatan", "bpjs_ketenagakerjaan", "bpom", "kejaksaan"]
    assert behind["agency"].tail(3).tolist() == ["bnn", "atr_bpn", "polri"]
    assert behind["signed_pct"].tail(3).tolist() == [20.0, 40.0, 40.0]
    assert len(ag.compute_furthest_behind(ag.compute_funnel(MALLS, AGREEMENTS, AS_OF), 5)) == 5


def test_expiring_within_the_setting_both_ends_included():
    expiring = ag.compute_expiring(MALLS, AGREEMENTS, AS_OF, 90)
    # polri 15 Aug (46 days), atr_bpn 28 Sep (90 days: the last day counted); Aceh Besar's 29 Sep is day 91,
    # its bnn agreement ran out on 29 June, Banda Aceh's kemenag one has ended, Medan's mall is planned
    assert expiring[["region_code", "agency", "valid_until", "days_left"]].values.tolist() == [
        ["11.71", "polri", D(2024, 8, 15), 46],
        ["11.71", "atr_bpn", D(2024, 9, 28), 90],
    ]
    assert expiring["mall_name"].tolist() == ["MPP Kota Banda Aceh"] * 2  # the register's name
    assert len(ag.compute_expiring(MALLS, AGREEMENTS, AS_OF, 91)) == 3
    assert ag.compute_expiring(MALLS, AGREEMENTS, AS_OF, 30).empty


def test_not_signed_lists_operating_malls_with_agencies_before_signed():
    table = ag.compute_not_signed(MALLS, AGREEMENTS, AS_OF)
    # 5 malls x 17 agencies = 85 pairs; signed or later: polri (Banda Aceh, Deli Serdang), atr_bpn (Banda Aceh,
    # Aceh Besar), bnn (Aceh Besar) = 5; ended: kemenag in Banda Aceh = 1. 85 - 6 = 79
    assert len(table) == 79
    aceh_besar = table[table["region_code"] == "11.06"]
    assert "polri" in set(aceh_besar["agency"])  # drafting
    assert aceh_besar.loc[aceh_besar["agency"] == "polri", "stage"].item() == "drafting"
    assert not {"atr_bpn", "bnn"} & set(aceh_besar["agency"])
    assert table["region_code"].iloc[0] == "11.06"  # by region code, then the MoU's order
    assert table["agency"].iloc[0] == "panrb"


def test_region_shows_each_agency_stage_with_dates():
    table = ag.compute_region_agreements(MALLS, AGREEMENTS, "11.71")
    assert len(table) == 17
    polri = table[table["agency"] == "polri"].iloc[0]
    assert (polri["stage"], polri["pks_number"], polri["signed_on"], polri["valid_until"]) == (
        "integrated",
        "PKS/1/2021",
        D(2021, 2, 1),
        D(2024, 8, 15),
    )
    assert table.loc[table["agency"] == "panrb", "stage"].item() == "none"
    # a planned mall has its agreements too
    assert (
        ag.compute_region_agreements(MALLS, AGREEMENTS, "12.71").set_index("agency").loc["polri", "stage"] == "signed"
    )


def test_no_agreements_counts_every_operating_mall_as_none():
    funnel = ag.compute_funnel(MALLS, ag.empty_agreements(), AS_OF)
    assert (funnel["none"] == 5).all() and (funnel["signed_or_later"] == 0).all()


PARTICIPATION = pd.DataFrame(
    [
        ("11.06", "MPP Kabupaten Aceh Besar", "polri", True, None),  # the agreement says drafting
        ("11.71", "MPP Kota Banda Aceh", "bnn", True, None),  # no agreement speaks of it
        ("13.71", "MPP Kota Padang", "polri", True, 4),
    ],
    columns=["region_code", "mall_name", "agency", "present", "services"],
).astype({"services": "Int64"})


def _shares(merged):
    table = participation.compute_agency_presence(MALLS, merged, AS_OF).set_index("agency")
    return table.loc[["polri", "bnn", "atr_bpn"], ["malls_present", "operating_malls_with_data"]].values.tolist()


def test_presence_from_the_later_upload():
    later = ag.merge_presence(MALLS, PARTICIPATION, AGREEMENTS, participation_on=D(2024, 1, 1), agreements_on=AS_OF)
    # malls with data: Banda Aceh, Aceh Besar, Deli Serdang (agreements), Padang (participation) = 4.
    # polri: Banda Aceh (integrated), Deli Serdang (counter open), Padang (participation); not Aceh Besar (drafting)
    # bnn: Banda Aceh (participation; its agreement in Aceh Besar is only signed); atr_bpn: Banda Aceh
    assert _shares(later) == [[3, 4], [1, 4], [1, 4]]
    assert ag.presence_sources(later) == {"participation": 2, "agreements": 3}
    earlier = ag.merge_presence(MALLS, PARTICIPATION, AGREEMENTS, participation_on=AS_OF, agreements_on=D(2024, 1, 1))
    assert _shares(earlier) == [[4, 4], [1, 4], [1, 4]]  # Aceh Besar's participation row now decides


def test_presence_without_agreements_is_the_participation():
    merged = ag.merge_presence(MALLS, PARTICIPATION, ag.empty_agreements(), participation_on=None, agreements_on=None)
    assert _shares(merged) == [[2, 3], [1, 3], [0, 3]]
    pd.testing.assert_frame_equal(merged.drop(columns="source"), PARTICIPATION)


def visit_rows(*rows):
    frame = pd.DataFrame(rows, columns=list(stages.VISIT_COLUMNS))
    return frame.assign(month=pd.to_datetime(frame["month"])).astype(
        {"visits": "Int64", "counters_active": "Int64", "counters_total": "Int64"}
    )


MAY, APRIL = D(2024, 5, 1), D(2024, 4, 1)
VISITS = visit_rows(
    ("11.71", "MPP Kota Banda Aceh", MAY, 1200, 14, 30),  # 14 of 30 stands: under half
    ("11.06", "MPP Kabupaten Aceh Besar", MAY, 300, 10, 12),
    ("12.07", "MPP Kabupaten Deli Serdang", MAY, 300, None, 20),
    ("12.71", "MPP Kota Medan", MAY, 50, 5, 10),  # exactly half: not under
    ("13.71", "MPP Kota Padang", MAY, 800, 8, 10),
    ("13.06", "MPP Kabupaten Agam", MAY, 800, None, None),  # not in the register: still a mall that reports
    ("13.75", "MPP Kota Bukittinggi", MAY, 0, 2, 8),  # zero visits is a figure; 25% of counters
    ("11.71", "MPP Kota Banda Aceh", APRIL, 1000, 14, 30),
    ("11.06", "MPP Kabupaten Aceh Besar", APRIL, 250, 10, 12),
)


def test_lowest_and_highest_five_ties_by_name():
    month = vi.compute_month(VISITS, MAY)
    assert len(month) == 7
    assert vi.lowest(month)["mall"].tolist() == [
        "MPP Kota Bukittinggi", "MPP Kota Medan", "MPP Kabupaten Aceh Besar", "MPP Kabupaten Deli Serdang",
        "MPP Kabupaten Agam",
    ]  # fmt: skip
    assert vi.highest(month)["mall"].tolist() == [
        "MPP Kota Banda Aceh", "MPP Kabupaten Agam", "MPP Kota Padang", "MPP Kabupaten Aceh Besar",
        "MPP Kabupaten Deli Serdang",
    ]  # fmt: skip
    west = vi.compute_month(vi.in_province(VISITS, "13"), MAY)
    assert vi.lowest(west)["visits"].tolist() == [0, 800, 800]


def test_quiet_malls_have_under_half_their_counters_active():
    quiet = vi.quiet(vi.compute_month(VISITS, MAY))
    assert quiet["mall"].tolist() == ["MPP Kota Bukittinggi", "MPP Kota Banda Aceh"]  # 25%, then 14/30 = 46.7%
    assert quiet["active_pct"].round(1).tolist() == [25.0, 46.7]


def test_visits_over_time_by_province():
    table = vi.compute_over_time(VISITS, official_regions())
    assert table[["province_code", "month", "visits", "malls"]].values.tolist() == [
        ["11", APRIL, 1250, 2], ["11", MAY, 1500, 2], ["12", MAY, 350, 2], ["13", MAY, 1600, 3],
    ]  # fmt: skip
    assert table["province_name"].iloc[0] == "Aceh"


def test_inaugurated_malls_without_visits():
    # operating by 31 May: Banda Aceh, Aceh Besar, Deli Serdang, Padang, Pariaman (20 May); only Pariaman is silent
    assert vi.compute_silent(MALLS, VISITS, MAY)["mall_name"].tolist() == ["MPP Kota Pariaman"]
    # in April Deli Serdang and Padang report nothing; Pariaman was not open yet
    assert vi.compute_silent(MALLS, VISITS, APRIL)["mall_name"].tolist() == [
        "MPP Kabupaten Deli Serdang", "MPP Kota Padang",
    ]  # fmt: skip


def test_latest_month_and_a_region_s_visits():
    assert vi.latest_month(VISITS) == MAY and vi.latest_month(vi.empty_visits()) is None
    table = vi.compute_mall_visits(MALLS, VISITS, "11.71")
    assert table[["month", "visits"]].values.tolist() == [[APRIL, 1000], [MAY, 1200]]


@pytest.mark.parametrize("frame", [vi.empty_visits()])
def test_no_visits_give_empty_lists(frame):
    month = vi.compute_month(frame, MAY)
    assert month.empty and vi.lowest(month).empty and vi.quiet(month).empty
    assert len(vi.compute_silent(MALLS, frame, MAY)) == 5


def test_the_diff_lists_agreements_that_changed_stage():
    from mpp_data.analysis import history

    later = agreements(
        ("11.71", "MPP Kota Banda Aceh", "polri", "integrated", "PKS/1/2021", D(2021, 2, 1), D(2024, 8, 15), 5),
        ("11.71", "MPP  KOTA Banda Aceh", "atr_bpn", "integrated", None, D(2022, 1, 1), D(2024, 9, 28), None),
        ("11.06", "MPP Kabupaten Aceh Besar", "polri", "signed", None, D(2024, 6, 1), None, None),
        ("13.71", "MPP Kota Padang", "bnn", "drafting", None, None, None, None),
    )
    changes = history.compute_stage_changes(AGREEMENTS, later)
    # atr_bpn counter open -> integrated (the name written otherwise), polri drafting -> signed, bnn new;
    # the rows dropped from the later list count as none there
    assert changes[["region_code", "agency", "stage_before", "stage_after"]].values.tolist() == [
        ["11.06", "atr_bpn", "signed", "none"],
        ["11.06", "bnn", "signed", "none"],
        ["11.06", "polri", "drafting", "signed"],
        ["11.71", "atr_bpn", "counter_open", "integrated"],
        ["11.71", "kemenag", "ended", "none"],
        ["12.07", "polri", "counter_open", "none"],
        ["12.71", "polri", "signed", "none"],
        ["13.71", "bnn", "none", "drafting"],
    ]
    assert history.compute_stage_changes(AGREEMENTS, AGREEMENTS).empty
