import inspect

import pytest

from animal_speak import Animal, Cat, Dog, Puppy


def test_dog_and_cat_speak():
    """Dog says 'Woof!' and Cat says 'Meow!'"""
    got = Dog("Rex").speak()
    assert got == "Woof!" and type(got) is str, f"Dog('Rex').speak() should be 'Woof!', got {got!r}"
    got = Cat("Tom").speak()
    assert got == "Meow!" and type(got) is str, f"Cat('Tom').speak() should be 'Meow!', got {got!r}"


def test_name_is_kept():
    """Animal.__init__ keeps the name, for every subclass"""
    assert Dog("Rex").name == "Rex", "Dog('Rex').name should be 'Rex'"
    assert Cat("Tom").name == "Tom", "Cat('Tom').name should be 'Tom'"
    assert Puppy("Bit").name == "Bit", "Puppy('Bit').name should be 'Bit'"


def test_bad_name():
    """the name must be a non-empty string"""
    with pytest.raises(ValueError):
        Dog("")
    with pytest.raises(TypeError):
        Cat(None)
    with pytest.raises(TypeError):
        Dog(7)


def test_introduce():
    """introduce() says 'NAME the KIND says SOUND'"""
    cases = [(Dog("Rex"), "Rex the dog says Woof!"), (Cat("Tom"), "Tom the cat says Meow!"),
             (Dog("Fido"), "Fido the dog says Woof!")]
    for animal, want in cases:
        got = animal.introduce()
        assert got == want, f"{type(animal).__name__}({animal.name!r}).introduce() should be {want!r}, got {got!r}"


def test_puppy():
    """a Puppy is a Dog whose speak() is the dog's sound in lower case"""
    p = Puppy("Bit")
    assert p.speak() == "woof!", f"Puppy('Bit').speak() should be 'woof!', got {p.speak()!r}"
    assert p.introduce() == "Bit the puppy says woof!", f"Puppy('Bit').introduce() was {p.introduce()!r}"
    assert isinstance(p, Dog) and isinstance(p, Animal), "a Puppy is a Dog, and so an Animal"
    assert issubclass(Puppy, Dog), "Puppy should be a subclass of Dog"


def test_puppy_uses_super(monkeypatch):
    """Puppy.speak() builds on Dog.speak() through super(), instead of repeating 'woof!'"""
    p = Puppy("Bit")
    p.speak()
    monkeypatch.setattr(Dog, "speak", lambda self: "ARF!")
    got = p.speak()
    assert got == "arf!", (f"with Dog.speak() changed to return 'ARF!', Puppy.speak() returned {got!r}: "
                           "call super().speak() and lower-case it")


def test_introduce_works_for_new_subclasses():
    """introduce() is written once in Animal and works for a subclass it has never seen"""
    class Cow(Animal):
        def speak(self):
            return "Moo!"

    class BarnOwl(Animal):
        def speak(self):
            return "Hoo?"

    assert Cow("Daisy").introduce() == "Daisy the cow says Moo!", (
        f"a new subclass Cow: introduce() gave {Cow('Daisy').introduce()!r}; use type(self).__name__ and self.speak()")
    assert BarnOwl("Hedwig").introduce() == "Hedwig the barnowl says Hoo?", (
        f"introduce() gave {BarnOwl('Hedwig').introduce()!r}")


def test_hierarchy():
    """Dog and Cat are Animals, but not each other"""
    rex, tom = Dog("Rex"), Cat("Tom")
    assert isinstance(rex, Animal) and isinstance(tom, Animal), "Dogs and Cats are Animals"
    assert issubclass(Dog, Animal) and issubclass(Cat, Animal), "Dog and Cat should subclass Animal"
    assert not isinstance(rex, Cat) and not isinstance(tom, Dog), "a Dog is not a Cat"
    assert Animal in Dog.__mro__ and Dog.__mro__[1] is Animal, "Dog should derive directly from Animal"
    assert Cat.__mro__[1] is Animal, "Cat should derive directly from Animal"


def test_subclasses_override_speak():
    """Dog, Cat and Puppy each define their own speak()"""
    Dog("Rex").speak()
    for cls in (Dog, Cat, Puppy):
        assert "speak" in vars(cls), f"{cls.__name__} should define its own speak() method"
    assert Dog.speak is not Animal.speak and Cat.speak is not Dog.speak


def test_introduce_is_inherited():
    """introduce() lives in Animal only: the subclasses inherit it"""
    Dog("Rex").introduce()
    for cls in (Dog, Cat, Puppy):
        assert "introduce" not in vars(cls), (
            f"{cls.__name__} defines its own introduce(): write it once, in Animal, and let it call self.speak()")


def test_animal_is_abstract():
    """a plain Animal cannot be made, nor a subclass that forgets speak()"""
    Dog("Rex")
    assert inspect.isabstract(Animal), "Animal should be abstract (an ABC with speak() as an abstractmethod)"
    with pytest.raises(TypeError):
        Animal("Generic")

    class Rock(Animal):  # forgot to override speak()
        pass

    with pytest.raises(TypeError):
        Rock("Pebble")


def test_base_speak_raises():
    """the base class's speak() has no sound of its own: it raises NotImplementedError"""
    class Echo(Animal):
        def speak(self):
            return super().speak()

    echo = Echo("Echo")  # the name is checked by your __init__ first
    try:
        echo.speak()
    except NotImplementedError:
        return  # what we want
    pytest.fail("Animal.speak() should raise NotImplementedError: a generic animal has no sound")
