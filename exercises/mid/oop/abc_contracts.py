"""Enforce an interface contract with `abc`: a Storage ABC, two implementations, and a mapping adapter.

`Storage` is a key-value store of strings. It declares the contract: one abstract property and
four abstract methods, the primitives every storage must provide. On top of them it writes the
template methods, once, for every storage there is or will be.

    primitives (abstract)          location (a property), read, write, delete, keys
    template methods (concrete)    get, in, len, pop, rename, save_json, load_json, copy_to, clear

    >>> store = MemoryStorage()
    >>> store.save_json("cfg", {"debug": True})
    >>> store.read("cfg"), store.load_json("cfg"), "cfg" in store
    ('{"debug": true}', {'debug': True}, True)
    >>> isinstance(SomethingWithTheSameFiveMembers(), Storage)     # duck typing, via __subclasshook__
    True

The contract:
- ``location`` (an abstract property): where the data lives, for people ("memory", a path).
- ``read(key)`` -> the str stored (KeyError if none); ``write(key, value)`` stores it
  (replacing); ``delete(key)`` (KeyError if none); ``keys()`` -> a list of the keys.
- A subclass that lacks any of the five can't be instantiated (TypeError). The template
  methods are not abstract, and use nothing but the primitives (so they work on a subclass
  written elsewhere, which keeps its data wherever it likes):
    get(key, default=None); ``key in store``; ``len(store)``; pop(key[, default]) (KeyError if
    missing and no default); rename(old, new) (KeyError if old is missing, ValueError if new
    exists; nothing changes then); save_json(key, obj) / load_json(key) (JSON text through
    write/read); copy_to(other) writes every entry into another storage and returns how many;
    clear() deletes every key.
- ``__subclasshook__``: a class that is not a subclass of Storage still counts as one
  (isinstance/issubclass) if it, or a base, defines all of location, read, write, delete and
  keys, none of them set to None (setting one to None says "I don't have it", as in
  collections.abc). This is for Storage itself only: a duck is not a MemoryStorage. And
  ``Storage.register(cls)`` must still work for classes the hook doesn't recognise.

The implementations:
- ``MemoryStorage()``: a dict of its own. ``location`` is "memory".
- ``JsonFileStorage(path)``: one JSON object in the file, read afresh on every call: another
  program may change the file between two calls, and that must be seen. A missing file is an
  empty storage. Write the file atomically (a temporary file beside it, then os.replace), and
  leave no temporary files behind. ``location`` is str(path).
- Both raise TypeError when a key or value is not a str, storing nothing.

And ``StorageMapping(storage)``: any storage (a duck-typed one too) as a
``collections.abc.MutableMapping``. Define only the five methods MutableMapping asks for; it
gives you get, pop, popitem, setdefault, update, clear, keys/items/values, ``in`` and ``==``.
"""

from __future__ import annotations

from abc import ABC
from collections.abc import Iterator, MutableMapping
from typing import Any

_MISSING = object()


class Storage(ABC):
    """A key-value store of strings: five primitives, and template methods built on them."""

    # TODO: make these five abstract (location is a property)
    @property
    def location(self) -> str:
        """Where the data lives, for people: "memory", a file path..."""
        raise NotImplementedError

    def read(self, key: str) -> str:
        raise NotImplementedError

    def write(self, key: str, value: str) -> None:
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError

    def keys(self) -> list[str]:
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, other: type) -> Any:
        raise NotImplementedError

    # -- template methods ---------------------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        raise NotImplementedError

    def __contains__(self, key: object) -> bool:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def pop(self, key: str, default: Any = _MISSING) -> Any:
        raise NotImplementedError

    def rename(self, old: str, new: str) -> None:
        raise NotImplementedError

    def save_json(self, key: str, obj: Any) -> None:
        raise NotImplementedError

    def load_json(self, key: str) -> Any:
        raise NotImplementedError

    def copy_to(self, other: Storage) -> int:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError


class MemoryStorage(Storage):
    """Everything in a dict of this object's own."""

    def __init__(self) -> None:
        raise NotImplementedError


class JsonFileStorage(Storage):
    """One JSON object in a file, read afresh on every call."""

    def __init__(self, path) -> None:
        raise NotImplementedError


class StorageMapping(MutableMapping):
    """Any Storage as a MutableMapping, from the five methods MutableMapping asks for."""

    def __init__(self, storage: Storage) -> None:
        raise NotImplementedError

    # TODO: the five abstract methods of MutableMapping
