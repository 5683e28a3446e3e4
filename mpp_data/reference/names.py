"""Written names made comparable: accent and case folding, kabupaten/kota names normalised (pure).

One folding rule serves region names, agency names and table headers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pandas as pd
from rapidfuzz.distance import OSA


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
        ("kb", "kabupaten"),
        ("regency of", "kabupaten"),
        ("regency", "kabupaten"),
        ("kota administrasi", "kota"),
        ("kota administratif", "kota"),
        ("kota adm", "kota"),
        ("kotamadya", "kota"),
        ("kota madya", "kota"),
        ("kodya", "kota"),
        ("kota", "kota"),
        ("kt", "kota"),
        ("city of", "kota"),
        ("city", "kota"),
    ],
    key=lambda pair: -len(pair[0]),
)
_KIND_SUFFIXES = [("regency", "kabupaten"), ("city", "kota")]
#: Written after the name only in Indonesian exports (``Bogor Kota``, ``Sanggau, Kab.``). Read as a
#: second reading only: ``Lima Puluh Kota`` is a kabupaten whose name ends in ``kota``.
_INDONESIAN_KIND_SUFFIXES = [("kabupaten", "kabupaten"), ("kab", "kabupaten"), ("kota", "kota")]
#: Type words misspelled by a swapped, dropped, added or changed letter (``Kabupatn``, ``Regecny``,
#: ``Kabuaten``). The allowed slips are fewer than the distance from any word an official name starts
#: or ends with (tests/unit/test_region_names.py checks it), so a real name is never read as one.
_KIND_WORDS = {"kabupaten": ("kabupaten", 2), "regency": ("kabupaten", 2), "kota": ("kota", 1), "city": ("kota", 1)}
#: Mall words written before a region: ``MPP Kota X``, ``Mal Pelayanan Publik X``, ``Mall Pelayanan Publik (MPP) X``.
_MALL_WORDS = re.compile(r"^(?:(?:mal|mall)(?: pelayanan)?(?: publik)?|mpp)(?: |$)")
#: The government body written before a region's name, as its offices write it: ``Pemerintah Kabupaten X``,
#: ``Pemkab X``, ``PEMKOT. X``, ``Pemda Kota X``, ``Pemerintah Daerah Provinsi X``, ``DPMPTSP Kab. X``.
#: A body word that names the kind stands for its type word; the others are dropped.
_BODY_KINDS = {"pemkab": "kabupaten", "pemkot": "kota", "pemkota": "kota", "pemprov": "provinsi", "pemprop": "provinsi"}
_BODY_WORDS = re.compile(
    r"^(?:(?:pemerintah(?:an)?|pem|pemda)(?: daerah)?|dpmptsp|dpmpptsp|dpm ptsp|government of|govt of)(?: |$)"
)
_ENGLISH_BODY_SUFFIX = re.compile(r" (?:government|govt)$")  # "Sanggau Regency Government"
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


def strip_government_body(words: str) -> str:
    """Folded words without the government body written before the name; a body word naming the
    kind becomes its type word. Never leaves nothing: a body word alone stays as it is.

    >>> strip_government_body("pemerintah daerah kabupaten sanggau"), strip_government_body("pemkot medan")
    ('kabupaten sanggau', 'kota medan')
    """
    for _ in range(4):  # "DPMPTSP Pemkab X": bodies may be written one after another
        first, _, rest = words.partition(" ")
        body = _BODY_WORDS.match(words)
        if rest and first in _BODY_KINDS:
            words = f"{_BODY_KINDS[first]} {rest}"
        elif body and body.end() < len(words):
            words = words[body.end() :]
        elif (suffix := _ENGLISH_BODY_SUFFIX.search(words)) and suffix.start() > 0:
            words = words[: suffix.start()]
        else:
            break
    return words


def _strip_prefix(words: str, prefixes: list[tuple[str, str]]) -> tuple[str | None, str]:
    for prefix, kind in prefixes:
        if words == prefix or words.startswith(prefix + " "):
            return kind, words[len(prefix) :].strip()
    return None, words


def _kind_word(word: str) -> str | None:
    """The kind a possibly misspelled type word states: ``kabupatn`` -> ``kabupaten``; None otherwise."""
    for correct, (kind, slips) in _KIND_WORDS.items():
        if abs(len(word) - len(correct)) <= slips and len(word) >= 3 and OSA.distance(word, correct) <= slips:
            return kind
    return None


def indonesian_word_order(base: str) -> str:
    """``north central timor`` -> ``timor tengah utara``; ``seribu islands`` -> ``kepulauan seribu``."""
    tokens = base.split()
    for pair in ("south east", "south west", "north east", "north west"):  # "South East Aceh"
        if f" {pair} " in f" {' '.join(tokens)} ":
            tokens = f" {' '.join(tokens)} ".replace(f" {pair} ", f" {pair.replace(' ', '')} ").split()
    islands = len(tokens) > 1 and tokens[-1] in ("islands", "island") and tokens[-2] not in ("islands", "island")
    if islands:
        tokens = tokens[:-1]
    compass: list[str] = []
    while len(tokens) > 1 and tokens[0] in _ENGLISH_COMPASS:
        compass.append(_ENGLISH_COMPASS[tokens.pop(0)])
    tokens += list(reversed(compass))
    if islands:
        tokens.insert(0, "kepulauan")
    return " ".join(tokens)


def _suffix_kind(word: str) -> str | None:
    return dict(_INDONESIAN_KIND_SUFFIXES).get(word) or _kind_word(word)


def _finish(kind: str | None, base: str) -> tuple[str | None, str]:
    # "Kabupaten Garut Regency": the type word written twice. Kabupaten Lima Puluh Kota keeps its "Kota".
    while kind is not None and " " in base and _suffix_kind(base.rpartition(" ")[2]) == kind:
        base = base.rpartition(" ")[0]
    if base.startswith("kep "):
        base = "kepulauan " + base[4:]
    ordered = indonesian_word_order(base)
    if kind is None and ordered != base and _states_kind(ordered):
        return kind, base  # reordered, it would read as a type word: normalising again must not change it
    return kind, ordered


def _states_kind(words: str) -> bool:
    first = words.split(" ", 1)[0]
    return _strip_prefix(words, _KIND_PREFIXES)[0] is not None or (" " in words and _kind_word(first) is not None)


def region_name_readings(name: object) -> tuple[tuple[str | None, str], ...]:
    """Every plausible (kind, normalised base name) of a written name, the likeliest first.

    The first is what ``split_region_name`` gives. A second reading exists when a type word written
    after the name may be part of it: ``Bogor Kota`` is Kota Bogor, ``Lima Puluh Kota`` a kabupaten.

    >>> region_name_readings("Lima Puluh Kota")
    (('kota', 'lima puluh'), (None, 'lima puluh kota'))
    """
    # "Kabupaten Deiyai (Deliyai)": a bracketed old or alternative name is dropped
    text = re.sub(r"\([^)]*\)", " ", str(name)) if name is not None else ""
    words = fold_text(text)
    for _ in range(4):  # "MPP Pemkab X", "Pemkab X": mall words and the body, in either order
        while (mall := _MALL_WORDS.match(words)) and mall.end() < len(words):
            words = words[mall.end() :]
        unbodied = strip_government_body(words)
        if unbodied == words:
            break
        words = unbodied
    kind, base = _strip_prefix(words, _KIND_PREFIXES)
    if kind is None and " " in words and (kind := _kind_word(words.split(" ", 1)[0])):
        base = words.split(" ", 1)[1]
    if kind is not None:
        return (_finish(kind, base),)
    for suffix, suffix_kind in _KIND_SUFFIXES:
        if base.endswith(" " + suffix):
            return (_finish(suffix_kind, base[: -len(suffix) - 1].strip()),)
    head, _, last = base.rpartition(" ")
    suffix_kind = dict(_INDONESIAN_KIND_SUFFIXES).get(last) if head else None
    if head and suffix_kind is None and (suffix_kind := _kind_word(last)) == "kabupaten":
        return (_finish(suffix_kind, head),)  # "Sanggau Regecny": never a name's own last word
    if suffix_kind is not None:
        return _finish(suffix_kind, head), _finish(None, base)
    return (_finish(None, base),)


def split_region_name(name: object) -> tuple[str | None, str]:
    """The kind a name states (``kabupaten``, ``kota`` or None) and its normalised base name.

    >>> split_region_name("Kab. Sanggau")
    ('kabupaten', 'sanggau')
    >>> split_region_name("North Lombok Regency")
    ('kabupaten', 'lombok utara')
    >>> split_region_name("MPP Kabupatn Siak")
    ('kabupaten', 'siak')
    """
    return region_name_readings(name)[0]


def normalise_region_name(name: object) -> str:
    """One spelling per region name: lower case, ``kabupaten``/``kota`` first, Indonesian word order.

    Idempotent and never raises.

    >>> normalise_region_name("Kota Adm. Jakarta Selatan")
    'kota jakarta selatan'
    >>> normalise_region_name("Depok City")
    'kota depok'
    """
    before: object = name
    for _ in range(8):  # odd inputs ("kabupaten regency islands") may settle only on a second pass
        kind, base = split_region_name(before)
        normalised = " ".join(part for part in (kind, base) if part)
        if normalised == before:
            break
        before = normalised
    return normalised


def compact_key(base: str) -> str:
    """Spelling drift (``Labuhan Batu``/``Labuhanbatu``, ``Toli-Toli``/``Tolitoli``) disappears."""
    return base.replace(" ", "")


MALL_NAME_PREFIXES = re.compile(
    r"^\s*(mal|mall)\s+pelayanan\s+publik\b(\s*\(\s*mpp\s*\))?|^\s*mpp\b", flags=re.IGNORECASE
)


def region_from_mall_name(mall_name: object) -> str | None:
    """``MPP Kota Medan`` -> ``Kota Medan``; None when the name does not start like a mall name."""
    if mall_name is None or (isinstance(mall_name, float) and pd.isna(mall_name)):
        return None
    text = str(mall_name)
    stripped = MALL_NAME_PREFIXES.sub("", text).strip(" -:")
    return stripped if stripped and stripped != text.strip() else None
