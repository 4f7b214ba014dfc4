"""QueueState: the queue model fed with AMI events exactly as Asterisk 22 writes them."""

from __future__ import annotations

import json

import pytest

from callbot.pbx.queue_policy import DEVICE_STATE_NAMES, Member, RouteDecision
from callbot.pbx.queue_state import QueueState

QUEUE = "hotline-1022"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


# -- wire events (field sets from app_queue.c of Asterisk 22) ---------------------------------


def queue_params(
    calls: int = 0, action_id: str = "callbot-1", queue: str = QUEUE
) -> dict[str, str]:
    return {
        "Event": "QueueParams",
        "Queue": queue,
        "Max": "0",
        "Strategy": "rrmemory",
        "Calls": str(calls),
        "Holdtime": "0",
        "TalkTime": "0",
        "Completed": "0",
        "Abandoned": "0",
        "ServiceLevel": "0",
        "ServicelevelPerf": "0.0",
        "ServicelevelPerf2": "0.0",
        "Weight": "0",
        "ActionID": action_id,
    }


def queue_member(
    interface: str,
    status: int,
    *,
    paused: int = 0,
    in_call: int = 0,
    action_id: str = "callbot-1",
    queue: str = QUEUE,
) -> dict[str, str]:
    return {
        "Event": "QueueMember",
        "Queue": queue,
        "Name": f"Operator {interface[-1]}",
        "Location": interface,
        "StateInterface": interface,
        "Membership": "static",
        "Penalty": "0",
        "CallsTaken": "0",
        "LastCall": "0",
        "LastPause": "0",
        "LoginTime": "1764280000",
        "InCall": str(in_call),
        "Status": str(status),
        "Paused": str(paused),
        "PausedReason": "",
        "Wrapuptime": "0",
        "ActionID": action_id,
    }


def queue_entry(
    uniqueid: str, position: int, wait: int = 5, action_id: str = "callbot-1"
) -> dict[str, str]:
    return {
        "Event": "QueueEntry",
        "Queue": QUEUE,
        "Position": str(position),
        "Channel": f"PJSIP/caller-{uniqueid}",
        "Uniqueid": uniqueid,
        "CallerIDNum": "0909123456",
        "CallerIDName": "Nguyen Van A",
        "ConnectedLineNum": "unknown",
        "ConnectedLineName": "unknown",
        "Wait": str(wait),
        "Priority": "0",
        "ActionID": action_id,
    }


def status_complete(items: int, action_id: str = "callbot-1") -> dict[str, str]:
    return {
        "Event": "QueueStatusComplete",
        "ActionID": action_id,
        "EventList": "Complete",
        "ListItems": str(items),
    }


def member_event(
    event: str,
    interface: str,
    status: int,
    *,
    paused: int = 0,
    in_call: int = 0,
    queue: str = QUEUE,
) -> dict[str, str]:
    """QueueMemberStatus / Added / Removed / Pause / Penalty / Ringinuse share these fields."""
    return {
        "Event": event,
        "Privilege": "agent,all",
        "Queue": queue,
        "MemberName": f"Operator {interface[-1]}",
        "Interface": interface,
        "StateInterface": interface,
        "Membership": "static",
        "Penalty": "0",
        "CallsTaken": "3",
        "LastCall": "1764280100",
        "LastPause": "0",
        "LoginTime": "1764280000",
        "InCall": str(in_call),
        "Status": str(status),
        "Paused": str(paused),
        "PausedReason": "",
        "Ringinuse": "0",
        "Wrapuptime": "0",
    }


def caller_event(event: str, uniqueid: str, position: int, count: int) -> dict[str, str]:
    """QueueCallerJoin / Leave: channel snapshot + Queue, Position, Count."""
    fields = {
        "Event": event,
        "Privilege": "agent,all",
        "Channel": f"PJSIP/trunk-{uniqueid}",
        "ChannelState": "6",
        "ChannelStateDesc": "Up",
        "CallerIDNum": "0909123456",
        "CallerIDName": "Nguyen Van A",
        "ConnectedLineNum": "<unknown>",
        "ConnectedLineName": "<unknown>",
        "Language": "vi",
        "AccountCode": "",
        "Context": "callbot-queue",
        "Exten": "s",
        "Priority": "2",
        "Uniqueid": uniqueid,
        "Linkedid": uniqueid,
        "Queue": QUEUE,
        "Position": str(position),
        "Count": str(count),
    }
    return fields


def caller_abandon(uniqueid: str, position: int) -> dict[str, str]:
    fields = caller_event("QueueCallerAbandon", uniqueid, position, 0)
    del fields["Count"]
    fields.update(OriginalPosition=str(position), HoldTime="42")
    return fields


def agent_event(event: str, interface: str) -> dict[str, str]:
    """AgentCalled / AgentConnect / AgentComplete: caller snapshot, Dest* snapshot, member."""
    return {
        "Event": event,
        "Privilege": "agent,all",
        "Channel": "PJSIP/trunk-00000001",
        "Uniqueid": "1764280200.1",
        "DestChannel": f"{interface}-00000002",
        "DestUniqueid": "1764280200.2",
        "Queue": QUEUE,
        "MemberName": f"Operator {interface[-1]}",
        "Interface": interface,
        "HoldTime": "3",
        "RingTime": "2",
    }


def synced_state(*members: dict[str, str], callers: tuple[dict[str, str], ...] = ()) -> QueueState:
    state = QueueState(QUEUE, clock=Clock())
    state.begin_resync("callbot-1")
    for event in (queue_params(len(callers)), *members, *callers):
        assert state.apply(event)
    assert state.apply(status_complete(1 + len(members) + len(callers)))
    return state


# -- QueueStatus --------------------------------------------------------------------------------


def test_queue_status_builds_the_model() -> None:
    clock = Clock()
    state = QueueState(QUEUE, clock=clock)
    assert not state.synced
    state.begin_resync("callbot-1")
    for event in (
        queue_params(calls=1),
        queue_member("PJSIP/op1", 1),
        queue_member("PJSIP/op2", 2, in_call=1),
        queue_member("PJSIP/op3", 1, paused=1),
        queue_entry("1764280000.7", 1, wait=30),
    ):
        assert state.apply(event)
    assert state.members() == []  # nothing replaced before QueueStatusComplete
    assert state.apply(status_complete(5))

    assert state.synced
    assert not state.resyncing
    assert state.queue_known
    assert state.members() == [
        Member("PJSIP/op1", "Operator 1", 1, paused=False, in_call=False),
        Member("PJSIP/op2", "Operator 2", 2, paused=False, in_call=True),
        Member("PJSIP/op3", "Operator 3", 1, paused=True, in_call=False),
    ]
    assert [m.interface for m in state.free_members()] == ["PJSIP/op1"]
    [caller] = state.callers()
    assert (caller.uniqueid, caller.position, caller.since) == ("1764280000.7", 1, 970.0)


@pytest.mark.parametrize(
    ("status", "free", "logged_in"),
    [
        (0, False, True),  # UNKNOWN
        (1, True, True),  # NOT_INUSE: the only free state
        (2, False, True),  # INUSE
        (3, False, True),  # BUSY
        (4, False, False),  # INVALID
        (5, False, False),  # UNAVAILABLE
        (6, False, True),  # RINGING
        (7, False, True),  # RINGINUSE
        (8, False, True),  # ONHOLD
    ],
)
def test_device_state_codes(status: int, free: bool, logged_in: bool) -> None:
    state = synced_state(queue_member("PJSIP/op1", status))
    [member] = state.members()
    assert member.free is free
    assert member.logged_in is logged_in
    assert state.snapshot()["members"][0]["state"] == DEVICE_STATE_NAMES[status]
    assert state.decide(0).overflow is not free


# -- live member events -------------------------------------------------------------------------


def test_member_status_changes_follow_queue_member_status() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1))
    assert state.apply(member_event("QueueMemberStatus", "PJSIP/op1", 6))  # ringing
    assert state.free_members() == []
    assert state.apply(member_event("QueueMemberStatus", "PJSIP/op1", 2, in_call=1))
    assert state.members()[0].in_call
    assert state.apply(member_event("QueueMemberStatus", "PJSIP/op1", 1))
    assert [m.interface for m in state.free_members()] == ["PJSIP/op1"]


def test_pause_and_unpause() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1))
    assert state.apply(member_event("QueueMemberPause", "PJSIP/op1", 1, paused=1))
    assert state.members()[0].paused
    assert state.free_members() == []
    assert state.decide(0) == RouteDecision(True, "no_free_member", 0, 0, 1)
    assert state.apply(member_event("QueueMemberPause", "PJSIP/op1", 1, paused=0))
    assert state.free_members() != []


def test_old_queue_member_paused_event() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1))
    old_style = {
        "Event": "QueueMemberPaused",
        "Queue": QUEUE,
        "Location": "PJSIP/op1",
        "MemberName": "Operator 1",
        "Paused": "1",
        "Reason": "lunch",
    }
    assert state.apply(old_style)
    [member] = state.members()
    assert member.paused
    assert member.status == 1  # the old event has no Status: the known one is kept


def test_members_added_removed_and_ringinuse() -> None:
    state = synced_state(queue_member("PJSIP/op1", 2))
    assert state.apply(member_event("QueueMemberAdded", "PJSIP/op4", 1))
    assert [m.interface for m in state.free_members()] == ["PJSIP/op4"]
    assert state.apply(member_event("QueueMemberRinginuse", "PJSIP/op4", 2))
    assert state.free_members() == []
    assert state.apply(member_event("QueueMemberRemoved", "PJSIP/op4", 2))
    assert [m.interface for m in state.members()] == ["PJSIP/op1"]


def test_agent_events_track_in_call() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1))
    assert state.apply(agent_event("AgentCalled", "PJSIP/op1"))
    assert not state.members()[0].in_call
    assert state.apply(agent_event("AgentConnect", "PJSIP/op1"))
    assert state.members()[0].in_call
    assert state.apply(agent_event("AgentComplete", "PJSIP/op1"))
    assert not state.members()[0].in_call
    # Agent events never invent members.
    assert state.apply(agent_event("AgentConnect", "PJSIP/op9"))
    assert [m.interface for m in state.members()] == ["PJSIP/op1"]


# -- callers ------------------------------------------------------------------------------------


def test_callers_join_leave_and_abandon_keep_positions() -> None:
    clock = Clock()
    state = QueueState(QUEUE, clock=clock)
    state.begin_resync("callbot-1")
    state.apply(queue_params())
    state.apply(status_complete(1))
    for i, uid in enumerate(("a.1", "b.2", "c.3"), start=1):
        clock.now += 1
        assert state.apply(caller_event("QueueCallerJoin", uid, i, i))
    assert [(c.uniqueid, c.position) for c in state.callers()] == [
        ("a.1", 1),
        ("b.2", 2),
        ("c.3", 3),
    ]
    # The first caller hangs up: Abandon, then the Leave of the same call.
    assert state.apply(caller_abandon("a.1", 1))
    assert state.apply(caller_event("QueueCallerLeave", "a.1", 1, 2))
    assert [(c.uniqueid, c.position) for c in state.callers()] == [("b.2", 1), ("c.3", 2)]
    # A priority caller enters at the head.
    assert state.apply(caller_event("QueueCallerJoin", "d.4", 1, 3))
    assert [(c.uniqueid, c.position) for c in state.callers()] == [
        ("d.4", 1),
        ("b.2", 2),
        ("c.3", 3),
    ]
    assert state.decide(5).waiting == 3


# -- resync -------------------------------------------------------------------------------------


def test_resync_replaces_stale_model_and_keeps_events_received_meanwhile() -> None:
    state = synced_state(
        queue_member("PJSIP/op1", 1),
        queue_member("PJSIP/op2", 1),
        queue_member("PJSIP/op3", 1),
        callers=(queue_entry("old.1", 1),),
    )
    # Disconnected for a while: op2 was removed and old.1 left, with no events seen.
    state.begin_resync("callbot-2")
    assert state.resyncing

    # Live events interleaved with the list; each must survive the swap.
    assert state.apply(queue_params(calls=1, action_id="callbot-2"))
    assert state.apply(queue_member("PJSIP/op1", 1, action_id="callbot-2"))
    assert state.apply(member_event("QueueMemberStatus", "PJSIP/op1", 2))  # after its list item
    assert state.apply(member_event("QueueMemberRemoved", "PJSIP/op3", 1))  # before its item
    assert state.apply(queue_member("PJSIP/op3", 1, action_id="callbot-2"))  # stale: ignored
    assert state.apply(member_event("QueueMemberAdded", "PJSIP/op4", 1))  # not in the list
    assert state.apply(caller_event("QueueCallerJoin", "new.2", 2, 2))
    assert state.apply(queue_entry("gone.3", 1, action_id="callbot-2"))
    assert state.apply(caller_event("QueueCallerLeave", "gone.3", 1, 1))
    assert state.apply(queue_entry("gone.3", 1, action_id="callbot-2"))  # repeated: ignored

    # Until the list completes, decisions use the old model plus the live events.
    assert {m.interface for m in state.members()} == {"PJSIP/op1", "PJSIP/op2", "PJSIP/op4"}
    # A QueueStatusComplete of somebody else's QueueStatus does not end our resync.
    assert not state.apply(status_complete(9, action_id="someone-else"))
    assert state.resyncing

    assert state.apply(status_complete(5, action_id="callbot-2"))
    assert not state.resyncing
    snapshot = state.snapshot()
    assert [(m["interface"], m["status"]) for m in snapshot["members"]] == [
        ("PJSIP/op1", 2),  # the live update that came after its list item
        ("PJSIP/op4", 1),  # added during the resync
    ]  # op2 (stale) and op3 (removed during the resync) are gone
    assert [(c["uniqueid"], c["position"]) for c in snapshot["callers"]] == [("new.2", 1)]
    assert state.decide(0) == RouteDecision(True, "too_many_waiting", 1, 1, 2)


def test_list_items_of_another_request_are_live_updates() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1))
    state.begin_resync("callbot-2")
    assert state.apply(queue_member("PJSIP/op1", 5, action_id="cli-7"))
    assert state.members()[0].status == 5  # applied to the current model at once
    assert state.apply(queue_member("PJSIP/op1", 5, action_id="callbot-2"))
    assert state.apply(status_complete(1, action_id="callbot-2"))
    assert state.members()[0].status == 5


def test_cancelled_resync_keeps_the_old_model() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1))
    state.begin_resync("callbot-2")
    state.apply(queue_params(action_id="callbot-2"))
    state.cancel_resync()
    assert not state.resyncing
    assert not state.apply(status_complete(1, action_id="callbot-2"))
    assert [m.interface for m in state.free_members()] == ["PJSIP/op1"]


def test_unknown_queue_resyncs_to_an_empty_model() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1))
    state.begin_resync("callbot-2")
    assert state.apply(status_complete(0, action_id="callbot-2"))  # no QueueParams: no queue
    assert not state.queue_known
    assert state.decide(0) == RouteDecision(True, "no_free_member", 0, 0, 0)


def test_events_of_other_queues_are_ignored() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1))
    before = state.snapshot()
    other = "sales"
    assert not state.apply(member_event("QueueMemberStatus", "PJSIP/op1", 2, queue=other))
    assert not state.apply(member_event("QueueMemberRemoved", "PJSIP/op1", 2, queue=other))
    assert not state.apply(member_event("QueueMemberAdded", "PJSIP/op7", 1, queue=other))
    join = caller_event("QueueCallerJoin", "x.1", 1, 1)
    join["Queue"] = other
    assert not state.apply(join)
    assert not state.apply(queue_member("PJSIP/op8", 1, queue=other))
    assert not state.apply({"Event": "Newchannel", "Channel": "PJSIP/x"})
    assert state.snapshot() == before
    # Queue names compare like app_queue's strcasecmp.
    assert state.apply(member_event("QueueMemberStatus", "PJSIP/op1", 2, queue=QUEUE.upper()))
    assert state.members()[0].status == 2


# -- decisions ----------------------------------------------------------------------------------


def test_decisions() -> None:
    empty = synced_state()
    assert empty.decide(0) == RouteDecision(True, "no_free_member", 0, 0, 0)

    state = synced_state(
        queue_member("PJSIP/op1", 1),
        queue_member("PJSIP/op2", 2),
        callers=(queue_entry("w.1", 1),),
    )
    assert state.decide(0) == RouteDecision(True, "too_many_waiting", 1, 1, 2)
    assert state.decide(1) == RouteDecision(False, "member_free", 1, 1, 2)
    assert state.apply(caller_event("QueueCallerLeave", "w.1", 1, 0))
    assert state.decide(0) == RouteDecision(False, "member_free", 1, 0, 2)
    assert state.apply(member_event("QueueMemberStatus", "PJSIP/op1", 5))  # phone gone
    assert state.decide(3) == RouteDecision(True, "no_free_member", 0, 0, 2)


def test_snapshot_is_plain_json_without_caller_details() -> None:
    state = synced_state(queue_member("PJSIP/op1", 1), callers=(queue_entry("w.1", 1),))
    text = json.dumps(state.snapshot())
    assert "0909123456" not in text
    assert "Nguyen" not in text
    data = json.loads(text)
    assert data["free"] == 1
    assert data["waiting"] == 1
    assert data["members"][0] == {
        "interface": "PJSIP/op1",
        "name": "Operator 1",
        "status": 1,
        "state": "NOT_INUSE",
        "paused": False,
        "in_call": False,
        "logged_in": True,
        "free": True,
    }


def test_reachable_means_some_member_logged_in_and_not_paused() -> None:
    # Busy (in use) still counts: an emergency waits at the head for the next free operator.
    assert synced_state(queue_member("PJSIP/op1", 2)).reachable()
    assert not synced_state(queue_member("PJSIP/op1", 1, paused=1)).reachable()
    assert not synced_state(queue_member("PJSIP/op1", 5)).reachable()  # unavailable
    assert not synced_state().reachable()
