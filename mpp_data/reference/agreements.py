"""Cooperation agreements (PKS) between a mall's DPMPTSP and an MoU agency: the stages, the words exports
write for them, and the columns of the two frames issue 24 adds (pure; the parser and the analysis both
import this module, so neither owns the vocabulary).

Stages, in order (a later stage implies the earlier ones, except ``ended``, which is after all of them):
``none`` (belum), ``drafting`` (proses, draf, pembahasan), ``signed`` (ditandatangani, sudah PKS),
``counter_open`` (loket buka, beroperasi, melayani), ``integrated`` (terintegrasi, layanan terintegrasi),
``ended`` (berakhir, berhenti, dicabut).

How a cell is read (:func:`stage_of`), decided here once:

- stage words, Indonesian or English, anywhere in the cell; several: the furthest (``sudah PKS, loket
  buka`` is ``counter_open``); ``ended`` words win over all (``PKS berakhir``);
- a cell that starts with ``belum``/``tidak``/``not yet``/``no`` is ``none`` (``belum PKS``,
  ``belum ditandatangani``): what it has not reached is said, not what it has;
- ``PKS`` or a PKS number alone, a tick (``✓``, ``v``, ``x``, ``ya``, ``ada``, as the participation grid
  reads them): ``signed``. A mark says an
  agreement exists and nothing more; ``signed`` is the least an existing agreement is;
- ``-``, ``–``, an empty cell, ``0``: ``none``;
- no words, but a signing date (in the cell, or in the row's own ``signed_on``): ``signed``; a validity
  date alone is an agreement too: ``signed``;
- a date in the cell (``PKS 12/03/2024``, day first, or ``2024-03-12``) is the signing date;
- anything else: None (the parser reports the cell; a guess would move a figure).

>>> stage_of("PKS 12/03/2024")
StageReading(stage='signed', signed_on=datetime.date(2024, 3, 12))
>>> stage_of("proses").stage, stage_of("-").stage, stage_of("✓").stage, stage_of("Loket buka").stage
('drafting', 'none', 'signed', 'counter_open')
>>> stage_of(None, signed_on=dt.date(2024, 1, 5)).stage, stage_of("kucing") is None
('signed', True)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mpp_data.reference.names import fold_text

NONE, DRAFTING, SIGNED, COUNTER_OPEN, INTEGRATED, ENDED = (
    "none",
    "drafting",
    "signed",
    "counter_open",
    "integrated",
    "ended",
)
STAGES: tuple[str, ...] = (NONE, DRAFTING, SIGNED, COUNTER_OPEN, INTEGRATED, ENDED)
#: Stages at which an agreement has been signed ("signed or better" of the furthest-behind ranking).
SIGNED_OR_LATER: frozenset[str] = frozenset({SIGNED, COUNTER_OPEN, INTEGRATED})
#: Stages at which the agency serves in the mall: the one notion of presence (issue 24.2).
PRESENT_STAGES: frozenset[str] = frozenset({COUNTER_OPEN, INTEGRATED})

#: The words of each stage, folded (``fold_text``), Indonesian then English.
STAGE_WORDS: dict[str, tuple[str, ...]] = {
    NONE: ("belum", "belum ada", "belum pks", "tidak ada", "tidak", "none", "not yet", "no", "no agreement"),
    DRAFTING: (
        "proses",
        "dalam proses",
        "draf",
        "draft",
        "drafting",
        "pembahasan",
        "dibahas",
        "penyusunan",
        "in progress",
        "under discussion",
        "being drafted",
    ),
    SIGNED: ("ditandatangani", "sudah pks", "sudah ditandatangani", "pks", "signed", "agreement signed"),
    COUNTER_OPEN: (
        "loket buka",
        "beroperasi",
        "melayani",
        "sudah melayani",
        "buka",
        "counter open",
        "operating",
        "serving",
        "open",
    ),
    INTEGRATED: ("terintegrasi", "layanan terintegrasi", "integrated", "services integrated", "integrated services"),
    ENDED: (
        "berakhir",
        "berhenti",
        "dicabut",
        "kedaluwarsa",
        "kadaluarsa",
        "ended",
        "expired",
        "stopped",
        "revoked",
        "terminated",
    ),
}
#: Marks that say an agreement exists: the participation grid's marks (an ``x`` too, as in ``beri tanda X``).
TICKS: frozenset[str] = frozenset(
    {"✓", "✔", "☑", "√", "✅", "v", "x", "1", "ya", "y", "yes", "ada", "ok", "true", "sudah", "ada pks"}
)
#: Marks of no agreement.
BLANKS: frozenset[str] = frozenset({"-", "–", "—", "0", "n", "t", "tdk", "false", "✗", "✘", "☐", "nan"})
_NEGATIONS = (" belum ", " tidak ", " not yet ", " no ")

_WORD_STAGE = {word: stage for stage, words in STAGE_WORDS.items() for word in words}
# the furthest stage named wins; ``ended`` over all; ``none`` only when nothing else is named
_PRIORITY = {ENDED: 6, INTEGRATED: 5, COUNTER_OPEN: 4, SIGNED: 3, DRAFTING: 2, NONE: 1}
_DAY_FIRST = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")

#: The agreements frame: one row per mall x MoU agency.
AGREEMENT_COLUMNS: tuple[str, ...] = (
    "region_code",
    "mall",
    "agency",
    "stage",
    "pks_number",
    "signed_on",
    "valid_until",
    "services",
)
#: The visits frame: one row per mall x month (``month``: the first day of the month).
VISIT_COLUMNS: tuple[str, ...] = ("region_code", "mall", "month", "visits", "counters_active", "counters_total")


@dataclass(frozen=True)
class StageReading:
    """A cell read as a stage, with the signing date it wrote (None when it wrote none)."""

    stage: str
    signed_on: dt.date | None = None


def _date_in(text: str) -> dt.date | None:
    for pattern, order in ((_ISO, (0, 1, 2)), (_DAY_FIRST, (2, 1, 0))):
        found = pattern.search(text)
        if found:
            year, month, day = (int(found.group(i + 1)) for i in order)
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def _words_stage(words: str) -> str | None:
    """The furthest stage whose words appear in ``words`` (folded), whole words only; ``none`` when the
    cell starts with a negation (``belum PKS``, ``not yet signed``)."""
    if words in _WORD_STAGE:
        return _WORD_STAGE[words]
    padded = f" {words} "
    named = [stage for word, stage in _WORD_STAGE.items() if f" {word} " in padded]
    if not named:
        return None
    if padded.startswith(_NEGATIONS):
        return NONE
    return max(named, key=_PRIORITY.__getitem__)


def stage_of(
    text: object, *, signed_on: dt.date | None = None, valid_until: dt.date | None = None
) -> StageReading | None:
    """The stage a cell's words, marks or dates say (see the module's rules); None when it says none of them."""
    written = "" if text is None or text != text else str(text).strip()  # text != text: NaN
    if not written:
        dated = signed_on is not None or valid_until is not None
        return StageReading(SIGNED, signed_on) if dated else StageReading(NONE)
    if written.lower() in BLANKS:
        return StageReading(NONE)
    if written.lower() in TICKS:
        return StageReading(SIGNED, signed_on)
    date = _date_in(written)
    tokens = fold_text(_DAY_FIRST.sub(" ", _ISO.sub(" ", written))).split()
    if "pks" in tokens:  # "PKS No. 12/2024": the number is no word of a stage
        tokens = [w for w in tokens if w not in ("no", "nomor", "nr") and not w.isdigit()]
    words = " ".join(w for w in tokens if not w.isdigit())
    if not words:  # a date (or a number) alone
        return StageReading(SIGNED, date) if date else None
    stage = _words_stage(words)
    if stage is None:
        return None
    return StageReading(stage, date or signed_on)


def stage_rank(stage: str) -> int:
    """A stage's place in ``STAGES`` (0 for ``none``)."""
    return STAGES.index(stage)
