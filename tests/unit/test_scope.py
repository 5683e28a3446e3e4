"""The view's scope and the settings: one value each, built once by an entry point and handed down."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mpp_data import service
from mpp_data.__main__ import build_parser
from mpp_data.cli_args import scope_of, with_settings
from mpp_data.config import Settings
from tests.conftest import ROOT


def test_a_scope_is_a_value_a_cache_can_key_on():
    scope = service.ViewScope(snapshot_id=3, as_of=dt.date(2024, 12, 31), province="61", lang="en")
    same = service.ViewScope(snapshot_id=3, as_of=dt.date(2024, 12, 31), province="61", lang="en")
    assert scope == same and hash(scope) == hash(same) and len({scope, same}) == 1
    assert scope.replace(province=None) != scope and scope.replace(province=None).province is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        scope.as_of = dt.date(2020, 1, 1)  # type: ignore[misc]


def test_then_is_the_same_view_on_the_comparison_date():
    scope = service.ViewScope(as_of=dt.date(2024, 12, 31), compare_to=dt.date(2023, 12, 31), province="61")
    assert scope.then == service.ViewScope(as_of=dt.date(2023, 12, 31), compare_to=dt.date(2023, 12, 31), province="61")


def test_a_scope_refuses_what_it_cannot_mean():
    with pytest.raises(ValueError, match="counting basis"):
        service.ViewScope(basis="bps")
    with pytest.raises(TypeError, match="as_of must be a date"):
        service.ViewScope(as_of="2024-12-31")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="compare_to must be a date"):
        service.ViewScope(compare_to=dt.datetime(2024, 1, 1))
    assert service.ViewScope(basis="panrb").basis == "panrb"  # the planner's second basis has its place


def test_settle_fills_the_defaults_for_one_snapshot(sqlite_url):
    data = service.load_snapshot(service.open_store(sqlite_url))
    settled = service.settle(data, service.ViewScope(province="61"))
    newest = service.default_as_of(data)
    assert (settled.snapshot_id, settled.as_of, settled.province) == (int(data.snapshot["id"]), newest, "61")
    assert settled.compare_to == dt.date(newest.year - 1, newest.month, newest.day)
    chosen = service.ViewScope(as_of=dt.date(2023, 1, 1), compare_to=dt.date(2022, 6, 30))
    assert service.settle(data, chosen).replace(snapshot_id=None) == chosen


def test_the_cli_builds_one_scope_from_its_arguments_and_the_settings():
    argv = ["briefing", "-o", "x.pptx", "--as-of", "2024-12-31", "--compare", "2024-06-30", "--province", "61",
            "--snapshot", "2", "--lang", "en", "--db", "sqlite:///elsewhere.sqlite"]  # fmt: skip
    args = with_settings(build_parser().parse_args(argv), {"MPP_TARGET_DATE": "2030-06-30"})
    assert args.settings.database_url == "sqlite:///elsewhere.sqlite"  # --db wins over MPP_DATABASE_URL
    assert scope_of(args) == service.ViewScope(snapshot_id=2, as_of=dt.date(2024, 12, 31),
                                               compare_to=dt.date(2024, 6, 30), province="61", lang="en",
                                               target_date=dt.date(2030, 6, 30))  # fmt: skip
    given = with_settings(build_parser().parse_args(["metrics", "--target-date", "2027-01-01"]), {})
    assert scope_of(given).target_date == dt.date(2027, 1, 1) and scope_of(given).as_of is None


def test_every_setting_has_one_default_and_its_variable_in_the_readme():
    assert Settings.from_env({}) == Settings()
    readme = (ROOT / "README.md").read_text()
    for name, variable in Settings.variables().items():
        assert f"`{variable}`" in readme, variable
        assert Settings.from_env({variable: ""}) == Settings(), name  # empty is unset


@pytest.mark.parametrize(
    ("variable", "raw", "field", "value"),
    [
        ("MPP_TARGET_DATE", "2031-01-31", "target_date", dt.date(2031, 1, 31)),
        ("MPP_DEBUG", "1", "debug", True),
        ("MPP_DEBUG", "false", "debug", False),
        ("MPP_PARSE_TIMEOUT_S", "2.5", "parse_timeout_s", 2.5),
        ("MPP_MAX_LINE_KB", "2", "max_line_bytes", 2048),
        ("MPP_MAX_CELLS", "10", "max_cells", 10),
        ("MPP_BOUNDARIES_PATH", "/srv/batas.geojson", "boundaries_path", "/srv/batas.geojson"),
    ],
)
def test_each_variable_sets_its_field_in_its_unit(variable, raw, field, value):
    assert getattr(Settings.from_env({variable: raw}), field) == value
