"""The sandbox PBX's lifecycle, and the AMI monitor across an Asterisk restart."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator

import pytest

from callbot.config import Config
from callbot.pbx.ami import AmiClient
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.sandbox import Sandbox
from callbot.sandbox.host import mounts_under
from tests.integration.conftest import run_cli, wait_until

pytestmark = pytest.mark.asterisk


def test_status_json_says_where_everything_is(config: Config, sandbox: Sandbox) -> None:
    result = run_cli("sandbox", "status", "--json")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["running"] is True
    assert status["root"] == str(sandbox.paths.root)
    assert status["ami"] == {
        "host": "127.0.0.1",
        "port": config.ami.port,
        "username": config.ami.username,
        "secret": config.ami.secret,
    }
    assert status["entry"] == {"context": "callbot-entry", "exten": "1022"}
    assert status["queue"] == config.queue.name
    assert status["sip"] == {"host": "127.0.0.1", "port": config.sandbox.sip_port}


def test_up_is_idempotent(sandbox: Sandbox) -> None:
    before = sandbox._instance_pids()
    result = run_cli("sandbox", "up", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["running"] is True
    assert sandbox._instance_pids() == before  # the same Asterisk, not a second one


def test_ami_and_sip_listen_on_loopback_only(sandbox: Sandbox, config: Config) -> None:
    listening = subprocess.run(["ss", "-lntup"], capture_output=True, text=True, check=False)
    lines = [
        line
        for line in listening.stdout.splitlines()
        if f":{config.ami.port} " in line or f":{config.sandbox.sip_port} " in line
    ]
    assert lines, listening.stdout
    assert all("127.0.0.1:" in line for line in lines), lines


@pytest.mark.usefixtures("restarts_asterisk")
def test_monitor_survives_an_asterisk_restart(
    config: Config, sandbox: Sandbox, sim_operator
) -> None:
    client = AmiClient(
        "127.0.0.1",
        config.ami.port,
        config.ami.username,
        config.ami.secret,
        reconnect_max_delay=0.5,
        keepalive=0.5,
    )
    monitor = QueueMonitor(client, config.queue.name, config.queue.max_waiting)
    client.start()
    try:
        assert monitor.wait_synced(10)
        sim_operator("sim3")
        assert wait_until(lambda: (d := monitor.decision()) is not None and not d.overflow)
        sandbox.down()
        assert wait_until(lambda: monitor.decision() is None, 10)  # no view rather than a stale one
        sandbox.up()
        # The dynamic member did not survive the restart; the monitor's rebuilt view says so.
        assert wait_until(lambda: (d := monitor.decision()) is not None and d.overflow, 20), (
            monitor.snapshot()
        )
        interfaces = {m["interface"] for m in monitor.snapshot()["members"]}
        assert interfaces == {"PJSIP/op1", "PJSIP/op2", "PJSIP/op3"}
    finally:
        client.close()


@pytest.fixture()
def restarts_asterisk(ami: AmiClient) -> Iterator[None]:
    """For a test that stops Asterisk: the session's AMI client (used by the tests that run
    next on this worker) is connected again before the next test starts."""
    yield
    assert ami.wait_connected(30), "the session AMI client did not reconnect"


@pytest.mark.usefixtures("restarts_asterisk")
def test_down_leaves_no_process_and_up_again_works(sandbox: Sandbox) -> None:
    sandbox.down()
    sandbox.down()  # idempotent
    assert sandbox._instance_pids() == []
    if not sandbox._chroot_pids():  # no other instance (e.g. `make run`) shares the chroot
        assert mounts_under(sandbox.paths.root) == []
    assert sandbox.status()["running"] is False
    sandbox.up()
    assert sandbox.status()["running"] is True
