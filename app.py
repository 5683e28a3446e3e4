"""The served app: Streamlit's ASGI ``st.App`` around ``dashboard.py``, with the app's own routes and
middleware (``ui/http.py``). ``scripts/run_dashboard.py`` runs it (``make run``, ``make serve``); so does
``streamlit run app.py``.

Before the process reports ready (``/ready``, HAProxy's health check) it opens the store and builds the
sample's figures once, so that the first visitor does not pay for the imports and the first figures.
"""

from __future__ import annotations

import gc
import logging
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import streamlit as st
from starlette.middleware import Middleware

from mpp_data.config import Settings
from ui import http, warm

logger = logging.getLogger(__name__)

settings = Settings.from_env()
doors = http.Doors(settings)


@asynccontextmanager
async def lifespan(_app: st.App):
    await anyio.to_thread.run_sync(warm.warm_up, doors)
    gc.collect()
    gc.freeze()  # what the start-up made lives as long as the process: the collector need not walk it again
    doors.ready.set()
    logger.info("ready")
    yield None


app = st.App(
    Path(__file__).resolve().with_name("dashboard.py"),
    routes=http.routes(doors),
    middleware=[Middleware(http.DoorsMiddleware, doors=doors)],
    lifespan=lifespan,
)
