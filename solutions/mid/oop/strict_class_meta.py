"""A metaclass that makes class statements stricter, combined with ABCMeta where wanted.

A metaclass takes part in three moments of a class statement:
1. ``__prepare__`` makes the mapping the class body runs in: here, one that refuses a name bound
   twice (the second ``def area`` would silently replace the first);
2. ``__new__`` builds the class from that namespace: here, after checking that every public
   method overriding a parent's keeps its parameters;
3. then the class is registered, so code can find every class made this way.
"""

from __future__ import annotations

import inspect
from abc import ABCMeta
from typing import Any, Callable


class _BodyNamespace(dict):
    """The namespace of a class body: a name may be bound only once.

    The one exception is a property rebound by its own chain (``@x.setter def x``): each step
    makes a new property from the old one, which is the point."""

    def __init__(self, class_name: str) -> None:
        self.class_name = class_name  # (dict.__new__ has made it empty already)

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self and not (isinstance(self[key], property) and isinstance(value, property)):
            raise TypeError(f"class {self.class_name}: {key!r} is bound twice in the class body; the first "
                            "definition would be silently lost")
        super().__setitem__(key, value)


def _function(member: Any) -> Callable | None:
    """The plain function behind a method, a classmethod or a staticmethod; None otherwise."""
    if isinstance(member, (classmethod, staticmethod)):
        member = member.__func__
    return member if inspect.isfunction(member) else None


def _parameters(func: Callable) -> list[tuple[str, Any]]:
    """What an override must keep: the parameters' names and kinds, in order (not defaults or
    annotations)."""
    return [(p.name, p.kind) for p in inspect.signature(func).parameters.values()]


class StrictMeta(type):
    """Refuses duplicate names in a class body and overrides that change a method's parameters;
    keeps every class it makes in ``StrictMeta.registry``."""

    registry: dict[str, type] = {}

    @classmethod
    def __prepare__(mcls, name: str, bases: tuple, **kwargs: Any) -> _BodyNamespace:
        return _BodyNamespace(name)

    def __new__(mcls, name: str, bases: tuple, namespace: dict, **kwargs: Any) -> StrictMeta:
        # super() rather than type: with StrictABCMeta the next class in line is ABCMeta
        cls = super().__new__(mcls, name, bases, dict(namespace), **kwargs)
        _check_overrides(cls)  # after creation: the MRO is what decides which parent is overridden
        StrictMeta.registry[f"{cls.__module__}.{cls.__qualname__}"] = cls
        return cls


def _check_overrides(cls: type) -> None:
    for name, member in vars(cls).items():
        new = _function(member)
        if name.startswith("_") or new is None:
            continue  # private and special methods (__init__...) may differ freely
        for base in cls.__mro__[1:]:
            if name in vars(base):
                old = _function(vars(base)[name])
                if old is not None and _parameters(old) != _parameters(new):
                    raise TypeError(f"{cls.__name__}.{name}{inspect.signature(new)} does not match "
                                    f"{base.__name__}.{name}{inspect.signature(old)}: an override must keep "
                                    "the parent's parameters")
                break  # only the nearest definition counts


class StrictABCMeta(StrictMeta, ABCMeta):
    """StrictMeta and ABCMeta together. A class whose bases have different metaclasses needs a
    metaclass that derives from all of them, or Python raises "metaclass conflict"; both are
    cooperative (they call super()), so inheriting is all it takes."""
