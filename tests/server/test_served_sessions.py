"""Sessions against a running server: the cookie is the credential, a Streamlit session id is worth nothing,
and the server's doors (uploads, metrics, cache clearing, Host, headers) hold. Issues 21.1, 22.1, 22.8."""

from __future__ import annotations

import concurrent.futures

import httpx
import pytest

from benchmarks.streamlit_client import Run, Viewer
from mpp_data import service
from tests.server.conftest import Loop, Served, run_async, session_cookie, start

pytestmark = pytest.mark.serial


def _signed_in(run: Run) -> bool:
    assert run.finished == "FINISHED_SUCCESSFULLY", run.finished
    signed_in, anonymous = run.contains('-sign_out"'), run.contains('-sign_in_submit"')
    assert signed_in != anonymous, "the sidebar shows either the way out or the way in"
    return signed_in


def _runs(url: str, cookie: str | None, pages: list[str], session_id: str | None = None) -> list[Run]:
    async def go() -> list[Run]:
        cookies = {service.COOKIE: cookie} if cookie else None
        async with await Viewer.open(url, cookies=cookies, session_id=session_id) as viewer:
            return [await viewer.run(page) for page in pages]

    return run_async(go())


def test_a_streamlit_session_id_alone_gives_an_anonymous_session(served: Served, served_store: str):
    cookie = session_cookie(served.url, served_store, "admin@example.go.id", "admin")

    async def attack() -> tuple[Run, Run, Run]:
        admin = await Viewer.open(served.url, cookies={service.COOKIE: cookie})
        first = await admin.run()
        # the attacker knows the admin's session id (upload URLs and the server log carry it) and reconnects
        # with it, without the admin's cookie
        attacker = await Viewer.open(served.url, session_id=admin.session_id)
        stolen = await attacker.run("users")
        again = await attacker.run()
        await attacker.close()
        await admin.close()
        return first, stolen, again

    first, stolen, again = run_async(attack())
    assert _signed_in(first)
    assert stolen.session_id == first.session_id, "the attacker did reconnect to the admin's Streamlit session"
    assert not _signed_in(again)
    assert not stolen.contains("users_table") and not stolen.contains('-sign_out"')


def test_a_sign_in_survives_new_connections_pages_by_url_and_another_process(served: Served, served_store: str):
    cookie = session_cookie(served.url, served_store, "ana@example.go.id", "analyst")
    first, by_url = _runs(served.url, cookie, ["", "upload"])
    assert _signed_in(first) and _signed_in(by_url)
    assert by_url.contains('-upload_files"'), "the upload page opened by its URL shows the uploader"
    (reload,) = _runs(served.url, cookie, [""])  # a reload or a new tab: a new connection with the cookie
    assert _signed_in(reload)
    other = start(served_store, "other")
    try:
        (there,) = _runs(other.url, cookie, ["upload"])
        assert _signed_in(there) and there.contains('-upload_files"')
        store = service.open_store(served_store)
        service.end_session(store, cookie, service.Actor("ana@example.go.id", service.Role.ANALYST))
        store.dispose()
        (after_there,) = _runs(other.url, cookie, ["upload"])
        (after_here,) = _runs(served.url, cookie, [""])
        assert not _signed_in(after_there) and not after_there.contains('-upload_files"')
        assert not _signed_in(after_here)
    finally:
        other.stop()


def test_disabling_the_user_ends_the_open_session_at_its_next_run(served: Served, served_store: str):
    cookie = session_cookie(served.url, served_store, "ida@example.go.id", "analyst")

    async def go() -> tuple[Run, Run]:
        async with await Viewer.open(served.url, cookies={service.COOKIE: cookie}) as viewer:
            before = await viewer.run()
            store = service.open_store(served_store)
            service.disable_user(store, "ida@example.go.id", actor=service.Actor("admin@x.go.id", service.Role.ADMIN))
            store.dispose()
            return before, await viewer.run()

    before, after = run_async(go())
    assert _signed_in(before) and not _signed_in(after)


def _put(url: str, session_id: str, file_id: str, size: int, cookies: dict[str, str], xsrf: str) -> httpx.Response:
    files = {"file": ("big.xlsx", b"\0" * size, "application/octet-stream")}
    return httpx.put(f"{url}/_stcore/upload_file/{session_id}/{file_id}", files=files, cookies=cookies,
                     headers={"X-Xsrftoken": xsrf, "Origin": url}, timeout=120)  # fmt: skip


def _xsrf(url: str) -> str:
    return httpx.get(f"{url}/_stcore/health", timeout=60).cookies["_streamlit_xsrf"]


def test_the_anonymous_upload_flood_is_refused_and_costs_no_memory(served: Served):
    async def session() -> str:
        viewer = await Viewer.open(served.url)
        await viewer.run()
        return viewer

    loop = Loop()
    viewer = loop.run(session())  # the attacker's own Streamlit session stays open
    try:
        xsrf = _xsrf(served.url)
        before = served.rss_mb
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda i: _put(served.url, viewer.session_id, f"f{i}", 49 * 2**20,
                                                   {"_streamlit_xsrf": xsrf}, xsrf), range(16)))  # fmt: skip
        after = served.rss_mb
    finally:
        loop.run(viewer.close())
        loop.close()
    assert [a.status_code for a in answers] == [403] * 16
    print(f"anonymous flood: server RSS {before:.0f} MB before, {after:.0f} MB after")
    assert after - before < 50, (before, after)


def test_an_analyst_uploads_within_the_session_budget_and_no_further(served: Served, served_store: str):
    cookie = session_cookie(served.url, served_store, "uli@example.go.id", "analyst")
    viewer_cookie = session_cookie(served.url, served_store, "vera@example.go.id", "viewer")
    xsrf = _xsrf(served.url)

    async def go() -> list[int]:
        async with await Viewer.open(served.url, cookies={service.COOKIE: cookie}) as analyst:
            await analyst.run("upload")
            jar = {service.COOKIE: cookie, "_streamlit_xsrf": xsrf}
            mb = 2**20 - 4096  # one file under the 1 MB limit, with room for the multipart framing
            codes = [_put(served.url, analyst.session_id, f"f{i}", mb, jar, xsrf).status_code for i in range(3)]
            as_viewer = {service.COOKIE: viewer_cookie, "_streamlit_xsrf": xsrf}
            codes.append(_put(served.url, analyst.session_id, "v", 1000, as_viewer, xsrf).status_code)
            return codes

    codes = run_async(go())
    assert codes[:2] == [204, 204] or all(200 <= c < 300 for c in codes[:2]), codes
    assert codes[2] == 413, "the third file passes the budget of two files of the upload limit"
    assert codes[3] == 403, "a viewer may not upload"


def test_files_left_behind_on_the_upload_page_are_let_go_when_the_session_opens_another(
    served: Served, served_store: str
):
    """Issue 21.4: Streamlit keeps a session's uploaded files until its tab closes; the dashboard drops them
    when the session opens another page. The session's byte budget shows it: full on Upload, free after."""
    cookie = session_cookie(served.url, served_store, "lia@example.go.id", "analyst")
    xsrf = _xsrf(served.url)
    jar = {service.COOKIE: cookie, "_streamlit_xsrf": xsrf}
    mb = 2**20 - 4096

    async def go() -> list[int]:
        async with await Viewer.open(served.url, cookies={service.COOKIE: cookie}) as analyst:
            await analyst.run("upload")
            codes = [_put(served.url, analyst.session_id, f"f{i}", mb, jar, xsrf).status_code for i in range(3)]
            again = await analyst.run("upload")  # a rerun of Upload keeps them
            assert again.finished == "FINISHED_SUCCESSFULLY"
            codes.append(_put(served.url, analyst.session_id, "f3", mb, jar, xsrf).status_code)
            left = await analyst.run("overview")
            assert left.finished == "FINISHED_SUCCESSFULLY"
            codes += [_put(served.url, analyst.session_id, f"g{i}", mb, jar, xsrf).status_code for i in range(2)]
            return codes

    codes = run_async(go())
    assert all(200 <= c < 300 for c in codes[:2]) and codes[2:4] == [413, 413], codes
    assert all(200 <= c < 300 for c in codes[4:]), f"the budget is free again after leaving Upload: {codes}"


def test_metrics_are_an_admins_and_every_answer_carries_the_security_headers(served: Served, served_store: str):
    anonymous = httpx.get(f"{served.url}/_stcore/metrics", timeout=60)
    assert anonymous.status_code == 403
    admin = session_cookie(served.url, served_store, "admin@example.go.id", "admin")
    assert httpx.get(f"{served.url}/_stcore/metrics", cookies={service.COOKIE: admin}, timeout=60).status_code == 200
    for path in ("/", "/_stcore/health", "/ready"):
        headers = httpx.get(f"{served.url}{path}", timeout=60).headers
        assert headers["content-security-policy"] == "frame-ancestors 'none'"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


def test_a_host_not_on_the_allow_list_is_refused(served: Served):
    assert httpx.get(served.url, headers={"Host": "evil.example"}, timeout=60).status_code == 400
    assert httpx.get(served.url, headers={"Host": "localhost"}, timeout=60).status_code == 200


def _figure_misses(url: str, admin_cookie: str) -> int:
    """How often a view (the Overview's figures among them) was computed rather than taken from the shared cache."""
    text = httpx.get(f"{url}/_stcore/metrics", cookies={service.COOKIE: admin_cookie}, timeout=60).text
    (line,) = [line for line in text.splitlines() if line.startswith("cache_lookups_total")
               and 'cache="ui.cache._view"' in line and 'result="miss"' in line]  # fmt: skip
    return int(float(line.rsplit(" ", 1)[1]))


def test_an_anonymous_clear_cache_message_clears_nothing(served: Served, served_store: str):
    from streamlit.proto.BackMsg_pb2 import BackMsg

    admin = session_cookie(served.url, served_store, "admin@example.go.id", "admin")
    clear = BackMsg()
    clear.clear_cache = True

    async def clear_then_run(cookie: str | None) -> None:
        async with await Viewer.open(served.url, cookies={service.COOKIE: cookie} if cookie else None) as viewer:
            await viewer.run()
            await viewer.socket.send(clear.SerializeToString())
            await viewer.run()  # messages are handled in order: a clear, when honoured, comes before this run

    _runs(served.url, None, [""])
    misses = _figure_misses(served.url, admin)
    run_async(clear_then_run(None))
    assert _figure_misses(served.url, admin) == misses, "the figures were still in the shared cache"
    run_async(clear_then_run(admin))  # an admin may: the measure does see a clear
    assert _figure_misses(served.url, admin) > misses
