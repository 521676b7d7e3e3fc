import copy
import pickle
import threading
import time

import pytest

from pyexercise.checklib import hammer, race_amplifier
from singleton import PROS_AND_CONS, SingletonMeta, singleton


class Config(metaclass=SingletonMeta):
    """The application's configuration."""

    def __init__(self, env="dev"):
        self.env = env
        self.settings = {"debug": env == "dev"}


class Registry:
    """A registry of services."""

    def __init__(self, name="main"):
        self.name = name
        self.services = []


_decorated = []


def registry():
    """Registry decorated with @singleton: done on first use rather than at import, so an unfinished
    decorator fails only the tests that use it. The module name Registry then means the decorated
    class, as `@singleton` on the class statement would make it (pickle looks it up there)."""
    global Registry
    if not _decorated:
        _decorated.append(singleton(Registry))
        Registry = _decorated[0]
    return _decorated[0]


@pytest.fixture(autouse=True)
def fresh():
    """Every test starts with no instances."""
    yield

    def reset_all():
        for cls in [Config] + _decorated:
            try:
                cls.reset()
            except NotImplementedError:
                pass

    # in a thread of its own: after a deadlock, a lock may be held forever and reset() wait on it
    resetter = threading.Thread(target=reset_all, daemon=True)
    resetter.start()
    resetter.join(2)


def make_slow(kind):
    """A class whose __init__ is slow (so racing threads pile up in it) and counts its calls."""
    state = {"inits": 0}
    lock = threading.Lock()

    def __init__(self):
        with lock:
            state["inits"] += 1
        self.ready = False
        time.sleep(0.03)
        self.ready = True

    if kind == "metaclass":
        cls = SingletonMeta("Slow", (), {"__init__": __init__})
    else:
        cls = singleton(type("Slow", (), {"__init__": __init__}))
    return cls, state


def test_metaclass_gives_one_instance():
    """every call of a SingletonMeta class returns the same object, initialised once"""
    a = Config("prod")
    b = Config()
    assert type(a) is Config, f"Config() should return a Config, got {type(a).__name__}"
    assert a is b, "Config() called twice should return the very same object"
    assert b.env == "prod", ("the first call's arguments build the instance; a later Config() must not run "
                             f"__init__ again (env is now {b.env!r}, not 'prod')")
    assert Config("staging").env == "prod", "arguments of later calls are ignored, not applied"


def test_decorator_gives_one_instance_and_stays_a_class():
    """@singleton gives one instance and keeps a class: isinstance, name and docstring work"""
    Registry = registry()
    a = Registry("core")
    b = Registry()
    assert a is b, "Registry() called twice should return the very same object"
    assert b.name == "core", "__init__ runs once: a later Registry() must not re-run it"
    assert isinstance(Registry, type), (f"@singleton should return a class, not a {type(Registry).__name__}: "
                                        "isinstance() and pickle need a class")
    assert isinstance(a, Registry), "isinstance(Registry(), Registry) should be True"
    assert (Registry.__name__, Registry.__qualname__, Registry.__module__, Registry.__doc__) == (
        "Registry", "Registry", __name__, "A registry of services."), (
        "the decorated class should keep its __name__, __qualname__, __module__ and __doc__")


def test_reset_builds_a_new_instance():
    """reset() forgets the instance: the next call builds and initialises a new one"""
    for cls in (Config, registry()):
        first = cls()
        first.marker = 1
        cls.reset()
        second = cls()
        assert second is not first, f"after {cls.__name__}.reset(), {cls.__name__}() should build a new object"
        assert not hasattr(second, "marker"), "the new instance is a fresh one"
        assert cls() is second, "and then that new one is the singleton"
    Config.reset()
    assert Config("test").env == "test", "after reset() the next call's arguments initialise the new instance"


def test_each_class_has_its_own_instance():
    """two singleton classes, or a class and its subclass, each have their own instance"""
    @singleton
    class Local:
        """made inside a function"""

    assert Local() is Local() and Local.__qualname__.endswith("<locals>.Local"), (
        f"@singleton should keep the class's __qualname__ ({Local.__qualname__!r} should end '<locals>.Local')")

    class Base(metaclass=SingletonMeta):
        pass

    class Child(Base):
        pass

    base, child = Base(), Child()
    assert type(base) is Base and type(child) is Child, (
        f"Base() should be a Base and Child() a Child, got {type(base).__name__} and {type(child).__name__}: "
        "keep one instance per class, not one for the whole hierarchy")
    assert Child() is child and Base() is base
    assert Config() is not base and registry()() is not Config(), "different classes never share an instance"
    Child.reset()
    assert Base() is base, "Child.reset() must not reset Base"
    assert Child() is not child


def test_failed_init_is_not_kept():
    """if __init__ raises, no instance is kept and the next call tries again"""
    attempts = []

    class Flaky(metaclass=SingletonMeta):
        def __init__(self):
            attempts.append(1)
            if len(attempts) == 1:
                raise ConnectionError("database not up yet")

    with pytest.raises(ConnectionError):
        Flaky()
    obj = Flaky()
    assert isinstance(obj, Flaky) and len(attempts) == 2, "the second call should build the instance afresh"
    assert Flaky() is obj and len(attempts) == 2


def test_copy_deepcopy_and_pickle_give_the_same_object():
    """copy.copy, copy.deepcopy and a pickle round trip all give back the one instance"""
    for cls in (Config, registry()):
        obj = cls()
        name = cls.__name__
        assert copy.copy(obj) is obj, f"copy.copy({name}()) should be the instance itself, not a second one"
        assert copy.deepcopy(obj) is obj, f"copy.deepcopy({name}()) should be the instance itself"
        assert copy.deepcopy({"x": [obj]})["x"][0] is obj, "deepcopy of a structure holding it keeps the instance"
        for protocol in (0, 2, pickle.HIGHEST_PROTOCOL):
            back = pickle.loads(pickle.dumps(obj, protocol))
            assert back is obj, (f"pickle.loads(pickle.dumps({name}(), protocol={protocol})) should be the instance "
                                 "itself: pickle it by reference (__reduce__ returning the class to call)")


@pytest.mark.parametrize("kind", ["metaclass", "decorator"])
def test_sixteen_threads_get_one_instance(kind):
    """16 threads racing to build a slow singleton get one instance and one __init__ call"""
    cls, state = make_slow(kind)
    with race_amplifier():
        run = hammer(lambda: cls(), threads=16, calls=3)
    if run.errors:
        raise run.errors[0]
    ids = {id(obj) for obj in run.results}
    assert state["inits"] == 1, (f"with 16 threads calling it at once, __init__ ran {state['inits']} times: guard "
                                 "check-and-create with the class's lock, and check for the instance again once "
                                 "you hold it (double-checked locking)")
    assert len(ids) == 1, f"16 threads got {len(ids)} different instances: one lock around check-and-create"
    assert all(obj.ready for obj in run.results), (
        "a thread got the instance before its __init__ had finished: publish it only when it is complete")


def test_pros_and_cons():
    """the six statements about singletons: each marked True or False"""
    assert isinstance(PROS_AND_CONS, dict) and len(PROS_AND_CONS) == 6, (
        "PROS_AND_CONS should still be the dict of the six statements: change only the values")
    unanswered = [s for s, v in PROS_AND_CONS.items() if v is None]
    if unanswered:
        raise NotImplementedError(f"answer each statement with True or False, starting with: {unanswered[0]!r}")
    for statement, answer in PROS_AND_CONS.items():
        assert type(answer) is bool, f"answer with True or False, not {answer!r}: {statement!r}"
    statements = list(PROS_AND_CONS)
    starts = ["A singleton is global state", "Because of the GIL", "A module is already a singleton",
              "Each unit test automatically", "A singleton can hand one shared", "With SingletonMeta, the arguments"]
    for start, statement in zip(starts, statements):
        assert statement.startswith(start), (f"keep the six statements as they were, in their order: expected one "
                                             f"starting {start!r}, found {statement!r}")
    keys = iter(statements)
    why = [
        (True, "a singleton is a global in disguise: callers can't be handed another one, so tests must reset it"),
        (False, "without a lock a thread can be switched out between the check and the store; you saw 16 threads "
                "build it several times when the check raced them"),
        (True, "a module body runs once per process and sys.modules keeps it: `config = Config()` in a module is a "
               "singleton already"),
        (False, "the instance outlives each test: whatever one test changed, the next one sees (hence reset())"),
        (True, "that is the pattern's real use: one shared, lazily built resource"),
        (False, "__init__ runs only for the first call; later arguments are silently ignored, a classic surprise"),
    ]
    for (want, reason), statement in zip(why, keys):
        assert PROS_AND_CONS[statement] is want, f"{statement!r} is not {PROS_AND_CONS[statement]}: {reason}"


def test_a_singleton_may_use_another_in_its_init():
    """an __init__ that uses another singleton does not deadlock (no global lock held across __init__)"""
    class Logger(metaclass=SingletonMeta):
        pass

    class App(metaclass=SingletonMeta):
        def __init__(self):
            self.logger = Logger()

    done, failed = [], []

    def build():
        try:
            done.append(App())
        except BaseException as exc:  # noqa: BLE001 - raised again below, in the test's thread
            failed.append(exc)

    worker = threading.Thread(target=build, daemon=True)
    worker.start()
    worker.join(2)
    if failed:
        raise failed[0]
    assert done, ("App(), whose __init__ calls Logger(), never returned: a deadlock. Give each class its own lock "
                  "instead of one lock for every singleton")
    assert done[0].logger is Logger() and App() is done[0]
