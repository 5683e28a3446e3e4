"""The one place where errors become text a person reads."""

from __future__ import annotations

import logging

import streamlit as st

from mpp_data.config import Settings
from mpp_data.errors import MppDataError
from mpp_data.present.text import error_message

logger = logging.getLogger(__name__)


def show_error(exc: Exception, lang: str) -> None:
    """A localised message for our own errors; a plain apology (traceback only with MPP_DEBUG=1) otherwise."""
    if isinstance(exc, MppDataError):
        st.error(error_message(exc.code, exc.params, lang))
        return
    logger.exception("unexpected error on a page")
    st.error(error_message("error.unexpected", {}, lang))
    if Settings.from_env().debug:
        st.exception(exc)
