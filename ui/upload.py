"""Streamlit glue for the upload page: a checked dry run kept per set of files, corrections, loading."""

from __future__ import annotations

import hashlib

import streamlit as st

from mpp_data import service
from mpp_data.ingest.tables import HEADER_SYNONYMS, IGNORED
from mpp_data.present.text import t
from mpp_data.store.snapshots import Store

FIELDS = [f for f in HEADER_SYNONYMS if f != "row_number"] + ["row_number", IGNORED]


def uploaded_files(widget_value: list) -> list[service.UploadedFile]:
    return [service.UploadedFile(f.name, f.getvalue()) for f in widget_value or []]


def _key(files: list[service.UploadedFile], overrides: dict, aliases: dict) -> str:
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + hashlib.sha256(f.content).digest())
    digest.update(repr(sorted((k, sorted(v.items())) for k, v in overrides.items())).encode())
    digest.update(repr(sorted(aliases.items())).encode())
    return digest.hexdigest()


def checked(files: list[service.UploadedFile], store: Store, lang: str) -> service.IngestResult:
    """The dry run of these files with the current corrections; read again only when something changed."""
    overrides = st.session_state.setdefault("column_overrides", {})
    key = _key(files, overrides, store.load_aliases())
    cached = st.session_state.get("upload_check")
    if cached and cached[0] == key:
        return cached[1]
    bar = st.progress(0.0, text=t("upload.reading", lang, file=files[0].name, step=1, steps=len(files)))

    def report(step: int, steps: int, name: str) -> None:
        if step < steps:
            bar.progress(step / steps, text=t("upload.reading", lang, file=name, step=step + 1, steps=steps))

    result = service.ingest_files(files, store, dry_run=True, column_overrides=overrides, progress=report)
    bar.empty()
    st.session_state["upload_check"] = (key, result)
    return result


def field_label(field_name: str, lang: str) -> str:
    return t(f"field.{field_name}", lang) if field_name in FIELDS else field_name


def set_override(file: str, sheet: str, header: str, field_name: str) -> None:
    overrides = st.session_state.setdefault("column_overrides", {})
    overrides.setdefault((file, sheet), {})[header] = field_name
