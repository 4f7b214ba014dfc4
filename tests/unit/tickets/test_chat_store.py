"""The chat channel's stores on real SQLite: the webhook's inbox (a retry is one event, the
order of writing kept, payloads cleared), the outbox (claimed once, one conversation's messages
in order, retried, failed, stale claims released), leases, and the OA's token row."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from callbot.tickets.chat_models import ChatMessage, Conversation, Lease, ZaloEventRow
from callbot.tickets.chat_rules import Direction, EventStatus, MessageKind, MessageStatus
from callbot.tickets.chat_store import add_message
from callbot.tickets.inbox import Inbox
from callbot.tickets.leases import Leases, owner_name
from callbot.tickets.models import utc_now
from callbot.tickets.outbox import Outbox
from callbot.tickets.transactions import Transactions
from tests.support.chat import T0, conversation_with
from tests.support.database import Database, open_database
from tests.support.operators import race


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.now


@pytest.fixture
def db(tmp_path: Path) -> Database:
    return open_database(tmp_path / "callbot.db")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def tx(db: Database, clock: Clock) -> Transactions:
    return Transactions(db.sessions, clock=clock)


def test_a_retried_event_is_one_event(tx: Transactions, clock: Clock) -> None:
    inbox = Inbox(tx)
    assert inbox.add("m:1", "user_send_text", "u1", T0, '{"a":1}')
    assert not inbox.add("m:1", "user_send_text", "u1", T0, '{"a":1}')
    assert not inbox.add("m:1", "user_send_text", "u1", T0, '{"a":1}')
    counts = inbox.counts()
    assert counts["pending"] == 1 and counts["repeated_deliveries"] == 2


def test_events_wait_out_the_hold_and_come_in_the_order_written(
    tx: Transactions, clock: Clock
) -> None:
    inbox = Inbox(tx)
    hold = timedelta(seconds=1)
    inbox.add("m:b", "user_send_text", "u1", T0 + timedelta(seconds=2), "b")  # delivered first
    inbox.add("m:a", "user_send_text", "u1", T0 + timedelta(seconds=1), "a")
    inbox.add("m:c", "user_send_text", "u2", T0, "c")
    assert inbox.due_users(hold) == []  # not a second old yet
    clock.now = T0 + timedelta(seconds=2)
    assert sorted(inbox.due_users(hold)) == ["u1", "u2"]
    assert [e.payload for e in inbox.pending_of("u1", hold)] == ["a", "b"]
    first = inbox.pending_of("u1", hold)[0]
    inbox.retry(first.id, "photo not fetched", clock.now + timedelta(seconds=5))
    assert [e.payload for e in inbox.pending_of("u1", hold)] == ["b"]
    inbox.settle(first.id)
    with tx.sessions() as session:
        row = session.get(ZaloEventRow, first.id)
        assert row is not None and row.status == EventStatus.DONE and row.payload is None
    clock.now += timedelta(days=1)
    assert inbox.purge(timedelta(hours=6)) == 1  # only the settled one
    inbox.retry(inbox.pending_of("u2", hold)[0].id, "broken", None)
    assert inbox.counts()["failed"] == 1


def test_one_conversation_s_messages_leave_in_order(tx: Transactions, clock: Clock) -> None:
    outbox = Outbox(tx)
    first = conversation_with(tx, "u1", 3)
    second = conversation_with(tx, "u2", 1)
    claimed = outbox.claim("node-a")
    assert [(m.conversation_id, m.text) for m in claimed] == [(first, "m0"), (second, "m0")]
    assert claimed[0].user_id == "u1" and claimed[0].attempts == 1
    assert outbox.claim("node-b") == []  # m1 waits for m0
    outbox.retry(claimed[0].id, "Zalo unreachable", clock.now + timedelta(seconds=5))
    assert outbox.claim("node-b") == []  # still: m0 comes first, even later
    clock.now += timedelta(seconds=5)
    again = outbox.claim("node-b")
    assert [m.text for m in again] == ["m0"] and again[0].attempts == 2
    assert outbox.sent(again[0].id, "zalo-1")
    assert not outbox.sent(again[0].id, "zalo-1")  # settled once
    assert [m.text for m in outbox.claim("node-a")] == ["m1"]


def test_a_failed_message_lets_the_next_one_go(tx: Transactions) -> None:
    outbox = Outbox(tx)
    conversation_with(tx, "u1", 2)
    (first,) = outbox.claim("a")
    outbox.failed(first.id, "window_closed: expired")
    (second,) = outbox.claim("a")
    assert second.text == "m1"
    with tx.sessions() as session:
        row = session.get(ChatMessage, first.id)
        assert row is not None and row.status == MessageStatus.FAILED
        assert row.last_error == "window_closed: expired"


def test_claims_from_many_threads_take_each_message_once(db: Database) -> None:
    tx = db.transactions()
    for user in range(20):
        conversation_with(tx, f"u{user}", 1, at=utc_now())
    outbox = Outbox(tx)
    results = race(*(lambda i=i: outbox.claim(f"node-{i}", 3) for i in range(8)))
    taken = [m.id for batch in results for m in batch]  # type: ignore[union-attr]
    assert len(taken) == len(set(taken)) == 20


def test_stale_sending_messages_go_back(tx: Transactions, clock: Clock) -> None:
    outbox = Outbox(tx)
    conversation_with(tx, "u1", 1)
    (message,) = outbox.claim("dead")
    assert outbox.release_stale(timedelta(minutes=2)) == 0
    clock.now += timedelta(minutes=3)
    assert outbox.release_stale(timedelta(minutes=2)) == 1
    assert [m.id for m in outbox.claim("alive")] == [message.id]
    assert outbox.release_stale(timedelta(minutes=2), owner="alive") == 1


def test_replies_are_counted_after_the_citizen_s_last_message(tx: Transactions) -> None:
    outbox = Outbox(tx)
    conversation = conversation_with(tx, "u1", 3)
    for _ in range(3):
        (message,) = outbox.claim("a")
        outbox.sent(message.id, "z")
    assert outbox.replies_since_citizen(conversation) == 3

    def citizen_writes(session):  # type: ignore[no-untyped-def]
        row = session.get(Conversation, conversation)
        add_message(session, row, direction=Direction.IN, kind=MessageKind.TEXT, text="x", at=T0)

    tx.run("a citizen's message", citizen_writes, write=True)
    assert outbox.replies_since_citizen(conversation) == 0


def test_a_lease_has_one_holder_until_it_expires(tx: Transactions, clock: Clock) -> None:
    leases = Leases(tx)
    assert leases.acquire("x", "a", 30)
    assert not leases.acquire("x", "b", 30)
    assert leases.acquire("x", "a", 30)  # renewed by its holder
    assert leases.holder("x") == "a"
    clock.now += timedelta(seconds=31)
    assert leases.holder("x") is None
    assert leases.acquire("x", "b", 30)
    leases.release("x", "a")  # not a's: nothing happens
    assert leases.holder("x") == "b"
    leases.release("x", "b")
    assert leases.acquire("x", "a", 30)


def test_many_takers_at_once_one_wins(db: Database) -> None:
    leases = Leases(db.transactions())
    won = race(*(lambda i=i: leases.acquire("token", f"node-{i}", 60) for i in range(10)))
    assert won.count(True) == 1


def test_the_leases_of_this_host_s_dead_processes_are_released(tx: Transactions) -> None:
    leases = Leases(tx)
    host = owner_name().split(":")[0]
    dead = 2**22 + 12345  # above pid_max on Linux: never a live process
    assert leases.acquire("chat:zalo:u1", f"{host}:{dead}:abc", 3600)
    assert leases.acquire("chat:zalo:u2", f"{host}:{os.getpid()}:abc", 3600)  # alive: ours
    assert leases.acquire("chat:zalo:u3", f"elsewhere:{dead}:abc", 3600)  # another host's
    assert leases.release_dead("chat:zalo:") == 1
    with tx.sessions() as session:
        held = dict(session.execute(select(Lease.name, Lease.owner)).all())
    assert "chat:zalo:u1" not in held and held["chat:zalo:u3"] is not None


def test_refreshed_tokens_replace_only_the_pair_they_came_from(
    tx: Transactions, clock: Clock
) -> None:
    leases = Leases(tx)
    assert leases.tokens() is None
    leases.set_tokens("A0", "R0", T0 + timedelta(hours=25))
    row = leases.tokens()
    assert row is not None and row.access_token == "A0" and "A0" not in repr(row)
    assert leases.replace_tokens("R0", "A1", "R1", T0 + timedelta(hours=50))
    assert not leases.replace_tokens("R0", "A2", "R2", T0)  # R0 was already spent
    leases.expire_token("A0")  # not the stored one any more: nothing
    assert leases.tokens().expires_at == T0 + timedelta(hours=50)  # type: ignore[union-attr]
    leases.expire_token("A1")
    assert leases.tokens().expires_at == T0  # type: ignore[union-attr]
    leases.token_failed("Zalo refused: -14014")
    assert leases.tokens().refresh_failures == 1  # type: ignore[union-attr]
    with tx.sessions() as session, session.begin():
        session.execute(update(Lease).values(owner=None))


def test_the_token_is_refreshed_once_however_many_threads_need_it(db: Database) -> None:
    from callbot.config import ZaloConfig
    from callbot.intake.chat.tokens import TokenKeeper
    from tests.support.chat import TokenService

    leases = Leases(db.transactions())
    leases.set_tokens("A0", "R0", utc_now() + timedelta(minutes=5))  # due: margin 60 min
    service = TokenService(delay=0.2)
    keepers = [TokenKeeper(leases, service, ZaloConfig(), f"n{i}") for i in range(8)]  # type: ignore[arg-type]
    got = race(*(k.token for k in keepers))
    assert service.refreshes == 1 and set(got) <= {"A0", "A1"}
    row = leases.tokens()
    assert row is not None and (row.access_token, row.refresh_token) == ("A1", "R1")
