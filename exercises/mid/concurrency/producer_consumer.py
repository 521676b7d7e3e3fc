"""Build a producer-consumer pipeline with threading, queue.Queue and a threading.Condition.

One producer thread takes items from ``source`` and hands them to ``workers`` worker threads
through a ``queue.Queue``; each worker calls ``process(item)`` and passes the result back; the
caller gets the results by iterating over what ``run_pipeline`` returns.

    >>> def slow_double(x):
    ...     time.sleep(0.1)
    ...     return 2 * x
    >>> list(run_pipeline(range(8), slow_double, workers=4, ordered=True))   # ~0.2 s, not 0.8
    [0, 2, 4, 6, 8, 10, 12, 14]
    >>> sorted(run_pipeline(range(8), slow_double, workers=4))              # completion order
    [0, 2, 4, 6, 8, 10, 12, 14]

The rules:
- ``run_pipeline(source, process, *, workers=4, maxsize=8, ordered=False)`` returns an
  iterator of the results. ``ordered=False`` gives each result as soon as it is ready;
  ``ordered=True`` gives them in the order of ``source``. ``workers`` or ``maxsize`` below 1
  is a ValueError, raised by the call itself, before you iterate.
- Nothing starts (no thread, nothing taken from ``source``) until the first result is asked for.
- Backpressure: an item taken from ``source`` counts as *in the pipeline* until its result
  has been handed to the caller. There are never more than ``maxsize + workers`` items in the
  pipeline: the producer waits for room (on a ``threading.Condition``) before it takes the
  next item, so a slow caller, or one slow item holding up ``ordered=True``, never makes the
  pipeline pile up results. ``source`` may be endless (``itertools.count()``).
- Errors: if ``process`` raises for an item, or ``source`` itself raises, iterating raises
  that same exception: with ``ordered=True`` right after the results of the items before
  it, otherwise as soon as it reaches the caller. Then the pipeline stops: no more items
  are taken and no more ``process`` calls start.
- When iteration ends (all done, an error raised, or the caller stopping early with
  ``close()`` or ``break`` and dropping the iterator), every thread the pipeline started has
  finished: the check looks at ``threading.enumerate()`` right away. And a pipeline its caller
  forgot about must not keep the program from exiting (make the threads daemons).
- The workers really work at the same time: the check counts the ``process`` calls running at once.
"""

from __future__ import annotations

import queue  # noqa: F401 - you will need these
import threading  # noqa: F401
from typing import Any, Callable, Iterable, Iterator


def run_pipeline(source: Iterable[Any], process: Callable[[Any], Any], *, workers: int = 4, maxsize: int = 8,
                 ordered: bool = False) -> Iterator[Any]:
    """Yield ``process(item)`` for every item of ``source``, computed by ``workers`` threads."""
    # TODO: check the arguments here, then return a generator (a second function) that starts
    #       a producer thread and the workers, and yields the results; clean up in its finally.
    raise NotImplementedError
