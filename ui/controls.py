"""The sidebar shared by every page: language and the snapshot being looked at."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import streamlit as st

from mpp_data import metrics
from mpp_data.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_date, t
from ui import cache

_LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


@dataclass(frozen=True)
class View:
    """What every page draws from: the store URL, snapshot, as-of date and language."""

    url: str
    snapshot: dict
    as_of: dt.date
    lang: str

    @property
    def snapshot_id(self) -> int:
        return int(self.snapshot["id"])


def language() -> str:
    """The chosen language; the URL's ``?lang=en`` sets it on first load."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state["lang"]


def sidebar() -> None:
    """Drawn once in ``dashboard.py`` so the widgets keep their state across pages."""
    lang = language()
    st.sidebar.radio(
        t("sidebar.language", lang),
        LANGUAGES,
        format_func=_LANGUAGE_NAMES.get,
        key="lang",
        horizontal=True,
    )
    st.query_params["lang"] = st.session_state["lang"]


def current_view() -> View:
    lang = language()
    url = cache.database_url()
    store = cache.store()
    snapshot_id = store.latest_snapshot_id()
    data = cache.snapshot_data(url, snapshot_id)
    as_of = metrics.latest_data_date(data.malls) or dt.date.today()
    return View(url=url, snapshot=data.snapshot, as_of=as_of, lang=lang)


def sample_badge(view: View) -> None:
    """A clear banner while the figures come from the bundled sample workbooks."""
    if view.snapshot["is_sample"]:
        st.warning(t("badge.sample", view.lang), icon=":material/science:")


def source_caption(view: View) -> None:
    created = view.snapshot["created_at"]
    st.caption(
        t(
            "source.caption",
            view.lang,
            snapshot=view.snapshot_id,
            files=", ".join(view.snapshot["source_files"]),
            created=format_date(created.date() if hasattr(created, "date") else created, view.lang),
        )
    )
