import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from todo_cli import add_task, delete_task, format_tasks, load_tasks, main
from pyexercise.checklib import run_main


def saved(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def test_add_and_load(tmp_path):
    """add_task saves a task with id 1, 2, ...; load_tasks reads them back in order"""
    f = tmp_path / "todo.json"
    assert load_tasks(f) == [], "a missing file means no tasks yet: load_tasks should return []"
    first = add_task(f, "buy milk")
    assert first == {"id": 1, "text": "buy milk"}, f"the first task should be {{'id': 1, 'text': 'buy milk'}}, got {first!r}"
    assert type(first["id"]) is int, "ids are ints"
    second = add_task(f, "  call the bank \n")
    assert second == {"id": 2, "text": "call the bank"}, f"texts are stripped and ids count up, got {second!r}"
    assert load_tasks(f) == [first, second], "load_tasks should return both tasks, oldest first"


def test_file_format(tmp_path):
    """the file is JSON in the documented format, written on every change"""
    f = tmp_path / "todo.json"
    add_task(f, "water the plants")
    add_task(f, "café ☕ with Zoë")
    data = saved(f)
    assert data == {"next_id": 3, "tasks": [{"id": 1, "text": "water the plants"},
                                            {"id": 2, "text": "café ☕ with Zoë"}]}, (
        f"the file should hold {{'next_id': 3, 'tasks': [...]}} after two adds, it holds {data!r}")
    delete_task(f, 1)
    assert saved(f) == {"next_id": 3, "tasks": [{"id": 2, "text": "café ☕ with Zoë"}]}, (
        "after delete_task(f, 1) the file should hold only task 2, and next_id stays 3")


def test_reads_file_written_elsewhere(tmp_path):
    """every call reads the file afresh: a file written by hand (or by an earlier run) is used"""
    f = tmp_path / "mine.json"
    f.write_text(json.dumps({"next_id": 10, "tasks": [{"id": 4, "text": "old task"},
                                                      {"id": 9, "text": "newer task"}]}), encoding="utf-8")
    assert load_tasks(f) == [{"id": 4, "text": "old task"}, {"id": 9, "text": "newer task"}], (
        "load_tasks should return the tasks from the file")
    task = add_task(f, "next")
    assert task == {"id": 10, "text": "next"}, f"the new task takes next_id from the file (10), got {task!r}"
    other = tmp_path / "other.json"
    assert load_tasks(other) == [], "a different, missing file has no tasks: don't keep tasks in a global"
    assert add_task(other, "x")["id"] == 1, "a new file starts at id 1"


def test_ids_never_reused(tmp_path):
    """deleting the newest task does not free its id"""
    f = tmp_path / "todo.json"
    for text in "abc":
        add_task(f, text)
    assert delete_task(f, 3) == {"id": 3, "text": "c"}, "delete_task returns the deleted task"
    assert add_task(f, "d")["id"] == 4, "ids are never reused: after deleting 3 the next id is 4, not 3"
    assert [t["id"] for t in load_tasks(f)] == [1, 2, 4]


def test_delete_missing_raises(tmp_path):
    """deleting an id that does not exist raises KeyError and changes nothing"""
    f = tmp_path / "todo.json"
    add_task(f, "a")
    add_task(f, "b")
    before = f.read_bytes()
    for bad in (0, 3, -1):
        with pytest.raises(KeyError):
            delete_task(f, bad)
    assert f.read_bytes() == before, "a failed delete must leave the file untouched"
    with pytest.raises(KeyError):
        delete_task(tmp_path / "missing.json", 1)


def test_empty_text_rejected(tmp_path):
    """a task with no text is a ValueError, and nothing is saved"""
    f = tmp_path / "todo.json"
    for bad in ("", "   ", "\t\n"):
        with pytest.raises(ValueError):
            add_task(f, bad)
    assert load_tasks(f) == [], "nothing should have been saved"


@pytest.mark.parametrize("content", ["this is not json", "[1, 2, 3]", '{"tasks": "nope"}', '{"tasks": []}',
                                     '{"next_id": 2, "tasks": [{"id": "1", "text": "x"}]}'])
def test_corrupt_file(tmp_path, content):
    """a file that is not a to-do file is a ValueError and is never overwritten"""
    f = tmp_path / "todo.json"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError):
        load_tasks(f)
    with pytest.raises(ValueError):
        add_task(f, "new")
    assert f.read_text(encoding="utf-8") == content, "add_task must not overwrite a file it could not read"


def test_format_tasks():
    """format_tasks shows one 'id: text' line per task, or 'No tasks.'"""
    assert format_tasks([]) == "No tasks.", f"format_tasks([]) should be 'No tasks.', got {format_tasks([])!r}"
    got = format_tasks([{"id": 2, "text": "call the bank"}, {"id": 10, "text": "buy milk"}])
    assert got == "2: call the bank\n10: buy milk", f"got {got!r}"


def test_cli_add_view_delete(tmp_path, capsys):
    """main: add, view and delete, with the documented messages and exit code 0"""
    f = str(tmp_path / "todo.json")
    assert run_main(main, ["--file", f, "add", "buy", "milk"], capsys=capsys) == (0, "Added task 1: buy milk\n", ""), (
        "`add buy milk` should print 'Added task 1: buy milk' (words joined by spaces) and return 0")
    assert run_main(main, ["--file", f, "add", "call the bank"], capsys=capsys)[:2] == (
        0, "Added task 2: call the bank\n")
    assert run_main(main, ["--file", f, "view"], capsys=capsys) == (0, "1: buy milk\n2: call the bank\n", ""), (
        "`view` should print every task, one per line")
    assert run_main(main, ["--file", f, "delete", "1"], capsys=capsys) == (0, "Deleted task 1: buy milk\n", ""), (
        "`delete 1` should print 'Deleted task 1: buy milk' and return 0")
    assert run_main(main, ["--file", f, "view"], capsys=capsys)[:2] == (0, "2: call the bank\n")
    assert saved(f)["tasks"] == [{"id": 2, "text": "call the bank"}], "main must save to the --file given"


def test_cli_view_empty(tmp_path, capsys):
    """main: view with no file prints 'No tasks.'"""
    f = str(tmp_path / "todo.json")
    assert run_main(main, ["--file", f, "view"], capsys=capsys) == (0, "No tasks.\n", "")


def test_cli_delete_missing(tmp_path, capsys):
    """main: deleting a missing id prints an error on stderr and returns 1"""
    f = str(tmp_path / "todo.json")
    run_main(main, ["--file", f, "add", "a"], capsys=capsys)
    code, out, err = run_main(main, ["--file", f, "delete", "7"], capsys=capsys)
    assert code == 1, f"`delete 7` with no task 7 should return exit code 1, got {code}"
    assert err.startswith("error:") and "7" in err, f"stderr should say 'error: no task with id 7', got {err!r}"
    assert out == "", "errors belong on stderr, not stdout"
    assert load_tasks(Path(f)) == [{"id": 1, "text": "a"}]


def test_cli_bad_input(tmp_path, capsys):
    """main: a broken file or empty text gives exit code 1; usage errors give 2"""
    f = tmp_path / "todo.json"
    f.write_text("{oops", encoding="utf-8")
    code, out, err = run_main(main, ["--file", str(f), "view"], capsys=capsys)
    assert code == 1 and err.startswith("error:"), f"a broken file should be 'error: ...' and code 1, got {code}, {err!r}"
    code, _, err = run_main(main, ["--file", str(f), "add", "x"], capsys=capsys)
    assert code == 1 and f.read_text() == "{oops", "add on a broken file: exit code 1, file untouched"
    good = str(tmp_path / "good.json")
    code, _, err = run_main(main, ["--file", good, "add", "   "], capsys=capsys)
    assert code == 1 and err.startswith("error:"), f"`add '   '` has no text: expected code 1 and an error, got {code}"
    for argv in ([], ["frobnicate"], ["delete"], ["delete", "one"], ["add"]):
        code, out, err = run_main(main, ["--file", good] + argv, capsys=capsys)
        assert code == 2, f"{argv!r} is a usage error: exit code 2 expected, got {code}"
    assert not Path(good).exists(), "no usage error should have created the file"


def test_cli_default_file(tmp_path, capsys, monkeypatch):
    """main: without --file the tasks go to todo.json in the current directory"""
    monkeypatch.chdir(tmp_path)
    assert run_main(main, ["add", "default file"], capsys=capsys)[0] == 0
    assert saved(tmp_path / "todo.json")["tasks"] == [{"id": 1, "text": "default file"}]


class TodoMachine(RuleBasedStateMachine):
    """Random sequences of add/delete agree with a simple list model."""

    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.path = self.dir / "todo.json"
        self.model: list[dict] = []
        self.next_id = 1

    def teardown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    @rule(words=st.lists(st.text(st.characters(exclude_categories=["C", "Z"]), min_size=1, max_size=6),
                         min_size=1, max_size=3),
          pad=st.sampled_from(["", " ", " \t "]))
    def add(self, words, pad):
        text = pad + " ".join(words) + pad
        task = add_task(self.path, text)
        want = {"id": self.next_id, "text": text.strip()}
        assert task == want, f"add_task should return {want!r}, got {task!r}"
        self.model.append(want)
        self.next_id += 1

    @rule(data=st.data())
    def delete(self, data):
        ids = [t["id"] for t in self.model]
        task_id = data.draw(st.sampled_from(ids) if ids and data.draw(st.booleans()) else st.integers(0, 30))
        if task_id in ids:
            want = next(t for t in self.model if t["id"] == task_id)
            assert delete_task(self.path, task_id) == want
            self.model.remove(want)
        else:
            with pytest.raises(KeyError):
                delete_task(self.path, task_id)

    @invariant()
    def same_tasks(self):
        assert load_tasks(self.path) == self.model, "load_tasks disagrees with the tasks added and deleted"


TodoMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=15)
test_todo_state_machine = TodoMachine.TestCase
