import pytest
from hypothesis import Phase, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from pyexercise.checklib import assert_not_used, assert_raises
from stack_class import Stack

# pyex's time limit covers the whole run: skip hypothesis's slow "explain" phase on a failure
QUICK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])


def test_last_in_first_out():
    """pop() returns the items in the reverse order of push()"""
    s = Stack()
    for x in (1, 2, 3):
        got = s.push(x)
        assert got is None, f"push() should return None, got {got!r}"
    popped = [s.pop(), s.pop(), s.pop()]
    assert popped == [3, 2, 1], f"after push(1), push(2), push(3), three pops should give [3, 2, 1], got {popped!r}"


def test_peek_does_not_remove():
    """peek() returns the top item and leaves it there"""
    s = Stack()
    s.push("a")
    s.push("b")
    assert s.peek() == "b", f"peek() should return the last item pushed, 'b', got {s.peek()!r}"
    assert s.peek() == "b", "a second peek() should still see 'b'"
    assert len(s) == 2, f"peek() must not remove anything: len is {len(s)}, should be 2"
    assert s.pop() == "b" and s.peek() == "a", "after pop(), peek() should see 'a'"


def test_pop_returns_same_object():
    """pop() gives back the very object that was pushed, None included"""
    s = Stack()
    thing = ["mutable"]
    s.push(thing)
    s.push(None)
    assert s.pop() is None, "None is a valid item: pop() should return the None that was pushed"
    assert s.pop() is thing, "pop() should return the same object that was pushed, not a copy"


def test_empty_stack_errors():
    """pop() and peek() on an empty stack raise IndexError"""
    s = Stack()
    assert_raises(IndexError, s.pop, "pop() on an empty Stack should raise IndexError")
    assert_raises(IndexError, s.peek, "peek() on an empty Stack should raise IndexError")
    s.push(1)
    s.pop()
    assert_raises(IndexError, s.pop, "pop() on a Stack emptied again (push(1), pop()) should raise IndexError")
    assert len(s) == 0, "a failed pop() must not change the size"


def test_len_and_is_empty():
    """len() counts the items and is_empty() says whether there are none"""
    s = Stack()
    assert len(s) == 0 and s.is_empty() is True, "a new Stack() has length 0 and is_empty() True"
    s.push(None)
    assert len(s) == 1 and s.is_empty() is False, "after one push (even of None) len is 1 and is_empty() False"
    s.push(0)
    assert len(s) == 2, f"after two pushes len should be 2, got {len(s)}"
    s.pop()
    s.pop()
    assert len(s) == 0 and s.is_empty() is True, "after popping everything the stack is empty again"
    assert type(len(s)) is int


def test_initial_items():
    """Stack(items) starts with the items, the last one on top"""
    s = Stack([1, 2, 3])
    assert len(s) == 3, f"Stack([1, 2, 3]) should have 3 items, has {len(s)}"
    assert s.peek() == 3, f"the last item given is the top: peek() should be 3, got {s.peek()!r}"
    assert [s.pop() for _ in range(3)] == [3, 2, 1]
    gen = Stack(x * 10 for x in range(3))
    assert gen.pop() == 20, "Stack() should accept any iterable, a generator too"


def test_initial_items_are_copied():
    """the stack keeps its own copy of the items it starts with"""
    items = [1, 2]
    s = Stack(items)
    items.append(99)
    s.push(3)
    assert items == [1, 2, 99], f"pushing onto the stack changed the list passed in: {items!r}"
    assert len(s) == 3 and s.peek() == 3, "changing the list passed in changed the stack: copy it with list(items)"


def test_stacks_are_independent():
    """two stacks never share their items"""
    a, b = Stack(), Stack()
    a.push(1)
    assert len(b) == 0, ("pushing onto one Stack() put an item on another: the list must be made in __init__, "
                         "not be a class attribute or a shared default argument")
    c = Stack()
    assert c.is_empty(), "a brand-new Stack() is not empty: is the list shared between stacks?"


def test_repr():
    """repr() lists the items from bottom to top"""
    assert repr(Stack()) == "Stack([])", f"repr(Stack()) should be 'Stack([])', got {repr(Stack())!r}"
    s = Stack([1, 2])
    s.push("x")
    assert repr(s) == "Stack([1, 2, 'x'])", f"repr() should be \"Stack([1, 2, 'x'])\", got {repr(s)!r}"


def test_top_is_the_end_of_the_list():
    """push and pop are O(1): no inserting or popping at the front of the list"""
    Stack().push(1)  # the stack has to exist first
    assert_not_used("list.insert() (O(n): it shifts the items after it)", attributes=["insert"])
    import ast
    from pyexercise.checklib import target_source
    for node in ast.walk(ast.parse(target_source())):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "pop"
                and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value == 0):
            pytest.fail(f"line {node.lineno}: pop(0) shifts every item, O(n); keep the top at the end and use pop()")


class StackMachine(RuleBasedStateMachine):
    """Random pushes and pops against a plain list as the model."""

    def __init__(self):
        super().__init__()
        self.stack = Stack()
        self.model = []

    @rule(item=st.integers() | st.none() | st.text(max_size=3))
    def push(self, item):
        self.stack.push(item)
        self.model.append(item)

    @precondition(lambda self: self.model)
    @rule()
    def pop(self):
        want = self.model.pop()
        got = self.stack.pop()
        assert got == want and type(got) is type(want), f"pop() returned {got!r}, the top was {want!r}"

    @precondition(lambda self: self.model)
    @rule()
    def peek(self):
        got = self.stack.peek()
        assert got == self.model[-1], f"peek() returned {got!r}, the top is {self.model[-1]!r}"

    @precondition(lambda self: not self.model)
    @rule()
    def pop_empty(self):
        with pytest.raises(IndexError):
            self.stack.pop()
        with pytest.raises(IndexError):
            self.stack.peek()

    @invariant()
    def sizes_match(self):
        assert len(self.stack) == len(self.model), f"len() is {len(self.stack)}, the stack holds {len(self.model)}"
        assert self.stack.is_empty() is (not self.model)


def test_random_operations():
    """a random series of pushes and pops behaves like a list used as a stack"""
    run_state_machine_as_test(StackMachine, settings=settings(QUICK, max_examples=50, stateful_step_count=30))
