"""Start the dashboard with the server settings taken from ``MPP_*`` (what ``make run`` calls).

``MPP_ADDRESS`` (default 127.0.0.1: only this machine) becomes ``--server.address``;
``MPP_MAX_UPLOAD_MB`` becomes Streamlit's ``--server.maxUploadSize`` (both count 1 MB as 2**20 bytes),
so Streamlit refuses no file the app would take. ``MPP_DEBUG=1`` lets Streamlit show tracebacks too.
Extra arguments are passed on to ``streamlit run`` (``--server.port=8600``).

Before the server starts: the store is opened (the sample loaded on first start) and, until an
administrator has signed in, a one-time admin sign-in link is made. It is never written to standard output
or a log: it goes to the controlling terminal when there is one, and to ``var/first-start-link`` (readable
by this user only), which is removed once the link can no longer be made. The
cookie secret (signing Streamlit's cookies and XSRF tokens, and the ``st.login`` session) is made once and
kept in ``var/cookie_secret``, outside the repository; it reaches Streamlit through the environment, and
through a private copy of ``.streamlit/secrets.toml`` in ``var/`` when ``[auth]`` lacks one.
"""

from __future__ import annotations

import os
import secrets
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpp_data.config import Settings, environment_with  # noqa: E402 - after the project folder is on the path

VAR = ROOT / "var"
PROJECT_SECRETS = ROOT / ".streamlit" / "secrets.toml"


#: What a server does not need: the file watcher (15% of a view's time), run on save, development options,
#: and a full garbage collection after every run (``runner.postScriptGC``: 40% of an Overview view's CPU
#: with pandas, plotly and SQLAlchemy loaded; Python's own collector still runs, and app.py freezes the
#: objects of the start-up so that it does not walk them).
PRODUCTION_OPTIONS = ["--server.fileWatcherType=none", "--server.runOnSave=false", "--global.developmentMode=false",
                      "--client.toolbarMode=viewer", "--browser.gatherUsageStats=false",
                      "--runner.postScriptGC=false"]  # fmt: skip


def streamlit_command(settings: Settings, extra: list[str] | None = None) -> list[str]:
    """The ``streamlit run`` command line for these settings: ``app.py`` (``dashboard.py`` with the app's
    own routes and middleware) with what a server does not need turned off."""
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               f"--server.address={settings.address}", f"--server.maxUploadSize={settings.max_upload_mb}",
               *PRODUCTION_OPTIONS]  # fmt: skip
    if settings.debug:
        command.append("--client.showErrorDetails=full")
    return command + list(extra or [])


def _private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)


def cookie_secret(var: Path = VAR) -> str:
    """The secret in ``var/cookie_secret``, made on first start (readable by this user only)."""
    path = var / "cookie_secret"
    if not path.exists():
        _private(path, secrets.token_urlsafe(48))
    return path.read_text(encoding="utf-8").strip()


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def _toml(table: dict, prefix: str = "") -> str:
    plain = [f"{k} = {_toml_value(v)}" for k, v in table.items() if not isinstance(v, dict)]
    lines = ([f"[{prefix}]"] if prefix and plain else []) + plain
    for key, value in table.items():
        if isinstance(value, dict):
            lines += ["", _toml(value, f"{prefix}.{key}" if prefix else key)]
    return "\n".join(lines)


def secrets_with_cookie_secret(secret: str, project: Path = PROJECT_SECRETS, var: Path = VAR) -> Path | None:
    """A private copy of the project's secrets with ``[auth] cookie_secret`` filled in, when ``[auth]``
    has none (Streamlit merges secret files only at the top level, so the copy holds everything)."""
    if not project.exists():
        return None
    config = tomllib.loads(project.read_text(encoding="utf-8"))
    if "auth" not in config or config["auth"].get("cookie_secret"):
        return None
    config["auth"] = {"cookie_secret": secret, **config["auth"]}
    path = var / "streamlit-secrets.toml"
    _private(path, _toml(config) + "\n")
    return path


def first_start_link(settings: Settings) -> str | None:
    from mpp_data import service

    store = service.open_store(settings.database_url, settings=settings)
    try:
        return service.first_start_link(store, settings.base_url)
    finally:
        store.dispose()


def show_first_start_link(link: str | None, var: Path = VAR) -> None:
    """The link on the terminal (``/dev/tty``, which no redirection of the output catches) and in a
    private file; standard output only says where to find it. No link: the stale file is removed."""
    path = var / "first-start-link"
    if link is None:
        path.unlink(missing_ok=True)
        return
    _private(path, link + "\n")
    try:
        with open("/dev/tty", "w", encoding="utf-8") as terminal:
            terminal.write(f"\n  Sign in as the first admin (once, within a day):\n\n    {link}\n\n")
    except OSError:
        pass  # no terminal (a service, a container): the file alone holds it
    print(f"\n  The first admin's one-time sign-in link is in {path} (readable by you only).\n", flush=True)


def main() -> None:
    settings = Settings.from_env()
    secret = cookie_secret()
    extra = sys.argv[1:]
    if merged := secrets_with_cookie_secret(secret):
        extra = [f"--secrets.files={merged}", *extra]
    # make serve shows the link once for all its processes (MPP_FIRST_START_LINK=0 for each of them)
    if settings.first_start_link:
        show_first_start_link(first_start_link(settings))
    command = streamlit_command(settings, extra)
    os.chdir(ROOT)
    # XSRF protection stays on (Streamlit's default); its tokens are signed with this secret.
    os.execve(command[0], command, environment_with(STREAMLIT_SERVER_COOKIE_SECRET=secret))


if __name__ == "__main__":
    main()
