"""An event bus on Redis Streams with asyncio: consumer groups, acknowledgements, reclaiming a
dead consumer's work, a dead-letter stream, and handlers whose effects happen exactly once.

Redis Streams give what Kafka and RabbitMQ give a service: producers append events to a stream;
a consumer group shares them out among its consumers; a consumer acknowledges (XACK) what it has
handled, and what it took but never acknowledged stays pending — so when a consumer dies, another
can claim its work. Delivery is therefore at-least-once: an event may be handled twice (its
consumer died after the effect, before the ack). Effects that must happen exactly once are made
idempotent.

    >>> r = redis.asyncio.Redis.from_url("redis://localhost:6379/0", decode_responses=True)
    >>> bus = EventBus(r)                      # stream "events", group "workers"
    >>> await bus.setup()
    >>> await bus.publish({"account": "alice", "amount": "25"})
    '1718000000000-0'
    >>> stop = asyncio.Event()
    >>> await bus.consume("worker-1", lambda eid, f: apply_deposit(r, eid, f), stop)   # until stop.set()
    >>> await r.hget("balances", "alice")
    '25'

The rules (the client always has ``decode_responses=True``: ids and fields are str):
- ``setup()`` creates the stream and the consumer group, reading from the stream's start (id 0),
  so events published before it are delivered; calling it again is fine (ignore the BUSYGROUP
  error, and only that one).
  ``publish(fields)`` appends and returns the new entry's id.
- ``consume(consumer, handler, stop)`` runs until ``stop`` (an asyncio.Event) is set, returning
  within about ``block_ms`` of it. Each round it first claims, with XAUTOCLAIM, messages pending
  for longer than ``claim_idle_ms`` (those of dead consumers, or whose handler failed), then reads
  new ones (XREADGROUP ``>``, at most ``batch``, blocking ``block_ms``). XAUTOCLAIM on Redis 6.2
  returns an entry deleted from the stream as ``(None, None)``: skip it. For each message it awaits
  ``handler(event_id, fields)``: if that returns, XACK the message; if it raises, leave it
  pending (it is claimed and tried again later) — unless it has now been delivered
  ``max_deliveries`` times (XPENDING tells), in which case append it to the dead-letter stream
  (``dead_letter``, default ``f"{stream}:dead"``) with its fields plus ``original_id`` and
  ``error`` (the exception's repr), and XACK it, in one MULTI transaction.
- Everything is asyncio (``redis.asyncio``, every call awaited): several consumers share one event
  loop and work at the same time.
- ``apply_deposit(client, event_id, fields)`` is the example effect: it adds ``int(amount)`` to
  the hash ``balances`` under ``account``, once per event id — the ids of applied events are kept
  in the set ``deposits:done``, and "not seen yet? then add" is one atomic step (a Lua script).
  It returns True if it applied the deposit, False if that event was applied before. A missing
  or empty account, or an amount that is not a positive whole number, is a ValueError (and no
  change at all): such an event is poison, and ends in the dead-letter stream.
- ``max_deliveries``, ``claim_idle_ms``, ``block_ms`` and ``batch`` below 1 are a ValueError.
"""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable

import redis.asyncio as redis

Handler = Callable[[str, dict[str, str]], Awaitable[None]]


async def apply_deposit(client: redis.Redis, event_id: str, fields: dict[str, str]) -> bool:
    """Credit ``fields["amount"]`` to ``fields["account"]`` once per event id; False if done already."""
    raise NotImplementedError


class EventBus:
    """One stream, one consumer group: at-least-once delivery, failures retried, poison set aside."""

    def __init__(self, client: redis.Redis, stream: str = "events", group: str = "workers", *,
                 dead_letter: str | None = None, max_deliveries: int = 3, claim_idle_ms: int = 1000,
                 block_ms: int = 100, batch: int = 10) -> None:
        raise NotImplementedError

    async def setup(self) -> None:
        """Create the stream and the group (reading from the start); fine to call again."""
        raise NotImplementedError

    async def publish(self, fields: dict[str, str]) -> str:
        """Append an event; return its id."""
        raise NotImplementedError

    async def consume(self, consumer: str, handler: Handler, stop: asyncio.Event) -> None:
        """Handle events as ``consumer`` until ``stop`` is set."""
        raise NotImplementedError
