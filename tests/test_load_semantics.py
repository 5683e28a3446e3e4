"""Issue 20: what a load does to the register (update, replace, the plan), the date the data describe,
undated malls, participation that belongs to malls, withdrawn snapshots, equal loads and the limit."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing

import pytest

from mpp_data import service
from mpp_data.__main__ import main
from mpp_data.errors import RegisterTooLarge, ReplaceNeedsConfirmation
from mpp_data.ingest.isolation import main_script_hidden
from mpp_data.present.text import error_message
from mpp_data.store import Store
from tests.conftest import ADMIN, ANALYST
from tests.loaders import workbooks as wb

D = dt.date
TODAY = D(2026, 1, 5)
HEADER = ["Kabupaten/Kota", "Nama MPP", "Status", "Tanggal Peresmian"]
GRID = ["Kabupaten/Kota", "Nama MPP", "Polri", "BNN", "BPJS Kesehatan"]


def malls_file(rows: list[list[object]], name: str = "mpp.xlsx", title: str | None = None) -> service.UploadedFile:
    lines = ([[title], []] if title else []) + [HEADER, *rows]
    return wb.xlsx({"MPP": lines}, name=name)


def grid_file(rows: list[list[object]], name: str = "instansi.xlsx") -> service.UploadedFile:
    return wb.xlsx({"Instansi": [GRID, *rows]}, name=name)


BASE = [
    ["Kota Depok", "MPP Kota Depok", "Beroperasi", D(2021, 5, 1)],
    ["Kabupaten Bogor", "MPP Kabupaten Bogor", "Beroperasi", D(2022, 3, 1)],
    ["Kota Medan", "MPP Kota Medan", "Beroperasi", D(2023, 7, 1)],
    ["Kabupaten Siak", "MPP Kabupaten Siak", "Direncanakan", None],
]


def load(store: Store, files: list[service.UploadedFile], **options) -> service.IngestResult:
    result = service.ingest_files(files, store, actor=ANALYST, today=TODAY, **options)
    assert not result.has_errors, result.issues.to_dict("records")
    return result


def figures(store: Store, as_of: dt.date, province: str | None = None) -> dict:
    return service.national_summary(
        service.load_snapshot(store), scope=service.ViewScope(as_of=as_of, province=province)
    )


def test_a_batch_recap_adds_its_malls_and_keeps_the_register_saying_so_before_the_load(sqlite_store):
    first = load(sqlite_store, [malls_file(BASE)])
    assert first.plan.mode == "replace"  # no register yet: the file is the register
    batch = [["Kota Bekasi", "MPP Kota Bekasi", "Beroperasi", D(2024, 12, 20)]]
    checked = service.ingest_files([malls_file(batch, "batch.xlsx")], sqlite_store, dry_run=True, today=TODAY)
    assert checked.snapshot_id is None and len(sqlite_store.list_snapshots()) == 1
    assert checked.plan.scope == "malls" and checked.plan.mode == "update"
    assert checked.plan.as_json().items() >= {"malls_added": 1, "malls_removed": 0, "malls_changed": 0,
                                              "regions_gained": 1, "regions_lost": 0, "malls_after": 5}.items()  # fmt: skip
    assert checked.plan.by_province.to_dict("records") == [
        {"province_code": "32", "malls_added": 1, "malls_removed": 0, "malls_changed": 0, "regions_gained": 1,
         "regions_lost": 0}
    ]  # fmt: skip
    sentences = service.plan_sentences(checked.plan, "en")
    assert sentences[1].startswith("Update:") and "1 malls added, 0 removed" in sentences[2]
    assert "MPP ditambah" in service.plan_sentences(checked.plan, "id")[2]
    load(sqlite_store, [malls_file(batch, "batch.xlsx")])
    assert figures(sqlite_store, D(2025, 1, 1))["covered_regions"] == 4  # Depok, Bogor, Medan, Bekasi


def test_mal_pelayanan_publik_x_is_the_register_s_mpp_x(sqlite_store):
    load(sqlite_store, [malls_file(BASE)])
    renamed = [["Kabupaten Siak", "Mal Pelayanan Publik Kab. Siak", "Beroperasi", D(2025, 2, 1)]]
    result = load(sqlite_store, [malls_file(renamed, "siak.xlsx")])
    assert (result.plan.malls_added, result.plan.malls_changed, result.plan.regions_gained) == (0, 1, 1)
    malls = service.load_snapshot(sqlite_store).malls
    assert sorted(malls[malls["region_code"] == "14.08"]["mall_name"]) == ["Mal Pelayanan Publik Kab. Siak"]


def test_a_replace_removing_over_a_tenth_of_the_operating_malls_needs_a_confirmation(sqlite_store):
    load(sqlite_store, [malls_file(BASE)])
    # one mall in each province of the register: read as the national register, so auto replaces
    national = [["Kota Depok", "MPP Kota Depok", "Beroperasi", D(2021, 5, 1)],
                ["Kabupaten Siak", "MPP Kabupaten Siak", "Direncanakan", None],
                ["Kota Medan", "MPP Kota Medan", "Beroperasi", D(2023, 7, 1)]]  # fmt: skip
    before = sqlite_store.counts()
    with pytest.raises(ReplaceNeedsConfirmation) as refused:
        service.ingest_files([malls_file(national, "nasional.xlsx")], sqlite_store, actor=ANALYST, today=TODAY)
    assert sqlite_store.counts() == before
    assert refused.value.params == {"removed": 1, "operating": 3, "share_pct": 33.3}
    assert "(33.3%)" in error_message(refused.value.code, refused.value.params, "en")
    assert "(33,3%)" in error_message(refused.value.code, refused.value.params, "id")
    assert "--mode replace" in error_message(refused.value.code, {"variant": "cli", **refused.value.params}, "en")
    confirmed = load(sqlite_store, [malls_file(national, "nasional.xlsx")], confirm_replace=True)
    assert (confirmed.plan.mode, confirmed.plan.malls_removed, confirmed.plan.regions_lost) == ("replace", 1, 1)
    assert figures(sqlite_store, D(2025, 1, 1))["operating_malls"] == 2


def test_the_same_files_again_equal_the_snapshot_and_store_nothing(sqlite_store):
    first = load(sqlite_store, [malls_file(BASE)])
    before = sqlite_store.counts()
    again = load(sqlite_store, [malls_file(BASE)])
    assert (again.snapshot_id, again.equal_to) == (None, first.snapshot_id)
    after = sqlite_store.counts()
    assert after.pop("audit_log") == before.pop("audit_log") + 1  # the equal load is on record
    assert after == before
    assert (
        service.equal_message(first.snapshot_id, "en")
        == f"These files equal upload #{first.snapshot_id}; nothing was stored."
    )


def test_a_register_over_the_limit_is_refused_naming_the_limit(sqlite_store):
    settings = service.Settings.from_env({"MPP_MAX_REGISTER_MALLS": "3"})  # read once, handed down
    before = sqlite_store.counts()
    with pytest.raises(RegisterTooLarge) as refused:
        service.ingest_files([malls_file(BASE)], sqlite_store, actor=ANALYST, today=TODAY, settings=settings)
    assert sqlite_store.counts() == before
    assert "limit of 3 malls" in error_message(refused.value.code, refused.value.params, "en")
    assert "batas 3 MPP" in error_message(refused.value.code, refused.value.params, "id")


def test_the_data_date_comes_from_the_title_else_the_upload_else_today(sqlite_store):
    titled = load(sqlite_store, [malls_file(BASE, title="Keadaan s.d. 31 Desember 2024")])
    assert sqlite_store.snapshot(titled.snapshot_id)["data_as_of"] == D(2024, 12, 31)
    data = service.load_snapshot(sqlite_store)
    assert service.default_as_of(data) == D(2024, 12, 31)
    assert (
        service.national_summary(data, scope=service.ViewScope())["as_of"] == "2024-12-31"
    )  # KPIs and the pipeline name one date
    given = load(sqlite_store, [malls_file(BASE[:3], "b.xlsx")], data_as_of=D(2025, 6, 30), mode="replace")
    assert sqlite_store.snapshot(given.snapshot_id)["data_as_of"] == D(2025, 6, 30)
    plain = load(sqlite_store, [malls_file(BASE[:2], "c.xlsx")], mode="replace", confirm_replace=True)
    assert sqlite_store.snapshot(plain.snapshot_id)["data_as_of"] == TODAY
    listed = service.list_snapshots(sqlite_store)
    assert list(listed["data_as_of"]) == [TODAY, D(2025, 6, 30), D(2024, 12, 31)]


def test_an_undated_operating_mall_counts_from_the_first_snapshot_listing_it_never_before(sqlite_store):
    soft = [["Kota Bekasi", "MPP Kota Bekasi", "Soft launch", None]]
    load(sqlite_store, [malls_file(BASE)], data_as_of=D(2025, 3, 31))
    first = load(sqlite_store, [malls_file(soft, "soft.xlsx")], data_as_of=D(2025, 6, 30))
    assert first.plan.regions_gained == 1
    assert figures(sqlite_store, D(2025, 6, 29))["covered_regions"] == 3
    assert figures(sqlite_store, D(2025, 6, 30))["covered_regions"] == 4
    assert figures(sqlite_store, D(2015, 1, 1))["covered_regions"] == 0
    assert figures(sqlite_store, D(2025, 6, 30))["undated_operating_malls"] == 1
    # listed again later, still undated: it keeps counting from its first listing
    load(sqlite_store, [malls_file([*soft, ["Kota Bogor", "MPP Kota Bogor", "Direncanakan", None]], "again.xlsx")],
         data_as_of=D(2025, 9, 30))  # fmt: skip
    assert figures(sqlite_store, D(2025, 7, 1))["covered_regions"] == 4
    charts = service.rollout_charts(service.load_snapshot(sqlite_store), scope=service.ViewScope(as_of=D(2025, 12, 31)))
    assert charts["timeline"].iloc[-1].to_dict() == {"date": D(2025, 6, 30), "new_regions": 1, "covered_regions": 4}


def test_participation_counts_only_for_malls_in_the_register_and_orphans_are_reported(sqlite_store):
    load(sqlite_store, [malls_file(BASE)])
    grid = grid_file([["Kota Depok", "MPP Kota Depok", "✓", "✓", None],
                      ["Kota Bekasi", "MPP Kota Bekasi", "✓", "✓", "✓"]])  # fmt: skip
    result = load(sqlite_store, [grid])
    orphans = result.issues[result.issues["kind"] == "participation_without_mall"].to_dict("records")
    assert [(o["value"], o["row"]) for o in orphans] == [("MPP Kota Bekasi", 3)]
    assert "MPP Kota Bekasi" in service.IngestResult.messages(result, "en")[-1]
    polri = (
        service.agency_presence(service.load_snapshot(sqlite_store), scope=service.ViewScope(as_of=D(2025, 1, 1)))
        .set_index("agency")
        .loc["polri"]
    )
    assert (polri["malls_present"], polri["operating_malls_with_data"]) == (1, 1)
    # the register replaced without Depok: its carried participation no longer counts
    load(sqlite_store, [malls_file(BASE[1:3], "tanpa-depok.xlsx")], mode="replace")
    data = service.load_snapshot(sqlite_store)
    assert data.snapshot["carried_over"] == {"participation": result.snapshot_id}
    view = service.agency_view(data, scope=service.ViewScope(as_of=D(2025, 1, 1)))
    assert (view["with_data"], view["without_data"]) == (0, 2)


def test_agencies_json_for_one_province(sqlite_store, capsys):
    load(sqlite_store, [malls_file(BASE)])
    load(sqlite_store, [grid_file([["Kota Depok", "MPP Kota Depok", "✓", None, None],
                                   ["Kota Medan", "MPP Kota Medan", "✓", "✓", "✓"]])])  # fmt: skip
    assert main(["agencies", "--json", "--province", "12", "--db", sqlite_store.url, "--as-of", "2025-01-01"]) == 0
    bnn = next(r for r in json.loads(capsys.readouterr().out) if r["agency"] == "bnn")
    assert (bnn["malls_present"], bnn["operating_malls_with_data"]) == (1, 1)
    assert main(["agencies", "--json", "--db", sqlite_store.url, "--as-of", "2025-01-01"]) == 0
    bnn = next(r for r in json.loads(capsys.readouterr().out) if r["agency"] == "bnn")
    assert (bnn["malls_present"], bnn["operating_malls_with_data"]) == (1, 2)


def test_a_withdrawn_snapshot_never_comes_back(sqlite_store, capsys):
    good = load(sqlite_store, [malls_file(BASE)])
    wrong = load(sqlite_store, [malls_file([["Kota Bekasi", "MPP Kota Bekasi", "Beroperasi", D(2024, 1, 1)]],
                                           "salah.xlsx")], mode="replace", confirm_replace=True)  # fmt: skip
    version = service.view_version(sqlite_store)
    assert main(["snapshots", "withdraw", str(wrong.snapshot_id), "--reason", "berkas salah",
                 "--db", sqlite_store.url]) == 0  # fmt: skip
    assert f"#{good.snapshot_id}" in capsys.readouterr().out
    assert service.view_version(sqlite_store) != version  # every process's History cache sees it
    events = service.audit_events(sqlite_store, actor=ADMIN, action="snapshot.withdrawn")
    assert events.iloc[0]["actor"].startswith("cli:") and events.iloc[0]["details"] == {"reason": "berkas salah"}
    participation = load(sqlite_store, [grid_file([["Kota Depok", "MPP Kota Depok", "✓", "✓", "✓"]])])
    data = service.load_snapshot(sqlite_store)
    assert data.snapshot["carried_over"] == {"malls": good.snapshot_id}
    assert sorted(data.malls["mall_name"]) == sorted(r[1] for r in BASE)
    history = service.presence_history(sqlite_store)
    assert len(history) == 2  # the good upload and the participation one; never the withdrawn one
    assert main(["snapshots", "restore", str(wrong.snapshot_id), "--db", sqlite_store.url]) == 0
    assert wrong.snapshot_id not in service.list_snapshots(sqlite_store).query("withdrawn")["id"].tolist()
    assert service.audit_events(sqlite_store, actor=ADMIN, action="snapshot.restored").iloc[0]["object"] == str(
        wrong.snapshot_id
    )
    assert service.latest_snapshot_id(sqlite_store) == participation.snapshot_id


def test_ingest_json_carries_the_plan_and_the_mode(sqlite_store, tmp_path, capsys):
    load(sqlite_store, [malls_file(BASE)])
    path = tmp_path / "batch.xlsx"
    path.write_bytes(malls_file([["Kota Bekasi", "MPP Kota Bekasi", "Beroperasi", D(2024, 12, 20)]]).content)
    assert main(["ingest", str(path), "--json", "--dry-run", "--db", sqlite_store.url]) == 0
    plan = json.loads(capsys.readouterr().out)["plan"]
    assert {k: plan[k] for k in ("mode", "malls_added", "malls_removed", "malls_changed", "regions_gained",
                                 "regions_lost")} == {"mode": "update", "malls_added": 1, "malls_removed": 0,
                                                      "malls_changed": 0, "regions_gained": 1, "regions_lost": 0}  # fmt: skip
    assert main(["ingest", str(path), "--json", "--mode", "replace", "--data-date", "2024-12-31",
                 "--db", sqlite_store.url]) == 0  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert (report["plan"]["mode"], report["plan"]["malls_removed"], report["data_as_of"]) == (
        "replace",
        4,
        "2024-12-31",
    )


def _open(url: str, start, results) -> None:  # multiprocessing objects
    start.wait(timeout=120)
    store = service.open_store(url)
    results.put(len(store.list_snapshots()))
    store.dispose()


def test_three_processes_starting_on_a_new_postgresql_store_load_the_sample_once(postgres_url):
    Store(postgres_url).dispose()  # the schema first: the race is the sample's, not the migration's
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(3), context.Queue()
    processes = [context.Process(target=_open, args=(postgres_url, start, results)) for _ in range(3)]
    # AppTests earlier in the run leave a page script as ``__main__``; a spawned process would run it again.
    with main_script_hidden():
        for p in processes:
            p.start()
    for p in processes:
        p.join(timeout=300)
    assert [p.exitcode for p in processes] == [0, 0, 0]
    assert sorted(results.get(timeout=5) for _ in range(3)) == [1, 1, 1]
    store = Store(postgres_url)
    snapshots = store.list_snapshots()
    store.dispose()
    assert len(snapshots) == 1 and bool(snapshots.iloc[0]["is_sample"])


def province_row(summary: dict, code: str) -> tuple[int, int]:
    row = next(p for p in summary["provinces"] if p["code"] == code)
    return row["covered_regions"], row["total_regions"]


def presence(store: Store, as_of: dt.date, province: str | None = None) -> dict[str, tuple[int, int]]:
    """agency -> (malls where present, operating malls with data), for the agencies the test uses."""
    table = service.agency_presence(
        service.load_snapshot(store), scope=service.ViewScope(as_of=as_of, province=province)
    ).set_index("agency")
    return {a: (int(table.loc[a, "malls_present"]), int(table.loc[a, "operating_malls_with_data"]))
            for a in ("polri", "bnn", "bpjs_kesehatan")}  # fmt: skip


def test_a_sequence_of_partial_uploads_gives_the_hand_computed_figures_after_each_step(sqlite_store):
    store = sqlite_store
    # 0. the national register: 4 operating malls in 4 regions, Siak planned
    national = [*BASE, ["Kabupaten Sanggau", "MPP Kabupaten Sanggau", "Beroperasi", D(2020, 1, 10)]]
    load(store, [malls_file(national, title="Keadaan per 30 Juni 2024")])
    now = figures(store, D(2024, 6, 30))
    assert (now["covered_regions"], now["operating_malls"]) == (4, 4)
    assert province_row(now, "32") == (2, 27) and province_row(now, "61") == (1, 14)

    # 1. the recap of one inauguration batch: two malls added, nothing removed
    batch = [["Kota Bekasi", "MPP Kota Bekasi", "Beroperasi", D(2024, 12, 20)],
             ["Kota Pontianak", "MPP Kota Pontianak", "Beroperasi", D(2024, 12, 20)]]  # fmt: skip
    step = load(store, [malls_file(batch, "batch.xlsx", title="Posisi per 31 Des 2024")])
    assert (step.plan.mode, step.plan.malls_added, step.plan.malls_removed) == ("update", 2, 0)
    assert service.default_as_of(service.load_snapshot(store)) == D(2024, 12, 31)
    now, before = figures(store, D(2024, 12, 31)), figures(store, D(2024, 12, 19))
    assert (now["covered_regions"], now["operating_malls"], before["covered_regions"]) == (6, 6, 4)
    assert province_row(now, "32") == (3, 27) and province_row(now, "61") == (2, 14)

    # 2. Riau's progress report: Siak now operating, Pekanbaru being built
    riau = [["Kabupaten Siak", "MPP Kabupaten Siak", "Beroperasi", D(2025, 3, 1)],
            ["Kota Pekanbaru", "MPP Kota Pekanbaru", "Dalam Pembangunan", None]]  # fmt: skip
    step = load(store, [malls_file(riau, "riau.xlsx", title="Data per 31 Maret 2025")])
    assert (step.plan.scope, step.plan.mode, step.plan.malls_changed, step.plan.malls_added) == (
        "provinces", "update", 1, 1)  # fmt: skip
    now = figures(store, D(2025, 3, 31))
    assert (now["covered_regions"], now["operating_malls"], now["under_construction_malls"]) == (7, 7, 1)
    assert province_row(now, "14") == (1, 12)
    assert figures(store, D(2025, 2, 28))["covered_regions"] == 6

    # 3. participation of one region: Depok's grid
    load(store, [grid_file([["Kota Depok", "MPP Kota Depok", "✓", "✓", None]])], data_as_of=D(2025, 3, 31))
    assert presence(store, D(2025, 3, 31)) == {"polri": (1, 1), "bnn": (1, 1), "bpjs_kesehatan": (0, 1)}
    assert presence(store, D(2025, 3, 31), "32") == {"polri": (1, 1), "bnn": (1, 1), "bpjs_kesehatan": (0, 1)}
    assert presence(store, D(2025, 3, 31), "61") == {"polri": (0, 0), "bnn": (0, 0), "bpjs_kesehatan": (0, 0)}
    assert presence(store, D(2021, 1, 1)) == {"polri": (0, 0), "bnn": (0, 0), "bpjs_kesehatan": (0, 0)}

    # 4. a wrong file replacing everything, withdrawn; the next upload builds on the register before it
    wrong = load(store, [malls_file([["Kota Bogor", "MPP Kota Bogor", "Beroperasi", D(2025, 4, 1)]], "salah.xlsx")],
                 mode="replace", data_as_of=D(2025, 4, 30))  # fmt: skip
    assert figures(store, D(2025, 4, 30))["covered_regions"] == 1
    service.withdraw_snapshot(store, wrong.snapshot_id, actor=ADMIN, reason="berkas salah")
    assert figures(store, D(2025, 4, 30))["covered_regions"] == 7
    load(store, [grid_file([["Kota Medan", "MPP Kota Medan", "✓", None, "✓"]], "medan.xlsx")],
         data_as_of=D(2025, 4, 30))  # fmt: skip
    assert figures(store, D(2025, 4, 30))["covered_regions"] == 7  # the withdrawn malls never came back
    assert presence(store, D(2025, 4, 30)) == {"polri": (2, 2), "bnn": (1, 2), "bpjs_kesehatan": (1, 2)}
    assert presence(store, D(2025, 4, 30), "12") == {"polri": (1, 1), "bnn": (0, 1), "bpjs_kesehatan": (1, 1)}

    # 5. a new national register: Pontianak is not in it, Pekanbaru opened; confirmed replace
    replacing = [*national[:3], ["Kabupaten Siak", "MPP Kabupaten Siak", "Beroperasi", D(2025, 3, 1)],
                 national[4], batch[0], ["Kota Pekanbaru", "MPP Kota Pekanbaru", "Beroperasi", D(2025, 5, 1)]]  # fmt: skip
    with pytest.raises(ReplaceNeedsConfirmation):  # 1 of 7 operating malls removed: over a tenth
        load(store, [malls_file(replacing, "nasional.xlsx", title="Keadaan s.d. 30 Juni 2025")])
    step = load(store, [malls_file(replacing, "nasional.xlsx", title="Keadaan s.d. 30 Juni 2025")],
                confirm_replace=True)  # fmt: skip
    assert (step.plan.mode, step.plan.malls_removed, step.plan.regions_lost, step.plan.regions_gained) == (
        "replace", 1, 1, 1)  # fmt: skip
    now = figures(store, D(2025, 6, 30))
    assert (now["covered_regions"], now["operating_malls"]) == (7, 7)
    assert province_row(now, "61") == (1, 14) and province_row(now, "14") == (2, 12)
    assert figures(store, D(2024, 12, 31))["covered_regions"] == 5  # Pontianak left the register
    # participation of Depok and Medan stays with their malls
    assert presence(store, D(2025, 6, 30)) == {"polri": (2, 2), "bnn": (1, 2), "bpjs_kesehatan": (1, 2)}


def test_corrections_belong_to_a_file_s_content_and_sheet_never_its_name(sqlite_store):
    from mpp_data.ingest.pipeline import sha256

    one = malls_file([["Kota Medan", "MPP Kota Medan", "Beroperasi", D(2023, 7, 1)]], "rekap.xlsx")
    other = malls_file([["Kota Medan", "MPP Kota Medan", "Beroperasi", D(2023, 7, 1)],
                        ["Kota Depok", "MPP Kota Depok", "Beroperasi", D(2021, 5, 1)]], "rekap.xlsx")  # fmt: skip
    fix = {(sha256(other.content), "MPP", 2, "Status"): ("Beroperasi", "Direncanakan")}
    result = service.ingest_files([one, other], None, dry_run=True, today=TODAY, corrections=fix)
    statuses = result.malls.sort_values(["file", "row"])[["row", "status"]].values.tolist()
    # only the second file's row 2 changed; the first file of the same name keeps its own
    assert sorted(statuses) == [[2, "operating"], [2, "planned"], [3, "operating"]]
    assert [c["corrected"] for c in result.corrections] == ["Direncanakan"]
    # a name two files share names neither: the correction is dropped and said so
    by_name = service.ingest_files([one, other], None, dry_run=True, today=TODAY,
                                   corrections={("rekap.xlsx", "MPP", 2, "Status"): "Direncanakan"})  # fmt: skip
    assert set(by_name.malls["status"]) == {"operating"}
    dropped = by_name.issues[by_name.issues["kind"] == "correction_dropped"]
    assert "its file is not in this upload" in by_name.messages("en")[-1] and len(dropped) == 1


def test_a_correction_whose_cell_no_longer_holds_its_value_is_dropped_with_a_message():
    from mpp_data.ingest.pipeline import sha256

    changed = malls_file([["Kota Binjai", "MPP Kota Binjai", "Beroperasi", D(2023, 7, 1)]], "rekap.xlsx")
    fix = {(sha256(changed.content), "MPP", 2, "Kabupaten/Kota"): ("Kota Medn", "Kota Medan")}
    result = service.ingest_files([changed], None, dry_run=True, today=TODAY, corrections=fix)
    assert list(result.malls["region_code"]) == ["12.75"]  # Binjai, as written: the correction is not applied
    assert result.corrections == []
    (message,) = [m for m in result.messages("en") if "not applied" in m]
    assert "“Kota Medn” → “Kota Medan”" in message and "“Kota Binjai”" in message
    assert "tidak dipakai" in result.messages("id")[-1]
