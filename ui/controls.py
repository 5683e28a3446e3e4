"""The sidebar shared by every page: language, as-of date, comparison date, province.

The chosen view lives in the URL's query parameters (``?lang=en&as_of=2024-12-31&province=61``), so a
link pasted into a chat opens the same view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from mpp_data.analysis import metrics
from mpp_data.analysis.forecast import add_months
from mpp_data.present.text import DEFAULT_LANGUAGE, LANGUAGES, format_date, t
from mpp_data.reference.regions import province_names
from ui import cache

_LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
EARLIEST = dt.date(2015, 1, 1)


@dataclass(frozen=True)
class View:
    """What every page draws from."""

    url: str
    snapshot: dict
    as_of: dt.date
    compare: dt.date
    province: str | None
    lang: str

    @property
    def snapshot_id(self) -> int:
        return int(self.snapshot["id"])


def language() -> str:
    """The chosen language; the URL's ``?lang=en`` sets it on first load."""
    if "_lang" not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state["_lang"] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state["_lang"]


def _date_param(name: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(st.query_params.get(name, ""))
    except ValueError:
        return None


def _latest_snapshot() -> tuple[str, dict, dt.date]:
    url = cache.database_url()
    data = cache.snapshot_data(url, cache.store().latest_snapshot_id())
    latest = metrics.default_as_of(data.malls)
    return url, data.snapshot, latest


def _remember(key: str) -> None:
    st.session_state[f"_{key}"] = st.session_state[key]


def persistent(key: str, default: object) -> dict:
    """Widget arguments that keep a value across pages: each page draws its own widget, so the value
    lives under ``_key`` and seeds the widget on every run."""
    if f"_{key}" not in st.session_state:
        st.session_state[f"_{key}"] = default
    st.session_state[key] = st.session_state[f"_{key}"]
    return {"key": key, "on_change": _remember, "args": (key,)}


_ENTRY = "_entry_running"
_WANTED = "_wanted_page"


def run_page(navigation) -> None:  # noqa: ANN001 - st.navigation's page
    """Run the chosen page, marking that it runs through the entry point."""
    st.session_state[_ENTRY] = True
    try:
        navigation.run()
    finally:
        st.session_state[_ENTRY] = False


def take_wanted_page() -> tuple[str, dict] | None:
    return st.session_state.pop(_WANTED, None)


def _through_entry_point(page_file: str) -> None:
    """A page opened by its URL can run without ``dashboard.py`` while Streamlit still treats
    ``pages/`` as its old multipage folder; send it through the entry point, keeping page and query."""
    if st.session_state.get(_ENTRY):
        return
    st.session_state[_WANTED] = (Path(page_file).name, st.query_params.to_dict())
    st.switch_page("dashboard.py")


def sidebar(page_file: str) -> View:
    """The shared controls, drawn by each page, and the view they select."""
    _through_entry_point(page_file)
    lang = language()
    url, snapshot, latest = _latest_snapshot()
    upper = max(latest, dt.date.today())
    provinces = province_names()
    wanted_province = st.query_params.get("province", "")
    as_of_default = _date_param("as_of") or latest
    bar = st.sidebar
    bar.radio(t("sidebar.language", lang), LANGUAGES, format_func=_LANGUAGE_NAMES.get, horizontal=True,
              **persistent("lang", lang))  # fmt: skip
    lang = st.session_state["lang"]
    bar.date_input(t("sidebar.as_of", lang), min_value=EARLIEST, max_value=upper, format="DD/MM/YYYY",
                   **persistent("as_of", as_of_default))  # fmt: skip
    bar.selectbox(
        t("sidebar.province", lang), ["", *provinces],
        format_func=lambda c: provinces.get(c, t("sidebar.all_provinces", lang)),
        **persistent("province", wanted_province if wanted_province in provinces else ""),
    )  # fmt: skip
    bar.date_input(t("sidebar.compare", lang), min_value=EARLIEST, max_value=upper, format="DD/MM/YYYY",
                   **persistent("compare", _date_param("compare") or add_months(as_of_default, -12)))  # fmt: skip
    view = View(
        url=url,
        snapshot=snapshot,
        as_of=st.session_state["as_of"],
        compare=st.session_state["compare"],
        province=st.session_state["province"] or None,
        lang=lang,
    )
    _write_query_params(view)
    return view


def _write_query_params(view: View) -> None:
    st.query_params.update({"lang": view.lang, "as_of": view.as_of.isoformat(), "compare": view.compare.isoformat()})
    if view.province:
        st.query_params["province"] = view.province
    elif "province" in st.query_params:
        del st.query_params["province"]


def page_header(view: View, title_key: str) -> None:
    """Title, sample badge and the as-of line every page starts with."""
    st.title(t(title_key, view.lang))
    sample_badge(view)
    line = t("overview.as_of", view.lang, date=format_date(view.as_of, view.lang))
    if view.province:
        name = province_names()[view.province]
        line += " · " + t("filter.province_note", view.lang, province=name)
    st.caption(line)


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


def column_labels(columns, lang: str) -> dict[str, str]:  # noqa: ANN001
    """Localised column headers for ``st.dataframe(column_config=...)``."""
    return {c: t(f"column.{c}", lang) for c in columns}
