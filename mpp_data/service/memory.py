"""Memory an upload used, given back to the system."""

from __future__ import annotations

import contextlib
import ctypes

import pyarrow


def release_unused_memory() -> None:
    """Give the memory an upload's frames used back to the system once they are dropped: Arrow keeps
    freed blocks in its pool and glibc keeps freed arenas, so without this a server stays at its peak."""
    pyarrow.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)
