from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mpp_data.ingest.values import (
    DAY,
    DAY_FIRST,
    MONTH,
    MONTH_FIRST,
    BadValue,
    DatePlaceholder,
    DateReading,
    date_order,
    normalise_status,
    parse_count,
    parse_date,
    parse_presence,
    read_date,
)


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


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Maret 2023", DateReading(dt.date(2023, 3, 1), MONTH)),
        ("Agu 2024", DateReading(dt.date(2024, 8, 1), MONTH)),
        ("Mar-23", DateReading(dt.date(2023, 3, 1), MONTH)),
        ("2023-03", DateReading(dt.date(2023, 3, 1), MONTH)),
        ("03/2023", DateReading(dt.date(2023, 3, 1), MONTH)),
        ("September 2024", DateReading(dt.date(2024, 9, 1), MONTH)),
        ("24/06/2024 00:00", DateReading(dt.date(2024, 6, 24), DAY)),
        ("Kamis, 6 Juni 2024", DateReading(dt.date(2024, 6, 6), DAY)),
        ("Thu 6 Jun 2024", DateReading(dt.date(2024, 6, 6), DAY)),
        ("Ditunda", DatePlaceholder("Ditunda", "planned")),
        ("Rencana 2025", DatePlaceholder("Rencana 2025", "planned")),
        ("akan diresmikan", DatePlaceholder("akan diresmikan", "planned")),
        ("TBA", DatePlaceholder("TBA", None)),
        ("n/a", DatePlaceholder("n/a", None)),
        ("-", DatePlaceholder("-", None)),
        ("menyusul", DatePlaceholder("menyusul", None)),
        ("", None),
    ],
)
def test_read_date_keeps_precision_and_tells_placeholders_from_dates(written, expected):
    assert read_date(written) == expected


def test_read_date_reads_month_first_only_when_told():
    assert read_date("09/10/2023").on == dt.date(2023, 10, 9)
    assert read_date("09/10/2023", MONTH_FIRST).on == dt.date(2023, 9, 10)
    with pytest.raises(BadValue):
        read_date("09/26/2023")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["09/26/2023", "03/12/2024", None, 45467], MONTH_FIRST),
        (["26/09/2023", "03/12/2024"], DAY_FIRST),
        (["26/09/2023", "09/26/2023"], DAY_FIRST),  # both forms: day first, and 09/26 is then an error
        (["03/12/2024", "05/05/2024"], None),
        (["05/05/2024", "24 Juni 2024", dt.date(2024, 1, 2)], DAY_FIRST),
        ([], DAY_FIRST),
    ],
)
def test_date_order_is_decided_by_the_values_that_read_only_one_way(values, expected):
    assert date_order(values) == expected


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none()))
def test_read_date_gives_a_reading_a_placeholder_none_or_bad_value(value):
    try:
        result = read_date(value)
    except BadValue:
        return
    assert result is None or isinstance(result, DateReading | DatePlaceholder)
