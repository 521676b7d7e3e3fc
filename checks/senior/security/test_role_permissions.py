import asyncio
import contextvars
import inspect
import random
import threading

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from pyexercise.checklib import hammer, race_amplifier
from role_permissions import (NotAuthenticated, PermissionDenied, RoleCycleError, Roles, User, acting_as,
                              current_user)


DIAMOND = ("admin inherits from editor and moderator, which both inherit from viewer: a diamond, not a cycle. "
           "A role reached twice is not a loop; a loop is a role that reaches itself")


def newsroom() -> Roles:
    roles = Roles()
    try:
        roles.define("viewer", permissions={"articles:read"})
        roles.define("editor", permissions={"articles:write"}, inherits={"viewer"})
        roles.define("moderator", permissions={"comments:delete"}, inherits={"viewer"})
        roles.define("admin", permissions={"users:manage"}, inherits={"editor", "moderator"})
    except RoleCycleError as exc:
        pytest.fail(f"defining the newsroom roles raised RoleCycleError({exc}): {DIAMOND}")
    return roles


ANN = User("ann", {"editor"})
VIC = User("vic", {"viewer"})
ADA = User("ada", {"admin"})


# ------------------------------------------------------------------------------ roles


def test_inherited_permissions():
    """a role has its own permissions plus all its ancestors'"""
    roles = newsroom()
    cases = {
        "viewer": {"articles:read"},
        "editor": {"articles:read", "articles:write"},
        "moderator": {"articles:read", "comments:delete"},
        "admin": {"articles:read", "articles:write", "comments:delete", "users:manage"},
    }
    for role, want in cases.items():
        try:
            got = roles.permissions(role)
        except RoleCycleError as exc:
            pytest.fail(f"permissions({role!r}) raised RoleCycleError({exc}): {DIAMOND}")
        assert type(got) is frozenset, f"permissions({role!r}) should be a frozenset, got {type(got).__name__}"
        assert got == want, f"permissions({role!r}) should be {sorted(want)}, got {sorted(got)}"


def test_diamond_is_not_a_cycle():
    """two parents sharing a grandparent is fine, however it is built"""
    roles = newsroom()  # admin -> editor -> viewer and admin -> moderator -> viewer: a diamond
    roles.define("auditor", inherits={"viewer"})
    roles.define("admin", inherits={"auditor", "viewer"})  # a third path to viewer, and a direct one
    roles.define("superadmin", inherits={"admin", "editor", "viewer"})
    assert "articles:read" in roles.permissions("superadmin"), "superadmin inherits articles:read through viewer"


def test_define_extends_a_role():
    """defining a role again adds permissions and parents"""
    roles = newsroom()
    roles.define("viewer", permissions={"comments:read"})
    assert roles.permissions("viewer") == {"articles:read", "comments:read"}, (
        f"define('viewer', permissions={{'comments:read'}}) should add to viewer, got {sorted(roles.permissions('viewer'))}")
    roles.define("guest")
    roles.define("guest", inherits={"viewer"})
    assert roles.permissions("guest") == {"articles:read", "comments:read"}, "guest should now inherit from viewer"


def test_change_reaches_descendants():
    """a permission granted to a role is at once seen by every role inheriting from it"""
    roles = newsroom()
    assert "stats:read" not in roles.permissions("admin")
    roles.define("viewer", permissions={"stats:read"})
    assert "stats:read" in roles.permissions("admin"), (
        "viewer got stats:read, so admin (which inherits from viewer through editor) should have it now: "
        "compute inherited permissions when asked, or drop what you cached")


def test_define_takes_any_iterables():
    """define() accepts lists, sets and one-shot iterators for permissions and parents"""
    roles = newsroom()
    roles.define("intern", permissions=iter(["coffee:make"]), inherits=(r for r in ["viewer", "moderator"]))
    got = roles.permissions("intern")
    assert got == {"coffee:make", "articles:read", "comments:delete"}, (
        f"define('intern', permissions=<iterator>, inherits=<generator>) should work like lists (an iterator can "
        f"be read only once: turn it into a set first); got {sorted(got)}")
    roles.define("temp", permissions=["a", "b", "a"], inherits=["intern"])
    assert roles.permissions("temp") == {"a", "b", "coffee:make", "articles:read", "comments:delete"}


def test_user_is_a_value():
    """User keeps its roles as a frozenset and is hashable (the given dataclass, unchanged)"""
    roles = newsroom()
    user = User("ann", ["editor", "viewer"])
    assert type(user.roles) is frozenset and user.roles == {"editor", "viewer"}, "User.roles should be a frozenset"
    assert {user: 1}[User("ann", {"viewer", "editor"})] == 1, "User should be frozen and hashable"
    assert roles.allows(user, "articles:write") is True
    assert isinstance(current_user, contextvars.ContextVar) and current_user.name == "current_user", (
        "keep current_user as the given ContextVar('current_user', default=None)")


def test_unknown_roles():
    """an undefined parent is a ValueError, permissions() of an undefined role a KeyError"""
    roles = newsroom()
    with pytest.raises(ValueError) as info:
        roles.define("intern", inherits={"nobody"})
    assert not isinstance(info.value, RoleCycleError), "an undefined parent is a plain ValueError, not a cycle"
    with pytest.raises(KeyError):
        roles.permissions("intern")
    with pytest.raises(KeyError):
        roles.permissions("nobody")


@pytest.mark.parametrize("name, parents, why", [
    ("viewer", {"viewer"}, "a role inheriting from itself"),
    ("viewer", {"editor"}, "viewer -> editor -> viewer"),
    ("viewer", {"admin"}, "viewer -> admin -> editor -> viewer"),
    ("moderator", {"admin"}, "moderator -> admin -> moderator"),
    ("editor", {"moderator", "admin"}, "one good parent and one that loops"),
])
def test_cycles_rejected(name, parents, why):
    """a define() that makes a role its own ancestor is RoleCycleError"""
    roles = newsroom()
    with pytest.raises(RoleCycleError):
        roles.define(name, permissions={"sneaky"}, inherits=parents)
        pytest.fail(f"define({name!r}, inherits={sorted(parents)}) should raise RoleCycleError: {why}")
    assert issubclass(RoleCycleError, ValueError), "RoleCycleError should subclass ValueError"


def test_rejected_define_changes_nothing():
    """after a RoleCycleError every role is exactly as before, and the hierarchy still works"""
    roles = newsroom()
    before = {r: roles.permissions(r) for r in ("viewer", "editor", "moderator", "admin")}
    with pytest.raises(RoleCycleError):
        roles.define("editor", permissions={"sneaky"}, inherits={"moderator", "admin"})
    after = {r: roles.permissions(r) for r in before}
    assert after == before, (f"a refused define() must change nothing (not the permissions given with it, not the "
                             f"good parent 'moderator'): before {before}, after {after}")
    roles.define("editor", inherits={"moderator"})
    assert "comments:delete" in roles.permissions("editor"), "a valid define() after a refused one should work"


def test_long_cycle():
    """a loop through a chain of 300 roles is caught too"""
    roles = Roles()
    roles.define("r0", permissions={"p0"})
    for i in range(1, 300):
        roles.define(f"r{i}", permissions={f"p{i}"}, inherits={f"r{i - 1}"})
    assert len(roles.permissions("r299")) == 300, "r299 should have the 300 permissions of the whole chain"
    with pytest.raises(RoleCycleError):
        roles.define("r0", inherits={"r299"})
    assert roles.permissions("r0") == {"p0"}, "the refused define() changed r0"


# ------------------------------------------------------------------------------ acting_as


def test_acting_as_sets_and_restores():
    """acting_as sets current_user for the block and restores it, also when blocks nest"""
    with acting_as(ANN) as got:
        assert got is ANN, "`with acting_as(user) as u` should give the user"
        assert current_user.get() is ANN, "inside acting_as(ann), current_user.get() should be ann"
        with acting_as(VIC):
            assert current_user.get() is VIC, "the inner block acts as vic"
            with acting_as(None):
                assert current_user.get() is None, "acting_as(None) means nobody is acting"
            assert current_user.get() is VIC, "after acting_as(None) ends, vic is back"
        assert current_user.get() is ANN, ("after the inner block, ann should be back: reset the ContextVar with "
                                           "the token set() gave you, don't set it to None")
    assert current_user.get() is None, "after the outer block nobody is acting"


def test_acting_as_restores_after_exception():
    """an exception in the block still restores the previous user"""
    with acting_as(ANN):
        with pytest.raises(ZeroDivisionError):
            with acting_as(VIC):
                1 / 0
        assert current_user.get() is ANN, "an exception inside acting_as(vic) should still put ann back"
    assert current_user.get() is None


def test_allows():
    """allows(user, permission) looks through all of the user's roles; undefined roles grant nothing"""
    roles = newsroom()
    both = User("bo", {"editor", "moderator"})
    assert roles.allows(both, "comments:delete") is True and roles.allows(both, "articles:write") is True, (
        "a user with two roles has the permissions of both")
    assert roles.allows(both, "users:manage") is False, "neither editor nor moderator may manage users"
    ghost = User("gus", {"ghost", "viewer"})
    assert roles.allows(ghost, "articles:read") is True, "gus's viewer role counts even though 'ghost' is undefined"
    assert roles.allows(User("nobody"), "articles:read") is False, "a user with no roles has no permissions"


# ------------------------------------------------------------------------------ requires


def test_requires_allows_and_denies():
    """the decorated function runs for a user with the permission, and is refused otherwise"""
    roles = newsroom()
    ran = []

    @roles.requires("articles:write")
    def publish(title, *, draft=False):
        ran.append(title)
        return (title, draft, current_user.get().name)

    with acting_as(ANN):
        got = publish("Hello", draft=True)
    assert got == ("Hello", True, "ann"), f"publish('Hello', draft=True) as ann should run and return, got {got!r}"
    with acting_as(ADA):
        assert publish("Again") == ("Again", False, "ada"), "an admin inherits articles:write"
    with acting_as(VIC):
        with pytest.raises(PermissionDenied) as info:
            publish("Nope")
    assert info.value.missing == frozenset({"articles:write"}), f".missing should be {{'articles:write'}}, got {info.value.missing!r}"
    assert info.value.user is VIC, "PermissionDenied.user should be the acting user"
    assert str(info.value) == "vic lacks articles:write", f"the message should be 'vic lacks articles:write', got {info.value}"
    assert ran == ["Hello", "Again"], f"a refused call must not run the function's body; it ran for {ran}"


def test_nobody_acting():
    """with nobody acting the call is NotAuthenticated, and the body does not run"""
    roles = newsroom()
    ran = []

    @roles.requires("articles:read")
    def read():
        ran.append(1)

    with pytest.raises(NotAuthenticated):
        read()
    with acting_as(ANN), acting_as(None), pytest.raises(NotAuthenticated):
        read()
    assert not ran, "the function ran although nobody was acting"
    assert issubclass(NotAuthenticated, PermissionError) and issubclass(PermissionDenied, PermissionError)


def test_all_permissions_required():
    """requires(a, b) needs both; .missing lists exactly the absent ones"""
    roles = newsroom()

    @roles.requires("articles:write", "comments:delete", "articles:read")
    def purge():
        return "purged"

    assert purge.required_permissions == frozenset({"articles:write", "comments:delete", "articles:read"}), (
        f".required_permissions should be the frozenset asked for, got {getattr(purge, 'required_permissions', None)!r}")
    with acting_as(ADA):
        assert purge() == "purged", "admin has all three permissions"
    with acting_as(ANN), pytest.raises(PermissionDenied) as info:
        purge()
    assert info.value.missing == {"comments:delete"}, f"ann lacks only comments:delete, .missing was {info.value.missing!r}"
    with acting_as(VIC), pytest.raises(PermissionDenied) as info:
        purge()
    assert info.value.missing == {"articles:write", "comments:delete"}, f"vic lacks two, .missing was {info.value.missing!r}"
    assert str(info.value) == "vic lacks articles:write, comments:delete", f"the message was {info.value}"


def test_requires_needs_a_permission():
    """requires() with no permission is a ValueError"""
    roles = newsroom()
    with pytest.raises(ValueError):
        roles.requires()


def test_wraps_metadata_and_methods():
    """the wrapper keeps the name and docstring, and works on methods"""
    roles = newsroom()

    class Articles:
        def __init__(self):
            self.items = []

        @roles.requires("articles:write")
        def add(self, title):
            """Add an article."""
            self.items.append(title)
            return len(self.items)

    assert Articles.add.__name__ == "add" and Articles.add.__doc__ == "Add an article.", (
        "use functools.wraps: the wrapper should keep __name__ and __doc__")
    store = Articles()
    with acting_as(ANN):
        assert store.add("one") == 1 and store.add("two") == 2, "a decorated method gets self and its arguments"
    with acting_as(VIC), pytest.raises(PermissionDenied):
        store.add("three")
    assert store.items == ["one", "two"]


def test_checked_on_every_call():
    """the check runs each call: role changes and a different user take effect at once"""
    roles = newsroom()

    @roles.requires("stats:read")
    def stats():
        return 42

    with acting_as(ANN):
        with pytest.raises(PermissionDenied):
            stats()
        roles.define("viewer", permissions={"stats:read"})
        assert stats() == 42, "viewer was granted stats:read, so ann (an editor) may call stats() now"
    with acting_as(User("ann", {"ghost"})), pytest.raises(PermissionDenied):
        stats()


def test_context_copied_run():
    """setting current_user directly, in a copied context, works the same"""
    roles = newsroom()

    @roles.requires("articles:read")
    def who():
        return current_user.get().name

    def inside():
        current_user.set(VIC)
        return who()

    assert contextvars.copy_context().run(inside) == "vic", "who() should see the user set in its context"
    with pytest.raises(NotAuthenticated):
        who()


# ------------------------------------------------------------------------------ async


def test_async_functions_stay_async():
    """an async function decorated is still an async function, checked when its coroutine runs"""
    roles = newsroom()
    ran = []

    @roles.requires("articles:write")
    async def publish(title):
        """Publish."""
        ran.append(title)
        await asyncio.sleep(0)
        return f"{title} by {current_user.get().name}"

    assert inspect.iscoroutinefunction(publish), (
        "the wrapper of an async function should itself be `async def` (frameworks check "
        "inspect.iscoroutinefunction), awaiting the original inside")
    assert publish.__name__ == "publish" and publish.__doc__ == "Publish."

    async def main():
        coro = publish("early")  # made with nobody acting: the check belongs to when it runs
        with acting_as(ANN):
            got = await coro
        with acting_as(VIC):
            with pytest.raises(PermissionDenied):
                await publish("nope")
        with pytest.raises(NotAuthenticated):
            await publish("anonymous")
        return got

    got = asyncio.run(main())
    assert got == "early by ann", ("a coroutine created before acting_as and awaited inside it runs as ann: check "
                                   f"the permission inside the async wrapper, when it runs; got {got!r}")
    assert ran == ["early"], f"refused coroutines must not run the body; ran {ran}"


def test_interleaved_tasks():
    """200 interleaved asyncio tasks each see their own user, allowed and refused correctly"""
    roles = newsroom()

    @roles.requires("articles:read")
    async def whoami():
        await asyncio.sleep(0)
        return current_user.get().name

    @roles.requires("articles:write")
    async def write():
        await asyncio.sleep(0)
        return current_user.get().name

    rng = random.Random(7)
    delays = [[rng.random() / 500 for _ in range(6)] for _ in range(200)]

    async def session(i):
        boss = User(f"boss{i}", {"viewer"})
        user = User(f"user{i}", {"editor" if i % 2 else "viewer"})
        seen = []
        with acting_as(boss):
            with acting_as(user):
                for d in delays[i]:
                    await asyncio.sleep(d)
                    seen.append(await whoami())
                    try:
                        seen.append(await write())
                    except PermissionDenied as exc:
                        seen.append(f"denied {exc.user.name}")
            await asyncio.sleep(delays[i][0])
            seen.append(await whoami())
        return user.name, boss.name, seen

    async def main():
        return await asyncio.gather(*(session(i) for i in range(200)))

    for i, (name, boss, seen) in enumerate(asyncio.run(main())):
        want = [name, name if i % 2 else f"denied {name}"] * 6
        assert seen[:-1] == want, (f"task {i} acting as {name} saw {seen[:4]}...: another task's user leaked in. A "
                                   "module global or a threading.local is shared by all tasks on the loop; a "
                                   "ContextVar is not")
        assert seen[-1] == boss, (f"task {i} acted as {boss}, then as {name} in a nested block; after that block it "
                                  f"should be {boss} again, but it was {seen[-1]}: restore with the ContextVar's "
                                  "token, which belongs to this task, not with anything shared")


def test_to_thread_carries_the_user():
    """asyncio.to_thread runs a decorated sync function as the calling task's user"""
    roles = newsroom()

    @roles.requires("articles:read")
    def blocking_read():
        return current_user.get().name

    async def task(user):
        with acting_as(user):
            return await asyncio.to_thread(blocking_read)

    async def main():
        return await asyncio.gather(*(task(User(f"t{i}", {"viewer"})) for i in range(8)))

    got = asyncio.run(main())
    assert got == [f"t{i}" for i in range(8)], (f"each task's to_thread call should run as that task's user, got {got}: "
                                                "to_thread copies the ContextVars, a threading.local is not copied")


def test_new_thread_starts_anonymous():
    """a plain new thread does not inherit the acting user: it is refused"""
    roles = newsroom()

    @roles.requires("articles:read")
    def read():
        return "read"

    outcome = []

    def worker():
        try:
            outcome.append(read())
        except NotAuthenticated:
            outcome.append("refused")

    with acting_as(ADA):
        thread = threading.Thread(target=worker)
        thread.start()
        thread.join(5)
    assert outcome == ["refused"], (f"a threading.Thread started inside acting_as(ada) should run as nobody (its "
                                    f"context starts empty), but the call gave {outcome}")


def test_threads_each_see_their_own_user():
    """8 threads acting as different users at once never see each other's"""
    roles = newsroom()

    @roles.requires("articles:read")
    def whoami():
        return current_user.get().name

    def call(i):
        name = f"thread-user-{threading.get_ident()}-{i}"
        with acting_as(User("outer-" + name, {"viewer"})):
            with acting_as(User(name, {"viewer"})):
                for _ in range(5):
                    got = whoami()
                    if got != name:
                        return f"acting as {name} saw {got}"
            got = whoami()
            if got != "outer-" + name:
                return f"after a nested block, acting as outer-{name} saw {got}"
        return "ok"

    with race_amplifier():
        run = hammer(call, threads=8, calls=15, args_for=lambda t, i: (t * 1000 + i,))
    assert not run.errors, (f"{len(run.errors)} threads' calls raised, e.g. {run.errors[0]!r}: a thread lost its own "
                            "user because threads share state (a global, a dict, a list) that belongs in the ContextVar: "
                            "set it, and restore it with the token set() returned")
    wrong = [r for r in run.results if r != "ok"]
    assert not wrong, f"{len(wrong)} of {len(run.results)} calls saw another thread's user, e.g. {wrong[0]}"


class HierarchyModel(RuleBasedStateMachine):
    """Roles against a model: a dict of parents and plain reachability."""

    def __init__(self):
        super().__init__()
        self.roles = Roles()
        self.own: dict[str, set[str]] = {}
        self.parents: dict[str, set[str]] = {}

    def ancestors(self, role):
        seen, todo = set(), [role]
        while todo:
            r = todo.pop()
            if r not in seen:
                seen.add(r)
                todo.extend(self.parents[r])
        return seen

    @rule(name=st.sampled_from("abcdefg"), perms=st.sets(st.sampled_from(["x", "y", "z", "w"]), max_size=2),
          data=st.data())
    def define(self, name, perms, data):
        known = sorted(self.parents)
        parents = data.draw(st.sets(st.sampled_from(known), max_size=3)) if known else set()
        loops = any(name in self.ancestors(p) for p in parents)
        call = f"define({name!r}, permissions={sorted(perms)}, inherits={sorted(parents)})"
        if loops:
            try:
                self.roles.define(name, perms, parents)
            except RoleCycleError:
                return
            raise AssertionError(f"{call} closes a loop ({name} is already an ancestor of one of them): "
                                 "it should raise RoleCycleError")
        try:
            self.roles.define(name, perms, parents)
        except RoleCycleError:
            raise AssertionError(f"{call} closes no loop (parents so far: "
                                 f"{ {k: sorted(v) for k, v in self.parents.items()} }), yet raised RoleCycleError")
        self.own.setdefault(name, set()).update(perms)
        self.parents.setdefault(name, set()).update(parents)

    @precondition(lambda self: self.parents)
    @invariant()
    def same_permissions(self):
        for role in self.parents:
            want = set().union(*(self.own[r] for r in self.ancestors(role)))
            got = self.roles.permissions(role)
            assert got == want, (f"permissions({role!r}) should be {sorted(want)} (parents: "
                                 f"{ {k: sorted(v) for k, v in self.parents.items()} }), got {sorted(got)}")


TestHierarchyModel = HierarchyModel.TestCase
TestHierarchyModel.settings = settings(max_examples=40, stateful_step_count=15)
TestHierarchyModel.__doc__ = "random define() sequences agree with a model of the hierarchy"
