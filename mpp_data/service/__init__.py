"""The one door into the core: what pages, ``ui`` and the command line ask for.

Loading (``loading``) checks an upload and keeps it as a snapshot; reading (``queries``) gives the
figures. Pages and the CLI import ``mpp_data.service`` and the presentation builders, nothing else.
"""

from mpp_data.ingest.pipeline import IngestResult, SheetSummary, UploadedFile
from mpp_data.present.upload_report import RegionQuestion, filter_issues, issues_table, region_questions
from mpp_data.service.loading import (
    SAMPLE_FILES,
    ingest_files,
    open_store,
    remember_alias,
    sample_files,
    store_checked,
)
from mpp_data.service.queries import (
    SnapshotData,
    agency_presence,
    boundary_source,
    find_region,
    load_snapshot,
    national_figures,
    national_summary,
    parse_boundaries,
    presence_history,
    region_choices,
    save_boundaries,
    snapshot_diff,
)

__all__ = [
    "SAMPLE_FILES", "IngestResult", "RegionQuestion", "SheetSummary", "SnapshotData", "UploadedFile",
    "agency_presence", "boundary_source", "filter_issues", "find_region", "ingest_files", "issues_table",
    "load_snapshot", "national_figures", "national_summary", "open_store", "parse_boundaries",
    "presence_history", "region_choices", "region_questions", "remember_alias", "save_boundaries",
    "sample_files", "snapshot_diff", "store_checked",
]  # fmt: skip
