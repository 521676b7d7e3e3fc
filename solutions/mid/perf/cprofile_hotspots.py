"""Profile with cProfile, read the hotspots, and fix the bottleneck they point at: a linear scan."""

from __future__ import annotations

import argparse
import cProfile
import heapq
import os
import pstats
import runpy
import sys
from typing import Any, Callable, Iterable, NamedTuple


class Hotspot(NamedTuple):
    name: str  # the function's name as pstats keys it: "find_customer", "<built-in method builtins.sorted>"
    file: str  # the file it is defined in ("~" for built-ins)
    line: int  # the line its definition starts on (0 for built-ins)
    ncalls: int  # every call, recursive ones included
    tottime: float  # seconds spent in the function's own code, not in what it called
    cumtime: float  # seconds from entering it to returning, calls included


def profile_call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> pstats.Stats:
    """Run ``fn(*args, **kwargs)`` under a fresh cProfile profiler and return its statistics."""
    profiler = cProfile.Profile()  # a new one every time: statistics never pile up across calls
    profiler.enable()
    try:
        fn(*args, **kwargs)
    finally:
        profiler.disable()  # also when fn raises: the exception goes on, the profiler is off
    return pstats.Stats(profiler)


def hotspots(stats: pstats.Stats, n: int = 10) -> list[Hotspot]:
    """The ``n`` functions with the most own time (tottime), largest first; ties: more calls first,
    then by name, file and line."""
    if n < 0:
        raise ValueError(f"n must be 0 or more, got {n}")
    # stats.stats maps (file, line, name) -> (primitive calls, all calls, tottime, cumtime, callers);
    # "all calls" counts the recursive ones too (pstats prints it as "all/primitive" when they differ)
    spots = [Hotspot(name, file, line, ncalls, tottime, cumtime)
             for (file, line, name), (_primitive, ncalls, tottime, cumtime, _callers) in stats.stats.items()]
    return heapq.nsmallest(n, spots, key=lambda h: (-h.tottime, -h.ncalls, h.name, h.file, h.line))


def _where(spot: Hotspot) -> str:
    if spot.file == "~":  # a built-in: it has no file or line
        return spot.name
    return f"{spot.name} ({os.path.basename(spot.file)}:{spot.line})"


def main(argv: list[str] | None = None) -> int:
    """``python cprofile_hotspots.py [-n N] SCRIPT [ARG...]``: run SCRIPT (as __main__, with ARGs in
    sys.argv) under cProfile, then print its hotspots."""
    parser = argparse.ArgumentParser(description="Run a Python script under cProfile and print its hotspots.")
    parser.add_argument("-n", "--top", type=int, default=10, help="how many functions to show (default 10)")
    parser.add_argument("script", help="the Python script to profile")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script")
    options = parser.parse_args(argv)
    if options.top < 0:
        parser.error("-n must be 0 or more")
    if not os.path.isfile(options.script):
        print(f"error: no such script: {options.script}", file=sys.stderr)
        return 2

    saved_argv = sys.argv
    sys.argv = [options.script, *options.args]  # what the script sees, as `python script ...` would give it
    code = 0
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        runpy.run_path(options.script, run_name="__main__")
    except SystemExit as exc:  # `sys.exit(main())` ends the script, not the profiling: report, pass the code on
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        profiler.disable()
        sys.argv = saved_argv

    print(f"{'ncalls':>9} {'tottime':>9} {'cumtime':>9}  function")
    for spot in hotspots(pstats.Stats(profiler), options.top):
        print(f"{spot.ncalls:>9} {spot.tottime:>9.3f} {spot.cumtime:>9.3f}  {_where(spot)}")
    return code


# ------------------------------------------------------------------- the code to speed up

Sale = tuple  # (customer: str, product: str, cents: int)


def format_cents(cents: int) -> str:
    """1234567 -> '$12,345.67'; a negative total (refunds) gets a minus sign: -500 -> '-$5.00'."""
    sign = "-" if cents < 0 else ""
    dollars, rest = divmod(abs(cents), 100)
    return f"{sign}${dollars:,}.{rest:02d}"


def find_customer(rows: list[list], name: str) -> list | None:
    """The row of ``name`` in ``rows``, or None."""
    for row in rows:
        if row[0] == name:
            return row
    return None


def slow_report(sales: Iterable[Sale], top: int = 3) -> str:
    """The ``top`` customers by total spent (ties: by name), one line each."""
    rows: list[list] = []  # [customer, total cents, number of sales, products bought]
    for customer, product, cents in sales:
        row = find_customer(rows, customer)
        if row is None:
            row = [customer, 0, 0, []]
            rows.append(row)
        row[1] += cents
        row[2] += 1
        if product not in row[3]:
            row[3].append(product)
    rows.sort(key=lambda row: (-row[1], row[0]))
    report = ""
    for customer, total, count, products in rows[:top]:
        report += f"{customer}: {format_cents(total)} ({count} sales, {len(products)} products)\n"
    return report


def fast_report(sales: Iterable[Sale], top: int = 3) -> str:
    """The same report as slow_report, in one pass: a dict finds a customer's totals at once (the
    profile shows find_customer's linear scan taking nearly all the time), a set of products makes
    "bought before?" O(1), and heapq.nsmallest picks the top few without sorting everyone."""
    totals: dict[str, list] = {}  # customer -> [total cents, number of sales]
    products: dict[str, set] = {}
    for customer, product, cents in sales:
        entry = totals.get(customer)
        if entry is None:
            entry = totals[customer] = [0, 0]
            products[customer] = set()
        entry[0] += cents
        entry[1] += 1
        products[customer].add(product)
    best = heapq.nsmallest(top, totals.items(), key=lambda item: (-item[1][0], item[0]))
    return "".join(f"{customer}: {format_cents(total)} ({count} sales, {len(products[customer])} products)\n"
                   for customer, (total, count) in best)


if __name__ == "__main__":
    sys.exit(main())
