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


class UnreadableFile(MppDataError):
    code = "error.unreadable_file"


class InvalidBoundaries(UnreadableFile):
    """A boundary file that breaks one of the checks in ``mpp_data.ingest.boundaries``; ``reason`` says which."""

    code = "error.invalid_boundaries"


class EncryptedFile(MppDataError):
    code = "error.encrypted_file"


class FileTooLarge(MppDataError):
    code = "error.file_too_large"


ALL_ERRORS: tuple[type[MppDataError], ...] = (
    MppDataError,
    NoDataError,
    SnapshotNotFound,
    UnreadableFile,
    InvalidBoundaries,
    EncryptedFile,
    FileTooLarge,
)
