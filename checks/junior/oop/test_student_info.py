import pytest
from hypothesis import Phase, given, settings, strategies as st

from student_info import Student

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def test_attributes():
    """the name and age are kept as attributes"""
    s = Student("Alice", 20)
    assert s.name == "Alice" and type(s.name) is str, f"student.name should be 'Alice', got {s.name!r}"
    assert s.age == 20 and type(s.age) is int, f"student.age should be 20, got {s.age!r}"
    other = Student("Bob", 31)
    assert (s.name, s.age) == ("Alice", 20), "creating a second Student changed the first: store data on self"
    assert (other.name, other.age) == ("Bob", 31)


def test_print_info(capsys):
    """print_info() prints 'Name: ...' and 'Age: ...' on two lines and returns None"""
    returned = Student("Alice", 20).print_info()
    out = capsys.readouterr().out
    assert out == "Name: Alice\nAge: 20\n", f"print_info() should print 'Name: Alice\\nAge: 20\\n', printed {out!r}"
    assert returned is None, f"print_info() should print, not return: it returned {returned!r}"


def test_print_info_current_data(capsys):
    """print_info() shows the current data, after a birthday too"""
    s = Student("Zoë", 0)
    s.have_birthday()
    s.print_info()
    out = capsys.readouterr().out
    assert out == "Name: Zoë\nAge: 1\n", f"after one birthday print_info() printed {out!r}"


def test_str_plural():
    """str() says 'years old', but '1 year old'"""
    cases = {20: "Alice, 20 years old", 1: "Alice, 1 year old", 0: "Alice, 0 years old", 2: "Alice, 2 years old",
             11: "Alice, 11 years old"}
    for age, want in cases.items():
        got = str(Student("Alice", age))
        assert got == want, f"str(Student('Alice', {age})) should be {want!r}, got {got!r}"


def test_repr():
    """repr() is the code that rebuilds the student"""
    got = repr(Student("Alice", 20))
    assert got == "Student(name='Alice', age=20)", f"repr() should be \"Student(name='Alice', age=20)\", got {got!r}"


def test_have_birthday():
    """have_birthday() adds one to the age and returns the new age"""
    s = Student("Alice", 20)
    got = s.have_birthday()
    assert got == 21 and type(got) is int, f"have_birthday() at 20 should return 21, got {got!r}"
    assert s.age == 21, f"after have_birthday() student.age should be 21, is {s.age!r}"
    assert s.have_birthday() == 22 and s.age == 22, "a second birthday should make the age 22"


def test_bad_name():
    """the name must be a non-empty string"""
    with pytest.raises(TypeError):
        Student(42, 20)
    with pytest.raises(ValueError):
        Student("", 20)
    with pytest.raises(ValueError):
        Student("   ", 20)


def test_bad_age():
    """the age must be a non-negative int"""
    with pytest.raises(ValueError):
        Student("Alice", -1)
    for age in ("20", 20.0, True, None):
        with pytest.raises(TypeError):
            Student("Alice", age)
    assert Student("Baby", 0).age == 0, "age 0 is allowed"


def test_from_string():
    """from_string('Alice, 20') builds a Student, stripping spaces"""
    for text in ("Alice, 20", "Alice,20", "  Alice  ,  20  "):
        s = Student.from_string(text)
        assert type(s) is Student, f"Student.from_string({text!r}) should return a Student, got {s!r}"
        assert (s.name, s.age) == ("Alice", 20), f"from_string({text!r}) should give name 'Alice', age 20, got {s!r}"


@pytest.mark.parametrize("text", ["Alice", "Alice, 20, 3", "Alice, twenty", ", 20", "Alice, -3", "", "Alice; 20"])
def test_from_string_bad_text(text):
    """from_string() raises ValueError for text that is not 'name, age'"""
    with pytest.raises(ValueError):
        Student.from_string(text)


def test_from_string_on_subclass():
    """from_string() called on a subclass builds the subclass (use cls, not Student)"""
    class GradStudent(Student):
        pass

    s = GradStudent.from_string("Carol, 27")
    assert type(s) is GradStudent, f"GradStudent.from_string(...) should return a GradStudent, got {type(s).__name__}"
    assert (s.name, s.age) == ("Carol", 27)


@QUICK
@given(st.text(min_size=1).filter(lambda t: t.strip() and "," not in t), st.integers(0, 150))
def test_any_student(name, age):
    """str(), repr() and from_string() agree for any name and age"""
    s = Student(name, age)
    unit = "year" if age == 1 else "years"
    assert str(s) == f"{name}, {age} {unit} old"
    rebuilt = eval(repr(s), {"Student": Student})
    assert (rebuilt.name, rebuilt.age) == (name, age), f"eval(repr(s)) does not rebuild {s!r}"
    parsed = Student.from_string(f"{name}, {age}")
    assert (parsed.name, parsed.age) == (name.strip(), age)
