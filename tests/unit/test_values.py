from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpp_data.ingest.values import BadValue, normalise_status, parse_count, parse_date, parse_presence


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (dt.date(2024, 6, 24), dt.date(2024, 6, 24)),
        (dt.datetime(2024, 6, 24, 10, 30), dt.date(2024, 6, 24)),
        (45467, dt.date(2024, 6, 24)),
        (45467.0, dt.date(2024, 6, 24)),
        ("45467", dt.date(2024, 6, 24)),
        ("2024-06-24", dt.date(2024, 6, 24)),
        ("2024-06-24 00:00:00", dt.date(2024, 6, 24)),
        ("24/06/2024", dt.date(2024, 6, 24)),
        ("03/12/2024", dt.date(2024, 12, 3)),
        ("24-06-24", dt.date(2024, 6, 24)),
        ("24.06.2024", dt.date(2024, 6, 24)),
        ("24 Juni 2024", dt.date(2024, 6, 24)),
        ("24 Jun 2024", dt.date(2024, 6, 24)),
        ("19 Des 2024", dt.date(2024, 12, 19)),
        ("17 Agustus 2023", dt.date(2023, 8, 17)),
        ("17 Agt 2023", dt.date(2023, 8, 17)),
        ("17-Aug-2023", dt.date(2023, 8, 17)),
        ("June 24, 2024", dt.date(2024, 6, 24)),
        ("Senin, 24 Juni 2024", dt.date(2024, 6, 24)),
        ("2024/06/24", dt.date(2024, 6, 24)),
        ("", None),
        ("-", None),
        (None, None),
    ],
)
def test_parse_date_reads_what_exports_write(written, expected):
    assert parse_date(written) == expected


@pytest.mark.parametrize("bad", ["31/02/2024", "besok", "2024", 12, True, "32 Juni 2024", "24 Foo 2024"])
def test_parse_date_refuses_what_is_not_a_date(bad):
    with pytest.raises(BadValue):
        parse_date(bad)


@given(st.dates(min_value=dt.date(1960, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_parse_date_round_trips_every_written_form(day):
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
              "Oktober", "November", "Desember"]  # fmt: skip
    forms = [day, day.isoformat(), day.strftime("%d/%m/%Y"), f"{day.day} {months[day.month - 1]} {day.year}",
             day.strftime("%d %b %Y"), (day - dt.date(1899, 12, 30)).days]  # fmt: skip
    for form in forms:
        assert parse_date(form) == day


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_parse_date_only_ever_returns_a_date_none_or_bad_value(value):
    try:
        result = parse_date(value)
    except BadValue:
        return
    assert result is None or isinstance(result, dt.date)


@pytest.mark.parametrize(
    ("written", "expected"),
    [(12, 12), (12.0, 12), ("12", 12), ("1.234", 1234), ("1,234", 1234), ("1 234", 1234), ("12,0", 12), ("", None),
     ("-", None), ("-5", -5), ("1.234,00", 1234), ("1,234.00", 1234)],
)  # fmt: skip
def test_parse_count(written, expected):
    assert parse_count(written) == expected


@pytest.mark.parametrize("bad", ["12,5", "dua belas", 1.5, "1.23"])
def test_parse_count_refuses_fractions_and_words(bad):
    with pytest.raises(BadValue):
        parse_count(bad)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("Beroperasi", "operating"), ("DIRESMIKAN", "operating"), ("Operasional", "operating"),
     ("Soft launch", "operating"), ("Soft Launching", "operating"), ("Dalam Pembangunan", "under_construction"),
     ("Konstruksi", "under_construction"), ("Direncanakan", "planned"), ("Rencana", "planned"),
     ("Ditunda", "planned"), ("Operating", "operating"), ("Under construction", "under_construction"),
     ("Belum beroperasi", "planned"), ("Belum diresmikan", "planned"), ("Not yet operating", "planned"),
     ("Belum beroperasi (masih dibangun)", "under_construction"),
     ("", None)],
)  # fmt: skip
def test_normalise_status(written, expected):
    assert normalise_status(written) == expected


def test_unknown_status_is_refused():
    with pytest.raises(BadValue):
        normalise_status("entahlah")


@pytest.mark.parametrize(
    ("mark", "expected"),
    [("✓", (True, None)), ("v", (True, None)), ("x", (True, None)), (1, (True, None)), ("Ya", (True, None)),
     ("Ada", (True, None)), ("", (False, None)), (None, (False, None)), ("-", (False, None)),
     ("Tidak", (False, None)), (0, (False, None)), (14, (True, 14))],
)  # fmt: skip
def test_parse_presence(mark, expected):
    assert parse_presence(mark) == expected
