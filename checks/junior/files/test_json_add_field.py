import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from json_add_field import add_field, main
from pyexercise.checklib import run_main

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]

USERS = [{"name": "Ada", "age": 36}, {"name": "Alan", "active": False}, {"name": "Grace"}]


def make(tmp_path, data, name="users.json") -> Path:
    f = tmp_path / name
    f.write_bytes((data if isinstance(data, str) else json.dumps(data)).encode("utf-8"))
    return f


def load(path: Path):
    return json.loads(path.read_bytes().decode("utf-8"))


def test_adds_key_to_each_entry(tmp_path):
    """the key is added to entries that lack it; existing values are kept"""
    src, dst = make(tmp_path, USERS), tmp_path / "out.json"
    got = add_field(str(src), str(dst), "active", True)
    assert load(dst) == [{"name": "Ada", "age": 36, "active": True}, {"name": "Alan", "active": False},
                         {"name": "Grace", "active": True}], (
        f"dst holds {load(dst)!r}: Alan already has 'active', so his value stays without overwrite=True")
    assert type(got) is int and got == 2, f"2 entries got the new key; add_field returned {got!r}"


def test_overwrite(tmp_path):
    """overwrite=True replaces existing values too"""
    src, dst = make(tmp_path, USERS), tmp_path / "out.json"
    assert add_field(Path(src), Path(dst), "active", True, overwrite=True) == 3
    assert [u["active"] for u in load(dst)] == [True, True, True]


def test_source_unchanged(tmp_path):
    """src is not modified"""
    src, dst = make(tmp_path, USERS), tmp_path / "out.json"
    before = src.read_bytes()
    add_field(src, dst, "x", 1)
    assert src.read_bytes() == before, "write the result to dst only"


def test_key_order(tmp_path):
    """existing keys keep their order; a new key goes last"""
    src, dst = make(tmp_path, [{"z": 1, "a": 2}]), tmp_path / "out.json"
    add_field(src, dst, "m", 3)
    assert list(load(dst)[0]) == ["z", "a", "m"], f"keys should be z, a, m; got {list(load(dst)[0])!r}"


def test_any_json_value(tmp_path):
    """the value may be any JSON value: a list, an object, null"""
    src = make(tmp_path, [{"id": 1}, {"id": 2}])
    for value in ([1, "two"], {"nested": {"deep": True}}, None, 2.5, "text"):
        dst = tmp_path / "out.json"
        add_field(src, dst, "v", value)
        assert [r["v"] for r in load(dst)] == [value, value], f"value {value!r} didn't come through"


def test_output_format(tmp_path):
    """dst is UTF-8, indented by 2, with non-ASCII characters as they are"""
    src, dst = make(tmp_path, [{"name": "Zoë"}]), tmp_path / "out.json"
    add_field(src, dst, "city", "Kraków")
    text = dst.read_bytes().decode("utf-8")
    assert "Zoë" in text and "Kraków" in text, (
        f"non-ASCII should be written as is (json.dump(..., ensure_ascii=False)); the file is {text!r}")
    assert text.strip() == json.dumps([{"name": "Zoë", "city": "Kraków"}], indent=2, ensure_ascii=False), (
        f"the file should be indented with indent=2; it is:\n{text}")


def test_same_file(tmp_path):
    """dst may be the same file as src"""
    f = make(tmp_path, [{"a": 1}])
    assert add_field(f, f, "b", 2) == 1
    assert load(f) == [{"a": 1, "b": 2}]


def test_empty_array(tmp_path):
    """an empty array stays empty and 0 entries change"""
    src, dst = make(tmp_path, []), tmp_path / "out.json"
    assert add_field(src, dst, "k", 1) == 0
    assert load(dst) == []


def test_not_a_list(tmp_path):
    """a top level that is not an array is a ValueError, and no dst is written"""
    dst = tmp_path / "out.json"
    for top in ({"name": "Ada"}, 42, None, "text"):
        with pytest.raises(ValueError):
            add_field(make(tmp_path, top), dst, "k", 1)
        assert not dst.exists(), f"don't write dst when the input is {json.dumps(top)}"


def test_entry_not_an_object(tmp_path):
    """an entry that is not an object is a ValueError, and no dst is written"""
    dst = tmp_path / "out.json"
    with pytest.raises(ValueError):
        add_field(make(tmp_path, [{"a": 1}, 42, {"b": 2}]), dst, "k", 1)
    assert not dst.exists(), "check every entry before writing anything"


def test_invalid_json(tmp_path):
    """invalid JSON raises json.JSONDecodeError, and no dst is written"""
    dst = tmp_path / "out.json"
    with pytest.raises(json.JSONDecodeError):
        add_field(make(tmp_path, '[{"a": 1},]'), dst, "k", 1)
    with pytest.raises(json.JSONDecodeError):
        add_field(make(tmp_path, "", "empty.json"), dst, "k", 1)
    assert not dst.exists()


def test_missing_source(tmp_path):
    """a missing src raises FileNotFoundError and writes no dst"""
    dst = tmp_path / "out.json"
    with pytest.raises(FileNotFoundError):
        add_field(tmp_path / "missing.json", dst, "k", 1)
    assert not dst.exists()


records = st.lists(st.dictionaries(st.sampled_from(["a", "b", "k", "é"]), st.integers() | st.text(max_size=3),
                                   max_size=3), max_size=5)


@settings(max_examples=40, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(records, st.integers() | st.text(max_size=3) | st.lists(st.booleans(), max_size=2), st.booleans())
def test_any_records(tmp_path, recs, value, overwrite):
    """for any records, each gets the key unless it had it (or overwrite is set)"""
    d = Path(tempfile.mkdtemp(dir=tmp_path))
    (d / "in.json").write_bytes(json.dumps(recs).encode("utf-8"))
    want = [dict(r, k=value) if overwrite or "k" not in r else r for r in recs]
    changed = sum(1 for r in recs if overwrite or "k" not in r)
    assert add_field(d / "in.json", d / "out.json", "k", value, overwrite=overwrite) == changed
    assert load(d / "out.json") == want


def test_main_parses_value(tmp_path, capsys):
    """main reads VALUE as JSON when it can, else as a string"""
    src, dst = make(tmp_path, [{"n": 1}, {"n": 2, "x": "old"}]), tmp_path / "out.json"
    printed = ""
    for text, value in (("30", 30), ("true", True), ("null", None), ('{"a": [1]}', {"a": [1]}),
                        ("hello", "hello"), ("3.5", 3.5)):
        code, out, _ = run_main(main, [str(src), str(dst), "x", text], capsys=capsys)
        printed += out
        assert code == 0, f"main should return 0, got {code!r}"
        got = load(dst)[0]["x"]
        assert got == value and type(got) is type(value), (
            f"VALUE {text!r} should become {value!r} ({type(value).__name__}), got {got!r}")
    assert "updated 1 of 2 entries" in printed, f"main should print 'updated 1 of 2 entries'; printed {printed!r}"


def test_main_overwrite(tmp_path, capsys):
    """--overwrite is passed through"""
    src, dst = make(tmp_path, [{"n": 1}, {"n": 2, "x": "old"}]), tmp_path / "out.json"
    code, out, _ = run_main(main, [str(src), str(dst), "x", "new", "--overwrite"], capsys=capsys)
    assert code == 0
    assert [r["x"] for r in load(dst)] == ["new", "new"]
    assert "updated 2 of 2 entries" in out


def test_main_errors(tmp_path, capsys):
    """main: bad input → stderr and 1; missing arguments → 2"""
    dst = str(tmp_path / "out.json")
    for src in (tmp_path / "missing.json", make(tmp_path, "{oops", "bad.json"), make(tmp_path, {"a": 1}, "obj.json")):
        code, _, err = run_main(main, [str(src), dst, "k", "1"], capsys=capsys)
        assert code == 1 and err.strip(), f"for {src.name}, main should print an error to stderr and return 1"
    assert run_main(main, ["only", "two"], capsys=capsys).code == 2, (
        "main with too few arguments should end with status 2")
