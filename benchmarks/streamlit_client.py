"""A Streamlit client without a browser: it speaks the websocket protocol (protobuf ``BackMsg`` out,
``ForwardMsg`` in) the way the frontend does, for the viewer benchmark and the server tests.

>>> # async with Viewer.connect("http://127.0.0.1:8501", cookies={"mpp_session": token}) as viewer:
>>> #     run = await viewer.run()            # the default page
>>> #     run = await viewer.run("upload")    # a page by its URL path
>>> #     # a form sent as the browser sends it: its fields' values and its submit button, by widget key
>>> #     run = await viewer.run(widgets={run.widgets["sign_in_email"]: "a@b.id", run.widgets["sign_in_submit"]: True})
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
    widgets: dict[str, str] = field(default_factory=dict)  # a keyed text input's or button's key -> its widget id

    def contains(self, text: str) -> bool:
        return any(text in t for t in self.texts)


class Viewer:
    """One browser tab: one websocket, one Streamlit session."""

    def __init__(self, socket, session_id: str = "") -> None:  # a websockets connection
        self.socket = socket
        self.session_id = session_id

    @classmethod
    async def open(cls, base_url: str, *, cookies: dict[str, str] | None = None, session_id: str | None = None,
                   timeout: float = 60, source: str | None = None) -> Viewer:  # fmt: skip
        """Connect; ``session_id`` asks to reconnect to that existing Streamlit session; ``source`` is the local
        address to connect from (another loopback address such as 127.0.0.2 is another client)."""
        ws_url = base_url.replace("http://", "ws://").replace("https://", "wss://").rstrip("/") + "/_stcore/stream"
        headers = {"Origin": base_url.rstrip("/")}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        protocols = ["streamlit", "xsrf", session_id] if session_id else ["streamlit"]
        socket = await websockets.connect(ws_url, subprotocols=protocols, additional_headers=headers,
                                          max_size=None, open_timeout=timeout,
                                          **({"local_addr": (source, 0)} if source else {}))  # fmt: skip
        return cls(socket, session_id or "")

    async def close(self) -> None:
        await self.socket.close()

    async def __aenter__(self) -> Viewer:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def run(self, page: str = "", *, query: str = "", texts: bool = True, timeout: float = 120,
                  widgets: dict[str, str | bool] | None = None) -> Run:  # fmt: skip
        """Ask for a run of ``page`` (its URL path, "" for the default) and read until it finishes; ``widgets``
        (widget id -> a text, or True for a pressed button) are the values the browser would send."""
        message = BackMsg()
        for widget_id, value in (widgets or {}).items():
            state = message.rerun_script.widget_states.widgets.add(id=widget_id)
            if value is True:
                state.trigger_value = True
            else:
                state.string_value = str(value)
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
                elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                    element = forward.delta.new_element
                    if element.WhichOneof("type") in ("text_input", "button"):
                        widget_id = getattr(element, element.WhichOneof("type")).id
                        run.widgets[widget_id.split("-", 2)[-1]] = widget_id  # "$$ID-<hash>-<key>"
                    if texts:
                        run.texts.append(text_format.MessageToString(element, as_utf8=True))
                elif kind == "script_finished":
                    run.finished = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                    if run.finished != "FINISHED_EARLY_FOR_RERUN":
                        break
        run.seconds = time.perf_counter() - started
        return run
