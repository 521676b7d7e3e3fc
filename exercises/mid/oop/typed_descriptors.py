"""Write descriptors: typed and bounded attributes, a lazily computed attribute, and `property` itself.

A descriptor is an object on a class that controls ``obj.name``: Python calls its
``__get__(obj, owner)`` to read, ``__set__(obj, value)`` to assign and ``__delete__(obj)`` to
delete. How a lookup of ``obj.name`` goes:
  1. a *data* descriptor on the class (it has __set__ or __delete__) wins over everything;
  2. then the instance's own ``__dict__``;
  3. then a *non-data* descriptor (only __get__), or a plain class attribute.

    >>> class Account:
    ...     owner = Typed(str)
    ...     balance = Bounded((int, float), min=0, default=0)
    >>> a = Account()
    >>> a.balance = -5
    Traceback (most recent call last):
    ValueError: Account.balance must be >= 0, got -5
    >>> a.owner = 42
    Traceback (most recent call last):
    TypeError: Account.owner must be str, got int 42
    >>> a.balance = "lots"
    Traceback (most recent call last):
    TypeError: Account.balance must be int or float, got str 'lots'

What to write:
- ``Typed(kind, *, default=...)``: a data descriptor accepting only ``isinstance(value, kind)``
  (kind is a type or a tuple of types); anything else is a TypeError whose message names the
  attribute as "Class.name" and the value's type. Use ``__set_name__`` to learn the class and
  the name. Keep each value in the instance (``obj.__dict__[name]``), never on the descriptor
  (shared by every instance) nor in a dict keyed by instance (that keeps instances alive and
  needs them hashable). Reading an unset attribute gives the default, or an AttributeError
  naming it; ``del obj.name`` removes the value (AttributeError if there is none).
- ``Bounded(kind, *, min=None, max=None, default=...)``: a Typed subclass that also checks
  ``min <= value <= max`` (each when given): ValueError naming "Class.name". The type first.
- ``lazy``: a decorator for a method, computing it on first access and storing the result in
  the instance's ``__dict__`` under the attribute's name (from __set_name__: ``answer =
  lazy(compute)`` is stored as "answer"), so later reads never call it: a *non-data*
  descriptor (define only __get__). ``del obj.attr`` makes it compute again; assigning sets a
  plain value. Keep the function's docstring.
- ``my_property(fget=None, fset=None, fdel=None, doc=None)``: the built-in property, by hand,
  with ``.getter``, ``.setter`` and ``.deleter`` that each return a new my_property (the
  original unchanged), attributes ``fget``, ``fset``, ``fdel``, and the docstring from fget
  unless doc is given. Without fget reading is an AttributeError, without fset assigning,
  without fdel deleting, each naming the attribute. It stays a data descriptor even with no
  setter, so an instance attribute of the same name never shadows it.
- On the class itself (``Account.balance``) each of them returns the descriptor.
- Without the built-in ``property`` or ``functools.cached_property`` anywhere in this file.
"""

from __future__ import annotations

from typing import Any, Callable

_MISSING = object()


class Typed:
    """A data descriptor that only accepts values of the given type(s)."""

    def __init__(self, kind: type | tuple[type, ...], *, default: Any = _MISSING) -> None:
        raise NotImplementedError

    # TODO: __set_name__, __get__, __set__, __delete__ (and a validate() Bounded can extend)


class Bounded(Typed):
    """Typed, and within min and max (inclusive) when given."""

    def __init__(self, kind: type | tuple[type, ...], *, min: Any = None, max: Any = None,
                 default: Any = _MISSING) -> None:
        raise NotImplementedError


class lazy:  # noqa: N801 - named like the built-in decorators it sits beside
    """A non-data descriptor: compute on first access, then store in the instance's __dict__."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        raise NotImplementedError


class my_property:  # noqa: N801
    """property, by hand."""

    def __init__(self, fget: Callable | None = None, fset: Callable | None = None,
                 fdel: Callable | None = None, doc: str | None = None) -> None:
        raise NotImplementedError
