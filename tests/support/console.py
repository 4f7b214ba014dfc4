"""A console on a test database: the operators' accounts, a ticket made to order, logging in."""

from __future__ import annotations

import re
import wave
from pathlib import Path

from sqlalchemy import update
from starlette.testclient import TestClient

from callbot.config import Config
from callbot.console.asgi import Console, build_console, create_app
from callbot.operators.login import add_user
from callbot.tickets.caller import Caller
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.models import Ticket
from callbot.tickets.repository import TicketRepository
from tests.support.passwords import cheap_hashes

PASSWORD = "mat-khau-dai-1"


def _wav(path: Path, seconds: float = 1.0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x10\x00" * int(8000 * seconds))


class Site:
    """A console on ``config``'s database, at the tests' password-hash cost
    (:mod:`tests.support.passwords`), with four users: ana, binh (U1), chi (U2), sup (HQ)."""

    def __init__(self, config: Config) -> None:
        config = cheap_hashes(config)
        self.config = config
        self.console: Console = build_console(config)
        self.engine = make_engine(config.storage.effective_database_url)
        self.tickets = TicketRepository(session_factory(self.engine))
        for name, role, unit in [
            ("ana", "operator", "U1"),
            ("binh", "operator", "U1"),
            ("chi", "operator", "U2"),
            ("sup", "supervisor", "HQ"),
        ]:
            add_user(
                self.console.accounts,
                self.console.passwords,
                name,
                PASSWORD,
                role=role,
                unit=unit,
                min_length=10,
            )
        self.app = create_app(self.console)

    def ticket(self, unit: str = "U1") -> tuple[str, int]:
        """A new ticket of ``unit`` with one recorded answer; (number, answer id)."""
        record = self.tickets.create(Caller("0901234567", "", "", "1700000000.1"))
        relative = f"2026/11/28/{record.id}/name.wav"
        _wav(self.config.storage.recordings_dir / relative)
        answer = self.tickets.add_answer(record.id, "name", relative, 1.0, "silence")
        self.tickets.finish(record.id, "complete", "completed")
        with self.engine.begin() as connection:
            connection.execute(
                update(Ticket)
                .where(Ticket.id == record.id)
                .values(status="new", unit=unit, name="Nguyễn Văn An")
            )
        return record.number, answer.id

    def close(self) -> None:
        self.engine.dispose()
        self.console.operators.close()

    def client(self) -> TestClient:
        return TestClient(self.app, base_url="http://127.0.0.1", follow_redirects=False)


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    response = client.post(
        "/login", data={"csrf_token": token.group(1), "name": name, "password": password}
    )
    return str(response.status_code)


def csrf_of(client: TestClient, path: str = "/") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found is not None
    return found.group(1)
