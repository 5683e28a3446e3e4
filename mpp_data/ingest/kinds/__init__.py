"""Upload kinds as registered parts: what each reads, checks, stores, carries over and compares.

A kind is one :class:`Kind` value in :data:`KINDS` (malls and participation are registered by
:mod:`mpp_data.ingest.kinds.builtin` when this package is imported). The pipeline finds each sheet's
kind by asking every registered kind's ``locate``; the worker's transfer, the store, ``SnapshotData``,
the diff and History loop over :data:`KINDS`. A new kind needs a module calling :func:`register` and
no edit here or in the core (see docs/ARCHITECTURE.md, "How to add a kind").

Carry-over (per kind, ``Kind.carry``): when an upload holds no table of a kind, the new snapshot takes
that kind's frame from the snapshot in view (``CARRY_NEWEST``: today's rule for malls and
participation, never from the bundled sample into real data), or holds none of it (``CARRY_NONE``).
"""

from mpp_data.ingest.kinds.agreements import AGREEMENTS
from mpp_data.ingest.kinds.base import (
    CARRY_NEWEST,
    CARRY_NONE,
    KIND_BLOCKS,
    KINDS,
    Check,
    Kind,
    KindChanges,
    MallColumns,
    Tally,
    header_locator,
    keyed_changes,
    kind_named,
    kinds_as,
    register,
    registered,
    unregister,
)
from mpp_data.ingest.kinds.builtin import MALLS, PARTICIPATION
from mpp_data.ingest.kinds.visits import VISITS

__all__ = [
    "AGREEMENTS",
    "CARRY_NEWEST",
    "CARRY_NONE",
    "KINDS",
    "KIND_BLOCKS",
    "MALLS",
    "PARTICIPATION",
    "Check",
    "Kind",
    "KindChanges",
    "MallColumns",
    "Tally",
    "header_locator",
    "keyed_changes",
    "kind_named",
    "kinds_as",
    "register",
    "registered",
    "unregister",
    "VISITS",
]
