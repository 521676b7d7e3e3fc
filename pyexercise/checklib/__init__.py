"""Helpers for check authors. Everything is importable from here:

    from pyexercise.checklib import assert_not_used, run_main, time_budget, race_amplifier

Checks import the learner's file by its module name (``from largest_number import largest``); pyex
loads the file under test under that name before the check runs. docs/authoring.md shows each
helper with an example:

- source: the file under test and the constructs a task forbids (``assert_not_used``)
- cli: calling ``main(argv)`` and capturing its exit code and output (``run_main``)
- timing: a time budget for a block, speed compared side by side (``speed_ratio``), and polling
  for what runs in the background (``wait_until``)
- counting: comparison-counting items and change-tracking lists for sorting and searching tasks
- races: the race amplifier and a thread hammer for thread-safety tasks
- web: an aiohttp server on loopback that records requests and how many were in flight at once
- mail: an SMTP server on loopback (AUTH, refused and deferred recipients)
- redis_servers: the run's own Redis database, and private servers a check can kill
- planted: the learner's own tests, run against the correct code and against planted bugs
- wsgi: a WSGI (Flask) application served for real by werkzeug, with the same request record
- probes: files opened (an audit hook), items pulled from an iterable, raises with a message
"""

from pyexercise.checklib.cli import MainResult, run_main
from pyexercise.checklib.counting import (COMPARISONS, CountingSequence, Item, TrackedList, check_sorts_in_place,
                                          comparisons, inversions, stable_order, tagged)
from pyexercise.checklib.mail import Mailbox, mailbox, smtp_server
from pyexercise.checklib.planted import PlantedBugs, SuiteRun, run_learner_tests
from pyexercise.checklib.probes import OpenedFiles, Tracked, assert_raises, opened_files
from pyexercise.checklib.races import HammerResult, hammer, race_amplifier
from pyexercise.checklib.redis_servers import (RedisNode, private_client, private_redis, redis_client, redis_servers,
                                              redis_url)
from pyexercise.checklib.source import (assert_not_used, forbidden_uses, target_module_name, target_path,
                                        target_source)
from pyexercise.checklib.timing import TooSlow, Timing, best_of, measure, speed_ratio, time_budget, wait_until
from pyexercise.checklib.web import HttpServer, Request, http_server, serve_app
from pyexercise.checklib.wsgi import wsgi_server
from pyexercise.net import free_port, wait_for_port

__all__ = [
    "COMPARISONS", "CountingSequence", "HammerResult", "HttpServer", "Item", "MainResult", "Mailbox", "OpenedFiles",
    "Tracked", "assert_raises", "opened_files", "wsgi_server",
    "PlantedBugs", "RedisNode", "Request", "SuiteRun", "Timing", "TooSlow", "TrackedList", "assert_not_used",
    "best_of", "check_sorts_in_place", "comparisons", "forbidden_uses", "free_port", "hammer", "http_server",
    "inversions", "mailbox", "measure", "private_client", "private_redis", "race_amplifier", "redis_client", "redis_servers", "redis_url",
    "run_learner_tests", "run_main", "serve_app", "smtp_server", "speed_ratio", "stable_order", "tagged",
    "target_module_name", "target_path", "target_source", "time_budget", "wait_for_port", "wait_until",
]
