"""The AMI wire format, no sockets: action text out; bytes in, the banner and messages out."""

from __future__ import annotations

import pytest

from callbot.errors import AmiError
from callbot.pbx.ami_protocol import (
    NO_BANNER,
    AmiReader,
    Banner,
    Message,
    format_action,
    message_kind,
    originate_fields,
    parse_message,
)

BANNER = b"Asterisk Call Manager/9.0.0\r\n"
PONG = b"Response: Success\r\nActionID: callbot-1\r\nPing: Pong\r\n\r\n"
JOIN = (
    b"Event: QueueCallerJoin\r\nPrivilege: agent,all\r\nQueue: hotline-1022\r\n"
    b"Position: 1\r\nCallerIDName: Nguy\xe1\xbb\x85n V\xc4\x83n A\r\n\r\n"
)
STREAM = BANNER + PONG + JOIN
EXPECTED = [
    Banner("9.0.0"),
    Message({"Response": "Success", "ActionID": "callbot-1", "Ping": "Pong"}),
    Message(
        {
            "Event": "QueueCallerJoin",
            "Privilege": "agent,all",
            "Queue": "hotline-1022",
            "Position": "1",
            "CallerIDName": "Nguyễn Văn A",
        }
    ),
]


def feed_all(chunks: list[bytes]) -> list[Banner | Message]:
    reader = AmiReader()
    out: list[Banner | Message] = []
    for chunk in chunks:
        out += reader.feed(chunk)
    return out


# -- actions out and messages parsed ------------------------------------------------------------


def test_format_action_wire_text() -> None:
    text = format_action("Originate", {"Channel": "Local/1022@callbot-entry"}, {"A": "1"})
    assert text == (
        "Action: Originate\r\nChannel: Local/1022@callbot-entry\r\nVariable: A=1\r\n\r\n"
    )


@pytest.mark.parametrize(
    ("fields", "variables"),
    [
        ({"Channel": "PJSIP/op1\r\nAction: Originate"}, None),
        ({"Channel": "PJSIP/op1\n"}, None),
        ({"Channel": "PJSIP/op1\r"}, None),
        ({"Bad\nKey": "x"}, None),
        ({}, {"A": "1\r\nAction: Command"}),
        ({}, {"A=B": "1"}),
    ],
)
def test_format_action_refuses_header_injection(
    fields: dict[str, str], variables: dict[str, str] | None
) -> None:
    with pytest.raises(AmiError, match=r"not valid|CR or LF"):
        format_action("Originate", fields, variables)


def test_parse_message_wire_cases() -> None:
    response = parse_message(
        "Response: Error\r\nActionID: callbot-3\r\nMessage: Authentication failed"
    )
    assert response == {
        "Response": "Error",
        "ActionID": "callbot-3",
        "Message": "Authentication failed",
    }
    assert message_kind(response) == "response"

    event = parse_message(
        "Event: OriginateResponse\r\nResponse: Success\r\nChanVariable: A=1\r\n"
        "ChanVariable: B=2\r\nPausedReason: \r\nMessage: a: b"
    )
    assert message_kind(event) == "event"  # despite its Response field
    assert event["ChanVariable"] == "A=1\nB=2"
    assert event["PausedReason"] == ""
    assert event["Message"] == "a: b"

    command = parse_message(
        "Response: Follows\r\nPrivilege: Command\r\nline one\r\n--END COMMAND--"
    )
    assert command["Output"] == "line one\n--END COMMAND--"
    assert message_kind({"Foo": "bar"}) == ""


def test_originate_fields_to_an_application_or_a_dialplan_place() -> None:
    assert originate_fields("PJSIP/op1", application="Playback", data="beep") == {
        "Channel": "PJSIP/op1",
        "Timeout": "30000",
        "Async": "true",
        "Application": "Playback",
        "Data": "beep",
    }
    fields = originate_fields(
        "PJSIP/op1",
        context="callbot-callback-dial",
        exten="0909123456",
        caller_id="1022",
        timeout_ms=20000,
        async_=False,
        action_id="callbot-9",
    )
    assert fields == {
        "Channel": "PJSIP/op1",
        "Timeout": "20000",
        "Async": "false",
        "ActionID": "callbot-9",
        "Context": "callbot-callback-dial",
        "Exten": "0909123456",
        "Priority": "1",
        "CallerID": "1022",
    }
    with pytest.raises(AmiError, match="not both"):
        originate_fields("PJSIP/op1", application="Playback", context="x", exten="1")
    with pytest.raises(AmiError, match="needs application="):
        originate_fields("PJSIP/op1", context="x")


# -- the reader: bytes in, banner and messages out ----------------------------------------------


def test_reader_one_chunk_holding_the_banner_and_several_messages() -> None:
    assert feed_all([STREAM]) == EXPECTED


def test_reader_byte_by_byte() -> None:
    assert feed_all([STREAM[i : i + 1] for i in range(len(STREAM))]) == EXPECTED


@pytest.mark.parametrize("cut", range(1, len(STREAM)))
def test_reader_any_cut_between_two_reads(cut: int) -> None:
    # Cuts inside the banner, inside a CRLF, inside the blank line, inside a UTF-8 letter.
    assert feed_all([STREAM[:cut], STREAM[cut:]]) == EXPECTED


def test_reader_returns_a_message_only_once_its_blank_line_arrived() -> None:
    reader = AmiReader()
    assert reader.feed(b"Asterisk Call Manag") == []
    assert not reader.greeted
    assert reader.feed(b"er/9.0.0\r\nResponse: Success\r\n") == [Banner("9.0.0")]
    assert reader.greeted
    assert reader.feed(b"Ping: Pong\r\n") == []
    assert reader.feed(b"\r") == []
    assert reader.feed(b"\n") == [Message({"Response": "Success", "Ping": "Pong"})]


def test_reader_lf_only_and_mixed_line_ends() -> None:
    stream = (
        b"Asterisk Call Manager/2.10.6\n"
        b"Event: FullyBooted\nStatus: Fully Booted\n\n"
        b"Event: Reload\r\n\n"
        b"Event: Shutdown\n\r\n"
    )
    assert feed_all([stream]) == [
        Banner("2.10.6"),
        Message({"Event": "FullyBooted", "Status": "Fully Booted"}),
        Message({"Event": "Reload"}),
        Message({"Event": "Shutdown"}),
    ]


def test_reader_skips_blank_lines_between_messages() -> None:
    stream = BANNER + b"\r\n\r\n" + PONG + b"\r\n\r\n\r\n" + JOIN
    assert feed_all([stream]) == EXPECTED


def test_reader_repeated_keys_and_command_output() -> None:
    stream = BANNER + (
        b"Response: Follows\r\nPrivilege: Command\r\nOutput: line one\r\nOutput: line two\r\n\r\n"
    )
    assert feed_all([stream])[1] == Message(
        {"Response": "Follows", "Privilege": "Command", "Output": "line one\nline two"}
    )


def test_reader_replaces_undecodable_bytes() -> None:
    stream = BANNER + b"Event: UserEvent\r\nData: caf\xe9 \xff\xfe ok\r\n\r\n"
    assert feed_all([stream])[1] == Message(
        {"Event": "UserEvent", "Data": "caf\ufffd \ufffd\ufffd ok"}
    )


def test_reader_banner_version_and_case() -> None:
    assert feed_all([b"asterisk call manager/11.2\r\n"]) == [Banner("11.2")]
    assert feed_all([b"Asterisk Call Manager/9.0.0 (extra)\r\n"]) == [Banner("9.0.0")]


@pytest.mark.parametrize(
    "first",
    [
        b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n",
        b"HTTP/1.1 400 Bad Request\r\n",
        b"Response: Success\r\n",
        b"Asterisk Call Manager\r\n",  # no version
        b"\r\n",
        b"\x00" * 1025,  # a KiB without a line break: whatever this is, it is not AMI
    ],
)
def test_reader_refuses_what_is_not_a_banner(first: bytes) -> None:
    with pytest.raises(AmiError) as caught:
        AmiReader().feed(first)
    assert (
        str(caught.value)
        == NO_BANNER
        == ("no 'Asterisk Call Manager' banner (is this an AMI port?)")
    )


def test_reader_keeps_waiting_for_a_short_first_line() -> None:
    reader = AmiReader()
    assert reader.feed(b"A" * 1024) == []  # not refused yet: the line may still be a banner
