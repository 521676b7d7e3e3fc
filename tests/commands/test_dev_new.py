"""`pyex dev new`."""


from __future__ import annotations

import json

from pyexercise.mutants import baseline_source, mutants

from conftest import write


def test_dev_new_scaffolds_and_refuses_duplicates(workspace, pyex):
    result = pyex("dev", "new", "count_words", "--level", "junior", "--topic", "strings")
    assert result.code == 0, result.err
    for tree, name in (("exercises", "count_words.py"), ("solutions", "count_words.py"),
                       ("checks", "test_count_words.py")):
        assert (workspace / tree / "junior/strings" / name).is_file()
    info = (workspace / "info.toml").read_text()
    assert 'name = "count_words"' in info and 'path = "junior/strings/count_words.py"' in info
    listing = json.loads(pyex("list", "--json").out)
    assert listing["exercises"][-1]["name"] == "count_words"
    again = pyex("dev", "new", "count_words")
    assert again.code == 2 and "already exists" in again.err
    bad = pyex("dev", "new", "Bad-Name")
    assert bad.code == 2 and "not a valid exercise name" in bad.err
