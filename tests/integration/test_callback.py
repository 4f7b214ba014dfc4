"""One-click callback on the real sandbox: the console's "Gọi lại" button over HTTP, its AMI
Originate ringing the operator's phone (a Local channel that answers, or one that never does),
then the sandbox's citizens who answer, do not answer, are busy or cannot be reached; the
outcome is an event on the ticket, shown in the history in Vietnamese."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import update
from starlette.testclient import TestClient

from callbot.config import Config
from callbot.console.asgi import Console, build_console, create_app
from callbot.operators.login import add_user
from callbot.operators.views import EventRecord
from callbot.sandbox import Sandbox
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine
from callbot.tickets.models import Ticket
from callbot.tickets.repository import TicketRepository
from tests.integration.conftest import EventLog, wait_until
from tests.support.console import PASSWORD, csrf_of, login

pytestmark = pytest.mark.asterisk

DESK = "Local/desk-{tag}@callbot-sandbox-operators"  # answers at once, stays on the line
SLOW = "Local/slow-{tag}@callbot-sandbox-operators"  # rings, never answers


@dataclass
class Desk:
    """A console on the test database, with one operator of a unit of its own."""

    config: Config
    console: Console
    tickets: TicketRepository
    unit: str
    operator: str

    def ticket(self, callback_number: str) -> tuple[int, str]:
        record = self.tickets.create(Caller("0900000009", "", "", f"cb-{uuid.uuid4().hex[:12]}"))
        self.tickets.finish(record.id, "complete", "completed")
        engine = make_engine(self.config.storage.effective_database_url)
        try:
            with engine.begin() as connection:
                connection.execute(
                    update(Ticket)
                    .where(Ticket.id == record.id)
                    .values(status="new", unit=self.unit, callback_number=callback_number)
                )
        finally:
            engine.dispose()
        return record.id, record.number

    def callbacks(self, ticket_id: int) -> list[EventRecord]:
        user = self.console.accounts.credentials(self.operator)
        assert user is not None
        view = self.console.queue.ticket(user[0], ticket_id)
        return [e for e in view.events if e.action == "callback"]


def _desk(config: Config, tickets: TicketRepository, phone: str) -> Desk:
    fast = dataclasses.replace(config.callback, operator_ring_seconds=3, citizen_ring_seconds=3)
    console = build_console(dataclasses.replace(config, callback=fast))
    tag = uuid.uuid4().hex[:8]
    name = f"cb-{tag}"
    unit = f"CB-{tag}"
    add_user(
        console.accounts,
        console.passwords,
        name,
        PASSWORD,
        role="operator",
        unit=unit,
        min_length=10,
        phone=phone.format(tag=tag),
    )
    return Desk(console.config, console, tickets, unit, name)


@pytest.fixture
def desk(config: Config, sandbox: Sandbox, tickets: TicketRepository) -> Iterator[Desk]:
    made = _desk(config, tickets, DESK)
    yield made
    made.console.callbacks.close()


def _click_callback(desk: Desk, number: str) -> tuple[int, str]:
    """Log in, claim a ticket whose callback number is ``number``, press "Gọi lại"."""
    ticket_id, ticket_number = desk.ticket(number)
    app = create_app(desk.console)
    with TestClient(app, base_url="http://127.0.0.1", follow_redirects=False) as client:
        assert login(client, desk.operator) == "303"
        page = f"/tickets/{ticket_number}"
        assert client.post(f"{page}/claim", data={"csrf_token": csrf_of(client)}).status_code == 303
        assert 'id="callback-button"' in client.get(page).text
        done = client.post(f"{page}/callback", data={"csrf_token": csrf_of(client, page)})
        assert done.status_code == 303, done.text
        shown = client.get(done.headers["location"]).text
        assert "đang đổ chuông" in shown and number in shown
        assert wait_until(lambda: bool(desk.callbacks(ticket_id)), timeout=30)
        history = client.get(page).text
    return ticket_id, history


@pytest.mark.parametrize(
    ("number", "result", "shown"),
    [
        ("0901234567", "answered", "người dân đã nghe máy"),
        ("0922000001", "no_answer", "không nghe máy"),
        ("0933000001", "busy", "máy bận"),
        ("0944000001", "failed", "không gọi được"),
        # an HCMC landline (028 + 8 digits) through the same dialplan prefix
        ("02838123456", "answered", "người dân đã nghe máy"),
    ],
)
def test_callback_outcome_goes_onto_the_ticket(
    desk: Desk, events: EventLog, number: str, result: str, shown: str
) -> None:
    ticket_id, history = _click_callback(desk, number)
    (event,) = desk.callbacks(ticket_id)
    assert event.user == desk.operator
    assert event.detail["result"] == result, event.detail
    assert event.detail["number"] == number and event.detail["via"] == "console"
    assert f"{shown}, số {number}" in history
    if result == "answered":
        # The citizen was reached showing the hotline number, not the operator's.
        citizen = events.wait_for("UserEvent", UserEvent="CallbotSandboxCitizen", Number=number)
        assert citizen is not None and citizen["CallerId"] == "1022"
    else:
        assert not events.matching("UserEvent", UserEvent="CallbotSandboxCitizen", Number=number)


def test_operator_phone_that_never_answers_is_a_failed_callback(
    config: Config, sandbox: Sandbox, tickets: TicketRepository
) -> None:
    desk = _desk(config, tickets, SLOW)
    try:
        ticket_id, history = _click_callback(desk, "0901234568")
    finally:
        desk.console.callbacks.close()
    (event,) = desk.callbacks(ticket_id)
    assert event.detail["result"] == "failed"
    assert event.detail["reason"] == "operator_no_answer"
    assert "máy của điện thoại viên không được nhấc" in history
