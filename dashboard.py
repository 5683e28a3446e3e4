"""Entry point: ``streamlit run dashboard.py``. Logging, the page list, the shared sidebar, and nothing else."""

import logging
from pathlib import Path

import streamlit as st

from mpp_data.present.text import t
from ui import page

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

st.set_page_config(
    page_title="MPP", page_icon=str(Path(__file__).parent / "ui" / "assets" / "favicon.png"), layout="wide"
)
lang = page.language()
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
page.frame(lang)  # the sidebar, drawn here so its widgets keep their state across pages
navigation.run()
