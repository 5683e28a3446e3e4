"""The app's own HTTP side (``app.py`` mounts it on Streamlit's ASGI ``st.App``): the session cookie's route,
and one middleware in front of every request that holds the server's doors.

- ``/auth/session?signin=TOKEN`` (a one-time link) or ``?handoff=TOKEN`` (the sidebar's password form, after
  a good password) starts a session in the store and sets its token as an HttpOnly, SameSite=Lax cookie
  (Secure over TLS), then sends the browser on to the page it came for. A link opened at any page
  (``/upload?signin=TOKEN``, the form the CLI prints) lands on the same code before Streamlit serves the page.
- ``/_stcore/upload_file/...`` is refused (403) unless the cookie's session belongs to someone who may check
  uploads; each upload session holds at most ``session_budget_bytes`` and the process
  ``upload_total_mb`` (413), counting what is stored and what is on its way.
- In production settings ``/_stcore/metrics`` and the websocket's ``clear_cache`` message are an admin's.
- A Host allow-list, and on every response a frame-ancestors policy, ``X-Content-Type-Options`` and
  ``Referrer-Policy``.

``/ready`` answers 200 once the process has warmed up (what HAProxy's health check asks), 503 before.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

import anyio
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from mpp_data import service
from mpp_data.config import Settings
from mpp_data.errors import MppDataError

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UPLOAD_PREFIX = "/_stcore/upload_file/"
METRICS_PATH = "/_stcore/metrics"
SESSION_PATH = "/auth/session"
READY_PATH = "/ready"
#: Query parameter the page shows a notice for when a link or handoff was not good.
FAILED_PARAM = "signin_failed"
SECURITY_HEADERS = [
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


class Doors:
    """What the middleware and the route share in one process: the settings, a store, the readiness flag
    and the upload bytes on their way (reserved by Content-Length until the request ends)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules = service.SessionRules(minutes=settings.session_minutes, idle_minutes=settings.session_idle_minutes)
        self.ready = threading.Event()
        self._store: Any = None
        self._lock = threading.Lock()
        self._reserved: dict[str, int] = {}

    @property
    def store(self):  # the service's Store
        with self._lock:
            if self._store is None:
                self._store = service.open_store(self.settings.database_url, settings=self.settings)
            return self._store

    def actor(self, cookie_header: str | None) -> service.Actor:
        return service.session_actor(self.store, _cookie(cookie_header), self.rules)

    # -- upload budget ---------------------------------------------------------------
    def reserve(self, session_id: str, length: int, stored: Callable[[str], tuple[int, int]]) -> bool:
        """Reserve ``length`` bytes for an upload to ``session_id``; False when a budget would be passed.
        ``stored(session_id)`` gives (bytes stored for that session, bytes stored in the process)."""
        with self._lock:
            in_session, in_process = stored(session_id)
            mine = self._reserved.get(session_id, 0)
            total = sum(self._reserved.values())
            if in_session + mine + length > self.settings.session_budget_bytes:
                return False
            if in_process + total + length > self.settings.upload_total_mb * 2**20:
                return False
            self._reserved[session_id] = mine + length
            return True

    def release(self, session_id: str, length: int) -> None:
        with self._lock:
            left = self._reserved.get(session_id, 0) - length
            if left > 0:
                self._reserved[session_id] = left
            else:
                self._reserved.pop(session_id, None)


def _cookie(header: str | None) -> str | None:
    if not header:
        return None
    jar = SimpleCookie()
    try:
        jar.load(header)
    except Exception:  # a malformed Cookie header is no session, whatever is wrong with it
        return None
    morsel = jar.get(service.COOKIE)
    return morsel.value if morsel else None


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _safe_next(path: str | None) -> str:
    """Only a path of this site: never ``//elsewhere`` or ``https://elsewhere``."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


def _over_tls(scope: Scope, settings: Settings) -> bool:
    forwarded = (_header(scope, b"x-forwarded-proto") or "").lower()
    return scope.get("scheme") in ("https", "wss") or forwarded == "https" or settings.base_url.startswith("https")


def _stored_upload_bytes(session_id: str) -> tuple[int, int]:
    from streamlit.runtime import Runtime

    manager = Runtime.instance().uploaded_file_mgr
    files = getattr(manager, "file_storage", {}).get(session_id, {})
    in_session = sum(len(f.data) for f in list(files.values()))
    return in_session, int(getattr(manager, "_total_bytes", 0))


def session_response(doors: Doors, scope: Scope, params: dict[str, str], next_path: str) -> Response:
    """Start the session a link or a handoff names, set its cookie and send the browser to ``next_path``."""
    token_kind = "signin" if "signin" in params else "handoff"
    token = params.get(token_kind, "")
    rest = {k: v for k, v in params.items() if k not in ("signin", "handoff", "next", FAILED_PARAM)}
    try:
        if token_kind == "signin":
            started = service.start_from_link(doors.store, token, doors.rules)
        else:
            started = service.start_from_handoff(doors.store, token, doors.rules)
    except MppDataError:
        rest[FAILED_PARAM] = "1"
        return RedirectResponse(f"{next_path}?{urlencode(rest)}", status_code=303)
    target = f"{next_path}?{urlencode(rest)}" if rest else next_path
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        service.COOKIE,
        started.token,
        max_age=started.max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=_over_tls(scope, doors.settings),
    )
    response.headers["cache-control"] = "no-store"
    return response


def routes(doors: Doors) -> list[Route]:
    """The app's own routes: the session cookie's, the sign-out's and readiness."""

    async def session_route(request) -> Response:  # a Starlette Request
        params = dict(request.query_params)
        next_path = _safe_next(params.get("next"))
        return await anyio.to_thread.run_sync(session_response, doors, request.scope, params, next_path)

    async def sign_out_route(request) -> Response:
        def end() -> None:
            token = request.cookies.get(service.COOKIE)
            service.end_session(doors.store, token, service.session_actor(doors.store, token, doors.rules))

        await anyio.to_thread.run_sync(end)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(service.COOKIE, path="/")
        return response

    async def ready_route(request) -> Response:
        return PlainTextResponse("ok" if doors.ready.is_set() else "warming up", 200 if doors.ready.is_set() else 503)

    return [
        Route(SESSION_PATH, session_route, methods=["GET"]),
        Route("/auth/sign-out", sign_out_route, methods=["GET", "POST"]),
        Route(READY_PATH, ready_route, methods=["GET", "HEAD"]),
    ]


class DoorsMiddleware:
    """The one middleware of the app (pure ASGI: websockets pass through it too)."""

    def __init__(self, app: ASGIApp, doors: Doors, stored: Callable[[str], tuple[int, int]] | None = None) -> None:
        self.app = app
        self.doors = doors
        self.stored = stored or _stored_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if not self._host_allowed(scope):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
            else:
                await PlainTextResponse("unknown host", 400)(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await self._websocket(scope, receive, send)
            return
        await self._http(scope, receive, _with_security_headers(send))

    def _host_allowed(self, scope: Scope) -> bool:
        allowed = self.doors.settings.allowed_hosts
        if not allowed:
            return True
        host = (_header(scope, b"host") or "").lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in allowed or host in allowed

    async def _actor(self, scope: Scope) -> service.Actor:
        return await anyio.to_thread.run_sync(self.doors.actor, _header(scope, b"cookie"))

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        params = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if (
            scope.get("method") == "GET"
            and not path.startswith("/_stcore/")
            and path != SESSION_PATH
            and ("signin" in params)
        ):
            response = await anyio.to_thread.run_sync(session_response, self.doors, scope, params, _safe_next(path))
            await response(scope, receive, send)
            return
        if path.startswith(UPLOAD_PREFIX) and scope.get("method") in ("PUT", "POST"):
            await self._upload(scope, receive, send, path)
            return
        if path.startswith(METRICS_PATH) and self.doors.settings.production:
            actor = await self._actor(scope)
            if not service.can(actor, service.Action.READ_AUDIT):
                await PlainTextResponse("forbidden", 403)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    async def _upload(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        actor = await self._actor(scope)
        if not service.can(actor, service.Action.CHECK_UPLOAD):
            await PlainTextResponse("forbidden", 403)(scope, receive, send)
            return
        try:
            length = int(_header(scope, b"content-length") or "")
        except ValueError:
            await PlainTextResponse("length required", 411)(scope, receive, send)
            return
        session_id = path[len(UPLOAD_PREFIX) :].split("/", 1)[0]
        if length < 0 or not self.doors.reserve(session_id, length, self.stored):
            await PlainTextResponse("upload budget exceeded", 413)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > length:  # more than it declared: cut it off
                    raise _BodyTooLong()
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLong:
            await PlainTextResponse("body longer than Content-Length", 400)(scope, receive, send)
        finally:
            self.doors.release(session_id, length)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.doors.settings.production:
            await self.app(scope, receive, send)
            return
        actor = await self._actor(scope)
        may_clear = service.can(actor, service.Action.CHANGE_SETTINGS)

        async def filtered() -> Message:
            while True:
                message = await receive()
                data = message.get("bytes") if message["type"] == "websocket.receive" else None
                if data is None or may_clear or not _is_clear_cache(data):
                    return message
                logger.warning("refused a clear_cache message from a client that is not an admin")

        await self.app(scope, filtered, send)


class _BodyTooLong(Exception):
    pass


def _is_clear_cache(data: bytes) -> bool:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    message = BackMsg()
    try:
        message.ParseFromString(data)
    except Exception:  # not a BackMsg: Streamlit closes the socket itself
        return False
    return message.WhichOneof("type") == "clear_cache"


def _with_security_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            names = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = list(message.get("headers", [])) + [
                (k, v) for k, v in SECURITY_HEADERS if k not in names
            ]
        await send(message)

    return sending
