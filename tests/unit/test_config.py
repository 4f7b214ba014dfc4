"""Configuration layers: defaults < file < environment < command line; clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from callbot.config import load_config
from callbot.errors import ConfigError


def test_defaults_are_loopback_and_resolved(tmp_path: Path) -> None:
    config = load_config(environ={}, project_dir=tmp_path)
    assert config.agi.host == "127.0.0.1" and config.ami.host == "127.0.0.1"
    assert config.storage.root == tmp_path / "storage"
    assert config.storage.effective_database_url == f"sqlite:///{tmp_path}/storage/callbot.db"
    assert config.storage.recordings_dir == tmp_path / "storage/recordings"


def test_the_call_is_heard_as_a_stream_by_default_on_loopback(tmp_path: Path) -> None:
    config = load_config(environ={}, project_dir=tmp_path)
    assert config.media.enabled and config.media.host == "127.0.0.1"
    assert config.dialog.end_silence_seconds < config.dialog.silence_seconds
    off = load_config(environ={"CALLBOT_MEDIA__ENABLED": "false"}, project_dir=tmp_path)
    assert not off.media.enabled


def test_layers_override_in_order(tmp_path: Path) -> None:
    file = tmp_path / "c.toml"
    file.write_text("[ami]\nport = 6000\nusername = 'file'\n[queue]\nmax_waiting = 2\n")
    config = load_config(
        file,
        environ={"CALLBOT_AMI__PORT": "7000", "CALLBOT_QUEUE__MAX_WAITING": "3"},
        settings=["ami.port=8000"],
        project_dir=tmp_path,
    )
    assert config.ami.port == 8000  # command line
    assert config.queue.max_waiting == 3  # environment
    assert config.ami.username == "file"  # file


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"CALLBOT_AMI__PORT": "many"}, "ami.port"),
        ({"CALLBOT_AMI__PORT": "70000"}, "ami.port"),
        ({"CALLBOT_NOPE__X": "1"}, "[nope]"),
        ({"CALLBOT_AMI__NOPE": "1"}, "ami.nope"),
        ({"CALLBOT_DIALOG__SILENCE_SECONDS": "0"}, "silence_seconds"),
        ({"CALLBOT_DIALOG__END_SILENCE_SECONDS": "0.1"}, "dialog.end_silence_seconds"),
        ({"CALLBOT_DIALOG__RESUME_SECONDS": "9"}, "dialog.resume_seconds"),
        ({"CALLBOT_DIALOG__READBACK_BELOW": "1.5"}, "dialog.readback_below"),
        ({"CALLBOT_MEDIA__PORT": "0"}, "media.port"),
        ({"CALLBOT_MEDIA__ENABLED": "maybe"}, "media.enabled"),
        ({"CALLBOT_PROMPTS__ENGINE": "festival"}, "prompts.engine"),
    ],
)
def test_bad_settings_name_themselves(
    environ: dict[str, str], message: str, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_config(environ=environ, project_dir=tmp_path)


def test_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    file = tmp_path / "c.toml"
    file.write_text("[ami\nport = ")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(file, environ={}, project_dir=tmp_path)
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "missing.toml", environ={}, project_dir=tmp_path)
    with pytest.raises(ConfigError, match=re.escape("section.key=value")):
        load_config(environ={}, settings=["nonsense"], project_dir=tmp_path)
