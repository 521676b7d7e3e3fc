"""Loopback ports."""

from __future__ import annotations

import socket
import threading

from pyexercise.net import LOOPBACK, free_port, wait_for_port


def test_a_free_port_can_be_bound_and_waited_for():
    port = free_port()
    server = socket.socket()
    server.bind((LOOPBACK, port))
    server.listen()
    threading.Thread(target=lambda: server.accept()[0].close(), daemon=True).start()
    assert wait_for_port(port, 5)
    server.close()


def test_waiting_gives_up():
    assert not wait_for_port(free_port(), 0.3)
    assert not wait_for_port(free_port(), 5, alive=lambda: False)
