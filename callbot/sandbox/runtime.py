"""One sandbox instance's runtime directory and the Asterisk configuration rendered into it.

::

    <storage>/sandbox/<name>/   etc/   dialplan/sandbox/*.conf rendered, dialplan/callbot.conf
                                       (the snippet a real PBX includes) as it is, and stock
                                       files Asterisk wants (indications.conf, from the chroot)
                                run/ log/ spool/ lib/ cache/, asterisk.pid

Templates use ``@NAME@`` placeholders filled from the configuration (ports, the AMI login,
the queue, the FastAGI address, the prompts directory); Asterisk's own ``${...}`` is left
alone. A file is rewritten only when its text changes, so a reload sees what really changed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from callbot.config import Config
from callbot.errors import SandboxError

TEMPLATE_DIR = "dialplan/sandbox"
SNIPPET = "dialplan/callbot.conf"


@dataclass(frozen=True)
class SandboxPaths:
    """Where one sandbox instance keeps its things."""

    root: Path  # the chroot, shared by instances
    runtime: Path  # this instance: etc, run, log, spool, lib

    @property
    def etc(self) -> Path:
        """The instance's rendered Asterisk configuration directory."""
        return self.runtime / "etc"

    @property
    def conf(self) -> Path:
        """Its ``asterisk.conf`` (what ``asterisk -C`` is given)."""
        return self.etc / "asterisk.conf"

    @property
    def pidfile(self) -> Path:
        """The file Asterisk writes its process id to."""
        return self.runtime / "asterisk.pid"

    @property
    def console_log(self) -> Path:
        """Where the instance's Asterisk console output is logged."""
        return self.runtime / "log" / "console.log"


def render_template(text: str, values: dict[str, str]) -> str:
    """Replace ``@NAME@`` placeholders (Asterisk's own ``${...}`` is left alone).

    An unknown placeholder is an error, so a typo cannot reach Asterisk.
    """

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise SandboxError(f"sandbox template uses @{name}@, which has no value")
        return values[name]

    return re.sub(r"@([A-Z_]+)@", sub, text)


def prompts_dir(config: Config) -> Path:
    """The rendered prompts Asterisk plays, for the configured prompts file."""
    return config.prompts.rendered / config.prompts.file.stem


def template_values(config: Config, paths: SandboxPaths) -> dict[str, str]:
    """The value of every ``@NAME@`` placeholder, for this instance."""
    c = config
    return {
        "RUNTIME": str(paths.runtime),
        "NAME": c.sandbox.name,
        "AMI_PORT": str(c.ami.port),
        "AMI_USER": c.ami.username,
        "AMI_SECRET": c.ami.secret,
        "SIP_HOST": c.sandbox.sip_host,
        "SIP_PORT": str(c.sandbox.sip_port),
        "RTP_START": str(c.sandbox.rtp_start),
        "RTP_END": str(c.sandbox.rtp_end),
        "AGI_HOST": c.agi.host if c.agi.host not in ("0.0.0.0", "") else "127.0.0.1",  # noqa: S104
        "AGI_PORT": str(c.agi.port),
        "AGI_NODES": "&".join(f"agi://{address}" for address in c.agi.node_addresses()),
        "QUEUE": c.queue.name,
        "QUEUE_WAIT": str(c.queue.max_wait_seconds),
        "PROMPTS": str(prompts_dir(c)),
    }


def render_config(config: Config, paths: SandboxPaths) -> Path:
    """Write this instance's Asterisk configuration; returns the etc directory."""
    project = config.project_dir
    values = template_values(config, paths)
    etc = paths.etc
    for sub in ("etc", "run", "log", "spool", "lib", "cache"):
        (paths.runtime / sub).mkdir(parents=True, exist_ok=True)
    templates = sorted((project / TEMPLATE_DIR).glob("*.conf"))
    if not templates:
        raise SandboxError(f"no sandbox templates in {project / TEMPLATE_DIR}")
    for template in templates:
        text = render_template(template.read_text(encoding="utf-8"), values)
        _write_if_changed(etc / template.name, text)
    _write_if_changed(etc / "callbot.conf", (project / SNIPPET).read_text(encoding="utf-8"))
    # Stock files Asterisk wants and we do not change (call progress tones for ringing).
    for stock in ("indications.conf",):
        source = paths.root / "etc/asterisk" / stock
        if source.exists():
            _write_if_changed(etc / stock, source.read_text(encoding="utf-8"))
    return etc


def _write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
