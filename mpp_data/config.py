"""Settings read from ``MPP_*`` environment variables, when asked for, never at import.

``Settings.from_env()`` is called by the entry points only (``dashboard.py``, ``python -m mpp_data``,
``scripts/run_dashboard.py``) and the value is handed down. Each default is written once, as the field's
default: ``from_env`` reads a field's variable (``MPP_`` and the field's name in capitals, or the one its
metadata names) and converts it by the field's type; unset or empty means the default. This is the only
module that touches ``os.environ`` (``tests/unit/test_architecture.py`` checks).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mpp_data.reference.bases import DEFAULT_BASIS, check_basis

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_PATH = PROJECT_ROOT / "var" / "mpp.sqlite"
SAMPLE_DATA_DIR = PROJECT_ROOT / "sample_data"

_FALSE = ("", "0", "false")


def _setting(default: object, env: str | None = None, unit: int = 1) -> typing.Any:  # a field
    """A field read from ``env`` (default ``MPP_<NAME>``); a number given in ``unit`` (MB: 2**20) is scaled."""
    return field(default=default, metadata={"env": env, "unit": unit})


@dataclass(frozen=True)
class Settings:
    database_url: str = _setting(f"sqlite:///{DEFAULT_DATABASE_PATH}")
    #: Given as ``MPP_MAX_UPLOAD_MB`` (MB of 2**20 bytes, may be a fraction).
    max_upload_bytes: int = _setting(50 * 1024 * 1024, env="MPP_MAX_UPLOAD_MB", unit=1024 * 1024)
    #: The interface ``make run`` listens on: only this machine unless set (see README, serving colleagues).
    address: str = _setting("127.0.0.1")
    debug: bool = _setting(False)
    #: The date by which every kabupaten/kota should have an MPP; editable on the Overview page.
    target_date: dt.date = _setting(dt.date(2029, 12, 31))
    #: The counting basis shares are shown on by default: ``kemendagri`` (514 kabupaten/kota) or ``panrb``
    #: (508 autonomous kabupaten/kota plus DKI Jakarta as one unit); see ``mpp_data.reference.bases``.
    basis: str = _setting(DEFAULT_BASIS)
    #: A unit planned or under construction in uploads spanning more than this many months is stuck.
    stuck_months: int = _setting(12)
    #: An official boundary GeoJSON keyed by Kemendagri code; the map shades provinces when set.
    boundaries_path: str | None = _setting(None)
    #: The most positions a boundary file may hold (a detailed national file has about a million).
    max_boundary_points: int = _setting(2_000_000)
    #: A ministry .pptx whose slide masters the meeting briefing uses; the built-in design when unset.
    briefing_template: str | None = _setting(None)
    #: Untrusted files are parsed in a worker process: the memory it may take on top of its own start,
    #: and the seconds one file may take, before it is stopped.
    parse_memory_mb: int = _setting(1024)
    parse_timeout_s: float = _setting(60.0)
    #: Refused before parsing: a sheet declaring more cells or columns, a CSV with a longer line.
    max_cells: int = _setting(2_000_000)
    max_columns: int = _setting(1_000)
    #: Given as ``MPP_MAX_LINE_KB``.
    max_line_bytes: int = _setting(1024 * 1024, env="MPP_MAX_LINE_KB", unit=1024)
    #: Viewing is open to anyone who reaches the dashboard unless ``MPP_VIEW_REQUIRES_SIGN_IN=1``.
    view_requires_sign_in: bool = _setting(False)
    #: A built-in or link sign-in (a session in the store, held by a cookie) lasts this long at most,
    session_minutes: int = _setting(8 * 60)
    #: and ends sooner when the browser has not run a page for this long.
    session_idle_minutes: int = _setting(60)
    #: An upload session may hold this many files of ``max_upload_bytes`` at once (its byte budget);
    upload_files_per_session: int = _setting(10)
    #: all upload sessions of one process together at most this much.
    upload_total_mb: int = _setting(1024)
    #: Host names the server answers to (``MPP_ALLOWED_HOSTS``, comma-separated, any case); empty: any.
    allowed_hosts: tuple[str, ...] = _setting(())
    #: Production settings (``make serve``): metrics and cache clearing for admins only.
    production: bool = _setting(False)
    #: ``make serve`` only: HAProxy's port, the number of dashboard processes, the HAProxy program.
    port: int = _setting(8500)
    workers: int = _setting(2)
    haproxy: str = _setting("/usr/sbin/haproxy")
    #: Whether the launcher prints the first admin's sign-in link (``make serve`` prints it once itself).
    first_start_link: bool = _setting(True)
    #: The dashboard's address as people open it, for one-time sign-in links.
    base_url: str = _setting("http://localhost:8501")
    #: After failed sign-ins the form waits longer each time, never more than this (seconds).
    sign_in_max_delay_s: float = _setting(10.0)
    #: History shows original files, who loaded each upload and the rows corrected or left out (with
    #: reasons) to analysts and admins only, unless ``MPP_HISTORY_OPEN=1`` opens them to every viewer.
    history_open: bool = _setting(False)
    #: The most malls a register may hold after a load: every page reads the whole register.
    max_register_malls: int = _setting(20_000)
    #: The mail server subscriptions and alerts are sent through (``send-due``); no host: nothing can be sent.
    smtp_host: str | None = _setting(None)
    smtp_port: int = _setting(25)
    smtp_from: str = _setting("mpp-dashboard@localhost")
    smtp_starttls: bool = _setting(False)
    smtp_user: str | None = _setting(None)
    smtp_password: str | None = _setting(None)
    #: A send that failed is tried again at the next runs, this many attempts in all.
    send_max_attempts: int = _setting(3)
    #: The covered-count alert fires when the national covered count moves by more than this (0: any change).
    alert_covered_change: int = _setting(0)
    #: The no-upload alert fires when the newest upload is older than this many days.
    alert_no_upload_days: int = _setting(30)

    def __post_init__(self) -> None:
        object.__setattr__(self, "basis", check_basis(self.basis.strip().lower()))  # MPP_BASIS=PANRB is panrb

    @classmethod
    def variables(cls) -> dict[str, str]:
        """Field name -> the environment variable that sets it (``target_date`` -> ``MPP_TARGET_DATE``)."""
        return {f.name: f.metadata["env"] or f"MPP_{f.name.upper()}" for f in dataclasses.fields(cls)}

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings from ``environ`` (default: the process's environment); a variable unset or empty
        leaves its field's default.

        >>> Settings.from_env({}) == Settings(), Settings.from_env({"MPP_MAX_UPLOAD_MB": "0.5"}).max_upload_bytes
        (True, 524288)
        """
        env = os.environ if environ is None else environ
        hints = typing.get_type_hints(cls)
        units = {f.name: f.metadata["unit"] for f in dataclasses.fields(cls)}
        values: dict[str, typing.Any] = {}
        for name, variable in cls.variables().items():
            raw = env.get(variable, "")
            if raw != "":
                values[name] = _parse(raw, hints[name], units[name])
        return cls(**values)

    @property
    def session_budget_bytes(self) -> int:
        """What one upload session may hold at once: the upload limit times the files allowed."""
        return self.max_upload_bytes * self.upload_files_per_session

    @property
    def max_upload_mb(self) -> int:
        """The upload limit in whole MB of 2**20 bytes, rounded up, for Streamlit's uploader (it takes an int)."""
        return max(1, -(-self.max_upload_bytes // 2**20))


def _parse(raw: str, kind: object, unit: int) -> object:
    if kind is bool:
        return raw.strip().lower() not in _FALSE
    if kind is int:
        return int(float(raw) * unit) if unit != 1 else int(raw)
    if kind is float:
        return float(raw)
    if kind is dt.date:
        return dt.date.fromisoformat(raw)
    if kind == tuple[str, ...]:  # a comma-separated list, as host names are written: lower case
        return tuple(part.strip().lower() for part in raw.split(",") if part.strip())
    return raw  # str, and str | None


def environment_with(**extra: str) -> dict[str, str]:
    """The process's environment plus ``extra``: for a program this one starts (the launcher's Streamlit)."""
    return {**os.environ, **extra}


def environment_has(name: str) -> bool:
    """Whether ``name`` is set at all (the launcher keeps an explicit ``MPP_PRODUCTION=0``)."""
    return name in os.environ


def default_environment(name: str, value: str) -> None:
    """Set ``name`` for a library that reads the environment itself (kaleido's ``BROWSER_PATH``), unless set."""
    os.environ.setdefault(name, value)
