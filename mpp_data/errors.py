"""Problems that stop the work. Each has a stable ``code``; ``i18n`` holds its text."""

from __future__ import annotations


class MppDataError(Exception):
    """Base class. ``params`` fill the localised message named by ``code``."""

    code = "error.unexpected"

    def __init__(self, **params: object) -> None:
        self.params = params
        super().__init__(f"{self.code} {params}")


class NoDataError(MppDataError):
    code = "error.no_data"


class SnapshotNotFound(MppDataError):
    code = "error.snapshot_not_found"


class InvalidDate(MppDataError):
    """A date given as an argument is not a YYYY-MM-DD date (``value``)."""

    code = "error.invalid_date"


class UnknownProvince(MppDataError):
    """A province given as an argument is neither a province code nor a province's name (``value``)."""

    code = "error.unknown_province"


class UnreadableFile(MppDataError):
    code = "error.unreadable_file"


class InvalidBoundaries(UnreadableFile):
    """A boundary file that breaks one of the checks in ``mpp_data.ingest.boundaries``; ``reason`` says which."""

    code = "error.invalid_boundaries"


class EncryptedFile(MppDataError):
    code = "error.encrypted_file"


class FileTooLarge(MppDataError):
    code = "error.file_too_large"


class FileTooComplex(MppDataError):
    """A file that declares more than may be parsed, or whose parse ran out of memory or crashed."""

    code = "error.file_too_complex"


class ParseTimeout(MppDataError):
    code = "error.parse_timeout"


class AliasConflict(MppDataError):
    """An alias whose written form already names another official region: it would never apply."""

    code = "error.alias_conflict"


ALL_ERRORS: tuple[type[MppDataError], ...] = (
    MppDataError,
    NoDataError,
    SnapshotNotFound,
    InvalidDate,
    UnknownProvince,
    UnreadableFile,
    InvalidBoundaries,
    EncryptedFile,
    FileTooLarge,
    FileTooComplex,
    ParseTimeout,
    AliasConflict,
)
