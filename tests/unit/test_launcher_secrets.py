"""The launcher's first start: a cookie secret made once and kept outside the repository, merged into
``[auth]`` when the project's secrets lack one; XSRF stays on; a one-time admin link is printed."""

from __future__ import annotations

import stat
import tomllib

import pytest

from mpp_data import service
from mpp_data.config import Settings
from mpp_data.errors import SignInLinkInvalid
from tests.conftest import ROOT
from tests.unit.test_server_settings import launcher

KEYCLOAK = """
[auth]
redirect_uri = "https://mpp.example.go.id/oauth2callback"

[auth.keycloak]
client_id = "mpp-dashboard"
client_secret = "s3cr\\"et"
server_metadata_url = "https://sso.example.go.id/realms/kemenpan/.well-known/openid-configuration"
client_kwargs = { scope = "openid email profile" }
"""


def test_the_cookie_secret_is_made_once_readable_by_its_owner_only(tmp_path):
    run = launcher()
    first = run.cookie_secret(tmp_path)
    assert len(first) >= 48
    assert run.cookie_secret(tmp_path) == first
    assert stat.S_IMODE((tmp_path / "cookie_secret").stat().st_mode) == 0o600


def test_the_secret_is_kept_outside_the_repository_and_never_committed():
    assert launcher().VAR == ROOT / "var"
    assert "var/" in (ROOT / ".gitignore").read_text().splitlines()
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text().splitlines()


def test_auth_without_a_cookie_secret_gets_one_in_a_private_copy(tmp_path):
    run = launcher()
    project = tmp_path / "secrets.toml"
    project.write_text(KEYCLOAK)
    merged = run.secrets_with_cookie_secret("geheim", project, tmp_path / "var")
    assert tomllib.loads(merged.read_text()) == {"auth": {**tomllib.loads(KEYCLOAK)["auth"], "cookie_secret": "geheim"}}
    assert stat.S_IMODE(merged.stat().st_mode) == 0o600
    project.write_text('[auth]\ncookie_secret = "own"\n')
    assert run.secrets_with_cookie_secret("geheim", project, tmp_path / "var2") is None, "a set secret is kept"
    assert run.secrets_with_cookie_secret("geheim", tmp_path / "none.toml", tmp_path / "var3") is None


def test_xsrf_protection_is_not_turned_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"].get("enableXsrfProtection", True) is True
    assert "enableXsrfProtection" not in " ".join(launcher().streamlit_command(Settings.from_env({}), []))


def test_first_start_prints_a_one_time_admin_link_until_the_store_has_an_admin(sqlite_url):
    settings = Settings.from_env({"MPP_DATABASE_URL": sqlite_url, "MPP_BASE_URL": "http://localhost:8600"})
    link = launcher().first_start_link(settings)
    assert link.startswith("http://localhost:8600/?signin=")
    store = service.open_store(sqlite_url)
    admin = service.redeem_sign_in_link(store, link.split("signin=")[1])
    service.add_user(store, "kepala@example.go.id", "admin", actor=admin)
    store.dispose()
    assert launcher().first_start_link(settings) is None


def test_the_first_start_link_never_reaches_standard_output_and_its_file_is_private(tmp_path, capsys):
    """On main the link was printed to standard output, and so into any log of the server."""
    token = "s3cr3t-token-value"
    launcher().show_first_start_link(f"http://localhost:8501/?signin={token}", tmp_path)
    captured = capsys.readouterr()
    assert token not in captured.out and token not in captured.err
    kept = tmp_path / "first-start-link"
    assert kept.read_text().strip() == f"http://localhost:8501/?signin={token}"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    launcher().show_first_start_link(None, tmp_path)  # an admin has signed in: no link, no file
    assert not kept.exists()


def test_no_first_start_link_once_the_first_admin_has_signed_in(sqlite_url):
    settings = Settings.from_env({"MPP_DATABASE_URL": sqlite_url})
    first = launcher().first_start_link(settings)
    second = launcher().first_start_link(settings)
    store = service.open_store(sqlite_url)
    service.redeem_sign_in_link(store, second.split("signin=")[1])
    store.dispose()
    assert launcher().first_start_link(settings) is None
    store = service.open_store(sqlite_url)
    with pytest.raises(SignInLinkInvalid):
        service.redeem_sign_in_link(store, first.split("signin=")[1])
    store.dispose()
