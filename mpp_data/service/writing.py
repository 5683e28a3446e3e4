"""Writing: the changes to the store that are not an upload (those are in ``loading``): boundary files and
region aliases, each checked
against the actor's role and recorded in the audit log. Accounts and withdrawals are in ``access``."""

from __future__ import annotations

import pandas as pd

from mpp_data.access import Action, Actor
from mpp_data.access.limits import check_length
from mpp_data.config import Settings
from mpp_data.errors import AliasConflict
from mpp_data.reference import geo
from mpp_data.reference.names import normalise_region_name
from mpp_data.reference.regions import RegionMatcher
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


def remember_alias(store: Store, written: str, region_code: str, *, actor: Actor) -> None:
    """An analyst's choice for a written name, used by every later load.

    Refused (``AliasConflict``) when the name already is an official name or code of another region:
    official names always win, so such an alias would never apply and would only mislead.
    """
    require(actor, Action.CONFIRM_ALIAS)
    check_length(written, "alias")
    matcher = RegionMatcher()
    official = matcher.match_name(written)
    if official.method in ("code", "name", "province") and official.code != region_code:
        raise AliasConflict(
            written=written, official=matcher.region_label(official.code), region=matcher.region_label(region_code)
        )
    alias = normalise_region_name(written)
    store.save_alias(alias, region_code)
    record(store, actor, "alias.confirmed", alias, {"written": written, "region_code": region_code})


def remove_alias(store: Store, written: str, *, actor: Actor) -> bool:
    """Forget the saved alias for a written name (in any of its forms); whether there was one."""
    require(actor, Action.REMOVE_ALIAS)
    alias = normalise_region_name(written)
    removed = store.delete_alias(alias)
    if removed:
        record(store, actor, "alias.removed", alias, {"written": written})
    return removed


def saved_aliases(store: Store) -> pd.DataFrame:
    """One row per saved alias: written (its normalised form), region_code, region (the official name)."""
    matcher = RegionMatcher()
    rows = [(alias, code, matcher.region_label(code)) for alias, code in sorted(store.load_aliases().items())]
    return pd.DataFrame(rows, columns=["written", "region_code", "region"])
