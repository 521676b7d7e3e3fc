"""Role-based access control: a @requires decorator, roles that inherit, and a per-task current user.

Functions declare the permissions they need; roles bundle permissions and inherit from other
roles; the user acting right now lives in a ContextVar, so every thread and every asyncio task
has its own, even when a thousand requests are served at once on one event loop.

    >>> roles = Roles()
    >>> roles.define("viewer", permissions={"articles:read"})
    >>> roles.define("editor", permissions={"articles:write"}, inherits={"viewer"})
    >>> sorted(roles.permissions("editor"))
    ['articles:read', 'articles:write']
    >>> @roles.requires("articles:write")
    ... def publish(title):
    ...     return f"published {title} as {current_user.get().name}"
    >>> with acting_as(User("ann", {"editor"})):
    ...     publish("Hello")
    'published Hello as ann'
    >>> with acting_as(User("vic", {"viewer"})):
    ...     publish("Hello")
    Traceback (most recent call last):
    PermissionDenied: vic lacks articles:write

Roles:
- define(name, permissions=(), inherits=()) creates a role, or extends an existing one with more
  permissions and more parents. Parents must already be defined (ValueError otherwise).
- A role has its own permissions plus every permission of every role it inherits from, however
  far up; a change to any role is seen by all that inherit from it, at once.
- Inheritance must never loop: a define() that would make a role its own ancestor (directly,
  through itself, or through a long chain) raises RoleCycleError and changes nothing at all, not
  even the permissions passed in the same call. Diamonds (two parents sharing a grandparent)
  are fine.
- permissions(name) of an undefined role is a KeyError. A user's role that is not defined
  grants nothing.

The current user:
- current_user is a ContextVar holding the acting User, or None. acting_as(user) sets it for a
  with block and puts back whatever was there before when the block ends, even on an exception,
  even when blocks nest.
- asyncio tasks and threads each see their own user: a task that awaits never sees the user of
  a task that ran in between, asyncio.to_thread() carries the caller's user along, and a new
  threading.Thread starts with nobody acting (fail closed).

requires(*permissions):
- Works on plain functions, methods and async functions (the wrapper of an async function is
  itself an async function, so inspect.iscoroutinefunction() still says so), and keeps the
  name and docstring (functools.wraps). The wrapper's .required_permissions is the frozenset
  asked for; requires() with no permission is a ValueError.
- The check runs on every call, when the call runs (an async function: when its coroutine runs,
  with the user of the task running it): nobody acting -> NotAuthenticated; a user without all
  the permissions -> PermissionDenied(user, missing), whose .missing is the frozenset lacking.
  A refused call never runs the function's body.
"""

from __future__ import annotations

import contextlib
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", frozenset(self.roles))


current_user: ContextVar[User | None] = ContextVar("current_user", default=None)


class RoleCycleError(ValueError):
    """A define() that would make a role inherit from itself."""


class NotAuthenticated(PermissionError):
    """A protected function was called with nobody acting."""


class PermissionDenied(PermissionError):
    """The acting user lacks some of the permissions a function requires."""

    def __init__(self, user: User, missing: Iterable[str]) -> None:
        self.user = user
        self.missing = frozenset(missing)
        super().__init__(f"{user.name} lacks {', '.join(sorted(self.missing))}")


@contextlib.contextmanager
def acting_as(user: User | None) -> Iterator[User | None]:
    """Make ``user`` the current user for the with block; restore the previous one afterwards."""
    raise NotImplementedError
    yield


class Roles:
    """A hierarchy of roles, and the decorator that checks them."""

    def __init__(self) -> None:
        raise NotImplementedError

    def define(self, name: str, permissions: Iterable[str] = (), inherits: Iterable[str] = ()) -> None:
        """Create role ``name`` or extend it; RoleCycleError (and no change) if it would loop."""
        raise NotImplementedError

    def permissions(self, name: str) -> frozenset[str]:
        """Every permission role ``name`` has, its own and inherited; KeyError if undefined."""
        raise NotImplementedError

    def allows(self, user: User, permission: str) -> bool:
        """Whether any of the user's roles has ``permission``."""
        raise NotImplementedError

    def requires(self, *permissions: str) -> Callable[[Callable], Callable]:
        """A decorator: calls need a current user who has every one of ``permissions``."""
        raise NotImplementedError
