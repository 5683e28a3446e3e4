"""User text shown as written, never as markup (pure).

File names, sheet names, region cells, agency headers, mall names and GeoJSON codes come from uploads.
Streamlit renders Markdown (with GitHub autolinks, ``$`` math, ``:emoji:`` shortcodes and
``:material/icon:`` icons) in ``st.markdown``, captions, alerts, titles and every widget *label*;
plotly renders a subset of HTML in hover text, trace names, tick labels and annotations. Text from a
file goes through ``md_text`` on the first kind of surface and ``hover_text`` on the second; plain
surfaces (``st.dataframe`` cells, selectbox and multiselect *options*, downloads) take it unchanged.
"""

from __future__ import annotations

import html
import re

#: The ASCII punctuation that can open Markdown on one line (CommonMark lets a backslash escape any of
#: it): code, emphasis, strikethrough, link and image brackets, HTML and autolinks, entities, headings,
#: tables, math, Streamlit's ``:directive[...]``, list and rule markers. ``( ) " ' { }`` mean something
#: only after an unescaped ``]``; ``.`` and ``)`` only after the digits that open an ordered list; ``_``
#: inside a word never emphasises (``mpp_malls_sample.xlsx`` stays as it is).
_MARKUP = re.compile(r"([\\`*~\[\]!<>&#|$:+-]|(?<![^\W_])_|_(?![^\W_]))")
_ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
#: U+2060 WORD JOINER: invisible, and it breaks the patterns Streamlit finds in text after parsing
#: (``:smile:``, ``:material/home:``, bare ``http://`` and ``www.`` links, ``name@host`` mail links),
#: which a backslash cannot, because those are matched in the parsed text, not in the source.
_JOINER = "\u2060"
_TEXT_PATTERNS = re.compile(r"(?<=:)|(?<=@)|(?<=www)(?=\.)", re.IGNORECASE)


def _one_line(value: object) -> str:
    if value is None:
        return ""
    return _LINE_BREAKS.sub(" ", str(value))


def md_text(value: object) -> str:
    """``value`` as Markdown source that Streamlit shows literally: no image, link, HTML, heading,
    emphasis, math, icon or emoji, and on one line (a newline could start a new block).

    >>> print(md_text("**Kab. Sanggau** [a](b)"))
    \\*\\*Kab. Sanggau\\*\\* \\[a\\](b)
    """
    # Leading spaces would make an indented code block; a paragraph drops them anyway.
    escaped = _MARKUP.sub(r"\\\1", _one_line(value).lstrip())
    escaped = _ORDERED_LIST.sub(r"\1\\\2", escaped)
    return _TEXT_PATTERNS.sub(_JOINER, escaped)


def hover_text(value: object) -> str:
    """``value`` for plotly hover text, trace names and labels: ``<``, ``>`` and ``&`` as entities
    (plotly shows entities as their characters), on one line (plotly turns a newline into ``<br>``).

    >>> hover_text("<b>MPP</b> & co")
    '&lt;b&gt;MPP&lt;/b&gt; &amp; co'
    """
    return html.escape(_one_line(value), quote=False)
