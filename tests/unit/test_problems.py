"""Problem kinds as typed data: every kind has text in both languages, and the README lists them all."""

from __future__ import annotations

import re

import pytest

from mpp_data.errors import EncryptedFile, FileTooLarge, NoDataError, UnreadableFile
from mpp_data.ingest.pipeline import IngestOptions, UploadedFile, check_files
from mpp_data.ingest.problems import ISSUE_COLUMNS, IssueKind, Problem, Severity, problems_frame
from mpp_data.present.messages import issue_kind_label, issue_message
from mpp_data.present.text import LANGUAGES, MESSAGES
from tests.conftest import ROOT


def _sample_problem(kind: IssueKind, **flags: object) -> Problem:
    params = {name: f"<{name}>" for name in kind.params} | flags
    if kind.stops_file:
        params["error_code"] = kind.message_key
    return Problem("mpp.xlsx", "MPP", 14, "Kabupaten/Kota", "Kab. Sangau", kind, kind.severity, params)


@pytest.mark.parametrize("kind", list(IssueKind), ids=lambda k: k.value)
def test_every_problem_kind_has_a_message_and_a_name_in_both_languages(kind):
    for key in (*kind.message_keys, kind.label_key):
        assert set(MESSAGES.get(key, {})) >= set(LANGUAGES), key
    flag_sets = [{}] + [{flag: True} if not kind.stops_file else {"variant": flag} for flag in kind.variants]
    for lang in LANGUAGES:
        assert issue_kind_label(kind, lang) == MESSAGES[kind.label_key][lang]
        for flags in flag_sets:
            message = issue_message(_sample_problem(kind, **flags), lang)  # a missing parameter raises KeyError
            assert "{" not in message and message.strip(), (kind, lang, flags)
            for name in kind.params:
                placeholder = "{" + name + "}"
                key = kind.message_key_for(flags)
                if placeholder in MESSAGES[key][lang]:
                    assert f"<{name}>" in message, (kind, lang, name)


def test_each_variant_has_its_own_message():
    plain = issue_message(_sample_problem(IssueKind.DUPLICATE_MALL), "en")
    conflict = issue_message(_sample_problem(IssueKind.DUPLICATE_MALL, conflict=True), "en")
    assert "repeats row <first_row> exactly" in plain
    assert "with other values" in conflict


def test_a_former_province_problem_reads_as_a_sentence_in_both_languages():
    problem = Problem("mpp.xlsx", "MPP", 7, "Provinsi", "Papua", IssueKind.FORMER_PROVINCE, Severity.WARNING,
                      {"region": "Kabupaten Merauke"})  # fmt: skip
    assert issue_message(problem, "id") == (
        "Provinsi “Papua” (sheet MPP, baris 7, kolom Provinsi) adalah provinsi induk lama Kabupaten Merauke "
        "sebelum pemekaran Papua; dimuat dengan provinsi yang baru."
    )
    assert issue_kind_label("former_province", "id") == "Provinsi induk lama"
    assert issue_kind_label(IssueKind.FORMER_PROVINCE, "en") == "Former parent province"


def test_a_problem_as_plain_data_keeps_the_report_columns_and_codes():
    problem = Problem("mpp.xlsx", "MPP", 3, "Kabupaten/Kota", "Bogor", IssueKind.AMBIGUOUS_REGION, Severity.ERROR,
                      {"suggestions": "Kabupaten Bogor, Kota Bogor"}, ("32.01", "32.71"))  # fmt: skip
    frame = problems_frame([problem])
    assert list(frame.columns) == ISSUE_COLUMNS
    assert frame.to_dict("records") == [
        {"file": "mpp.xlsx", "sheet": "MPP", "row": 3, "column": "Kabupaten/Kota", "value": "Bogor",
         "kind": "ambiguous_region", "severity": "error", "params": {"suggestions": "Kabupaten Bogor, Kota Bogor"},
         "candidates": ["32.01", "32.71"]}
    ]  # fmt: skip
    assert type(frame["kind"].iloc[0]) is str and type(frame["severity"].iloc[0]) is str
    assert issue_message(problem, "en") == issue_message(frame.to_dict("records")[0], "en")


def test_errors_that_stop_a_file_map_to_problem_kinds():
    assert IssueKind.for_error_code(UnreadableFile.code) is IssueKind.UNREADABLE_FILE
    assert IssueKind.for_error_code(EncryptedFile.code) is IssueKind.ENCRYPTED_FILE
    assert IssueKind.for_error_code(FileTooLarge.code) is IssueKind.FILE_TOO_LARGE
    with pytest.raises(ValueError, match="error.no_data"):
        IssueKind.for_error_code(NoDataError.code)


def _readme_problem_kinds() -> list[tuple[str, str, str]]:
    """Rows of the README's "Problem kinds" table: (kind, severity, meaning)."""
    text = (ROOT / "README.md").read_text()
    section = re.search(r"^## Problem kinds\n(.*?)(?=^## )", text, re.M | re.S)
    assert section, "README.md has no section 'Problem kinds'"
    rows = re.findall(r"^\| `(\w+)` \| (\w+) \| (.+?) \|$", section.group(1), re.M)
    return [(kind, severity, meaning) for kind, severity, meaning in rows]


def test_readme_lists_every_problem_kind_with_its_severity_and_meaning():
    assert _readme_problem_kinds() == [(k.value, k.severity.value, k.meaning) for k in IssueKind]


def test_a_province_in_a_problem_is_named_in_the_readers_language():
    csv = "Provinsi;Kabupaten/Kota;Nama MPP;Status\nJawa Timur;Provinsi Jawa Barat;MPP Jabar;Beroperasi\n"
    result = check_files([UploadedFile("p.csv", csv.encode())], {}, IngestOptions())
    mismatch = result.issues[result.issues["kind"] == IssueKind.PROVINCE_MISMATCH.value].iloc[0]
    assert mismatch["params"]["region_code"] == "32"
    english, indonesian = issue_message(mismatch, "en"), issue_message(mismatch, "id")
    assert "Jawa Barat Province" in english and "Provinsi Jawa Barat" not in english
    assert "Provinsi Jawa Barat" in indonesian


def test_a_report_stored_before_region_codes_still_reads():
    stored = {"file": "a.csv", "sheet": "a", "row": 2, "column": "Provinsi", "value": "Jawa Timur",
              "kind": "province_mismatch", "severity": "error", "params": {"region": "Kota Depok"}, "candidates": []}  # fmt: skip
    assert "Kota Depok" in issue_message(stored, "en")
