"""SIP on the sandbox: SIPp as a caller and as an operator, real SIP and RTP on loopback.

The scenarios live in dialplan/sipp/ and docs/sip.md shows the command lines built here (a test
checks that). Each SIPp is a child process with its own port, one call (-m 1), its own
-timeout and a subprocess timeout, and it is killed in a finally.
"""

from __future__ import annotations

import contextlib
import csv
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from callbot.config import Config
from callbot.lab.simulate import SimCall, Simulator
from callbot.pbx.ami import AmiClient
from callbot.speech.audio import speech_seconds, wav_duration
from callbot.tickets.repository import TicketRecord, TicketRepository
from tests.integration.conftest import PROJECT, EventLog, ServeProcess

pytestmark = pytest.mark.asterisk

SIPP_DIR = PROJECT / "dialplan" / "sipp"
HOST = "127.0.0.1"
OP1 = "PJSIP/op1"
NOT_INUSE, UNAVAILABLE = "1", "5"  # QueueMemberStatus.Status: device states


# -- the command lines docs/sip.md shows ----------------------------------------------------


def _sipp(scenario: Path, options: list[str], port: int, sip_port: int, seconds: int) -> list[str]:
    """One call (-m 1) from 127.0.0.1:port to the sandbox, over after `seconds` at most."""
    name = scenario.stem
    return [
        *("sipp", "-sf", str(scenario), *options),
        *("-i", HOST, "-p", str(port), "-m", "1", "-timeout", f"{seconds}s", "-timeout_error"),
        *("-nostdin", "-trace_err", "-trace_stat", "-stf", f"{name}.csv", f"{HOST}:{sip_port}"),
    ]


def answers_command(sipp_dir: Path, out: str, audio: list[str]) -> list[str]:
    return ["python3", str(sipp_dir / "answers_pcap.py"), out, *audio]


def caller_command(
    sipp_dir: Path, sip_port: int, port: int, media_port: int, answers: str, stay_ms: int
) -> list[str]:
    options = ["-s", "1022", "-key", "caller", "caller1", "-au", "caller1", "-ap", "caller1-secret"]
    options += ["-key", "answers", answers, "-d", str(stay_ms), "-mp", str(media_port)]
    return _sipp(sipp_dir / "caller.xml", options, port, sip_port, 90)


def register_command(
    sipp_dir: Path, sip_port: int, port: int, contact_port: int, expires: int
) -> list[str]:
    options = ["-s", "op1", "-au", "op1", "-ap", "op1-secret"]
    options += ["-key", "contact_port", str(contact_port), "-key", "expires", str(expires)]
    return _sipp(sipp_dir / "register.xml", options, port, sip_port, 10)


def operator_command(sipp_dir: Path, sip_port: int, port: int, media_port: int) -> list[str]:
    options = ["-d", "3000", "-mp", str(media_port)]
    return _sipp(sipp_dir / "operator.xml", options, port, sip_port, 60)


# -- helpers ----------------------------------------------------------------------------------


def _udp_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port(span: int = 1) -> int:
    """A loopback UDP port, free with the `span - 1` ports above it (SIPp's media takes the
    -mp port and -mp + 2 for video). The kernel's ephemeral ports are never 5060 or 15060."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind((HOST, 0))
            port = int(sock.getsockname()[1])
        if port + span < 65536 and all(_udp_free(port + i) for i in range(span)):
            return port
    raise RuntimeError("no free UDP port on loopback")


def run_sipp(cmd: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run SIPp to the end; its screen, stats and error log stay in `cwd` for a failure."""
    try:
        return subprocess.run(
            cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:  # run() has killed it
        pytest.fail(f"SIPp did not finish in {timeout} s: {' '.join(cmd)}\n{_logs(cwd)}")


@contextlib.contextmanager
def sipp_process(cmd: list[str], cwd: Path) -> Iterator[subprocess.Popen[str]]:
    """SIPp in the background, killed when the block ends."""
    with (cwd / "operator.out").open("w") as out:
        process = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, text=True)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def _logs(cwd: Path) -> str:
    return "\n".join(
        f"--- {path.name}\n{path.read_text(errors='replace')[-2000:]}"
        for path in sorted(cwd.glob("*_errors.log"))
    )


def sipp_stats(cwd: Path, name: str) -> dict[str, str]:
    """The last line of SIPp's statistics file (-trace_stat -stf name.csv)."""
    with (cwd / f"{name}.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return rows[-1]


def pcap_ssrc(path: Path) -> str:
    """The RTP SSRC of a pcap's first packet (24-byte file header, 16-byte record header,
    Ethernet 14, IPv4 20, UDP 8, then RTP with the SSRC at byte 8)."""
    data = path.read_bytes()
    offset = 24 + 16 + 14 + 20 + 8 + 8
    return f"0x{data[offset : offset + 4].hex()}"


def member_status(ami: AmiClient, config: Config, interface: str) -> str:
    events = ami.collect("QueueStatus", "QueueStatusComplete", Queue=config.queue.name)
    for event in events:
        if event.get("Event") == "QueueMember" and event.get("StateInterface") == interface:
            return event["Status"]
    raise AssertionError(f"{interface} is not a member of {config.queue.name}")


def wait_member_status(
    ami: AmiClient, config: Config, interface: str, status: str, timeout: float = 10.0
) -> str:
    deadline = time.monotonic() + timeout
    seen = member_status(ami, config, interface)
    while seen != status and time.monotonic() < deadline:
        time.sleep(0.2)
        seen = member_status(ami, config, interface)
    return seen


def wait_ticket(tickets: TicketRepository, linkedid: str, timeout: float = 15.0) -> TicketRecord:
    deadline = time.monotonic() + timeout
    ticket = tickets.by_linkedid(linkedid)
    while (ticket is None or ticket.status == "in_call") and time.monotonic() < deadline:
        time.sleep(0.2)
        ticket = tickets.by_linkedid(linkedid)
    assert ticket is not None, f"no ticket for {linkedid}"
    return ticket


# -- the tests --------------------------------------------------------------------------------


def test_docs_show_the_commands_the_tests_run() -> None:
    """docs/sip.md shows these command lines, with the `make run` sandbox's port 5060."""
    text = (PROJECT / "docs" / "sip.md").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", text.replace("\\\n", " "))
    local = Path("dialplan/sipp")
    for cmd in (
        answers_command(local, "/tmp/answers.pcap", ["name.wav", "address.wav", "need.wav"]),
        caller_command(local, 5060, 5062, 6000, "/tmp/answers.pcap", 60000),
        operator_command(local, 5060, 5070, 6010),
        register_command(local, 5060, 5071, 5070, 3600),
        register_command(local, 5060, 5071, 5070, 0),
    ):
        assert " ".join(cmd) in text, " ".join(cmd)


def test_sipp_caller_presses_2_and_the_callbot_takes_the_call(
    config: Config,
    ami: AmiClient,
    server: ServeProcess,
    tickets: TicketRepository,
    events: EventLog,
    answers: tuple[Path, ...],
    tmp_path: Path,
) -> None:
    """caller1 over SIP with digest auth, RFC 2833 "2", spoken answers over RTP: a ticket."""
    server.start()  # another test may have stopped it
    members = ami.collect("QueueStatus", "QueueStatusComplete", Queue=config.queue.name)
    free = [m for m in members if m.get("Event") == "QueueMember" and m["Status"] == NOT_INUSE]
    assert not free, "this test needs every operator busy"

    pcap = tmp_path / "answers.pcap"
    subprocess.run(
        answers_command(SIPP_DIR, str(pcap), [str(a) for a in answers]),
        check=True,
        capture_output=True,
        timeout=30,
        executable=sys.executable,
    )
    started = time.monotonic()
    cmd = caller_command(
        SIPP_DIR, config.sandbox.sip_port, free_port(), free_port(4), str(pcap), 60000
    )
    result = run_sipp(cmd, tmp_path, timeout=100)
    seconds = time.monotonic() - started

    # SIP: one call, completed (the callbot hung up after reading the ticket number).
    stats = sipp_stats(tmp_path, "caller")
    assert result.returncode == 0, f"SIPp exit {result.returncode}\n{_logs(tmp_path)}"
    assert (stats["SuccessfulCall(C)"], stats["FailedCall(C)"]) == ("1", "0"), stats
    channels = [
        e
        for e in events.matching("Newchannel", Exten="1022")
        if e["Channel"].startswith("PJSIP/caller1-")
    ]
    assert len(channels) == 1, channels
    channel, linkedid = channels[0]["Channel"], channels[0]["Linkedid"]
    # DTMF: the "2" arrived as RFC 2833 events on that channel.
    assert events.matching("DTMFEnd", Channel=channel, Digit="2", Direction="Received")
    # RTP both ways: Asterisk's RTCP reports count the packets it sent, and the packets it
    # received from the caller's stream (the SSRC of our capture), with none lost.
    reports = events.matching("RTCPSent", Channel=channel, Report0SourceSSRC=pcap_ssrc(pcap))
    assert reports, "Asterisk never reported receiving the caller's RTP"
    assert int(reports[-1]["SentPackets"]) > 100
    assert int(reports[-1]["Report0HighestSequence"]) > 200  # over 4 s of 20 ms packets
    assert reports[-1]["Report0CumulativeLost"] == "0"

    # The ticket: complete, with the three answers as the callbot recorded them.
    ticket = wait_ticket(tickets, linkedid)
    assert (ticket.outcome, ticket.end_reason) == ("complete", "completed"), ticket.to_dict()
    assert ticket.caller_number == "0900000001"  # the endpoint's callerid, dialable back
    assert [a.step for a in ticket.answers] == ["name", "address", "need"]
    for stored, spoken in zip(ticket.answers, answers, strict=True):
        path = config.storage.recordings_dir / stored.audio_path
        said, heard = speech_seconds(spoken), speech_seconds(path)
        assert heard >= 0.7 * said, (stored.step, heard, said)
        assert wav_duration(path) <= wav_duration(spoken) + config.dialog.silence_seconds + 2.0
    assert seconds < 60, seconds


def test_sipp_operator_registered_as_op1_takes_a_queue_call(
    config: Config,
    ami: AmiClient,
    simulator: Simulator,
    tickets: TicketRepository,
    events: EventLog,
    tmp_path: Path,
) -> None:
    """op1 registers from SIPp: it becomes a free queue member and its phone takes the call."""
    sip_port = config.sandbox.sip_port
    assert member_status(ami, config, OP1) == UNAVAILABLE, "op1 registered before the test"
    contact_port = free_port()
    register = register_command(SIPP_DIR, sip_port, free_port(), contact_port, 60)
    unregister = register_command(SIPP_DIR, sip_port, free_port(), contact_port, 0)
    operator = operator_command(SIPP_DIR, sip_port, contact_port, free_port(4))
    try:
        with sipp_process(operator, tmp_path) as phone:
            registered = run_sipp(register, tmp_path, timeout=20)
            assert registered.returncode == 0, f"REGISTER failed\n{_logs(tmp_path)}"
            assert events.wait_for("QueueMemberStatus", Interface=OP1, Status=NOT_INUSE), (
                "op1 did not become available"
            )

            (result,) = simulator.run([SimCall(expect="queue", max_seconds=20)])
            linkedid = result.report.linkedid
            assert linkedid
            assert events.wait_for("AgentConnect", Interface=OP1, Linkedid=linkedid), (
                "op1 never answered the caller"
            )
            assert result.report.ended_by == "callbot", result.as_dict()  # op1 hung up
            assert tickets.by_linkedid(linkedid) is None
            assert phone.wait(15) == 0, f"operator SIPp failed\n{_logs(tmp_path)}"
            stats = sipp_stats(tmp_path, "operator")
            assert (stats["SuccessfulCall(C)"], stats["FailedCall(C)"]) == ("1", "0"), stats
    finally:
        run_sipp(unregister, tmp_path, timeout=20)
    # op1 is unavailable again, as the other tests expect.
    assert wait_member_status(ami, config, OP1, UNAVAILABLE) == UNAVAILABLE
