"""Interface contracts with abc: a Storage ABC, two implementations, and a MutableMapping adapter."""

from __future__ import annotations

import json
import os
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import Any

_MISSING = object()
PRIMITIVES = ("location", "read", "write", "delete", "keys")


class Storage(ABC):
    """A key-value store of strings.

    Subclasses provide the primitives (an abstract property and four abstract methods); the
    template methods below are written once, here, using nothing but those primitives.
    """

    # -- the contract ---------------------------------------------------------------------------
    @property
    @abstractmethod
    def location(self) -> str:
        """Where the data lives, for people: "memory", a file path..."""

    @abstractmethod
    def read(self, key: str) -> str:
        """The value stored under ``key``; KeyError if there is none."""

    @abstractmethod
    def write(self, key: str, value: str) -> None:
        """Store ``value`` under ``key``, replacing any value there."""

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove ``key``; KeyError if there is none."""

    @abstractmethod
    def keys(self) -> list[str]:
        """The keys stored now."""

    @classmethod
    def __subclasshook__(cls, other: type) -> Any:
        # Only for Storage itself: a subclass such as MemoryStorage inherits this hook, and a
        # duck-typed class must not count as a MemoryStorage.
        if cls is not Storage:
            return NotImplemented
        for name in PRIMITIVES:
            for klass in other.__mro__:
                if name in vars(klass):
                    if vars(klass)[name] is None:  # set to None: explicitly not provided
                        return NotImplemented
                    break
            else:
                return NotImplemented
        # NotImplemented (never False) when it doesn't fit, so Storage.register() still works
        return True

    # -- template methods, built on the primitives only ------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self.read(key)
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return key in self.keys()

    def __len__(self) -> int:
        return len(self.keys())

    def pop(self, key: str, default: Any = _MISSING) -> Any:
        try:
            value = self.read(key)
        except KeyError:
            if default is _MISSING:
                raise
            return default
        self.delete(key)
        return value

    def rename(self, old: str, new: str) -> None:
        if new in self:
            raise ValueError(f"cannot rename {old!r} to {new!r}: {new!r} already exists")
        value = self.read(old)  # KeyError if old is missing, before anything changes
        self.write(new, value)
        self.delete(old)

    def save_json(self, key: str, obj: Any) -> None:
        self.write(key, json.dumps(obj))

    def load_json(self, key: str) -> Any:
        return json.loads(self.read(key))

    def copy_to(self, other: Storage) -> int:
        count = 0
        for key in self.keys():
            other.write(key, self.read(key))
            count += 1
        return count

    def clear(self) -> None:
        for key in self.keys():
            self.delete(key)


def _check(key: Any, value: Any) -> None:
    if not isinstance(key, str) or not isinstance(value, str):
        raise TypeError(f"keys and values are str, got {type(key).__name__} and {type(value).__name__}")


class MemoryStorage(Storage):
    """Everything in a dict of this object's own."""

    def __init__(self) -> None:
        self._data: dict[str, str] = {}

    @property
    def location(self) -> str:
        return "memory"

    def read(self, key: str) -> str:
        return self._data[key]

    def write(self, key: str, value: str) -> None:
        _check(key, value)
        self._data[key] = value

    def delete(self, key: str) -> None:
        del self._data[key]

    def keys(self) -> list[str]:
        return list(self._data)


class JsonFileStorage(Storage):
    """One JSON object in a file, read afresh on every call: another process may change it."""

    def __init__(self, path: str | os.PathLike) -> None:
        self._path = Path(path)

    @property
    def location(self) -> str:
        return str(self._path)

    def _load(self) -> dict[str, str]:
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        return json.loads(text)

    def _store(self, data: dict[str, str]) -> None:
        # write a temporary file beside it and rename over: a reader never sees half a file
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=self._path.name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f)
            os.replace(tmp, self._path)
        except BaseException:
            os.unlink(tmp)
            raise

    def read(self, key: str) -> str:
        return self._load()[key]

    def write(self, key: str, value: str) -> None:
        _check(key, value)
        data = self._load()
        data[key] = value
        self._store(data)

    def delete(self, key: str) -> None:
        data = self._load()
        del data[key]  # KeyError before the file is touched
        self._store(data)

    def keys(self) -> list[str]:
        return list(self._load())


class StorageMapping(MutableMapping):
    """Any Storage (a duck-typed one too) as a MutableMapping.

    MutableMapping asks for five methods and derives the rest from them: get, pop, popitem,
    setdefault, update, clear, keys/items/values, ``in`` and ``==``.
    """

    def __init__(self, storage: Storage) -> None:
        self.storage = storage

    def __getitem__(self, key: str) -> str:
        return self.storage.read(key)

    def __setitem__(self, key: str, value: str) -> None:
        self.storage.write(key, value)

    def __delitem__(self, key: str) -> None:
        self.storage.delete(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.storage.keys())

    def __len__(self) -> int:
        return len(self.storage.keys())
