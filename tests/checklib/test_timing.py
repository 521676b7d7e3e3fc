from __future__ import annotations

import time

import pytest

from pyexercise.checklib import TooSlow, measure, speed_ratio, time_budget, wait_until


def test_budget_interrupts_an_endless_loop():
    started = time.monotonic()
    with pytest.raises(TooSlow, match="took too long"):
        with time_budget(0.2, "took too long"):
            while True:
                pass
    assert time.monotonic() - started < 2


def test_budget_lets_a_quick_block_through_and_disarms():
    with time_budget(1, "never"):
        pass
    time.sleep(1.1)  # the alarm must not fire later


def test_too_slow_reads_as_a_failed_assertion():
    assert issubclass(TooSlow, AssertionError)


def test_speed_ratio_sees_the_faster_one():
    def slow():
        sum(range(200_000))

    def fast():
        sum(range(2_000))

    assert speed_ratio(slow, fast, repeat=3) > 5
    assert measure(slow).wall > 0


def test_wait_until_polls_until_true_or_gives_up():
    calls = []
    assert wait_until(lambda: calls.append(1) or len(calls) >= 3, 5, interval=0) is True
    assert len(calls) == 3
    assert wait_until(lambda: False, 0.05) is False
