"""User text stays text: ``md_text`` rendered as Streamlit renders Markdown (CommonMark with GitHub's
tables, strikethrough and autolink literals: ``tests/markdown_oracle.py``) gives back the words as written
and no element; ``hover_text`` gives plotly entities, not tags."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mpp_data.present.safe import hover_text, md_text
from tests.markdown_oracle import streamlit_markdown

HOSTILE = [
    "![x](http://host/x.png)",
    "[a](http://x)",
    "<img src=x onerror=alert(1)>",
    "<b>MPP</b>",
    "`code` and ``more``",
    "*Kab.* _Sanggau_ **tebal** __juga__ ~~coret~~",
    "snake_case _lead trail_ x__y__z __init__ é_é_ _é_",
    "# Judul",
    "## Mal Pelayanan Publik",
    "$x^2$ and $$y$$",
    ":material/home: Kab. Sanggau",
    ":smile: :red[merah] :blue-background[biru]",
    "line one\n# heading\n\n![x](http://host/x.png)",
    "first\r\n- item\r> quote\u2028[a](b)",
    "http://host/x.png www.host.example mail@host.example",
    "<http://host/> &lt;b&gt; &amp; &#60;",
    "1. numbered",
    "| a | b |\n|---|---|\n| c | d |",
    "[ref]: http://host/x.png\n![ref]",
    "\\![x](http://host/x.png)",
    "    indented code",
    "Kab. Sanggau",
]

#: CommonMark, GitHub tables and strikethrough, and GitHub's autolink literals, as remark-gfm links them.
_PARSER = streamlit_markdown()


def rendered(source: str) -> str:
    return _PARSER.render(source)


def shown_text(source: str) -> str:
    """What a reader sees: the rendered HTML's text with the invisible word joiners taken out."""
    body = rendered(source).strip()
    assert body.startswith("<p>") and body.endswith("</p>"), body
    return html.unescape(body[3:-4]).replace("\u2060", "")


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_renders_as_one_paragraph_of_the_same_words(value):
    source = md_text(value)
    body = rendered(source)
    for tag in ("<img", "<a ", "<h1", "<h2", "<em", "<strong", "<code", "<s>", "<del", "<table", "<li", "<pre",
                "<blockquote", "<br"):  # fmt: skip
        assert tag not in body, (value, body)
    assert shown_text(source) == re.sub(r"\r\n|[\r\n\u2028]", " ", value).strip()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_carries_no_math_icon_emoji_or_bare_link_after_parsing(value):
    shown = html.unescape(rendered(md_text(value)))
    # Streamlit finds these in the parsed text, where a backslash escape no longer counts.
    assert not re.search(r":[\w/+-]+:", shown)
    assert not re.search(r"https?://|www\.|\w@\w", shown)
    assert not re.search(r"(?<!\\)\$", md_text(value)), "every $ escaped: no math"


def test_plain_names_only_gain_escapes():
    assert md_text("MPP Kota Medan") == "MPP Kota Medan"
    assert md_text("Kab. Sanggau") == "Kab. Sanggau"
    assert md_text("1. Kab. Sanggau") == "1\\. Kab. Sanggau", "not an ordered list"
    assert md_text(None) == ""
    assert md_text(61.03) == "61.03"
    assert md_text("mpp_malls_sample.xlsx") == "mpp_malls_sample.xlsx", "an underscore inside a word is no emphasis"
    assert md_text("_a_ __b__ c_") == "\\_a\\_ \\_\\_b\\_\\_ c\\_"


def test_the_renderer_links_what_streamlit_links_and_no_bare_domain():
    assert '<a href="http://www.kab.go.id">www.kab.go.id</a>' in rendered("lihat www.kab.go.id")
    assert '<a href="https://x.go.id/a">https://x.go.id/a</a>.' in rendered("lihat https://x.go.id/a.")
    assert '<a href="mailto:dpmptsp@kab.go.id">' in rendered("surat ke dpmptsp@kab.go.id")
    assert '<a href="http://www.a.id/b">' in rendered("(www.a.id/b)")
    for text in ("0.GL", "kab.go.id", "MPP.Kota Medan", "http://localhost", "xwww.a.id", "a@b.c1", "`www.a.id`"):
        assert "<a " not in rendered(text), text


@given(st.text())
@example("0.GL")  # a bare domain: markdown-it's linkify links it, Streamlit does not
@example("www.a.id https://a.id mail@a.id")
def test_any_text_comes_back_as_written_on_one_line(value):
    source = md_text(value)
    assert "\n" not in source and "\r" not in source
    body = rendered(source)
    assert "<img" not in body and "<a " not in body


def test_hover_text_turns_tags_into_entities_plotly_shows_as_characters():
    assert hover_text("<b>MPP</b>") == "&lt;b&gt;MPP&lt;/b&gt;"
    assert (
        hover_text('<a href="http://x">klik</a> & <br>') == '&lt;a href="http://x"&gt;klik&lt;/a&gt; &amp; &lt;br&gt;'
    )
    assert hover_text("satu\ndua") == "satu dua", "plotly draws a newline as a line break"
    assert hover_text("MPP Kota Medan") == "MPP Kota Medan"
    assert hover_text(None) == ""


def test_problem_messages_escape_the_values_from_the_file_not_the_sentence():
    from mpp_data.present.messages import issue_message
    from mpp_data.present.text import error_message

    issue = {"kind": "unknown_region", "sheet": "<b>MPP</b>", "row": 4, "column": "Kab/Kota",
             "value": "![x](http://host/x.png)", "params": {}}  # fmt: skip
    plain = issue_message(issue, "en")
    assert "![x](http://host/x.png)" in plain and "<b>MPP</b>" in plain, "tables and downloads keep the text"
    escaped = issue_message(issue, "en", escape=md_text)
    assert md_text("![x](http://host/x.png)") in escaped and md_text("<b>MPP</b>") in escaped
    assert escaped.startswith("Region “"), "the sentence itself is not escaped"
    assert "<img" not in rendered(escaped) and "<a " not in rendered(escaped)

    shown = error_message("error.unreadable_file", {"file": "[a](http://x).xlsx", "reason": "damaged"}, "en", md_text)
    assert md_text("[a](http://x).xlsx") in shown and "the file is damaged" in shown
    odd = error_message("error.unreadable_file", {"file": "f.xlsx", "reason": "<img src=x>"}, "en", md_text)
    assert "\\<img src=x\\>" in odd, "a reason that is not one of ours is text from outside"


def test_map_hover_shows_mall_names_as_entities_not_tags():
    import pandas as pd

    from mpp_data.present import maps

    table = pd.DataFrame(
        {
            "code": ["61.03"],
            "name": ["Kabupaten Sanggau"],
            "province_code": ["61"],
            "province_name": ["Kalimantan Barat"],
            "lat": [0.1],
            "lon": [110.6],
            "status": ["operating"],
            "operating_since": [None],
            "mall_names": ["<b>MPP</b> <img src=x onerror=alert(1)>"],
            "agencies": [3.0],
            "services": [40.0],
        }  # fmt: skip
    )
    figure = maps.region_map(table, {"neighbours": [], "indonesia": []}, "en")
    (hover,) = [h for trace in figure.data if trace.hovertext is not None for h in trace.hovertext]
    assert "&lt;b&gt;MPP&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;" in hover
    assert "<b>MPP</b>" not in hover and "<img" not in hover
    assert hover.startswith("<b>Kabupaten Sanggau</b>"), "our own markup stays"


def test_boundary_report_escapes_codes_from_the_file():
    from mpp_data.present import maps
    from mpp_data.reference.geo import Boundaries

    found = Boundaries(regions={}, provinces={}, unknown_codes=["![x](http://host/x.png)"], missing_regions=[])
    report = maps.boundaries_report(found, "en")
    assert md_text("![x](http://host/x.png)") in report
    assert "<img" not in rendered(report)
