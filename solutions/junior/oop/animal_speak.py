"""Build a class hierarchy: a base class `Animal`, and `Dog` and `Cat` that override `speak()`."""

from __future__ import annotations

from abc import ABC, abstractmethod


class Animal(ABC):
    """The base class of all animals. Abstract: only its subclasses can be instantiated."""

    def __init__(self, name: str) -> None:
        if not isinstance(name, str):
            raise TypeError(f"name must be a string, not {type(name).__name__}")
        if not name:
            raise ValueError("name must not be empty")
        self.name = name

    @abstractmethod
    def speak(self) -> str:
        """The sound this animal makes. Every subclass must override this."""
        raise NotImplementedError

    def introduce(self) -> str:
        # self.speak() runs the subclass's method (polymorphism), and type(self) is the
        # actual class, so a new subclass needs no change here
        kind = type(self).__name__.lower()
        return f"{self.name} the {kind} says {self.speak()}"


class Dog(Animal):
    def speak(self) -> str:
        return "Woof!"


class Cat(Animal):
    def speak(self) -> str:
        return "Meow!"


class Puppy(Dog):
    def speak(self) -> str:
        return super().speak().lower()  # reuse Dog's sound rather than repeating it
