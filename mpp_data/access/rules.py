"""Roles, actions and the decision who may do what. Pure: no store, no environment, no Streamlit.

A ``viewer`` sees every figure; an ``analyst`` also checks and loads uploads, corrects rows, confirms
region aliases and sees what an upload was made of (its original files, who loaded it, the rows
corrected or left out and why); an ``admin`` also sets boundaries, manages users, reads the audit log, changes settings
and withdraws snapshots from view. Someone not signed in is the anonymous actor: viewing only, and
only while viewing is open.

>>> can(Actor("ana@kemenpan.go.id", Role.ANALYST), Action.LOAD_SNAPSHOT)
True
>>> can(Actor("vera@kemenpan.go.id", Role.VIEWER), Action.LOAD_SNAPSHOT)
False
>>> can(ANONYMOUS, Action.VIEW), can(ANONYMOUS, Action.VIEW, view_requires_sign_in=True)
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"


class Action(StrEnum):
    VIEW = "view"
    CHECK_UPLOAD = "check_upload"
    LOAD_SNAPSHOT = "load_snapshot"
    CORRECT_ROWS = "correct_rows"
    CONFIRM_ALIAS = "confirm_alias"
    REMOVE_ALIAS = "remove_alias"
    SET_BOUNDARIES = "set_boundaries"
    MANAGE_USERS = "manage_users"
    READ_AUDIT = "read_audit"
    CHANGE_SETTINGS = "change_settings"
    WITHDRAW_SNAPSHOT = "withdraw_snapshot"
    #: Original files (a signed report may carry a signatory's NIP), who loaded them, corrections, reasons.
    SEE_UPLOAD_DETAILS = "see_upload_details"
    #: Subscriptions and alerts: who gets mail, and the send log.
    MANAGE_SUBSCRIPTIONS = "manage_subscriptions"


_ANALYST = frozenset(
    {
        Action.VIEW,
        Action.CHECK_UPLOAD,
        Action.LOAD_SNAPSHOT,
        Action.CORRECT_ROWS,
        Action.CONFIRM_ALIAS,
        Action.REMOVE_ALIAS,
        Action.SEE_UPLOAD_DETAILS,
    }
)
#: What each role may do; every role may do what the one before it may.
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.VIEWER: frozenset({Action.VIEW}),
    Role.ANALYST: _ANALYST,
    Role.ADMIN: frozenset(Action),
}


@dataclass(frozen=True)
class Actor:
    """Who asks: ``name`` is an email, ``cli:<os user>``, ``system:<what>``, or empty when anonymous;
    ``role`` is None for someone not signed in."""

    name: str
    role: Role | None

    @property
    def signed_in(self) -> bool:
        return self.role is not None


ANONYMOUS = Actor("", None)


def can(actor: Actor | None, action: Action, *, view_requires_sign_in: bool = False) -> bool:
    """Whether ``actor`` may do ``action``; None counts as anonymous."""
    if actor is None or actor.role is None:
        return action is Action.VIEW and not view_requires_sign_in
    return action in ALLOWED[Role(actor.role)]


def lowest_role(action: Action) -> Role:
    """The first role that may do ``action``: what to ask an admin for."""
    return next(role for role in Role if action in ALLOWED[role])


def cli_actor(os_user: str) -> Actor:
    """The command line acts for whoever runs it on the server: trusted as an admin, recorded by name."""
    return Actor(f"cli:{os_user}", Role.ADMIN)
