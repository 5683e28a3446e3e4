"""AppTest: agreements on the Agencies and Region pages, and the Use page (issue 24 points 2-4).

Until the upload kinds store agreements and visits, a snapshot read from the (real) store gains frames
built in code from its own register (``tests/use_frames.py``): the store is the database, the extra kinds
stand in for uploads that cannot be stored yet."""

from __future__ import annotations

import pytest

from mpp_data import service
from mpp_data.present.text import format_number
from tests.app.test_rollout_pages import LATEST, open_page, sample  # noqa: F401 - fixture
from tests.use_frames import with_use_tables, without_agreements_or_visits


@pytest.fixture
def with_kinds(sample, monkeypatch):  # noqa: F811
    real = service.load_snapshot
    monkeypatch.setattr(
        service, "load_snapshot", lambda store, snapshot_id=None: with_use_tables(real(store, snapshot_id), LATEST)
    )
    return with_use_tables(sample, LATEST)


def _frames(at, *columns: str) -> list:
    """The page's tables holding every one of ``columns`` (AppTest gives a table no key), in page order."""
    return [d.value for d in at.dataframe if set(columns) <= set(d.value.columns)]


def _texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info])


def test_pages_say_when_no_agreements_or_visits_are_loaded(sqlite_url, monkeypatch):
    monkeypatch.setenv("MPP_DATABASE_URL", without_agreements_or_visits(sqlite_url))
    agencies = open_page("pages/agencies.py")
    assert "Belum ada data PKS yang diunggah" in _texts(agencies)
    assert "Kehadiran instansi: dari data keikutsertaan" in _texts(agencies)
    use = open_page("pages/use.py")
    assert "Belum ada data kunjungan yang diunggah" in _texts(use)
    region = open_page("pages/region.py", region="61.03")
    assert "Belum ada data PKS untuk MPP di daerah ini." in _texts(region)
    assert "Belum ada data kunjungan untuk MPP di daerah ini." in _texts(region)


def test_agencies_page_shows_the_agreement_sections(with_kinds):
    at = open_page("pages/agencies.py")
    view = service.agreement_view(with_kinds, scope=service.ViewScope(as_of=LATEST), days=90)
    texts = _texts(at)
    assert f"{format_number(view['operating_malls'])} MPP yang beroperasi" in texts
    assert f"{format_number(len(view['not_signed']))} pasangan MPP dan instansi" in texts
    assert len(_frames(at, "stage", "mall_name", "province_name")[0]) == len(view["not_signed"])
    assert len(_frames(at, "days_left")[0]) == len(view["expiring"])
    assert (
        _frames(at, "signed_pct", "operating_malls")[0]["agency"].tolist()
        == view["behind"]["short_name"].head(5).tolist()
    )
    funnel = _frames(at, "Belum", "Instansi")[0]
    assert funnel["Belum"].tolist() == [format_number(n) for n in view["funnel"]["none"]]
    sources = service.agency_view(with_kinds, scope=service.ViewScope(as_of=LATEST))["presence_sources"]
    assert f"loket buka atau terintegrasi ({format_number(sources['agreements'])})" in texts


def test_use_page_shows_lowest_highest_and_follows_the_month(with_kinds):
    at = open_page("pages/use.py")
    report = service.visits_report(with_kinds, scope=service.ViewScope(as_of=LATEST))
    assert _frames(at, "visits", "active_pct")[0]["mall"].tolist() == [r["mall"] for r in report["lowest"]]
    assert _frames(at, "visits", "active_pct")[1]["mall"].tolist() == [r["mall"] for r in report["highest"]]
    assert f"{format_number(len(report['malls']))} MPP melaporkan kunjungan untuk Des 2025" in _texts(at)
    months = service.use_view(with_kinds, scope=service.ViewScope(as_of=LATEST))["months"]
    assert len(at.selectbox(key="use_month").options) == len(months) == 3
    at.selectbox(key="use_month").set_value(months[-1]).run()
    assert not at.exception
    assert "Okt 2025" in _texts(at)
    assert "Semua MPP yang melapor pada bulan ini" in [h.value for h in at.subheader], "the last table has a heading"


def test_use_page_does_not_call_malls_busy_when_no_counters_were_reported(with_kinds, monkeypatch):
    real = service.load_snapshot

    def without_counters(store, snapshot_id=None):
        data = real(store, snapshot_id)
        visits = data.table("visits").assign(counters_active=None, counters_total=None)
        return service.SnapshotData(data.snapshot, {**data.tables, "visits": visits})

    monkeypatch.setattr(service, "load_snapshot", without_counters)
    at = open_page("pages/use.py")
    assert not at.exception, [e.message for e in at.exception]
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Tidak ada laporan loket untuk bulan ini") for c in captions), captions
    assert not any(c.startswith("Tidak ada MPP dengan loket aktif kurang dari separuh") for c in captions)


def test_region_page_shows_each_agency_stage_and_visits(with_kinds):
    at = open_page("pages/region.py", region="61.03")
    stages = _frames(at, "pks_number", "signed_on")[0]
    assert len(stages) == 17 * len(service.region_malls(with_kinds, scope=service.ViewScope(), code="61.03"))
    assert set(_frames(at, "month", "visits")[0]["mall"]) <= set(with_kinds.malls["mall_name"])
    # present or not: the same rule as the Agencies page (participation with the agreements' word), not
    # the participation sheet alone, which said otherwise for some agencies here
    from mpp_data.present.display import region_agencies
    from mpp_data.present.safe import md_text

    counted, _, _ = region_agencies(service.presence_rows(with_kinds), "61.03")
    assert counted != region_agencies(with_kinds.participation, "61.03")[0]
    assert "\n".join(f"- {md_text(a)}" for a in counted) in [m.value for m in at.markdown]
