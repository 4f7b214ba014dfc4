"""The dialplan and the Python side agree, and the sandbox templates render."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from callbot.config import load_config
from callbot.errors import SandboxError
from callbot.pbx import variables
from callbot.sandbox import Sandbox
from callbot.sandbox.chroot import apt_mirror
from callbot.sandbox.runtime import render_template
from callbot.speech.prompts import load_prompts

ROOT = Path(__file__).resolve().parents[3]
DIALPLAN = (ROOT / "dialplan/callbot.conf").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", variables.ALL)
def test_every_shared_name_is_in_the_dialplan(name: str) -> None:
    assert name in DIALPLAN


@pytest.mark.parametrize(
    "script", [variables.SCRIPT_ROUTE, variables.SCRIPT_CALLBOT, variables.SCRIPT_SERVICE]
)
def test_every_fastagi_script_is_called_by_the_dialplan(script: str) -> None:
    assert f"Gosub({variables.CONTEXT_AGI},s,1({script}" in DIALPLAN
    assert "AGI(${node}/${ARG1}" in DIALPLAN  # [callbot-agi] runs it on a node


def test_every_prompt_the_dialplan_plays_exists() -> None:
    prompts = load_prompts(ROOT / "prompts/vi.toml")
    keys = re.findall(r"\$\{CALLBOT_PROMPTS\}/(\w+)", DIALPLAN)
    assert keys
    for key in keys:
        assert key in prompts


def test_render_template_leaves_asterisk_variables_alone() -> None:
    text = "port = @AMI_PORT@\nexten => s,1,Set(X=${CALLERID(num)})"
    assert render_template(text, {"AMI_PORT": "5038"}) == (
        "port = 5038\nexten => s,1,Set(X=${CALLERID(num)})"
    )


def test_render_template_refuses_unknown_placeholders() -> None:
    with pytest.raises(SandboxError, match="@NOPE@"):
        render_template("x = @NOPE@", {})


def test_every_sandbox_template_renders(tmp_path: Path) -> None:
    config = load_config(environ={"CALLBOT_STORAGE__ROOT": str(tmp_path)}, project_dir=ROOT)
    sandbox = Sandbox(config)
    values = sandbox.template_values()
    for template in (ROOT / "dialplan/sandbox").glob("*.conf"):
        rendered = render_template(template.read_text(encoding="utf-8"), values)
        assert "@" not in rendered.replace("@callbot", "").replace("@users", ""), template.name
    manager = render_template((ROOT / "dialplan/sandbox/manager.conf").read_text(), values)
    assert "bindaddr = 127.0.0.1" in manager  # AMI on loopback only


def test_apt_mirror_reads_deb822_and_one_line_sources(tmp_path: Path) -> None:
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list.d/debian.sources").write_text(
        "Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm\n"
    )
    assert apt_mirror(tmp_path) == "http://mirror.example/debian"
    (tmp_path / "sources.list.d/debian.sources").unlink()
    (tmp_path / "sources.list").write_text(
        "deb [arch=amd64] http://other.example/debian/ sid main\n"
    )
    assert apt_mirror(tmp_path) == "http://other.example/debian"


def test_callbacks_dial_through_one_subroutine_and_the_sandbox_reaches_citizens() -> None:
    callback = DIALPLAN.split("[callbot-callback]", 1)[1].split("\n[", 1)[0]
    assert f"Gosub({variables.CONTEXT_CALLBACK_DIAL},s,1)" in callback
    assert "hangup_handler_push" in callback
    dial = DIALPLAN.split(f"[{variables.CONTEXT_CALLBACK_DIAL}]", 1)[1].split("\n[", 1)[0]
    assert "${FILTER(0-9+,${CALLBOT_CALLBACK_NUMBER})}" in dial  # filtered again here
    assert "U(callbot-callback-answered^" in dial
    sandbox = (ROOT / "dialplan/sandbox/extensions.conf").read_text(encoding="utf-8")
    assert "CALLBOT_CALLBACK_PREFIX = Local/" in sandbox
    for pattern in ("_0922XXXXXX", "_0933XXXXXX", "_0944XXXXXX", "exten => 1099,"):
        assert pattern in sandbox
    # n, x and z are wildcards in an Asterisk pattern: the named ones must not contain them.
    for name in re.findall(r"exten => _([a-z]+)\.", sandbox):
        assert not set(name) & set("nxz"), name
