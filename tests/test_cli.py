"""The command line, run as a user runs it: ``main(argv)`` in this process (``tests.cli.run_cli``) with its
own database, and a real ``python -m mpp_data`` where only a process shows it (the environment at start,
no network, a closed pipe)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from mpp_data import service
from mpp_data.__main__ import build_parser
from mpp_data.present import display
from mpp_data.present.display import format_number
from mpp_data.present.reports import metrics_report
from mpp_data.present.text import t
from mpp_data.reference.regions import official_regions
from tests.cli import run_cli, run_cli_process
from tests.conftest import ANALYST, ROOT


def test_regions_json_lists_the_514_official_regions():
    result = run_cli("regions", "--json")
    assert result.returncode == 0, result.stderr
    regions = json.loads(result.stdout)
    assert len(regions) == 514
    assert set(regions[0]) == {"code", "name", "kind", "province_code", "province_name"}
    assert {r["kind"] for r in regions} == {"kabupaten", "kota"}
    assert {"code": "61.03", "name": "Kabupaten Sanggau", "kind": "kabupaten", "province_code": "61",
            "province_name": "Kalimantan Barat"} in regions  # fmt: skip


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_metrics_json_on_an_empty_store_loads_the_sample_first(request, backend):
    url = request.getfixturevalue(f"{backend}_url")
    result = run_cli("metrics", "--json", "--db", url)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    expected = service.national_figures(service.load_snapshot(service.open_store(url)), scope=service.ViewScope())
    assert figures == json.loads(json.dumps(metrics_report(expected)))
    assert "gaps" not in figures  # the 212 gap rows are `export gaps`
    assert figures["gaps_by_stage"] == display.gap_counts(pd.DataFrame(expected["gaps"]))
    assert sum(figures["gaps_by_stage"].values()) == 514 - figures["covered_regions"]
    assert figures["is_sample"] is True
    assert figures["total_regions"] == 514
    assert figures["operating_malls"] == 305
    for key in ("covered_regions", "coverage_pct", "under_construction_malls", "planned_malls"):
        assert key in figures
    assert len(figures["provinces"]) == 38
    assert sum(p["total_regions"] for p in figures["provinces"]) == len(official_regions())
    assert set(figures["provinces"][0]) == {"code", "name", "total_regions", "covered_regions", "coverage_pct"}


@pytest.mark.slow  # a real process
def test_metrics_reads_the_database_url_from_the_environment(sqlite_url):
    # a real process: the environment it starts with, not the test's
    result = run_cli_process("metrics", "--json", env_url=sqlite_url)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["snapshot_id"] == 1


def test_metrics_as_of_target_date_forecast_and_gaps(sqlite_url):
    result = run_cli("metrics", "--json", "--db", sqlite_url, "--as-of", "2024-12-31", "--target-date", "2029-12-31")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["as_of"] == "2024-12-31"
    data = service.load_snapshot(service.open_store(sqlite_url))
    import datetime as dt

    from mpp_data.analysis import forecast, metrics

    expected = forecast.compute_forecast(
        data.malls, official_regions(), as_of=dt.date(2024, 12, 31), target_date=dt.date(2029, 12, 31)
    )
    assert figures["forecast"] == expected.as_json()
    assert set(figures["forecast"]) >= {"pace_per_month", "full_coverage_month", "range", "required_pace_per_month",
                                        "target_date"}  # fmt: skip
    gaps = metrics.compute_gap_list(data.malls, official_regions(), dt.date(2024, 12, 31))
    # the gap rows are `export gaps`, the same as the page's download
    exported = run_cli("export", "gaps", "--format", "csv", "-o", "-", "--db", sqlite_url, "--as-of", "2024-12-31",
                       "--lang", "en")  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    rows = pd.read_csv(io.StringIO(exported.stdout.lstrip("\ufeff")), dtype=str)
    assert rows["Code"].tolist() == gaps["code"].tolist()
    assert list(rows.columns) == ["Code", "Regency/City", "Kind", "Province", "Stage"]
    assert len(rows) == 514 - figures["covered_regions"]
    assert figures["gaps_by_stage"] == display.gap_counts(gaps)


def test_diff_json_between_two_snapshots(tmp_path, sqlite_url):
    from tests.loaders import workbooks as wb

    store = service.open_store(sqlite_url)
    first = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status"], ["Kota Depok", "Direncanakan"], ["Kota Medan", "Rencana"]]})
    second = wb.xlsx({"MPP": [["Kabupaten/Kota", "Status", "Tanggal Peresmian"], ["Kota Depok", "Beroperasi", "2024-06-24"],
                              ["Kota Binjai", "Rencana", None]]})  # fmt: skip
    a = service.ingest_files([first], store, actor=ANALYST).snapshot_id
    b = service.ingest_files([second], store, actor=ANALYST).snapshot_id
    result = run_cli("diff", str(a), str(b), "--json", "--db", sqlite_url)
    assert result.returncode == 0, result.stderr
    changes = json.loads(result.stdout)
    assert changes["summary"] == {"added": 1, "removed": 1, "status_changed": 1, "date_changed": 1,
                                  "agencies_joined": 0, "agencies_left": 0, "agreements_changed": 0}  # fmt: skip
    assert changes["added"][0]["mall_name"] == "MPP Kota Binjai"
    assert changes["status_changed"][0] == {"region_code": "32.76", "mall_name": "MPP Kota Depok",
                                            "status_before": "planned", "status_after": "operating"}  # fmt: skip


def test_agencies_json(sqlite_url):
    result = run_cli("agencies", "--json", "--db", sqlite_url, "--as-of", "2025-12-31")
    assert result.returncode == 0, result.stderr
    agencies = json.loads(result.stdout)
    assert len(agencies) == 17
    assert set(agencies[0]) == {"agency", "short_name", "mou_signatory", "malls_present", "operating_malls_with_data",
                                "share_pct", "missing"}  # fmt: skip
    shares = [a["share_pct"] for a in agencies]
    assert shares == sorted(shares, reverse=True)
    for agency in agencies:
        assert agency["malls_present"] + len(agency["missing"]) == agency["operating_malls_with_data"]
        for mall in agency["missing"]:
            assert set(mall) == {"region_code", "mall_name"}
    assert any(agency["missing"] for agency in agencies)


def test_ingest_without_db_option_writes_to_the_database_url_from_the_environment(sqlite_url):
    sample = [str(ROOT / "sample_data" / name) for name in service.SAMPLE_FILES]
    result = run_cli("ingest", *sample, "--json", env_url=sqlite_url)
    assert result.returncode == 0, result.stderr
    snapshots = run_cli("snapshots", env_url=sqlite_url)
    assert snapshots.returncode == 0, snapshots.stderr
    assert json.loads(result.stdout)["snapshot_id"] == 1


# Blocks every connection that is not to this machine, in the CLI's Python process; kaleido's Chromium
# is cut off too when the process runs in a network namespace of its own (``unshare -rn``).
LOOPBACK_ONLY = """
import socket

_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo
LOCAL = {"127.0.0.1", "::1", "localhost"}


def _check(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOCAL:
        raise OSError(101, "network unreachable: blocked by the offline test")


def connect(self, address):
    _check(self, address)
    return _connect(self, address)


def connect_ex(self, address):
    _check(self, address)
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if host not in LOCAL and host is not None:
        raise socket.gaierror(-3, "name lookup blocked by the offline test")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
"""


def run_offline(tmp_path, *args: str) -> subprocess.CompletedProcess:
    """``python -m mpp_data ARGS`` with no network: loopback only in Python, and in a network namespace
    of its own (no interface but loopback) when ``unshare -rn`` works here."""
    (tmp_path / "offline").mkdir(exist_ok=True)
    (tmp_path / "offline" / "sitecustomize.py").write_text(LOOPBACK_ONLY)
    env = os.environ | {"PYTHONPATH": str(tmp_path / "offline")}
    prefix = []
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        prefix = ["unshare", "-rn"]
    probe = "import socket; socket.create_connection(('1.1.1.1', 443), timeout=3)"
    blocked = subprocess.run([*prefix, sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert blocked.returncode != 0 and "blocked by the offline test" in blocked.stderr  # no network indeed
    return subprocess.run([*prefix, sys.executable, "-m", "mpp_data", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)  # fmt: skip


@pytest.mark.slow  # a real process
@pytest.mark.parametrize(("province", "lang"), [(None, "id"), ("32", "en")])
def test_briefing_offline_has_the_figures_of_metrics_json(tmp_path, sqlite_url, province, lang):
    from pptx import Presentation

    from mpp_data.present.text import format_number, format_percent, t

    scope = ["--province", province] if province else []
    dates = ["--as-of", "2025-06-30", "--target-date", "2029-12-31"]
    metrics = run_cli("metrics", "--json", "--db", sqlite_url, *dates, *scope)
    assert metrics.returncode == 0, metrics.stderr
    figures = json.loads(metrics.stdout)
    deck = tmp_path / "briefing.pptx"
    result = run_offline(tmp_path, "briefing", "--db", sqlite_url, *dates, "--compare", "2024-06-30", *scope,
                         "--lang", lang, "-o", str(deck))  # fmt: skip
    assert result.returncode == 0, result.stderr
    prs = Presentation(str(deck))

    headline = next(s for s in prs.slides if s.shapes.title.text == t("briefing.headline.title", lang))
    table = next(shape.table for shape in headline.shapes if shape.has_table)
    now = {row.cells[0].text: row.cells[2].text for row in table.rows}
    total = format_number(figures["total_regions"], lang)
    assert now[t("briefing.headline.covered", lang)] == f"{format_number(figures['covered_regions'], lang)} / {total}"
    assert now[t("briefing.headline.coverage_pct", lang)] == format_percent(figures["coverage_pct"], lang)
    assert now[t("briefing.headline.operating", lang)] == format_number(figures["operating_malls"], lang)
    assert now[t("briefing.headline.under_construction", lang)] == format_number(
        figures["under_construction_malls"], lang
    )
    assert now[t("briefing.headline.planned", lang)] == format_number(figures["planned_malls"], lang)

    gaps = next(s for s in prs.slides if s.shapes.title.text == t("briefing.gaps.title", lang))
    stages = next(shape.chart for shape in gaps.shapes if shape.has_chart)
    assert sum(stages.plots[0].series[0].values) == sum(figures["gaps_by_stage"].values())
    if not province:
        ranked = next(s for s in prs.slides if s.shapes.title.text == t("briefing.provinces.title", lang))
        shares = [v for shape in ranked.shapes if shape.has_chart for v in shape.chart.plots[0].series[0].values]
        assert sorted(shares, reverse=True) == sorted((p["coverage_pct"] for p in figures["provinces"]), reverse=True)

    # The map was drawn by kaleido's Chromium with the network unavailable.
    map_slide = next(s for s in prs.slides if s.shapes.title.text == t("briefing.map.title", lang))
    pictures = [shape for shape in map_slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    assert len(pictures[0].image.blob) > 50_000


BAD_ARGUMENTS = [
    (["metrics", "--as-of", "2023/01/01"], "“2023/01/01” is not a date", "Tanggal “2023/01/01” tidak dikenali"),
    (["metrics", "--target-date", "31-12-2029"], "“31-12-2029” is not a date", "Tanggal “31-12-2029” tidak dikenali"),
    (["metrics", "--province", "99"], "Province “99” is unknown", "Provinsi “99” tidak dikenal"),
    (["metrics", "--province", "Borneo"], "Province “Borneo” is unknown", "Provinsi “Borneo” tidak dikenal"),
    (["metrics", "--snapshot", "x"], "Upload #x was not found", "Unggahan #x tidak ditemukan"),
    (["metrics", "--snapshot", "0"], "Upload #0 was not found", "Unggahan #0 tidak ditemukan"),
    (["metrics", "--snapshot", "99"], "Upload #99 was not found", "Unggahan #99 tidak ditemukan"),
    (["agencies", "--as-of", "2023-02-30"], "“2023-02-30” is not a date", "Tanggal “2023-02-30” tidak dikenali"),
    (["diff", "1", "99"], "Upload #99 was not found", "Unggahan #99 tidak ditemukan"),
    (["briefing", "--province", "XX", "-o", "deck.pptx"], "Province “XX” is unknown", "Provinsi “XX” tidak dikenal"),
    (["export", "gaps", "--format", "csv", "-o", "-", "--province", "99"], "Province “99” is unknown",
     "Provinsi “99” tidak dikenal"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "english", "indonesian"), BAD_ARGUMENTS, ids=lambda a: " ".join(a))
def test_a_bad_date_province_or_snapshot_is_one_line_in_the_chosen_language_and_exit_2(
    sqlite_url, args, english, indonesian
):
    for lang, words in (("en", english), ("id", indonesian)):
        result = run_cli(*args, "--db", sqlite_url, "--lang", lang)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(words), result.stderr
        assert result.stderr.count("\n") == 1 and result.stdout == ""
    # --lang before the command counts too
    assert run_cli("--lang", "en", *args, "--db", sqlite_url).stderr.startswith(english)


def test_a_province_by_name_gives_its_figures(sqlite_url):
    by_code = run_cli("metrics", "--json", "--db", sqlite_url, "--province", "61")
    by_name = run_cli("metrics", "--json", "--db", sqlite_url, "--province", "Kalimantan Barat")
    assert by_code.returncode == 0 and by_name.returncode == 0, by_name.stderr
    figures = json.loads(by_name.stdout)
    assert figures == json.loads(by_code.stdout)
    data = service.load_snapshot(service.open_store(sqlite_url))
    expected = service.national_summary(data, scope=service.ViewScope(province="61"))
    assert (figures["province"], figures["total_regions"]) == ("61", 14)
    assert figures["covered_regions"] == expected["covered_regions"] > 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_metrics_text_is_a_readable_table_in_the_chosen_language(sqlite_url, lang):
    from mpp_data.present.text import format_number, format_percent, t

    result = run_cli("metrics", "--db", sqlite_url, "--lang", lang)
    assert result.returncode == 0, result.stderr
    figures = service.national_figures(service.load_snapshot(service.open_store(sqlite_url)), scope=service.ViewScope())
    text = result.stdout
    for python_form in ("None", "{'", "['", "True", "_pct", "covered_regions"):
        assert python_form not in text
    lines = text.splitlines()
    covered = next(line for line in lines if line.startswith(t("briefing.headline.covered", lang)))
    assert covered.split("  ")[-1].strip() == f"{format_number(figures['covered_regions'], lang)} / 514"
    share = next(line for line in lines if line.startswith(t("briefing.headline.coverage_pct", lang)))
    assert share.split()[-1] == format_percent(figures["coverage_pct"], lang)  # 58,8% / 58.8%
    # the provinces: one aligned row each, numbers right-aligned under their header
    header = next(i for i, line in enumerate(lines) if line.startswith(t("column.code", lang)))
    rows = lines[header + 2 : header + 2 + 38]
    assert {row[:2] for row in rows} == set(service.province_names())
    end = len(lines[header])
    assert {len(row) for row in rows} == {end}
    bali = next(row for row in rows if row.startswith("51 "))
    assert bali.endswith(format_number(100.0, lang, 1))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_agencies_diff_regions_and_snapshots_text_have_headers_in_words(sqlite_url, lang):
    from mpp_data.present.text import format_number, t

    agencies = run_cli("agencies", "--db", sqlite_url, "--lang", lang, "--as-of", "2025-12-31").stdout.splitlines()
    assert agencies[0].split("  ")[0] == t("column.short_name", lang)
    data = service.load_snapshot(service.open_store(sqlite_url))
    table = service.agency_presence(data, scope=service.ViewScope(as_of=dt.date(2025, 12, 31)))
    top = table.iloc[0]
    assert agencies[2].split() == [top["short_name"], str(top["malls_present"]), str(top["operating_malls_with_data"]),
                                   format_number(top["share_pct"], lang, 1)]  # fmt: skip
    diff = run_cli("diff", "1", "1", "--db", sqlite_url, "--lang", lang).stdout
    assert f"{t('history.status_changed', lang)}  " in diff and "status_changed" not in diff
    regions = run_cli("regions", "--lang", lang).stdout.splitlines()
    assert len(regions) == 2 + 514
    assert regions[0].split() == [t("column.code", lang), t("column.name", lang), t("column.kind", lang),
                                  t("column.province", lang)]  # fmt: skip
    snapshots = run_cli("snapshots", "--db", sqlite_url, "--lang", lang).stdout
    assert t("column.source_files", lang) in snapshots and "[" not in snapshots
    assert json.loads(run_cli("snapshots", "--json", "--db", sqlite_url).stdout)[0]["id"] == 1


def test_the_ingest_summary_line_is_in_the_chosen_language(tmp_path):
    sample = [str(ROOT / "sample_data" / name) for name in service.SAMPLE_FILES]
    result = service.ingest_files(
        [service.UploadedFile.from_path(p) for p in sample], None, dry_run=True, actor=ANALYST
    )
    indonesian = run_cli("ingest", *sample, "--dry-run", "--lang", "id")
    assert indonesian.returncode == 0, indonesian.stderr
    counts = {k: result.counts[f"rows_{k}"] for k in ("read", "loaded", "rejected", "skipped")}
    for lang, run in (("id", indonesian), ("en", run_cli("ingest", *sample, "--dry-run", "--lang", "en"))):
        # the counts in the language's number forms (1.305 baris dibaca; 1,305 rows read)
        written = {k: format_number(v, lang) for k, v in counts.items()}
        expected = t("cli.ingest_summary", lang, snapshot="", **written).split(";")[0]
        assert run.stdout.splitlines()[-1].startswith(expected), run.stdout
    assert "baris dibaca" in indonesian.stdout


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"": parser, **sub.choices}


@pytest.mark.parametrize("command", list(_commands()))
def test_every_command_help_documents_every_option_and_the_exit_codes(command):
    parser = _commands()[command]
    for action in parser._actions:
        assert action.help and action.help != argparse.SUPPRESS, (command, action.dest)
    text = parser.format_help()
    assert "exit codes:\n  0 " in text and "\n  2 " in text
    if command == "ingest":
        assert "\n  1    some rows have errors" in text


def test_help_of_a_command_as_a_user_runs_it():
    result = run_cli("metrics", "--help")
    assert result.returncode == 0
    assert "--province PROVINCE   province code (61) or name" in result.stdout
    assert result.stdout.rstrip().splitlines()[-3:][0].startswith("  0    done")


@pytest.mark.slow  # a real process
def test_output_into_a_closed_pipe_ends_quietly():
    """As ``python -m mpp_data regions --json | head -1``: the reader goes away after the first bytes."""
    process = subprocess.Popen([sys.executable, "-m", "mpp_data", "regions", "--json"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert process.stdout.read(1) == b"["
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert stderr == ""


@pytest.mark.parametrize(
    "args",
    [("regions", "--json"), ("metrics", "--help"), ("metrics", "--as-of", "2023/01/01", "--lang", "en"), ("nope",)],
    ids=" ".join,
)
@pytest.mark.slow  # a real process
def test_the_in_process_runner_gives_what_a_process_gives(args):
    """``run_cli`` (``main(argv)`` in this process) stands in for ``python -m mpp_data`` in most tests."""
    inside, process = run_cli(*args), run_cli_process(*args, env={**os.environ, "COLUMNS": "80"})
    assert (inside.returncode, inside.stdout, inside.stderr) == (process.returncode, process.stdout, process.stderr)
    assert inside.stdout or inside.stderr
