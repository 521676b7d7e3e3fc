"""An animal hierarchy built on cooperative multiple inheritance.

Every ``__init__`` takes keyword-only arguments, keeps the ones it knows and passes the rest on
with ``super().__init__(**kwargs)``. super() follows the MRO of the *instance's* class, not the
class the method is written in, so in ``Duck(Flyer, Swimmer, Bird)`` the chain is Duck -> Flyer ->
Swimmer -> Bird -> Animal -> object: each __init__ runs exactly once, and whatever nobody knew
reaches object.__init__, which rejects it (a misspelt keyword is a TypeError, never lost).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar


def _positive(what: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} must be a number, not {type(value).__name__}")
    if not value > 0:  # also rejects NaN
        raise ValueError(f"{what} must be greater than 0, got {value!r}")
    return value


class Animal(ABC):
    """The root of the hierarchy. Abstract: every concrete animal says what sound() it makes."""

    registry: ClassVar[dict[str, type[Animal]]] = {}
    kind: ClassVar[str | None] = None
    legs: ClassVar[int] = 0

    def __init_subclass__(cls, /, *, kind: str | None = None, **kwargs: Any) -> None:
        # class keywords other than kind= belong to someone further up the MRO
        super().__init_subclass__(**kwargs)
        if kind is None:
            return
        if not isinstance(kind, str) or not kind:
            raise TypeError(f"kind must be a non-empty string, not {kind!r}")
        taken = Animal.registry.get(kind)  # the one registry, on Animal, shared by every subclass
        if taken is not None:
            raise ValueError(f"kind {kind!r} is already registered by {taken.__qualname__}; "
                             f"{cls.__qualname__} needs a kind of its own")
        cls.kind = kind
        Animal.registry[kind] = cls

    def __init__(self, *, name: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # object.__init__ raises TypeError for anything left over
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        if not name:
            raise ValueError("name must not be empty")
        self._name = name

    @classmethod
    def create(cls, kind: str, **kwargs: Any) -> Animal:
        """Build a registered animal by its kind: Animal.create("dog", name="Rex")."""
        try:
            animal_cls = Animal.registry[kind]
        except KeyError:
            known = ", ".join(sorted(Animal.registry))
            raise ValueError(f"unknown kind {kind!r} (known: {known})") from None
        return animal_cls(**kwargs)

    @property
    def name(self) -> str:
        return self._name

    @abstractmethod
    def sound(self) -> str:
        """The sound this kind of animal makes: "Woof"."""

    def speak(self) -> str:
        return f"{self.name} says {self.sound()}"

    def abilities(self) -> set[str]:
        """Cooperative too: each class adds its own to what the rest of the MRO returns."""
        return {"walk"} if self.legs > 0 else set()

    def describe(self) -> str:
        return f"{self.name} the {self.kind} ({self.legs} legs) can {', '.join(sorted(self.abilities()))}"


class Mammal(Animal):
    legs = 4

    def __init__(self, *, fur: str = "brown", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fur = fur


class Bird(Animal):
    legs = 2

    def __init__(self, *, wingspan: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.wingspan = _positive("wingspan", wingspan)


class Flyer(Animal):
    """An animal that can fly, up to max_altitude metres."""

    def __init__(self, *, max_altitude: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_altitude = _positive("max_altitude", max_altitude)
        self.altitude = 0

    def fly(self, altitude: float) -> None:
        if not 0 <= altitude <= self.max_altitude:
            raise ValueError(f"{self.name} can fly between 0 and {self.max_altitude} m, not {altitude!r}")
        self.altitude = altitude

    def land(self) -> None:
        self.altitude = 0

    def abilities(self) -> set[str]:
        return super().abilities() | {"fly"}


class Swimmer(Animal):
    """An animal that can swim, down to max_depth metres."""

    def __init__(self, *, max_depth: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.max_depth = _positive("max_depth", max_depth)
        self.depth = 0

    def dive(self, depth: float) -> None:
        if not 0 <= depth <= self.max_depth:
            raise ValueError(f"{self.name} can dive between 0 and {self.max_depth} m, not {depth!r}")
        self.depth = depth

    def surface(self) -> None:
        self.depth = 0

    def abilities(self) -> set[str]:
        return super().abilities() | {"swim"}


class Fish(Swimmer):
    legs = 0

    def __init__(self, *, water: str = "fresh", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if water not in ("fresh", "salt"):
            raise ValueError(f"water must be 'fresh' or 'salt', not {water!r}")
        self.water = water


# -- the concrete animals ---------------------------------------------------------------------

class Dog(Mammal, kind="dog"):
    def sound(self) -> str:
        return "Woof"


class Bat(Flyer, Mammal, kind="bat"):
    legs = 2

    def sound(self) -> str:
        return "Squeak"


class Duck(Flyer, Swimmer, Bird, kind="duck"):
    def sound(self) -> str:
        return "Quack"


class Penguin(Swimmer, Bird, kind="penguin"):
    def sound(self) -> str:
        return "Honk"


class Salmon(Fish, kind="salmon"):
    def sound(self) -> str:
        return "Blub"


class FlyingFish(Flyer, Fish, kind="flying fish"):
    def sound(self) -> str:
        return "Blub"
