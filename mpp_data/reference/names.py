"""Written names made comparable: accent and case folding, kabupaten/kota names normalised (pure).

One folding rule serves region names, agency names and table headers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pandas as pd


@cache
def _non_alnum(keep: str) -> re.Pattern[str]:
    return re.compile(f"[^a-z0-9{re.escape(keep)}]+")


def fold_text(text: str, keep: str = "") -> str:
    """Lower case ASCII words separated by single spaces; the characters in ``keep`` stay too.

    >>> fold_text("  Kab. Pohuwató "), fold_text("No. #", keep="#")
    ('kab pohuwato', 'no #')
    """
    if not text.isascii():  # accents off: "Pohuwato" for "Pohuwató"
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _non_alnum(keep).sub(" ", text.lower()).strip()


# Longest first, so "kota administrasi" wins over "kota".
_KIND_PREFIXES = sorted(
    [
        ("kabupaten administrasi", "kabupaten"),
        ("kabupaten adm", "kabupaten"),
        ("kab administrasi", "kabupaten"),
        ("kab adm", "kabupaten"),
        ("kabupaten", "kabupaten"),
        ("kab", "kabupaten"),
        ("regency of", "kabupaten"),
        ("kota administrasi", "kota"),
        ("kota administratif", "kota"),
        ("kota adm", "kota"),
        ("kotamadya", "kota"),
        ("kota madya", "kota"),
        ("kodya", "kota"),
        ("kota", "kota"),
        ("city of", "kota"),
    ],
    key=lambda pair: -len(pair[0]),
)
_KIND_SUFFIXES = [("regency", "kabupaten"), ("city", "kota")]
_ENGLISH_COMPASS = {
    "north": "utara",
    "south": "selatan",
    "east": "timur",
    "west": "barat",
    "central": "tengah",
    "southwest": "barat daya",
    "southeast": "tenggara",
    "northwest": "barat laut",
    "northeast": "timur laut",
}


def _strip_prefix(words: str, prefixes: list[tuple[str, str]]) -> tuple[str | None, str]:
    for prefix, kind in prefixes:
        if words == prefix or words.startswith(prefix + " "):
            return kind, words[len(prefix) :].strip()
    return None, words


def indonesian_word_order(base: str) -> str:
    """``north central timor`` -> ``timor tengah utara``; ``seribu islands`` -> ``kepulauan seribu``."""
    tokens = base.split()
    islands = len(tokens) > 1 and tokens[-1] == "islands"
    if islands:
        tokens = tokens[:-1]
    compass: list[str] = []
    while len(tokens) > 1 and tokens[0] in _ENGLISH_COMPASS:
        compass.append(_ENGLISH_COMPASS[tokens.pop(0)])
    tokens += list(reversed(compass))
    if islands:
        tokens.insert(0, "kepulauan")
    return " ".join(tokens)


def split_region_name(name: object) -> tuple[str | None, str]:
    """The kind a name states (``kabupaten``, ``kota`` or None) and its normalised base name.

    >>> split_region_name("Kab. Sanggau")
    ('kabupaten', 'sanggau')
    >>> split_region_name("North Lombok Regency")
    ('kabupaten', 'lombok utara')
    """
    # "Kabupaten Deiyai (Deliyai)": a bracketed old or alternative name is dropped
    text = re.sub(r"\([^)]*\)", " ", str(name)) if name is not None else ""
    words = fold_text(text)
    kind, base = _strip_prefix(words, _KIND_PREFIXES)
    if kind is None:
        for suffix, suffix_kind in _KIND_SUFFIXES:
            if base.endswith(" " + suffix):
                kind, base = suffix_kind, base[: -len(suffix) - 1].strip()
                break
    if base.startswith("kep "):
        base = "kepulauan " + base[4:]
    return kind, indonesian_word_order(base)


def normalise_region_name(name: object) -> str:
    """One spelling per region name: lower case, ``kabupaten``/``kota`` first, Indonesian word order.

    Idempotent and never raises.

    >>> normalise_region_name("Kota Adm. Jakarta Selatan")
    'kota jakarta selatan'
    >>> normalise_region_name("Depok City")
    'kota depok'
    """
    kind, base = split_region_name(name)
    return " ".join(part for part in (kind, base) if part)


def compact_key(base: str) -> str:
    """Spelling drift (``Labuhan Batu``/``Labuhanbatu``, ``Toli-Toli``/``Tolitoli``) disappears."""
    return base.replace(" ", "")


MALL_NAME_PREFIXES = re.compile(r"^\s*(mal|mall)\s+pelayanan\s+publik\b|^\s*mpp\b", flags=re.IGNORECASE)


def region_from_mall_name(mall_name: object) -> str | None:
    """``MPP Kota Medan`` -> ``Kota Medan``; None when the name does not start like a mall name."""
    if mall_name is None or (isinstance(mall_name, float) and pd.isna(mall_name)):
        return None
    text = str(mall_name)
    stripped = MALL_NAME_PREFIXES.sub("", text).strip(" -:")
    return stripped if stripped and stripped != text.strip() else None
