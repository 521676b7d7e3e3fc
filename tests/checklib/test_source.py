from __future__ import annotations

import pytest

from pyexercise.checklib import assert_not_used, forbidden_uses

SOURCE = "import heapq\nfrom heapq import merge\n\ndef f(xs):\n    xs.sort()\n    return sorted(xs)[::-1]\n"


def test_finds_names_attributes_imports_and_reversing_slices():
    found = forbidden_uses(names=["sorted", "[::-1]"], attributes=["sort"], imports=["heapq"], source=SOURCE)
    assert found == ["line 1: import heapq", "line 2: from heapq import ...", "line 5: .sort()",
                     "line 6: a [::-1] slice", "line 6: sorted()"]


def test_assert_not_used_reads_the_file_under_test(tmp_path, monkeypatch):
    target = tmp_path / "mod.py"
    target.write_text(SOURCE)
    monkeypatch.setenv("PYEX_TARGET", str(target))
    with pytest.raises(AssertionError, match="without sorted\\(\\), but your code uses: line 6: sorted\\(\\)"):
        assert_not_used("sorted()", names=["sorted"])
