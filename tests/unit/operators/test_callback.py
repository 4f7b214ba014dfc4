"""Callbacks without a PBX: Asterisk's words to results (pure), the dialer against the fake AMI
server of test_ami (the Originate it sends, the events that settle it, once), the rules of who
may call back and which number, and the console's button over HTTP (a fake dialer; AMI down)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from callbot.config import CallbackConfig, load_config
from callbot.errors import AmiError, ConfigError, WorkflowError
from callbot.operators.callback import CallbackService, callback_number, callback_target
from callbot.pbx.ami import AmiClient
from callbot.pbx.originate import (
    CallbackDialer,
    CallbackOutcome,
    dial_result,
    operator_result,
    settling,
)
from callbot.tickets.models import Ticket
from callbot.tickets.rules import CallbackResult
from tests.support.ami import SECRET, USER, FakeAmi, wait_for
from tests.support.console import Site, csrf_of, login
from tests.support.database import Database
from tests.support.operators import World

FAST = CallbackConfig(operator_ring_seconds=2, citizen_ring_seconds=3)


# -- Asterisk's words -> results ------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cause", "result"),
    [
        ("ANSWER", "16", "answered"),
        ("NOANSWER", "16", "no_answer"),
        ("CANCEL", "16", "no_answer"),
        ("BUSY", "16", "busy"),
        ("busy ", "", "busy"),
        ("CONGESTION", "16", "failed"),
        ("CONGESTION", "17", "busy"),
        ("CHANUNAVAIL", "19", "no_answer"),
        ("CHANUNAVAIL", "1", "failed"),
        ("INVALIDARGS", "16", "failed"),
        ("DONTCALL", "", "failed"),
        ("", "", "failed"),
    ],
)
def test_dial_status_to_result(status: str, cause: str, result: str) -> None:
    assert dial_result(status, cause) == result
    assert result in set(CallbackResult)


@pytest.mark.parametrize(
    ("reason", "why"), [("3", "no_answer"), ("5", "busy"), ("0", "failed"), ("8", "failed")]
)
def test_originate_reason_of_the_operator_leg(reason: str, why: str) -> None:
    assert operator_result(reason) == why


def test_which_events_settle_a_callback() -> None:
    # As Asterisk 22 sent them in the sandbox (tests/integration/test_callback.py).
    failure = {
        "Event": "OriginateResponse",
        "ActionID": "callback-ab12",
        "Response": "Failure",
        "Channel": "Local/slow-x@callbot-sandbox-operators",
        "Reason": "3",
    }
    assert settling(failure) == CallbackOutcome("ab12", "failed", "operator", "", "no_answer")
    assert settling({**failure, "Response": "Success", "Reason": "4"}) is None
    assert settling({**failure, "ActionID": "callbot-7"}) is None  # not a callback's
    answered = {
        "Event": "UserEvent",
        "UserEvent": "CallbotCallback",
        "CallbackId": "ab12",
        "DialStatus": "ANSWER",
        "Stage": "answer",
    }
    assert settling(answered) == CallbackOutcome("ab12", "answered", "citizen", "ANSWER")
    busy = {**answered, "DialStatus": "BUSY", "HangupCause": "16", "Stage": "end"}
    assert settling(busy) == CallbackOutcome("ab12", "busy", "citizen", "BUSY")
    assert settling({**answered, "UserEvent": "CallbotSimDesk"}) is None
    assert settling({**answered, "CallbackId": ""}) is None


# -- the dialer against a fake AMI server --------------------------------------------------


@pytest.fixture
def fake() -> Iterator[FakeAmi]:
    server = FakeAmi()
    yield server
    server.close()


def _ami(port: int) -> AmiClient:
    return AmiClient("127.0.0.1", port, USER, SECRET, action_timeout=1.0, keepalive=0.5)


@pytest.fixture
def dialer(fake: FakeAmi) -> Iterator[tuple[CallbackDialer, list[CallbackOutcome]]]:
    results: list[CallbackOutcome] = []
    ami = _ami(fake.port)
    made = CallbackDialer(ami, FAST, results.append, report_margin=0.5)
    ami.connect()
    yield made, results
    made.close()
    ami.close()


def _user_event(callback_id: str, status: str, stage: str) -> dict[str, str]:
    return {
        "Event": "UserEvent",
        "UserEvent": "CallbotCallback",
        "CallbackId": callback_id,
        "DialStatus": status,
        "HangupCause": "16",
        "Stage": stage,
    }


def test_the_originate_rings_the_operator_with_the_callback_variables(
    fake: FakeAmi, dialer: tuple[CallbackDialer, list[CallbackOutcome]]
) -> None:
    made, results = dialer
    callback_id = made.call("PJSIP/op1", "0901234567")
    sent = fake.actions[-1]
    assert sent["Action"] == ["Originate"]
    assert sent["ActionID"] == [f"callback-{callback_id}"]
    assert sent["Channel"] == ["PJSIP/op1"]
    assert (sent["Context"], sent["Exten"], sent["Priority"]) == (
        ["callbot-callback"],
        ["s"],
        ["1"],
    )
    assert sent["Timeout"] == ["2000"] and sent["Async"] == ["true"]
    assert sent["CallerID"] == ['"Gọi lại 0901234567" <0901234567>']
    assert sorted(sent["Variable"]) == sorted(
        [
            "CALLBOT_CALLBACK_NUMBER=0901234567",
            f"CALLBOT_CALLBACK_ID={callback_id}",
            "CALLBOT_CALLBACK_CID=1022",
            "CALLBOT_CALLBACK_RING=3",
        ]
    )
    # The fake's OriginateResponse Success settles nothing; the citizen answering does, once.
    time.sleep(0.2)
    assert results == [] and made.pending() == 1
    fake.push(_user_event(callback_id, "ANSWER", "answer"))
    fake.push(_user_event(callback_id, "ANSWER", "end"))
    assert wait_for(lambda: len(results) == 1, 2)
    time.sleep(0.2)
    assert results == [CallbackOutcome(callback_id, "answered", "citizen", "ANSWER")]
    assert made.pending() == 0


def test_operator_phone_not_answering_and_silence_are_reported(
    fake: FakeAmi, dialer: tuple[CallbackDialer, list[CallbackOutcome]]
) -> None:
    made, results = dialer
    first = made.call("PJSIP/op2", "0901234567")
    fake.push(
        {
            "Event": "OriginateResponse",
            "ActionID": f"callback-{first}",
            "Response": "Failure",
            "Reason": "3",
        }
    )
    assert wait_for(lambda: len(results) == 1, 2)
    assert results[0] == CallbackOutcome(first, "failed", "operator", "", "no_answer")
    # Nothing at all comes back: after both ring times and the margin, failed "no_report".
    second = made.call("PJSIP/op2", "0922000001")
    assert wait_for(lambda: len(results) == 2, 8)
    assert results[1] == CallbackOutcome(second, "failed", "citizen", "", "no_report")


def test_originate_with_ami_down_raises_and_leaves_nothing_pending(fake: FakeAmi) -> None:
    ami = _ami(fake.port)  # never connected
    made = CallbackDialer(ami, FAST, lambda outcome: None)
    with pytest.raises(AmiError, match="not connected"):
        made.call("PJSIP/op1", "0901234567")
    assert made.pending() == 0
    made.close()
    ami.close()


def test_callback_settings_are_checked() -> None:
    with pytest.raises(ConfigError, match=r"callback\.caller_id"):
        load_config(environ={"CALLBOT_CALLBACK__CALLER_ID": "1022;x"})
    with pytest.raises(ConfigError, match=r"callback\.citizen_ring_seconds"):
        load_config(environ={"CALLBOT_CALLBACK__CITIZEN_RING_SECONDS": "0"})
    assert load_config(environ={"CALLBOT_CALLBACK__CALLER_ID": "+842838221022"})


# -- who may call back, which number -------------------------------------------------------


@pytest.fixture
def world(database: Database) -> World:
    return World(database)


def test_callback_number_is_the_chosen_one_else_the_calling_one(world: World) -> None:
    ticket_id = world.ticket(callback_number="84912345678")
    assert callback_number(world.tickets.get(ticket_id)) == "0912345678"
    other = world.ticket(callback_number=None)  # the calling number, 0901234567
    assert callback_number(world.tickets.get(other)) == "0901234567"
    hidden = world.ticket(callback_number="12345", caller_number="anonymous")
    assert callback_number(world.tickets.get(hidden)) is None
    landline = world.ticket(callback_number="+842838123456")  # an HCMC landline
    assert callback_number(world.tickets.get(landline)) == "02838123456"


def test_who_may_call_back(world: World) -> None:
    ana = world.accounts.add_user("ana", "x", "operator", "U1", phone="PJSIP/op1")
    binh = world.accounts.add_user("binh", "x", "operator", "U1", phone="PJSIP/op2")
    lan = world.accounts.add_user("lan", "x", "operator", "U1")
    sup = world.accounts.add_user("sup", "x", "supervisor", "HQ", phone="PJSIP/op3")
    ticket_id = world.ticket()

    def code(user: object) -> str:
        with pytest.raises(WorkflowError) as caught:
            callback_target(user, world.queue.ticket(user, ticket_id))  # type: ignore[arg-type]
        return caught.value.code

    assert code(ana) == "not_claimed"  # claim it first
    target = callback_target(sup, world.queue.ticket(sup, ticket_id))  # a supervisor may
    assert (target.device, target.number) == ("PJSIP/op3", "0901234567")
    world.workflow.claim(ana, ticket_id)
    assert callback_target(ana, world.queue.ticket(ana, ticket_id)).device == "PJSIP/op1"
    assert code(binh) == "held_by_other"
    assert callback_target(sup, world.queue.ticket(sup, ticket_id)).device == "PJSIP/op3"
    world.workflow.release(ana, ticket_id)
    world.workflow.claim(lan, ticket_id)
    assert code(lan) == "no_phone"
    world.workflow.resolve(lan, ticket_id)
    assert code(sup) == "closed"


# -- the console's button ------------------------------------------------------------------


class FakeDialer:
    """The dialer's interface, with an AMI that is up or down."""

    def __init__(self, on_result: object, up: bool = True) -> None:
        self.on_result = on_result
        self.calls: list[tuple[str, str, str | None]] = []
        self.ami = self
        self.up = up
        self.connected = up

    def connect(self, timeout: float | None = None) -> None:
        if not self.up:
            raise AmiError("cannot connect to AMI at 127.0.0.1:1: Connection refused")
        self.connected = True

    def call(self, device: str, number: str, callback_id: str | None = None) -> str:
        self.calls.append((device, number, callback_id))
        return callback_id or "x"

    def close(self) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    config = load_config(environ={"CALLBOT_STORAGE__ROOT": str(tmp_path)}, project_dir=tmp_path)
    built = Site(config)
    built.console.accounts.set_phone("ana", "PJSIP/op1")
    built.console.accounts.set_phone("sup", "PJSIP/op3")
    yield built
    built.engine.dispose()


def _fake_callbacks(site: Site, up: bool = True) -> list[FakeDialer]:
    made: list[FakeDialer] = []

    def factory(on_result: object) -> FakeDialer:
        made.append(FakeDialer(on_result, up))
        return made[-1]

    console = site.console
    console.callbacks = CallbackService(
        console.config,
        console.workflow,
        console.feed.notify,
        factory,  # type: ignore[arg-type]
    )
    return made


def test_the_button_calls_back_and_the_result_reaches_the_history(site: Site) -> None:
    dialers = _fake_callbacks(site)
    number, _ = site.ticket()
    page = f"/tickets/{number}"
    with site.client() as client, site.client() as other:
        login(client, "ana")
        assert 'id="callback-button"' not in client.get(page).text  # claim first
        client.post(f"{page}/claim", data={"csrf_token": csrf_of(client)})
        assert "Gọi lại 0901234567" in client.get(page).text
        done = client.post(f"{page}/callback", data={"csrf_token": csrf_of(client, page)})
        assert done.status_code == 303 and done.headers["location"] == f"{page}?done=callback"
        shown = client.get(done.headers["location"]).text
        assert "Máy của bạn (PJSIP/op1) đang đổ chuông" in shown
        assert 'id="callback-calling"' in shown
        (dialer,) = dialers
        ((device, dialled, callback_id),) = dialer.calls
        assert (device, dialled) == ("PJSIP/op1", "0901234567")
        again = client.post(f"{page}/callback", data={"csrf_token": csrf_of(client, page)})
        assert again.status_code == 409 and "Đang có một cuộc gọi lại" in again.text
        login(other, "binh")  # the other operator of the unit: held by ana
        refused = other.post(f"{page}/callback", data={"csrf_token": csrf_of(other, page)})
        assert refused.status_code == 409 and "đang do ana xử lý" in refused.text
        assert callback_id is not None
        dialer.on_result(CallbackOutcome(callback_id, "busy", "citizen", "BUSY"))  # type: ignore[operator]
        history = client.get(page).text
        assert "máy bận, số 0901234567, từ trang điều hành" in history
        assert 'id="callback-calling"' not in history


def test_with_asterisk_down_the_button_says_so_and_the_console_works(site: Site) -> None:
    _fake_callbacks(site, up=False)
    number, _ = site.ticket()
    page = f"/tickets/{number}"
    with site.client() as client:
        login(client, "sup")
        refused = client.post(f"{page}/callback", data={"csrf_token": csrf_of(client, page)})
        assert refused.status_code == 503
        assert 'id="callback-error"' in refused.text
        assert "không kết nối được tổng đài (Asterisk)" in refused.text
        assert client.get("/").status_code == 200
        assert "không kết nối được tổng đài" in client.get(page).text  # still down: said
        claimed = client.post(f"{page}/claim", data={"csrf_token": csrf_of(client, page)})
        assert claimed.status_code == 303


def test_the_real_console_with_no_asterisk_answers_503_quickly(tmp_path: Path) -> None:
    environ = {"CALLBOT_STORAGE__ROOT": str(tmp_path), "CALLBOT_AMI__PORT": "1"}
    site = Site(load_config(environ=environ, project_dir=tmp_path))
    try:
        site.console.accounts.set_phone("sup", "PJSIP/op3")
        number, _ = site.ticket()
        page = f"/tickets/{number}"
        with site.client() as client:
            login(client, "sup")
            started = time.monotonic()
            refused = client.post(f"{page}/callback", data={"csrf_token": csrf_of(client, page)})
            assert refused.status_code == 503 and 'id="callback-error"' in refused.text
            assert time.monotonic() - started < 6
    finally:
        site.engine.dispose()


def test_no_phone_or_no_number_is_explained_beside_the_button(site: Site) -> None:
    _fake_callbacks(site)
    number, _ = site.ticket()
    with site.engine.begin() as connection:
        connection.execute(
            update(Ticket)
            .where(Ticket.number == number)
            .values(caller_number="", callback_number=None)
        )
    page = f"/tickets/{number}"
    with site.client() as client:
        login(client, "binh")  # no phone
        client.post(f"{page}/claim", data={"csrf_token": csrf_of(client)})
        shown = client.get(page).text
        assert "Bạn chưa có máy điện thoại" in shown and "không có số điện thoại hợp lệ" in shown
        refused = client.post(f"{page}/callback", data={"csrf_token": csrf_of(client, page)})
        assert refused.status_code == 409 and 'id="callback-error"' in refused.text


def test_dataclass_replace_keeps_the_callback_section() -> None:
    config = load_config(environ={})
    fast = dataclasses.replace(config, callback=FAST)
    assert fast.callback.operator_ring_seconds == 2 and config.callback.caller_id == "1022"
