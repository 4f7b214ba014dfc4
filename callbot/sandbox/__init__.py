"""The embedded Asterisk that ``make run`` and the tests start: the default PBX, a product part.

Asterisk 22 from Debian sid in a chroot built once, configured from ``dialplan/sandbox/``.
May import: ``config``, ``errors``, ``pbx``.
"""
