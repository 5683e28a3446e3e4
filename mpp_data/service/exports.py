"""Downloads: every table a page offers as a file, the same bytes for the page's button and the CLI's
``export`` (both call ``export_table`` with the view's scope).

The tables are registered (``EXPORT_TABLES``), as upload kinds are: each declares its name (the CLI's
``export`` argument and the text key of its file name), its columns and how its rows are found. A new
download is one ``ExportTable`` here; the CLI's choices and the pages' buttons come from the registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from mpp_data.analysis import metrics
from mpp_data.errors import NoDataError
from mpp_data.present import display, exports
from mpp_data.present import plan as present_plan
from mpp_data.present.exports import Export
from mpp_data.present.text import t
from mpp_data.reference import bases, regions
from mpp_data.scope import ViewScope
from mpp_data.service import views
from mpp_data.service.plan import plan_for
from mpp_data.service.queries import SnapshotData, load_snapshot
from mpp_data.store import Store

FORMATS: tuple[str, ...] = ("csv", "xlsx")


@dataclass(frozen=True)
class ExportChoice:
    """What narrows a table beyond the scope: the work list's ``agency``, the malls of one ``region``, the
    report of one ``file``, the gaps' pipeline ``stages`` and name ``search`` (as on the page), the
    plan's ``statuses``."""

    agency: str | None = None
    region: str | None = None
    file: str | None = None
    stages: tuple[str, ...] = ()
    search: str = ""
    #: The plan's statuses (as the Planner's filter); all when empty.
    statuses: tuple[str, ...] = ()


@dataclass
class ExportRequest:
    """One table asked for: the store, the snapshot, the scope and the choice; the data loaded once."""

    store: Store
    snapshot_id: int
    scope: ViewScope
    choice: ExportChoice

    @cached_property
    def data(self) -> SnapshotData:
        return load_snapshot(self.store, self.snapshot_id)

    @cached_property
    def as_of(self) -> dt.date:
        return self.scope.as_of or views.default_as_of(self.data)

    @property
    def lang(self) -> str:
        return self.scope.lang

    @property
    def places(self) -> list[str]:
        """The province and region the rows are narrowed to, for the file's name."""
        return [p for p in (self.scope.province, self.choice.region) if p]

    def file_name(self, table: str, *parts: str) -> str:
        """``export.file.<table>`` in the scope's language, then ``parts``: ``belum-ada-mpp-61-2024-12-31``."""
        return "-".join([t(f"export.file.{table}", self.lang), *parts])


@dataclass(frozen=True)
class ExportRows:
    """A table's rows, the file's name (without extension), its sheet's name and the snapshot record
    whose time the workbook carries."""

    frame: pd.DataFrame
    name: str
    sheet: str
    snapshot: dict = field(repr=False)


@dataclass(frozen=True)
class ExportTable:
    """One downloadable table. ``name`` is the CLI's name and ``export.file.<name>`` its file name's text;
    ``columns`` the column identifiers of the file, in order (headers are the ``column.*`` texts)."""

    name: str
    columns: tuple[str, ...]
    rows: Callable[[ExportRequest], ExportRows]
    help: str


def _stamp(snapshot: dict) -> dt.datetime:
    created = snapshot["created_at"]
    if isinstance(created, str):
        created = dt.datetime.fromisoformat(created)
    return created.replace(tzinfo=None)


def _gaps(request: ExportRequest) -> ExportRows:
    """Counted in the units of the scope's basis; a basis other than Kemendagri's is named in the file."""
    scope = request.scope.replace(as_of=request.as_of)
    gaps = views.gap_list(request.data, scope=scope)
    shown = display.filter_gaps(gaps, list(request.choice.stages), request.choice.search)
    basis = [scope.basis] if scope.basis != bases.KEMENDAGRI else []
    name = request.file_name("gaps", *request.places, *basis, request.as_of.isoformat())
    return ExportRows(exports.gaps_table(shown, request.lang), name, t("nav.gaps", request.lang), request.data.snapshot)


def _plan(request: ExportRequest) -> ExportRows:
    """The Planner's league table of the provinces on the scope's basis, toward its target date."""
    scope = request.scope
    plan = plan_for(request.data, basis=scope.basis, as_of=request.as_of, target_date=scope.target_date)
    frame = present_plan.league_table(plan, request.lang, request.choice.statuses, scope.province)
    name = request.file_name("plan", scope.basis, *request.places, request.as_of.isoformat())
    return ExportRows(frame, name, t("nav.plan", request.lang), request.data.snapshot)


def _malls(request: ExportRequest) -> ExportRows:
    official = regions.official_regions()
    malls, _ = metrics.restrict_to_province(request.data.malls, official, request.scope.province)
    listed = metrics.compute_mall_list(malls, official, request.as_of, request.choice.region)
    return ExportRows(
        exports.malls_table(listed, request.lang),
        request.file_name("malls", *request.places, request.as_of.isoformat()),
        t("export.sheet.malls", request.lang),
        request.data.snapshot,
    )


def _provinces(request: ExportRequest) -> ExportRows:
    scope = request.scope.replace(as_of=request.as_of)
    table = exports.provinces_table(views.coverage_by_province(request.data, scope=scope), request.lang)
    name = request.file_name("provinces", request.as_of.isoformat())  # always national, as on the page
    return ExportRows(table, name, t("nav.provinces", request.lang), request.data.snapshot)


def _work_list(request: ExportRequest) -> ExportRows:
    names = views.agency_names()
    agency = request.choice.agency
    if agency not in names:
        raise ValueError(f"unknown agency {agency!r}; one of {', '.join(names)}")
    scope = request.scope.replace(as_of=request.as_of)
    work = views.agency_work_list(request.data, scope=scope, agency=agency)
    return ExportRows(
        exports.work_list_table(work, request.lang),
        request.file_name("agency-work-list", agency, *request.places, request.as_of.isoformat()),
        names[agency],
        request.data.snapshot,
    )


def _report(request: ExportRequest) -> ExportRows:
    """The check report needs no figures: the snapshot's record and files only."""
    wanted = request.choice.file
    sources = [s for s in request.store.load_source_files(request.snapshot_id) if wanted in (None, s.file_name)]
    frame = exports.report_table([(s.file_name, s.report) for s in sources], request.lang)
    name = (
        t("export.file.report_of", request.lang, file=wanted)
        if wanted  # one file's report: named after it
        else request.file_name("report", str(request.snapshot_id))
    )
    return ExportRows(frame, name, t("export.sheet.report", request.lang), request.store.snapshot(request.snapshot_id))


#: The plan's columns are the Planner page's league table (``present.plan.LEAGUE_COLUMNS``).
PLAN_COLUMNS: tuple[str, ...] = tuple(present_plan.LEAGUE_COLUMNS)

#: Every table one can download, by name, in the order the CLI lists them.
EXPORT_TABLES: dict[str, ExportTable] = {
    table.name: table
    for table in (
        ExportTable(
            name="gaps",
            columns=("code", "name", "kind", "province", "pipeline_status"),
            rows=_gaps,
            help="regions without an operating MPP (--province, --stage, --search)",
        ),
        ExportTable(
            name="malls",
            columns=("region_code", "region_name", "mall_name", "status", "inaugurated_on", "agencies", "services"),
            rows=_malls,
            help="every mall with its status (--province or --region)",
        ),
        ExportTable(
            name="provinces",
            columns=(
                "rank",
                "province_name",
                "coverage_pct",
                "covered_regions",
                "total_regions",
                "operating_malls",
                "pipeline_malls",
                "full",
            ),
            rows=_provinces,
            help="the 38 provinces ranked (always national)",
        ),
        ExportTable(
            name="agency-work-list",
            columns=("province_name", "region_name", "mall_name", "inaugurated_on", "region_code"),
            rows=_work_list,
            help="operating malls where --agency is missing",
        ),
        ExportTable(
            name="report",
            columns=("file", "sheet", "row", "column", "value", "severity", "message"),
            rows=_report,
            help="the check report of the snapshot's files (--file: one of them)",
        ),
        ExportTable(
            name="plan",
            columns=PLAN_COLUMNS,
            rows=_plan,
            help="the Planner's provinces toward --target-date on --basis (--status narrows it)",
        ),
    )
}
#: The tables one can download, as the CLI names them.
TABLES: tuple[str, ...] = tuple(EXPORT_TABLES)


def export_table(
    store: Store, *, scope: ViewScope, table: str, fmt: str = "csv", choice: ExportChoice = ExportChoice()
) -> Export:
    """One table (of ``EXPORT_TABLES``) of the scope's snapshot (the newest when None) as a CSV or xlsx
    file, in the scope's language. ``as_of`` defaults to the newest date in the snapshot."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    snapshot_id = scope.snapshot_id or store.latest_snapshot_id()
    if snapshot_id is None:
        raise NoDataError()
    registered = EXPORT_TABLES[table]
    rows = registered.rows(ExportRequest(store, snapshot_id, scope, choice))
    if tuple(rows.frame.columns) != registered.columns:  # the registry says what a file holds
        raise ValueError(f"{table} gave columns {list(rows.frame.columns)}, not {list(registered.columns)}")
    return exports.to_file(
        rows.frame, fmt, name=rows.name, sheet_name=rows.sheet, lang=scope.lang, stamp=_stamp(rows.snapshot)
    )
