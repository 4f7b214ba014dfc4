"""The argon2id cost of the console's password hashes: the production default (RFC 9106's
low-memory profile), its settings and their checks, the users command hashing at the configured
cost, the dummy hash of an unknown name at the same cost, and a hash made at another cost
verified and stored again at the configured one by a successful login."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.profiles import RFC_9106_LOW_MEMORY

from callbot import cli
from callbot.config import ConsoleConfig, load_config
from callbot.errors import ConfigError
from callbot.operators.login import Passwords
from callbot.operators.stores import open_operators
from tests.support.console import PASSWORD, Site
from tests.support.passwords import CHEAP_ENVIRON


def _cost(password_hash: str) -> str:
    """The parameters an argon2 hash encodes: ``m=...,t=...,p=...``."""
    return password_hash.split("$")[3]


def test_the_default_cost_is_rfc_9106_low_memory_and_stays_in_the_hash(tmp_path: Path) -> None:
    console = load_config(environ={}, project_dir=tmp_path).console
    assert console == ConsoleConfig()  # no test setting reaches the defaults
    profile = RFC_9106_LOW_MEMORY
    assert (
        (
            console.password_hash_time_cost,
            console.password_hash_memory_kib,
            console.password_hash_parallelism,
        )
        == (profile.time_cost, profile.memory_cost, profile.parallelism)
        == (3, 65536, 4)
    )
    passwords = Passwords.from_config(console)
    made = passwords.hash(PASSWORD, 10)
    assert made.startswith("$argon2id$v=19$") and _cost(made) == "m=65536,t=3,p=4"
    assert passwords.verify(made, PASSWORD) and not passwords.verify(made, PASSWORD + "x")
    assert not passwords.needs_rehash(made)


def test_the_cost_settings_are_checked(tmp_path: Path) -> None:
    def load(**settings: str) -> ConsoleConfig:
        environ = {f"CALLBOT_CONSOLE__PASSWORD_HASH_{k.upper()}": v for k, v in settings.items()}
        return load_config(environ=environ, project_dir=tmp_path).console

    with pytest.raises(ConfigError, match=r"console\.password_hash_time_cost: must be at least 1"):
        load(time_cost="0")
    with pytest.raises(ConfigError, match=r"console\.password_hash_parallelism: must be at least"):
        load(parallelism="0")
    with pytest.raises(
        ConfigError, match=r"console\.password_hash_memory_kib: must be at least 32"
    ):
        load(memory_kib="31", parallelism="4")
    with pytest.raises(ConfigError, match=r"console\.password_hash_memory_kib"):
        load(memory_kib="seven")
    with pytest.raises(ConfigError, match=r"console\.password_hash_memory_kib: must be at most"):
        load(memory_kib="419430400")  # 400 GiB: a few zeros too many
    with pytest.raises(ConfigError, match=r"console\.password_hash_time_cost: must be at most 64"):
        load(time_cost="300")
    least = load(time_cost="1", memory_kib="8", parallelism="1")
    assert _cost(Passwords.from_config(least).hash(PASSWORD, 10)) == "m=8,t=1,p=1"


def test_the_users_command_hashes_at_the_configured_cost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CALLBOT_STORAGE__ROOT", str(tmp_path))
    monkeypatch.setenv("CALLBOT_PROJECT_DIR", str(tmp_path))
    for name, value in CHEAP_ENVIRON.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("CALLBOT_CONSOLE__PASSWORD_HASH_TIME_COST", "2")
    assert cli.main(["db", "upgrade"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["users", "add", "dung", "--role", "supervisor", "--unit", "HCM"]) == 0
    operators = open_operators(load_config())
    found = operators.accounts.credentials("dung")
    operators.close()
    assert found is not None and _cost(found[1]) == "m=8,t=2,p=1"


def test_an_unknown_name_is_checked_against_a_dummy_hash_of_the_same_cost() -> None:
    passwords = Passwords(PasswordHasher(time_cost=2, memory_cost=16, parallelism=2))
    assert passwords._dummy is None  # made when first needed, not before
    passwords.verify_dummy(PASSWORD)
    dummy = passwords._dummy
    assert dummy is not None and _cost(dummy) == "m=16,t=2,p=2"
    passwords.verify_dummy("another guess")
    assert passwords._dummy == dummy  # once per hasher


def test_a_login_stores_a_hash_of_another_cost_again_at_the_configured_one(site: Site) -> None:
    accounts, auth = site.console.accounts, site.console.auth
    ana = accounts.credentials("ana")
    assert ana is not None and _cost(ana[1]) == "m=8,t=1,p=1"  # the tests' cost
    older = PasswordHasher(time_cost=2, memory_cost=64, parallelism=2).hash(PASSWORD)
    assert accounts.rehash_password(ana[0].id, ana[1], older)
    first = auth.login("ana", PASSWORD)  # verified at its own cost...
    assert first is not None
    stored = accounts.credentials("ana")
    assert stored is not None and _cost(stored[1]) == "m=8,t=1,p=1"  # ...and stored at ours
    assert auth.session(first.token) is not None  # renewing the hash ends no session
    assert auth.login("ana", PASSWORD) is not None
    # a wrong password renews nothing
    assert accounts.rehash_password(ana[0].id, stored[1], older)
    assert auth.login("ana", "mat-khau-sai-1") is None
    again = accounts.credentials("ana")
    assert again is not None and again[1] == older
    # a password changed meanwhile is not overwritten by a renewed hash of the old one
    assert not accounts.rehash_password(ana[0].id, stored[1], "$argon2id$stale")
    after = accounts.credentials("ana")
    assert after is not None and after[1] == older


def test_the_console_makes_its_dummy_hash_when_it_starts(site: Site) -> None:
    # so the first unknown name does not pay for it (that one request would stand out)
    passwords = site.console.passwords
    assert passwords._dummy is not None
    assert _cost(passwords._dummy) == _cost(passwords.hasher.hash(PASSWORD))
