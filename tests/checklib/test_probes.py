"""Probes of what the code under test does."""

from __future__ import annotations

import threading

import pytest

from pyexercise.checklib import Tracked, assert_raises, opened_files


def test_opened_files_sees_every_thread(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("x")
    b.write_text("y")
    with opened_files() as seen:
        a.read_text()
        t = threading.Thread(target=b.read_text)
        t.start()
        t.join()
    c = tmp_path / "c"
    c.write_text("outside")  # after the block: not seen
    assert seen.opened(a) and seen.opened(b) and not seen.opened(c)


def test_tracked_counts_pulls_and_passes():
    source = Tracked(range(100))
    it = iter(source)
    next(it)
    next(it)
    assert source.pulled == 2 and source.iterations == 1
    list(source)
    assert source.iterations == 2


def test_assert_raises_names_what_happened():
    assert isinstance(assert_raises(ValueError, lambda: int("x"), "must refuse"), ValueError)
    with pytest.raises(AssertionError, match=r"must refuse \(it returned 3\)"):
        assert_raises(ValueError, lambda: 3, "must refuse")
    with pytest.raises(AssertionError, match=r"must refuse \(it raised KeyError"):
        assert_raises(ValueError, lambda: {}["k"], "must refuse")


def test_assert_raises_lets_an_unwritten_part_through():
    """a stub's NotImplementedError is "not started", not a wrong answer: it must reach pyex as itself"""
    def stub():
        raise NotImplementedError
    with pytest.raises(NotImplementedError):
        assert_raises(ValueError, stub, "must refuse")
    assert isinstance(assert_raises(NotImplementedError, stub, "must say so"), NotImplementedError)
