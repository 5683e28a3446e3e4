"""The view's scope: which snapshot, which dates, where, in which language and against which target.

One frozen value built once, by the sidebar (``ui.page``) or from the command line's arguments
(``mpp_data.__main__``), and handed to the service, the UI's caches (it is hashable: a cache key),
the exports and the briefing. Functions take it by keyword (``scope=``), so no function takes more than
one bare date positionally. A new choice (the planner's counting ``basis``) is a new field with a
default here: nothing that passes the scope along changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from mpp_data.reference.bases import DEFAULT_BASIS, check_basis


@dataclass(frozen=True)
class ViewScope:
    """What a view is of. ``None`` means "the default": the newest snapshot, its newest date
    (``as_of``), twelve months before ``as_of`` (``compare_to``), the whole country (``province``) and
    the configured target (``target_date``, filled by whoever builds the scope from ``Settings``).

    >>> scope = ViewScope(as_of=dt.date(2024, 12, 31), province="61")
    >>> scope.replace(province=None).province is None, hash(scope) == hash(ViewScope(as_of=dt.date(2024, 12, 31), province="61"))
    (True, True)
    """

    snapshot_id: int | None = None
    as_of: dt.date | None = None
    compare_to: dt.date | None = None
    province: str | None = None
    lang: str = "id"
    target_date: dt.date | None = None
    #: The counting basis (``mpp_data.reference.bases``); builders set ``Settings.basis`` (``MPP_BASIS``).
    basis: str = DEFAULT_BASIS

    def __post_init__(self) -> None:
        check_basis(self.basis)
        for name in ("as_of", "compare_to", "target_date"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, dt.datetime) or not isinstance(value, dt.date)):
                raise TypeError(f"{name} must be a date, not {type(value).__name__}")

    def replace(self, **changes: object) -> ViewScope:
        """The same scope with ``changes`` (``scope.replace(as_of=scope.compare_to)``: the view then)."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def then(self) -> ViewScope:
        """The same view on the comparison date."""
        return self.replace(as_of=self.compare_to)
