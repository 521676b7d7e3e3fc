"""Profile code with cProfile, find the hotspot in the numbers, and rewrite the slow code it points at.

Guessing where a program spends its time is usually wrong; a profiler measures it. cProfile records
every function call: how often each function was called (ncalls), the time spent in its own code
(tottime) and the time from entering it to returning, callees included (cumtime). The function with
the most *own* time is where optimising pays.

    >>> stats = profile_call(slow_report, sales)          # cProfile around one call
    >>> hotspots(stats, 2)                                 # doctest: +SKIP
    [Hotspot(name='find_customer', file='.../cprofile_hotspots.py', line=87, ncalls=3000,
             tottime=0.141, cumtime=0.141),
     Hotspot(name='slow_report', file='.../cprofile_hotspots.py', line=95, ncalls=1, ...)]

    $ python cprofile_hotspots.py -n 3 nightly.py --month 5   # main(): profile a script that calls slow_report
    ...whatever nightly.py prints...
       ncalls   tottime   cumtime  function
         3000     0.141     0.141  find_customer (cprofile_hotspots.py:87)
            1     0.004     0.145  slow_report (cprofile_hotspots.py:95)
         3872     0.000     0.000  <method 'append' of 'list' objects>

Write:
- ``profile_call(fn, *args, **kwargs)``: run ``fn(*args, **kwargs)`` under a new cProfile.Profile and
  return a ``pstats.Stats`` of that call alone (nothing from earlier calls). If fn raises, the
  exception propagates and the profiler is switched off all the same.
- ``hotspots(stats, n=10)``: the ``n`` functions with the largest tottime, as ``Hotspot`` tuples,
  largest first (ties: more calls first, then by name, file and line). ``ncalls`` counts every
  call, recursive ones included; tottime and cumtime are the profiler's own floats, not rounded.
  Two functions with the same name (two classes' ``step`` methods) are two hotspots. n < 0 is a
  ValueError.
- ``main(argv)``: ``[-n N] SCRIPT [ARG ...]`` runs the script as ``__main__`` with ``sys.argv`` set
  to ``[SCRIPT, ARG, ...]`` (and put back afterwards), under the profiler, then prints the header
  ``f"{'ncalls':>9} {'tottime':>9} {'cumtime':>9}  function"`` and one line per hotspot,
  ``f"{ncalls:>9} {tottime:>9.3f} {cumtime:>9.3f}  {function}"``, where function is
  ``name (file's base name:line)``, or just the name for a built-in (its file is "~"). N (also
  ``--top``) defaults to 10; below 0 it is a usage error (exit code 2). A script that calls
  ``sys.exit(...)`` is still reported, and main returns the exit code Python would give (None is
  0, a message is 1). A missing script: an error on stderr, exit code 2. Otherwise main returns 0.
- ``fast_report(sales, top=3)``: profile ``slow_report`` below, then write a version that returns
  exactly the same text for every input (sales may be any iterable, walked once) and does not
  slow down as the number of customers, or of the products one customer buys, grows. Don't change slow_report or its helpers.
"""

from __future__ import annotations

import argparse  # noqa: F401 - you will need these
import cProfile  # noqa: F401
import pstats
import runpy  # noqa: F401
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
    raise NotImplementedError


def hotspots(stats: pstats.Stats, n: int = 10) -> list[Hotspot]:
    """The ``n`` functions with the most own time (tottime), largest first."""
    raise NotImplementedError


def main(argv: list[str] | None = None) -> int:
    """``[-n N] SCRIPT [ARG...]``: run SCRIPT under cProfile, then print its hotspots."""
    raise NotImplementedError


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
    """The ``top`` customers by total spent (ties: by name), one line each:

    >>> slow_report([("ann", "tea", 350), ("bob", "jam", 900), ("ann", "tea", 200), ("ann", "mug", 1200)])
    'ann: $17.50 (3 sales, 2 products)\\nbob: $9.00 (1 sales, 1 products)\\n'
    """
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
    """The same report as slow_report, fast: profile slow_report first to see where its time goes."""
    raise NotImplementedError


if __name__ == "__main__":
    sys.exit(main())
