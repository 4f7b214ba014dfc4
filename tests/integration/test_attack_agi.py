"""Hostile FastAGI clients against `callbot serve` on the real sandbox (issue 12, part 3):
garbage, huge headers, half-open connections and hundreds of idle ones trickling a byte now and
then, from addresses other than the PBX's, never cost a real caller the bot."""

from __future__ import annotations

import contextlib
import socket
import threading
from pathlib import Path

import pytest

from callbot.config import Config
from callbot.lab.simulate import SimCall, Simulator
from tests.integration.conftest import ServeProcess

pytestmark = [pytest.mark.asterisk, pytest.mark.faults]


def test_hundreds_of_hostile_connections_never_starve_a_real_call(
    config: Config, server: ServeProcess, simulator: Simulator, answers: tuple[Path, ...]
) -> None:
    address = ("127.0.0.1", config.agi.port)
    held: list[socket.socket] = []
    refused = 0
    for i in range(300):
        sock = socket.socket()
        sock.settimeout(2)
        try:
            sock.bind((f"127.0.{2 + i // 200}.{1 + i % 200}", 0))
            sock.connect(address)
            kind = i % 4
            if kind == 0:
                sock.sendall(b"agi_network: yes\n")  # then trickles (below)
            elif kind == 1:
                sock.sendall(b"\x00\xffGET / HTTP/1.1\r\nHost: x\r\n\r\n")  # garbage
            elif kind == 2:
                sock.sendall(b"agi_x: " + b"y" * 60000)  # a huge header line, never ended
            else:
                sock.shutdown(socket.SHUT_WR)  # half-open
            held.append(sock)
        except OSError:
            refused += 1
            sock.close()
    stop = threading.Event()

    def trickle() -> None:
        while not stop.wait(1.0):
            for sock in held[::4]:
                with contextlib.suppress(OSError):
                    sock.send(b"a")

    feeder = threading.Thread(target=trickle, daemon=True)
    feeder.start()
    try:
        (result,) = simulator.run([SimCall(answers=answers, end_with="pound")])
    finally:
        stop.set()
        feeder.join()
        still_open = 0
        for sock in held:
            try:
                sock.settimeout(0)
                still_open += sock.recv(1, socket.MSG_PEEK) != b""
            except BlockingIOError:
                still_open += 1
            except OSError:
                pass
            sock.close()
    print(
        f"\n300 hostile FastAGI connections (trickling, garbage, huge headers, half-open): "
        f"{still_open} still held by the server when the call ended; a real caller's call "
        f"took {result.seconds:.1f} s, menu key to the bot's first word "
        f"{result.report.after_menu or 0:.2f} s"
    )
    assert result.error is None, result.as_dict()
    assert result.ticket is not None and result.ticket.outcome == "complete"
    # every question answered (a doubtful answer may add its read-back's spoken answer)
    assert {a.step for a in result.ticket.answers} >= {"name", "address", "need"}
    assert still_open <= config.agi.max_other_calls
