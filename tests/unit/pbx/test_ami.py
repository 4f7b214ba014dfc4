"""AmiClient and QueueMonitor against a small fake AMI server on 127.0.0.1.

The fake speaks the wire protocol (banner, ``\\r\\n`` headers, ``\\r\\n\\r\\n`` framing) and answers
Login, Ping, QueueStatus, Originate and Logoff the way Asterisk 22 does; it can push events,
stay silent, stop answering (a dead peer) and drop connections.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from callbot.errors import AmiError
from callbot.pbx.ami import AmiClient
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.pbx.queue_policy import RouteDecision
from tests.support.ami import QUEUE, SECRET, USER, FakeAmi, wait_for


@pytest.fixture
def server() -> Iterator[FakeAmi]:
    fake = FakeAmi()
    yield fake
    fake.close()


ClientFactory = Callable[..., AmiClient]


@pytest.fixture
def make_client(server: FakeAmi) -> Iterator[ClientFactory]:
    clients: list[AmiClient] = []

    def make(
        secret: str = SECRET,
        action_timeout: float = 1.0,
        reconnect_max_delay: float = 0.5,
        keepalive: float = 0.5,
        port: int | None = None,
    ) -> AmiClient:
        client = AmiClient(
            "127.0.0.1",
            server.port if port is None else port,
            USER,
            secret,
            action_timeout=action_timeout,
            reconnect_max_delay=reconnect_max_delay,
            keepalive=keepalive,
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def monitors() -> Iterator[list[QueueMonitor]]:
    made: list[QueueMonitor] = []
    yield made
    for monitor in made:
        monitor.close()


# -- connecting ---------------------------------------------------------------------------------


def test_login_and_events_reach_handlers(server: FakeAmi, make_client: ClientFactory) -> None:
    ami = make_client()
    received: list[dict[str, str]] = []
    got = threading.Event()

    def on_event(fields: dict[str, str]) -> None:
        received.append(fields)
        got.set()

    ami.add_event_handler(on_event)
    ami.connect(timeout=2)
    assert ami.connected
    assert ami.generation == 1
    assert server.logins == 1
    assert server.actions[0]["Username"] == [USER]

    server.push({"Event": "QueueMemberStatus", "Queue": QUEUE, "Interface": "PJSIP/op1"})
    assert got.wait(2)
    assert received == [{"Event": "QueueMemberStatus", "Queue": QUEUE, "Interface": "PJSIP/op1"}]


def test_bad_credentials_raise(make_client: ClientFactory) -> None:
    ami = make_client(secret="wrong")  # noqa: S106
    with pytest.raises(AmiError, match=r"refused: Authentication failed \(check ami.username"):
        ami.connect(timeout=2)
    assert not ami.connected


def test_connection_refused_raises(make_client: ClientFactory) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    ami = make_client(port=port)
    with pytest.raises(AmiError, match=r"cannot connect to AMI at 127\.0\.0\.1"):
        ami.connect(timeout=1)


@contextlib.contextmanager
def raw_port(greeting: bytes, *, hang_up: bool) -> Iterator[int]:
    """A port that sends ``greeting`` to whoever connects, then hangs up or stays silent."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted: list[socket.socket] = []

    def serve() -> None:
        with contextlib.suppress(OSError):
            conn, _ = listener.accept()
            accepted.append(conn)
            conn.sendall(greeting)
            if hang_up:
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        listener.close()
        for conn in accepted:
            conn.close()
        thread.join(2)


@pytest.mark.parametrize(
    ("greeting", "hang_up"),
    [
        (b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", False),  # another service: refused at once
        (b"Asterisk Call Man", True),  # hung up in the middle of the banner
        (b"", True),  # hung up before a word
    ],
)
def test_a_port_that_is_not_ami_ends_the_connection_cleanly(
    make_client: ClientFactory, greeting: bytes, hang_up: bool
) -> None:
    with raw_port(greeting, hang_up=hang_up) as port:
        ami = make_client(port=port, action_timeout=2.0)
        started = time.monotonic()
        with pytest.raises(
            AmiError,
            match=r"did not greet us: no 'Asterisk Call Manager' banner \(is this an AMI port\?\)",
        ):
            ami.connect()
        assert time.monotonic() - started < 1.5  # told by the reader, not by the timeout
    assert not ami.connected


def test_action_before_connect_raises(make_client: ClientFactory) -> None:
    with pytest.raises(AmiError, match="not connected"):
        make_client().action("Ping")


# -- actions ------------------------------------------------------------------------------------


def test_action_error_timeout_and_disconnect(server: FakeAmi, make_client: ClientFactory) -> None:
    ami = make_client(action_timeout=0.3, keepalive=0)
    ami.connect()
    assert ami.action("Ping")["Ping"] == "Pong"

    with pytest.raises(AmiError, match="Bogus failed: Invalid/unknown command"):
        ami.action("Bogus")

    server.unanswered.add("CoreStatus")
    started = time.monotonic()
    with pytest.raises(AmiError, match=r"CoreStatus got no answer .* within 0\.3 s"):
        ami.action("CoreStatus")
    assert time.monotonic() - started < 1.0
    assert ami.action("Ping")["Response"] == "Success"  # the session is still fine

    server.drop_on.add("Explode")
    with pytest.raises(AmiError, match="closed before Explode was answered"):
        ami.action("Explode")


def test_a_hang_up_fails_the_waiting_action_with_the_reason(
    server: FakeAmi, make_client: ClientFactory
) -> None:
    ami = make_client(keepalive=0)
    ami.connect()
    server.drop_on.add("Explode")
    with pytest.raises(
        AmiError, match=r"closed before Explode was answered \(closed by Asterisk\)"
    ):
        ami.action("Explode")


def test_collect_gathers_events_until_complete(server: FakeAmi, make_client: ClientFactory) -> None:
    server.set_member("PJSIP/op2", status=2, paused=1)
    server.callers.append("1764280300.9")
    ami = make_client()
    seen: list[str] = []
    ami.add_event_handler(lambda fields: seen.append(fields["Event"]))
    ami.connect()
    events = ami.collect("QueueStatus", "QueueStatusComplete", Queue=QUEUE)
    names = [e["Event"] for e in events]
    assert names == [
        "QueueParams",
        "QueueMember",
        "QueueMember",
        "QueueEntry",
        "QueueStatusComplete",
    ]
    assert len({e["ActionID"] for e in events}) == 1
    assert events[-1]["ListItems"] == "4"
    assert events[2]["Location"] == "PJSIP/op2"
    assert seen == names  # the handlers saw them too, before collect returned


def test_actions_from_many_threads(server: FakeAmi, make_client: ClientFactory) -> None:
    ami = make_client(keepalive=0)
    ami.connect()
    answers: list[str] = []
    errors: list[Exception] = []

    def work() -> None:
        try:
            for _ in range(5):
                answers.append(ami.action("Ping")["ActionID"])
        except AmiError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert errors == []
    assert len(answers) == 40
    assert len(set(answers)) == 40


def test_originate(server: FakeAmi, make_client: ClientFactory) -> None:
    ami = make_client()
    outcomes: list[dict[str, str]] = []
    ami.add_event_handler(
        lambda f: outcomes.append(f) if f["Event"] == "OriginateResponse" else None
    )
    ami.connect()
    answer = ami.originate(
        "Local/1022@callbot-entry",
        application="AGI",
        data="agi://127.0.0.1:4573/robot",
        caller_id='"Robot" <100>',
        variables={"ROBOT_SCRIPT": "menu-2", "ROBOT_ID": "7"},
    )
    assert answer["Message"] == "Originate successfully queued"
    sent = server.actions[-1]
    assert sent["Action"] == ["Originate"]
    assert sent["Channel"] == ["Local/1022@callbot-entry"]
    assert sent["Application"] == ["AGI"]
    assert sent["Data"] == ["agi://127.0.0.1:4573/robot"]
    assert sent["Async"] == ["true"]
    assert sent["Timeout"] == ["30000"]
    assert sent["CallerID"] == ['"Robot" <100>']
    assert sent["Variable"] == ["ROBOT_SCRIPT=menu-2", "ROBOT_ID=7"]
    assert wait_for(lambda: len(outcomes) == 1, 2)
    assert outcomes[0]["ActionID"] == answer["ActionID"]
    assert outcomes[0]["Response"] == "Success"

    with pytest.raises(AmiError, match="not both"):
        ami.originate("PJSIP/op1", application="Playback", context="x", exten="1")


def test_crlf_in_fields_is_refused(server: FakeAmi, make_client: ClientFactory) -> None:
    ami = make_client()
    ami.connect()
    with pytest.raises(AmiError, match="CR or LF"):
        ami.action("Ping", Note="hello\r\nAction: Originate\r\nChannel: PJSIP/op1")
    with pytest.raises(AmiError, match="CR or LF"):
        ami.originate("Local/1022@callbot-entry", application="AGI", caller_id="x\ry")
    with pytest.raises(AmiError, match="CR or LF"):
        ami.originate("Local/1022@callbot-entry", context="c", exten="1", variables={"A": "1\nB=2"})
    ami.action("Ping")  # the connection is intact and nothing was injected
    assert "Originate" not in server.action_names()
    assert all("Note" not in a for a in server.actions)


# -- staying connected --------------------------------------------------------------------------


def test_listener_survives_silence_longer_than_timeouts(
    server: FakeAmi, make_client: ClientFactory
) -> None:
    # Connect and action timeouts are 0.3 s and there is no keepalive traffic: with the
    # library's own socket handling the listener would die in recv after 0.3 s of quiet.
    ami = make_client(action_timeout=0.3, keepalive=0)
    got = threading.Event()
    ami.add_event_handler(lambda fields: got.set())
    ami.connect()
    time.sleep(1.2)  # four times the timeout, not a byte on the line
    assert ami.connected
    assert ami.generation == 1  # the same session: no timeout, no reconnect
    server.push({"Event": "QueueCallerJoin", "Queue": QUEUE, "Uniqueid": "1.1", "Position": "1"})
    assert got.wait(1)
    assert ami.action("Ping")["Ping"] == "Pong"
    assert server.logins == 1
    assert ami.generation == 1


def test_keepalive_detects_a_dead_peer(server: FakeAmi, make_client: ClientFactory) -> None:
    ami = make_client(action_timeout=0.3, keepalive=0.2, reconnect_max_delay=0.3)
    ami.connect()
    server.mute()  # TCP stays up but nothing answers: only the keepalive can tell
    assert wait_for(lambda: server.logins == 2, 4)
    assert ami.wait_connected(2)
    assert ami.generation == 2
    assert ami.action("Ping")["Ping"] == "Pong"


def test_reconnect_logs_in_again_and_monitor_resyncs(
    server: FakeAmi, make_client: ClientFactory, monitors: list[QueueMonitor]
) -> None:
    ami = make_client()
    sessions: list[int] = []
    ami.add_connected_handler(lambda: sessions.append(ami.generation))
    monitor = QueueMonitor(ami, QUEUE, max_waiting=0)
    monitors.append(monitor)
    assert monitor.decision() is None

    ami.start()
    assert monitor.wait_synced(3)
    assert monitor.decision() == RouteDecision(False, "member_free", 1, 0, 1)

    # While the link is down op1 takes a call, op2 logs in paused and a caller starts waiting;
    # none of it reaches us as events.
    server.set_member("PJSIP/op1", status=2)
    server.set_member("PJSIP/op2", status=1, paused=1)
    server.callers.append("1764280300.9")
    server.drop()

    assert wait_for(lambda: len(sessions) == 2, 3)
    assert monitor.wait_synced(3)
    assert sessions == [1, 2]
    assert server.logins == 2
    assert monitor.decision() == RouteDecision(True, "no_free_member", 0, 1, 2)
    snapshot = monitor.snapshot()
    assert [(m["interface"], m["status"], m["paused"]) for m in snapshot["members"]] == [
        ("PJSIP/op1", 2, False),
        ("PJSIP/op2", 1, True),
    ]
    assert [c["uniqueid"] for c in snapshot["callers"]] == ["1764280300.9"]
    assert snapshot["monitor_synced"] is True


def test_fully_booted_triggers_a_resync(
    server: FakeAmi, make_client: ClientFactory, monitors: list[QueueMonitor]
) -> None:
    ami = make_client()
    ami.connect()
    monitor = QueueMonitor(ami, QUEUE, max_waiting=0)
    monitors.append(monitor)
    assert monitor.wait_synced(3)
    assert monitor.decision() == RouteDecision(False, "member_free", 1, 0, 1)

    server.set_member("PJSIP/op1", status=5)  # unavailable, no event
    server.push(
        {
            "Event": "FullyBooted",
            "Privilege": "system,all",
            "Uptime": "3",
            "LastReload": "3",
            "Status": "Fully Booted",
        }
    )
    expected = RouteDecision(True, "no_free_member", 0, 0, 1)
    assert wait_for(lambda: monitor.decision() == expected, 3)
    assert server.action_names().count("QueueStatus") == 2


def test_monitor_has_no_decision_until_synced(
    server: FakeAmi, make_client: ClientFactory, monitors: list[QueueMonitor]
) -> None:
    never_connected = make_client()
    idle = QueueMonitor(never_connected, QUEUE, max_waiting=0)
    monitors.append(idle)
    assert idle.decision() is None
    assert not idle.synced
    assert not idle.wait_synced(0.05)
    assert idle.snapshot()["monitor_synced"] is False

    server.unanswered.add("QueueStatus")  # connected, but the resync never completes
    ami = make_client(action_timeout=0.3)
    ami.connect()
    stuck = QueueMonitor(ami, QUEUE, max_waiting=0)
    monitors.append(stuck)
    assert wait_for(lambda: "QueueStatus" in server.action_names(), 2)
    assert not stuck.wait_synced(0.5)
    assert stuck.decision() is None
    with pytest.raises(AmiError, match="QueueStatus got no answer"):
        stuck.resync()
