"""Design an animal class hierarchy with cooperative multiple inheritance and a registry of kinds.

`Animal` is an abstract base class; `Mammal`, `Bird` and `Fish` are kinds of animal; `Flyer`
and `Swimmer` add an ability to any animal. The concrete animals at the bottom of this file
combine them (their class lines are written for you: don't change the bases or the order).

    >>> rex = Animal.create("dog", name="Rex")
    >>> rex.speak()
    'Rex says Woof'
    >>> duck = Duck(name="Donald", wingspan=0.9, max_altitude=1000, max_depth=2)
    >>> duck.describe()
    'Donald the duck (2 legs) can fly, swim, walk'
    >>> [c.__name__ for c in Duck.__mro__][:5]
    ['Duck', 'Flyer', 'Swimmer', 'Bird', 'Animal']

Rules:
- Every ``__init__`` takes keyword-only arguments: it keeps the ones it knows and passes all
  the others on with ``super().__init__(**kwargs)``. Never call a parent's __init__ by name:
  in a diamond like Duck that runs Animal.__init__ more than once, or skips a class. Each
  __init__ of the MRO must run exactly once, in MRO order, and an argument no class knows (or
  a missing or positional one) is a TypeError, because it reaches ``object.__init__``.
  Animal, Mammal, Bird, Fish, Flyer and Swimmer each define their own __init__:
    Animal(name)                 a non-empty str (TypeError if not a str, ValueError if empty)
    Mammal(fur="brown")          legs = 4
    Bird(wingspan)               legs = 2; wingspan > 0
    Fish(water="fresh")          legs = 0; water is "fresh" or "salt"; a Fish is a Swimmer
    Flyer(max_altitude)          > 0; sets altitude = 0
    Swimmer(max_depth)           > 0; sets depth = 0
  A length must be an int or float (not a bool): TypeError otherwise; ValueError unless > 0.
  Each error message names the argument ("wingspan must be greater than 0, got 0").
- ``name`` is a read-only property. ``legs`` is a class attribute.
- ``sound()`` is abstract, so Animal, Mammal, Bird, Fish, Flyer and Swimmer can't be
  instantiated. Written once in Animal: ``speak()`` -> "NAME says SOUND" and ``describe()`` ->
  "NAME the KIND (LEGS legs) can A, B, C" with the abilities sorted.
- ``abilities()`` returns a set, built cooperatively: Animal gives {"walk"} if the animal has
  legs (else an empty set); Flyer adds "fly" and Swimmer adds "swim" to super().abilities().
- ``fly(altitude)`` / ``dive(depth)`` set altitude / depth, allowed from 0 up to the maximum
  (ValueError otherwise, changing nothing); ``land()`` / ``surface()`` set it back to 0.
- The registry: a class defined with a ``kind="..."`` class keyword is registered, through
  ``Animal.__init_subclass__``, in the one dict ``Animal.registry`` (kind -> class) and gets
  ``cls.kind``. A kind already taken is a ValueError and a kind that is not a non-empty str a
  TypeError, both when the class statement runs. Classes without kind= are not registered.
  Other class keywords are passed on to ``super().__init_subclass__(**kwargs)``.
  ``Animal.create(kind, **kwargs)`` builds a registered animal; an unknown kind is a
  ValueError naming it and listing the known kinds.
- New animals and mixins written elsewhere must plug in the same way, without changing this
  file.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar


class Animal(ABC):
    """The root of the hierarchy. Abstract: every concrete animal says what sound() it makes."""

    registry: ClassVar[dict[str, type[Animal]]] = {}
    kind: ClassVar[str | None] = None
    legs: ClassVar[int] = 0

    def __init_subclass__(cls, /, *, kind: str | None = None, **kwargs: Any) -> None:
        """Runs for every new subclass: register it under ``kind`` if one was given."""
        super().__init_subclass__(**kwargs)
        # TODO: check the kind and register cls in Animal.registry (this runs at import time,
        # so it must not raise NotImplementedError: until you write it, nothing is registered)

    def __init__(self, *, name: str, **kwargs: Any) -> None:
        raise NotImplementedError

    @classmethod
    def create(cls, kind: str, **kwargs: Any) -> Animal:
        """Build a registered animal by its kind: Animal.create("dog", name="Rex")."""
        raise NotImplementedError

    # TODO: a read-only property `name`

    @abstractmethod
    def sound(self) -> str:
        """The sound this kind of animal makes: "Woof"."""

    def speak(self) -> str:
        raise NotImplementedError

    def abilities(self) -> set[str]:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


class Mammal(Animal):
    legs = 4

    def __init__(self, *, fur: str = "brown", **kwargs: Any) -> None:
        raise NotImplementedError


class Bird(Animal):
    legs = 2

    def __init__(self, *, wingspan: float, **kwargs: Any) -> None:
        raise NotImplementedError


class Flyer(Animal):
    """An animal that can fly, up to max_altitude metres."""

    def __init__(self, *, max_altitude: float, **kwargs: Any) -> None:
        raise NotImplementedError

    def fly(self, altitude: float) -> None:
        raise NotImplementedError

    def land(self) -> None:
        raise NotImplementedError


class Swimmer(Animal):
    """An animal that can swim, down to max_depth metres."""

    def __init__(self, *, max_depth: float, **kwargs: Any) -> None:
        raise NotImplementedError

    def dive(self, depth: float) -> None:
        raise NotImplementedError

    def surface(self) -> None:
        raise NotImplementedError


class Fish(Swimmer):
    legs = 0

    def __init__(self, *, water: str = "fresh", **kwargs: Any) -> None:
        raise NotImplementedError


# -- the concrete animals: write each sound() ---------------------------------------------------

class Dog(Mammal, kind="dog"):
    def sound(self) -> str:
        raise NotImplementedError  # "Woof"


class Bat(Flyer, Mammal, kind="bat"):
    legs = 2

    def sound(self) -> str:
        raise NotImplementedError  # "Squeak"


class Duck(Flyer, Swimmer, Bird, kind="duck"):
    def sound(self) -> str:
        raise NotImplementedError  # "Quack"


class Penguin(Swimmer, Bird, kind="penguin"):
    def sound(self) -> str:
        raise NotImplementedError  # "Honk"


class Salmon(Fish, kind="salmon"):
    def sound(self) -> str:
        raise NotImplementedError  # "Blub"


class FlyingFish(Flyer, Fish, kind="flying fish"):
    def sound(self) -> str:
        raise NotImplementedError  # "Blub"
