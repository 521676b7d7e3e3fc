"""Role-based access control with inheriting roles and a ContextVar for the acting user."""

from __future__ import annotations

import contextlib
import functools
import inspect
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", frozenset(self.roles))


# A ContextVar, not a global or a threading.local: each thread and each asyncio task has its own
# value (a task copies its creator's context when it is created), so concurrent requests never
# see each other's user.
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
    token = current_user.set(user)
    try:
        yield user
    finally:
        current_user.reset(token)  # back to exactly what it was, however blocks nest


class Roles:
    def __init__(self) -> None:
        self._own: dict[str, set[str]] = {}  # role -> its own permissions
        self._parents: dict[str, set[str]] = {}  # role -> the roles it inherits from directly

    def _ancestors(self, name: str) -> set[str]:
        """``name`` and every role it inherits from. Iterative, and each role visited once, so
        diamonds cost nothing extra and deep chains cannot overflow the stack."""
        seen, stack = {name}, [name]
        while stack:
            for parent in self._parents[stack.pop()]:
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return seen

    def define(self, name: str, permissions: Iterable[str] = (), inherits: Iterable[str] = ()) -> None:
        permissions, inherits = set(permissions), set(inherits)
        unknown = inherits - self._parents.keys()
        if unknown:
            raise ValueError(f"{name!r} cannot inherit from undefined roles: {sorted(unknown)}")
        # A new edge name -> parent closes a loop exactly when name is already among the parent's
        # ancestors (the parent itself included). Check everything before changing anything.
        for parent in inherits:
            if name in self._ancestors(parent):
                raise RoleCycleError(f"{name!r} cannot inherit from {parent!r}, which is or inherits from {name!r}")
        self._own.setdefault(name, set()).update(permissions)
        self._parents.setdefault(name, set()).update(inherits)

    def permissions(self, name: str) -> frozenset[str]:
        # an undefined name is a KeyError from _ancestors' first lookup; computed on demand: a permission granted to any ancestor shows up at once
        return frozenset().union(*(self._own[role] for role in self._ancestors(name)))

    def allows(self, user: User, permission: str) -> bool:
        return any(permission in self.permissions(role) for role in user.roles if role in self._own)

    def _check(self, needed: frozenset[str]) -> None:
        user = current_user.get()
        if user is None:
            raise NotAuthenticated("nobody is acting: use acting_as(user)")
        missing = {p for p in needed if not self.allows(user, p)}
        if missing:
            raise PermissionDenied(user, missing)

    def requires(self, *permissions: str) -> Callable[[Callable], Callable]:
        if not permissions:
            raise ValueError("requires() needs at least one permission")
        needed = frozenset(permissions)

        def decorate(fn: Callable) -> Callable:
            if inspect.iscoroutinefunction(fn):
                # the check must run inside the coroutine: when it runs, in the task running it
                @functools.wraps(fn)
                async def guarded_async(*args, **kwargs):
                    self._check(needed)
                    return await fn(*args, **kwargs)

                guarded = guarded_async
            else:
                @functools.wraps(fn)
                def guarded(*args, **kwargs):
                    self._check(needed)
                    return fn(*args, **kwargs)

            guarded.required_permissions = needed
            return guarded

        return decorate
