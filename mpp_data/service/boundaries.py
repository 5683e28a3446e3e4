"""Official boundary files: which one the map uses (``MPP_BOUNDARIES_PATH`` or an admin's upload), read
and checked for drawing. Reading only; keeping or removing an uploaded file is in ``writing``."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mpp_data.config import Settings
from mpp_data.errors import InvalidBoundaries, MppDataError
from mpp_data.ingest.boundaries import read_boundary_file
from mpp_data.ingest.read import megabytes
from mpp_data.reference import geo
from mpp_data.reference.regions import official_provinces, official_regions
from mpp_data.store import Store

logger = logging.getLogger(__name__)


def boundary_source(store: Store, *, settings: Settings) -> tuple[str, str] | None:
    """(name, GeoJSON text) of the official boundaries: ``MPP_BOUNDARIES_PATH`` when set, else the
    newest file an admin uploaded (unless removed); None when there are none."""
    path = settings.boundaries_path
    if path:
        return Path(path).name, Path(path).read_text(encoding="utf-8")
    stored = store.latest_boundaries()
    return (stored[1], stored[2]) if stored else None


@dataclass(frozen=True)
class BoundarySource:
    """Which boundary file the map uses, without its content: ``key`` changes whenever the file does."""

    name: str
    key: str
    from_setting: bool


@dataclass(frozen=True)
class BoundaryFile:
    """A boundary file read for drawing: its boundaries, or the error that keeps it from the map."""

    name: str
    boundaries: geo.Boundaries | None
    error: MppDataError | None = None


def boundary_version(store: Store, *, settings: Settings) -> BoundarySource | None:
    """The boundary file in use, cheaply (no content is read): the map's cache key."""
    path = settings.boundaries_path
    if path:
        try:
            stat = Path(path).stat()
            key = f"path:{path}:{stat.st_mtime_ns}:{stat.st_size}"
        except OSError:
            key = f"path:{path}:missing"
        return BoundarySource(Path(path).name, key, from_setting=True)
    head = store.boundaries_head()
    return BoundarySource(head[1], f"stored:{head[0]}", from_setting=False) if head else None


def map_boundaries(store: Store, *, settings: Settings) -> BoundaryFile | None:
    """The boundaries the map draws, checked and simplified; a file that fails a check comes back with
    its error instead, so the map can fall back to points. None when there is no file."""
    version = boundary_version(store, settings=settings)
    if version is None:
        return None
    try:
        if version.from_setting:
            content: bytes | str = _read_setting_file(
                settings.boundaries_path or "", version.name, settings.max_upload_bytes
            )
        else:
            stored = store.latest_boundaries()
            if stored is None:  # removed since the version was read
                return None
            content = stored[2]
        return BoundaryFile(version.name, parse_boundaries(content, version.name, settings=settings))
    except MppDataError as exc:
        logger.warning("boundary file %s is not drawn: %s %s", version.key, exc.code, exc.params.get("reason"))
        return BoundaryFile(version.name, None, exc)


def _read_setting_file(path: str, name: str, max_bytes: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            content = handle.read(max_bytes + 1)  # never the whole of a huge file
        size = Path(path).stat().st_size
    except OSError as exc:
        raise InvalidBoundaries(file=name, reason="boundary_unreadable") from exc
    if len(content) > max_bytes:
        raise InvalidBoundaries(
            file=name, reason="boundary_too_large", size_mb=megabytes(size), limit_mb=megabytes(max_bytes)
        )
    return content


def parse_boundaries(content: bytes | str, file_name: str = "GeoJSON", *, settings: Settings) -> geo.Boundaries:
    """Check a boundary file and simplify it for drawing. Raises ``InvalidBoundaries`` (an
    ``UnreadableFile``) naming the first check it fails: see ``mpp_data.ingest.boundaries``. The size
    and point limits are the ``settings``'."""
    return read_boundary_file(
        content,
        file_name,
        set(official_regions()["code"]),
        set(official_provinces()["code"]),
        max_bytes=settings.max_upload_bytes,
        max_points=settings.max_boundary_points,
    )
