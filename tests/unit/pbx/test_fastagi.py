"""FastAGI server and AgiChannel over real TCP, against a fake Asterisk written here."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

from callbot.errors import AgiError, AgiHangup, AgiInjectionError, AgiProtocolError, SetupError
from callbot.pbx.agi import AgiChannel, RecordResult
from callbot.pbx.call_log import CallContextFilter, install_call_logging
from callbot.pbx.fastagi import FastAgiServer

Route = Callable[[AgiChannel], None]
HOSTILE = 'Nguyễn "Bảy" \\ C:\\tmp\\ ; ${SHELL(rm -rf /)} )('
HOSTILE_ON_THE_WIRE = '"Nguyễn \\"Bảy\\" \\\\ C:\\\\tmp\\\\ ; ${SHELL(rm -rf /)} )("'


class FakeAsterisk:
    """Asterisk's end of one FastAGI connection: sends the environment, then the test reads
    each command line and writes the replies Asterisk would."""

    def __init__(
        self,
        address: tuple[str, int],
        script: str = "callbot",
        uniqueid: str = "1627800000.1",
        extra: Mapping[str, str] | None = None,
    ) -> None:
        self.sock = socket.create_connection(address, timeout=5)
        self.reader = self.sock.makefile("rb")
        env = {
            "agi_network": "yes",
            "agi_network_script": script,
            "agi_request": f"agi://127.0.0.1/{script}",
            "agi_uniqueid": uniqueid,
            "agi_callerid": "0909123456",
            "agi_calleridname": 'Nguyễn "Bảy"',
            **(extra or {}),
        }
        block = "".join(f"{key}: {value}\n" for key, value in env.items()) + "\n"
        self.sock.sendall(block.encode("utf-8"))

    def command(self) -> str:
        """The next command line exactly as sent, newline included."""
        return self.reader.readline().decode("utf-8")

    def reply(self, *lines: str) -> None:
        self.sock.sendall("".join(line + "\n" for line in lines).encode("utf-8"))

    def expect(self, command: str, *replies: str) -> None:
        assert self.command() == command + "\n"
        self.reply(*replies)

    def rest(self) -> bytes:
        """All the server sends until it closes the connection."""
        return self.reader.read()

    def close(self) -> None:
        self.reader.close()
        self.sock.close()

    def __enter__(self) -> FakeAsterisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.fixture
def serve() -> Iterator[Callable[..., FastAgiServer]]:
    servers: list[FastAgiServer] = []

    def start(routes: Mapping[str, Route], max_calls: int = 200) -> FastAgiServer:
        server = FastAgiServer("127.0.0.1", 0, routes, max_calls=max_calls)
        server.start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop(timeout=2)


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="callbot")
    return caplog


def errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


# --- dispatch ---------------------------------------------------------------------------------


@pytest.mark.parametrize("script", ["callbot", "/callbot?x=1", "callbot?lang=vi&x=2"])
def test_dispatch_by_script_name(serve: Callable[..., FastAgiServer], script: str) -> None:
    seen: dict[str, Any] = {}

    def callbot(channel: AgiChannel) -> None:
        seen.update(
            script=channel.script,
            uniqueid=channel.uniqueid,
            args=channel.args,
            number=channel.caller_number,
            name=channel.caller_name,
            hung_up=channel.hung_up,
        )

    def other(channel: AgiChannel) -> None:
        raise AssertionError("wrong route")

    server = serve({"callbot": callbot, "other": other})
    extra = {"agi_arg_1": "vi", "agi_arg_2": "a, b", "agi_arg_4": "not contiguous"}
    with FakeAsterisk(server.address, script=script, extra=extra) as fake:
        assert fake.rest() == b""  # the route returned: closed without a word
    assert seen == {
        "script": "callbot",
        "uniqueid": "1627800000.1",
        "args": ["vi", "a, b"],
        "number": "0909123456",
        "name": 'Nguyễn "Bảy"',
        "hung_up": False,
    }


def test_address_is_the_bound_port(serve: Callable[..., FastAgiServer]) -> None:
    host, port = serve({}).address
    assert host == "127.0.0.1"
    assert port > 0


def test_a_port_taken_fails_at_once_and_calls_are_refused_until_start() -> None:
    """Bound in the constructor (a port taken is a SetupError then), but refusing
    connections until :meth:`start`: Asterisk sends the caller on at once instead of
    leaving the call in the accept backlog while the server gets ready."""
    server = FastAgiServer("127.0.0.1", 0, {"callbot": lambda channel: None})
    twin = FastAgiServer("127.0.0.1", server.address[1], {})  # bound too: nobody listens yet
    try:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(server.address, timeout=2).close()
        server.start()
        with FakeAsterisk(server.address, script="callbot") as fake:
            assert fake.rest() == b""  # served: the route returned
        with pytest.raises(SetupError, match="another callbot running"):
            twin.start()  # the second to listen
        with pytest.raises(SetupError, match="another callbot running"):
            FastAgiServer("127.0.0.1", server.address[1], {})  # a port listened on: at once
    finally:
        server.stop(timeout=2)
        twin.stop(timeout=2)


def test_unknown_script_gets_failure_and_is_closed(
    serve: Callable[..., FastAgiServer], logs: pytest.LogCaptureFixture
) -> None:
    server = serve({"callbot": lambda channel: None})
    with FakeAsterisk(server.address, script="nope?num=0909123456") as fake:
        assert fake.rest() == b"FAILURE\n"  # res_agi: AGISTATUS=FAILURE, the dialplan falls back
    warnings = [r for r in logs.records if r.levelno == logging.WARNING]
    assert ["unknown FastAGI script 'nope'" in r.getMessage() for r in warnings] == [True]
    assert "0909123456" not in "".join(r.getMessage() for r in warnings)


# --- commands on the wire ---------------------------------------------------------------------


def test_commands_and_quoting_on_the_wire(serve: Callable[..., FastAgiServer]) -> None:
    seen: dict[str, Any] = {}

    def callbot(channel: AgiChannel) -> None:
        channel.answer()
        seen["digit"] = channel.stream_file('/prompts/vi/"greeting" \\1', "12#")
        seen["none"] = channel.stream_file("/prompts/vi/bye")
        seen["name"] = channel.record_file("/rec/1627800000.1-name", silence_s=3, beep=True)
        seen["short"] = channel.record_file("/rec/x", max_ms=5000)
        seen["quiet"] = channel.record_file("/rec/y", fmt="gsm", escape_digits="*#", silence_s=2)
        channel.set_variable("CALLBOT_NAME", HOSTILE)
        seen["value"] = channel.get_variable("CALLBOT_NAME")
        seen["unset"] = channel.get_variable("CALLBOT_UNSET")
        seen["parens"] = channel.get_variable("CALLERID(name)")
        seen["wait"] = channel.wait_for_digit(3000)
        seen["exec"] = channel.exec_app("Playback", "beep", "noanswer")
        channel.verbose(f"ticket for {HOSTILE}")
        channel.hangup()
        seen["hung_up"] = channel.hung_up
        channel.hangup()  # already gone: nothing sent

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect("ANSWER", "200 result=0")
        fake.expect(
            'STREAM FILE "/prompts/vi/\\"greeting\\" \\\\1" "12#"', "200 result=50 endpos=1234"
        )
        fake.expect('STREAM FILE "/prompts/vi/bye" ""', "200 result=0 endpos=16000")
        fake.expect(
            'RECORD FILE "/rec/1627800000.1-name" "wav" "#" 30000 0 BEEP s=3',
            "200 result=35 (dtmf) endpos=8000",
        )
        fake.expect('RECORD FILE "/rec/x" "wav" "#" 5000', "200 result=12 (timeout) endpos=40000")
        fake.expect(
            'RECORD FILE "/rec/y" "gsm" "*#" 30000 0 s=2', "200 result=0 (timeout) endpos=24000"
        )
        fake.expect(f'SET VARIABLE "CALLBOT_NAME" {HOSTILE_ON_THE_WIRE}', "200 result=1")
        fake.expect('GET VARIABLE "CALLBOT_NAME"', f"200 result=1 ({HOSTILE})")
        fake.expect('GET VARIABLE "CALLBOT_UNSET"', "200 result=0")
        fake.expect('GET VARIABLE "CALLERID(name)"', "200 result=1 (Bảy (Seven) x=1)")
        fake.expect("WAIT FOR DIGIT 3000", "200 result=0")
        fake.expect('EXEC "Playback" "beep,noanswer"', "200 result=0")
        fake.expect(f'VERBOSE "ticket for {HOSTILE_ON_THE_WIRE[1:]} 1', "200 result=1")
        fake.expect("HANGUP", "200 result=1")
        assert fake.rest() == b""  # nothing else: every command was exactly one line
    assert seen == {
        "digit": "2",
        "none": "",
        "name": RecordResult(digit="#", endpos=8000, reason="dtmf"),
        "short": RecordResult(digit="", endpos=40000, reason="timeout"),
        "quiet": RecordResult(digit="", endpos=24000, reason="timeout"),
        "value": HOSTILE,
        "unset": "",
        "parens": "Bảy (Seven) x=1",
        "wait": "",
        "exec": "0",
        "hung_up": True,
    }


def test_record_file_failures_as_asterisk_22_reports_them(
    serve: Callable[..., FastAgiServer],
) -> None:
    seen: list[object] = []

    def callbot(channel: AgiChannel) -> None:
        with pytest.raises(AgiError, match="at least 1"):
            channel.record_file("/rec/a", silence_s=0)
        with pytest.raises(AgiError, match="cannot write"):
            channel.record_file("/nodir/x")
        with pytest.raises(AgiError, match="randomerror"):
            channel.record_file("/rec/b", beep=True)  # no beep sound installed
        seen.append(channel.record_file("/rec/c", beep=True))  # "#" pressed during the beep
        seen.append(channel.record_file("/rec/d", max_ms=1000))
        seen.append(channel.hung_up)

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect('RECORD FILE "/nodir/x" "wav" "#" 30000', "200 result=-1 (writefile)")
        fake.expect(
            'RECORD FILE "/rec/b" "wav" "#" 30000 0 BEEP', "200 result=-1 (randomerror) endpos=0"
        )
        fake.expect("NOOP", "200 result=0")
        fake.expect(
            'RECORD FILE "/rec/c" "wav" "#" 30000 0 BEEP', "200 result=35 (randomerror) endpos=0"
        )
        fake.expect('RECORD FILE "/rec/d" "wav" "#" 1000', "200 result=-1 (waitfor) endpos=800")
        fake.expect("NOOP", "HANGUP", "200 result=0")
        assert fake.rest() == b""
    assert seen == [
        RecordResult(digit="#", endpos=0, reason="dtmf"),
        RecordResult(digit="", endpos=800, reason="hangup"),
        True,
    ]


def test_a_line_break_in_a_value_is_refused_before_anything_is_sent(
    serve: Callable[..., FastAgiServer],
) -> None:
    refused: list[str] = []

    def callbot(channel: AgiChannel) -> None:
        for name, value in (("CALLBOT_NAME", "Bảy\nHANGUP"), ("X\r", "1"), ("Y", "a\x00b")):
            try:
                channel.set_variable(name, value)
            except AgiInjectionError as exc:
                refused.append(type(exc).__name__)

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        assert fake.rest() == b""
    assert refused == ["AgiInjectionError"] * 3


def test_exec_of_a_missing_application_is_an_error(serve: Callable[..., FastAgiServer]) -> None:
    seen: list[str] = []

    def callbot(channel: AgiChannel) -> None:
        with pytest.raises(AgiError, match="NoSuchApp"):
            channel.exec_app("NoSuchApp")
        seen.append("raised")

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect('EXEC "NoSuchApp"', "200 result=-2")
        assert fake.rest() == b""
    assert seen == ["raised"]


def test_a_520_usage_block_is_drained_and_the_session_stays_in_step(
    serve: Callable[..., FastAgiServer],
) -> None:
    seen: list[str] = []

    def callbot(channel: AgiChannel) -> None:
        with pytest.raises(AgiProtocolError, match="520"):
            channel.get_variable("X")
        seen.append(channel.get_variable("Y"))

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect(
            'GET VARIABLE "X"',
            "520-Invalid command syntax.  Proper usage follows:",
            " Usage: GET VARIABLE <variablename>",
            "520 End of proper usage.",
        )
        fake.expect('GET VARIABLE "Y"', "200 result=1 (in step)")
        assert fake.rest() == b""
    assert seen == ["in step"]


# --- hangups ----------------------------------------------------------------------------------


def test_async_hangup_line_ends_the_handler_cleanly(
    serve: Callable[..., FastAgiServer], logs: pytest.LogCaptureFixture
) -> None:
    seen: list[bool] = []

    def callbot(channel: AgiChannel) -> None:
        channel.answer()
        try:
            channel.stream_file("/prompts/vi/greeting", "#")
        except AgiHangup:
            seen.append(channel.hung_up)
            raise

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect("ANSWER", "200 result=0")
        fake.expect(
            'STREAM FILE "/prompts/vi/greeting" "#"',
            "HANGUP",
            "511 Command Not Permitted on a dead channel or intercept routine",
        )
        assert fake.rest() == b""  # no FAILURE after a hangup
    assert seen == [True]
    assert "call ended by hangup" in logs.text
    assert errors(logs) == []


def test_hangup_line_before_a_reply_is_skipped_and_raised_once(
    serve: Callable[..., FastAgiServer],
) -> None:
    seen: list[str] = []

    def callbot(channel: AgiChannel) -> None:
        with pytest.raises(AgiHangup):
            channel.get_variable("CALLBOT_TICKET")
        # Known now: commands Asterisk runs on a dead channel work again.
        channel.set_variable("CALLBOT_STATUS", "hangup")
        seen.append("done")

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect('GET VARIABLE "CALLBOT_TICKET"', "HANGUP", "200 result=1 (T-1)")
        fake.expect('SET VARIABLE "CALLBOT_STATUS" "hangup"', "200 result=1")
        assert fake.rest() == b""
    assert seen == ["done"]


def test_recording_cut_by_a_hangup_is_returned_not_raised(
    serve: Callable[..., FastAgiServer],
) -> None:
    seen: list[object] = []

    def callbot(channel: AgiChannel) -> None:
        seen.append(channel.record_file("/rec/1627800000.1-need", silence_s=3))
        seen.append(channel.hung_up)
        channel.set_variable("CALLBOT_PARTIAL", "1")  # the HANGUP line that follows is expected

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect(
            'RECORD FILE "/rec/1627800000.1-need" "wav" "#" 30000 0 s=3',
            "200 result=-1 (hangup) endpos=4000",
        )
        fake.expect('SET VARIABLE "CALLBOT_PARTIAL" "1"', "HANGUP", "200 result=1")
        assert fake.rest() == b""
    assert seen == [RecordResult(digit="", endpos=4000, reason="hangup"), True]


def test_minus_one_then_hangup_line_is_a_hangup(serve: Callable[..., FastAgiServer]) -> None:
    seen: list[str] = []

    def callbot(channel: AgiChannel) -> None:
        with pytest.raises(AgiHangup):
            channel.stream_file("/prompts/vi/greeting")
        with pytest.raises(AgiHangup):
            channel.wait_for_digit(5000)  # 511 now
        seen.append("done")

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect('STREAM FILE "/prompts/vi/greeting" ""', "200 result=-1 endpos=800")
        fake.expect("NOOP", "HANGUP", "200 result=0")
        fake.expect("WAIT FOR DIGIT 5000", "511 Command Not Permitted on a dead channel")
        assert fake.rest() == b""
    assert seen == ["done"]


def test_minus_one_on_a_live_channel_is_an_error_and_the_dialplan_gets_failure(
    serve: Callable[..., FastAgiServer], logs: pytest.LogCaptureFixture
) -> None:
    def callbot(channel: AgiChannel) -> None:
        channel.stream_file("/prompts/vi/missing")

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect('STREAM FILE "/prompts/vi/missing" ""', "200 result=-1 endpos=0")
        fake.expect("NOOP", "200 result=0")  # no HANGUP: the file is missing
        assert fake.rest() == b"FAILURE\n"
    [record] = errors(logs)
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], AgiError)
    assert not isinstance(record.exc_info[1], AgiHangup)
    assert "missing" in str(record.exc_info[1])
    assert all(
        "0909123456" not in r.getMessage() for r in logs.records if r.levelno > logging.DEBUG
    )


def test_end_of_stream_mid_call_is_a_hangup(
    serve: Callable[..., FastAgiServer], logs: pytest.LogCaptureFixture
) -> None:
    seen: list[bool] = []

    def callbot(channel: AgiChannel) -> None:
        channel.answer()
        try:
            channel.wait_for_digit(5000)
        except AgiHangup:
            seen.append(channel.hung_up)
            raise

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        fake.expect("ANSWER", "200 result=0")
        assert fake.command() == "WAIT FOR DIGIT 5000\n"
    wait_until(lambda: server.active_calls == 0)
    assert seen == [True]
    wait_until(lambda: "call ended by hangup" in logs.text)
    assert errors(logs) == []


def test_stop_closes_calls_still_running_after_the_timeout(
    serve: Callable[..., FastAgiServer],
) -> None:
    seen: list[str] = []

    def callbot(channel: AgiChannel) -> None:
        try:
            channel.wait_for_digit(-1)
        except AgiHangup:
            seen.append("hangup")
            raise

    server = serve({"callbot": callbot})
    with FakeAsterisk(server.address) as fake:
        assert fake.command() == "WAIT FOR DIGIT -1\n"
        started = time.monotonic()
        server.stop(timeout=0.2)
        assert time.monotonic() - started < 2
        assert fake.rest() == b""
    wait_until(lambda: seen == ["hangup"])
    assert server.active_calls == 0
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(server.address, timeout=1).close()


# --- load -------------------------------------------------------------------------------------


@pytest.mark.parametrize("calls", [10, 50])
def test_concurrent_calls(serve: Callable[..., FastAgiServer], calls: int) -> None:
    all_in = threading.Barrier(calls, timeout=10)

    def callbot(channel: AgiChannel) -> None:
        all_in.wait()  # breaks unless every call is in progress at the same time
        channel.set_variable("CALLBOT_N", channel.args[0])

    server = serve({"callbot": callbot})
    fakes = [
        FakeAsterisk(server.address, uniqueid=f"1627800000.{n}", extra={"agi_arg_1": str(n)})
        for n in range(calls)
    ]
    try:
        for n, fake in enumerate(fakes):
            fake.expect(f'SET VARIABLE "CALLBOT_N" "{n}"', "200 result=1")
        assert [fake.rest() for fake in fakes] == [b""] * calls
    finally:
        for fake in fakes:
            fake.close()
    wait_until(lambda: server.active_calls == 0)


def test_calls_over_max_calls_are_refused(
    serve: Callable[..., FastAgiServer], logs: pytest.LogCaptureFixture
) -> None:
    release = threading.Event()
    entered = threading.Semaphore(0)

    def callbot(channel: AgiChannel) -> None:
        entered.release()
        release.wait(5)

    server = serve({"callbot": callbot}, max_calls=2)
    with FakeAsterisk(server.address) as first, FakeAsterisk(server.address) as second:
        assert entered.acquire(timeout=5)
        assert entered.acquire(timeout=5)
        assert server.active_calls == 2
        with FakeAsterisk(server.address, uniqueid="1627800000.3") as third:
            assert third.rest() == b"FAILURE\n"
        release.set()
        assert first.rest() == b""
        assert second.rest() == b""
    assert "refusing a FastAGI call: 2 calls already running" in logs.text
    wait_until(lambda: server.active_calls == 0)
    with FakeAsterisk(server.address) as fourth:  # room again
        assert entered.acquire(timeout=5)
        assert fourth.rest() == b""


# --- per-call logging -------------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_call_id_is_on_every_record_logged_during_a_call(
    serve: Callable[..., FastAgiServer],
) -> None:
    collect = _Collect()
    install_call_logging(collect)
    install_call_logging(collect)
    assert sum(isinstance(f, CallContextFilter) for f in collect.filters) == 1
    route_log = logging.getLogger("tests.unit.route")
    server_log = logging.getLogger("callbot.pbx.fastagi")
    route_log.addHandler(collect)
    server_log.addHandler(collect)
    old_levels = route_log.level, server_log.level
    route_log.setLevel(logging.INFO)
    server_log.setLevel(logging.INFO)
    try:

        def callbot(channel: AgiChannel) -> None:
            route_log.info("inside the call")

        server = serve({"callbot": callbot})
        with FakeAsterisk(server.address, uniqueid="1627800000.77") as fake:
            assert fake.rest() == b""
        wait_until(lambda: any("call finished" in r.getMessage() for r in collect.records))
        route_log.info("outside any call")
    finally:
        route_log.removeHandler(collect)
        server_log.removeHandler(collect)
        route_log.setLevel(old_levels[0])
        server_log.setLevel(old_levels[1])

    call_ids = {r.getMessage(): r.__dict__["call_id"] for r in collect.records}
    assert call_ids["inside the call"] == "1627800000.77"
    assert call_ids["call started (script callbot)"] == "1627800000.77"
    assert call_ids["outside any call"] == "-"
    inside = next(r for r in collect.records if r.getMessage() == "inside the call")
    formatted = logging.Formatter("%(call_id)s %(message)s").format(inside)
    assert formatted == "1627800000.77 inside the call"


def test_gosub_waits_through_trying_and_variables_read_after_a_hangup(
    serve: Callable[..., FastAgiServer],
) -> None:
    seen: list[str] = []

    def service(channel: AgiChannel) -> None:
        channel.gosub("callbot-callback-dial", "s", "1")
        seen.append(channel.get_variable("DIALSTATUS"))
        with pytest.raises(AgiHangup):  # the operator hangs up during the second one
            channel.gosub("callbot-callback-dial", "s", "1")
        seen.append(channel.get_variable("DIALSTATUS"))  # dead channel: still readable

    server = serve({"service": service})
    with FakeAsterisk(server.address, script="service") as fake:
        gosub = 'GOSUB "callbot-callback-dial" "s" "1"'
        fake.expect(gosub, "100 result=0 Trying...", "200 result=0 Gosub complete")
        fake.expect('GET VARIABLE "DIALSTATUS"', "200 result=1 (BUSY)")
        fake.expect(gosub, "100 result=0 Trying...", "HANGUP", "200 result=0 Gosub complete")
        fake.expect('GET VARIABLE "DIALSTATUS"', "200 result=1 (CANCEL)")
        assert fake.rest() == b""
    assert seen == ["BUSY", "CANCEL"]
