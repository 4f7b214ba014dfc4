"""The sandbox PBX: Asterisk 22 from Debian sid, in a chroot, for ``make run`` and the tests.

Lifecycle (all idempotent)::

    build  mmdebstrap --variant=apt --include=asterisk,asterisk-modules sid -> <cache>/asterisk-sid
           (once, into a temporary directory renamed into place; a stamp records the recipe)
    up     render dialplan/sandbox/*.conf + dialplan/callbot.conf into <storage>/sandbox/<name>/etc,
           mount /proc and bind-mount storage and prompts at the same absolute paths inside the
           chroot, start ``asterisk -f -C <etc>/asterisk.conf`` and wait until it is fully booted
    down   ``core stop now``, then kill what is left of this instance, unmount what no other
           running instance still needs

Several instances (``sandbox.name``) can share one chroot, each with its own runtime dir and
ports: ``make run`` and ``make test`` can run side by side. Needs root (chroot and mounts).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from callbot.config import Config
from callbot.errors import SandboxError

log = logging.getLogger(__name__)

PACKAGES = ("asterisk", "asterisk-modules")
RECIPE_VERSION = "1"
DEFAULT_MIRROR = "http://deb.debian.org/debian"
TEMPLATE_DIR = "dialplan/sandbox"
SNIPPET = "dialplan/callbot.conf"


@dataclass(frozen=True)
class SandboxPaths:
    """Where one sandbox instance keeps its things."""

    root: Path  # the chroot, shared by instances
    runtime: Path  # this instance: etc, run, log, spool, lib

    @property
    def etc(self) -> Path:
        return self.runtime / "etc"

    @property
    def conf(self) -> Path:
        return self.etc / "asterisk.conf"

    @property
    def pidfile(self) -> Path:
        return self.runtime / "asterisk.pid"

    @property
    def console_log(self) -> Path:
        return self.runtime / "log" / "console.log"


def apt_mirror(sources_dir: Path = Path("/etc/apt")) -> str:
    """The Debian mirror this machine's apt uses (deb822 or one-line sources)."""
    files = [sources_dir / "sources.list"]
    files += sorted((sources_dir / "sources.list.d").glob("*"))
    for path in files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for match in re.finditer(r"^\s*URIs:\s*(\S+)", text, re.M):
            if "/debian" in match.group(1) and "security" not in match.group(1):
                return match.group(1).rstrip("/")
        for match in re.finditer(r"^\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)", text, re.M):
            if "/debian" in match.group(1) and "security" not in match.group(1):
                return match.group(1).rstrip("/")
    return DEFAULT_MIRROR


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


class Sandbox:
    """One sandbox Asterisk instance."""

    def __init__(self, config: Config) -> None:
        self.config = config
        sb = config.sandbox
        self.paths = SandboxPaths(
            root=sb.cache_dir / f"asterisk-{sb.suite}",
            runtime=config.storage.root / "sandbox" / sb.name,
        )

    # -- the chroot ---------------------------------------------------------------------------

    def _stamp(self) -> str:
        sb = self.config.sandbox
        return json.dumps(
            {"recipe": RECIPE_VERSION, "suite": sb.suite, "packages": PACKAGES}, sort_keys=True
        )

    def chroot_ready(self) -> bool:
        stamp = self.paths.root / ".callbot-stamp"
        return (
            stamp.exists()
            and stamp.read_text() == self._stamp()
            and (self.paths.root / "usr/sbin/asterisk").exists()
        )

    def ensure_chroot(self) -> Path:
        """Build the chroot once (about 20-40 s); later calls return at once."""
        if self.chroot_ready():
            return self.paths.root
        _require_root("build the sandbox chroot")
        if shutil.which("mmdebstrap") is None:
            raise SandboxError(
                "mmdebstrap is not installed: run `make setup` (or apt-get install mmdebstrap)"
            )
        cache = self.config.sandbox.cache_dir
        cache.mkdir(parents=True, exist_ok=True)
        with _file_lock(cache / ".build.lock"):
            if self.chroot_ready():
                return self.paths.root
            mirror = self.config.sandbox.mirror or apt_mirror()
            tmp = cache / f".building-{os.getpid()}"
            _remove_tree(tmp)
            log.info("building the sandbox chroot from %s (about 30 s)", mirror)
            started = time.monotonic()
            cmd = [
                "mmdebstrap",
                "--variant=apt",
                "--aptopt=Acquire::Check-Valid-Until false",
                "--include=" + ",".join(PACKAGES),
                self.config.sandbox.suite,
                str(tmp),
                mirror,
            ]
            result = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                _remove_tree(tmp)
                tail = "\n".join(result.stderr.strip().splitlines()[-15:])
                raise SandboxError(
                    f"mmdebstrap failed (exit {result.returncode}) with mirror {mirror}; "
                    "set sandbox.mirror if this machine's apt mirror has no "
                    f"{self.config.sandbox.suite}:\n{tail}"
                )
            (tmp / ".callbot-stamp").write_text(self._stamp())
            if self.paths.root.exists():
                self._ensure_unmounted_all()
                _remove_tree(self.paths.root)
            tmp.rename(self.paths.root)
            log.info("sandbox chroot ready in %.1f s", time.monotonic() - started)
        return self.paths.root

    def _ensure_unmounted_all(self) -> None:
        for target in sorted(_mounts_under(self.paths.root), key=len, reverse=True):
            subprocess.run(["umount", "-l", target], check=False, capture_output=True)

    # -- configuration ------------------------------------------------------------------------

    def template_values(self) -> dict[str, str]:
        c = self.config
        return {
            "RUNTIME": str(self.paths.runtime),
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
            "QUEUE": c.queue.name,
            "QUEUE_WAIT": str(c.queue.max_wait_seconds),
            "PROMPTS": str(self.prompts_dir()),
        }

    def prompts_dir(self) -> Path:
        return self.config.prompts.rendered / self.config.prompts.file.stem

    def render_config(self) -> Path:
        """Write this instance's Asterisk configuration; returns the etc directory."""
        project = self.config.project_dir
        values = self.template_values()
        etc = self.paths.etc
        for sub in ("etc", "run", "log", "spool", "lib", "cache"):
            (self.paths.runtime / sub).mkdir(parents=True, exist_ok=True)
        templates = sorted((project / TEMPLATE_DIR).glob("*.conf"))
        if not templates:
            raise SandboxError(f"no sandbox templates in {project / TEMPLATE_DIR}")
        for template in templates:
            text = render_template(template.read_text(encoding="utf-8"), values)
            _write_if_changed(etc / template.name, text)
        _write_if_changed(etc / "callbot.conf", (project / SNIPPET).read_text(encoding="utf-8"))
        # Stock files Asterisk wants and we do not change (call progress tones for ringing).
        for stock in ("indications.conf",):
            source = self.paths.root / "etc/asterisk" / stock
            if source.exists():
                _write_if_changed(etc / stock, source.read_text(encoding="utf-8"))
        return etc

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

    def _mount(self) -> None:
        root = self.paths.root
        mounted = set(_mounts_under(root))
        proc = root / "proc"
        if str(proc) not in mounted:
            _run(["mount", "-t", "proc", "proc", str(proc)], "mount /proc in the chroot")
        for host in self.shared_dirs():
            host.mkdir(parents=True, exist_ok=True)
            target = root / host.relative_to("/")
            if str(target) in mounted:
                if _same_dir(host, target):
                    continue
                # The host directory was replaced since it was mounted: mount the new one.
                subprocess.run(["umount", "-l", str(target)], check=False, capture_output=True)
            target.mkdir(parents=True, exist_ok=True)
            _run(["mount", "--bind", str(host), str(target)], f"bind-mount {host}")

    def _unmount_unused(self) -> None:
        """Unmount everything under the chroot unless another instance still runs in it."""
        if self._chroot_pids():
            log.info("another sandbox instance still runs in the chroot: mounts kept")
            return
        for target in sorted(_mounts_under(self.paths.root), key=len, reverse=True):
            subprocess.run(["umount", target], check=False, capture_output=True)
            if target in _mounts_under(self.paths.root):
                subprocess.run(["umount", "-l", target], check=False, capture_output=True)

    # -- processes ----------------------------------------------------------------------------

    def _chroot_pids(self) -> list[int]:
        """Processes whose root directory is the chroot."""
        pids = []
        root = str(self.paths.root)
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if os.readlink(entry / "root") == root:
                    pids.append(int(entry.name))
        return pids

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
        return bool(self._instance_pids())

    def up(self) -> dict[str, Any]:
        """Start the sandbox (building what is missing) and wait until Asterisk is fully booted."""
        _require_root("start the sandbox Asterisk")
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
        self._mount()
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
            while any(map(_alive, pids)) and time.monotonic() < deadline:
                time.sleep(0.1)
            for sig in (signal.SIGTERM, signal.SIGKILL):
                for pid in filter(_alive, pids):
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, sig)
                end = time.monotonic() + 3
                while any(map(_alive, pids)) and time.monotonic() < end:
                    time.sleep(0.05)
        if self.paths.root.exists():
            self._unmount_unused()
        with contextlib.suppress(FileNotFoundError):
            self.paths.pidfile.unlink()

    def restart(self) -> dict[str, Any]:
        self.down()
        return self.up()

    def status(self) -> dict[str, Any]:
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


# -- helpers ----------------------------------------------------------------------------------


def _require_root(what: str) -> None:
    if os.geteuid() != 0:
        raise SandboxError(f"root is needed to {what} (chroot and mounts): run as root")


def _run(cmd: list[str], what: str) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SandboxError(f"could not {what}: {result.stderr.strip() or result.returncode}")


def _mounts_under(root: Path) -> list[str]:
    """Mount points at or below ``root`` (from /proc/self/mountinfo, octal escapes decoded)."""
    prefix = str(root).rstrip("/") + "/"
    result = []
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/mountinfo").read_text().splitlines():
            fields = line.split()
            if len(fields) > 4:
                point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4])
                if point.startswith(prefix):
                    result.append(point)
    return result


def _alive(pid: int) -> bool:
    """True while any thread of the process runs (a zombie leader with no threads is dead)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    zombie = fields.get("State", "").strip().startswith("Z")
    threads = int(fields.get("Threads", "1").strip() or 1)
    return not (zombie and threads <= 1)


def _same_dir(a: Path, b: Path) -> bool:
    try:
        sa, sb = a.stat(), b.stat()
    except OSError:
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def _remove_tree(path: Path) -> None:
    """Remove a directory tree, refusing if anything is still mounted below it."""
    if not path.exists():
        return
    if _mounts_under(path):
        raise SandboxError(f"refusing to delete {path}: something is still mounted below it")
    shutil.rmtree(path)


def _write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
