"""Entry point: ``streamlit run dashboard.py``. Logging, the shared sidebar and the page list."""

import logging

import streamlit as st

from mpp_data.i18n import t
from ui import controls

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

st.set_page_config(page_title="MPP", page_icon=":material/account_balance:", layout="wide")
lang = controls.language()
PAGES = [
    st.Page("pages/overview.py", title=t("nav.overview", lang), icon=":material/dashboard:", default=True),
    st.Page("pages/provinces.py", title=t("nav.provinces", lang), icon=":material/map:"),
    st.Page("pages/gaps.py", title=t("nav.gaps", lang), icon=":material/checklist:"),
    st.Page("pages/agencies.py", title=t("nav.agencies", lang), icon=":material/groups:"),
    st.Page("pages/region.py", title=t("nav.region", lang), icon=":material/location_city:"),
    st.Page("pages/history.py", title=t("nav.history", lang), icon=":material/history:"),
    st.Page("pages/upload.py", title=t("nav.upload", lang), icon=":material/upload_file:"),
]
st.navigation(PAGES).run()
