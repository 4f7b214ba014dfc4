"""What the callbot understood, on the real sandbox: repeat callers merged into one ticket.

The session's `callbot serve` runs with repeat-call merging off (the robot callers share
numbers); this test runs its own serve with the 24-hour window, then restores the default.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from callbot.lab.simulate import SimCall, Simulator
from callbot.tickets.repository import TicketRepository
from tests.integration.conftest import ServeProcess

pytestmark = pytest.mark.asterisk

REPEATER = "0977000111"  # a number no other test calls from


@pytest.fixture
def merging_server(server: ServeProcess) -> Iterator[ServeProcess]:
    server.stop()
    server.start(["--set", "routing.repeat_window_hours=24"])
    yield server
    server.stop()
    server.start()


@pytest.mark.long(110)
def test_a_repeat_caller_is_merged_into_the_open_ticket(
    merging_server: ServeProcess,
    simulator: Simulator,
    tickets: TicketRepository,
    answers: tuple[Path, ...],
) -> None:
    call = SimCall(answers=answers, end_with="pound", caller_number=REPEATER, ready=True)
    (first,) = simulator.run([call])
    (second,) = simulator.run([call])
    assert first.error is None and second.error is None, (first.as_dict(), second.as_dict())
    assert first.ticket is not None and second.ticket is not None
    one, two = tickets.get(first.ticket.id), tickets.get(second.ticket.id)
    # Earlier tests' tickets from this number may be open too: the second call joins the
    # newest open one, which the first call made (or joined).
    target = one.linked_to_id or one.id
    assert (two.status, two.linked_to_id) == ("merged", target)
    assert two.callback_number == REPEATER and two.answers  # its own recordings are kept
    assert tickets.get(target).call_count >= 2
