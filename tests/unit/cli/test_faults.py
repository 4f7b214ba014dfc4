"""Fault suite, command line: bad configuration of every kind on every command group is one line
saying what and where, exit status 2, never a traceback; a reader that closes our output early
(``callbot tickets list | head -0``) ends any command quietly (issue 12, part 2)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from callbot import cli

pytestmark = pytest.mark.faults
PROJECT = Path(__file__).resolve().parents[3]

# A valid command line of every command (a new command must be added here: the test below
# compares this table with the parser's).
COMMANDS: dict[str, list[str]] = {
    "run": ["run"],
    "serve": ["serve"],
    "worker": ["worker"],
    "cluster": ["cluster", "status"],
    "sandbox": ["sandbox", "status"],
    "call": ["call", "simulate"],
    "tickets": ["tickets", "list"],
    "transcribe": ["transcribe", "--pending"],
    "db": ["db", "upgrade"],
    "backup": ["backup"],
    "restore": ["restore", "/nonexistent-backup"],
    "config": ["config", "show"],
    "prompts": ["prompts", "render"],
    "models": ["models", "list"],
    "bench": ["bench", "parse"],
    "parse": ["parse", "name", "an"],
    "eval": ["eval", "parse"],
    "train": ["train", "need-model", "--out", "/nonexistent/need_model.json"],
    "console": ["console"],
    "users": ["users", "list"],
    "intake": ["intake"],
    "api": ["api", "keys", "list"],
    "zalo": ["zalo", "status"],
}

# (what is wrong, TOML file text or None, environment, --set items, what the line must name)
FAULTS: list[tuple[str, str | None, dict[str, str], list[str], str]] = [
    ("broken TOML", "[ami\nport = ", {}, [], "not valid TOML"),
    ("non-UTF-8 file", "\udcff", {}, [], "not valid TOML"),
    ("unknown section", "[nonsense]\nx = 1\n", {}, [], "unknown section [nonsense]"),
    ("unknown key", "[ami]\nprot = 5038\n", {}, [], "unknown setting ami.prot"),
    ("wrong type", '[ami]\nport = "lots"\n', {}, [], "ami.port"),
    ("float for int", "[agi]\nmax_calls = 1.5\n", {}, [], "agi.max_calls"),
    ("bad bool", '[console]\nsecure_cookies = "maybe"\n', {}, [], "console.secure_cookies"),
    ("out of range", "[console]\nport = 99999\n", {}, [], "console.port"),
    ("bad env value", None, {"CALLBOT_AMI__PORT": "lots"}, [], "environment: ami.port"),
    ("bad env section", None, {"CALLBOT_NOPE__X": "1"}, [], "unknown section [nope]"),
    ("bad env range", None, {"CALLBOT_AGI__HEADER_SECONDS": "-1"}, [], "agi.header_seconds"),
    ("bad --set value", None, {}, ["ami.port=lots"], "command line: ami.port"),
    ("bad --set form", None, {}, ["noequals"], "--set 'noequals'"),
    ("bad --set key", None, {}, ["ami.nope=1"], "unknown setting ami.nope"),
    ("bad address", None, {}, ["agi.pbx_addresses=pbx.local"], "agi.pbx_addresses"),
    ("bad node list", None, {}, ["agi.nodes=pbx.local"], "agi.nodes"),
    ("missing file", None, {"CALLBOT_CONFIG": "/nonexistent/callbot.toml"}, [], "does not exist"),
]


def _top_commands() -> set[str]:
    parser = cli.build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(actions[0].choices)


def test_every_command_is_in_the_table() -> None:
    assert set(COMMANDS) == _top_commands()


@pytest.mark.parametrize("fault", FAULTS, ids=[f[0] for f in FAULTS])
@pytest.mark.parametrize("command", list(COMMANDS), ids=list(COMMANDS))
def test_bad_configuration_is_one_line_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
    fault: tuple[str, str | None, dict[str, str], list[str], str],
) -> None:
    _, text, environ, settings, named = fault
    for name in [n for n in os.environ if n.startswith("CALLBOT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("CALLBOT_PROJECT_DIR", str(tmp_path))
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    argv: list[str] = []
    if text is not None:
        path = tmp_path / "callbot.toml"
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        argv += ["--config", str(path)]
    for item in settings:
        argv += ["--set", item]
    status = cli.main([*argv, *COMMANDS[command]])
    err = capsys.readouterr().err
    assert status == 2, err
    assert err.startswith("callbot: ") and len(err.splitlines()) == 1, err
    assert named in err, err
    if text is not None and "does not exist" not in named:
        assert str(tmp_path / "callbot.toml") in err  # where


def _run(
    args: list[str], env: dict[str, str] | None = None, close_stdout: bool = False
) -> tuple[int, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "callbot.cli", *args],
        env={**base, **(env or {})},
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert process.stdout is not None and process.stderr is not None
    if close_stdout:
        process.stdout.close()  # `| head -0`: the reader is gone before the first line
        err = process.stderr.read()
    else:
        _, err = process.communicate()
    process.wait(120)
    process.stderr.close()
    return process.returncode, err.decode("utf-8", "replace")


@pytest.mark.parametrize(
    "fault", [FAULTS[0], FAULTS[8], FAULTS[11], FAULTS[15]], ids=lambda f: f[0]
)
def test_bad_configuration_in_a_real_process_has_no_traceback(
    tmp_path: Path, fault: tuple[str, str | None, dict[str, str], list[str], str]
) -> None:
    _, text, environ, settings, named = fault
    argv = [a for item in settings for a in ("--set", item)]
    if text is not None:
        (tmp_path / "bad.toml").write_text(text)
        argv += ["--config", str(tmp_path / "bad.toml")]
    status, err = _run(
        [*argv, "tickets", "list"], {"CALLBOT_PROJECT_DIR": str(tmp_path), **environ}
    )
    assert status == 2 and "Traceback" not in err and len(err.splitlines()) == 1, err
    assert named in err


def test_values_checked_when_used_are_one_line_too(tmp_path: Path) -> None:
    env = {"CALLBOT_PROJECT_DIR": str(tmp_path), "CALLBOT_STORAGE__ROOT": str(tmp_path)}
    for args, named in [
        (["--set", "storage.database_url=nonsense://x", "tickets", "list"], "database_url"),
        (["--set", "storage.database_url=postgresql+nodriver://h/db", "db", "upgrade"], "driver"),
        (["--set", f"prompts.file={tmp_path}/none.toml", "prompts", "render"], "none.toml"),
        (["--set", "asr.model=relative/path", "models", "list"], "asr.model"),
        (["restore", str(tmp_path / "no-backup")], "not a callbot backup"),
    ]:
        status, err = _run(args, env)
        assert status == 2 and "Traceback" not in err and len(err.splitlines()) == 1, (args, err)
        assert named in err, (args, err)


PIPED = [
    ["--help"],
    ["config", "show"],
    ["tickets", "list"],
    ["tickets", "list", "--json"],
    ["tickets", "show", "0000018"],
    ["tickets", "export", "--unit", "U1"],
    ["users", "list"],
    ["models", "list"],
    ["parse", "address", "phường hai quận năm"],
    # One set: the pipe is what is tested here, not the parsers on every need.
    ["eval", "parse", "--set-file", "tests/fixtures/parse_eval.jsonl"],
    ["backup"],
]


def test_a_closed_pipe_ends_every_command_quietly(tmp_path: Path) -> None:
    env = {"CALLBOT_PROJECT_DIR": str(tmp_path), "CALLBOT_STORAGE__ROOT": str(tmp_path)}
    assert cli.main(["--set", f"storage.root={tmp_path}", "db", "upgrade"]) == 0
    from callbot.config import load_config
    from tests.support.store_copy import populate

    populate(load_config(environ=env, project_dir=tmp_path))
    statuses = {}
    for args in PIPED:
        status, err = _run(args, env, close_stdout=True)
        statuses[" ".join(args[:2])] = status
        assert "Traceback" not in err and "BrokenPipeError" not in err, (args, err)
        assert "Exception ignored" not in err, (args, err)
        assert status in (0, 141), (args, status, err)
    print(f"\nclosed pipe: {len(PIPED)} commands, exit statuses {statuses}")
