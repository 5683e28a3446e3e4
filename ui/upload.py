"""The upload page's session: a checked dry run kept per set of files, the analyst's column corrections,
cell corrections and rows left out, and the summary of a load shown after the rerun. Only this module
touches those session keys."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

import streamlit as st

from mpp_data import service
from mpp_data.present import labels
from mpp_data.present.safe import md_text
from mpp_data.present.text import format_number, t

FIELDS = service.UPLOAD_FIELDS
_OVERRIDES = "column_overrides"  # (file, sheet) -> {header as written: field}
_CORRECTIONS = "cell_corrections"  # (file, sheet, row, header as written) -> corrected text
_LEFT_OUT = "rows_left_out"  # (file, sheet, row) -> reason
EDITOR = "corrections_editor"  # the table of rows to correct (st.data_editor)
_CHECK = "upload_check"  # (key of files, corrections and aliases, IngestResult)
_LOADED = "upload_loaded"  # what the last load did, shown once after its rerun
_UPLOADS = "upload_generation"  # how many loads this session made: the uploader's key, new after each


def uploader_key() -> str:
    """The file uploader's key: a new one after each load, so the browser forgets the files it sent."""
    generation = st.session_state.get(_UPLOADS, 0)
    return "upload_files" if not generation else f"upload_files_{generation}"


def release_files() -> None:
    """Drop the files this session uploaded from the server's memory (Streamlit keeps them until the tab
    closes): after a load, and when the session opens a page other than Upload."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    if context is not None:
        context.uploaded_file_mgr.remove_session_files(context.session_id)


# The check report: what and where first; the message wide and its rows tall enough to wrap (Streamlit
# wraps cell text only in rows taller than 4rem); the kind is for the filter, the message says it in words.
# The message names sheet, row and column itself: on a phone the report is its severity, message and
# value, each wide enough to read (a 326 px table of seven columns drew "MP P" and "Bog or").
REPORT_ROW_HEIGHT = 84
_PHONE_ROW_HEIGHT = 120  # the message in about six lines of a phone's narrower column
REPORT_ORDER = ["severity", "message", "value", "file", "sheet", "row", "column"]
_PHONE_ORDER = ["severity", "message", "value"]
_REPORT_WIDTHS: dict[str, int] = {"message": 500, "severity": 96, "value": 90}
_PHONE_WIDTHS: dict[str, int] = {"severity": 82, "message": 180, "value": 64}


def report_order(phone: bool = False) -> list[str]:
    return _PHONE_ORDER if phone else REPORT_ORDER


def report_row_height(phone: bool = False) -> int:
    return _PHONE_ROW_HEIGHT if phone else REPORT_ROW_HEIGHT


def report_columns(columns, lang: str, phone: bool = False) -> dict:
    """``column_config`` for the check report: localised headers and widths that show the message."""
    widths = _PHONE_WIDTHS if phone else _REPORT_WIDTHS
    return {c: st.column_config.Column(t(f"column.{c}", lang), width=widths.get(c)) for c in columns}


# The table of rows to correct: what the analyst types keeps room to be read (it drew 45 px wide); on a
# phone the problem says where it is, so the row, column, sheet and file stay in the table, off screen.
_EDITOR_WIDTHS = {"laptop": {"correction": 130, "leave_out": 96, "reason": 150},
                  "phone": {"correction": 86, "leave_out": 60, "reason": 86}}  # fmt: skip
_PHONE_EDITOR = ["correction", "leave_out", "reason", "value", "problem"]


def editor_order(phone: bool = False) -> list[str] | None:
    return _PHONE_EDITOR if phone else None


def editor_columns(columns, lang: str, phone: bool = False) -> dict:
    """``column_config`` for the table of rows to correct: localised headers, the editable columns wide
    enough to type in."""
    widths = _EDITOR_WIDTHS["phone" if phone else "laptop"]
    return {c: {"label": t(f"column.{c}", lang), **({"width": widths[c]} if c in widths else {})} for c in columns}


def uploaded_files(widget_value: list) -> list[service.UploadedFile]:
    """The files uploaded; a name given twice is told apart (``rekap (2).xlsx``), so each file's report,
    corrections and stored copy are its own."""
    files, seen = [], set()
    for f in widget_value or []:
        name, n = f.name, 1
        while name in seen:
            n += 1
            stem, dot, ext = f.name.rpartition(".")
            name = f"{stem} ({n}).{ext}" if dot else f"{f.name} ({n})"
        seen.add(name)
        files.append(service.UploadedFile(name, f.getvalue()))
    return files


def file_ids(files: list[service.UploadedFile]) -> dict[str, str]:
    """File name -> sha256 of its content: corrections belong to a file's content, never its name."""
    return {f.name: hashlib.sha256(f.content).hexdigest() for f in files}


def _key(files: list[service.UploadedFile], overrides: dict, aliases: dict) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + hashlib.sha256(f.content).digest())
    digest.update(repr(sorted((k, sorted(v.items())) for k, v in overrides.items())).encode())
    digest.update(repr((sorted(cell_corrections().items()), sorted(rows_left_out().items()))).encode())
    digest.update(repr(sorted(aliases.items())).encode())
    return digest.hexdigest()


def column_overrides() -> dict[tuple[str, str], dict[str, str]]:
    return st.session_state.setdefault(_OVERRIDES, {})


def cell_corrections() -> dict[tuple[str, str, int, str], str]:
    return st.session_state.setdefault(_CORRECTIONS, {})


def rows_left_out() -> dict[tuple[str, str, int], str]:
    return st.session_state.setdefault(_LEFT_OUT, {})


def _amendments() -> dict:
    return {"corrections": cell_corrections(), "left_out": rows_left_out()}


def take_edits(edited, files: list[service.UploadedFile]) -> bool:  # the data editor's frame
    """Keep what the analyst typed or ticked in the table of rows to correct; True when that changed
    anything, so the page checks again at once (the table is drawn afresh, its edits cleared)."""
    corrections, left_out = service.read_edits(edited, cell_corrections(), file_ids(files))
    if corrections == cell_corrections() and left_out == rows_left_out():
        return False
    st.session_state[_CORRECTIONS] = corrections
    st.session_state[_LEFT_OUT] = left_out
    st.session_state.pop(EDITOR, None)  # its edits are now the corrections the next table starts from
    return True


def checked(
    files: list[service.UploadedFile], store, lang: str, actor: service.Actor, settings: service.Settings
) -> service.IngestResult:
    """The dry run of these files with the current corrections; read again only when something changed."""
    overrides = column_overrides()
    key = _key(files, overrides, store.load_aliases())
    cached = st.session_state.get(_CHECK)
    if cached and cached[0] == key:
        return cached[1]
    bar = st.progress(0.0, text=t("upload.reading", lang, file=md_text(files[0].name), step=1, steps=len(files)))

    def report(step: int, steps: int, name: str) -> None:
        if step < steps:
            bar.progress(step / steps, text=t("upload.reading", lang, file=md_text(name), step=step + 1, steps=steps))

    result = service.ingest_files(
        files,
        store,
        dry_run=True,
        column_overrides=overrides,
        progress=report,
        actor=actor,
        settings=settings,
        **_amendments(),
    )
    bar.empty()
    st.session_state[_CHECK] = (key, result)
    return result


def load(
    files: list[service.UploadedFile], store, lang: str, actor: service.Actor, settings: service.Settings, **how: Any
) -> service.IngestResult:
    """Load the files as a new snapshot with the current corrections; its summary is shown after the rerun.
    ``how``: the load's ``mode``, ``data_as_of`` and ``confirm_replace`` as the analyst chose them.

    The upload is parsed once: what the check found (kept under the same key) is what gets stored. Only
    when the check is no longer current (say an alias was saved since) are the files read again."""
    overrides = column_overrides()
    cached = st.session_state.get(_CHECK)
    if cached and cached[0] == _key(files, overrides, store.load_aliases()):
        loaded = service.store_checked(
            cached[1], files, store, actor=actor, column_overrides=overrides, settings=settings, **how
        )
    else:
        loaded = service.ingest_files(
            files, store, column_overrides=overrides, actor=actor, settings=settings, **_amendments(), **how
        )
    if loaded.equal_to is not None:
        st.session_state[_LOADED] = {"equal_to": loaded.equal_to}
    if loaded.snapshot_id is not None:
        snapshot = service.snapshot_info(store, loaded.snapshot_id)
        st.session_state[_LOADED] = {
            "summary": {
                "snapshot": loaded.snapshot_id,
                "malls": format_number(snapshot["malls_count"], lang),
                "participation": format_number(snapshot["participation_count"], lang),
            },
            "carried": loaded.carried_over,
        }
        for key in (_CORRECTIONS, _LEFT_OUT, EDITOR):
            st.session_state.pop(key, None)
        # The page shows these files' report again after the rerun: from what was loaded, not a new read;
        # a second click finds them loaded already and stores nothing twice. The rows themselves are in the
        # store now, so the session keeps only the report, and the memory they took goes back.
        report_only = replace(loaded, tables={name: frame.iloc[:0] for name, frame in loaded.tables.items()})
        st.session_state[_CHECK] = (_key(files, overrides, store.load_aliases()), report_only)
        loaded = cached = report_only  # nothing here keeps the rows now
        # the files are in the store now: the uploader starts empty after the rerun, and the bytes go back
        st.session_state[_UPLOADS] = st.session_state.get(_UPLOADS, 0) + 1
        release_files()
        service.release_unused_memory()
    return loaded


def take_loaded() -> dict | None:
    """What the last load did (``summary``, ``carried``; ``equal_to`` when it stored nothing), once."""
    return st.session_state.pop(_LOADED, None)


def field_label(field_name: str, lang: str) -> str:
    return labels.field_label(field_name, lang)


def set_override(file: str, sheet: str, header: str, field_name: str) -> None:
    column_overrides().setdefault((file, sheet), {})[header] = field_name
