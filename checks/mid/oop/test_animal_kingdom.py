import functools
import itertools
import math

import pytest

from animal_kingdom import Animal, Bat, Bird, Dog, Duck, Fish, Flyer, FlyingFish, Mammal, Penguin, Salmon, Swimmer

BASES = [Animal, Mammal, Bird, Fish, Flyer, Swimmer]
BUILT_IN = {"dog": Dog, "bat": Bat, "duck": Duck, "penguin": Penguin, "salmon": Salmon, "flying fish": FlyingFish}
_fresh = itertools.count()


def fresh_kind(stem):
    """A kind no other test has used: registered kinds stay registered for the whole run."""
    return f"{stem}-{next(_fresh)}"


def donald(**extra):
    return Duck(name="Donald", wingspan=0.9, max_altitude=1000, max_depth=2, **extra)


@pytest.fixture
def init_calls(monkeypatch):
    """Wrap every __init__ of the hierarchy so each call is recorded, in order, by class name."""
    calls = []

    def wrap(cls, original):
        @functools.wraps(original)
        def recorded(self, *args, **kwargs):
            calls.append(cls.__name__)
            return original(self, *args, **kwargs)
        return recorded

    for cls in BASES:
        assert "__init__" in vars(cls), (f"{cls.__name__} should define its own __init__ (taking its own keyword "
                                          "arguments and passing the rest on with super().__init__(**kwargs))")
        monkeypatch.setattr(cls, "__init__", wrap(cls, vars(cls)["__init__"]))
    return calls


def test_a_dog():
    """a Dog has a name, speaks, has 4 legs and brown fur unless told otherwise"""
    rex = Dog(name="Rex")
    assert rex.name == "Rex", f"Dog(name='Rex').name should be 'Rex', got {rex.name!r}"
    got = rex.speak()
    assert got == "Rex says Woof", f"Dog(name='Rex').speak() should be 'Rex says Woof', got {got!r}"
    assert (rex.legs, rex.fur) == (4, "brown"), f"a dog has 4 legs and brown fur by default, got {rex.legs}, {rex.fur!r}"
    assert Dog(name="Fido", fur="black").fur == "black", "fur= sets the fur"
    assert isinstance(rex, Mammal) and isinstance(rex, Animal), "a Dog is a Mammal and an Animal"


def test_name_is_read_only():
    """name is a read-only property: assigning it is an AttributeError"""
    rex = Dog(name="Rex")
    with pytest.raises(AttributeError):
        rex.name = "Max"
    assert rex.name == "Rex", "a failed assignment must leave the name alone"
    assert isinstance(vars(Animal).get("name"), property), "make Animal.name a property (with no setter)"


def test_every_animal_speaks_and_describes_itself():
    """speak() and describe() are written once in Animal and work for every kind"""
    cases = [
        (Dog(name="Rex"), "Rex says Woof", "Rex the dog (4 legs) can walk"),
        (Bat(name="Bruce", max_altitude=300), "Bruce says Squeak", "Bruce the bat (2 legs) can fly, walk"),
        (donald(), "Donald says Quack", "Donald the duck (2 legs) can fly, swim, walk"),
        (Penguin(name="Pingu", wingspan=0.5, max_depth=500), "Pingu says Honk", "Pingu the penguin (2 legs) can swim, walk"),
        (Salmon(name="Sam", max_depth=30), "Sam says Blub", "Sam the salmon (0 legs) can swim"),
        (FlyingFish(name="Flip", max_depth=5, max_altitude=2, water="salt"), "Flip says Blub",
         "Flip the flying fish (0 legs) can fly, swim"),
    ]
    for animal, speech, description in cases:
        cls = type(animal).__name__
        got = animal.speak()
        assert got == speech, f"{cls}.speak() should be {speech!r}, got {got!r}"
        got = animal.describe()
        assert got == description, f"{cls}.describe() should be {description!r}, got {got!r}"


def test_abilities_combine_along_the_mro():
    """abilities() is cooperative: every class in the MRO adds its own"""
    cases = [(Dog(name="Rex"), {"walk"}), (Bat(name="B", max_altitude=3), {"walk", "fly"}),
             (donald(), {"walk", "fly", "swim"}), (Penguin(name="P", wingspan=1, max_depth=9), {"walk", "swim"}),
             (Salmon(name="S", max_depth=1), {"swim"}), (FlyingFish(name="F", max_depth=1, max_altitude=1), {"fly", "swim"})]
    for animal, want in cases:
        got = animal.abilities()
        assert isinstance(got, (set, frozenset)), f"abilities() should return a set, got {type(got).__name__}"
        assert got == want, (f"{type(animal).__name__}.abilities() should be {sorted(want)}, got {sorted(got)}: "
                             "each mixin's abilities() should add to super().abilities(), not replace it")


def test_mro_of_the_diamond():
    """Duck(Flyer, Swimmer, Bird): the MRO visits each class once, Animal after all three"""
    donald()
    want = [Duck, Flyer, Swimmer, Bird, Animal]
    got = list(Duck.__mro__[:5])
    assert got == want, f"Duck's MRO should start {[c.__name__ for c in want]}, got {[c.__name__ for c in got]}"
    assert [c.__name__ for c in Bat.__mro__[:4]] == ["Bat", "Flyer", "Mammal", "Animal"]
    assert [c.__name__ for c in FlyingFish.__mro__[:5]] == ["FlyingFish", "Flyer", "Fish", "Swimmer", "Animal"]


def test_each_init_runs_once_in_the_diamond(init_calls):
    """in a diamond every __init__ runs exactly once, in MRO order (cooperative super().__init__)"""
    cases = [(donald, ["Flyer", "Swimmer", "Bird", "Animal"]),
             (lambda: Bat(name="Bruce", max_altitude=300), ["Flyer", "Mammal", "Animal"]),
             (lambda: Penguin(name="Pingu", wingspan=0.5, max_depth=500), ["Swimmer", "Bird", "Animal"]),
             (lambda: FlyingFish(name="Flip", max_depth=5, max_altitude=2), ["Flyer", "Fish", "Swimmer", "Animal"]),
             (lambda: Dog(name="Rex"), ["Mammal", "Animal"])]
    for make, want in cases:
        init_calls.clear()
        animal = make()
        cls = type(animal).__name__
        for base in set(want):
            n = init_calls.count(base)
            assert n == 1, (f"building a {cls} ran {base}.__init__ {n} times, it should run exactly once: call "
                            "super().__init__(**kwargs), never a parent's __init__ by name")
        assert init_calls == want, (f"building a {cls} should run the __init__s in MRO order {want}, "
                                    f"got {init_calls}")


def test_keywords_reach_every_class():
    """each class takes its own keywords and passes the rest along; all of them arrive"""
    duck = donald()
    got = (duck.name, duck.wingspan, duck.max_altitude, duck.max_depth, duck.altitude, duck.depth)
    assert got == ("Donald", 0.9, 1000, 2, 0, 0), (
        "Duck(name='Donald', wingspan=0.9, max_altitude=1000, max_depth=2) should set name, wingspan, "
        f"max_altitude, max_depth (and altitude = depth = 0), got {got}")
    bat = Bat(name="Bruce", max_altitude=300, fur="black")
    assert (bat.fur, bat.max_altitude) == ("black", 300), "Bat's fur= must reach Mammal.__init__"
    fish = Salmon(name="Sam", max_depth=30, water="salt")
    assert (fish.water, fish.max_depth) == ("salt", 30), "Salmon's water= and max_depth= must both arrive"
    assert Salmon(name="Sam", max_depth=30).water == "fresh", "water defaults to 'fresh'"


@pytest.mark.parametrize("make, why", [
    (lambda: Dog(name="Rex", wingspan=2), "a dog has no wingspan"),
    (lambda: donald(colour="white"), "no class takes colour="),
    (lambda: Salmon(name="Sam", max_depth=1, max_altitude=3), "a salmon does not fly"),
    (lambda: Duck(name="D", wingspan=1, max_altitude=1), "max_depth= is required for a Duck"),
    (lambda: Penguin(name="P", max_depth=1), "wingspan= is required for a Penguin"),
    (lambda: Dog("Rex"), "the arguments are keyword-only"),
])
def test_wrong_keywords_are_a_type_error(make, why):
    """an unknown, missing or positional argument is a TypeError, never silently ignored"""
    Dog(name="Rex")
    with pytest.raises(TypeError):
        make()
        pytest.fail(f"expected a TypeError: {why} (let leftovers reach object.__init__, which rejects them)")


@pytest.mark.parametrize("make, error, named", [
    (lambda: Dog(name=""), ValueError, "name"), (lambda: Dog(name=42), TypeError, "name"),
    (lambda: Duck(name="D", wingspan=0, max_altitude=1, max_depth=1), ValueError, "wingspan"),
    (lambda: Duck(name="D", wingspan=1, max_altitude=-5, max_depth=1), ValueError, "max_altitude"),
    (lambda: Duck(name="D", wingspan=1, max_altitude=5, max_depth=math.nan), ValueError, "max_depth"),
    (lambda: Duck(name="D", wingspan="big", max_altitude=5, max_depth=1), TypeError, "wingspan"),
    (lambda: Bat(name="B", max_altitude=True), TypeError, "max_altitude"),
    (lambda: Salmon(name="S", max_depth=1, water="lava"), ValueError, "water"),
])
def test_bad_values(make, error, named):
    """an empty name or a length that is not a positive number is rejected, naming the argument"""
    Dog(name="Rex")
    with pytest.raises(error) as caught:
        make()
    assert named in str(caught.value), f"the {error.__name__} should name the argument {named!r}: {caught.value}"


@pytest.mark.parametrize("move, back, level, limit, some", [
    ("fly", "land", "altitude", 1000, 300),
    ("dive", "surface", "depth", 2, 1),
], ids=["fly", "dive"])
def test_fly_and_dive(move, back, level, limit, some):
    """fly() and dive() stay within the animal's limits; land() and surface() go back to 0"""
    duck = donald()
    go, come_back = getattr(duck, move), getattr(duck, back)
    go(limit)
    assert getattr(duck, level) == limit, f"{move}({limit}) is allowed for max_{level}={limit}"
    for bad in (limit + 0.5, -0.5):
        with pytest.raises(ValueError):
            go(bad)
        assert getattr(duck, level) == limit, f"a refused {move}({bad}) must not change the {level}"
    come_back()
    assert getattr(duck, level) == 0, f"{back}() brings the {level} back to 0"
    go(some)
    go(0)
    assert getattr(duck, level) == 0, f"{move}(0) is allowed: 0 is within the limits"


def test_penguin_cannot_fly():
    """a Penguin dives but is no Flyer"""
    pingu = Penguin(name="Pingu", wingspan=0.5, max_depth=500)
    assert not hasattr(pingu, "fly"), "a Penguin is no Flyer: it has no fly()"


def test_abstract_classes_cannot_be_instantiated():
    """Animal and the in-between classes are abstract: only concrete kinds can be built"""
    Dog(name="Rex")
    attempts = [(Animal, {}), (Mammal, {}), (Bird, {"wingspan": 1}), (Fish, {"max_depth": 1}),
                (Flyer, {"max_altitude": 1}), (Swimmer, {"max_depth": 1})]
    for cls, extra in attempts:
        with pytest.raises(TypeError):
            cls(name="x", **extra)
            pytest.fail(f"{cls.__name__}(...) should be a TypeError: it has no sound(), so it is abstract")


def test_registry_of_kinds():
    """every concrete kind registers itself through __init_subclass__; Animal.create builds one"""
    rex = Animal.create("dog", name="Rex")
    assert type(rex) is Dog, f"Animal.create('dog', name='Rex') should build a Dog, got {type(rex).__name__}"
    duck = Animal.create("duck", name="D", wingspan=1, max_altitude=2, max_depth=3)
    assert type(duck) is Duck and duck.max_depth == 3, "create() passes the keywords to the class"
    for kind, cls in BUILT_IN.items():
        got = Animal.registry.get(kind)
        assert got is cls, f"Animal.registry[{kind!r}] should be {cls.__name__}, got {got!r}"
        assert cls.kind == kind, f"{cls.__name__}.kind should be {kind!r}, got {cls.kind!r}"
    for cls in BASES:
        assert cls not in Animal.registry.values(), f"{cls.__name__} has no kind=, so it must not be registered"
    for cls in (Bird, Fish, Flyer):
        assert "registry" not in vars(cls), (f"{cls.__name__} has a registry of its own: keep one registry, on "
                                             "Animal, that every subclass adds to")


def test_unknown_kind():
    """Animal.create of a kind nobody registered is a ValueError"""
    Animal.create("dog", name="Rex")
    with pytest.raises(ValueError, match="unicorn") as caught:
        Animal.create("unicorn", name="Sparkle")
    assert "dog" in str(caught.value) and "penguin" in str(caught.value), (
        f"the error should list the known kinds too, to help the caller: {caught.value}")


def test_duplicate_kind_is_refused():
    """a second class claiming a kind already taken is refused when it is defined"""
    Animal.create("dog", name="Rex")
    with pytest.raises(ValueError, match="dog"):
        class Imposter(Mammal, kind="dog"):
            def sound(self):
                return "Meow"
    assert Animal.registry["dog"] is Dog, "the refused class must not replace Dog in the registry"
    with pytest.raises(TypeError):
        class Nameless(Mammal, kind=3):
            def sound(self):
                return "?"
        pytest.fail("kind=3 should be a TypeError: a kind is a non-empty string")


def test_other_class_keywords_are_passed_on():
    """__init_subclass__ is cooperative too: class keywords other than kind= go up the MRO"""
    Animal.create("dog", name="Rex")
    seen = []

    class Tagged(Animal):
        def __init_subclass__(cls, /, tag=None, **kwargs):
            super().__init_subclass__(**kwargs)
            seen.append((cls.__name__, tag))

    # Tagged first: its __init_subclass__ takes tag= and hands kind= on to Animal's
    kind = fresh_kind("tagged dog")

    class TaggedDog(Tagged, Mammal, kind=kind, tag="t1"):
        def sound(self):
            return "Woof"

    assert seen == [("TaggedDog", "t1")] and Animal.registry.get(kind) is TaggedDog, (
        "a class keyword meant for another class's __init_subclass__ must get there, and kind= must still register")

    with pytest.raises(TypeError):
        class Odd(Mammal, kind=fresh_kind("odd"), flavour="sour"):
            def sound(self):
                return "?"
        pytest.fail("an unknown class keyword (flavour=) should reach object.__init_subclass__, a TypeError")


def test_subclass_without_kind_is_not_registered():
    """a subclass with no kind= keeps its parent's kind but does not take over the registry"""
    Animal.create("dog", name="Rex")

    class Puppy(Dog):
        pass

    assert Animal.registry["dog"] is Dog, "Puppy has no kind=, so 'dog' must still map to Dog"
    assert Puppy.kind == "dog" and Puppy(name="Bit").describe() == "Bit the dog (4 legs) can walk"


def test_a_new_animal_plugs_in(init_calls):
    """a mixin and an animal written elsewhere (here, in the check) work with everything"""
    class Venomous(Animal):
        def __init__(self, *, venom: str, **kwargs):
            init_calls.append("Venomous")
            super().__init__(**kwargs)
            self.venom = venom

        def abilities(self):
            return super().abilities() | {"sting"}

    kind = fresh_kind("platypus")

    class Platypus(Venomous, Swimmer, Mammal, kind=kind):
        def __init__(self, *, bill: str = "duck", **kwargs):
            init_calls.append("Platypus")
            super().__init__(**kwargs)
            self.bill = bill

        def sound(self):
            return "Growl"

    init_calls.clear()
    perry = Animal.create(kind, name="Perry", venom="mild", max_depth=5, fur="teal")
    assert type(perry) is Platypus, f"Animal.create({kind!r}) should build the new Platypus class"
    assert init_calls == ["Platypus", "Venomous", "Swimmer", "Mammal", "Animal"], (
        f"each __init__ should run once, in MRO order; got {init_calls}")
    assert (perry.venom, perry.max_depth, perry.fur, perry.bill) == ("mild", 5, "teal", "duck")
    got = perry.describe()
    want = f"Perry the {kind} (4 legs) can sting, swim, walk"
    assert got == want, f"describe() of the new animal should be {want!r}, got {got!r}"
    perry.dive(5)
    assert perry.speak() == "Perry says Growl"

    class Ghost(Animal):
        def sound(self):
            return "Boo"

    casper = Ghost(name="Casper")
    assert (Ghost.kind, casper.legs, casper.abilities()) == (None, 0, set()), (
        "an animal straight from Animal has kind None, 0 legs and no abilities")

    class Flamingo(Bird, kind=fresh_kind("flamingo")):
        legs = 1

        def sound(self):
            return "Honk"

    assert Flamingo(name="Fla", wingspan=1.5).abilities() == {"walk"}, "one leg is enough to walk"

    class Incomplete(Venomous, Mammal):
        pass

    with pytest.raises(TypeError):
        Incomplete(name="x", venom="v")
        pytest.fail("a subclass without sound() must stay abstract")
