"""The frame every page sits in: the shared sidebar (drawn once, by ``dashboard.py``), the View it selects,
and the one error boundary around each page body.

The chosen view lives in the URL's query parameters (``?lang=en&as_of=2024-12-31&province=61``), so a
link pasted into a chat opens the same view. A page reads it with::

    with page.boundary() as view:
        ...
"""

from __future__ import annotations

import datetime as dt
import logging
import runpy
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import streamlit as st

from mpp_data import service
from mpp_data.errors import MppDataError
from mpp_data.present.safe import md_text
from mpp_data.present.text import DEFAULT_LANGUAGE, LANGUAGES, error_message, t
from ui import cache

logger = logging.getLogger(__name__)

_LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
EARLIEST = dt.date(2015, 1, 1)
_VIEW = "_view"  # the frame's View, taken by the page of the same run
_AS_OF_AUTO = "_as_of_auto"  # the as-of date the frame set itself (the data's date), not one chosen
_COMPARE_AUTO = "_compare_auto"  # the comparison date the frame chose itself (see _follow_as_of)
_IGNORED = "_ignored_params"  # a link's query parameters that could not be used (see _warn_ignored)
ENTRY_POINT = Path(__file__).resolve().parent.parent / "dashboard.py"

SIDEBAR_CHOICES = ("lang", "as_of", "province", "compare")
#: Choices made on one page that stay when one comes back to it. Streamlit forgets the value of a
#: widget on a run that does not draw it; writing the value back on every run keeps it (Streamlit's
#: documented way to keep a page widget's state across pages).
PAGE_CHOICES = (
    "province_detail",
    "region_search",
    "gap_stages",
    "gap_search",
    "work_list_agency",
    "map_shading",
    "plan_basis",
    "plan_target",
    "plan_statuses",
    "plan_pace",
)


@dataclass(frozen=True)
class View:
    """What every page draws from: the sidebar's ``scope`` (every date in it filled), the snapshot's
    record, the settings ``dashboard.py`` read on this run, and who is using the dashboard."""

    settings: service.Settings
    snapshot: dict
    scope: service.ViewScope
    #: Who is using the dashboard on this run (``ui.auth``); anonymous unless signed in.
    actor: service.Actor = service.ANONYMOUS

    @property
    def snapshot_id(self) -> int:
        return int(self.snapshot["id"])

    @property
    def lang(self) -> str:
        return self.scope.lang

    @property
    def as_of(self) -> dt.date:
        return self.scope.as_of  # type: ignore[return-value]  # the sidebar always sets it

    @property
    def compare(self) -> dt.date:
        return self.scope.compare_to  # type: ignore[return-value]

    @property
    def province(self) -> str | None:
        return self.scope.province

    def of(self, name: str, scope: service.ViewScope | None = None, **params: object) -> Any:
        """The cached view ``name`` (``service.VIEWS``) of this view's scope, or of ``scope``."""
        return cache.view(self.settings, scope or self.scope, name, **params)


@contextmanager
def _guard(lang: str, debug: bool) -> Iterator[None]:
    """Our own errors as their localised message; anything else as a plain apology with an id, the
    traceback in the log (and on the page only with ``MPP_DEBUG=1``). Streamlit's st.stop, st.rerun and
    st.switch_page raise ``ScriptControlException``, a ``BaseException``, so they pass through."""
    try:
        yield
    except MppDataError as exc:
        st.error(error_message(exc.code, exc.params, lang, escape=md_text))
        st.stop()
    except Exception as exc:
        error_id = uuid.uuid4().hex[:8]
        logger.exception("unexpected error on a page, id %s", error_id)
        st.error(error_message("error.unexpected", {}, lang) + " " + t("error.reference", lang, error_id=error_id))
        if debug:  # MPP_DEBUG
            st.exception(exc)
        st.stop()


@contextmanager
def boundary() -> Iterator[View]:
    """The one error boundary of a page: wraps the whole body, writes included, and hands it the View."""
    view = current_view()
    with _guard(view.lang, view.settings.debug):
        yield view


def current_view() -> View:
    """The View the frame chose on this run, taken once: a page that finds none ran without the frame
    (see ``_run_in_the_frame``)."""
    view = st.session_state.pop(_VIEW, None)
    if view is None:
        _run_in_the_frame()
    return view


def language() -> str:
    """The chosen language; the URL's ``?lang=en`` sets it on first load. Read before the sidebar is
    drawn: the page titles in the navigation need it."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state["lang"] = wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE
        if wanted not in LANGUAGES:
            _ignore("lang")
    return st.session_state["lang"]


def frame(lang: str, settings: service.Settings, actor: service.Actor = service.ANONYMOUS) -> None:
    """Draw the shared sidebar and keep the View it selects for the page of this run. Called by
    ``dashboard.py`` (which read ``settings`` on this run) before ``navigation.run()``, so the widgets
    keep their state across pages."""
    with _guard(lang, settings.debug):
        # The browser sends a choice back as its label, and labels change with the language ("Semua
        # provinsi" / "All provinces"); read now, with the last run's labels, and written back as values.
        _keep((*SIDEBAR_CHOICES, *PAGE_CHOICES))
        st.session_state[_VIEW] = _sidebar(settings, actor)
        _warn_ignored(lang)


def _keep(keys: tuple[str, ...]) -> None:
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def kept(key: str, default: object) -> dict:
    """Widget arguments for one of ``PAGE_CHOICES``: its first value, then whatever was chosen."""
    st.session_state.setdefault(key, default)
    return {"key": key}


def kept_following(key: str, default: object, follows: object) -> dict:
    """Like ``kept``, for a page choice that follows a sidebar choice: whenever the sidebar's value
    (``follows``) changes to one that is set, the page's choice takes it (the Provinces page's province
    follows the sidebar's); in between, whatever was chosen on the page stays."""
    seen = f"_{key}_follows"
    if follows and st.session_state.get(seen) != follows:
        st.session_state[key] = follows
    st.session_state[seen] = follows
    return kept(key, default)


def _date_param(name: str, upper: dt.date) -> dt.date | None:
    """The link's date ``name`` when it is one the date picker can show; noted as ignored otherwise."""
    if name not in st.query_params:
        return None
    try:
        value = dt.date.fromisoformat(st.query_params[name])
    except ValueError:
        value = None
    if value is None or not EARLIEST <= value <= upper:
        _ignore(name)
        return None
    return value


def _ignore(name: str) -> None:
    """Note a link's parameter that cannot be used, as written (the URL is rewritten before the warning)."""
    st.session_state.setdefault(_IGNORED, []).append(f"{name}={st.query_params.get(name, '')}")


def _warn_ignored(lang: str) -> None:
    """Say once which of a link's parameters were not used, rather than quietly showing the defaults."""
    ignored = st.session_state.pop(_IGNORED, None)
    if ignored:
        st.warning(t("link.ignored", lang, params=md_text(", ".join(ignored))), icon="⚠️")


def _sidebar(settings: service.Settings, actor: service.Actor) -> View:
    snapshot_id = cache.latest_snapshot_id(settings)
    snapshot = cache.snapshot_data(settings, snapshot_id).snapshot
    latest = cache.default_as_of(settings, snapshot_id)
    upper = max(latest, dt.date.today())
    provinces = service.province_names()
    # first load: the URL's view; afterwards the widgets' own state
    first_load = "as_of" not in st.session_state
    if first_load:
        st.session_state["as_of"] = _date_param("as_of", upper) or latest
        st.session_state[_AS_OF_AUTO] = latest
        wanted_province = st.query_params.get("province", "")
        st.session_state["province"] = service.find_province(wanted_province) or ""
        if wanted_province and not st.session_state["province"]:
            _ignore("province")
    elif st.session_state["as_of"] == st.session_state.get(_AS_OF_AUTO) and latest != st.session_state["as_of"]:
        # the date was the data's own, not chosen: after a load (or a withdrawal) it follows the new data
        st.session_state["as_of"] = latest
        st.session_state[_AS_OF_AUTO] = latest
    _follow_as_of(_date_param("compare", upper) if first_load else None)
    bar = st.sidebar
    bar.radio(
        t("sidebar.language", language()), LANGUAGES, format_func=_LANGUAGE_NAMES.get, horizontal=True, key="lang"
    )
    lang = st.session_state["lang"]
    bar.date_input(t("sidebar.as_of", lang), min_value=EARLIEST, max_value=upper, format="DD/MM/YYYY", key="as_of")
    bar.selectbox(
        t("sidebar.province", lang),
        ["", *provinces],
        format_func=lambda c: provinces.get(c, t("sidebar.all_provinces", lang)),
        key="province",
    )
    # a year before an as-of date early in 2015 lies before EARLIEST: the picker reaches back to it
    earliest = min(EARLIEST, st.session_state["compare"])
    bar.date_input(t("sidebar.compare", lang), min_value=earliest, max_value=upper, format="DD/MM/YYYY", key="compare")
    scope = service.ViewScope(
        snapshot_id=snapshot_id,
        as_of=st.session_state["as_of"],
        compare_to=st.session_state["compare"],
        province=st.session_state["province"] or None,
        lang=lang,
        target_date=settings.target_date,  # the Overview's own date picker may set another for its page
        basis=settings.basis,
    )
    view = View(settings=settings, snapshot=snapshot, scope=scope, actor=actor)
    _write_query_params(view)
    return view


def _follow_as_of(linked: dt.date | None) -> None:
    """The comparison date follows the as-of date (a year earlier) until someone picks one, and never lies
    after it. ``_COMPARE_AUTO`` holds the date the frame set itself, so a date that differs was chosen."""
    as_of = st.session_state["as_of"]
    if "compare" not in st.session_state:  # first load: a link's date counts as chosen unless it is the default
        st.session_state[_COMPARE_AUTO] = service.default_compare(as_of)
        shown = linked
    else:
        shown = st.session_state["compare"]
    chosen = shown if shown is not None and shown != st.session_state.get(_COMPARE_AUTO) else None
    compare = service.compare_date(as_of, chosen=chosen)
    st.session_state["compare"] = compare
    st.session_state[_COMPARE_AUTO] = None if compare == chosen else compare


def _write_query_params(view: View) -> None:
    st.query_params.update({"lang": view.lang, "as_of": view.as_of.isoformat(), "compare": view.compare.isoformat()})
    if view.province:
        st.query_params["province"] = view.province
    elif "province" in st.query_params:
        del st.query_params["province"]


# A compromise Streamlit forces. Streamlit treats a ``pages/`` folder next to the entry point as an
# old-style multipage app (``PagesManager.uses_pages_directory``) until a run calls st.navigation, and
# AppTest sets that flag afresh on every run. Then a page is run by itself, without ``dashboard.py``:
# on a new server when the first visitor opens a page by its URL (``/provinces?lang=en``), and in
# AppTest after ``switch_page``. Such a page runs the entry point in its place: the same run, so every
# widget keeps its value, and the entry point's st.navigation runs the page inside its frame.
# Renaming ``pages/`` would avoid this, but the folder's name is part of the project's layout.
def _run_in_the_frame() -> NoReturn:
    runpy.run_path(str(ENTRY_POINT), run_name="__main__")
    st.stop()
