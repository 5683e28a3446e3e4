"""The upload page's session: a checked dry run kept per set of files, the analyst's column corrections,
and the summary of a load shown after the rerun. Only this module touches those session keys."""

from __future__ import annotations

import hashlib

import streamlit as st

from mpp_data import service
from mpp_data.present.safe import md_text
from mpp_data.present.text import format_number, t

FIELDS = service.UPLOAD_FIELDS
_OVERRIDES = "column_overrides"  # (file, sheet) -> {header as written: field}
_CHECK = "upload_check"  # (key of files, corrections and aliases, IngestResult)
_LOADED = "upload_loaded"  # what the last load did, shown once after its rerun


def uploaded_files(widget_value: list) -> list[service.UploadedFile]:
    return [service.UploadedFile(f.name, f.getvalue()) for f in widget_value or []]


def _key(files: list[service.UploadedFile], overrides: dict, aliases: dict) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + hashlib.sha256(f.content).digest())
    digest.update(repr(sorted((k, sorted(v.items())) for k, v in overrides.items())).encode())
    digest.update(repr(sorted(aliases.items())).encode())
    return digest.hexdigest()


def column_overrides() -> dict[tuple[str, str], dict[str, str]]:
    return st.session_state.setdefault(_OVERRIDES, {})


def checked(files: list[service.UploadedFile], store, lang: str, actor: service.Actor) -> service.IngestResult:  # noqa: ANN001
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

    result = service.ingest_files(files, store, dry_run=True, column_overrides=overrides, progress=report,
                                  actor=actor)  # fmt: skip
    bar.empty()
    st.session_state[_CHECK] = (key, result)
    return result


def load(files: list[service.UploadedFile], store, lang: str, actor: service.Actor) -> service.IngestResult:  # noqa: ANN001
    """Load the files as a new snapshot with the current corrections; its summary is shown after the rerun."""
    loaded = service.ingest_files(files, store, column_overrides=column_overrides(), actor=actor)
    if loaded.snapshot_id is not None:
        snapshot = service.snapshot_info(store, loaded.snapshot_id)
        st.session_state[_LOADED] = {
            "summary": {
                "snapshot": loaded.snapshot_id,
                "malls": format_number(snapshot["malls_count"], lang),
                "participation": format_number(snapshot["participation_count"], lang),
            },  # fmt: skip
            "carried": loaded.carried_over,
        }
        st.session_state.pop(_CHECK, None)
    return loaded


def take_loaded() -> dict | None:
    """What the last load did (``summary``, ``carried``), once."""
    return st.session_state.pop(_LOADED, None)


def field_label(field_name: str, lang: str) -> str:
    return t(f"field.{field_name}", lang) if field_name in FIELDS else field_name


def set_override(file: str, sheet: str, header: str, field_name: str) -> None:
    column_overrides().setdefault((file, sheet), {})[header] = field_name
