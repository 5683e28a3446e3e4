"""The deck's agreements and use slides (issue 24 point 6): a sentence when nothing is loaded, the funnel of
the 17 agencies and the five lowest and highest malls when it is (frames built in code stand in for the
upload kinds, on the real store)."""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation

from mpp_data import service
from mpp_data.present.briefing import build_deck
from mpp_data.service import briefing
from tests.use_frames import with_use_tables, without_agreements_or_visits

AS_OF = dt.date(2025, 12, 31)


def _slide(deck, starts: str):
    (slide,) = [s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text.startswith(starts)]
    texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    tables = [[[c.text for c in row.cells] for row in sh.table.rows] for sh in slide.shapes if sh.has_table]
    return texts, tables


def _deck(store):
    b = briefing.gather_briefing(store, scope=service.ViewScope(), settings=service.Settings(), with_map=False)
    return b, Presentation(io.BytesIO(build_deck(b)))


def test_slides_say_when_nothing_is_loaded(sqlite_url):
    _, deck = _deck(service.open_store(without_agreements_or_visits(sqlite_url)))
    texts, tables = _slide(deck, "Tahap PKS")
    assert "Belum ada data PKS yang diunggah." in texts and tables == []
    texts, tables = _slide(deck, "Kunjungan MPP")
    assert "Belum ada data kunjungan yang diunggah." in texts and tables == []


def test_slides_show_the_funnel_and_the_lowest_and_highest(sqlite_url, monkeypatch):
    store = service.open_store(sqlite_url)
    real = briefing.load_snapshot
    monkeypatch.setattr(briefing, "load_snapshot", lambda s, i=None: with_use_tables(real(s, i), AS_OF))
    b, deck = _deck(store)
    _, (funnel,) = _slide(deck, "Tahap PKS")
    assert len(funnel) == 18 and funnel[0][1:7] == [
        "Belum",
        "Proses",
        "Ditandatangani",
        "Loket buka",
        "Terintegrasi",
        "Berakhir",
    ]
    assert funnel[1][0] == "KemenPANRB" and funnel[1][1] == str(int(b.agreements["none"].iloc[0]))
    _, (lowest, highest) = _slide(deck, "Kunjungan MPP, Des 2025")
    assert [r[0] for r in lowest[1:]] == list(b.use["lowest"]["mall"])
    assert [r[0] for r in highest[1:]] == list(b.use["highest"]["mall"])
