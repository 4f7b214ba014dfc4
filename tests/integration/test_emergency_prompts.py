"""The emergency prompts of each service on the real sandbox (issue 13).

The caller of a need understood as a 114 or 113 emergency hears ``emergency_queue_114`` /
``emergency_stay_114`` (or ``_113``); which one the engine picks is tested through the engine
(tests/unit/dialog/test_emergency_service.py) and on the real parser and ticket store
(tests/unit/calls/test_callbot_sink.py): a spoken need cannot be driven here, the speech model
of the sandbox being the Korean stand-in. Here: those prompts are rendered for the sandbox and
Asterisk plays them to a caller's channel, each to its end.
"""

from __future__ import annotations

import uuid

import pytest

from callbot.pbx.ami import AmiClient
from callbot.sandbox import Sandbox
from tests.integration.conftest import EventLog

pytestmark = pytest.mark.asterisk


def _play(ami: AmiClient, events: EventLog, prompt: str) -> str:
    tag = uuid.uuid4().hex[:8]
    ami.originate(
        "Local/s@callbot-sandbox-prompts",
        application="Wait",
        data="20",
        variables={"SIM_PROMPT": prompt},
        caller_id=tag,
    )
    played = events.wait_for(
        "UserEvent", timeout=20, UserEvent="CallbotSandboxPrompt", Prompt=prompt
    )
    assert played is not None, f"{prompt} was never played"
    return played["Status"]


@pytest.mark.parametrize(
    "prompt",
    ["emergency_queue_114", "emergency_stay_114", "emergency_queue_113", "emergency_stay_113"],
)
def test_the_114_and_113_prompts_play_on_the_sandbox(
    sandbox: Sandbox, ami: AmiClient, events: EventLog, prompt: str
) -> None:
    assert _play(ami, events, prompt) == "SUCCESS"


def test_a_missing_prompt_is_reported(sandbox: Sandbox, ami: AmiClient, events: EventLog) -> None:
    assert _play(ami, events, "no_such_prompt") == "FAILED"
