"""The mutator: single, plausible changes."""


from __future__ import annotations

import json

from pyexercise.mutants import baseline_source, mutants

from conftest import write


def test_mutants_are_single_plausible_changes():
    source = "def f(xs):\n    total = 0\n    for x in xs:\n        if x > 2 and x != 5:\n            total += x\n" \
             "    return total\n"
    found = mutants(source)
    ops = {m.operator for m in found}
    assert {"compare", "constant", "boolop", "augassign", "drop", "return-none"} <= ops
    base = baseline_source(source)
    for m in found:
        assert m.source != base
        changed = [line for line in m.diff(base).splitlines() if line.startswith(("+", "-"))]
        assert 1 <= len(changed) <= 4, m.diff(base)


def test_mutants_skip_docstrings_annotations_and_main_guard():
    source = '"""Doc."""\n\ndef f(n: int = 3) -> int:\n    """Doc."""\n    return n\n\n' \
             'if __name__ == "__main__":\n    print(f(1))\n'
    descriptions = [m.description for m in mutants(source)]
    assert all("__main__" not in d and "print" not in d for d in descriptions), descriptions
    assert any("3 -> 4" in d for d in descriptions)  # the default value is code, so it is mutated
