"""Settings read from ``MPP_*`` environment variables, when asked for, never at import."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from mpp_data.reference.bases import DEFAULT_BASIS, check_basis

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_PATH = PROJECT_ROOT / "var" / "mpp.sqlite"
SAMPLE_DATA_DIR = PROJECT_ROOT / "sample_data"


@dataclass(frozen=True)
class Settings:
    database_url: str
    max_upload_bytes: int = 50 * 1024 * 1024
    #: The interface ``make run`` listens on: only this machine unless set (see README, serving colleagues).
    address: str = "127.0.0.1"
    debug: bool = False
    #: The date by which every kabupaten/kota should have an MPP; editable on the Overview page.
    target_date: dt.date = dt.date(2029, 12, 31)
    #: The counting basis shares are shown on by default: ``kemendagri`` (514 kabupaten/kota) or ``panrb``
    #: (508 autonomous kabupaten/kota plus DKI Jakarta as one unit); see ``mpp_data.reference.bases``.
    basis: str = DEFAULT_BASIS
    #: A unit planned or under construction in uploads spanning more than this many months is stuck.
    stuck_months: int = 12
    #: An official boundary GeoJSON keyed by Kemendagri code; the map shades provinces when set.
    boundaries_path: str | None = None
    #: The most positions a boundary file may hold (a detailed national file has about a million).
    max_boundary_points: int = 2_000_000
    #: A ministry .pptx whose slide masters the meeting briefing uses; the built-in design when unset.
    briefing_template: str | None = None
    #: Untrusted files are parsed in a worker process: the memory it may take on top of its own start,
    #: and the seconds one file may take, before it is stopped.
    parse_memory_mb: int = 1024
    parse_timeout_s: float = 60.0
    #: Refused before parsing: a sheet declaring more cells or columns, a CSV with a longer line.
    max_cells: int = 2_000_000
    max_columns: int = 1_000
    max_line_bytes: int = 1024 * 1024
    #: Viewing is open to anyone who reaches the dashboard unless ``MPP_VIEW_REQUIRES_SIGN_IN=1``.
    view_requires_sign_in: bool = False
    #: A built-in or link sign-in (a session in the store, held by a cookie) lasts this long at most,
    session_minutes: int = 8 * 60
    #: and ends sooner when the browser has not run a page for this long.
    session_idle_minutes: int = 60
    #: An upload session may hold this many files of ``max_upload_bytes`` at once (its byte budget);
    upload_files_per_session: int = 10
    #: all upload sessions of one process together at most this much.
    upload_total_mb: int = 1024
    #: Host names the server answers to (``MPP_ALLOWED_HOSTS``, comma-separated); empty: any.
    allowed_hosts: tuple[str, ...] = ()
    #: Production settings (``make serve``): metrics and cache clearing for admins only.
    production: bool = False
    #: The dashboard's address as people open it, for one-time sign-in links.
    base_url: str = "http://localhost:8501"
    #: After failed sign-ins the form waits longer each time, never more than this (seconds).
    sign_in_max_delay_s: float = 10.0
    #: History shows original files, who loaded each upload and the rows corrected or left out (with
    #: reasons) to analysts and admins only, unless ``MPP_HISTORY_OPEN=1`` opens them to every viewer.
    history_open: bool = False
    #: The most malls a register may hold after a load: every page reads the whole register.
    max_register_malls: int = 20_000
    #: The mail server subscriptions and alerts are sent through (``send-due``); no host: nothing can be sent.
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "mpp-dashboard@localhost"
    smtp_starttls: bool = False
    smtp_user: str | None = None
    smtp_password: str | None = None
    #: A send that failed is tried again at the next runs, this many attempts in all.
    send_max_attempts: int = 3
    #: The covered-count alert fires when the national covered count moves by more than this (0: any change).
    alert_covered_change: int = 0
    #: The no-upload alert fires when the newest upload is older than this many days.
    alert_no_upload_days: int = 30

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        url = env.get("MPP_DATABASE_URL") or f"sqlite:///{DEFAULT_DATABASE_PATH}"
        max_mb = float(env.get("MPP_MAX_UPLOAD_MB", "50"))
        return cls(
            database_url=url,
            max_upload_bytes=int(max_mb * 1024 * 1024),
            address=env.get("MPP_ADDRESS") or "127.0.0.1",
            debug=env.get("MPP_DEBUG", "") not in ("", "0", "false"),
            target_date=dt.date.fromisoformat(env.get("MPP_TARGET_DATE", "2029-12-31")),
            basis=check_basis((env.get("MPP_BASIS") or DEFAULT_BASIS).strip().lower()),
            stuck_months=int(env.get("MPP_STUCK_MONTHS") or 12),
            boundaries_path=env.get("MPP_BOUNDARIES_PATH") or None,
            max_boundary_points=int(env.get("MPP_MAX_BOUNDARY_POINTS") or 2_000_000),
            briefing_template=env.get("MPP_BRIEFING_TEMPLATE") or None,
            parse_memory_mb=int(env.get("MPP_PARSE_MEMORY_MB", "1024")),
            parse_timeout_s=float(env.get("MPP_PARSE_TIMEOUT_S", "60")),
            max_cells=int(env.get("MPP_MAX_CELLS", "2000000")),
            max_columns=int(env.get("MPP_MAX_COLUMNS", "1000")),
            max_line_bytes=int(float(env.get("MPP_MAX_LINE_KB", "1024")) * 1024),
            view_requires_sign_in=env.get("MPP_VIEW_REQUIRES_SIGN_IN", "") not in ("", "0", "false"),
            session_minutes=int(env.get("MPP_SESSION_MINUTES", "480")),
            session_idle_minutes=int(env.get("MPP_SESSION_IDLE_MINUTES", "60")),
            upload_files_per_session=int(env.get("MPP_UPLOAD_FILES_PER_SESSION", "10")),
            upload_total_mb=int(env.get("MPP_UPLOAD_TOTAL_MB", "1024")),
            allowed_hosts=tuple(h.strip().lower() for h in env.get("MPP_ALLOWED_HOSTS", "").split(",") if h.strip()),
            production=env.get("MPP_PRODUCTION", "") not in ("", "0", "false"),
            base_url=env.get("MPP_BASE_URL") or "http://localhost:8501",
            sign_in_max_delay_s=float(env.get("MPP_SIGN_IN_MAX_DELAY_S") or 10),
            history_open=env.get("MPP_HISTORY_OPEN", "") not in ("", "0", "false"),
            max_register_malls=int(env.get("MPP_MAX_REGISTER_MALLS") or 20_000),
            smtp_host=env.get("MPP_SMTP_HOST") or None,
            smtp_port=int(env.get("MPP_SMTP_PORT") or 25),
            smtp_from=env.get("MPP_SMTP_FROM") or "mpp-dashboard@localhost",
            smtp_starttls=env.get("MPP_SMTP_STARTTLS", "") not in ("", "0", "false"),
            smtp_user=env.get("MPP_SMTP_USER") or None,
            smtp_password=env.get("MPP_SMTP_PASSWORD") or None,
            send_max_attempts=int(env.get("MPP_SEND_MAX_ATTEMPTS") or 3),
            alert_covered_change=int(env.get("MPP_ALERT_COVERED_CHANGE") or 0),
            alert_no_upload_days=int(env.get("MPP_ALERT_NO_UPLOAD_DAYS") or 30),
        )

    @property
    def session_budget_bytes(self) -> int:
        """What one upload session may hold at once: the upload limit times the files allowed."""
        return self.max_upload_bytes * self.upload_files_per_session

    @property
    def max_upload_mb(self) -> int:
        """The upload limit in whole MB of 2**20 bytes, rounded up, for Streamlit's uploader (it takes an int)."""
        return max(1, -(-self.max_upload_bytes // 2**20))
