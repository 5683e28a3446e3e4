"""How one upload is checked: the options that travel together from the service to the worker."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from mpp_data.config import Settings
from mpp_data.ingest.corrections import CellKey, RowKey

#: (step, steps, file name), called as each file is read.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class IngestOptions:
    """One check's options, passed whole through ``check_files``, the worker and the load.

    ``today``: the day dates are judged against (None: the day the check runs).
    ``settings``: the limits (upload size, cells, the worker's memory and time); the entry point's.
    ``column_overrides``: (file, sheet) -> {header as written: field}, an analyst's corrections.
    ``progress``: called with (step, steps, file name) as each file is read (not sent to the worker).
    ``corrections``: (file, sheet, Excel row, header as written) -> text, put in place of the cell
    before the check, so a corrected value meets the same rules as a written one.
    ``left_out``: (file, sheet, Excel row) -> reason: rows taken out before the check (counted as skipped).
    """

    today: dt.date | None = None
    settings: Settings = field(default_factory=Settings)
    column_overrides: Mapping[tuple[str, str], Mapping[str, str]] = field(default_factory=dict)
    progress: Progress | None = None
    corrections: Mapping[CellKey, object] = field(default_factory=dict)
    left_out: Mapping[RowKey, str] = field(default_factory=dict)

    def day(self) -> dt.date:
        return self.today or dt.date.today()
