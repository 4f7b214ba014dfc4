"""A real console process and real headless Chromium (Debian's chromium + chromium-driver).

Each pytest-xdist worker gets its own database and recordings (a temporary directory) and its
own free loopback port; the console runs as ``python -m callbot.cli console`` (the production
entry point) and is stopped at the end. Tickets carry real spoken answers (espeak-ng WAVs,
8 kHz like the callbot's recordings). Tests marked ``browser`` fail, never skip, when Chromium
or its driver is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import update

from callbot.config import Config, load_config
from callbot.console.asgi import build_console
from callbot.operators.login import add_user
from callbot.speech.tts import synthesize_text
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.models import Answer, Ticket
from callbot.tickets.repository import TicketRepository
from tests.support.passwords import CHEAP_ENVIRON, cheap_hashes

PROJECT = Path(__file__).resolve().parents[2]
PASSWORD = "mat-khau-thu-1"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
USERS = [
    ("ana", "operator", "HCM-27190"),
    ("binh", "operator", "HCM-27190"),
    ("chi", "operator", "HCM-26740"),
    ("sup", "supervisor", "HCM"),
]
# (name, address, need) as a caller says them, and what the callbot understood.
CALLS: list[dict[str, Any]] = [
    {
        "texts": (
            "Nguyễn Văn An",
            "số mười hai đường Nguyễn Trãi phường hai quận năm",
            "nhà tôi có người khó thở cần xe cấp cứu",
        ),
        "values": {
            "name": "Nguyễn Văn An",
            "ward": "Phường 2",
            "district": "Quận 5",
            "new_unit": "Phường Chợ Quán",
            "category": "medical",
            "urgency": "emergency",
            "urgency_rank": 0,
            "emergency": True,
            "unit": "HCM-27190",
            "unit_name": "UBND Phường Chợ Quán",
        },
        "confidence": (0.91, 0.78, 0.86),
    },
    {
        "texts": (
            "Trần Thị Bình",
            "hẻm ba trăm đường Phạm Thế Hiển phường bốn quận tám",
            "gia đình tôi hết gạo ba ngày rồi",
        ),
        "values": {
            "name": "Trần Thị Bình",
            "ward": "Phường 4",
            "district": "Quận 8",
            "new_unit": "Phường Chánh Hưng",
            "category": "food",
            "urgency": "high",
            "urgency_rank": 1,
            "unit": "HCM-27190",
            "unit_name": "UBND Phường Chánh Hưng",
        },
        "confidence": (0.88, 0.64, 0.93),
    },
    {
        "texts": (
            "Lê Văn Năm",
            "phường mười hai quận Gò Vấp",
            "tôi mất việc cần hỗ trợ tiền thuê nhà",
        ),
        "values": {
            "name": "Lê Văn Năm",
            "ward": "Phường 12",
            "district": "Quận Gò Vấp",
            "new_unit": "Phường An Hội Tây",
            "category": "financial",
            "urgency": "normal",
            "urgency_rank": 2,
            "unit": "HCM-26740",
            "unit_name": "UBND Phường An Hội Tây",
        },
        "confidence": (0.72, 0.81, 0.69),
    },
    {
        "texts": (
            "Phạm Thị Hoa",
            "đường Lê Văn Sỹ phường mười ba quận ba",
            "con tôi sốt cao cần xét nghiệm",
        ),
        "values": {
            "name": "Phạm Thị Hoa",
            "ward": "Phường 13",
            "district": "Quận 3",
            "new_unit": "Phường Nhiêu Lộc",
            "category": "testing",
            "urgency": "normal",
            "urgency_rank": 2,
            "unit": "HCM-27190",
            "unit_name": "UBND Phường Chợ Quán",
        },
        "confidence": (0.95, 0.58, 0.77),
    },
]
STEPS = ("name", "address", "need")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Site:
    """The running console and its database."""

    config: Config
    url: str
    tickets: TicketRepository
    engine: Any
    numbers: list[str]
    process: subprocess.Popen[bytes]
    log: Path

    def add_call(self, call: dict[str, Any], uniqueid: str) -> str:
        """A finished call's ticket, understood and ready (status new); its number."""
        cache = self.config.storage.root / "tts"
        record = self.tickets.create(Caller("0901234567", "", "", uniqueid))
        for step, text, conf in zip(STEPS, call["texts"], call["confidence"], strict=True):
            source = synthesize_text(text, "espeak", cache)
            relative = f"2026/11/28/{uniqueid}/{step}.wav"
            target = self.config.storage.recordings_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            answer = self.tickets.add_answer(record.id, step, relative, 2.5, "silence")
            words = [{"word": w, "conf": conf, "start": 0.0, "end": 0.1} for w in text.split()]
            with self.engine.begin() as connection:
                connection.execute(
                    update(Answer)
                    .where(Answer.id == answer.id)
                    .values(transcription="done", transcript=text, words=words, asr_model="vosk")
                )
        self.tickets.set_callback(record.id, "0901234567", "caller_id")
        self.tickets.finish(record.id, "complete", "completed")
        fields = {
            step: {"value": text, "confidence": conf}
            for step, text, conf in zip(STEPS, call["texts"], call["confidence"], strict=True)
        }
        with self.engine.begin() as connection:
            connection.execute(
                update(Ticket)
                .where(Ticket.id == record.id)
                .values(status="new", fields=fields, **call["values"])
            )
        return record.number


def _start(config: Config, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    env.update(
        CALLBOT_PROJECT_DIR=str(PROJECT),
        CALLBOT_STORAGE__ROOT=str(config.storage.root),
        CALLBOT_CONSOLE__LIVE_POLL_SECONDS="0.2",
        **CHEAP_ENVIRON,  # the users' hashes were made at it (a login would renew them)
    )
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "callbot.cli", "console", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the console exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the console did not start: {log.read_text()[-2000:]}")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("console")
    config = cheap_hashes(
        load_config(environ={"CALLBOT_STORAGE__ROOT": str(root)}, project_dir=PROJECT)
    )
    console = build_console(config)  # migrates the database
    for name, role, unit in USERS:
        add_user(
            console.accounts, console.passwords, name, PASSWORD, role=role, unit=unit, min_length=10
        )
    engine = make_engine(config.storage.effective_database_url)
    port = free_port()
    log = root / "console.log"
    process = _start(config, port, log)
    built = Site(
        config,
        f"http://127.0.0.1:{port}",
        TicketRepository(session_factory(engine)),
        engine,
        [],
        process,
        log,
    )
    for i, call in enumerate(CALLS):
        built.numbers.append(built.add_call(call, f"1764290000.{i}"))
    yield built
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    engine.dispose()


@pytest.fixture(scope="session")
def chromium_ready() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: `make setup` installs chromium chromium-driver")


@pytest.fixture
def browser(chromium_ready: None) -> Iterator[Callable[[], webdriver.Chrome]]:
    """A factory of headless Chromium sessions (each its own cookies); all quit at the end."""
    drivers: list[webdriver.Chrome] = []

    def make() -> webdriver.Chrome:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in (
            "--headless=new",
            "--no-sandbox",  # root in a container
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--window-size=1400,1000",
            "--autoplay-policy=no-user-gesture-required",
            "--lang=vi",
        ):
            options.add_argument(argument)
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        driver.set_page_load_timeout(30)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.quit()


def log_in(driver: webdriver.Chrome, site: Site, name: str) -> None:
    driver.get(f"{site.url}/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "login").click()
    try:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "user-name"))
    except Exception:
        raise AssertionError(driver.current_url + driver.page_source[:3000]) from None
