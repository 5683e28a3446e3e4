"""Server settings: no tracebacks in the browser, this machine only by default, one upload limit in one unit."""

from __future__ import annotations

import importlib.util
import tomllib

import pytest

from mpp_data.config import Settings
from mpp_data.errors import FileTooLarge
from mpp_data.ingest.read import iter_sheets, megabytes
from mpp_data.present.text import error_message
from tests.conftest import ROOT


def launcher():
    spec = importlib.util.spec_from_file_location("run_dashboard", ROOT / "scripts" / "run_dashboard.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_streamlit_config_hides_tracebacks_and_listens_on_this_machine_only():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["maxUploadSize"] == Settings.from_env({}).max_upload_mb == 50


def test_make_run_starts_the_launcher():
    makefile = (ROOT / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/run_dashboard.py" in run and "streamlit run" not in run


def test_launcher_defaults_to_this_machine_and_the_default_limit():
    command = launcher().streamlit_command(Settings.from_env({}))
    assert command[1:4] == ["-m", "streamlit", "run"] and command[4].endswith("app.py")
    assert "--server.address=127.0.0.1" in command
    assert "--server.maxUploadSize=50" in command
    assert not any(a.startswith("--client.showErrorDetails") for a in command)


@pytest.mark.parametrize(("limit", "expected"), [("120", 120), ("0.5", 1), ("50.5", 51)])
def test_launcher_passes_the_address_and_the_upload_limit_in_whole_mb(limit, expected):
    settings = Settings.from_env({"MPP_ADDRESS": "10.0.0.5", "MPP_MAX_UPLOAD_MB": limit})
    command = launcher().streamlit_command(settings, ["--server.port=8600"])
    assert "--server.address=10.0.0.5" in command
    assert f"--server.maxUploadSize={expected}" in command, "Streamlit takes whole MB; never below the app's limit"
    assert expected * 2**20 >= settings.max_upload_bytes
    assert command[-1] == "--server.port=8600"


def test_debug_shows_tracebacks_in_the_browser_too():
    command = launcher().streamlit_command(Settings.from_env({"MPP_DEBUG": "1"}))
    assert "--client.showErrorDetails=full" in command


def test_size_messages_count_mb_as_streamlit_does():
    assert megabytes(50 * 2**20) == 50
    assert megabytes(60_000_000) == 57.2
    limit = Settings.from_env({"MPP_MAX_UPLOAD_MB": "1"}).max_upload_bytes
    with pytest.raises(FileTooLarge) as raised:
        next(iter_sheets("besar.csv", b"a,b\n" * (3 * 2**18), limit))  # 3 MB of 2**20 bytes
    assert raised.value.params["size_mb"] == 3 and raised.value.params["limit_mb"] == 1
    text = error_message(raised.value.code, raised.value.params, "en")
    assert "(3 MB; the limit is 1 MB)" in text


def test_the_default_limit_is_stated_as_50_mb_not_52():
    params = {
        "file": "f.csv",
        "size_mb": megabytes(60 * 2**20),
        "limit_mb": megabytes(Settings.from_env({}).max_upload_bytes),
    }
    assert "the limit is 50 MB" in error_message("error.file_too_large", params, "en")
    assert "batas 50 MB" in error_message("error.file_too_large", params, "id")
