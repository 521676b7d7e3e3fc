"""A practical metaclass: `StrictMeta` makes class statements catch two classic mistakes.

1. A name bound twice in one class body: the second ``def area`` silently replaces the first.
   StrictMeta refuses it, using ``__prepare__`` to run the class body in a mapping of its own.
2. An override that changes a method's parameters: callers written for the parent break.
   StrictMeta compares every public method with the one it overrides.
It also keeps a registry of the classes it makes, and works together with ABCMeta.

    >>> class Shape(metaclass=StrictMeta):
    ...     def scale(self, factor): ...
    >>> class Circle(Shape):
    ...     def scale(self, factor, around): ...
    Traceback (most recent call last):
    TypeError: Circle.scale(self, factor, around) does not match Shape.scale(self, factor): ...
    >>> class Twice(metaclass=StrictMeta):
    ...     def area(self): ...
    ...     def area(self): ...
    Traceback (most recent call last):
    TypeError: class Twice: 'area' is bound twice in the class body; ...

Rules:
- Both refusals are a TypeError raised while the class statement runs. The duplicate message
  names the class and the name (in quotes, as repr gives it: 'area'); the override message
  names both classes and the method.
- Any binding counts: assignment, def, class, import. The one exception: rebinding a property
  with a property (``@celsius.setter def celsius``), which is how property chains work.
- Overrides: a public method (name not starting with "_") defined in the class body that
  overrides a method of the nearest class in the MRO defining that name (a parent, a
  grandparent, a base not made by StrictMeta too) must have the same parameters: the same
  names of the same kinds (positional, keyword-only, *args, **kwargs) in the same order.
  Defaults and annotations may differ. For classmethods and staticmethods compare the
  functions they wrap. Private and special methods (``__init__``...) are not checked.
- ``StrictMeta.registry`` is a dict from "module.qualname" to every class StrictMeta made (a
  redefinition replaces the entry). A refused class is not registered.
- Everything else about classes keeps working: zero-argument super(), class keywords passed to
  ``__init_subclass__``, annotations, properties.
- ``StrictABCMeta`` combines StrictMeta with ``abc.ABCMeta``: abstract methods are enforced and
  so are both rules. A class with a StrictMeta base and an ABC base gets "metaclass conflict"
  from Python; ``metaclass=StrictABCMeta`` resolves it.
"""

from __future__ import annotations

from typing import Any


class StrictMeta(type):
    """Refuses duplicate names in a class body and overrides that change a method's parameters;
    keeps every class it makes in ``StrictMeta.registry``."""

    registry: dict[str, type] = {}

    @classmethod
    def __prepare__(mcls, name: str, bases: tuple, **kwargs: Any):
        """Return the mapping the class body will run in."""
        raise NotImplementedError

    def __new__(mcls, name: str, bases: tuple, namespace: dict, **kwargs: Any):
        raise NotImplementedError


class StrictABCMeta(StrictMeta):
    """StrictMeta and abc.ABCMeta together."""

    # TODO: combine with ABCMeta
