"""Who may change the figures: enforcement of :func:`mpp_data.access.can` on every write, built-in
accounts (argon2 hashes, lockout), one-time sign-in links, users and the append-only audit log.

Every write in the service calls :func:`require` first and :func:`record` after: hiding a page is a
courtesy, this is the rule.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mpp_data.access import ANONYMOUS, Action, Actor, Role, can
from mpp_data.config import Settings
from mpp_data.errors import (
    AccountLocked,
    InvalidUser,
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

MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 12
#: The account ``make run`` makes on first start; it has no password, only the link the terminal prints.
FIRST_ADMIN = "admin@localhost"
#: Who wrote the sample snapshot on first start.
SYSTEM = Actor("system:first-start", Role.ADMIN)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_hasher = PasswordHasher()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def require(actor: Actor | None, action: Action) -> Actor:
    """The actor, when the rules let it do ``action``; else :class:`NotAllowed`."""
    if not can(actor, action):
        raise NotAllowed(action=str(action))
    return actor  # type: ignore[return-value]


def record(store: Store, actor: Actor | None, action: str, obj: object = None, details: dict | None = None) -> None:
    """Append one audit event: ``action`` such as ``snapshot.loaded``, ``obj`` what it acted on."""
    who = actor or ANONYMOUS
    role = str(who.role) if who.role else None
    accounts.append_event(store, _now(), who.name, role, action, None if obj is None else str(obj), details)


# -- users -----------------------------------------------------------------------------
def _email(text: str) -> str:
    email = text.strip().lower()
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


def set_role(store: Store, email: str, role: str, *, actor: Actor) -> None:
    require(actor, Action.MANAGE_USERS)
    user, kind = _existing(store, email), _role(role)
    accounts.update_user(store, user["email"], role=str(kind))
    record(store, actor, "user.role_changed", user["email"], {"from": user["role"], "to": str(kind)})


def disable_user(store: Store, email: str, *, actor: Actor) -> None:
    require(actor, Action.MANAGE_USERS)
    user = _existing(store, email)
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
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(minimum=MIN_PASSWORD_LENGTH)
    accounts.update_user(store, user["email"], password_hash=_hasher.hash(password), failed_attempts=0,
                         locked_until=None)  # fmt: skip
    record(store, actor, "user.password_set", user["email"])


def list_users(store: Store, *, actor: Actor) -> pd.DataFrame:
    """One row per user: email, role, active, has_password, locked_until, created_at."""
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
def sign_in(store: Store, email: str, password: str, *, now: dt.datetime | None = None) -> Actor:
    """Check a password. Five failures in a row lock the account for 15 minutes; every attempt is audited.
    Unknown email, wrong password and a disabled account give one and the same error."""
    now = now or _now()
    address = email.strip().lower()
    user = accounts.load_user(store, address)
    if user is None or not user["active"] or not user["password_hash"]:
        record(store, Actor(address, None), "sign_in.failed", address, {"reason": "unknown or no password"})
        raise SignInFailed()
    if user["locked_until"] is not None and user["locked_until"] > now:
        record(store, Actor(address, None), "sign_in.failed", address, {"reason": "locked"})
        raise AccountLocked(minutes=LOCK_MINUTES)
    try:
        _hasher.verify(user["password_hash"], password)
    except (VerificationError, InvalidHashError):
        failed = user["failed_attempts"] + 1
        if failed >= MAX_FAILED_ATTEMPTS:
            accounts.update_user(
                store, address, failed_attempts=0, locked_until=now + dt.timedelta(minutes=LOCK_MINUTES)
            )
            record(store, Actor(address, None), "sign_in.failed", address, {"attempt": failed})
            record(store, Actor(address, None), "account.locked", address, {"minutes": LOCK_MINUTES})
            raise AccountLocked(minutes=LOCK_MINUTES) from None
        accounts.update_user(store, address, failed_attempts=failed)
        record(store, Actor(address, None), "sign_in.failed", address, {"attempt": failed})
        raise SignInFailed() from None
    values: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
    if _hasher.check_needs_rehash(user["password_hash"]):
        values["password_hash"] = _hasher.hash(password)
    accounts.update_user(store, address, **values)
    actor = Actor(address, Role(user["role"]))
    record(store, actor, "sign_in", address, {"method": "password"})
    return actor


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
    store: Store, email: str, *, actor: Actor, base_url: str | None = None, minutes: int = 15
) -> str:
    """A link that signs ``email`` in once within ``minutes``; only the token's hash is kept."""
    require(actor, Action.MANAGE_USERS)
    user = _existing(store, email)
    token = secrets.token_urlsafe(32)
    now = _now()
    accounts.insert_link(store, _token_hash(token), user["email"], now, now + dt.timedelta(minutes=minutes))
    record(store, actor, "sign_in_link.created", user["email"], {"minutes": minutes})
    base = (base_url or Settings.from_env().base_url).rstrip("/")
    return f"{base}/?signin={token}"


def redeem_sign_in_link(store: Store, token: str, *, now: dt.datetime | None = None) -> Actor:
    """The actor a link signs in; the link is spent. Unknown, used or expired: :class:`SignInLinkInvalid`."""
    email = accounts.use_link(store, _token_hash(token), now or _now())
    user = accounts.load_user(store, email) if email else None
    if user is None or not user["active"]:
        record(store, ANONYMOUS, "sign_in.failed", email, {"method": "link"})
        raise SignInLinkInvalid()
    actor = Actor(user["email"], Role(user["role"]))
    record(store, actor, "sign_in", actor.name, {"method": "link"})
    return actor


def first_start_link(store: Store, base_url: str | None = None) -> str | None:
    """On a store with no administrator, make :data:`FIRST_ADMIN` and return a one-time link for whoever
    started the server (printed in the terminal, as Jupyter prints its token). While that account is the
    only active admin, each start prints a fresh link; once another admin exists, none."""
    admins = accounts.count_active_admins(store)
    first = accounts.load_user(store, FIRST_ADMIN)
    if admins == 0 and first is None:
        add_user(store, FIRST_ADMIN, "admin", actor=SYSTEM)
    elif not (admins == 1 and first is not None and first["active"] and first["role"] == "admin"):
        return None
    return create_sign_in_link(store, FIRST_ADMIN, actor=SYSTEM, base_url=base_url, minutes=60 * 24)


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
