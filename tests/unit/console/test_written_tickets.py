"""Written requests in the console (TestClient, real SQLite): the channel shown, filtered,
counted and exported; a web ticket's photos to the operators of its unit only, served as the
image they are; a written request merged into the same number's call, in its history."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import update

from callbot.config import load_config
from callbot.intake.written import WrittenIntake
from callbot.routing.settle import Settler
from callbot.tickets.models import Ticket
from callbot.tickets.rules import Channel
from callbot.tickets.written import WrittenTickets
from tests.support.console import Site, login


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    config = load_config(environ={"CALLBOT_STORAGE__ROOT": str(tmp_path)}, project_dir=tmp_path)
    built = Site(config)
    yield built
    built.engine.dispose()


def written(site: Site, unit: str = "U1", phone: str = "0912345678") -> tuple[str, int]:
    """A web request with a photo, in ``unit``'s queue: (number, ticket id)."""
    tx = site.tickets.transactions
    intake = WrittenIntake(
        WrittenTickets(tx),
        Settler(tx, repeat_window=timedelta(hours=24)),
        site.config.storage.recordings_dir,
    )
    request = intake.check(
        {
            "name": "Võ Thị Mai",
            "phone": phone,
            "address": "12 Nguyễn Trãi",
            "need": "Nhà ngập nước, cần hỗ trợ",
            "consent": "1",
        },
        consent_needed=True,
    )
    receipt = intake.submit(request, intake.check_photos([png()]), channel=Channel.WEB, scope="web")
    record = site.tickets.get(receipt.number)
    with site.engine.begin() as connection:
        connection.execute(
            update(Ticket).where(Ticket.id == record.id, Ticket.unit.is_(None)).values(unit=unit)
        )
    return receipt.number, record.id


def test_a_web_ticket_and_its_photo_for_its_units_operator_only(site: Site) -> None:
    number, _ = written(site)
    with site.client() as client:
        assert login(client, "ana") == "303"
        page = client.get(f"/tickets/{number}")
        assert page.status_code == 200
        assert 'data-channel="web"' in page.text and "Biểu mẫu web" in page.text
        assert "<audio" not in page.text  # written answers have no recording
        assert "Nhà ngập nước, cần hỗ trợ" in page.text
        photo_url = page.text.split('<img src="')[1].split('"')[0]
        photo = client.get(photo_url)
        assert photo.status_code == 200 and photo.content == png()
        assert photo.headers["content-type"] == "image/png"
        assert photo.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in photo.headers["content-security-policy"]
        assert photo.headers["content-disposition"].startswith("inline")
    with site.client() as client:
        assert login(client, "chi") == "303"  # another unit
        assert client.get(f"/tickets/{number}").status_code == 404
        assert client.get(photo_url).status_code == 404  # like an unknown one: no existence oracle
    with site.client() as client:
        assert client.get(photo_url).status_code == 401
        assert login(client, "sup") == "303"
        assert client.get(photo_url).status_code == 200
        assert client.get("/attachments/999").status_code == 404


def test_the_channel_is_shown_filtered_counted_and_exported(site: Site) -> None:
    call_number, _ = site.ticket()
    web_number, _ = written(site)
    with site.client() as client:
        login(client, "ana")
        queue = client.get("/").text
        assert call_number in queue and web_number in queue and 'id="filter-channel"' in queue
        web_only = client.get("/?channel=web").text
        assert web_number in web_only and call_number not in web_only
        calls_only = client.get("/?channel=call").text
        assert call_number in calls_only and web_number not in calls_only
        assert client.get("/?channel=fax").status_code == 200  # an unknown channel: no filter
        dashboard = client.get("/dashboard").text
        table = dashboard.split('id="table-channels"')[1].split("</table>")[0]
        assert 'data-channel="web"' in table and 'data-channel="call"' in table
        assert '<span id="calls-total">1</span>' in dashboard  # the hourly chart counts calls
        csv = client.get("/export.csv").content.decode("utf-8-sig")
        assert csv.splitlines()[0].endswith(",Kênh")
        assert any(
            line.startswith(web_number) and line.endswith("Biểu mẫu web")
            for line in csv.splitlines()
        )


def test_a_written_request_merged_into_the_numbers_call_is_in_its_history(site: Site) -> None:
    call_number, _ = site.ticket()
    with site.engine.begin() as connection:
        connection.execute(
            update(Ticket).where(Ticket.number == call_number).values(callback_number="0901234567")
        )
    web_number, web_id = written(site, phone="0901234567")
    assert site.tickets.get(web_id).status == "merged"
    with site.client() as client:
        login(client, "ana")
        page = client.get(f"/tickets/{call_number}").text
        linked = page.split('id="linked"')[1].split("</ul>")[0]
        assert web_number in linked and "Biểu mẫu web" in linked
        history = page.split('id="history"')[1].split("</table>")[0]
        assert "Gộp yêu cầu" in history and f"phiếu {web_number} (Biểu mẫu web)" in history
        assert 'id="photos"' in page  # the merged request's photo, on the open ticket
