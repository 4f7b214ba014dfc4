"""One named sandbox instance: Asterisk 22 from Debian sid in the shared chroot.

Lifecycle (all idempotent)::

    up     build the chroot if missing (:mod:`callbot.sandbox.chroot`), render this instance's
           configuration into <storage>/sandbox/<name>/etc (:mod:`callbot.sandbox.runtime`),
           mount /proc and bind-mount storage and prompts at the same absolute paths inside the
           chroot, start ``asterisk -f -C <etc>/asterisk.conf`` and wait until it is fully
           booted and AMI answers; an instance already running reloads its configuration
    down   ``core stop now``, then kill what is left of this instance, unmount what no other
           running instance still needs

Several instances (``sandbox.name``) can share one chroot, each with its own runtime dir and
ports: ``make run`` and ``make test`` can run side by side. Needs root (chroot and mounts).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

from callbot.config import Config
from callbot.errors import SandboxError
from callbot.sandbox import chroot, runtime
from callbot.sandbox.host import alive, chroot_pids, mount_into, require_root, unmount_all
from callbot.sandbox.runtime import SandboxPaths

log = logging.getLogger(__name__)


class Sandbox:
    """One sandbox Asterisk instance."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.paths = SandboxPaths(
            root=chroot.chroot_path(config.sandbox),
            runtime=config.storage.root / "sandbox" / config.sandbox.name,
        )

    # -- the chroot and the configuration -----------------------------------------------------

    def chroot_ready(self) -> bool:
        """Whether the shared chroot is built for the current recipe."""
        return chroot.chroot_ready(self.config.sandbox)

    def ensure_chroot(self) -> Path:
        """Build the chroot once (about 20-40 s); later calls return at once."""
        return chroot.ensure_chroot(self.config.sandbox)

    def template_values(self) -> dict[str, str]:
        """The values the configuration templates of ``dialplan/sandbox/`` are rendered with."""
        return runtime.template_values(self.config, self.paths)

    def prompts_dir(self) -> Path:
        """The rendered prompts Asterisk plays, for the configured prompts file."""
        return runtime.prompts_dir(self.config)

    def render_config(self) -> Path:
        """Write this instance's Asterisk configuration; returns the etc directory."""
        return runtime.render_config(self.config, self.paths)

    # -- mounts -------------------------------------------------------------------------------

    def shared_dirs(self) -> list[Path]:
        """Host directories Asterisk must see at the same absolute path."""
        c = self.config
        wanted = [c.storage.root, c.prompts.rendered, c.storage.recordings_dir]
        result: list[Path] = []
        for path in sorted({p.resolve() for p in wanted}, key=lambda p: len(p.parts)):
            if not any(path == r or r in path.parents for r in result):
                result.append(path)
        return result

    def _unmount_unused(self) -> None:
        """Unmount everything under the chroot unless another instance still runs in it."""
        if self._chroot_pids():
            log.info("another sandbox instance still runs in the chroot: mounts kept")
            return
        unmount_all(self.paths.root)

    # -- processes ----------------------------------------------------------------------------

    def _chroot_pids(self) -> list[int]:
        """Processes whose root directory is the chroot."""
        return chroot_pids(self.paths.root)

    def _instance_pids(self) -> list[int]:
        """Processes of this instance: in the chroot and started with this instance's config."""
        conf = str(self.paths.conf).encode()
        pids = []
        for pid in self._chroot_pids():
            with contextlib.suppress(OSError):
                if conf in Path(f"/proc/{pid}/cmdline").read_bytes():
                    pids.append(pid)
        return pids

    def _asterisk_rx(self, command: str, timeout: float = 10.0) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                "chroot",
                str(self.paths.root),
                "/usr/sbin/asterisk",
                "-C",
                str(self.paths.conf),
                "-rx",
                command,
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def running(self) -> bool:
        """Whether this instance's Asterisk is running."""
        return bool(self._instance_pids())

    def up(self) -> dict[str, Any]:
        """Start the sandbox (building what is missing) and wait until Asterisk is fully booted."""
        require_root("start the sandbox Asterisk")
        self.ensure_chroot()
        self.render_config()
        if self.running():
            log.info(
                "sandbox %s already running: reloading its configuration", self.config.sandbox.name
            )
            self._asterisk_rx("core reload")
            self._wait_booted()
            return self.status()
        self._check_ports_free()
        mount_into(self.paths.root, self.shared_dirs())
        log_file = self.paths.console_log
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("ab") as out:
            # setsid -f: Asterisk runs detached in its own session and outlives this process.
            subprocess.run(
                [
                    "setsid",
                    "-f",
                    "chroot",
                    str(self.paths.root),
                    "/usr/sbin/asterisk",
                    "-f",
                    "-C",
                    str(self.paths.conf),
                ],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                check=True,
            )
        try:
            self._wait_booted(started=True)
        except BaseException:
            self.down()
            raise
        log.info(
            "sandbox %s up (AMI %s:%d, SIP %s:%d)",
            self.config.sandbox.name,
            self.config.ami.host,
            self.config.ami.port,
            self.config.sandbox.sip_host,
            self.config.sandbox.sip_port,
        )
        return self.status()

    def _check_ports_free(self, wait: float = 5.0) -> None:
        ami = self.config.ami
        deadline = time.monotonic() + wait
        while True:
            with socket.socket() as sock:
                sock.settimeout(0.5)
                taken = sock.connect_ex((ami.host, ami.port)) == 0
            if not taken:
                return
            if time.monotonic() > deadline:
                raise SandboxError(
                    f"port {ami.host}:{ami.port} is already taken (another Asterisk?): stop it "
                    "or choose another ami.port for this sandbox"
                )
            time.sleep(0.2)

    def _wait_booted(self, started: bool = False) -> None:
        begin = time.monotonic()
        deadline = begin + self.config.sandbox.boot_timeout
        last = ""
        while time.monotonic() < deadline:
            if started and time.monotonic() - begin > 1.0 and not self._instance_pids():
                raise SandboxError(
                    "Asterisk exited while booting; see "
                    f"{self.paths.console_log} and {self.paths.runtime / 'log/messages.log'}"
                )
            try:
                result = self._asterisk_rx("core waitfullybooted", timeout=20)
            except subprocess.TimeoutExpired:
                continue
            booted = result.returncode == 0 and "fully booted" in result.stdout.lower()
            if booted and self._ami_answers():
                return
            last = (result.stdout + result.stderr).strip()
            time.sleep(0.2)
        raise SandboxError(
            f"Asterisk did not finish booting in {self.config.sandbox.boot_timeout:.0f} s "
            f"(last answer: {last!r}); see {self.paths.runtime / 'log/messages.log'}"
        )

    def _ami_answers(self) -> bool:
        try:
            with socket.create_connection((self.config.ami.host, self.config.ami.port), 1) as s:
                return s.recv(64).startswith(b"Asterisk Call Manager")
        except OSError:
            return False

    def down(self, timeout: float = 15.0) -> None:
        """Stop this instance; leaves no process of it and no mount no one else needs."""
        pids = self._instance_pids() if self.paths.root.exists() else []
        if pids:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._asterisk_rx("core stop now", timeout=10)
            # Wait on the pids themselves: once Asterisk's main thread has exited, /proc no
            # longer shows its root, but its other threads may still hold the ports.
            deadline = time.monotonic() + timeout
            while any(map(alive, pids)) and time.monotonic() < deadline:
                time.sleep(0.1)
            for sig in (signal.SIGTERM, signal.SIGKILL):
                for pid in filter(alive, pids):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, sig)
                end = time.monotonic() + 3
                while any(map(alive, pids)) and time.monotonic() < end:
                    time.sleep(0.05)
        if self.paths.root.exists():
            self._unmount_unused()
        with contextlib.suppress(FileNotFoundError):
            self.paths.pidfile.unlink()

    def restart(self) -> dict[str, Any]:
        """Stop Asterisk, then start it again; its status once booted."""
        self.down()
        return self.up()

    def status(self) -> dict[str, Any]:
        """The instance as ``callbot sandbox status`` shows it: running, ports, entry, queue."""
        c = self.config
        return {
            "running": self.running(),
            "name": c.sandbox.name,
            "root": str(self.paths.root),
            "runtime": str(self.paths.runtime),
            "ami": {
                "host": c.ami.host,
                "port": c.ami.port,
                "username": c.ami.username,
                "secret": c.ami.secret,
            },
            "agi": {"host": c.agi.host, "port": c.agi.port},
            "entry": {"context": c.sandbox.entry_context, "exten": c.sandbox.entry_exten},
            "queue": c.queue.name,
            "sip": {"host": c.sandbox.sip_host, "port": c.sandbox.sip_port},
            "prompts": str(self.prompts_dir()),
        }
