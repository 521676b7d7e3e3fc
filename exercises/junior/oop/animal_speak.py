"""Build a class hierarchy: a base class `Animal`, and `Dog` and `Cat` that override `speak()`.

    >>> Dog("Rex").speak()
    'Woof!'
    >>> Cat("Tom").introduce()
    'Tom the cat says Meow!'
    >>> Puppy("Bit").introduce()
    'Bit the puppy says woof!'
    >>> Animal("x")
    Traceback (most recent call last):
    ...
    TypeError: Can't instantiate abstract class Animal with abstract method speak

Rules:
- `Animal` is abstract (it is already an ABC, and `speak()` is an abstractmethod): you cannot make
  a plain Animal, and a subclass that doesn't override `speak()` can't be instantiated either.
- `Animal(name)` keeps the name; it must be a non-empty string (TypeError / ValueError).
- `introduce()` is written once, in Animal, and works for every subclass: "NAME the KIND says
  SOUND", where KIND is the class's name in lower case and SOUND is whatever `self.speak()`
  returns. Don't hard-code the kinds in Animal: a new subclass must work without touching it.
- `Dog.speak()` returns "Woof!" and `Cat.speak()` returns "Meow!".
- `Puppy` is a kind of Dog that speaks in a small voice: its `speak()` is the Dog's sound in lower
  case. Get the Dog's sound with `super().speak()` rather than writing "woof!" again.
"""

from __future__ import annotations

from abc import ABC, abstractmethod


class Animal(ABC):
    """The base class of all animals. Abstract: only its subclasses can be instantiated."""

    def __init__(self, name: str) -> None:
        # TODO: check the name, then keep it as self.name
        raise NotImplementedError

    @abstractmethod
    def speak(self) -> str:
        """The sound this animal makes. Every subclass must override this."""
        raise NotImplementedError  # (this one stays: the base class has no sound of its own)

    def introduce(self) -> str:
        """'Rex the dog says Woof!'"""
        raise NotImplementedError


class Dog(Animal):
    def speak(self) -> str:
        raise NotImplementedError


class Cat(Animal):
    def speak(self) -> str:
        raise NotImplementedError


class Puppy(Dog):
    def speak(self) -> str:
        raise NotImplementedError
