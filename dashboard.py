"""Entry point: ``streamlit run dashboard.py``. Logging, the page list, and nothing else."""

import logging
from pathlib import Path

import streamlit as st

from mpp_data.present.text import t
from ui import controls

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

st.set_page_config(
    page_title="MPP", page_icon=str(Path(__file__).parent / "ui" / "assets" / "favicon.png"), layout="wide"
)
wanted = controls.take_wanted_page()  # a page opened by its URL, sent here first (see ui.controls)
if wanted:
    st.query_params.from_dict(wanted[1])
lang = controls.language()
PAGES = {
    "overview.py": st.Page(
        "pages/overview.py", title=t("nav.overview", lang), icon=":material/dashboard:", default=True
    ),
    "map.py": st.Page("pages/map.py", title=t("nav.map", lang), icon=":material/public:"),
    "provinces.py": st.Page("pages/provinces.py", title=t("nav.provinces", lang), icon=":material/map:"),
    "gaps.py": st.Page("pages/gaps.py", title=t("nav.gaps", lang), icon=":material/checklist:"),
    "agencies.py": st.Page("pages/agencies.py", title=t("nav.agencies", lang), icon=":material/groups:"),
    "region.py": st.Page("pages/region.py", title=t("nav.region", lang), icon=":material/location_city:"),
    "history.py": st.Page("pages/history.py", title=t("nav.history", lang), icon=":material/history:"),
    "upload.py": st.Page("pages/upload.py", title=t("nav.upload", lang), icon=":material/upload_file:"),
}
navigation = st.navigation(list(PAGES.values()))
if wanted:
    st.switch_page(PAGES[wanted[0]], query_params=wanted[1])
controls.run_page(navigation)
