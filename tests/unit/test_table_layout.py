"""Every column of a table on screen: widths in proportion to what each column holds (pure)."""

from __future__ import annotations

import pandas as pd

from mpp_data.present.table_layout import NARROWEST, column_widths

FRAME = pd.DataFrame(
    {
        "code": ["11.01", "11.02"],
        "name": ["Kabupaten Aceh Selatan", "Kabupaten Aceh Tenggara"],
        "stage": ["Belum ada MPP", "Direncanakan"],
    }
)


def test_columns_that_fit_keep_the_room_their_text_needs_in_proportion():
    widths = column_widths(FRAME, {"code": "Kode", "name": "Kabupaten/Kota", "stage": "Tahap"}, 1000)
    assert sum(widths.values()) <= 1000
    assert widths["name"] > widths["stage"] > widths["code"]


def test_columns_that_do_not_fit_shrink_together_to_the_budget_and_none_below_the_narrowest():
    wide = pd.concat([FRAME] * 3, axis=1)  # nine columns
    wide.columns = [f"{c}_{i}" for i, c in enumerate(wide.columns)]
    for budget in (336, 300, 9 * NARROWEST):
        widths = column_widths(wide, {}, budget)
        assert set(widths) == set(wide.columns)
        assert sum(widths.values()) <= budget, (budget, widths)
        assert min(widths.values()) >= NARROWEST


def test_a_column_asked_at_a_width_keeps_it_while_the_others_fit_beside_it():
    labels = {"code": "Kode", "name": "Kabupaten/Kota", "stage": "Tahap"}
    laptop = column_widths(FRAME, labels, 960, asked={"name": 520})
    assert laptop["name"] == 520 and sum(laptop.values()) <= 960
    assert min(laptop["code"], laptop["stage"]) >= NARROWEST
    phone = column_widths(FRAME, labels, 326, asked={"name": 520})  # no room: all shrink together
    assert sum(phone.values()) <= 326 and phone["name"] < 520
    assert phone["name"] == max(phone.values())
