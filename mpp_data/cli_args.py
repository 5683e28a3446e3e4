"""The command line's argument types, shared help texts and parser: a bad argument is one line in the
user's language and exit code 2, and every command's help ends with its exit codes."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NoReturn

from mpp_data import service
from mpp_data.config import Settings
from mpp_data.errors import InvalidDate, InvalidMonth, SnapshotNotFound, UnknownProvince
from mpp_data.reference.regions import official_regions

if TYPE_CHECKING:
    from mpp_data.store import Store

EXIT_CODES = """exit codes:
  0    done
  2    a bad argument (a date, province or snapshot that does not exist), or no data yet
  141  the reader of the output stopped reading (as `head` does): the rest was not written"""
INGEST_EXIT_CODES = """exit codes:
  0    every row loaded
  1    some rows have errors: they were left out and are listed
  2    a file cannot be read, or a bad argument
  141  the reader of the output stopped reading (as `head` does): the rest was not written"""
DB_HELP = "database URL (default: MPP_DATABASE_URL or the local SQLite file)"
JSON_HELP = "print JSON instead of a table"
AS_OF_HELP = "YYYY-MM-DD (default: the latest date in the data)"
SNAPSHOT_HELP = "snapshot id (default: the newest)"
PROVINCE_HELP = 'province code (61) or name ("Kalimantan Barat")'
BASIS_HELP = "counting basis: kemendagri (514 kabupaten/kota) or panrb (508 + DKI Jakarta as one) (default: MPP_BASIS)"


class Parser(argparse.ArgumentParser):
    """Every command's help ends with its exit codes (``epilog``); a usage error is one line, exit 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("epilog", EXIT_CODES)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (--help)\n")


def with_settings(args: argparse.Namespace, environ: Mapping[str, str] | None = None) -> argparse.Namespace:
    """``args`` with ``settings``: read once from the environment, the store's URL from ``--db`` when given."""
    settings = Settings.from_env(environ)
    if getattr(args, "db", None):
        settings = dataclasses.replace(settings, database_url=args.db)
    args.settings = settings
    return args


def store_of(args: argparse.Namespace) -> Store:
    """The store the command works on (``--db``, else ``MPP_DATABASE_URL``), with the sample on first start."""
    return service.open_store(args.settings.database_url, settings=args.settings)


def scope_of(args: argparse.Namespace) -> service.ViewScope:
    """The view's scope as the command's arguments give it; what a command has no option for is its
    default (the newest snapshot, its newest date, national, ``MPP_TARGET_DATE``, ``MPP_BASIS``)."""
    return service.ViewScope(
        snapshot_id=getattr(args, "snapshot", None),
        as_of=getattr(args, "as_of", None),
        compare_to=getattr(args, "compare", None),
        province=getattr(args, "province", None),
        lang=args.lang,
        target_date=getattr(args, "target_date", None) or args.settings.target_date,
        basis=getattr(args, "basis", None) or args.settings.basis,
    )


# Argument types raise our own errors, not argparse's: ``main`` turns them into one line in the chosen
# language and exit code 2.
def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidDate(value=text) from None


def province_arg(text: str) -> str:
    """A province by its code (61) or its name (Kalimantan Barat), as its code."""
    code = service.find_province(text)
    if code is None:
        raise UnknownProvince(value=text)
    return code


def pace_arg(text: str) -> float:
    """A pace in units a year: a number, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"not a pace of units a year (0 or more) such as 40: {text!r}")
    return value


def month_arg(text: str) -> dt.date:
    """A month as ``YYYY-MM``, as its first day."""
    try:
        if len(text) == 7:
            return dt.date.fromisoformat(f"{text}-01")
    except ValueError:
        pass
    raise InvalidMonth(value=text)


def snapshot_arg(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise SnapshotNotFound(snapshot_id=text)
    return int(text)


def region_code_arg(text: str) -> str:
    if text not in set(official_regions()["code"]):
        raise argparse.ArgumentTypeError(f"not a kabupaten/kota code such as 61.03: {text!r}")
    return text
