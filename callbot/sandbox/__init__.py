"""The embedded Asterisk that ``make run`` and the tests start: the default PBX, a product part.

Asterisk 22 from Debian sid in a chroot built once (``chroot``), each named instance configured
from ``dialplan/sandbox/`` (``runtime``) and started and stopped by :class:`Sandbox`
(``instance``), over the host's mounts and processes (``host``).
May import: ``config``, ``errors``, ``pbx``.
"""

from callbot.sandbox.instance import Sandbox

__all__ = ["Sandbox"]
