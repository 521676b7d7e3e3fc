"""A gRPC inventory service and a resilient client for it: deadlines, retries of UNAVAILABLE only,
and a circuit breaker, with JSON messages instead of protobuf.

Two microservices talk over gRPC. Without a .proto file or generated code, gRPC still works:
``grpc.method_handlers_generic_handler`` maps method names to plain functions on the server, and
``channel.unary_unary(path, request_serializer=..., response_deserializer=...)`` calls them from
the client. Here every message is a JSON object (``json.dumps(...).encode()`` on the wire).

    >>> server, port = serve(InventoryService({"apple": {"name": "Apple", "stock": 3}}))
    >>> shop = InventoryClient(f"127.0.0.1:{port}", timeout=1.0, breaker=CircuitBreaker())
    >>> shop.get_item("apple")
    {'sku': 'apple', 'name': 'Apple', 'stock': 3}
    >>> shop.reserve("apple", 2)
    1
    >>> shop.reserve("apple", 2)
    Traceback (most recent call last):
    OutOfStock: FAILED_PRECONDITION: only 1 of 'apple' left, 2 asked for

The service (``InventoryService`` and ``serve``):
- Two unary methods of the service ``inventory.Inventory``: ``/inventory.Inventory/GetItem``
  takes ``{"sku": str}`` and answers ``{"sku", "name", "stock"}``; ``/inventory.Inventory/Reserve``
  takes ``{"sku": str, "quantity": int}``, takes that many from the stock and answers
  ``{"sku", "stock"}`` with the stock left.
- Errors are status codes with details saying why (``context.abort(code, details)``): an unknown
  SKU is NOT_FOUND (the details name it); a
  missing, empty or non-string ``sku``, a request that is not an object, or a ``quantity`` that
  is not a positive int (a bool, str or float is not) is INVALID_ARGUMENT; more than the stock is
  FAILED_PRECONDITION (the details say how many are left; nothing changes). gRPC runs handlers on a thread pool: concurrent
  reservations must never sell more than the stock.
- ``serve(service, address="127.0.0.1:0", max_workers=8)`` starts a ``grpc.server`` with those
  handlers and returns ``(server, port)``.

The client (``InventoryClient``):
- One ``grpc.insecure_channel(target)`` for the client's life. ``get_item(sku)`` returns the
  reply dict; ``reserve(sku, quantity)`` returns the stock left (an int). ``close()`` (or
  leaving a ``with`` block) closes the channel.
- ``timeout`` (seconds) is the deadline of the whole call, retries included: pass what is left of
  it as each attempt's ``timeout=``, so the server knows the deadline too.
- Only UNAVAILABLE is retried (the request did not get through): up to ``max_attempts`` calls,
  pausing ``backoff * 2 ** (n - 1)`` (via the ``sleep`` you were given) before retry n, and never
  pausing past the deadline. Any other code is an answer: raise at once.
- Status codes become exceptions (defined below), each with ``.code`` and the message
  ``"NAME: details"`` (e.g. ``"NOT_FOUND: no item 'plum'"``): NOT_FOUND -> NotFound,
  INVALID_ARGUMENT -> InvalidArgument, FAILED_PRECONDITION -> OutOfStock, UNAVAILABLE ->
  Unavailable, DEADLINE_EXCEEDED -> DeadlineExceeded, any other -> ServiceError.
- With a ``breaker``, every call first asks ``breaker.before_call()`` (which raises CircuitOpen
  without touching the network) and afterwards reports: faults (UNAVAILABLE after the retries,
  DEADLINE_EXCEEDED, INTERNAL, UNKNOWN, RESOURCE_EXHAUSTED) are ``record_failure()``; a success
  or any other answer (NOT_FOUND... the service is working) is ``record_success()``.
- ``max_attempts < 1``, ``timeout <= 0`` or ``backoff < 0`` is a ValueError.

The circuit breaker (``CircuitBreaker(failure_threshold=5, reset_timeout=10.0, clock=time.monotonic)``):
- ``state`` is "closed" (calls go through; ``failures`` counts the failures since the last
  success, which resets it to 0), "open" (``failure_threshold`` failures in a row opened it: every
  ``before_call()`` raises CircuitOpen) or, once ``reset_timeout`` seconds by ``clock`` have
  passed since it opened, "half_open": one trial call may go (the next ``before_call()``
  returns; others raise CircuitOpen until the trial reports). The trial's success closes the
  breaker; its failure opens it again for another ``reset_timeout``.
- It is used from many threads at once: no count may be lost, and only one trial may go.
- ``failure_threshold < 1`` or ``reset_timeout <= 0`` is a ValueError.
"""

from __future__ import annotations

import time
from typing import Callable

import grpc


class ServiceError(Exception):
    """A call that failed; ``code`` is the grpc.StatusCode."""

    def __init__(self, message: str, code: grpc.StatusCode | None = None) -> None:
        super().__init__(message)
        self.code = code


class NotFound(ServiceError):
    """NOT_FOUND: no such item."""


class InvalidArgument(ServiceError):
    """INVALID_ARGUMENT: the request itself is wrong."""


class OutOfStock(ServiceError):
    """FAILED_PRECONDITION: not enough stock to reserve."""


class Unavailable(ServiceError):
    """UNAVAILABLE: the service could not be reached (after the retries)."""


class CircuitOpen(Unavailable):
    """The circuit breaker is open: the call was not even sent (code: UNAVAILABLE)."""


class DeadlineExceeded(ServiceError):
    """DEADLINE_EXCEEDED: no answer within the call's timeout."""


class InventoryService:
    """Items by SKU, with stock that Reserve takes from. Its methods are gRPC handlers."""

    def __init__(self, items: dict[str, dict]) -> None:
        """``items`` maps a SKU to {"name": str, "stock": int}."""
        raise NotImplementedError

    def get_item(self, request: dict, context: grpc.ServicerContext) -> dict:
        raise NotImplementedError

    def reserve(self, request: dict, context: grpc.ServicerContext) -> dict:
        raise NotImplementedError


def serve(service: InventoryService, address: str = "127.0.0.1:0", max_workers: int = 8) -> tuple[grpc.Server, int]:
    """Start a gRPC server for ``service`` (generic handlers, JSON messages); return it and its port."""
    raise NotImplementedError


class CircuitBreaker:
    """closed -> open after failure_threshold failures in a row -> half_open after reset_timeout."""

    def __init__(self, failure_threshold: int = 5, reset_timeout: float = 10.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        raise NotImplementedError

    @property
    def state(self) -> str:
        """"closed", "open" or "half_open"."""
        raise NotImplementedError

    @property
    def failures(self) -> int:
        """Failures in a row counted so far."""
        raise NotImplementedError

    def before_call(self) -> None:
        """Return if a call may go ahead; raise CircuitOpen if not."""
        raise NotImplementedError

    def record_success(self) -> None:
        raise NotImplementedError

    def record_failure(self) -> None:
        raise NotImplementedError


class InventoryClient:
    """The inventory over one channel: deadlines, retries of UNAVAILABLE, an optional breaker."""

    def __init__(self, target: str, *, timeout: float = 1.0, max_attempts: int = 3, backoff: float = 0.05,
                 breaker: CircuitBreaker | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        raise NotImplementedError

    def get_item(self, sku: str) -> dict:
        raise NotImplementedError

    def reserve(self, sku: str, quantity: int) -> int:
        """Take ``quantity`` from the stock of ``sku``; return the stock left."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "InventoryClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
