"""Implement the Singleton pattern twice, thread-safe both times: a metaclass and a class decorator.

A singleton class has at most one instance: every call returns that same object, and its
``__init__`` runs only once, for the first call.

    >>> class Config(metaclass=SingletonMeta):
    ...     def __init__(self, env="dev"):
    ...         self.env = env
    >>> Config("prod") is Config()
    True
    >>> Config("staging").env          # later arguments are ignored: __init__ ran once
    'prod'
    >>> Config.reset()                 # forget the instance; the next call builds a new one
    >>> Config("test").env
    'test'

    >>> @singleton
    ... class Registry:
    ...     pass
    >>> Registry() is Registry(), isinstance(Registry(), Registry)
    (True, True)

Rules, for both ``SingletonMeta`` and ``@singleton``:
- Thread-safe: 16 threads calling ``Config()`` at the same moment get one instance, and
  ``__init__`` runs once. No thread may get the object before its __init__ has finished.
- If ``__init__`` raises, no instance is kept: the next call tries again.
- Each class has its own instance: a subclass of a SingletonMeta class gets its own, and
  ``Child.reset()`` leaves the parent's alone. Give each class its own lock too: a singleton
  whose __init__ calls another singleton must not deadlock.
- ``Cls.reset()`` forgets the instance (tip: a method defined on the metaclass can be called on
  its classes, and not on their instances).
- ``copy.copy(obj)``, ``copy.deepcopy(obj)`` and ``pickle.loads(pickle.dumps(obj))`` are
  ``obj`` itself: a copy of the one instance would be a second instance.
- ``@singleton`` must return a class, not a function: ``isinstance(x, Registry)`` and pickle
  need a class. Keep the class's ``__name__``, ``__qualname__``, ``__module__`` and ``__doc__``.
  (Hint: the decorator can build on the metaclass.)

Then answer the quiz at the bottom: the pros and cons of the pattern.
"""

from __future__ import annotations

from typing import Any


class SingletonMeta(type):
    """A metaclass whose classes have at most one instance each."""

    # TODO: set up per-class state when a class is made (an __init__ of the metaclass runs
    # for every class created with it, subclasses too)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        """Runs for Config(...): return the one instance, building it on the first call."""
        raise NotImplementedError

    def reset(cls) -> None:
        """Forget the instance: the next call builds (and initialises) a new one."""
        raise NotImplementedError


def singleton(cls: type) -> type:
    """Class decorator: make ``cls`` a singleton, keeping it a class."""
    raise NotImplementedError


# The pros and cons of the Singleton pattern. Replace each None with True or False (keep the
# statements, and their order, as they are).
PROS_AND_CONS: dict[str, bool | None] = {
    "A singleton is global state: code that calls Config() depends on it invisibly, which makes "
    "that code harder to test in isolation.": None,
    "Because of the GIL, `if cls not in instances: instances[cls] = cls()` can never create two "
    "instances, even without a lock.": None,
    "A module is already a singleton in Python: it runs once and is cached in sys.modules, so a "
    "module-level object is often the simpler choice.": None,
    "Each unit test automatically gets a fresh singleton, so state cannot leak from one test to "
    "the next.": None,
    "A singleton can hand one shared, lazily created resource (a connection pool, a configuration "
    "loaded once) to every part of a program.": None,
    "With SingletonMeta, the arguments of a later Config(...) call are applied to the existing "
    "instance.": None,
}
