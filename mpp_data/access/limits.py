"""How long typed text may be, checked before it reaches the store or the audit log (pure).

Anyone can type into the sign-in form, and analysts type reasons, corrections and aliases: without a
limit a 12 MB "e-mail" becomes a 12 MB audit row. An e-mail address has at most 254 characters
(RFC 5321's path limit less the angle brackets); the rest are generous for what people write.

>>> check_length("ana@example.go.id", "email")
'ana@example.go.id'
>>> bounded_json({"reason": "x" * 5000})["truncated"]
True
"""

from __future__ import annotations

import json

from mpp_data.errors import TextTooLong

#: The most characters each kind of typed text may have.
LIMITS: dict[str, int] = {
    "email": 254,
    "name": 255,  # an uploaded file's name (what a file system allows)
    "reason": 500,  # a snapshot withdrawn
    "row_reason": 500,  # a row left out of an upload
    "correction": 500,
    "alias": 200,
}
#: The most recipients one subscription or alert may have.
MAX_RECIPIENTS = 50
#: The most characters an audit row's object and its details (as JSON) may hold.
MAX_AUDIT_OBJECT = 300
MAX_AUDIT_DETAILS = 4_000


def check_length(text: str, field: str, **where: object) -> str:
    """``text`` when it fits ``field``'s limit; else :class:`TextTooLong` naming the field and
    ``where`` it was typed (sheet, row, column of a correction)."""
    limit = LIMITS[field]
    if len(text) > limit:
        raise TextTooLong(variant=field, limit=limit, length=len(text), **where)
    return text


def clipped(text: str, limit: int) -> str:
    """At most ``limit`` characters, marked with an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bounded_json(details: dict) -> dict:
    """``details`` when its JSON fits :data:`MAX_AUDIT_DETAILS`; else a bounded preview of it, marked
    ``truncated``, so one audit row never holds more than a few kilobytes."""
    text = json.dumps(details, ensure_ascii=False, default=str)
    if len(text) <= MAX_AUDIT_DETAILS:
        return details
    return {"truncated": True, "length": len(text), "preview": text[: MAX_AUDIT_DETAILS // 2]}
