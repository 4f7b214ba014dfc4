"""Operators' phones (``users.phone``, migration 0005): the device format, one device per
user, finding the user calling from a device, and the ``users`` commands that set it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import inspect

from callbot import cli
from callbot.errors import AccountError
from callbot.operators.accounts import Accounts, check_phone
from tests.support.console import PASSWORD
from tests.support.database import Database


@pytest.fixture
def accounts(database: Database) -> Accounts:
    return Accounts(database.transactions())


@pytest.mark.parametrize(
    "device",
    [
        "PJSIP/op1",
        "SIP/201",
        "IAX2/peer/100",
        "Local/desk-ana@callbot-sandbox-operators",
        "PJSIP/0283822@trunk",
    ],
)
def test_devices_as_asterisk_dials_them(device: str) -> None:
    assert check_phone(device) == device


@pytest.mark.parametrize(
    "device",
    [
        "op1",  # no technology
        "PJSIP/",
        "PJSIP/op1&PJSIP/op2",  # two devices
        "PJSIP/op1,30",  # Dial options
        "PJSIP/op1 x",
        "PJSIP/op1\n",
        "PJSIP/${SHELL(id)}",
        "PJSIP/op1\r\nAction: Originate",
        "Local/../x",
        "PJSIP/" + "a" * 120,
    ],
)
def test_devices_that_could_carry_more_than_a_name_are_refused(device: str) -> None:
    with pytest.raises(AccountError, match="PJSIP/op1"):
        check_phone(device)


def test_one_device_one_user_and_finding_who_calls(accounts: Accounts) -> None:
    ana = accounts.add_user("ana", "h", "operator", "U1", phone="PJSIP/op1")
    assert ana.phone == "PJSIP/op1"
    with pytest.raises(AccountError, match="already ana's"):
        accounts.add_user("binh", "h", "operator", "U1", phone="PJSIP/op1")
    accounts.add_user("binh", "h", "operator", "U1")
    with pytest.raises(AccountError, match="already ana's"):
        accounts.set_phone("binh", "PJSIP/op1")
    accounts.set_phone("binh", "PJSIP/op2")
    found = accounts.by_phone("PJSIP/op2")
    assert found is not None and found.name == "binh"
    accounts.set_active("binh", False)
    assert accounts.by_phone("PJSIP/op2") is None  # a disabled user is nobody's phone
    accounts.set_phone("ana", None)
    assert accounts.by_phone("PJSIP/op1") is None
    accounts.set_phone("binh", "PJSIP/op1")  # free again
    with pytest.raises(AccountError, match="no user"):
        accounts.set_phone("nobody", "PJSIP/op3")


def test_the_phone_column_has_a_unique_index(database: Database) -> None:
    indexes = {i["name"]: i for i in inspect(database.engine).get_indexes("users")}
    assert indexes["ix_users_phone"]["unique"]
    assert indexes["ix_users_phone"]["column_names"] == ["phone"]


def test_users_commands_set_and_clear_a_phone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALLBOT_STORAGE__ROOT", str(tmp_path))
    monkeypatch.setenv("CALLBOT_PROJECT_DIR", str(tmp_path))
    assert cli.main(["db", "upgrade"]) == 0  # users add creates no database
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    add = ["users", "add", "lan", "--role", "operator", "--unit", "U1", "--phone", "PJSIP/op1"]
    assert cli.main(add) == 0
    assert "phone PJSIP/op1" in capsys.readouterr().out
    assert cli.main(["users", "phone", "lan", "PJSIP/op2"]) == 0
    assert cli.main(["users", "list"]) == 0
    assert "PJSIP/op2" in capsys.readouterr().out
    assert cli.main(["users", "phone", "lan", "PJSIP/op2,30"]) == 2
    assert "PJSIP/op1" in capsys.readouterr().err  # the error shows the expected form
    assert cli.main(["users", "phone", "lan"]) == 2  # neither a device nor --clear
    assert cli.main(["users", "phone", "lan", "--clear"]) == 0
    assert cli.main(["users", "list", "--json"]) == 0
    assert '"phone": null' in capsys.readouterr().out
