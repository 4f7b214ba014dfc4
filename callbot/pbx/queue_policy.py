"""Who counts as a free operator, and when a new call overflows to the callbot.

Pure values and rules, no I/O. Device states are Asterisk's (``enum ast_device_state``).

A member is free exactly when ``QUEUE_MEMBER(queue,free)`` counts it: app_queue.c
``queue_function_mem_read`` counts ``m->status == AST_DEVICE_NOT_INUSE && !m->paused``. So only
device state 1 (NOT_INUSE) while not paused is free; UNKNOWN, INUSE, BUSY, INVALID,
UNAVAILABLE, RINGING, RINGINUSE, ONHOLD, paused members and members no longer in the queue are
not. ``in_call`` is tracked but, like app_queue, not part of the rule (the device state already
says INUSE during a call). ``logged_in`` follows ``QUEUE_MEMBER(queue,logged)``: any state
except INVALID and UNAVAILABLE.

The overflow rule (:func:`decide_counts`) works on counts, whoever counted them: the AMI-fed
:class:`~callbot.pbx.queue_state.QueueState`, or the dialplan's ``QUEUE_MEMBER`` when AMI is
down. A call overflows when no member is free, or when more callers than ``queue.max_waiting``
already wait.
"""

from __future__ import annotations

from dataclasses import dataclass

# Asterisk device states (include/asterisk/devicestate.h, enum ast_device_state).
DEVICE_UNKNOWN = 0
DEVICE_NOT_INUSE = 1
DEVICE_INUSE = 2
DEVICE_BUSY = 3
DEVICE_INVALID = 4
DEVICE_UNAVAILABLE = 5
DEVICE_RINGING = 6
DEVICE_RINGINUSE = 7
DEVICE_ONHOLD = 8

DEVICE_STATE_NAMES: dict[int, str] = {
    DEVICE_UNKNOWN: "UNKNOWN",
    DEVICE_NOT_INUSE: "NOT_INUSE",
    DEVICE_INUSE: "INUSE",
    DEVICE_BUSY: "BUSY",
    DEVICE_INVALID: "INVALID",
    DEVICE_UNAVAILABLE: "UNAVAILABLE",
    DEVICE_RINGING: "RINGING",
    DEVICE_RINGINUSE: "RINGINUSE",
    DEVICE_ONHOLD: "ONHOLD",
}

REASON_NO_FREE_MEMBER = "no_free_member"
REASON_TOO_MANY_WAITING = "too_many_waiting"
REASON_MEMBER_FREE = "member_free"


@dataclass(frozen=True)
class Member:
    """One queue member, keyed by its interface (``PJSIP/op1``)."""

    interface: str
    name: str = ""
    status: int = DEVICE_UNKNOWN  # device state code 0-8
    paused: bool = False
    in_call: bool = False

    @property
    def logged_in(self) -> bool:
        """As ``QUEUE_MEMBER(queue,logged)``: the device is neither INVALID nor UNAVAILABLE."""
        return self.status not in (DEVICE_INVALID, DEVICE_UNAVAILABLE)

    @property
    def free(self) -> bool:
        """As ``QUEUE_MEMBER(queue,free)``: device NOT_INUSE and not paused."""
        return self.status == DEVICE_NOT_INUSE and not self.paused


@dataclass(frozen=True)
class RouteDecision:
    """Whether a new caller should go to the callbot instead of the operators' queue."""

    overflow: bool
    reason: str
    free: int
    waiting: int
    members: int


def decide_counts(free: int, waiting: int, max_waiting: int, members: int = -1) -> RouteDecision:
    """The overflow policy on counts, whoever counted (the AMI-fed queue model, or the
    dialplan's ``QUEUE_MEMBER(queue,free)`` when AMI is down; ``members`` -1 when unknown)."""
    if free <= 0:
        return RouteDecision(True, REASON_NO_FREE_MEMBER, free, waiting, members)
    if waiting > max_waiting:
        return RouteDecision(True, REASON_TOO_MANY_WAITING, free, waiting, members)
    return RouteDecision(False, REASON_MEMBER_FREE, free, waiting, members)
