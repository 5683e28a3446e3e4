"""Who may change the figures: enforcement of :func:`mpp_data.access.can` on every write, built-in
accounts (argon2 hashes, a growing delay after failures rather than a lock-out), one-time sign-in
links, users and the append-only audit log.

Every write in the service calls :func:`require` first and :func:`record` after: hiding a page is a
courtesy, this is the rule.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import secrets
import time
from collections.abc import Mapping, Sequence
from functools import cache

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from mpp_data.access import ANONYMOUS, Action, Actor, Role, can
from mpp_data.access.limits import MAX_AUDIT_OBJECT, bounded_json, check_length, clipped
from mpp_data.config import Settings
from mpp_data.errors import (
    InvalidLinkLifetime,
    InvalidUser,
    LastAdmin,
    NoDataError,
    NotAllowed,
    SignInFailed,
    SignInLinkInvalid,
    SnapshotNotFound,
    UserNotFound,
    WeakPassword,
)
from mpp_data.store import Store, accounts

logger = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 12
#: zxcvbn's score (0..4) a password needs: 3 is "safely unguessable" for an online attack.
MIN_PASSWORD_SCORE = 3
#: Failures are counted per e-mail and per client in windows of this length; the delay reads the last two.
FAILURE_WINDOW = dt.timedelta(minutes=15)
#: Failures in the current and previous window before sign-in slows down, and the first delay (doubling).
FREE_FAILURES = 3
FIRST_DELAY_S = 0.25
#: Failures from one client in a window from which on its e-mails get no audit row each, only the client's.
CLIENT_FLOOD = 100
#: A sign-in link lasts between these (minutes): a minute to a week.
LINK_MINUTES = (1, 7 * 24 * 60)
#: The account ``make run`` makes on first start; it has no password, only the link the terminal prints.
FIRST_ADMIN = "admin@localhost"
#: Who wrote the sample snapshot on first start.
SYSTEM = Actor("system:first-start", Role.ADMIN)
#: One "@", no spaces, no control or direction characters (they would steer a terminal or a page).
_EMAIL = re.compile(
    r"^[^@\s\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]+@"
    r"[^@\s\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]+$"
)
_hasher = PasswordHasher()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def require(actor: Actor | None, action: Action) -> Actor:
    """The actor, when the rules let it do ``action``; else :class:`NotAllowed`."""
    if not can(actor, action):
        raise NotAllowed(action=str(action))
    return actor  # type: ignore[return-value]


def record(store: Store, actor: Actor | None, action: str, obj: object = None, details: dict | None = None) -> None:
    """Append one audit event: ``action`` such as ``snapshot.loaded``, ``obj`` what it acted on. The
    actor's name and the object are clipped and the details bounded: one row stays a few kilobytes."""
    who = actor or ANONYMOUS
    role = str(who.role) if who.role else None
    name = clipped(who.name, MAX_AUDIT_OBJECT)
    target = None if obj is None else clipped(str(obj), MAX_AUDIT_OBJECT)
    text = json.dumps(bounded_json(details), ensure_ascii=False, default=str) if details else None
    accounts.append_event(store, _now(), name, role, action, target, text)


def check_typed(corrections: Mapping | None = None, left_out: Mapping | None = None, names: Sequence[str] = ()) -> None:
    """An analyst's corrections ((file, sheet, row, header) -> text), reasons for rows left out
    ((file, sheet, row) -> text) and uploaded files' ``names`` within their limits, before anything is
    read or stored."""
    for name in names:
        check_length(name, "name")
    for (_file, sheet, row, column), text in (corrections or {}).items():
        check_length(str(text), "correction", sheet=sheet, row=row, column=column)
    for (_file, sheet, row), text in (left_out or {}).items():
        check_length(str(text), "row_reason", sheet=sheet, row=row)


# -- users -----------------------------------------------------------------------------
def _email(text: str) -> str:
    email = check_length(text.strip().lower(), "email")
    if not _EMAIL.match(email):
        raise InvalidUser(value=text)
    return email


def _role(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        raise InvalidUser(value=text) from None


def _existing(store: Store, email: str) -> dict:
    user = accounts.load_user(store, _email(email))
    if user is None:
        raise UserNotFound(email=email)
    return user


def add_user(store: Store, email: str, role: str, *, actor: Actor) -> None:
    require(actor, Action.MANAGE_USERS)
    address, kind = _email(email), _role(role)
    if accounts.load_user(store, address) is not None:
        raise InvalidUser(value=email)
    accounts.insert_user(store, address, str(kind), _now())
    record(store, actor, "user.added", address, {"role": str(kind)})


def _keep_an_admin(store: Store, user: dict) -> None:
    """Refuse (:class:`LastAdmin`) to lower or disable the only active admin: nobody could manage users after."""
    if user["role"] == Role.ADMIN and user["active"] and accounts.count_active_admins(store) <= 1:
        raise LastAdmin(email=user["email"])


def set_role(store: Store, email: str, role: str, *, actor: Actor) -> None:
    require(actor, Action.MANAGE_USERS)
    user, kind = _existing(store, email), _role(role)
    if kind != Role.ADMIN:
        _keep_an_admin(store, user)
    accounts.update_user(store, user["email"], role=str(kind))
    record(store, actor, "user.role_changed", user["email"], {"from": user["role"], "to": str(kind)})


def disable_user(store: Store, email: str, *, actor: Actor) -> None:
    require(actor, Action.MANAGE_USERS)
    user = _existing(store, email)
    _keep_an_admin(store, user)
    accounts.update_user(store, user["email"], active=False)
    record(store, actor, "user.disabled", user["email"])


def enable_user(store: Store, email: str, *, actor: Actor) -> None:
    require(actor, Action.MANAGE_USERS)
    user = _existing(store, email)
    accounts.update_user(store, user["email"], active=True, failed_attempts=0, locked_until=None)
    record(store, actor, "user.enabled", user["email"])


def set_password(store: Store, email: str, password: str, *, actor: Actor) -> None:
    """An admin sets anyone's password; a signed-in user may set their own."""
    user = _existing(store, email)
    if actor is None or not actor.signed_in or actor.name != user["email"]:
        require(actor, Action.MANAGE_USERS)
    check_password(password, user["email"])
    accounts.update_user(
        store, user["email"], password_hash=_hasher.hash(password), failed_attempts=0, locked_until=None
    )
    record(store, actor, "user.password_set", user["email"])


def check_password(password: str, email: str) -> None:
    """Refuse (:class:`WeakPassword`) a password shorter than :data:`MIN_PASSWORD_LENGTH`, one holding
    the e-mail address or its user name, or one zxcvbn scores below :data:`MIN_PASSWORD_SCORE`
    (common passwords, keyboard patterns, repeats, dates)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(minimum=MIN_PASSWORD_LENGTH)
    user_name = email.split("@")[0]
    lowered = password.lower()
    if email in lowered or (len(user_name) >= 3 and user_name in lowered):
        raise WeakPassword(minimum=MIN_PASSWORD_LENGTH, variant="email")
    # zxcvbn's cost grows with the length; the first 100 characters decide any password's strength
    if zxcvbn(password[:100], user_inputs=[email, user_name])["score"] < MIN_PASSWORD_SCORE:
        raise WeakPassword(minimum=MIN_PASSWORD_LENGTH, variant="guessable")


def list_users(store: Store, *, actor: Actor) -> pd.DataFrame:
    """One row per user: email, role, active, has_password, created_at."""
    require(actor, Action.MANAGE_USERS)
    return accounts.list_users(store)


def actor_for_email(store: Store, email: str) -> Actor:
    """The actor a provider-signed-in email acts as: its role from the store, none when unknown or disabled."""
    address = email.strip().lower()
    user = accounts.load_user(store, address)
    if user is None or not user["active"]:
        return Actor(address, None)
    return Actor(address, Role(user["role"]))


# -- built-in sign-in --------------------------------------------------------------------
@cache
def _decoy_hash() -> str:
    """A hash of a random password, verified for unknown e-mails, accounts without a password and
    disabled ones, so every failure costs the same argon2 work as a wrong password."""
    return _hasher.hash(secrets.token_urlsafe(16))


def _window(now: dt.datetime) -> dt.datetime:
    seconds = FAILURE_WINDOW.total_seconds()
    return dt.datetime.fromtimestamp(now.timestamp() // seconds * seconds, dt.UTC)


def _failure_keys(address: str, client: str | None) -> list[str]:
    keys = [f"email:{clipped(address, 254)}"]
    if client:
        keys.append(f"client:{clipped(client, 200)}")
    return keys


def sign_in_delay(failures: int, max_delay_s: float) -> float:
    """Seconds a sign-in waits after ``failures`` recent failures: none for the first few, then
    doubling from :data:`FIRST_DELAY_S`, never more than ``max_delay_s``.

    >>> [sign_in_delay(n, 8.0) for n in (0, 3, 4, 5, 8, 50)]
    [0.0, 0.25, 0.5, 1.0, 8.0, 8.0]
    """
    if failures < FREE_FAILURES:
        return 0.0
    return min(max_delay_s, FIRST_DELAY_S * 2.0 ** min(failures - FREE_FAILURES, 30))


def recent_failures(store: Store, email: str, client: str | None = None, *, now: dt.datetime | None = None) -> int:
    """Failed sign-ins for this e-mail or client (the larger) in the current and the previous window."""
    since = _window(now or _now()) - FAILURE_WINDOW
    counts = accounts.failures_since(store, _failure_keys(email.strip().lower(), client), since)
    return max(counts.values())


def sign_in(
    store: Store,
    email: str,
    password: str,
    *,
    client: str | None = None,
    max_delay_s: float | None = None,
    now: dt.datetime | None = None,
) -> Actor:
    """Check a password. Nothing locks: after a few failures for this e-mail or this ``client`` (the
    visitor's address) every attempt first waits a growing, bounded delay (``max_delay_s``, callers pass
    ``settings.sign_in_max_delay_s``; the setting's default when not given), the right password included, so guessing slows down and nobody can keep
    the owner out; a one-time link from the command line is never delayed. Unknown e-mail, no
    password, disabled account and wrong password give one error after the same work (an argon2
    verification each). Failures are counted atomically per window; the audit log gets a row at the
    1st, 10th, 100th ... failure of an e-mail in a window, with the count, not a row per attempt."""
    now = now or _now()
    if max_delay_s is None:
        max_delay_s = Settings().sign_in_max_delay_s
    address = clipped(email.strip().lower(), 254)  # a longer text is no account; only its start is kept
    keys = _failure_keys(address, client)
    since = _window(now) - FAILURE_WINDOW
    time.sleep(sign_in_delay(max(accounts.failures_since(store, keys, since).values()), max_delay_s))
    user = accounts.load_user(store, address) if len(email.strip()) <= 254 else None
    usable = user is not None and user["active"] and bool(user["password_hash"])
    try:
        _hasher.verify(user["password_hash"] if usable else _decoy_hash(), password)  # type: ignore[index]
        verified = usable
    except (VerificationError, InvalidHashError):
        verified = False
    if not verified:
        failures, *by_client = accounts.count_failure(store, keys, _window(now))
        flood = bool(by_client) and by_client[0] >= CLIENT_FLOOD
        if _is_power_of_ten(failures) and not flood:
            record(store, Actor(address, None), "sign_in.failed", address, {"failures_in_window": failures})
        if flood and _is_power_of_ten(by_client[0]):  # one client trying many e-mails: its own summary rows
            record(store, Actor(address, None), "sign_in.failed", keys[1], {"client_failures_in_window": by_client[0]})
        raise SignInFailed()
    accounts.clear_failures(store, keys[0])
    assert user is not None
    if _hasher.check_needs_rehash(user["password_hash"]):
        accounts.update_user(store, address, password_hash=_hasher.hash(password))
    actor = Actor(address, Role(user["role"]))
    record(store, actor, "sign_in", address, {"method": "password"})
    return actor


def _is_power_of_ten(number: int) -> bool:
    return number > 0 and 10 ** (len(str(number)) - 1) == number


def record_provider_sign_in(store: Store, email: str) -> Actor:
    """A sign-in through the OpenID provider, audited; the role comes from the store."""
    actor = actor_for_email(store, email)
    record(store, actor, "sign_in", actor.name, {"method": "provider", "known": actor.signed_in})
    return actor


def sign_out(store: Store, actor: Actor) -> None:
    record(store, actor, "sign_out", actor.name)


# -- one-time links ------------------------------------------------------------------
def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_sign_in_link(
    store: Store, email: str, *, actor: Actor, base_url: str | None = None, minutes: int = 15, first_start: bool = False
) -> str:
    """A link that signs ``email`` in once within ``minutes`` (1 minute to 7 days, else
    :class:`InvalidLinkLifetime`); only the token's hash is kept. A ``first_start`` link stops working
    once any admin has signed in."""
    require(actor, Action.MANAGE_USERS)
    low, high = LINK_MINUTES
    if not low <= minutes <= high:
        raise InvalidLinkLifetime(minutes=minutes, minimum=low, maximum=high)
    user = _existing(store, email)
    token = secrets.token_urlsafe(32)
    now = _now()
    accounts.insert_link(
        store,
        _token_hash(token),
        user["email"],
        now,
        now + dt.timedelta(minutes=minutes),
        purpose="first_start" if first_start else None,
    )
    record(store, actor, "sign_in_link.created", user["email"], {"minutes": minutes})
    base = (base_url or Settings().base_url).rstrip("/")  # callers pass the configured one
    return f"{base}/?signin={token}"


def redeem_sign_in_link(store: Store, token: str, *, now: dt.datetime | None = None) -> Actor:
    """The actor a link signs in; the link is spent. Unknown, used, expired, or a first-start link after
    an admin has signed in: :class:`SignInLinkInvalid`. Never delayed by failed password sign-ins.
    Failed redemptions are counted per window and audited at the 1st, 10th, 100th ... of a window."""
    now = now or _now()
    void_first_start = accounts.any_admin_signed_in(store)
    email = accounts.use_link(store, _token_hash(clipped(token, 200)), now, allow_first_start=not void_first_start)
    user = accounts.load_user(store, email) if email else None
    if user is None or not user["active"]:
        failures = accounts.count_failure(store, ["link:invalid"], _window(now))[0]
        if _is_power_of_ten(failures):
            record(store, ANONYMOUS, "sign_in.failed", email, {"method": "link", "failures_in_window": failures})
        raise SignInLinkInvalid()
    actor = Actor(user["email"], Role(user["role"]))
    record(store, actor, "sign_in", actor.name, {"method": "link"})
    return actor


def first_start_link(store: Store, base_url: str | None = None) -> str | None:
    """On a store where no administrator has ever signed in, make :data:`FIRST_ADMIN` when there is no
    admin and return a one-time link for whoever started the server (the launcher shows it on the
    terminal only, never in the log). Once any admin has signed in, or another admin exists, none, and
    earlier first-start links stop working."""
    if accounts.any_admin_signed_in(store):
        return None
    admins = accounts.count_active_admins(store)
    first = accounts.load_user(store, FIRST_ADMIN)
    if admins == 0 and first is None:
        add_user(store, FIRST_ADMIN, "admin", actor=SYSTEM)
    elif not (admins == 1 and first is not None and first["active"] and first["role"] == "admin"):
        return None
    return create_sign_in_link(store, FIRST_ADMIN, actor=SYSTEM, base_url=base_url, minutes=60 * 24, first_start=True)


# -- audit ---------------------------------------------------------------------------
def audit_events(
    store: Store, *, actor: Actor, since: dt.datetime | None = None, who: str | None = None, action: str | None = None
) -> pd.DataFrame:
    """One row per event, newest first: at, actor, role, action, object, details."""
    require(actor, Action.READ_AUDIT)
    events = accounts.load_events(store, since)
    if who:
        events = events[events["actor"].str.contains(who, case=False, regex=False)]
    if action:
        events = events[events["action"] == action]
    return events.iloc[::-1].reset_index(drop=True)


def loaded_by(store: Store) -> dict[int, str]:
    """Snapshot id -> who loaded it, from the audit log (snapshots loaded before the log say nothing)."""
    events = accounts.load_events(store)
    loads = events[events["action"] == "snapshot.loaded"]
    return {int(o): a for o, a in zip(loads["object"], loads["actor"], strict=True)}


def withdraw_snapshot(store: Store, snapshot_id: int, *, actor: Actor, reason: str | None = None) -> None:
    """Take a snapshot out of view; it is kept, and the one before it becomes the current one."""
    require(actor, Action.WITHDRAW_SNAPSHOT)
    if reason is not None:
        check_length(reason, "reason")
    store.snapshot(snapshot_id)
    if snapshot_id in accounts.withdrawn_ids(store):
        raise SnapshotNotFound(snapshot_id=snapshot_id)
    if (
        store.latest_snapshot_id() == snapshot_id
        and len(store.list_snapshots()) - len(accounts.withdrawn_ids(store)) <= 1
    ):
        raise NoDataError()
    accounts.insert_withdrawal(store, snapshot_id, _now(), actor.name, reason)
    record(store, actor, "snapshot.withdrawn", snapshot_id, {"reason": reason} if reason else None)


def restore_snapshot(store: Store, snapshot_id: int, *, actor: Actor) -> None:
    """Bring a withdrawn snapshot back into view (``SnapshotNotFound`` when it is not withdrawn); audited."""
    require(actor, Action.WITHDRAW_SNAPSHOT)
    store.snapshot(snapshot_id)
    if not accounts.delete_withdrawal(store, snapshot_id):
        raise SnapshotNotFound(snapshot_id=snapshot_id)
    record(store, actor, "snapshot.restored", snapshot_id, None)
