"""Downloads: every table a page offers as a file, the same bytes for the page's button and the CLI's
``export`` (both call ``export_table`` with the view's arguments)."""

from __future__ import annotations

import datetime as dt

from mpp_data.analysis import metrics
from mpp_data.errors import NoDataError
from mpp_data.present import display, exports
from mpp_data.present import plan as present_plan
from mpp_data.present.exports import Export
from mpp_data.present.text import t
from mpp_data.reference import bases, regions
from mpp_data.service import views
from mpp_data.service.plan import plan_for
from mpp_data.service.queries import load_snapshot
from mpp_data.store import Store

#: The tables one can download, as the CLI names them.
TABLES: tuple[str, ...] = ("gaps", "malls", "provinces", "agency-work-list", "report", "plan")
FORMATS: tuple[str, ...] = ("csv", "xlsx")


def _stamp(snapshot: dict) -> dt.datetime:
    created = snapshot["created_at"]
    if isinstance(created, str):
        created = dt.datetime.fromisoformat(created)
    return created.replace(tzinfo=None)


def export_table(
    store: Store,
    snapshot_id: int | None,
    table: str,
    fmt: str = "csv",
    *,
    lang: str = "id",
    as_of: dt.date | None = None,
    province: str | None = None,
    agency: str | None = None,
    region: str | None = None,
    file: str | None = None,
    stages: tuple[str, ...] = (),
    search: str = "",
    basis: str | None = None,
    target_date: dt.date | None = None,
    statuses: tuple[str, ...] = (),
) -> Export:
    """One table of snapshot ``snapshot_id`` (the newest when None) as a CSV or xlsx file.

    ``gaps``: regions without an operating MPP on ``as_of`` (of ``province``), narrowed like the page by
    pipeline ``stages`` and a name ``search``; ``malls``: every mall (of ``province``, or of one
    ``region``) with its status; ``provinces``: the 38 provinces ranked (always national, as on the
    page); ``agency-work-list``: operating malls where ``agency`` is missing; ``report``: the check
    report of the snapshot's files (of one ``file`` when given); ``plan``: the Planner's league table of
    the provinces toward ``target_date`` (default ``MPP_TARGET_DATE``), of the plan ``statuses`` when
    given. ``gaps`` and ``plan`` count the units of ``basis`` (default ``MPP_BASIS``). ``as_of``
    defaults to the newest date in the snapshot.
    """
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    snapshot_id = snapshot_id or store.latest_snapshot_id()
    if snapshot_id is None:
        raise NoDataError()

    if table == "report":
        snapshot = store.snapshot(snapshot_id)
        sources = [s for s in store.load_source_files(snapshot_id) if file is None or s.file_name == file]
        frame = exports.report_table([(s.file_name, s.report) for s in sources], lang)
        name = t("export.file.report_of", lang, file=file) if file else f"{t('export.file.report', lang)}-{snapshot_id}"
        return exports.to_file(
            frame, fmt, name=name, sheet_name=t("export.sheet.report", lang), lang=lang, stamp=_stamp(snapshot)
        )

    data = load_snapshot(store, snapshot_id)
    as_of = as_of or views.default_as_of(data)
    scope = [p for p in (province, region) if p]
    basis = bases.check_basis(basis or views.default_basis())
    if table == "plan":
        plan = plan_for(data, basis=basis, as_of=as_of, target_date=target_date)
        frame = present_plan.league_table(plan, lang, statuses, province)
        sheet = t("nav.plan", lang)
        scope = [basis, *scope]
    elif table == "gaps":
        gaps = display.filter_gaps(views.gap_list(data, as_of, province, basis=basis), list(stages), search)
        scope = [*scope, basis] if basis != bases.KEMENDAGRI else scope
        frame = exports.gaps_table(gaps, lang)
        sheet = t("nav.gaps", lang)
    elif table == "malls":
        official = regions.official_regions()
        malls, _ = metrics.restrict_to_province(data.malls, official, province)
        frame = exports.malls_table(metrics.compute_mall_list(malls, official, as_of, region), lang)
        sheet = t("export.sheet.malls", lang)
    elif table == "provinces":
        frame = exports.provinces_table(views.coverage_by_province(data, as_of), lang)
        sheet, scope = t("nav.provinces", lang), []
    else:
        names = views.agency_names()
        if agency not in names:
            raise ValueError(f"unknown agency {agency!r}; one of {', '.join(names)}")
        frame = exports.work_list_table(views.agency_work_list(data, agency, as_of, province), lang)
        sheet, scope = names[agency], [agency, *scope]
    name = "-".join([t(f"export.file.{table}", lang), *scope, as_of.isoformat()])
    return exports.to_file(frame, fmt, name=name, sheet_name=sheet, lang=lang, stamp=_stamp(data.snapshot))
