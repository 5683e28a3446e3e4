"""Writing: the changes to the store that are not an upload (those are in ``loading``), each checked
against the actor's role and recorded in the audit log. Accounts and withdrawals are in ``access``."""

from __future__ import annotations

from mpp_data.access import Action, Actor
from mpp_data.config import Settings
from mpp_data.reference import geo
from mpp_data.service.access import record, require
from mpp_data.service.boundaries import parse_boundaries
from mpp_data.store import Store


def save_boundaries(
    store: Store, file_name: str, content: bytes, *, actor: Actor, settings: Settings
) -> geo.Boundaries:
    """Check and keep an uploaded boundary file, exactly as uploaded; nothing is stored when it fails a
    check (``InvalidBoundaries``), such as matching no kabupaten/kota. Only an admin may (else
    ``NotAllowed``)."""
    require(actor, Action.SET_BOUNDARIES)
    boundaries = parse_boundaries(content, file_name, settings=settings)
    store.save_boundaries(file_name, content.decode("utf-8-sig"))
    record(store, actor, "boundaries.set", file_name, {"regions": len(boundaries.regions)})
    return boundaries


def remove_boundaries(store: Store, *, actor: Actor) -> bool:
    """Stop using the uploaded boundary file (it stays on record); False when none was in use. Only an
    admin may (else ``NotAllowed``)."""
    require(actor, Action.SET_BOUNDARIES)
    removed = store.remove_boundaries()
    if removed is not None:
        record(store, actor, "boundaries.removed", str(removed), {})
    return removed is not None
