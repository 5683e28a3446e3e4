"""AppTest: every page, in both languages, for the nation and for provinces of three kinds (empty,
malls but none operating, one operating), and the national and a province deck, for generated
registers (issue 20, point 7; the registers and the views of every province: ``tests/test_generated_registers.py``)."""

from __future__ import annotations

import io
import os

from hypothesis import given
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from mpp_data import service
from tests.conftest import ROOT
from tests.generated_registers import registers
from tests.test_generated_registers import PAGES, _provinces_to_draw, bounded, stored


def _open_dashboard(url: str) -> AppTest:
    os.environ["MPP_DATABASE_URL"] = url
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@bounded(2)
@given(registers())
def test_every_page_and_both_decks_draw_a_generated_register(register):
    before = os.environ.get("MPP_DATABASE_URL")
    try:
        with stored(register) as store:
            data = service.load_snapshot(store)
            at = _open_dashboard(store.url)
            for province in ["", *_provinces_to_draw(data)]:
                at.selectbox(key="province").set_value(province).run()
                for lang in ("id", "en"):
                    at.radio(key="lang").set_value(lang).run()
                    for page in PAGES:
                        at.switch_page(f"pages/{page}.py").run()
                        assert not at.exception, (page, province, lang, [e.message for e in at.exception])
            as_of = service.default_as_of(data)
            for province in (None, _provinces_to_draw(data)[-1]):
                deck = Presentation(
                    io.BytesIO(
                        service.briefing_deck(
                            store, scope=service.ViewScope(as_of=as_of, province=province), settings=service.Settings()
                        )
                    )
                )
                assert len(deck.slides) >= 3
    finally:
        if before is None:
            os.environ.pop("MPP_DATABASE_URL", None)
        else:
            os.environ["MPP_DATABASE_URL"] = before
