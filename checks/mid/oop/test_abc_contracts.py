import json
import os
from collections.abc import MutableMapping

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from abc_contracts import JsonFileStorage, MemoryStorage, Storage, StorageMapping

PRIMITIVES = {"location", "read", "write", "delete", "keys"}
MIXINS = {"__contains__", "__eq__", "__ne__", "keys", "items", "values", "get", "pop", "popitem", "clear", "update",
          "setdefault"}


class CountingStore(Storage):
    """A complete Storage written in the check: its data is in a dict only it knows about, and it
    counts the calls of each primitive."""

    def __init__(self):
        self.hidden = {}
        self.calls = {name: 0 for name in ("read", "write", "delete", "keys")}

    @property
    def location(self):
        return "the check"

    def read(self, key):
        self.calls["read"] += 1
        return self.hidden[key]

    def write(self, key, value):
        self.calls["write"] += 1
        self.hidden[key] = value

    def delete(self, key):
        self.calls["delete"] += 1
        del self.hidden[key]

    def keys(self):
        self.calls["keys"] += 1
        return list(self.hidden)


class DuckStore:
    """Not a subclass of Storage, yet it has the whole interface."""

    def __init__(self):
        self.d = {}

    location = "a duck"

    def read(self, key):
        return self.d[key]

    def write(self, key, value):
        self.d[key] = value

    def delete(self, key):
        del self.d[key]

    def keys(self):
        return list(self.d)


@pytest.fixture(params=["memory", "json file"])
def storage(request, tmp_path):
    return MemoryStorage() if request.param == "memory" else JsonFileStorage(tmp_path / "store.json")


def test_basic_read_write_delete(storage):
    """write, read, overwrite, delete and keys, in both implementations"""
    assert storage.write("a", "1") is None, "write() returns None"
    storage.write("b", "2")
    storage.write("a", "one")
    got = storage.read("a")
    assert type(got) is str and got == "one", f"read('a') after overwriting should be 'one', got {got!r}"
    assert sorted(storage.keys()) == ["a", "b"], f"keys() should be a and b, got {storage.keys()!r}"
    storage.delete("a")
    assert list(storage.keys()) == ["b"], f"after delete('a') only 'b' is left, got {storage.keys()!r}"
    with pytest.raises(KeyError):
        storage.read("a")
    with pytest.raises(KeyError):
        storage.delete("a")
    storage.write("", "")
    assert storage.read("") == "", "an empty key and value are fine"


def test_only_strings(storage):
    """keys and values are str: anything else is a TypeError, and nothing is stored"""
    storage.write("ok", "1")
    for key, value in [(1, "x"), ("k", 1), ("k", None), (None, "v"), ("k", b"bytes")]:
        with pytest.raises(TypeError):
            storage.write(key, value)
            pytest.fail(f"write({key!r}, {value!r}) should be a TypeError: keys and values are str")
    assert list(storage.keys()) == ["ok"], "a refused write must store nothing"


def test_location(storage, tmp_path):
    """location is a property: 'memory', or the file's path"""
    got = storage.location
    want = "memory" if type(storage) is MemoryStorage else str(tmp_path / "store.json")
    assert got == want, f"location should be {want!r}, got {got!r}"
    assert isinstance(vars(type(storage)).get("location"), property), "location should be a property"


def test_memory_stores_are_separate():
    """two MemoryStorage objects do not share their data"""
    a, b = MemoryStorage(), MemoryStorage()
    a.write("k", "v")
    assert list(b.keys()) == [], "writing to one MemoryStorage showed up in another: keep the dict per instance"


def test_json_file_format_and_missing_file(tmp_path):
    """the file holds one JSON object; a missing file is an empty store"""
    path = tmp_path / "data.json"
    store = JsonFileStorage(path)
    assert list(store.keys()) == [] and not path.exists(), "a missing file is an empty storage (and reading creates nothing)"
    store.write("name", "Ada")
    store.write("lang", "Python")
    got = json.loads(path.read_text(encoding="utf-8"))
    assert got == {"name": "Ada", "lang": "Python"}, f"the file should hold the JSON object of all entries, got {got!r}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"], "no temporary files may be left behind"


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    """if the final rename fails, the old file is intact and no temporary file is left"""
    path = tmp_path / "data.json"
    store = JsonFileStorage(path)
    store.write("keep", "me")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    monkeypatch.setattr(os, "rename", broken)
    with pytest.raises(OSError):
        store.write("new", "value")
    monkeypatch.undo()
    assert json.loads(path.read_text(encoding="utf-8")) == {"keep": "me"}, "a failed write must leave the old file"
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["data.json"], f"a failed write left files behind: {left}: remove the temporary file on failure"


def test_json_file_is_read_on_every_call(tmp_path):
    """another program changing the file between two calls is seen: nothing is cached"""
    path = tmp_path / "shared.json"
    store = JsonFileStorage(path)
    store.write("a", "1")
    assert store.read("a") == "1"
    path.write_text(json.dumps({"a": "changed", "b": "new"}), encoding="utf-8")
    assert store.read("a") == "changed", "the file changed between two calls: read() must see the new value"
    assert sorted(store.keys()) == ["a", "b"], "keys() must see the key another program added"
    other = JsonFileStorage(path)
    other.delete("b")
    assert "b" not in store, "a second JsonFileStorage on the same file deleted 'b': the first must see it"
    store.write("c", "3")
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": "changed", "c": "3"}, (
        "write() must start from the file as it is now, not from a copy read earlier")


def test_storage_is_an_abc_with_five_primitives():
    """Storage can't be instantiated; exactly location, read, write, delete and keys are abstract"""
    MemoryStorage().write("k", "v")
    with pytest.raises(TypeError):
        Storage()
    got = set(Storage.__abstractmethods__)
    assert got == PRIMITIVES, (f"the abstract members should be exactly {sorted(PRIMITIVES)}, got {sorted(got)}: the "
                               "template methods are concrete, built on these")
    prop = vars(Storage).get("location")
    assert isinstance(prop, property) and getattr(prop.fget, "__isabstractmethod__", False), (
        "location should be an abstract property (@property on top of @abstractmethod)")


@pytest.mark.parametrize("missing", sorted(PRIMITIVES))
def test_subclass_missing_a_primitive_cannot_be_made(missing):
    """a subclass without one of the primitives is a TypeError when instantiated"""
    MemoryStorage().write("k", "v")
    body = {name: member for name, member in vars(CountingStore).items()
            if name in PRIMITIVES | {"__init__"} and name != missing}
    Partial = type(f"StoreWithout_{missing}", (Storage,), body)
    with pytest.raises(TypeError, match=missing):
        Partial()
        pytest.fail(f"a Storage subclass without {missing} should not be instantiable")


def test_template_methods_work_on_any_subclass():
    """a subclass written elsewhere gets every template method, built only on its primitives"""
    s = CountingStore()
    s.write("a", "1")
    assert s.get("a") == "1" and s.get("zz") is None and s.get("zz", "d") == "d", "get() with and without default"
    assert ("a" in s) is True and ("zz" in s) is False, "`in` should say whether a key is stored"
    assert len(s) == 1, "len() counts the keys"
    assert s.pop("a") == "1" and "a" not in s, "pop() returns the value and removes it"
    assert s.pop("a", "gone") == "gone", "pop(key, default) returns the default for a missing key"
    with pytest.raises(KeyError):
        s.pop("a")
    s.save_json("cfg", {"debug": True, "level": [1, 2]})
    assert type(s.hidden["cfg"]) is str, "save_json() writes the object as a JSON string, through write()"
    assert s.load_json("cfg") == {"debug": True, "level": [1, 2]}, "load_json() reads it back"
    s.write("x", "X")
    s.rename("x", "y")
    assert s.hidden == {"cfg": s.hidden["cfg"], "y": "X"}, f"rename('x', 'y') moves the value: {s.hidden}"
    with pytest.raises(KeyError):
        s.rename("nope", "z")
    with pytest.raises(ValueError):
        s.rename("y", "cfg")
        pytest.fail("rename onto an existing key should be a ValueError")
    assert s.hidden["y"] == "X" and "z" not in s.hidden, "a refused rename changes nothing"
    target = MemoryStorage()
    assert s.copy_to(target) == 2, "copy_to() returns how many entries it copied"
    assert sorted(target.keys()) == ["cfg", "y"] and target.read("y") == "X"
    s.clear()
    assert s.hidden == {} and len(s) == 0, "clear() deletes every key"
    assert all(s.calls.values()), f"the template methods should work through the primitives: calls {s.calls}"


def test_template_methods_on_both_implementations(storage):
    """the built-in implementations get them too: get, in, pop, rename, json, copy_to, clear"""
    storage.write("a", "1")
    storage.rename("a", "b")
    assert storage.get("b") == "1" and "a" not in storage
    storage.save_json("j", [1, {"x": None}])
    assert storage.load_json("j") == [1, {"x": None}]
    other = MemoryStorage()
    assert storage.copy_to(other) == 2 and len(other) == 2
    storage.clear()
    assert len(storage) == 0


def test_duck_typed_classes_are_storages():
    """__subclasshook__: a class with the whole interface counts as a Storage without inheriting"""
    MemoryStorage().write("k", "v")
    assert issubclass(DuckStore, Storage) and isinstance(DuckStore(), Storage), (
        "DuckStore has location, read, write, delete and keys: isinstance(DuckStore(), Storage) should be True")

    class SubDuck(DuckStore):
        pass

    assert isinstance(SubDuck(), Storage), "a subclass of a duck-typed storage is one too"
    assert not hasattr(DuckStore(), "get"), "a virtual subclass gets no template methods (nor should it)"
    assert not issubclass(DuckStore, MemoryStorage) and not isinstance(DuckStore(), JsonFileStorage), (
        "DuckStore is a Storage, but not a MemoryStorage: the hook should answer only for Storage itself "
        "(check `cls is Storage`)")


@pytest.mark.parametrize("missing", sorted(PRIMITIVES))
def test_incomplete_ducks_are_not_storages(missing):
    """a class lacking one of the five, or setting one to None, is not a Storage"""
    MemoryStorage().write("k", "v")
    body = {k: v for k, v in vars(DuckStore).items() if k in PRIMITIVES and k != missing}
    Lacking = type(f"DuckWithout_{missing}", (), body)
    assert not isinstance(Lacking(), Storage), f"a class without {missing} should not count as a Storage"
    Blocked = type(f"DuckWith_{missing}_None", (DuckStore,), {missing: None})
    assert not issubclass(Blocked, Storage), (f"a class that sets {missing} = None says it does not have it (as "
                                              "collections.abc does): it should not count as a Storage")
    for obj in (object(), 42, {}):
        assert not isinstance(obj, Storage)


def test_register_a_virtual_subclass():
    """Storage.register() makes any class a Storage, even one the hook would not accept"""
    MemoryStorage().write("k", "v")

    class Legacy:
        def read(self, key):
            return "?"

    assert not isinstance(Legacy(), Storage), "Legacy lacks most of the interface: not a Storage by itself"
    assert Storage.register(Legacy) is Legacy, "register() returns the class (so it can be a decorator)"
    assert isinstance(Legacy(), Storage) and issubclass(Legacy, Storage), (
        "after Storage.register(Legacy), isinstance(Legacy(), Storage) should be True: the hook must return "
        "NotImplemented, not False, for classes it doesn't recognise, or it overrides register()")


def test_mapping_is_built_from_five_methods():
    """StorageMapping is a MutableMapping that defines only the five abstract methods"""
    m = StorageMapping(MemoryStorage())
    assert isinstance(m, MutableMapping), "StorageMapping should subclass collections.abc.MutableMapping"
    extra = set(vars(StorageMapping)) & MIXINS
    assert not extra, (f"StorageMapping should define only __getitem__, __setitem__, __delitem__, __iter__ and "
                       f"__len__; MutableMapping provides the rest. It also defines: {sorted(extra)}")
    m["a"] = "1"
    m.update({"b": "2"}, c="3")
    assert m.setdefault("a", "x") == "1" and m.setdefault("d", "4") == "4"
    assert dict(m) == {"a": "1", "b": "2", "c": "3", "d": "4"} and m == {"a": "1", "b": "2", "c": "3", "d": "4"}
    assert m.pop("d") == "4" and "d" not in m and len(m) == 3
    assert sorted(m.items()) == [("a", "1"), ("b", "2"), ("c", "3")]
    with pytest.raises(KeyError):
        m["zz"]
    m.clear()
    assert len(m) == 0 and m == {}


def test_mapping_over_any_storage(tmp_path):
    """StorageMapping works over a JSON file (changes from outside seen) and over a duck"""
    path = tmp_path / "m.json"
    m = StorageMapping(JsonFileStorage(path))
    m["k"] = "v"
    path.write_text(json.dumps({"k": "outside"}), encoding="utf-8")
    assert m["k"] == "outside" and dict(m) == {"k": "outside"}, "the mapping reads through to the file each time"
    d = StorageMapping(DuckStore())
    d["x"] = "1"
    assert d.get("x") == "1" and list(d) == ["x"] and d.storage.d == {"x": "1"}


class MappingModel(RuleBasedStateMachine):
    """StorageMapping over a MemoryStorage against a plain dict."""

    @initialize()
    def start(self):
        self.m = StorageMapping(MemoryStorage())
        self.model = {}

    @rule(key=st.sampled_from("abcd"), value=st.text(max_size=2))
    def set(self, key, value):
        self.m[key] = value
        self.model[key] = value

    @rule(key=st.sampled_from("abcd"))
    def delete(self, key):
        if key in self.model:
            del self.m[key]
            del self.model[key]
        else:
            with pytest.raises(KeyError):
                del self.m[key]

    @rule(key=st.sampled_from("abcd"), default=st.text(max_size=1))
    def pop(self, key, default):
        assert self.m.pop(key, default) == self.model.pop(key, default)

    @rule()
    def popitem(self):
        if self.model:
            key, value = self.m.popitem()
            assert self.model.pop(key) == value
        else:
            with pytest.raises(KeyError):
                self.m.popitem()

    @invariant()
    def agrees(self):
        if hasattr(self, "m"):
            assert dict(self.m) == self.model and len(self.m) == len(self.model)


TestMappingModel = MappingModel.TestCase
TestMappingModel.settings = settings(max_examples=40, stateful_step_count=20)
TestMappingModel.__doc__ = "random sets, deletes and pops agree with a dict"
