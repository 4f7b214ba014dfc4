"""One queue's members, waiting callers and parameters, and the edits AMI events make to them.

Pure data, no I/O: :class:`QueueModel` is what :class:`~callbot.pbx.queue_state.QueueState`
keeps (a current one, and a pending one during a resync) and changes as events arrive. Members
are keyed by interface (``PJSIP/op1``), callers by channel uniqueid; caller positions stay
1..n as callers join and leave. Also the readers of the AMI fields the events carry, which
tolerate a missing or malformed value (it leaves the model as it was).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from callbot.pbx.queue_policy import Member


@dataclass(frozen=True)
class Caller:
    """One caller waiting in the queue, keyed by channel uniqueid."""

    uniqueid: str
    position: int
    since: float  # clock time the caller joined the queue


@dataclass
class QueueModel:
    """Members, callers and the QueueParams fields of one queue."""

    members: dict[str, Member] = field(default_factory=dict)
    callers: dict[str, Caller] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)

    def upsert_member(self, event: Mapping[str, str]) -> None:
        """Add the member an event names, or update the fields the event carries."""
        interface = member_interface(event)
        old = self.members.get(interface) or Member(interface=interface)
        status = parse_int(event.get("Status"))
        paused = parse_bool(event.get("Paused"))
        in_call = parse_bool(event.get("InCall"))
        self.members[interface] = Member(
            interface=interface,
            name=event.get("MemberName") or event.get("Name") or old.name,
            status=old.status if status is None else status,
            paused=old.paused if paused is None else paused,
            in_call=old.in_call if in_call is None else in_call,
        )

    def remove_member(self, interface: str) -> None:
        """A member left the queue."""
        self.members.pop(interface, None)

    def set_in_call(self, interface: str, in_call: bool) -> None:
        """Mark whether a member is on a call now (its device state aside)."""
        member = self.members.get(interface)
        if member is not None:
            self.members[interface] = Member(
                member.interface, member.name, member.status, member.paused, in_call
            )

    def join(self, uniqueid: str, position: int, since: float) -> None:
        """A caller joins at ``position`` (clamped to 1..n+1); those at or after it move down."""
        self.leave(uniqueid)
        position = max(1, min(position, len(self.callers) + 1))
        for other in list(self.callers.values()):
            if other.position >= position:
                self.callers[other.uniqueid] = Caller(
                    other.uniqueid, other.position + 1, other.since
                )
        self.callers[uniqueid] = Caller(uniqueid, position, since)

    def leave(self, uniqueid: str) -> None:
        """A caller leaves; those after it move up."""
        gone = self.callers.pop(uniqueid, None)
        if gone is None:
            return
        for other in list(self.callers.values()):
            if other.position > gone.position:
                self.callers[other.uniqueid] = Caller(
                    other.uniqueid, other.position - 1, other.since
                )

    def put_caller(self, uniqueid: str, position: int, since: float) -> None:
        """Record a caller as a QueueStatus list gives it (positions fixed by :meth:`renumber`)."""
        self.callers[uniqueid] = Caller(uniqueid, position, since)

    def renumber(self) -> None:
        """Positions 1..n in the order of the recorded positions (then of joining)."""
        ordered = sorted(self.callers.values(), key=lambda c: (c.position, c.since))
        self.callers = {
            c.uniqueid: Caller(c.uniqueid, i, c.since) for i, c in enumerate(ordered, start=1)
        }


# -- event fields -----------------------------------------------------------------------------


def member_interface(event: Mapping[str, str]) -> str:
    """The member's dial string an event names; empty when it names none."""
    # Live events name the member's dial string "Interface"; QueueStatus's QueueMember and
    # the pre-12 QueueMemberPaused name it "Location".
    return event.get("Interface") or event.get("Location") or ""


def parse_int(value: str | None) -> int | None:
    """An integer field; None when missing or not a number."""
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def parse_bool(value: str | None) -> bool | None:
    """A flag field (1/true/yes/on); None when missing or empty."""
    if value is None or not value.strip():
        return None
    return value.strip().lower() in ("1", "true", "yes", "on")
