"""AppTest: every page over a store full of hostile names. No text Streamlit renders as Markdown holds an
image, a link or HTML from a file; the names do reach the pages, escaped; the map's hover has entities."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from mpp_data.present.safe import hover_text, md_text
from tests.app.signing import sign_in
from tests.conftest import ROOT
from tests.hostile_names import Hostile, load_hostile_store
from tests.markdown_oracle import streamlit_markdown

HOST = "http://127.0.0.1:9"
HOSTILE = Hostile(HOST)
PAGES = ["overview", "map", "provinces", "gaps", "agencies", "region", "history", "upload"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Proto fields Streamlit renders as Markdown: st.markdown/caption/title bodies, alert and toast bodies,
#: widget, button, metric and expander labels, help tooltips, progress texts. Select *options* and
#: dataframe cells are plain text and are not listed.
MARKDOWN_FIELDS = {"body", "label", "help", "text"}
_PARSER = streamlit_markdown()


def markdown_texts(node) -> list[str]:  # an AppTest tree node
    """Every Markdown-rendered string under ``node``."""
    found = []
    proto = getattr(node, "proto", None)
    if proto is not None:
        found += _fields(proto)
    for child in getattr(node, "children", {}).values():
        found += markdown_texts(child)
    return found


def _fields(message) -> list[str]:  # a protobuf message
    found = []
    for field, value in message.ListFields():
        if field.message_type is not None:
            items = value if getattr(field, "is_repeated", False) or not hasattr(value, "ListFields") else [value]
            found += [text for item in items if hasattr(item, "ListFields") for text in _fields(item)]
        elif field.name in MARKDOWN_FIELDS and isinstance(value, str):
            found.append(value)
    return found


def plotly_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def assert_nothing_renders_as_markup(at: AppTest, where: str) -> list[str]:
    assert not at.exception, (where, [e.message for e in at.exception])
    texts = markdown_texts(at._tree)
    for text in texts:
        html = _PARSER.render(text)
        assert "<img" not in html, (where, text, html)
        assert not re.search(r'href="[^"]*127\.0\.0\.1', html), (where, text, html)  # our credits may link
        assert text.count("//127.0.0.1") == text.count(":\u2060//127.0.0.1"), ("a bare link", where, text)
        for name in HOSTILE.all():
            assert name not in text, (where, name, text)
    for spec in plotly_specs(at):
        dumped = json.dumps(spec, ensure_ascii=False)
        assert "<b>MPP</b>" not in dumped and "<img" not in dumped, where
    return texts


@pytest.fixture
def hostile_app(sqlite_url, monkeypatch) -> AppTest:
    monkeypatch.setenv("MPP_DATABASE_URL", sqlite_url)
    monkeypatch.delenv("MPP_BOUNDARIES_PATH", raising=False)
    monkeypatch.setenv("MPP_HISTORY_OPEN", "1")  # History shows its files and e-mails to the visitor too
    load_hostile_store(sqlite_url, HOSTILE)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_every_page_shows_hostile_names_as_text(hostile_app):
    at = hostile_app
    shown: dict[str, list[str]] = {}
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        shown[page] = assert_nothing_renders_as_markup(at, page)
        if page == "map":
            hovers = [h for spec in plotly_specs(at) for trace in spec["data"] for h in trace.get("hovertext") or []]
            assert any(hover_text(HOSTILE.mall) in h for h in hovers), "the mall reaches the hover, escaped"
        if page == "region":
            at.text_input(key="region_search").set_value("Kota Depok").run()
            shown[page] += assert_nothing_renders_as_markup(at, "region: Kota Depok")

    everything = [t for texts in shown.values() for t in texts]
    # The names did reach the pages: escaped, where a careless page would have shown markup.
    assert all(any(md_text(HOSTILE.file) in t for t in texts) for p, texts in shown.items() if p != "upload")
    assert any(md_text(HOSTILE.agency) in t for t in shown["region"]), "the agency header, on Region detail"
    assert any(md_text(HOSTILE.boundary_code) in t for t in shown["map"]), "the boundary code, in the map's report"
    assert any(md_text(HOSTILE.file) in t for t in shown["history"] if "unduh" in t.lower()), "download labels"
    assert not any(HOSTILE.host in t for t in everything)


def test_the_upload_page_reports_hostile_region_sheet_and_file_names_as_text(hostile_app, sqlite_url):
    at = sign_in(hostile_app, sqlite_url, "analyst")
    at.switch_page("pages/upload.py").run()
    upload = HOSTILE.workbook(region=HOSTILE.region)
    at.file_uploader(key="upload_files").set_value((upload.name, upload.content, XLSX)).run()
    texts = assert_nothing_renders_as_markup(at, "upload with a hostile region")
    # The region as written is a question to settle, and the sheet and file name label what was recognised.
    assert at.selectbox(key="fix_region_0").label.startswith(f"“{md_text(HOSTILE.region)}”")
    assert any(md_text(HOSTILE.sheet) in t and md_text(HOSTILE.file) in t for t in texts), "expander labels"
    (report,) = [d.value for d in at.dataframe if "message" in d.value.columns]
    assert HOSTILE.region in report["value"].tolist(), "a table cell is plain text: shown as written"
    assert any(HOSTILE.region in m for m in report["message"])
