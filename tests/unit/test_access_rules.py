"""The one rule of who may do what, as a table: each role may do what the one before it may, and more."""

import pytest

from mpp_data.access import ANONYMOUS, Action, Actor, Role, can, cli_actor

VIEWER = Actor("v@example.go.id", Role.VIEWER)
ANALYST = Actor("a@example.go.id", Role.ANALYST)
ADMIN = Actor("x@example.go.id", Role.ADMIN)

ANALYST_WORK = {Action.CHECK_UPLOAD, Action.LOAD_SNAPSHOT, Action.CORRECT_ROWS, Action.CONFIRM_ALIAS,
                Action.REMOVE_ALIAS, Action.SEE_UPLOAD_DETAILS}  # fmt: skip
ADMIN_WORK = {Action.SET_BOUNDARIES, Action.MANAGE_USERS, Action.READ_AUDIT, Action.CHANGE_SETTINGS,
              Action.WITHDRAW_SNAPSHOT, Action.MANAGE_SUBSCRIPTIONS}  # fmt: skip


def test_the_actions_are_viewing_analyst_work_and_admin_work():
    assert set(Action) == {Action.VIEW} | ANALYST_WORK | ADMIN_WORK


@pytest.mark.parametrize("action", sorted(ANALYST_WORK | ADMIN_WORK))
def test_a_viewer_may_change_nothing(action):
    assert can(VIEWER, Action.VIEW)
    assert not can(VIEWER, action)


@pytest.mark.parametrize("action", sorted(ANALYST_WORK))
def test_an_analyst_checks_loads_corrects_and_confirms(action):
    assert can(ANALYST, action)


@pytest.mark.parametrize("action", sorted(ADMIN_WORK))
def test_only_an_admin_sets_boundaries_manages_users_reads_the_audit_and_withdraws(action):
    assert not can(ANALYST, action)
    assert can(ADMIN, action)


@pytest.mark.parametrize("action", sorted(ANALYST_WORK | ADMIN_WORK))
def test_someone_not_signed_in_may_only_view(action):
    assert not can(ANONYMOUS, action)
    assert not can(None, action)
    assert not can(Actor("known@example.go.id", None), action)  # signed in through a provider, no role


def test_viewing_is_open_until_it_requires_sign_in():
    assert can(ANONYMOUS, Action.VIEW)
    assert not can(ANONYMOUS, Action.VIEW, view_requires_sign_in=True)
    assert can(VIEWER, Action.VIEW, view_requires_sign_in=True)


def test_a_role_read_back_from_the_store_as_text_counts_the_same():
    assert can(Actor("a@example.go.id", "analyst"), Action.LOAD_SNAPSHOT)  # type: ignore[arg-type]


def test_the_command_line_acts_as_its_os_user():
    assert cli_actor("budi") == Actor("cli:budi", Role.ADMIN)
