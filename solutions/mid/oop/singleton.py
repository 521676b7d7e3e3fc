"""Thread-safe singletons: a metaclass, and a class decorator built on it."""

from __future__ import annotations

import threading
from typing import Any

_MISSING = object()  # "no instance yet" (None could be a class's own meaning of something)


def _reduce(self):
    """Reduce the instance to "call its class with no arguments". pickle stores that instead of
    the object's state, and copy.copy / copy.deepcopy use the same hook when a class has no
    __copy__ / __deepcopy__: all three call the class again and get back the one instance."""
    return type(self), ()


class SingletonMeta(type):
    """A metaclass whose classes have at most one instance each (a subclass has its own).

    type.__call__ is what runs __new__ and __init__ when you write Config(...); overriding it
    in the metaclass decides whether they run at all. The check is done twice: once without
    the lock (the fast path, once the instance exists) and once more holding it, because
    another thread may have built the instance while this one waited for the lock
    ("double-checked locking"). Each class gets its own lock, so a singleton whose __init__
    uses another singleton does not deadlock, and building one never waits for another.
    """

    def __init__(cls, name: str, bases: tuple, namespace: dict, **kwargs: Any) -> None:
        super().__init__(name, bases, namespace, **kwargs)
        # set on every class, subclasses too, so none shares its parent's instance
        cls._singleton_lock = threading.Lock()
        cls._singleton_instance = _MISSING
        cls.__reduce__ = _reduce

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        instance = cls._singleton_instance
        if instance is _MISSING:
            with cls._singleton_lock:
                instance = cls._singleton_instance
                if instance is _MISSING:
                    # __new__ and __init__ both finish before anyone else can see the object;
                    # if __init__ raises, nothing is stored and the next call tries again
                    instance = super().__call__(*args, **kwargs)
                    cls._singleton_instance = instance
        return instance

    def reset(cls) -> None:
        """Forget the instance: the next call builds (and initialises) a new one."""
        with cls._singleton_lock:
            cls._singleton_instance = _MISSING


def singleton(cls: type) -> type:
    """Make ``cls`` a singleton class, keeping it a class (isinstance, subclass checks and
    pickle all keep working, unlike a decorator that returns a function).

    It returns a subclass made by SingletonMeta, dressed with the original's name, module,
    qualified name and docstring, so pickle finds it under the original name."""
    made = SingletonMeta(cls.__name__, (cls,), {
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
    })
    return made


# Six statements about singletons: True or False.
PROS_AND_CONS: dict[str, bool] = {
    "A singleton is global state: code that calls Config() depends on it invisibly, which makes "
    "that code harder to test in isolation.": True,
    "Because of the GIL, `if cls not in instances: instances[cls] = cls()` can never create two "
    "instances, even without a lock.": False,
    "A module is already a singleton in Python: it runs once and is cached in sys.modules, so a "
    "module-level object is often the simpler choice.": True,
    "Each unit test automatically gets a fresh singleton, so state cannot leak from one test to "
    "the next.": False,
    "A singleton can hand one shared, lazily created resource (a connection pool, a configuration "
    "loaded once) to every part of a program.": True,
    "With SingletonMeta, the arguments of a later Config(...) call are applied to the existing "
    "instance.": False,
}
