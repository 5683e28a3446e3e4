"""Entry point: ``streamlit run dashboard.py``. Logging, sign-in, the page list, the shared sidebar, and nothing else."""

import logging
from pathlib import Path

import streamlit as st

from mpp_data import service
from mpp_data.present.text import t
from ui import auth, page, upload

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

# No page_title: the browser tab then carries the title of the page shown (st.Page's), so a reader with
# several tabs open finds "Peta" or "Riwayat" rather than six tabs titled "MPP".
st.set_page_config(page_icon=str(Path(__file__).parent / "ui" / "assets" / "favicon.png"), layout="wide")
# Streamlit's captions are grey at 3.9:1 on white; WCAG 2.1 AA asks 4.5:1 for text of that size (axe-core's
# colour-contrast rule, checked in tests/browser/test_visual_check.py). A style-only st.html takes no room.
st.html((Path(__file__).parent / "ui" / "assets" / "readable.css").read_text().join(("<style>", "</style>")))
settings = service.Settings.from_env()  # read once per run, here, and handed down
lang = page.language()
actor = auth.current_actor(settings, lang)
if not service.can(actor, service.Action.VIEW, view_requires_sign_in=settings.view_requires_sign_in):
    # viewing is closed (MPP_VIEW_REQUIRES_SIGN_IN=1): only the sign-in, on a page of its own
    st.navigation([st.Page(lambda: st.info(t("auth.required", lang)), title=t("auth.sign_in", lang))]).run()
    auth.sign_in_box(actor, lang, settings)
    st.stop()


def _shown(action: service.Action) -> str:
    """Write pages stay reachable by URL, to refuse there; they are listed only for those who may use them."""
    return "visible" if service.can(actor, action) else "hidden"


PAGES = {
    "overview.py": st.Page(
        "pages/overview.py", title=t("nav.overview", lang), icon=":material/dashboard:", default=True
    ),
    "map.py": st.Page("pages/map.py", title=t("nav.map", lang), icon=":material/public:"),
    "provinces.py": st.Page("pages/provinces.py", title=t("nav.provinces", lang), icon=":material/map:"),
    "gaps.py": st.Page("pages/gaps.py", title=t("nav.gaps", lang), icon=":material/checklist:"),
    "planner.py": st.Page("pages/planner.py", title=t("nav.plan", lang), icon=":material/flag:"),
    "agencies.py": st.Page("pages/agencies.py", title=t("nav.agencies", lang), icon=":material/groups:"),
    "region.py": st.Page("pages/region.py", title=t("nav.region", lang), icon=":material/location_city:"),
    "use.py": st.Page("pages/use.py", title=t("nav.use", lang), icon=":material/storefront:"),
    "history.py": st.Page("pages/history.py", title=t("nav.history", lang), icon=":material/history:"),
    "upload.py": st.Page(
        "pages/upload.py",
        title=t("nav.upload", lang),
        icon=":material/upload_file:",
        visibility=_shown(service.Action.CHECK_UPLOAD),
    ),  # fmt: skip
    "users.py": st.Page(
        "pages/users.py",
        title=t("nav.users", lang),
        icon=":material/group:",
        visibility=_shown(service.Action.MANAGE_USERS),
    ),  # fmt: skip
    "audit.py": st.Page(
        "pages/audit.py",
        title=t("nav.audit", lang),
        icon=":material/receipt_long:",
        visibility=_shown(service.Action.READ_AUDIT),
    ),  # fmt: skip
    "subscriptions.py": st.Page(
        "pages/subscriptions.py",
        title=t("nav.subscriptions", lang),
        icon=":material/mail:",
        visibility=_shown(service.Action.MANAGE_SUBSCRIPTIONS),
    ),  # fmt: skip
}
# expanded: every page is listed (Streamlit folds a list of more than ten behind "View more", which hid an
# admin's Users and Audit once the Use page came)
navigation = st.navigation(list(PAGES.values()), expanded=True)
page.frame(lang, settings, actor)  # the sidebar, drawn here so its widgets keep their state across pages
auth.sign_in_box(actor, lang, settings)
if navigation.url_path != PAGES["upload.py"].url_path:  # files uploaded and left behind are let go
    upload.release_files()
navigation.run()
