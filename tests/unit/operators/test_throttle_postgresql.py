"""The login throttle on PostgreSQL (a throwaway cluster): sixty guesses at once from two
"nodes" find the limit, with no deadlock between their row locks, and the counts are given
back so the operator's own address still gets in."""

from __future__ import annotations

import pytest

from callbot.operators.throttle import Limits, LoginThrottle
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.transactions import Transactions
from tests.support.operators import race

pytestmark = pytest.mark.postgresql


def test_sixty_guesses_at_once_from_two_nodes_on_postgresql(module_postgres_url: str) -> None:
    engines = [make_engine(module_postgres_url), make_engine(module_postgres_url)]
    try:
        nodes = [LoginThrottle(Transactions(session_factory(e)), Limits()) for e in engines]
        attempts = race(*(lambda i=i: nodes[i % 2].reserve("lan", "10.0.0.1") for i in range(60)))
        assert [a for a in attempts if isinstance(a, Exception)] == []
        assert sum(1 for a in attempts if a.allowed) == 5  # type: ignore[union-attr]
        for attempt in attempts:
            if attempt.allowed:  # type: ignore[union-attr]
                nodes[0].failed(attempt)  # type: ignore[arg-type]
        elsewhere = nodes[1].reserve("lan", "10.0.0.2")
        assert elsewhere.allowed and elsewhere.counts["acct:lan"] == 6
        nodes[1].succeeded(elsewhere)
    finally:
        for engine in engines:
            engine.dispose()
