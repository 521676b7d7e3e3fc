"""Descriptors: validated attributes, a cached attribute, and property written by hand.

How attribute lookup uses them (``obj.name``, for a descriptor found on ``type(obj)``):
1. a *data* descriptor (it has __set__ or __delete__) on the class wins over everything;
2. then the instance's own ``__dict__``;
3. then a *non-data* descriptor (only __get__) or a plain class attribute.
Typed and my_property are data descriptors: they see every read and write. lazy is non-data:
once it has stored the value in the instance's __dict__, rule 2 answers and lazy never runs again.
"""

from __future__ import annotations

from typing import Any, Callable

_MISSING = object()


class Typed:
    """A data descriptor that only accepts values of the given type(s)."""

    def __init__(self, kind: type | tuple[type, ...], *, default: Any = _MISSING) -> None:
        self.kind = kind
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        # Python calls this when the class statement ends: now we know who we are.
        self.name = name
        self.qualname = f"{owner.__name__}.{name}"

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self  # Point.x: the descriptor itself, for introspection
        try:
            # the value lives in the instance's own __dict__, under the attribute's name: per
            # instance, freed with the instance, and a data descriptor still comes first
            return obj.__dict__[self.name]
        except KeyError:
            if self.default is not _MISSING:
                return self.default
            raise AttributeError(f"{self.qualname} has no value yet") from None

    def __set__(self, obj: Any, value: Any) -> None:
        self.validate(value)
        obj.__dict__[self.name] = value

    def __delete__(self, obj: Any) -> None:
        try:
            del obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(f"{self.qualname} has no value to delete") from None

    def validate(self, value: Any) -> None:
        if not isinstance(value, self.kind):
            kinds = self.kind if isinstance(self.kind, tuple) else (self.kind,)
            wanted = " or ".join(k.__name__ for k in kinds)
            raise TypeError(f"{self.qualname} must be {wanted}, got {type(value).__name__} {value!r}")


class Bounded(Typed):
    """Typed, and within min and max (inclusive) when given."""

    def __init__(self, kind: type | tuple[type, ...], *, min: Any = None, max: Any = None,
                 default: Any = _MISSING) -> None:
        super().__init__(kind, default=default)
        self.min, self.max = min, max

    def validate(self, value: Any) -> None:
        super().validate(value)  # the type first: comparing a str with a number would be a TypeError anyway
        if self.min is not None and value < self.min:
            raise ValueError(f"{self.qualname} must be >= {self.min!r}, got {value!r}")
        if self.max is not None and value > self.max:
            raise ValueError(f"{self.qualname} must be <= {self.max!r}, got {value!r}")


class lazy:  # noqa: N801 - named like the built-in decorators it sits beside
    """A non-data descriptor: compute on first access, then store in the instance's __dict__."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name  # the attribute's name, which may differ from the function's

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.func(obj)
        # from now on obj.__dict__ answers first (rule 2): this method is not called again
        obj.__dict__[self.name] = value
        return value


class my_property:  # noqa: N801
    """property, by hand: a data descriptor calling fget, fset and fdel."""

    def __init__(self, fget: Callable | None = None, fset: Callable | None = None,
                 fdel: Callable | None = None, doc: str | None = None) -> None:
        self.fget, self.fset, self.fdel = fget, fset, fdel
        self.__doc__ = doc if doc is not None else getattr(fget, "__doc__", None)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    # each returns a new descriptor, as property does: the original stays as it was
    def getter(self, fget: Callable) -> my_property:
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset: Callable) -> my_property:
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel: Callable) -> my_property:
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        if self.fget is None:
            raise AttributeError(f"{self.name!r} is not readable")
        return self.fget(obj)

    # __set__ and __delete__ exist even without fset/fdel: that keeps my_property a data
    # descriptor, so a read-only attribute refuses writes instead of being shadowed
    def __set__(self, obj: Any, value: Any) -> None:
        if self.fset is None:
            raise AttributeError(f"{self.name!r} is read-only")
        self.fset(obj, value)

    def __delete__(self, obj: Any) -> None:
        if self.fdel is None:
            raise AttributeError(f"{self.name!r} cannot be deleted")
        self.fdel(obj)
