import contextlib
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from json_pretty_print import main, pretty_json
from pyexercise.checklib import run_main

# Each example makes its own fresh directory inside tmp_path, so sharing the fixture is safe.
FRESH_DIR_EACH_TIME = [HealthCheck.function_scoped_fixture]


def make(tmp_path, text: str, name="data.json") -> Path:
    f = tmp_path / name
    f.write_bytes(text.encode("utf-8"))
    return f


def test_pretty_prints_and_returns(tmp_path, capsys):
    """the data is printed with 2-space indentation and the same text returned"""
    f = make(tmp_path, '{"name":"app","ports":[80,443],"debug":false,"owner":null}')
    got = pretty_json(str(f))
    out = capsys.readouterr().out
    want = '{\n  "name": "app",\n  "ports": [\n    80,\n    443\n  ],\n  "debug": false,\n  "owner": null\n}'
    assert type(got) is str, f"pretty_json should return the text (a str), got {type(got).__name__}"
    assert got == want, f"expected\n{want}\ngot\n{got}\n(json.dumps(data, indent=2))"
    assert out == want + "\n", f"the same text should be printed; printed\n{out}"


def test_keeps_order_and_non_ascii(tmp_path, capsys):
    """keys stay in file order and non-ASCII text is printed as is"""
    f = make(tmp_path, '{"zoë": "café", "a": "日本", "esc": "tab\\tquote\\""}')
    got = pretty_json(Path(f))
    capsys.readouterr()
    assert got == '{\n  "zoë": "café",\n  "a": "日本",\n  "esc": "tab\\tquote\\""\n}', (
        f"got\n{got}\n(ensure_ascii=False keeps 'café' instead of 'caf\\u00e9'; don't sort unless asked)")


def test_indent_and_sort_keys(tmp_path, capsys):
    """indent sets the spaces per level; sort_keys sorts every object's keys"""
    f = make(tmp_path, '{"b": {"y": 1, "x": 2}, "a": []}')
    got = pretty_json(f, indent=4, sort_keys=True)
    capsys.readouterr()
    assert got == '{\n    "a": [],\n    "b": {\n        "x": 2,\n        "y": 1\n    }\n}', f"got\n{got}"


def test_scalars_and_arrays(tmp_path, capsys):
    """the top level may be an array or a plain value"""
    assert pretty_json(make(tmp_path, "[1, [2, 3]]", "a.json")) == "[\n  1,\n  [\n    2,\n    3\n  ]\n]"
    assert pretty_json(make(tmp_path, '  "just text"  \n', "s.json")) == '"just text"'
    assert pretty_json(make(tmp_path, "12345678901234567890", "n.json")) == "12345678901234567890", (
        "big integers must survive exactly")
    capsys.readouterr()


def test_numbers_unchanged(tmp_path, capsys):
    """floats keep their value, 1.0 stays 1.0"""
    got = pretty_json(make(tmp_path, "[1.0, 2.5e-3, -0.0, 3]"))
    capsys.readouterr()
    assert got == "[\n  1.0,\n  0.0025,\n  -0.0,\n  3\n]", f"got\n{got}"


def test_invalid_json(tmp_path):
    """invalid JSON raises json.JSONDecodeError"""
    with pytest.raises(json.JSONDecodeError):
        pretty_json(make(tmp_path, '{"a": 1,}'))
    with pytest.raises(json.JSONDecodeError):
        pretty_json(make(tmp_path, "{'single': 'quotes'}", "q.json"))


def test_empty_file(tmp_path):
    """an empty file is not valid JSON"""
    with pytest.raises(json.JSONDecodeError):
        pretty_json(make(tmp_path, ""))


def test_missing_file(tmp_path):
    """a missing file raises FileNotFoundError"""
    with pytest.raises(FileNotFoundError):
        pretty_json(tmp_path / "missing.json")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3),
    max_leaves=10)


@settings(max_examples=50, suppress_health_check=FRESH_DIR_EACH_TIME)
@given(json_values, st.integers(0, 4), st.booleans())
def test_any_json(tmp_path, data, indent, sort_keys):
    """any JSON document comes out as json.dumps formats it"""
    f = Path(tempfile.mkdtemp(dir=tmp_path)) / "f.json"
    f.write_bytes(json.dumps(data).encode("utf-8"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        got = pretty_json(f, indent=indent, sort_keys=sort_keys)
    assert got == json.dumps(data, indent=indent, sort_keys=sort_keys, ensure_ascii=False)
    assert out.getvalue() == got + "\n"


def test_main_prints(tmp_path, capsys):
    """main prints the file and returns 0; --indent and --sort-keys work"""
    f = str(make(tmp_path, '{"b": 1, "a": [true]}'))
    code, out, _ = run_main(main, [f], capsys=capsys)
    assert code == 0
    assert out == '{\n  "b": 1,\n  "a": [\n    true\n  ]\n}\n'
    code, out, _ = run_main(main, ["--sort-keys", "--indent", "1", f], capsys=capsys)
    assert code == 0
    assert out == '{\n "a": [\n  true\n ],\n "b": 1\n}\n', f"main(['--sort-keys', '--indent', '1', FILE]) printed\n{out}"


def test_main_reports_line_and_column(tmp_path, capsys):
    """for invalid JSON, main names the line and column on stderr and returns 1"""
    f = make(tmp_path, '{\n  "a": 1,\n  "b" 2\n}\n', "bad.json")
    code, out, err = run_main(main, [str(f)], capsys=capsys)
    assert code == 1, f"main should return 1 for invalid JSON, got {code!r}"
    assert re.search(r"line 3\b.*column 7\b", err), (
        f"stderr should say 'line 3, column 7' (the JSONDecodeError's lineno and colno); it says {err!r}")
    assert "Traceback" not in err


def test_main_missing_and_usage(tmp_path, capsys):
    """a missing file returns 1 with a message; no file argument returns 2"""
    code, _, err = run_main(main, [str(tmp_path / "missing.json")], capsys=capsys)
    assert code == 1
    assert err.strip(), "explain the missing file on stderr"
    assert run_main(main, [], capsys=capsys).code == 2, "main([]) should end with status 2"
