"""`callbot serve`'s start: the parsers before the listener, and a failed start stops what
started (the node written stopped, AMI closed) instead of leaving it half up."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

import callbot.server
from callbot.errors import SetupError
from callbot.server import Server


def _server(events: list[str]) -> Server:
    """A Server with only what start() touches before the listener, each step recorded."""
    server = Server.__new__(Server)
    server.ami = SimpleNamespace(start=lambda: events.append("ami"))  # type: ignore[assignment]
    server.app = SimpleNamespace(media=SimpleNamespace(start=lambda: events.append("media")))  # type: ignore[assignment]
    server.agi = SimpleNamespace(start=lambda: events.append("listen"))  # type: ignore[assignment]
    server._stop = threading.Event()
    server._pulse = lambda: events.append("heartbeat")  # type: ignore[method-assign]
    server.stop = lambda grace=10.0: events.append("stop")  # type: ignore[method-assign]
    return server


def test_a_start_that_fails_stops_what_it_started(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []

    def broken() -> None:
        events.append("parsers")
        raise SetupError("a parser's data is missing")

    monkeypatch.setattr(callbot.server, "warm_up", broken)
    server = _server(events)
    with pytest.raises(SetupError, match="parser's data"):
        server.start()
    assert events[:2] == ["ami", "media"] and events[-1] == "stop"
    assert "listen" not in events  # never listened: Asterisk sends callers on at once


def test_the_parsers_load_before_the_listener_opens(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    monkeypatch.setattr(callbot.server, "warm_up", lambda: events.append("parsers"))

    def listen() -> None:
        events.append("listen")
        raise SetupError("cannot listen for FastAGI on 127.0.0.1:4573 (another callbot running?)")

    server = _server(events)
    server.agi = SimpleNamespace(start=listen)  # type: ignore[assignment]
    with pytest.raises(SetupError, match="another callbot"):
        server.start()
    assert events.index("parsers") < events.index("listen") < events.index("stop")
