"""The public side on a test database: the app, a client, a form's token, an API key (and
Zalo's settings, for the webhook)."""

from __future__ import annotations

import base64
import html
import io
import json
import re
from pathlib import Path
from typing import Any

from altcha import solve_challenge_v1
from PIL import Image
from starlette.testclient import TestClient

from callbot.config import Config, load_config
from callbot.public.asgi import Site, build_site, create_app
from callbot.tickets.db import make_engine, session_factory
from callbot.tickets.repository import TicketRepository

PROJECT = Path(__file__).resolve().parents[2]
FORM = {
    "name": "Trần Thị Bình",
    "phone": "0901234567",
    "address": "hẻm 300 Phạm Thế Hiển, phường 4, quận 8",
    "ward": "",
    "need": "Gia đình tôi hết gạo ba ngày rồi",
    "consent": "1",
}


def png(width: int = 16, height: int = 12) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


class Public:
    """The public app on a fresh database under ``root``, with ``settings`` (intake.X=...)."""

    def __init__(
        self, root: Path, zalo: dict[str, object] | None = None, **settings: object
    ) -> None:
        base = {"min_fill_seconds": 0, **settings}
        self.config: Config = load_config(
            environ={"CALLBOT_STORAGE__ROOT": str(root)},
            settings=[f"intake.{k}={v}" for k, v in base.items()]
            + [f"zalo.{k}={v}" for k, v in (zalo or {}).items()],
            project_dir=PROJECT,
        )
        self.site: Site = build_site(self.config)
        self.app = create_app(self.site)
        self.engine = make_engine(self.config.storage.effective_database_url)
        self.tickets = TicketRepository(session_factory(self.engine))

    def client(self, address: str = "203.0.113.7") -> TestClient:
        return TestClient(
            self.app, base_url="http://127.0.0.1", follow_redirects=False, client=(address, 5000)
        )

    def key(self, name: str = "app") -> str:
        return self.site.written.keys.add(name)[1]


def token(page: str) -> str:
    found = re.search(r'name="form_token" value="([^"]+)"', page)
    assert found is not None, page[:500]
    return found.group(1)


def challenge(page: str) -> dict[str, Any] | None:
    found = re.search(r'data-challenge="([^"]+)"', page)
    if found is None:
        return None
    data: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return data


def solve(data: dict[str, Any]) -> str:
    """What the page's script sends for an ALTCHA challenge."""
    solution = solve_challenge_v1(
        data["challenge"], data["salt"], data["algorithm"], data["maxNumber"]
    )
    assert solution is not None
    payload = {
        "algorithm": data["algorithm"],
        "challenge": data["challenge"],
        "number": solution.number,
        "salt": data["salt"],
        "signature": data["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


def send(
    client: TestClient,
    values: dict[str, str] | None = None,
    photos: list[tuple[str, bytes, str]] | None = None,
    **extra: str,
) -> Any:
    """GET the form, then POST it as a browser does (multipart, an empty file input)."""
    page = client.get("/").text
    data = {**FORM, **(values or {}), "form_token": token(page), "website": "", **extra}
    files = (
        [("photos", p) for p in photos]
        if photos
        else [("photos", ("", b"", "application/octet-stream"))]
    )
    return client.post("/send", data=data, files=files)
