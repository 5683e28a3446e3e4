"""A Streamlit client without a browser: it speaks the websocket protocol (protobuf ``BackMsg`` out,
``ForwardMsg`` in) the way the frontend does, for the viewer benchmark and the server tests.

>>> # async with Viewer.connect("http://127.0.0.1:8501", cookies={"mpp_session": token}) as viewer:
>>> #     run = await viewer.run()            # the default page
>>> #     run = await viewer.run("upload")    # a page by its URL path
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from google.protobuf import text_format
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Run:
    """What one script run sent: its elements as text (for assertions), how long it took, how it ended."""

    texts: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # url paths the navigation lists
    seconds: float = 0.0
    finished: str = ""
    session_id: str = ""

    def contains(self, text: str) -> bool:
        return any(text in t for t in self.texts)


class Viewer:
    """One browser tab: one websocket, one Streamlit session."""

    def __init__(self, socket, session_id: str = "") -> None:  # a websockets connection
        self.socket = socket
        self.session_id = session_id

    @classmethod
    async def open(cls, base_url: str, *, cookies: dict[str, str] | None = None, session_id: str | None = None,
                   timeout: float = 60) -> Viewer:  # fmt: skip
        """Connect; ``session_id`` asks to reconnect to that existing Streamlit session."""
        ws_url = base_url.replace("http://", "ws://").replace("https://", "wss://").rstrip("/") + "/_stcore/stream"
        headers = {"Origin": base_url.rstrip("/")}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        protocols = ["streamlit", "xsrf", session_id] if session_id else ["streamlit"]
        socket = await websockets.connect(ws_url, subprotocols=protocols, additional_headers=headers,
                                          max_size=None, open_timeout=timeout)  # fmt: skip
        return cls(socket, session_id or "")

    async def close(self) -> None:
        await self.socket.close()

    async def __aenter__(self) -> Viewer:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def run(self, page: str = "", *, query: str = "", texts: bool = True, timeout: float = 120) -> Run:
        """Ask for a run of ``page`` (its URL path, "" for the default) and read until it finishes."""
        message = BackMsg()
        message.rerun_script.query_string = query
        message.rerun_script.page_name = page
        message.rerun_script.context_info.timezone = "Asia/Jakarta"
        message.rerun_script.context_info.locale = "id-ID"
        message.rerun_script.context_info.url = f"http://localhost/{page}"
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        run = Run(session_id=self.session_id)
        async with asyncio.timeout(timeout):
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await self.socket.recv())
                kind = forward.WhichOneof("type")
                if kind == "new_session":
                    self.session_id = run.session_id = forward.new_session.initialize.session_id
                elif kind == "navigation":
                    run.pages = [p.url_pathname for p in forward.navigation.app_pages]
                elif kind == "delta" and texts and forward.delta.WhichOneof("type") == "new_element":
                    run.texts.append(text_format.MessageToString(forward.delta.new_element, as_utf8=True))
                elif kind == "script_finished":
                    run.finished = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                    if run.finished != "FINISHED_EARLY_FOR_RERUN":
                        break
        run.seconds = time.perf_counter() - started
        return run
