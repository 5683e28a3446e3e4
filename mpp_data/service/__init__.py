"""The one door into the core: what pages, ``ui`` and the command line ask for.

Loading (``loading``) checks an upload and keeps it as a snapshot; ``writing`` holds the other audited
changes; reading is ``queries`` (snapshots), ``views`` (the figures of one ``ViewScope``),
``boundaries``, ``exports`` and ``briefing``. Pages and the CLI import ``mpp_data.service`` and the
presentation builders, nothing else.
"""

from mpp_data.access import ANONYMOUS, Action, Actor, Role, can, cli_actor, lowest_role
from mpp_data.analysis.register import MODES as LOAD_MODES
from mpp_data.config import Settings
from mpp_data.ingest.pipeline import IngestResult, SheetSummary, UploadedFile
from mpp_data.present.briefing import file_name as briefing_file_name
from mpp_data.present.corrections import EDITABLE as CORRECTION_EDITABLE
from mpp_data.present.corrections import correction_table, read_edits
from mpp_data.present.exports import Export
from mpp_data.present.load_plan import equal_message, plan_sentences, plan_table
from mpp_data.present.upload_report import RegionQuestion, filter_issues, issues_table, region_questions
from mpp_data.reference.bases import BASES, DEFAULT_BASIS, other_basis, unit_code
from mpp_data.scope import ViewScope
from mpp_data.service.access import (
    FIRST_ADMIN,
    actor_for_email,
    add_user,
    audit_events,
    check_password,
    create_sign_in_link,
    disable_user,
    enable_user,
    first_start_link,
    list_users,
    loaded_by,
    recent_failures,
    record_provider_sign_in,
    redeem_sign_in_link,
    restore_snapshot,
    set_password,
    set_role,
    sign_in,
    sign_out,
    withdraw_snapshot,
)
from mpp_data.service.alerts import AlertEvent
from mpp_data.service.boundaries import (
    BoundaryFile,
    BoundarySource,
    boundary_source,
    boundary_version,
    map_boundaries,
    parse_boundaries,
)
from mpp_data.service.briefing import BriefingFiles, briefing_deck, briefing_files, gather_briefing
from mpp_data.service.exports import (
    EXPORT_TABLES,
    FORMATS,
    TABLES,
    ExportChoice,
    ExportRequest,
    ExportRows,
    ExportTable,
    export_table,
)
from mpp_data.service.loading import (
    SAMPLE_FILES,
    contains_sample,
    ingest_files,
    load_plan,
    open_store,
    register_in_view,
    rejected_rows,
    release_unused_memory,
    remember_alias,
    remove_alias,
    sample_files,
    saved_aliases,
    store_checked,
)
from mpp_data.service.mail import (
    Outcome,
    add_alert,
    add_subscription,
    fired_alerts,
    list_alerts,
    list_subscriptions,
    remove_alert,
    remove_subscription,
    send_due,
    send_log,
    send_now,
)
from mpp_data.service.plan import StageView, plan_for, plan_report, plan_stages
from mpp_data.service.queries import (
    RegionSearch,
    SnapshotData,
    find_province,
    find_region,
    load_snapshot,
    presence_history,
    presence_trend,
    region_choices,
    snapshot_diff,
)
from mpp_data.service.sessions import (
    COOKIE,
    SessionRules,
    StartedSession,
    end_session,
    end_user_sessions,
    forget_old_sessions,
    handoff,
    open_sessions,
    session_actor,
    session_ended,
    start_from_handoff,
    start_from_link,
)
from mpp_data.service.views import (
    UPLOAD_FIELDS,
    VIEWS,
    agency_names,
    agency_presence,
    agency_view,
    agency_work_list,
    compare_date,
    compute_view,
    coverage_by_province,
    default_as_of,
    default_compare,
    describe_forecast,
    forecast_for,
    gap_list,
    land_outline,
    latest_snapshot_id,
    list_snapshots,
    map_regions,
    may_see_upload_details,
    national_figures,
    national_summary,
    overview_figures,
    province_names,
    region_malls,
    region_options,
    region_status,
    rollout_charts,
    settle,
    snapshot_amendments,
    snapshot_info,
    source_files,
    view_scope,
    view_version,
)
from mpp_data.service.writing import remove_boundaries, save_boundaries

__all__ = [
    "SAMPLE_FILES", "IngestResult", "RegionQuestion", "SheetSummary", "SnapshotData", "UploadedFile",
    "agency_presence", "boundary_source", "contains_sample", "briefing_deck", "briefing_file_name", "BriefingFiles", "briefing_files", "gather_briefing", "filter_issues", "find_region", "ingest_files", "issues_table",
    "load_snapshot", "national_figures", "national_summary", "open_store", "parse_boundaries",
    "presence_history", "region_choices", "region_questions", "remember_alias", "save_boundaries",
    "release_unused_memory", "remove_alias", "sample_files", "saved_aliases", "snapshot_diff", "store_checked",
    "find_province", "RegionSearch",
    "UPLOAD_FIELDS", "agency_names", "agency_view", "agency_work_list", "compare_date", "coverage_by_province",
    "default_as_of", "default_compare", "describe_forecast", "forecast_for", "gap_list", "land_outline", "latest_snapshot_id",
    "list_snapshots", "map_regions", "presence_trend", "province_names", "region_malls",
    "region_options", "region_status", "rollout_charts", "overview_figures", "snapshot_info", "source_files",
    "Settings", "ViewScope", "VIEWS", "compute_view", "settle", "view_scope",
    "EXPORT_TABLES", "FORMATS", "TABLES", "Export", "ExportChoice", "ExportRequest", "ExportRows", "ExportTable",
    "export_table",
    "CORRECTION_EDITABLE", "correction_table", "read_edits", "rejected_rows", "snapshot_amendments",
    "BoundaryFile", "BoundarySource", "boundary_version", "map_boundaries", "remove_boundaries",
    "ANONYMOUS", "Action", "Actor", "Role", "can", "cli_actor", "lowest_role", "FIRST_ADMIN", "actor_for_email", "add_user",
    "audit_events", "create_sign_in_link", "disable_user", "enable_user", "first_start_link", "list_users",
    "loaded_by", "record_provider_sign_in", "redeem_sign_in_link", "set_password", "set_role", "sign_in",
    "sign_out", "withdraw_snapshot", "check_password", "recent_failures", "may_see_upload_details",
    "COOKIE", "SessionRules", "StartedSession", "end_session", "end_user_sessions", "forget_old_sessions", "handoff",
    "open_sessions", "session_actor", "session_ended", "start_from_handoff", "start_from_link",
    "BASES", "DEFAULT_BASIS", "other_basis", "unit_code", "StageView", "plan_for", "plan_report", "plan_stages",
    "restore_snapshot", "LOAD_MODES", "register_in_view", "view_version", "load_plan",
    "equal_message", "plan_sentences", "plan_table",
    "AlertEvent", "Outcome", "add_alert", "add_subscription", "fired_alerts", "list_alerts", "list_subscriptions",
    "remove_alert", "remove_subscription", "send_due", "send_log", "send_now",
]  # fmt: skip
