"""The AGI wire format: environment blocks, reply lines, quoting, command lines (no sockets)."""

from __future__ import annotations

import pytest

from callbot.errors import AgiError, AgiHangup, AgiInjectionError, AgiProtocolError
from callbot.pbx.agi_protocol import (
    MAX_COMMAND_BYTES,
    AgiResult,
    build_command,
    is_interim,
    is_usage_end,
    is_usage_start,
    parse_env_block,
    parse_result,
    quote,
    sanitize_for_agi,
)


def asterisk_parse_args(line: str) -> list[str]:
    """Asterisk's ``parse_args`` (res/res_agi.c) ported, same rules: how Asterisk splits a
    command into arguments. Used to check that what we quote comes back unchanged."""
    args: list[str] = []
    quoted = escaped = False
    whitespace = True
    for char in line:
        if char == '"' and not escaped:
            quoted = not quoted
            if quoted and whitespace:  # an opening quote after a space starts an argument
                args.append("")
                whitespace = False
            continue
        if char in " \t" and not quoted and not escaped:
            whitespace = True
            continue
        if char == "\\" and not escaped:
            escaped = True
            continue
        if whitespace:
            args.append("")
            whitespace = False
        args[-1] += char
        escaped = False
    return args


# --- environment block ------------------------------------------------------------------------

ENV_WIRE = [
    b"agi_network: yes\n",
    b"agi_network_script: callbot?lang=vi\n",
    b"agi_request: agi://127.0.0.1:4573/callbot?lang=vi\n",
    b"agi_channel: PJSIP/trunk-00000012\n",
    b"agi_uniqueid: 1627800000.42\n",
    b"agi_callerid: 0909123456\n",
    b"agi_calleridname: Nguy\xe1\xbb\x85n V\xc4\x83n B\xe1\xba\xa3y\n",
    b"agi_rdnis: unknown\n",
    b"agi_accountcode: \n",
    b"agi_arg_1: hotline: 1022\n",
    b"\n",
]


def test_env_block_from_the_wire() -> None:
    env = parse_env_block(ENV_WIRE)
    assert env["agi_network_script"] == "callbot?lang=vi"
    assert env["agi_uniqueid"] == "1627800000.42"
    assert env["agi_calleridname"] == "Nguyễn Văn Bảy"
    assert env["agi_accountcode"] == ""
    assert env["agi_arg_1"] == "hotline: 1022"  # split on the first ": " only
    assert len(env) == 10


def test_env_block_replaces_bytes_that_are_not_utf8() -> None:
    env = parse_env_block([b"agi_calleridname: \xff\xfeBob \xc4\n", b"\n"])
    assert env == {"agi_calleridname": "\ufffd\ufffdBob \ufffd"}


def test_env_block_keeps_values_raw_and_accepts_crlf() -> None:
    env = parse_env_block([b"agi_calleridname:   two  spaces \r\n", b"agi_dnid:\n", b"\r\n"])
    assert env == {"agi_calleridname": "  two  spaces ", "agi_dnid": ""}


def test_env_block_first_value_wins_and_lines_without_colon_are_skipped() -> None:
    # A caller name that smuggled a newline cannot override what Asterisk sent before it.
    env = parse_env_block(
        [
            b"agi_network_script: callbot\n",
            b"agi_calleridname: Eve\n",
            b"no colon here\n",
            b"agi_network_script: admin\n",
            b"\n",
        ]
    )
    assert env == {"agi_network_script": "callbot", "agi_calleridname": "Eve"}


def test_env_block_stops_at_the_blank_line() -> None:
    lines = iter([b"agi_uniqueid: 1.1\n", b"\n", b"200 result=0\n"])
    assert parse_env_block(lines) == {"agi_uniqueid": "1.1"}
    assert next(lines) == b"200 result=0\n"


@pytest.mark.parametrize("lines", [[], [b"agi_network: yes\n"]])
def test_env_block_without_its_blank_line_is_a_protocol_error(lines: list[bytes]) -> None:
    with pytest.raises(AgiProtocolError, match="blank line"):
        parse_env_block(lines)


# --- reply lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("200 result=0\n", AgiResult(200, "0", None, {})),
        ("200 result=1 (some value with spaces)", AgiResult(200, "1", "some value with spaces")),
        ("200 result=1 (a (b) c)", AgiResult(200, "1", "a (b) c")),
        ("200 result=1 ()", AgiResult(200, "1", "")),
        ("200 result=1 (x) endpos=5)", AgiResult(200, "1", "x) endpos=5")),
        ("200 result=35 (dtmf) endpos=8000\n", AgiResult(200, "35", "dtmf", {"endpos": "8000"})),
        ("200 result=-1 (hangup) endpos=4000", AgiResult(200, "-1", "hangup", {"endpos": "4000"})),
        (
            "200 result=4823 (timeout) endpos=24000",
            AgiResult(200, "4823", "timeout", {"endpos": "24000"}),
        ),
        ("200 result=-1 (writefile)", AgiResult(200, "-1", "writefile")),
        (
            "200 result=-1 (randomerror) endpos=0",
            AgiResult(200, "-1", "randomerror", {"endpos": "0"}),
        ),
        ("200 result=0 endpos=12345", AgiResult(200, "0", None, {"endpos": "12345"})),
        ("200 result=-1 endpos=0", AgiResult(200, "-1", None, {"endpos": "0"})),
        ("200 result= (timeout)", AgiResult(200, "", "timeout")),
        ("200 result=-2\r\n", AgiResult(200, "-2")),
        ("200 result=0 Gosub complete\n", AgiResult(200, "0", "Gosub complete")),
        ("200 result=-1 Gosub label not found", AgiResult(200, "-1", "Gosub label not found")),
    ],
)
def test_result_lines(line: str, expected: AgiResult) -> None:
    assert parse_result(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "HANGUP",
        "HANGUP\n",
        "511 Command Not Permitted on a dead channel or intercept routine\n",  # Asterisk 22
        "511 Command Not Permitted on a dead channel",
    ],
)
def test_hangup_and_511_raise_agi_hangup(line: str) -> None:
    with pytest.raises(AgiHangup):
        parse_result(line)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("510 Invalid or unknown command\n", "510"),
        ("520 Invalid command syntax.  Proper usage not available.\n", "520"),
        ("520-Invalid command syntax.  Proper usage follows:\n", "520"),
        ("", "empty"),
        ("\n", "empty"),
        ("hello asterisk", "unexpected"),
        ("200 result", "unexpected"),
        ("200 foo=1", "unexpected"),
        ("200 result=1 (unclosed", "unexpected"),
        ("300 result=0", "300"),
    ],
)
def test_error_lines_raise_protocol_errors(line: str, message: str) -> None:
    with pytest.raises(AgiProtocolError, match=message):
        parse_result(line)


def test_garbage_message_does_not_carry_the_whole_line() -> None:
    with pytest.raises(AgiProtocolError) as caught:
        parse_result("garbage " + "0909123456 " * 10)
    assert str(caught.value).count("0909123456") <= 2


def test_multi_line_520_usage_block_is_recognised() -> None:
    block = [
        "520-Invalid command syntax.  Proper usage follows:",
        " Usage: GET VARIABLE <variablename>",
        "   Returns 0 if <variablename> is not set.",
        "520 End of proper usage.",
    ]
    assert is_usage_start(block[0])
    assert [is_usage_end(line) for line in block] == [False, False, False, True]
    assert not is_usage_start("520 Invalid command syntax.  Proper usage not available.")
    assert not is_usage_start("200 result=0")


# --- quoting ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("hello", '"hello"'),
        ("", '""'),
        ('say "hi"', '"say \\"hi\\""'),
        ("C:\\tmp\\", '"C:\\\\tmp\\\\"'),
        ('\\"', '"\\\\\\""'),
        (3000, '"3000"'),
        (0.5, '"0.5"'),
        ("Nguyễn Văn Bảy", '"Nguyễn Văn Bảy"'),
    ],
)
def test_quote_escapes_backslashes_and_quotes(value: str | int | float, quoted: str) -> None:
    assert quote(value) == quoted


HOSTILE = [
    'Nguyễn "Bảy"',
    "back\\slash at the end\\",
    '"; EXEC System "rm -rf /',
    '\\\\\\"',
    "tab\there",
    "${SHELL(id)} $[1+1] ( ) ,|;",
    "   leading and trailing   ",
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_quoted_values_reach_asterisk_unchanged(value: str) -> None:
    line = build_command("SET VARIABLE", quote("CALLBOT_NAME"), quote(value))
    assert line.count("\n") == 1
    assert asterisk_parse_args(line[:-1]) == ["SET", "VARIABLE", "CALLBOT_NAME", value]


def test_unescaped_quotes_as_pyst2_sends_them_would_split_the_value() -> None:
    value = 'Nguyễn "Bảy" \\'
    assert asterisk_parse_args(f'SET VARIABLE "N" "{value}"')[3:] == ['Nguyễn Bảy "']


@pytest.mark.parametrize("value", ["a\nb", "a\rb", "a\x00b", "\r\n", "end\n", 'x"\nHANGUP'])
def test_quote_refuses_line_breaks_and_nul(value: str) -> None:
    with pytest.raises(AgiInjectionError, match="sanitize"):
        quote(value)


def test_injection_message_does_not_echo_the_value() -> None:
    with pytest.raises(AgiInjectionError) as caught:
        quote("0909123456\nSET VARIABLE x y")
    assert "0909123456" not in str(caught.value)


def test_a_500_character_value_is_one_command() -> None:
    value = ("Phường 5 Quận 8 " * 40)[:500]
    assert len(value) == 500
    line = build_command("SET VARIABLE", quote("CALLBOT_ADDRESS"), quote(value))
    assert line.endswith('"\n') and line.count("\n") == 1
    assert asterisk_parse_args(line[:-1])[3] == value


# --- command lines ----------------------------------------------------------------------------


def test_build_command_joins_arguments_as_given() -> None:
    assert build_command("ANSWER") == "ANSWER\n"
    assert build_command("WAIT FOR DIGIT", 5000) == "WAIT FOR DIGIT 5000\n"
    assert (
        build_command(
            "RECORD FILE", quote("/rec/a b"), quote("wav"), quote("#"), 30000, 0, "BEEP", "s=3"
        )
        == 'RECORD FILE "/rec/a b" "wav" "#" 30000 0 BEEP s=3\n'
    )


@pytest.mark.parametrize("arg", ["x\nHANGUP", "x\r", "x\x00"])
def test_build_command_checks_the_whole_line(arg: str) -> None:
    with pytest.raises(AgiInjectionError):
        build_command("VERBOSE", arg)
    with pytest.raises(AgiInjectionError):
        build_command("VERBOSE" + arg, '"ok"')


def test_build_command_refuses_lines_longer_than_asterisk_reads() -> None:
    # 2047 bytes with the newline is read whole; one byte more and the tail would run alone.
    prefix = 'VERBOSE ""'
    fits = build_command("VERBOSE", quote("x" * (MAX_COMMAND_BYTES - len(prefix) - 1)))
    assert len(fits.encode()) == MAX_COMMAND_BYTES
    with pytest.raises(AgiInjectionError, match="2047"):
        build_command("VERBOSE", quote("x" * (MAX_COMMAND_BYTES - len(prefix))))
    # Vietnamese letters take 2 or 3 bytes each: the limit is in bytes, not characters.
    with pytest.raises(AgiInjectionError):
        build_command("VERBOSE", quote("ễ" * 700))


def test_build_command_needs_a_name() -> None:
    with pytest.raises(AgiError, match="empty"):
        build_command("  ", '"x"')


# --- sanitizing caller text -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Nguyễn\r\nVăn\x00 Bảy", "Nguyễn Văn Bảy"),
        ("  many   spaces\tand\ttabs  ", "many spaces and tabs"),
        ("zero\u200bwidth\ufeff and esc\x1b[31m", "zerowidth and esc[31m"),
        ("line\u2028separator", "line separator"),
        ('quotes "stay" \\ too', 'quotes "stay" \\ too'),
        ("", ""),
    ],
)
def test_sanitize_for_agi(text: str, clean: str) -> None:
    assert sanitize_for_agi(text) == clean


def test_sanitize_for_agi_cuts_to_max_len_and_stays_quotable() -> None:
    text = "".join(chr(code) for code in range(0x3000)) * 2
    clean = sanitize_for_agi(text, max_len=300)
    assert len(clean) <= 300
    assert clean == clean.strip()
    assert asterisk_parse_args(build_command("VERBOSE", quote(clean))[:-1])[1] == clean
    assert sanitize_for_agi("abc def", max_len=4) == "abc"


def test_gosub_trying_line_is_interim() -> None:
    assert is_interim("100 result=0 Trying...")
    assert not is_interim("200 result=0 Gosub complete")
    assert not is_interim("HANGUP")
