"""The operators' queue as a pure model fed with AMI events: who is free, who is waiting.

No I/O (like h11's state machine): :meth:`QueueState.apply` takes one AMI event as a mapping of
its fields (``{"Event": "QueueMemberStatus", "Queue": "hotline-1022", ...}``) and updates the
model; events of other queues are ignored. :class:`callbot.pbx.queue_monitor.QueueMonitor`
feeds it from the live connection.

Events understood (fields as Asterisk 22's ``app_queue.c`` writes them):

===========================  ===================================================================
``QueueParams``              QueueStatus list item: Queue, Max, Strategy, Calls, Holdtime, ...
``QueueMember``              QueueStatus list item: Queue, Name, Location, StateInterface,
                             Membership, Penalty, CallsTaken, LastCall, LastPause, LoginTime,
                             InCall, Status, Paused, PausedReason, Wrapuptime
``QueueEntry``               QueueStatus list item: Queue, Position, Channel, Uniqueid,
                             CallerIDNum, CallerIDName, ..., Wait, Priority
``QueueStatusComplete``      end of the QueueStatus list (ActionID, EventList, ListItems)
``QueueMemberStatus``,       live member state: Queue, MemberName, Interface, StateInterface,
``QueueMemberAdded``,        Membership, Penalty, CallsTaken, LastCall, LastPause, LoginTime,
``QueueMemberPause``,        InCall, Status, Paused, PausedReason, Ringinuse, Wrapuptime
``QueueMemberPenalty``,      (``QueueMemberPaused`` is the pre-12 name: Queue, Location,
``QueueMemberRinginuse``,    MemberName, Paused, Reason)
``QueueMemberPaused``
``QueueMemberRemoved``       the member left the queue (logged out)
``QueueCallerJoin``          channel snapshot (Uniqueid, ...) + Queue, Position, Count
``QueueCallerLeave``,        channel snapshot + Queue, Position (+ Count, or OriginalPosition
``QueueCallerAbandon``       and HoldTime); Abandon comes before the Leave of the same call
``AgentConnect``             a member answered: in_call; ``AgentComplete``/``AgentDump`` end it
``AgentCalled``,             recognised, no change: ringing shows as device state 6 in the
``AgentRingNoAnswer``        ``QueueMemberStatus`` that follows
===========================  ===================================================================

A member is free exactly when ``QUEUE_MEMBER(queue,free)`` counts it (the rule and the
overflow policy are :mod:`callbot.pbx.queue_policy`); members and callers are kept in a
:class:`~callbot.pbx.queue_model.QueueModel`.

Resync. Asterisk does not replay events, so after every (re)connect the monitor asks for
``QueueStatus`` and calls :meth:`QueueState.begin_resync` first. The list (``QueueParams``,
``QueueMember``, ``QueueEntry``) is built into a *pending* model which replaces the current one
in one step at ``QueueStatusComplete``; until then decisions use the current model. Live events
that arrive during the resync are applied to both models in arrival order, so none is lost:

- updates and joins are applied to the pending model as well; a list item arriving later for
  the same member overwrites it (the last message received wins, which is also what Asterisk's
  ordering gives: one session's events are written between, not inside, action responses);
- removals (``QueueMemberRemoved``, ``QueueCallerLeave``/``Abandon``) are remembered until the
  end of the resync, so a list item for a member or caller that is already gone does not bring
  it back.

With an ``action_id``, only list events carrying that ActionID belong to the resync; list
events of other QueueStatus requests are applied like live updates.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from callbot.pbx.queue_model import Caller, QueueModel, member_interface, parse_int
from callbot.pbx.queue_policy import DEVICE_STATE_NAMES, Member, RouteDecision, decide_counts


class QueueState:
    """Members and waiting callers of one queue, rebuilt from AMI events."""

    def __init__(self, queue_name: str, *, clock: Callable[[], float] = time.time) -> None:
        self._name = queue_name
        self._key = queue_name.casefold()  # app_queue finds queues with strcasecmp
        self._clock = clock
        self._current = QueueModel()
        self._pending: QueueModel | None = None
        self._action_id: str | None = None
        self._gone_members: set[str] = set()
        self._gone_callers: set[str] = set()
        self._synced = False

    @property
    def queue_name(self) -> str:
        """The queue this state follows."""
        return self._name

    @property
    def synced(self) -> bool:
        """True once a resync has completed (the model was built from a full QueueStatus)."""
        return self._synced

    @property
    def resyncing(self) -> bool:
        """A ``QueueStatus`` answer is being collected (the view is rebuilt when it completes)."""
        return self._pending is not None

    @property
    def queue_known(self) -> bool:
        """True when the last QueueStatus listed this queue (its QueueParams arrived)."""
        return bool(self._current.params)

    def begin_resync(self, action_id: str | None = None) -> None:
        """Start collecting a QueueStatus answer; it replaces the model at QueueStatusComplete.

        Call before sending the action. A resync already in progress is abandoned.
        """
        self._pending = QueueModel()
        self._action_id = action_id
        self._gone_members.clear()
        self._gone_callers.clear()

    def cancel_resync(self) -> None:
        """Forget a resync that will not complete (the action failed); keep the current model."""
        self._pending = None
        self._action_id = None
        self._gone_members.clear()
        self._gone_callers.clear()

    def apply(self, event: Mapping[str, str]) -> bool:
        """Apply one AMI event. Returns True when it concerned this queue and was used."""
        kind = event.get("Event", "").casefold()
        if kind == "queuestatuscomplete":  # carries no Queue field, only the ActionID
            return self._complete(event)
        if event.get("Queue", "").casefold() != self._key:
            return False
        handler = _HANDLERS.get(kind)
        return handler(self, kind, event) if handler is not None else False

    def _member_update(self, kind: str, event: Mapping[str, str]) -> bool:
        interface = member_interface(event)
        if not interface:
            return False
        for model in self._live_models():
            model.upsert_member(event)
        self._gone_members.discard(interface)
        return True

    def _member_removed(self, kind: str, event: Mapping[str, str]) -> bool:
        interface = member_interface(event)
        if not interface:
            return False
        for model in self._live_models():
            model.remove_member(interface)
        if self._pending is not None:
            self._gone_members.add(interface)
        return True

    def _caller_join(self, kind: str, event: Mapping[str, str]) -> bool:
        uniqueid = event.get("Uniqueid", "")
        if not uniqueid:
            return False
        position = parse_int(event.get("Position")) or 10**6  # unknown: at the end
        now = self._clock()
        for model in self._live_models():
            model.join(uniqueid, position, now)
        self._gone_callers.discard(uniqueid)
        return True

    def _caller_left(self, kind: str, event: Mapping[str, str]) -> bool:
        uniqueid = event.get("Uniqueid", "")
        if not uniqueid:
            return False
        for model in self._live_models():
            model.leave(uniqueid)
        if self._pending is not None:
            self._gone_callers.add(uniqueid)
        return True

    def _in_call(self, kind: str, event: Mapping[str, str]) -> bool:
        for model in self._live_models():
            model.set_in_call(member_interface(event), kind == "agentconnect")
        return True

    def _no_change(self, kind: str, event: Mapping[str, str]) -> bool:
        return True

    def _live_models(self) -> list[QueueModel]:
        if self._pending is None:
            return [self._current]
        return [self._current, self._pending]

    def _list_item(self, kind: str, event: Mapping[str, str]) -> bool:
        ours = self._pending is not None and (
            self._action_id is None or event.get("ActionID") == self._action_id
        )
        targets = [self._pending] if ours and self._pending is not None else self._live_models()
        for model in targets:
            if kind == "queueparams":
                model.params = {k: v for k, v in event.items() if k not in ("Event", "ActionID")}
            elif kind == "queuemember":
                interface = member_interface(event)
                if not interface or interface in self._gone_members:
                    continue
                model.upsert_member(event)
            else:  # queueentry
                uniqueid = event.get("Uniqueid", "")
                if not uniqueid or uniqueid in self._gone_callers:
                    continue
                since = self._clock() - (parse_int(event.get("Wait")) or 0)
                position = parse_int(event.get("Position")) or len(model.callers) + 1
                model.put_caller(uniqueid, position, since)
        return True

    def _complete(self, event: Mapping[str, str]) -> bool:
        if self._pending is None:
            return False
        if self._action_id is not None and event.get("ActionID") != self._action_id:
            return False
        pending = self._pending
        pending.renumber()
        self._current = pending
        self._synced = True
        self.cancel_resync()
        return True

    def members(self) -> list[Member]:
        """The queue's members, by interface."""
        return sorted(self._current.members.values(), key=lambda m: m.interface)

    def callers(self) -> list[Caller]:
        """The callers waiting in the queue, by position."""
        return sorted(self._current.callers.values(), key=lambda c: c.position)

    def free_members(self) -> list[Member]:
        """Members that ``QUEUE_MEMBER(queue,free)`` would count (see :mod:`.queue_policy`)."""
        return [m for m in self.members() if m.free]

    def reachable(self) -> bool:
        """Some member is logged in and not paused: a caller put in the queue will be answered
        (an emergency goes there, at the head, even when every operator is busy)."""
        return any(m.logged_in and not m.paused for m in self._current.members.values())

    def decide(self, max_waiting: int) -> RouteDecision:
        """Overflow to the callbot when no member is free or more than max_waiting wait."""
        free = len(self.free_members())
        return decide_counts(
            free, len(self._current.callers), max_waiting, len(self._current.members)
        )

    def snapshot(self) -> dict[str, Any]:
        """The model as plain data (JSON-ready). Caller numbers and names are left out."""
        return {
            "queue": self._name,
            "synced": self._synced,
            "resyncing": self.resyncing,
            "params": dict(self._current.params),
            "members": [
                {
                    "interface": m.interface,
                    "name": m.name,
                    "status": m.status,
                    "state": DEVICE_STATE_NAMES.get(m.status, str(m.status)),
                    "paused": m.paused,
                    "in_call": m.in_call,
                    "logged_in": m.logged_in,
                    "free": m.free,
                }
                for m in self.members()
            ],
            "callers": [
                {"uniqueid": c.uniqueid, "position": c.position, "since": c.since}
                for c in self.callers()
            ],
            "free": len(self.free_members()),
            "waiting": len(self._current.callers),
        }


# Event name (casefolded) -> what it does to the model: the whole protocol in one table.
_Handler = Callable[[QueueState, str, Mapping[str, str]], bool]
_HANDLERS: dict[str, _Handler] = {
    "queueparams": QueueState._list_item,
    "queuemember": QueueState._list_item,
    "queueentry": QueueState._list_item,
    "queuememberstatus": QueueState._member_update,
    "queuememberadded": QueueState._member_update,
    "queuememberpause": QueueState._member_update,
    "queuememberpaused": QueueState._member_update,  # before Asterisk 12
    "queuememberpenalty": QueueState._member_update,
    "queuememberringinuse": QueueState._member_update,
    "queuememberremoved": QueueState._member_removed,
    "queuecallerjoin": QueueState._caller_join,
    "queuecallerleave": QueueState._caller_left,
    "queuecallerabandon": QueueState._caller_left,
    "agentconnect": QueueState._in_call,  # in_call = True
    "agentcomplete": QueueState._in_call,  # in_call = False
    "agentdump": QueueState._in_call,  # in_call = False
    "agentcalled": QueueState._no_change,
    "agentringnoanswer": QueueState._no_change,
}
