"""The ticket page says which number an emergency calls for and which words made it one
(issue 13): over HTTP (Starlette's TestClient), real SQLite, the real need parser."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from callbot.config import load_config
from callbot.tickets.models import Ticket
from callbot.understanding.need import parse_need
from tests.support.console import Site, login


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    config = load_config(environ={"CALLBOT_STORAGE__ROOT": str(tmp_path)}, project_dir=tmp_path)
    built = Site(config)
    yield built
    built.engine.dispose()


def _understood(site: Site, number: str, text: str, told: str | None) -> None:
    need = parse_need(text)
    ticket = site.tickets.get(number)
    if told:
        site.tickets.flag_emergency(ticket.id, need.category, told)
    with site.engine.begin() as connection:
        connection.execute(
            update(Ticket)
            .where(Ticket.id == ticket.id)
            .values(
                urgency="emergency",
                urgency_rank=0,
                emergency=True,
                fields={"need": {"parsed": need.as_dict(), "confidence": 0.8}},
            )
        )


def _page(site: Site, number: str) -> str:
    with site.client() as client:
        assert login(client, "ana") == "303"
        return html.unescape(client.get(f"/tickets/{number}").text)


def test_the_number_told_and_the_words_that_made_it_an_emergency(site: Site) -> None:
    number, _ = site.ticket()
    _understood(
        site, number, "dạ cháy nhà rồi khói đen mù mịt thằng con tui còn kẹt trên lầu", "114"
    )
    page = _page(site, number)
    assert 'data-service="114"' in page
    assert "114 (cứu hỏa, cứu nạn): người gọi đã được hướng dẫn gọi 114." in page
    assert "“cháy nhà”" in page and "“kẹt trên”" in page


def test_an_emergency_found_after_the_call_says_the_number_needed(site: Site) -> None:
    number, _ = site.ticket()
    _understood(site, number, "tụi nó đang đánh hội đồng một thằng nhỏ ngoài công viên", None)
    page = _page(site, number)
    assert "113 (công an): theo lời người gọi, cần gọi 113." in page
    assert "“đánh hội đồng”" in page


def test_a_calm_ticket_shows_no_emergency(site: Site) -> None:
    number, _ = site.ticket()
    assert 'id="emergency"' not in _page(site, number)
