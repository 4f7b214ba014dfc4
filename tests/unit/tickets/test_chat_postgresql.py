"""The chat channel's shared state on PostgreSQL (a throwaway cluster), with two "nodes" (two
engines): outgoing messages claimed once each and in order per conversation (``FOR UPDATE
SKIP LOCKED``), one lease holder among many takers, and the OA's token refreshed by exactly
one node however many need it at once (the refresh token is single-use)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from callbot.config import ZaloConfig
from callbot.intake.chat.tokens import TokenKeeper
from callbot.tickets.leases import Leases
from callbot.tickets.models import utc_now
from callbot.tickets.outbox import Outbox
from callbot.tickets.transactions import Transactions
from tests.support.chat import TokenService, conversation_with, transactions
from tests.support.operators import race

pytestmark = pytest.mark.postgresql


@pytest.fixture
def node(module_postgres_url: str) -> Iterator[Callable[[], Transactions]]:
    """Makes "nodes" (an engine each) on the cluster's database, disposed at the end."""
    made: list[Transactions] = []

    def make() -> Transactions:
        made.append(transactions(module_postgres_url))
        return made[-1]

    yield make
    for tx in made:
        tx.sessions.kw["bind"].dispose()


def test_messages_claimed_once_each_in_order_by_two_nodes(node: Callable[[], Transactions]) -> None:
    nodes = [node(), node()]
    ids = [conversation_with(nodes[0], f"pg{i}", 3, at=utc_now()) for i in range(10)]
    outboxes = [Outbox(tx) for tx in nodes]
    seen: dict[int, list[str]] = {i: [] for i in ids}
    rounds = 0
    while sum(len(v) for v in seen.values()) < 30 and rounds < 20:
        rounds += 1
        batches = race(*(lambda i=i: outboxes[i % 2].claim(f"n{i}", 4) for i in range(6)))
        for batch in batches:
            assert not isinstance(batch, Exception), batch
            for message in batch:  # type: ignore[union-attr]
                seen[message.conversation_id].append(message.text)
                outboxes[0].sent(message.id, "z")
    assert all(texts == ["m0", "m1", "m2"] for texts in seen.values()), seen


def test_one_lease_holder_among_twenty_takers_on_two_nodes(
    node: Callable[[], Transactions],
) -> None:
    nodes = [Leases(node()), Leases(node())]
    won = race(*(lambda i=i: nodes[i % 2].acquire("pg-lease", f"n{i}", 60) for i in range(20)))
    assert [w for w in won if isinstance(w, Exception)] == []
    assert won.count(True) == 1


def test_the_token_is_refreshed_by_one_node_only(node: Callable[[], Transactions]) -> None:
    service = TokenService(delay=0.3)  # a slow refresh: the others arrive meanwhile
    nodes = [Leases(node()), Leases(node())]
    nodes[0].set_tokens("A0", "R0", utc_now() + timedelta(minutes=5))  # due (margin 60 min)
    keepers = [
        TokenKeeper(nodes[i % 2], service, ZaloConfig(), f"node-{i}")  # type: ignore[arg-type]
        for i in range(8)
    ]
    tokens = race(*(keeper.token for keeper in keepers))
    assert service.refreshes == 1
    assert sum(keeper.refreshes for keeper in keepers) == 1
    stored = nodes[1].tokens()
    assert stored is not None and (stored.access_token, stored.refresh_token) == ("A1", "R1")
    # every node kept working meanwhile: the old token (still valid) or the new one
    assert set(tokens) <= {"A0", "A1"}, tokens
    assert keepers[3].token() == "A1"


def test_a_whole_chat_on_postgresql(module_postgres_url: str, tmp_path: Path) -> None:
    """The in-process chat (tests/unit/intake/test_chat.py) on PostgreSQL: a conversation to
    a routed ticket, an operator's reply within the window, the closing message."""
    from tests.unit.intake.test_chat import Harness, _sup

    h = Harness(tmp_path, database_url=module_postgres_url)
    try:
        for text in ["chào", "Lan", "0901234567", "12 Lê Lợi, phường 4, quận 8", "cần gạo", "1"]:
            h.say(text)
        ticket = h.ticket()
        assert ticket.status == "new" and ticket.ward == "Phường 4"
        assert ticket.number in h.zalo.texts()[-1]
        h.operators.chat.reply(_sup(), ticket.id, "Đã nhận.")
        h.operators.workflow.claim(_sup(), ticket.id)
        h.operators.workflow.resolve(_sup(), ticket.id)
        h.work()
        assert h.zalo.texts()[-2] == "Đã nhận."
        assert h.zalo.texts()[-1].startswith(f"Yêu cầu số {ticket.number} của bạn: Đã giải quyết")
    finally:
        h.tx.sessions.kw["bind"].dispose()
