"""The Asterisk chroot every sandbox instance shares, built once into the cache.

::

    mmdebstrap --variant=apt --include=asterisk,asterisk-modules sid -> <cache>/asterisk-sid

The build (about 20-40 s) goes into a temporary directory beside the target, renamed into place
when it succeeded, under a file lock so that instances starting together build it once. A stamp
file in the chroot records the recipe (its version, the suite, the packages): a chroot whose
stamp differs is built again. Packages come from ``sandbox.mirror``, else from the Debian mirror
this machine's apt uses.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from callbot.config import SandboxConfig
from callbot.errors import SandboxError
from callbot.sandbox.host import remove_tree, require_root, unmount_lazily

log = logging.getLogger(__name__)

PACKAGES = ("asterisk", "asterisk-modules")
RECIPE_VERSION = "1"
DEFAULT_MIRROR = "http://deb.debian.org/debian"
STAMP_FILE = ".callbot-stamp"


def chroot_path(sandbox: SandboxConfig) -> Path:
    """Where the chroot of ``sandbox.suite`` lives in ``sandbox.cache_dir``."""
    return sandbox.cache_dir / f"asterisk-{sandbox.suite}"


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


def recipe_stamp(suite: str) -> str:
    """The stamp a chroot built for ``suite`` with this recipe carries."""
    return json.dumps(
        {"recipe": RECIPE_VERSION, "suite": suite, "packages": PACKAGES}, sort_keys=True
    )


def chroot_ready(sandbox: SandboxConfig) -> bool:
    """True when the chroot exists, holds Asterisk and was built with this recipe."""
    root = chroot_path(sandbox)
    stamp = root / STAMP_FILE
    return (
        stamp.exists()
        and stamp.read_text() == recipe_stamp(sandbox.suite)
        and (root / "usr/sbin/asterisk").exists()
    )


def ensure_chroot(sandbox: SandboxConfig) -> Path:
    """Build the chroot once (about 20-40 s); later calls return at once. Its path."""
    root = chroot_path(sandbox)
    if chroot_ready(sandbox):
        return root
    require_root("build the sandbox chroot")
    if shutil.which("mmdebstrap") is None:
        raise SandboxError(
            "mmdebstrap is not installed: run `make setup` (or apt-get install mmdebstrap)"
        )
    cache = sandbox.cache_dir
    cache.mkdir(parents=True, exist_ok=True)
    with _file_lock(cache / ".build.lock"):
        if chroot_ready(sandbox):
            return root
        mirror = sandbox.mirror or apt_mirror()
        tmp = cache / f".building-{os.getpid()}"
        remove_tree(tmp)
        log.info("building the sandbox chroot from %s (about 30 s)", mirror)
        started = time.monotonic()
        cmd = [
            "mmdebstrap",
            "--variant=apt",
            "--aptopt=Acquire::Check-Valid-Until false",
            "--include=" + ",".join(PACKAGES),
            sandbox.suite,
            str(tmp),
            mirror,
        ]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            remove_tree(tmp)
            tail = "\n".join(result.stderr.strip().splitlines()[-15:])
            raise SandboxError(
                f"mmdebstrap failed (exit {result.returncode}) with mirror {mirror}; "
                "set sandbox.mirror if this machine's apt mirror has no "
                f"{sandbox.suite}:\n{tail}"
            )
        (tmp / STAMP_FILE).write_text(recipe_stamp(sandbox.suite))
        if root.exists():
            unmount_lazily(root)
            remove_tree(root)
        tmp.rename(root)
        log.info("sandbox chroot ready in %.1f s", time.monotonic() - started)
    return root


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
