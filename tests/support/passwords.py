"""The tests' password-hash cost, set here and nowhere else.

Production hashes with argon2id at RFC 9106's low-memory cost (``console.password_hash_*``:
3 passes over 64 MiB, 4 lanes; about 0.3 s a hash, 0.12 s a check on a small machine). A test
site adds four users and logs in again and again, so the tests that build a console
(:class:`tests.support.console.Site`, the browser tests' console, the integration tests'
configuration) hash at the least cost argon2 allows instead: what they test is the console, not
the hash's strength. The production cost itself is tested in tests/unit/console/test_passwords.py,
and the tests of real console processes started on a storage root of their own
(:func:`tests.support.http.start_console`, the login timing among them) keep it.
"""

from __future__ import annotations

import dataclasses

from callbot.config import Config
from callbot.operators.login import Passwords

# argon2's minimum: one pass, one lane, 8 KiB
CHEAP_COST = {
    "password_hash_time_cost": 1,
    "password_hash_memory_kib": 8,
    "password_hash_parallelism": 1,
}
# the same, for a console process (``callbot console``) started with its own environment
CHEAP_ENVIRON = {f"CALLBOT_CONSOLE__{name.upper()}": str(v) for name, v in CHEAP_COST.items()}


def cheap_hashes(config: Config) -> Config:
    """``config`` with the tests' password-hash cost."""
    return config.replace(console=dataclasses.replace(config.console, **CHEAP_COST))


def cheap_passwords(config: Config | None = None) -> Passwords:
    """A hasher at the tests' cost."""
    return Passwords.from_config(cheap_hashes(config or Config()).console)
