"""An event bus on Redis Streams with asyncio: consumer groups, acknowledgements, reclaiming a
dead consumer's work, a dead-letter stream, and handlers whose effects happen exactly once."""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable

import redis.asyncio as redis
from redis.exceptions import ResponseError

Handler = Callable[[str, dict[str, str]], Awaitable[None]]

BALANCES = "balances"
DONE = "deposits:done"

# The effect and the record that it happened, in one atomic step: a redelivered event (its
# consumer died before XACK) finds its id in the set and changes nothing.
APPLY_ONCE = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


async def apply_deposit(client: redis.Redis, event_id: str, fields: dict[str, str]) -> bool:
    """Credit ``fields["amount"]`` to ``fields["account"]`` once per event id; False if done already."""
    account, amount = fields.get("account"), str(fields.get("amount"))
    if not account or not amount.isdigit() or int(amount) == 0:
        raise ValueError(f"a deposit needs an account and a positive whole amount, got {fields!r}")
    return bool(await client.eval(APPLY_ONCE, 2, DONE, BALANCES, event_id, account, int(amount)))


class EventBus:
    """One stream, one consumer group: at-least-once delivery, failures retried, poison set aside."""

    def __init__(self, client: redis.Redis, stream: str = "events", group: str = "workers", *,
                 dead_letter: str | None = None, max_deliveries: int = 3, claim_idle_ms: int = 1000,
                 block_ms: int = 100, batch: int = 10) -> None:
        if max_deliveries < 1 or claim_idle_ms < 1 or block_ms < 1 or batch < 1:
            raise ValueError("max_deliveries, claim_idle_ms, block_ms and batch must be positive")
        self.redis = client
        self.stream, self.group = stream, group
        self.dead_letter = dead_letter or f"{stream}:dead"
        self.max_deliveries, self.claim_idle_ms = max_deliveries, claim_idle_ms
        self.block_ms, self.batch = block_ms, batch

    async def setup(self) -> None:
        """Create the stream and the group (reading from the start); fine to call again."""
        try:
            await self.redis.xgroup_create(self.stream, self.group, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def publish(self, fields: dict[str, str]) -> str:
        return await self.redis.xadd(self.stream, fields)

    async def consume(self, consumer: str, handler: Handler, stop: asyncio.Event) -> None:
        """Handle events as ``consumer`` until ``stop`` is set."""
        while not stop.is_set():
            # first the work of consumers that took messages and went quiet (crashed, or their
            # handler failed): XAUTOCLAIM moves them to us and counts one more delivery
            reply = await self.redis.xautoclaim(self.stream, self.group, consumer, self.claim_idle_ms,
                                                start_id="0-0", count=self.batch)
            for event_id, fields in reply[1]:
                if fields is not None:  # deleted from the stream while pending: Redis 6.2 says (None, None)
                    await self._handle(event_id, fields, handler)
            # then new messages; the short block keeps us responsive to stop
            for _stream, messages in await self.redis.xreadgroup(self.group, consumer, {self.stream: ">"},
                                                                 count=self.batch, block=self.block_ms) or []:
                for event_id, fields in messages:
                    await self._handle(event_id, fields, handler)

    async def _handle(self, event_id: str, fields: dict[str, str], handler: Handler) -> None:
        try:
            await handler(event_id, fields)
        except Exception as exc:  # noqa: BLE001 - any handler failure is a failed delivery
            # not acked: it stays pending and is claimed again once idle, unless it has had its chances
            [pending] = await self.redis.xpending_range(self.stream, self.group, min=event_id, max=event_id,
                                                        count=1)
            if pending["times_delivered"] >= self.max_deliveries:
                async with self.redis.pipeline(transaction=True) as pipe:
                    pipe.xadd(self.dead_letter, {**fields, "original_id": event_id, "error": repr(exc)})
                    pipe.xack(self.stream, self.group, event_id)
                    await pipe.execute()
            return
        await self.redis.xack(self.stream, self.group, event_id)
