"""A gRPC inventory service and a resilient client for it: deadlines, retries of UNAVAILABLE only,
and a circuit breaker, with JSON messages instead of protobuf."""

from __future__ import annotations

import json
import threading
import time
from concurrent import futures
from typing import Callable

import grpc

SERVICE = "inventory.Inventory"
GET_ITEM = f"/{SERVICE}/GetItem"
RESERVE = f"/{SERVICE}/Reserve"


def _encode(message: dict) -> bytes:
    return json.dumps(message).encode("utf-8")


def _decode(data: bytes) -> dict:
    return json.loads(data)


# ----------------------------------------------------------------------------- errors


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
    """The circuit breaker is open: the call was not even sent."""


class DeadlineExceeded(ServiceError):
    """DEADLINE_EXCEEDED: no answer within the call's timeout."""


ERRORS = {
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument,
    grpc.StatusCode.FAILED_PRECONDITION: OutOfStock,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
}
#: codes that say the service is unwell (they trip the breaker); the rest say the request was bad
FAULTS = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.INTERNAL,
                    grpc.StatusCode.UNKNOWN, grpc.StatusCode.RESOURCE_EXHAUSTED})


# ----------------------------------------------------------------------------- the service


class InventoryService:
    """Items by SKU, with stock that Reserve takes from. Its methods are gRPC handlers."""

    def __init__(self, items: dict[str, dict]) -> None:
        self._items = {sku: {"name": item["name"], "stock": item["stock"]} for sku, item in items.items()}
        # gRPC runs handlers on a thread pool: check-and-take must be one step
        self._lock = threading.Lock()

    def _find(self, request: dict, context: grpc.ServicerContext) -> tuple[str, dict]:
        sku = request.get("sku") if isinstance(request, dict) else None
        if not isinstance(sku, str) or not sku:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "sku must be a non-empty string")
        if sku not in self._items:
            context.abort(grpc.StatusCode.NOT_FOUND, f"no item {sku!r}")
        return sku, self._items[sku]

    def get_item(self, request: dict, context: grpc.ServicerContext) -> dict:
        sku, item = self._find(request, context)
        with self._lock:
            return {"sku": sku, "name": item["name"], "stock": item["stock"]}

    def reserve(self, request: dict, context: grpc.ServicerContext) -> dict:
        sku, item = self._find(request, context)
        quantity = request.get("quantity")
        if type(quantity) is not int or quantity < 1:  # bool is an int subclass: excluded too
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "quantity must be a positive integer")
        with self._lock:
            if item["stock"] < quantity:
                context.abort(grpc.StatusCode.FAILED_PRECONDITION,
                              f"only {item['stock']} of {sku!r} left, {quantity} asked for")
            item["stock"] -= quantity
            return {"sku": sku, "stock": item["stock"]}


def serve(service: InventoryService, address: str = "127.0.0.1:0", max_workers: int = 8) -> tuple[grpc.Server, int]:
    """Start a gRPC server for ``service``; return it and the port it listens on."""
    def unary(handler):
        return grpc.unary_unary_rpc_method_handler(handler, request_deserializer=_decode,
                                                   response_serializer=_encode)

    # a generic handler maps method names to plain functions: no .proto file, no generated code
    handlers = grpc.method_handlers_generic_handler(SERVICE, {
        "GetItem": unary(service.get_item),
        "Reserve": unary(service.reserve),
    })
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=max_workers), handlers=[handlers])
    port = server.add_insecure_port(address)
    server.start()
    return server, port


# ----------------------------------------------------------------------------- the breaker


class CircuitBreaker:
    """closed -> (failure_threshold failures in a row) -> open -> (reset_timeout) -> half_open,
    where one trial call decides: success closes it, failure opens it again."""

    def __init__(self, failure_threshold: int = 5, reset_timeout: float = 10.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if failure_threshold < 1 or reset_timeout <= 0:
            raise ValueError("failure_threshold must be >= 1 and reset_timeout > 0")
        self.failure_threshold, self.reset_timeout = failure_threshold, reset_timeout
        self._clock = clock
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None  # None while closed
        self._trial = False  # a half-open trial call is in flight

    def _state(self) -> str:
        if self._opened_at is None:
            return "closed"
        if self._trial or self._clock() - self._opened_at >= self.reset_timeout:
            return "half_open"
        return "open"

    @property
    def state(self) -> str:
        with self._lock:
            return self._state()

    @property
    def failures(self) -> int:
        with self._lock:
            return self._failures

    def before_call(self) -> None:
        """Let the call go ahead, or raise CircuitOpen. In half_open only one trial goes at a time."""
        with self._lock:
            state = self._state()
            if state == "closed":
                return
            if state == "half_open" and not self._trial:
                self._trial = True
                return
        raise CircuitOpen("the circuit breaker is open: not calling the service",
                          grpc.StatusCode.UNAVAILABLE)

    def record_success(self) -> None:
        with self._lock:
            self._failures = 0
            self._opened_at = None
            self._trial = False

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._trial:  # the trial failed: open again, for another reset_timeout
                self._trial = False
                self._opened_at = self._clock()
            elif self._opened_at is None and self._failures >= self.failure_threshold:
                self._opened_at = self._clock()


# ----------------------------------------------------------------------------- the client


class InventoryClient:
    """Calls the inventory over one channel, with a deadline per call, retries of UNAVAILABLE
    and (optionally) a circuit breaker in front."""

    def __init__(self, target: str, *, timeout: float = 1.0, max_attempts: int = 3, backoff: float = 0.05,
                 breaker: CircuitBreaker | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        if max_attempts < 1 or timeout <= 0 or backoff < 0:
            raise ValueError("max_attempts must be >= 1, timeout > 0 and backoff >= 0")
        self.timeout, self.max_attempts, self.backoff = timeout, max_attempts, backoff
        self.breaker = breaker
        self._sleep = sleep
        self._channel = grpc.insecure_channel(target)  # one channel, one connection, for every call
        self._get_item = self._channel.unary_unary(GET_ITEM, request_serializer=_encode,
                                                   response_deserializer=_decode)
        self._reserve = self._channel.unary_unary(RESERVE, request_serializer=_encode,
                                                  response_deserializer=_decode)

    def get_item(self, sku: str) -> dict:
        return self._call(self._get_item, {"sku": sku})

    def reserve(self, sku: str, quantity: int) -> int:
        """Take ``quantity`` from the stock of ``sku``; return the stock left."""
        return self._call(self._reserve, {"sku": sku, "quantity": quantity})["stock"]

    def _call(self, method, request: dict) -> dict:
        if self.breaker is not None:
            self.breaker.before_call()  # raises CircuitOpen: the service is not bothered
        try:
            reply = self._with_retries(method, request)
        except ServiceError as exc:
            if self.breaker is not None:
                # a NOT_FOUND is the service working correctly; only faults count against it
                if exc.code in FAULTS:
                    self.breaker.record_failure()
                else:
                    self.breaker.record_success()
            raise
        if self.breaker is not None:
            self.breaker.record_success()
        return reply

    def _with_retries(self, method, request: dict) -> dict:
        give_up_at = time.monotonic() + self.timeout  # one deadline for the call, retries included
        attempt = 1
        while True:
            try:
                # the deadline travels to the server, which can stop working when it passes
                return method(request, timeout=max(0.0, give_up_at - time.monotonic()))
            except grpc.RpcError as exc:
                code = exc.code()
                error = ERRORS.get(code, ServiceError)(f"{code.name}: {exc.details()}", code)
            pause = self.backoff * 2 ** (attempt - 1)
            # only UNAVAILABLE means "the request did not get through": anything else is an answer
            if (code != grpc.StatusCode.UNAVAILABLE or attempt >= self.max_attempts
                    or time.monotonic() + pause >= give_up_at):
                raise error
            self._sleep(pause)
            attempt += 1

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> InventoryClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
