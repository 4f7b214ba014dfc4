"""The route script's decision: the AMI view first, the dialplan's counts when AMI is down."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from callbot.calls.route import Router, decide
from callbot.pbx.queue_policy import RouteDecision, decide_counts


@dataclass
class FakeMonitor:
    answer: RouteDecision | None

    def decision(self) -> RouteDecision | None:
        return self.answer


def app(monitor: Any, max_waiting: int = 0) -> Router:
    return Router(monitor=monitor, max_waiting=max_waiting)


@pytest.mark.parametrize(
    ("free", "waiting", "max_waiting", "overflow", "reason"),
    [
        (0, 0, 0, True, "no_free_member"),
        (1, 0, 0, False, "member_free"),
        (2, 1, 0, True, "too_many_waiting"),
        (2, 1, 1, False, "member_free"),
    ],
)
def test_policy_on_counts(
    free: int, waiting: int, max_waiting: int, overflow: bool, reason: str
) -> None:
    decision = decide_counts(free, waiting, max_waiting)
    assert (decision.overflow, decision.reason) == (overflow, reason)


def test_the_ami_view_wins_when_synced() -> None:
    ami_view = RouteDecision(overflow=True, reason="no_free_member", free=0, waiting=0, members=3)
    decision, source = decide(app(FakeMonitor(ami_view)), ["1", "0"])
    assert source == "ami" and decision.overflow


def test_dialplan_counts_decide_when_ami_is_down() -> None:
    decision, source = decide(app(FakeMonitor(None)), ["1", "0"])
    assert source == "dialplan" and not decision.overflow
    decision, source = decide(app(None), ["0", "0"])
    assert source == "dialplan" and decision.overflow


@pytest.mark.parametrize("args", [[], [""], ["abc", "1"]])
def test_no_information_at_all_sends_the_caller_to_the_queue(args: list[str]) -> None:
    decision, source = decide(app(FakeMonitor(None)), args)
    assert source == "none" and not decision.overflow
