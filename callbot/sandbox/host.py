"""What the sandbox asks of the host: root, commands, mounts and processes, as /proc shows them.

Mount points are read from ``/proc/self/mountinfo`` (octal escapes decoded); a process is in a
chroot when its ``/proc/<pid>/root`` points there. Nothing here knows about Asterisk: the
chroot (:mod:`callbot.sandbox.chroot`) and the instance (:mod:`callbot.sandbox.instance`) use
these to mount, unmount, find their processes and clean up.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from callbot.errors import SandboxError


def require_root(what: str) -> None:
    """Raise :class:`SandboxError` unless this process runs as root."""
    if os.geteuid() != 0:
        raise SandboxError(f"root is needed to {what} (chroot and mounts): run as root")


def run(cmd: list[str], what: str) -> None:
    """Run ``cmd``; a non-zero exit is a :class:`SandboxError` saying it could not ``what``."""
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SandboxError(f"could not {what}: {result.stderr.strip() or result.returncode}")


# -- mounts -----------------------------------------------------------------------------------


def mounts_under(root: Path) -> list[str]:
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


def mount_into(root: Path, shared: Iterable[Path]) -> None:
    """Mount /proc in the chroot ``root`` and bind-mount each ``shared`` host directory at the
    same absolute path inside it; what is mounted already (and still the same) is kept."""
    mounted = set(mounts_under(root))
    proc = root / "proc"
    if str(proc) not in mounted:
        run(["mount", "-t", "proc", "proc", str(proc)], "mount /proc in the chroot")
    for host in shared:
        host.mkdir(parents=True, exist_ok=True)
        target = root / host.relative_to("/")
        if str(target) in mounted:
            if same_dir(host, target):
                continue
            # The host directory was replaced since it was mounted: mount the new one.
            subprocess.run(["umount", "-l", str(target)], check=False, capture_output=True)
        target.mkdir(parents=True, exist_ok=True)
        run(["mount", "--bind", str(host), str(target)], f"bind-mount {host}")


def unmount_all(root: Path) -> None:
    """Unmount everything under ``root``, deepest first; lazily where a plain umount fails."""
    for target in sorted(mounts_under(root), key=len, reverse=True):
        subprocess.run(["umount", target], check=False, capture_output=True)
        if target in mounts_under(root):
            subprocess.run(["umount", "-l", target], check=False, capture_output=True)


def unmount_lazily(root: Path) -> None:
    """Detach everything under ``root`` at once (``umount -l``), deepest first."""
    for target in sorted(mounts_under(root), key=len, reverse=True):
        subprocess.run(["umount", "-l", target], check=False, capture_output=True)


def same_dir(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are the same directory (device and inode)."""
    try:
        sa, sb = a.stat(), b.stat()
    except OSError:
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def remove_tree(path: Path) -> None:
    """Remove a directory tree, refusing if anything is still mounted below it."""
    if not path.exists():
        return
    if mounts_under(path):
        raise SandboxError(f"refusing to delete {path}: something is still mounted below it")
    shutil.rmtree(path)


# -- processes --------------------------------------------------------------------------------


def chroot_pids(root: Path) -> list[int]:
    """Processes whose root directory is ``root``."""
    pids = []
    wanted = str(root)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if os.readlink(entry / "root") == wanted:
                pids.append(int(entry.name))
    return pids


def alive(pid: int) -> bool:
    """True while any thread of the process runs (a zombie leader with no threads is dead)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    zombie = fields.get("State", "").strip().startswith("Z")
    threads = int(fields.get("Threads", "1").strip() or 1)
    return not (zombie and threads <= 1)
