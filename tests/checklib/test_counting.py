from __future__ import annotations

import pytest

from pyexercise.checklib import (CountingSequence, Item, TrackedList, check_sorts_in_place, comparisons,
                                 inversions, stable_order, tagged)


def test_items_count_comparisons_and_refuse_strangers():
    with comparisons() as counted:
        assert sorted([Item(3), Item(1), Item(2)]) == [Item(1), Item(2), Item(3)]
    assert counted.count >= 2
    with pytest.raises(TypeError, match="compare the list's items with each other"):
        Item(1) < 2  # noqa: B015


def test_stability_helpers():
    items = tagged([1, 0, 1])
    assert stable_order(items) == ["0#1", "1#0", "1#2"]


def test_tracked_list_records_changes():
    lst = TrackedList([3, 1, 2])
    lst[0], lst[1] = lst[1], lst[0]
    lst.append(4)
    lst[1:2] = [9]
    assert lst.writes == [0, 1] and lst.others == [".append()", "slice assignment"]


def test_inversions():
    assert inversions([3, 1, 2]) == 2 and inversions([1, 2, 3]) == 0


def test_check_sorts_in_place():
    check_sorts_in_place(list.sort, [3, 1, 2])
    with pytest.raises(AssertionError, match="returns None"):
        check_sorts_in_place(sorted, [3, 1, 2])


def test_counting_sequence():
    seq = CountingSequence(list(range(100)))
    assert seq[10] == 10 and len(seq) == 100 and seq.reads == 1
    for forbidden in (lambda: seq[1:3], lambda: 5 in seq, lambda: seq.index(5)):
        with pytest.raises(TypeError):
            forbidden()
