"""The command line run inside the test process, as sqlite-utils' ``CliRunner`` runs its CLI.

``run_cli("metrics", "--json")`` calls ``mpp_data.__main__.main(argv)`` with standard input, output and
error captured, and gives back what a ``subprocess.run(..., capture_output=True, text=True)`` of
``python -m mpp_data`` would: the exit code (``main``'s return value, a ``SystemExit``'s code, or 1 with
the traceback on standard error for an unexpected exception), the output decoded as UTF-8 with universal
newlines, and the bytes as written (``stdout_bytes``, for ``export -o -``). A run sees the same
environment a child process would (the test's ``os.environ``, plus ``env``), the repository as its
working directory, an 80-column terminal for ``--help`` and the WARNING log lines on its standard error.

Importing the package once instead of starting Python for each run saves about a second a call. Keep
real ``python -m mpp_data`` runs (``run_cli_process``) for what only a process shows: a closed pipe, a
password prompt on a terminal, no network, processes starting together, the environment read at start.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class CliResult:
    """What one run of the command line gave: as ``subprocess.CompletedProcess`` names it."""

    args: tuple[str, ...]
    returncode: int
    stdout_bytes: bytes
    stderr_bytes: bytes

    @property
    def stdout(self) -> str:
        return _text(self.stdout_bytes)

    @property
    def stderr(self) -> str:
        return _text(self.stderr_bytes)


def _text(data: bytes) -> str:
    """Decoded as ``subprocess.run(text=True)`` decodes: UTF-8, ``\\r\\n`` and ``\\r`` read as ``\\n``."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None).read()


@contextlib.contextmanager
def _environment(changes: Mapping[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _stream() -> io.TextIOWrapper:
    # write_through: what print wrote is in the bytes even when the command fails half-way
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)


def run_cli(*args: str, env_url: str | None = None, env: Mapping[str, str] | None = None) -> CliResult:
    """``python -m mpp_data ARGS`` in this process; ``env_url`` sets ``MPP_DATABASE_URL``."""
    from mpp_data.__main__ import main

    changes = {"COLUMNS": "80", **(env or {}), **({"MPP_DATABASE_URL": env_url} if env_url else {})}
    out, err = _stream(), _stream()
    log = logging.StreamHandler(err)
    log.setLevel(logging.WARNING)  # as main's logging.basicConfig(level=WARNING) in a process of its own
    log.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    root.addHandler(log)
    try:
        with (
            _environment(changes),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            contextlib.chdir(ROOT),
        ):
            saved_stdin, sys.stdin = sys.stdin, io.StringIO()
            try:
                code = main(list(args))
            except SystemExit as exit_:
                if isinstance(exit_.code, str):
                    print(exit_.code, file=sys.stderr)
                    code = 1
                else:
                    code = exit_.code or 0
            except Exception:  # as the interpreter does: the traceback on standard error, exit code 1
                traceback.print_exc()
                code = 1
            finally:
                sys.stdin = saved_stdin
    finally:
        # main's basicConfig may have added a handler on the captured stream: the test's logging returns
        root.handlers[:] = handlers
        root.setLevel(level)
    return CliResult(args, code, out.buffer.getvalue(), err.buffer.getvalue())


def run_cli_process(
    *args: str, env_url: str | None = None, env: Mapping[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess:
    """A real ``python -m mpp_data ARGS`` in a new process, for what only a process shows; ``env`` is
    its whole environment (default: this one's), ``env_url`` sets ``MPP_DATABASE_URL`` in it."""
    environment = dict(os.environ if env is None else env) | ({"MPP_DATABASE_URL": env_url} if env_url else {})
    return subprocess.run(
        [sys.executable, "-m", "mpp_data", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )
