"""Untrusted files read in a worker process with limits, so that no file can take the service down.

``check_files_isolated`` runs ``pipeline.check_files`` (the part that touches the uploaded bytes) in a
worker process and gives its ``IngestResult`` back. The worker's address space may grow by at most
``Settings.parse_memory_mb`` during a job (``resource.setrlimit(RLIMIT_AS)``); a file may take at most
``Settings.parse_timeout_s`` seconds; a file that says it is too big is refused before parsing
(``read.refuse_oversized``). A worker that runs out of memory, panics (the Rust reader's
``PanicException`` is a ``BaseException``), aborts or is killed at the time limit becomes one problem
naming that file, as an unreadable file does, and the other files are read again by a fresh worker.

One warm worker is kept between jobs (started from a forkserver that has the readers imported); one
whose memory grew during a job is retired, so the next upload starts from a small process again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import multiprocessing
import os
import sys
import threading
import time
import traceback
import types
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from multiprocessing.connection import Connection

import pandas as pd
import pyarrow

from mpp_data.config import Settings
from mpp_data.errors import MppDataError
from mpp_data.ingest.corrections import CellKey, RowKey
from mpp_data.ingest.pipeline import IngestResult, UploadedFile, check_files
from mpp_data.ingest.problems import ISSUE_COLUMNS, IssueKind, Problem
from mpp_data.ingest.read import ReadLimits, refuse_oversized
from mpp_data.ingest.transfer import receive_result, send_result

try:
    import resource
except ImportError:  # not on Windows: the worker runs without a memory cap there
    resource = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

#: A worker whose resident memory grew by more than this during a job is not kept warm.
RETIRE_GROWTH_MB = 256

#: (code, params) of a problem that stops one file.
FileError = tuple[str, dict]


@dataclasses.dataclass(frozen=True)
class WorkerRun:
    """How the last isolated check went: seconds in all, workers started, the worker's peak memory."""

    seconds: float
    workers_started: int
    worker_peak_mb: float | None  # None when the worker was stopped before it could say


_last_run: WorkerRun | None = None


def last_run() -> WorkerRun | None:
    return _last_run


def check_files_isolated(
    files: list[UploadedFile],
    aliases: dict[str, str],
    *,
    today: dt.date | None = None,
    settings: Settings | None = None,
    column_overrides: dict[tuple[str, str], dict[str, str]] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    corrections: Mapping[CellKey, str] | None = None,
    left_out: Mapping[RowKey, str] | None = None,
) -> IngestResult:
    """``check_files`` run in a worker process with limits; same arguments, same result."""
    global _last_run
    started, started_workers = time.perf_counter(), _pool.started
    settings = settings or Settings.from_env()
    today = today or dt.date.today()
    failed: dict[int, FileError] = {}
    peak = None
    while True:
        todo = [i for i in range(len(files)) if i not in failed]
        if not todo:  # every file failed: the result of reading none, with their problems
            result = check_files([], aliases, today=today, settings=settings)
            break
        job = _Job(
            files, todo, aliases, today, settings, column_overrides or {}, dict(corrections or {}), dict(left_out or {})
        )
        result, refused, failure, peak = _pool.run(job, progress)
        failed |= refused
        if result is not None:
            break
        failed[failure[0]] = failure[1]  # read the other files again without the one that stopped the worker
    if progress:
        progress(len(files), len(files), "")
    _last_run = WorkerRun(time.perf_counter() - started, _pool.started - started_workers, peak)
    return _with_file_errors(result, files, failed)


def warm_up(settings: Settings | None = None) -> None:
    """Start the warm worker now (a running dashboard does this once), so no upload waits for it."""
    check_files_isolated(
        [UploadedFile("warm_up.csv", b"Kabupaten/Kota,Status\nKota Depok,Beroperasi\n")], {}, settings=settings
    )


def _with_file_errors(result: IngestResult, files: list[UploadedFile], failed: dict[int, FileError]) -> IngestResult:
    """The result with one error row for each file that stopped or was refused, in file order."""
    if not failed:
        return result
    rows = {i: _file_issue(files[i].name, *failed[i]) for i in failed}
    parts = [
        pd.DataFrame([rows[i]], columns=ISSUE_COLUMNS) if i in rows else result.issues[result.issues["file"] == f.name]
        for i, f in enumerate(files)
    ]
    issues = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    return dataclasses.replace(result, issues=issues, unreadable=True)


def _file_issue(file: str, code: str, params: dict) -> dict:
    """A whole file's problem, shaped as ``pipeline`` shapes an unreadable file's."""
    kind = IssueKind.for_error_code(code)
    return Problem(
        file, params.get("sheet"), None, None, file, kind, kind.severity, {"error_code": code, "file": file, **params}
    ).as_record()


@dataclasses.dataclass(frozen=True)
class _Job:
    files: list[UploadedFile]
    todo: list[int]  # indexes into files of those to read this time
    aliases: dict[str, str]
    today: dt.date
    settings: Settings
    column_overrides: dict[tuple[str, str], dict[str, str]]
    corrections: dict[CellKey, str] = dataclasses.field(default_factory=dict)
    left_out: dict[RowKey, str] = dataclasses.field(default_factory=dict)


@contextmanager
def main_script_hidden() -> Iterator[None]:
    """A new process imports the parent's ``__main__`` again, and Streamlit runs each page script as
    ``__main__``: the worker would run the dashboard. While it starts, ``__main__`` is a bare stand-in."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: multiprocessing.context.BaseContext) -> None:
        self.conn, child = context.Pipe()
        # typeshed has Process on each concrete context, not on BaseContext, which they all are
        self.process = context.Process(target=_serve, args=(child,), name="mpp-parse-worker", daemon=True)  # type: ignore[attr-defined]
        with main_script_hidden():
            self.process.start()
        child.close()
        # A worker that cannot start (say, the parent's main script cannot be imported again) is no
        # file's fault: that is an error of the service, raised here rather than reported on a file.
        try:
            ready = self.conn.poll(120) and self.conn.recv() == ("ready",)
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.kill()
            raise RuntimeError(f"the parse worker did not start (exit code {self.process.exitcode})")

    def stop(self) -> None:
        self.conn.close()  # the worker leaves at the end of its pipe
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class _Pool:
    """Workers for jobs; one idle worker is kept warm. A second upload at the same time gets its own."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: list[_Worker] = []
        self.started = 0
        self.context: multiprocessing.context.BaseContext | None = None

    def _take(self) -> _Worker:
        with self.lock:
            while self.idle:
                worker = self.idle.pop()
                if worker.process.is_alive():
                    return worker
                worker.kill()
            if self.context is None:
                self.context = _context()
            self.started += 1
        return _Worker(self.context)

    def _give_back(self, worker: _Worker) -> None:
        with self.lock:
            if not self.idle:
                self.idle.append(worker)
                return
        worker.stop()

    def run(
        self, job: _Job, progress: Callable[[int, int, str], None] | None
    ) -> tuple[IngestResult | None, dict[int, FileError], tuple[int, FileError] | None, float | None]:
        """(result, files refused before parsing, (file, problem) that stopped the worker, worker peak MB)."""
        worker = self._take()
        try:
            outcome = _exchange(worker, job, progress)
        except BaseException:  # a stopped script (a Streamlit rerun) leaves no half-read answer in the pipe
            worker.kill()
            raise
        result, refused, failure, peak, keep = outcome
        if keep:
            self._give_back(worker)
        elif failure:
            worker.kill()
        else:
            worker.stop()
        return result, refused, failure, peak


_pool = _Pool()


def _context() -> multiprocessing.context.BaseContext:
    """forkserver: each worker is forked from a small server that has imported the readers once, not
    from the dashboard's own threaded process; spawn where there is no forkserver."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def _exchange(
    worker: _Worker, job: _Job, progress: Callable[[int, int, str], None] | None
) -> tuple[IngestResult | None, dict[int, FileError], tuple[int, FileError] | None, float | None, bool]:
    limit = job.settings.parse_timeout_s
    current = job.todo[0]
    try:
        worker.conn.send(job)
    except (BrokenPipeError, EOFError, OSError):
        return None, {}, (current, _crash(worker, job.settings)), None, False
    deadline = time.monotonic() + limit
    while True:
        if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
            worker.kill()
            logger.warning("parse of %s stopped after %.0f s", job.files[current].name, limit)
            seconds = int(limit) if limit == int(limit) else limit
            return None, {}, (current, ("error.parse_timeout", {"seconds": seconds})), None, False
        try:
            message = worker.conn.recv()
            if message[0] == "result":
                message = receive_result(worker.conn, message[1])
        except (EOFError, OSError):
            return None, {}, (current, _crash(worker, job.settings)), None, False
        kind = message[0]
        if kind == "reading":
            current, deadline = message[1], time.monotonic() + limit
            if progress:
                progress(current, len(job.files), job.files[current].name)
        elif kind == "result":
            _, result, refused, peak, keep = message
            return result, refused, None, peak, keep
        else:  # "failed": the worker caught what stopped it and leaves
            _, code, params, detail = message
            log = logger.error if code == "error.unexpected" else logger.warning
            log("parse of %s stopped: %s", job.files[current].name, detail)
            return None, {}, (current, (_public_code(code), params)), None, False


def _public_code(code: str) -> str:
    # An unexpected error in our own reading code is that file's problem too: the file is not read.
    return "error.file_too_complex" if code == "error.unexpected" else code


def _crash(worker: _Worker, settings: Settings) -> FileError:
    """The problem of a worker that died without a word: out of memory (abort, kill) or a crash."""
    worker.process.join(timeout=5)
    code = worker.process.exitcode
    logger.warning("parse worker ended with exit code %s", code)
    if code in (-6, -9):  # SIGABRT: a failed allocation in the Rust reader; SIGKILL: the kernel's OOM killer
        return "error.file_too_complex", {"reason": "memory", "memory_mb": settings.parse_memory_mb}
    return "error.file_too_complex", {"reason": "crashed"}


# --- in the worker process ---------------------------------------------------------------------------


def _serve(conn: Connection) -> None:
    """Answer jobs until the parent closes the pipe. A job that fails ends the process."""
    # The Rust reader prints panics on stderr; the parent reports them as a file's problem instead.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    # Arrow's default allocator reserves about 1 GB of address space on first use, which the memory cap
    # would count against the file; the system allocator reserves only what is used.
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    start_rss = _rss_mb()
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if not _answer(conn, job, start_rss):
            return


def _answer(conn: Connection, job: _Job, start_rss: float) -> bool:
    refused: dict[int, FileError] = {}
    limits = ReadLimits(job.settings.max_cells, job.settings.max_columns, job.settings.max_line_bytes)
    readable = []
    current = job.todo[0]
    _cap_memory(job.settings.parse_memory_mb)
    try:
        for i in job.todo:
            current = i
            try:
                refuse_oversized(job.files[i].name, job.files[i].content, limits)
                readable.append(i)
            except MppDataError as exc:
                refused[i] = (exc.code, exc.params)

        def reading(step: int, steps: int, name: str) -> None:
            nonlocal current
            if step < steps:
                current = readable[step]
                conn.send(("reading", current))

        result = check_files(
            [job.files[i] for i in readable],
            job.aliases,
            today=job.today,
            settings=job.settings,
            column_overrides=job.column_overrides,
            progress=reading,
            corrections=job.corrections,
            left_out=job.left_out,
        )
    except MemoryError:
        _uncap_memory()
        conn.send(
            (
                "failed",
                "error.file_too_complex",
                {"reason": "memory", "memory_mb": job.settings.parse_memory_mb},
                "out of memory",
            )
        )
        return False
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: B036 - a Rust panic (pyo3 PanicException) is a BaseException
        _uncap_memory()
        panic = type(exc).__name__ == "PanicException"
        code = "error.file_too_complex" if panic else "error.unexpected"
        detail = f"{type(exc).__name__}: {exc}" if panic else traceback.format_exc()
        conn.send(("failed", code, {"reason": "crashed"}, detail))
        return False
    _uncap_memory()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if resource else None
    keep = _rss_mb() - start_rss < RETIRE_GROWTH_MB
    send_result(conn, ("result", result, refused, peak, keep))
    return keep


def _cap_memory(megabytes: int) -> None:
    """Let the address space grow by ``megabytes`` from here: a parse that wants more fails in the worker."""
    used = _address_space_bytes()
    if resource is None or used is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = used + megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _uncap_memory() -> None:
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_AS, (resource.getrlimit(resource.RLIMIT_AS)[1],) * 2)


def _status_kb(field: str) -> int | None:
    """A field of /proc/self/status (Linux); None elsewhere."""
    try:
        with open("/proc/self/status") as status:
            return next((int(line.split()[1]) for line in status if line.startswith(field)), None)
    except OSError:
        return None


def _address_space_bytes() -> int | None:
    kb = _status_kb("VmSize:")
    return None if kb is None else kb * 1024


def _rss_mb() -> float:
    return (_status_kb("VmRSS:") or 0) / 1024
