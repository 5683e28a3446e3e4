"""Who may do what: roles, actions and the one rule :func:`can` (pure; the service enforces it)."""

from mpp_data.access.rules import ANONYMOUS, Action, Actor, Role, can, cli_actor, lowest_role

__all__ = ["ANONYMOUS", "Action", "Actor", "Role", "can", "cli_actor", "lowest_role"]
