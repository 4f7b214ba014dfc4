"""The login throttle's counters in the real database: atomic under concurrency, shared by two
"nodes" (two engines on one file), per account from an address, per address, per account, and
an account's known browsers let in while it is throttled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from callbot.operators.throttle import Limits, LoginThrottle
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.transactions import Transactions
from tests.support.database import Database
from tests.support.operators import race


def _node(database: Database) -> LoginThrottle:
    """A throttle on an engine of its own: another process on the same database."""
    engine = make_engine(database.url)
    return LoginThrottle(Transactions(session_factory(engine)), Limits(pair=5))


def test_sixty_guesses_at_once_from_two_nodes_find_the_limit(database: Database) -> None:
    nodes = [_node(database), _node(database)]
    attempts = race(*(lambda i=i: nodes[i % 2].reserve("lan", "10.0.0.1") for i in range(60)))
    assert not [a for a in attempts if isinstance(a, Exception)]
    assert sum(1 for a in attempts if a.allowed) == 5  # type: ignore[union-attr]  # not 60


def test_thirty_addresses_at_once_find_the_account_limit(database: Database) -> None:
    throttle = _node(database)
    attempts = race(*(lambda i=i: throttle.reserve("lan", f"10.0.1.{i}") for i in range(30)))
    assert sum(1 for a in attempts if a.allowed) == 10  # type: ignore[union-attr]


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(database: Database) -> None:
    throttle = _node(database)
    for _ in range(5):
        throttle.failed(throttle.reserve("lan", "10.0.0.66"))
    assert not throttle.reserve("lan", "10.0.0.66").allowed  # that address is refused...
    ok = throttle.reserve("lan", "10.0.0.7")  # ...the operator's own is not
    assert ok.allowed
    throttle.succeeded(ok)


def test_a_known_browser_gets_in_while_the_account_is_throttled(database: Database) -> None:
    throttle = _node(database)
    device = throttle.succeeded(throttle.reserve("lan", "10.0.0.7"))
    for i in range(10):
        throttle.failed(throttle.reserve("lan", f"10.0.2.{i}"))
    assert not throttle.reserve("lan", "10.0.3.1").allowed  # a new browser waits
    known = throttle.reserve("lan", "10.0.3.1", device)
    assert known.allowed and known.keys == (f"device:{known.keys[0][7:]}",)
    other = throttle.reserve("binh", "10.0.3.2", device)
    assert other.keys[0].startswith("pair:")  # a browser known for lan is nothing for binh


def test_the_window_ends_and_the_sweep_forgets(database: Database) -> None:
    now = [datetime(2026, 12, 6, tzinfo=UTC)]
    engine = make_engine(database.url)
    throttle = LoginThrottle(
        Transactions(session_factory(engine)), Limits(pair=2), clock=lambda: now[0]
    )
    for _ in range(2):
        throttle.failed(throttle.reserve("lan", "10.0.0.1"))
    assert not throttle.reserve("lan", "10.0.0.1").allowed
    now[0] += timedelta(minutes=11)
    assert throttle.reserve("lan", "10.0.0.1").allowed
    now[0] += timedelta(minutes=11)
    assert throttle.sweep() == 3
