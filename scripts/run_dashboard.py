"""Start the dashboard with the server settings taken from ``MPP_*`` (what ``make run`` calls).

``MPP_ADDRESS`` (default 127.0.0.1: only this machine) becomes ``--server.address``;
``MPP_MAX_UPLOAD_MB`` becomes Streamlit's ``--server.maxUploadSize`` (both count 1 MB as 2**20 bytes),
so Streamlit refuses no file the app would take. ``MPP_DEBUG=1`` lets Streamlit show tracebacks too.
Extra arguments are passed on to ``streamlit run`` (``--server.port=8600``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpp_data.config import Settings  # noqa: E402 - after the project folder is on the path


def streamlit_command(settings: Settings, extra: list[str] | None = None) -> list[str]:
    """The ``streamlit run`` command line for these settings."""
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
               f"--server.address={settings.address}", f"--server.maxUploadSize={settings.max_upload_mb}"]  # fmt: skip
    if settings.debug:
        command.append("--client.showErrorDetails=full")
    return command + list(extra or [])


def main() -> None:
    command = streamlit_command(Settings.from_env(), sys.argv[1:])
    os.chdir(ROOT)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
