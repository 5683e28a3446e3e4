"""Markdown as Streamlit's renderer reads it, for the escape tests: CommonMark with GitHub's tables,
strikethrough and autolink literals.

Streamlit's frontend renders ``st.markdown`` with react-markdown and remark-gfm. remark-gfm links bare
text only as GitHub does (mdast-util-gfm-autolink-literal): ``http://`` or ``https://`` and ``www.``
followed by a domain of at least two labels, and ``local@domain`` e-mail addresses, in text outside
links and code. A bare domain (``0.GL``, ``kab.go.id``) stays text, unlike markdown-it's linkify, which
follows linkify-it's fuzzy rules; this module ports the GFM rule to a markdown-it core rule so a test
asserts what a reader of the dashboard would see.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# The two expressions of mdast-util-gfm-autolink-literal's transform; JavaScript's \w is ASCII.
_URL = re.compile(r"(?<![\da-z])(https?://|www(?=\.))([\w-]*\.[\w\-.]*)([^\t\n\r ]*)", re.IGNORECASE | re.ASCII)
_EMAIL = re.compile(r"(?<![\w+\-.])([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)", re.ASCII)
_TRAILING = set("!\"&'),.:;<>?]}")


def _previous_allows(text: str, start: int) -> bool:
    """A link starts the text, or follows white space or punctuation (micromark counts symbols too)."""
    if start == 0:
        return True
    before = text[start - 1]
    return before.isspace() or unicodedata.category(before)[0] in "PSZ"


def _correct_domain(domain: str) -> bool:
    parts = domain.split(".")
    if len(parts) < 2:
        return False
    return all(not part or ("_" not in part and re.search(r"[A-Za-z\d]", part)) for part in parts[-2:])


def _split_trail(url: str) -> str:
    """The link without trailing punctuation, keeping a ``)`` that closes a ``(`` of the link."""
    end = len(url)
    while end and url[end - 1] in _TRAILING:
        end -= 1
    link, trail = url[:end], url[end:]
    while ")" in trail and link.count("(") > link.count(")"):
        cut = trail.index(")") + 1
        link, trail = link + trail[:cut], trail[cut:]
    return link


def _find(pattern: re.Pattern[str], text: str, accept) -> list[tuple[int, int, str]]:
    """Matches ``accept`` turns into ``(end, href)``; a refused match is tried again one character on, as
    mdast-util-find-and-replace does."""
    found, at = [], 0
    while match := pattern.search(text, at):
        link = accept(text, match)
        if link is None:
            at = match.start() + 1
            continue
        found.append((match.start(), *link))
        at = link[0]
    return found


def _url(text: str, match: re.Match[str]) -> tuple[int, str] | None:
    protocol, domain, path = match.groups()
    if not _previous_allows(text, match.start()):
        return None
    prefix = ""
    if protocol.lower().startswith("w"):
        domain, protocol, prefix = protocol + domain, "", "http://"
    if not _correct_domain(domain):
        return None
    link = _split_trail(domain + path)
    return (match.start() + len(protocol) + len(link), prefix + protocol + link) if link else None


def _email(text: str, match: re.Match[str]) -> tuple[int, str] | None:
    local, label = match.groups()
    return None if re.search(r"[\d\-_]$", label) else (match.end(), f"mailto:{local}@{label}")


def autolinks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, href)`` of each autolink literal remark-gfm finds in one text node: web addresses
    first, then e-mail addresses in the text between them (each search sees only its own piece)."""
    urls = _find(_URL, text, _url)
    found, at = list(urls), 0
    for start, end in [(s, e) for s, e, _ in urls] + [(len(text), len(text))]:
        piece = text[at:start]
        found += [(at + s, at + e, href) for s, e, href in _find(_EMAIL, piece, _email)]
        at = end
    return sorted(found)


def _link_literals(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for token in block.children:
            in_link += token.type == "link_open"
            in_link -= token.type == "link_close"
            if token.type != "text" or in_link:
                children.append(token)
                continue
            at = 0
            for start, end, href in autolinks(token.content):
                if start > at:
                    children.append(_text(token.content[at:start]))
                opening = Token("link_open", "a", 1, attrs={"href": href}, markup="autolink", info="auto")
                children += [opening, _text(token.content[start:end]), Token("link_close", "a", -1)]
                at = end
            children.append(_text(token.content[at:]) if at else token)
        block.children = children


def _text(content: str) -> Token:
    return Token("text", "", 0, content=content)


def streamlit_markdown() -> MarkdownIt:
    """A parser that renders as Streamlit's ``st.markdown`` does, as far as the escape tests look."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    parser.core.ruler.push("gfm_autolink_literal", _link_literals)
    return parser
