"""Fuzz (issue #11): 200 mutated workbooks and CSVs through ``python -m mpp_data ingest FILE --dry-run --json``.

Every one ends with exit 0, 1 or 2, within 20 s and 1.5 GB, and prints no traceback. Most run the CLI's
``main`` in this process (the warm parse worker is shared, as in a running dashboard); a subset runs the
real command in a subprocess. Memory: this process's peak, the worker's own peak where it reports one (a
worker stopped by its memory cap cannot exceed it), and each subprocess's peak.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import resource
import subprocess
import sys
import time

import pytest

from mpp_data.__main__ import main
from mpp_data.ingest import isolation
from tests.conftest import ROOT
from tests.loaders import hostile

FILES = hostile.mutated_files(200)
SUBPROCESS_EVERY = 25  # 8 of the 200 run as a real command
LIMIT_SECONDS = 20
LIMIT_MB = 1536


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


@pytest.mark.fuzz
@pytest.mark.serial  # each file within 20 s: a time limit
def test_two_hundred_mutated_files_each_end_cleanly_through_the_cli(tmp_path, caplog):
    assert len(FILES) >= 200 and len({f.name for f in FILES}) == len(FILES)
    codes = {}
    for index, file in enumerate(FILES):
        path = tmp_path / file.name
        path.write_bytes(file.content)
        args = ["ingest", str(path), "--dry-run", "--json"]
        started = time.perf_counter()
        if index % SUBPROCESS_EVERY == 0:
            done = subprocess.run([sys.executable, "-m", "mpp_data", *args], cwd=ROOT, capture_output=True,
                                  text=True, timeout=LIMIT_SECONDS)  # fmt: skip
            code, out, err = done.returncode, done.stdout, done.stderr
            assert _peak_mb(resource.RUSAGE_CHILDREN) < LIMIT_MB, file.name
        else:
            out_buffer, err_buffer = io.StringIO(), io.StringIO()
            caplog.clear()
            with caplog.at_level(logging.WARNING), contextlib.redirect_stdout(out_buffer), \
                    contextlib.redirect_stderr(err_buffer):  # fmt: skip
                code = main(args)
            out, err = out_buffer.getvalue(), err_buffer.getvalue() + caplog.text
            run = isolation.last_run()
            assert run.worker_peak_mb is None or run.worker_peak_mb < LIMIT_MB, file.name
        seconds = time.perf_counter() - started
        assert code in (0, 1, 2), (file.name, code, err[-2000:])
        assert seconds < LIMIT_SECONDS, (file.name, seconds)
        assert "Traceback" not in out + err and "panicked" not in err, (file.name, err[-2000:])
        report = json.loads(out)
        if code == 2:  # a file that could not be read is named in both languages (a sheet without a table by its sheet)
            stopping = [i for i in report["issues"] if i["severity"] == "error" and i["kind"] != "no_table_found"]
            for issue in stopping:
                assert f"“{file.name}”" in issue["message_id"] and f"“{file.name}”" in issue["message_en"], issue
            assert stopping or report["issues"][0]["kind"] == "no_table_found", report["issues"]
        codes[file.name] = code
    assert _peak_mb(resource.RUSAGE_SELF) < LIMIT_MB
    # The mutations reach every ending, not only refusals.
    assert set(codes.values()) == {0, 1, 2}, codes
