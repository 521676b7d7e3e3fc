import pytest
from hypothesis import Phase, given, settings, strategies as st

from car_info import Car

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def test_attributes():
    """the make, model and year are kept as attributes"""
    car = Car("Toyota", "Corolla", 2020)
    assert car.make == "Toyota" and type(car.make) is str, f"car.make should be 'Toyota', got {car.make!r}"
    assert car.model == "Corolla" and type(car.model) is str, f"car.model should be 'Corolla', got {car.model!r}"
    assert car.year == 2020 and type(car.year) is int, f"car.year should be 2020, got {car.year!r}"


def test_cars_are_independent():
    """each car keeps its own data (instance attributes, not class attributes)"""
    a = Car("Toyota", "Corolla", 2020)
    b = Car("Ford", "Focus", 2015)
    assert (a.make, a.model, a.year) == ("Toyota", "Corolla", 2020), \
        "making a second Car changed the first one: store the data on self, not on the class"
    assert (b.make, b.model, b.year) == ("Ford", "Focus", 2015)


def test_str():
    """str(car) is 'YEAR MAKE MODEL'"""
    got = str(Car("Toyota", "Corolla", 2020))
    assert got == "2020 Toyota Corolla", f"str(Car('Toyota', 'Corolla', 2020)) should be '2020 Toyota Corolla', got {got!r}"
    got = str(Car("Citroën", "2CV", 1948))
    assert got == "1948 Citroën 2CV", f"str() should be '1948 Citroën 2CV', got {got!r}"


def test_repr():
    """repr(car) is code that rebuilds the car"""
    got = repr(Car("Toyota", "Corolla", 2020))
    assert got == "Car(make='Toyota', model='Corolla', year=2020)", (
        f"repr() should be \"Car(make='Toyota', model='Corolla', year=2020)\", got {got!r}")


def test_display_prints_one_line(capsys):
    """display() prints the car's information on one line and returns None"""
    car = Car("Tesla", "Model 3", 2023)
    returned = car.display()
    out = capsys.readouterr().out
    assert out == "2023 Tesla Model 3\n", f"display() should print '2023 Tesla Model 3' and a newline, printed {out!r}"
    assert returned is None, f"display() should print, not return: it returned {returned!r}"


def test_display_follows_changes(capsys):
    """display() shows the car's current data, not what it was when created"""
    car = Car("Tesla", "Model 3", 2023)
    car.model = "Model Y"
    car.display()
    out = capsys.readouterr().out
    assert out == "2023 Tesla Model Y\n", f"after changing car.model, display() printed {out!r}"


def test_age():
    """age(current_year) counts whole years; 0 in the year the car was made"""
    car = Car("Toyota", "Corolla", 2020)
    got = car.age(2024)
    assert got == 4 and type(got) is int, f"a 2020 car is 4 years old in 2024, got {got!r}"
    assert car.age(2020) == 0, f"a 2020 car is 0 years old in 2020, got {car.age(2020)!r}"
    assert car.age(2021) == 1, f"a 2020 car is 1 year old in 2021, got {car.age(2021)!r}"


def test_age_before_built():
    """asking the age in a year before the car was made is a ValueError"""
    car = Car("Toyota", "Corolla", 2020)
    with pytest.raises(ValueError):
        car.age(2019)


def test_bad_make_or_model():
    """make and model must be non-empty strings"""
    with pytest.raises(ValueError):
        Car("", "Corolla", 2020)
    with pytest.raises(ValueError):
        Car("Toyota", "", 2020)
    with pytest.raises(TypeError):
        Car(None, "Corolla", 2020)
    with pytest.raises(TypeError):
        Car("Toyota", 3, 2020)


@pytest.mark.parametrize("year", ["2020", 2020.0, True, None])
def test_bad_year(year):
    """the year must be an int: not a string, a float or a bool"""
    with pytest.raises(TypeError):
        Car("Toyota", "Corolla", year)


names = st.text(min_size=1, max_size=20)


@QUICK
@given(names, names, st.integers(1886, 2100))
def test_any_car(make, model, year):
    """str() and repr() work for any make and model, and repr() rebuilds an equal car"""
    car = Car(make, model, year)
    assert str(car) == f"{year} {make} {model}"
    rebuilt = eval(repr(car), {"Car": Car})
    assert type(rebuilt) is Car, f"eval(repr(car)) should give a Car, got {rebuilt!r}"
    assert (rebuilt.make, rebuilt.model, rebuilt.year) == (make, model, year), (
        f"eval({repr(car)!r}) does not rebuild the car: quote the strings with !r")
