"""The operators' workflow and reads on a real SQLite file: claim races, refusals, closing,
corrections, scope by unit, the queue's order, filters and counts, the changes feed."""

from __future__ import annotations

from datetime import timedelta

import pytest

from callbot.errors import AccessDenied, InvalidInput, WorkflowError
from callbot.operators.views import QueueFilter
from callbot.tickets.models import utc_now
from tests.support.database import Database
from tests.support.operators import World, race

pytestmark = pytest.mark.both_databases


@pytest.fixture
def world(database: Database) -> World:
    return World(database)


def test_two_operators_claim_at_once_one_wins(world: World) -> None:
    ana, binh = world.user("ana"), world.user("binh")
    for _ in range(10):
        ticket_id = world.ticket()
        results = race(
            lambda t=ticket_id: world.workflow.claim(ana, t),
            lambda t=ticket_id: world.workflow.claim(binh, t),
        )
        names = ["ana", "binh"]
        winners = [n for n, r in zip(names, results, strict=True) if r is None]
        assert len(winners) == 1, results
        lost = next(r for r in results if r is not None)
        assert isinstance(lost, WorkflowError)
        assert (lost.code, lost.holder) == ("already_claimed", winners[0])
        view = world.queue.ticket(ana, ticket_id)
        assert view.ticket.status == "claimed" and view.workflow.claimed_by == winners[0]
        assert [e.action for e in view.events] == ["claim"]


def test_operator_of_another_unit_is_refused(world: World) -> None:
    other = world.user("chi", unit="U2")
    ticket_id = world.ticket(unit="U1")
    with pytest.raises(AccessDenied):
        world.queue.ticket(other, ticket_id)
    with pytest.raises(AccessDenied):
        world.workflow.claim(other, ticket_id)
    answer = world.tickets.add_answer(ticket_id, "name", "2026/a/name.wav", 1.0, "silence")
    with pytest.raises(AccessDenied):
        world.queue.recording(other, answer.id)
    assert world.queue.queue(other, QueueFilter()).total == 0
    boss = world.user("dung", role="supervisor", unit="HQ")
    assert world.queue.recording(boss, answer.id) == "2026/a/name.wav"


def test_close_outcomes_and_history(world: World) -> None:
    ana, binh = world.user("ana"), world.user("binh")
    boss = world.user("sup", role="supervisor", unit="HQ")
    first, second, third = world.ticket(), world.ticket(), world.ticket()

    world.workflow.claim(ana, first)
    with pytest.raises(WorkflowError) as refused:
        world.workflow.resolve(binh, first)
    assert refused.value.code == "held_by_other" and refused.value.holder == "ana"
    assert world.workflow.unreachable(ana, first, "không nghe máy") == 1
    world.workflow.claim(binh, first)
    assert world.workflow.unreachable(binh, first) == 2
    world.workflow.claim(ana, first)
    world.workflow.resolve(ana, first, "đã hỗ trợ gạo")
    with pytest.raises(WorkflowError) as closed:
        world.workflow.claim(binh, first)
    assert closed.value.code == "closed"
    view = world.queue.ticket(ana, first)
    assert view.ticket.status == "closed"
    assert view.workflow.resolution == "resolved" and view.workflow.closed_by == "ana"
    assert view.workflow.unreachable_count == 2
    assert [(e.user, e.action) for e in view.events] == [
        ("ana", "claim"),
        ("ana", "unreachable"),
        ("binh", "claim"),
        ("binh", "unreachable"),
        ("ana", "claim"),
        ("ana", "resolve"),
    ]
    assert view.events[-1].detail["note"] == "đã hỗ trợ gạo"

    # duplicate of another ticket: linked, the original counts the call
    world.workflow.claim(binh, second)
    number = world.queue.ticket(ana, third).ticket.number
    world.workflow.duplicate(binh, second, number)
    original = world.queue.ticket(ana, third)
    assert original.ticket.call_count == 2
    assert [(t.id, t.relation) for t in original.linked] == [(second, "repeat")]

    # supervisor takes over a claim, refers it; the operator can no longer see it
    world.workflow.claim(ana, third)
    world.workflow.refer(boss, third, "U2", "UBND Phường Hai")
    with pytest.raises(AccessDenied):
        world.queue.ticket(ana, third)
    moved = world.queue.ticket(boss, third)
    assert moved.ticket.status == "new" and moved.ticket.unit == "U2"
    assert moved.events[-1].detail == {
        "from": "U1",
        "to": "U2",
        "to_name": "UBND Phường Hai",
    }


def test_corrections_keep_the_original(world: World) -> None:
    ana = world.user("ana")
    ticket_id = world.ticket(name="Nguyen Van An", ward="Phường 2")
    world.workflow.claim(ana, ticket_id)
    changed = world.workflow.correct(
        ana, ticket_id, {"name": "Nguyễn Văn An", "ward": "Phường 2", "urgency": "emergency"}
    )
    assert changed == ["name", "urgency"]
    world.workflow.correct(ana, ticket_id, {"name": "Nguyễn Văn Ân"})
    view = world.queue.ticket(ana, ticket_id)
    assert view.ticket.name == "Nguyễn Văn Ân" and view.ticket.urgency == "emergency"
    assert view.ticket.emergency is True
    assert view.workflow.corrections["name"]["original"] == "Nguyen Van An"
    assert view.workflow.corrections["name"]["value"] == "Nguyễn Văn Ân"
    assert view.workflow.corrections["urgency"]["original"] == "normal"
    with pytest.raises(ValueError, match="not correctable"):
        world.workflow.correct(ana, ticket_id, {"status": "closed"})
    with pytest.raises(InvalidInput, match="not correctable") as unknown:
        world.workflow.correct(ana, ticket_id, {"status": "closed"})
    assert unknown.value.field == "status"
    with pytest.raises(InvalidInput) as bad:
        world.workflow.correct(ana, ticket_id, {"urgency": "very"})
    assert bad.value.field == "urgency"
    # the corrected urgency moves the ticket to the head of the queue
    world.ticket()
    assert world.queue.queue(ana, QueueFilter()).rows[0].id == ticket_id


def test_corrections_refuse_an_unknown_category_and_a_number_that_is_not_one(
    world: World,
) -> None:
    """Probe findings of issue 12: any text was taken as a category, and a callback number
    typed as garbage had its digits scraped (``<script>…0901`` stored as ``10901``)."""
    ana = world.user("ana")
    ticket_id = world.ticket(category="food", callback_number="0901234567")
    world.workflow.claim(ana, ticket_id)
    for field, value in [
        ("category", "<b>anything</b>"),
        ("category", "FOOD"),
        ("callback_number", "<script>alert(1)</script>0901"),
        ("callback_number", "0901 234 567 ext 2"),
        ("callback_number", "12"),
        ("callback_number", "+84+901234567"),
    ]:
        with pytest.raises(InvalidInput) as refused:
            world.workflow.correct(ana, ticket_id, {field: value})
        assert refused.value.field == field
    view = world.queue.ticket(ana, ticket_id)
    assert view.ticket.category == "food" and view.ticket.callback_number == "0901234567"
    assert not view.workflow.corrections and not view.events[1:]  # nothing written
    changed = world.workflow.correct(
        ana, ticket_id, {"category": "medical", "callback_number": "+84 (90) 123-4567"}
    )
    assert changed == ["callback_number", "category"]
    view = world.queue.ticket(ana, ticket_id)
    assert view.ticket.category == "medical" and view.ticket.callback_number == "+84901234567"


def test_queue_order_filters_counts_and_pages(world: World) -> None:
    boss = world.user("sup", role="supervisor", unit="HQ")
    ana = world.user("ana")
    ids = [
        world.ticket(urgency=u, category=c)
        for u, c in [
            ("normal", "food"),
            ("high", "medical"),
            ("emergency", "medical"),
            ("normal", "food"),
            ("high", "food"),
            ("normal", "other"),
            ("normal", "food"),
        ]
    ]
    world.ticket(unit="U2")
    page = world.queue.queue(ana, QueueFilter())
    assert page.total == 7 and page.pages == 2
    assert [r.id for r in page.rows] == [ids[2], ids[1], ids[4], ids[0], ids[3]]
    assert page.open_by_urgency == {"emergency": 1, "high": 2, "normal": 4}
    assert [r.id for r in world.queue.queue(ana, QueueFilter(page=2)).rows] == [ids[5], ids[6]]
    food = world.queue.queue(ana, QueueFilter(category="food"))
    assert food.total == 4
    world.workflow.claim(ana, ids[0])
    counts = world.queue.queue(ana, QueueFilter()).by_status
    assert counts == {"new": 6, "claimed": 1}
    assert world.queue.queue(ana, QueueFilter(status="claimed", mine=True)).total == 1
    assert world.queue.queue(boss, QueueFilter()).total == 8
    assert world.queue.queue(boss, QueueFilter(unit="U2")).total == 1
    assert world.queue.choices(boss)["units"] == ["HQ", "U1", "U2"]


def test_idle_claims_go_back_and_changes_are_seen(world: World) -> None:
    ana = world.user("ana")
    ticket_id = world.ticket()
    since = utc_now() - timedelta(seconds=1)
    world.workflow.claim(ana, ticket_id)
    assert world.workflow.release_stale_claims(timedelta(hours=1)) == 0
    assert world.workflow.release_stale_claims(timedelta(0)) == 1
    view = world.queue.ticket(ana, ticket_id)
    assert view.ticket.status == "new" and view.events[-1].user == "system"
    changes = world.queue.changes_since(since)
    assert [c.id for c in changes] == [ticket_id]


def test_claim_next_takes_the_most_urgent_oldest_skips_and_never_doubles(world: World) -> None:
    ana, binh, sup = world.user("ana"), world.user("binh"), world.user("sup", "supervisor", "HQ")
    older = world.ticket()
    urgent = world.ticket(urgency="emergency")
    newer = world.ticket()
    other_unit = world.ticket(unit="U2")
    assert world.workflow.claim_next(ana) == urgent
    assert world.workflow.claim_next(ana, skip={older}) == newer
    assert world.workflow.claim_next(ana, skip={older, newer}) is None
    assert world.workflow.claim_next(sup) == older  # a supervisor: every unit
    assert world.workflow.claim_next(sup) == other_unit
    assert world.workflow.claim_next(binh) is None
    # Two operators asking at once for the next ticket get two different ones.
    for _ in range(5):
        tickets = {world.ticket(), world.ticket()}
        got = race(lambda: world.workflow.claim_next(ana), lambda: world.workflow.claim_next(binh))
        assert set(got) == tickets, got
