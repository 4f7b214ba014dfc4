"""The public web form and status page through Starlette's test client, on a real database:
fields and errors beside them, the honeypot, the minimum fill time, the limits per address
(proof of work, then 429) and per phone, photos, emergencies, the status lookup."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from tests.support.public import FORM, Public, challenge, png, send, solve, token


def number_in(page: str) -> str:
    found = re.search(r'id="ticket-number">(\d+)<', page)
    assert found is not None, page[:2000]
    return found.group(1)


def test_the_form_is_labelled_and_safe(tmp_path: Path) -> None:
    public = Public(tmp_path)
    page = public.client().get("/")
    assert page.status_code == 200
    html = page.text
    for field in ("name", "phone", "address", "ward", "need", "photos", "consent"):
        assert f'<label for="{field}"' in html and f'id="{field}"' in html
    assert '<html lang="vi">' in html and 'rel="manifest"' in html
    assert 'aria-hidden="true"' in html and 'tabindex="-1" autocomplete="off"' in html  # honeypot
    assert html.count("<option") > 400 and "Phường Chợ Quán" in html and "(tên cũ" in html
    assert 'href="tel:115"' in html and 'href="tel:114"' in html and 'href="tel:113"' in html
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"


def test_a_request_is_sent_and_its_status_looked_up(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    sent = send(client)
    assert sent.status_code == 200
    number = number_in(sent.text)
    assert f'href="/status?number={number}"' in sent.text and "0901234567" in sent.text
    ticket = public.tickets.get(number)
    assert (ticket.channel, ticket.status, ticket.unit_name) == (
        "web",
        "new",
        "UBND Phường Chánh Hưng",
    )
    page = client.get(f"/status?number={number}")
    assert f'value="{number}"' in page.text
    found = client.post("/status", data={"number": number, "phone": "090 123 4567"})
    assert found.status_code == 200 and 'data-state="received"' in found.text
    assert "Đã tiếp nhận" in found.text and FORM["name"] not in found.text
    wrong = client.post("/status", data={"number": number, "phone": "0909999999"})
    assert wrong.status_code == 404 and "data-state" not in wrong.text


def test_refused_fields_are_said_beside_them_and_values_kept_escaped(tmp_path: Path) -> None:
    public = Public(tmp_path)
    hostile = '<script>alert("x")</script>'
    page = send(public.client(), {"name": hostile, "phone": "12345", "need": "", "consent": ""})
    assert page.status_code == 422
    html = page.text
    assert 'id="error-summary"' in html and 'href="#phone"' in html
    assert 'id="phone-error"' in html and 'aria-invalid="true"' in html
    assert "phone-hint phone-error" in html  # the message is read with the field
    assert "Số điện thoại không hợp lệ" in html and 'id="need-error"' in html
    assert 'id="consent-error"' in html
    assert hostile not in html and "&lt;script&gt;" in html  # kept, never rendered raw
    assert public.tickets.count() == 0


def test_the_honeypot_and_a_form_sent_too_fast_are_refused(tmp_path: Path) -> None:
    public = Public(tmp_path)
    trap = send(public.client(), website="http://spam.example")
    assert trap.status_code == 400 and public.tickets.count() == 0
    slow = Public(tmp_path / "slow", min_fill_seconds=30)
    fast = send(slow.client())
    assert fast.status_code == 400 and 'id="notice"' in fast.text
    assert FORM["need"] in fast.text  # the values are kept
    assert slow.tickets.count() == 0
    forged = slow.client().post("/send", data={**FORM, "form_token": "1.2.3"})
    assert forged.status_code == 400 and slow.tickets.count() == 0


def test_the_same_form_sent_twice_gives_one_ticket(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    form_token = token(client.get("/").text)
    data = {**FORM, "form_token": form_token, "website": ""}
    first = client.post("/send", data=data)
    again = client.post("/send", data=data)
    assert number_in(first.text) == number_in(again.text)
    assert "đã được gửi trước đó" in again.text and public.tickets.count() == 1


def test_an_address_that_sends_a_lot_solves_a_proof_of_work_then_is_refused(
    tmp_path: Path,
) -> None:
    public = Public(tmp_path, sends_per_address=2, max_sends_per_address=4, sends_per_phone=50)
    client = public.client()
    for i in range(2):
        assert send(client, {"phone": f"090123456{i}"}).status_code == 200
    page = client.get("/").text
    data = challenge(page)
    assert data is not None and 'id="pow-status"' in page
    refused = send(client, {"phone": "0901234562"})
    assert refused.status_code == 429 and challenge(refused.text) is not None
    assert FORM["need"] in refused.text
    solved = client.post(
        "/send",
        data={**FORM, "form_token": token(page), "altcha": solve(data), "website": ""},
    )
    assert solved.status_code == 200
    # a solution counts once
    again = client.post(
        "/send",
        data={**FORM, "form_token": token(page), "altcha": solve(data), "website": ""},
    )
    assert again.status_code == 429
    blocked = send(client)
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    # another address is not concerned
    assert send(public.client("198.51.100.9"), {"phone": "0901234569"}).status_code == 200


def test_a_phone_that_sent_a_lot_is_refused(tmp_path: Path) -> None:
    public = Public(tmp_path, sends_per_phone=2)
    for address in ("198.51.100.1", "198.51.100.2"):
        assert send(public.client(address)).status_code == 200
    refused = send(public.client("198.51.100.3"))
    assert refused.status_code == 429 and "Số điện thoại này" in refused.text
    assert public.tickets.count() == 2


def test_photos_are_kept_and_what_is_not_an_image_refused_beside_the_field(
    tmp_path: Path,
) -> None:
    public = Public(tmp_path, max_photo_bytes=100_000)
    client = public.client()
    sent = send(client, photos=[("a.png", png(), "image/png")])
    assert sent.status_code == 200
    ticket = public.tickets.get(number_in(sent.text))
    stored = public.site.written.intake.tickets.attachments([ticket.id])
    assert [a.content_type for a in stored] == ["image/png"]
    fake = send(client, photos=[("photo.jpg", b"<svg onload=alert(1)>", "image/jpeg")])
    assert fake.status_code == 422 and 'id="photos-error"' in fake.text
    assert "không phải ảnh" in fake.text and "chọn lại ảnh" in fake.text
    big = send(client, photos=[("big.png", png() + b"\0" * 150_000, "image/png")])
    assert big.status_code == 422 and "tối đa 0,1 MB" in big.text
    too_many = send(client, photos=[("a.png", png(), "image/png")] * 4)
    assert too_many.status_code == 422 and "tối đa 3 ảnh" in too_many.text
    huge = send(client, photos=[("a.png", b"\0" * 400_000, "image/png")] * 3)
    assert huge.status_code == 413
    assert public.tickets.count() == 1


def test_an_emergency_shows_the_emergency_numbers_at_once(tmp_path: Path) -> None:
    public = Public(tmp_path)
    sent = send(public.client(), {"need": "Mẹ tôi khó thở, bất tỉnh, cần cấp cứu"})
    assert sent.status_code == 200 and 'id="emergency"' in sent.text
    for number in ("115", "114", "113"):
        assert f'href="tel:{number}"' in sent.text
    assert public.tickets.get(number_in(sent.text)).urgency == "emergency"
    assert '<a class="call first" href="tel:115" id="emergency-first">' in sent.text


def test_a_fire_written_in_the_form_shows_114_first(tmp_path: Path) -> None:
    public = Public(tmp_path)
    sent = send(public.client(), {"need": "Nhà hàng xóm đang cháy lớn, còn người mắc kẹt"})
    assert '<a class="call first" href="tel:114" id="emergency-first">' in sent.text
    for number in ("115", "113"):  # the others follow
        assert f'<a class="call" href="tel:{number}">' in sent.text


def test_status_lookups_are_limited_per_address(tmp_path: Path) -> None:
    public = Public(tmp_path, lookups_per_address=3)
    client = public.client()
    for _ in range(3):
        assert (
            client.post("/status", data={"number": "0000018", "phone": "0901"}).status_code == 404
        )
    limited = client.post("/status", data={"number": "0000018", "phone": "0901"})
    assert limited.status_code == 429 and "retry-after" in limited.headers


def test_the_manifest_makes_the_form_installable(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    manifest = client.get("/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    body = manifest.json()
    assert body["start_url"] == "/" and body["display"] == "standalone" and body["lang"] == "vi"
    for icon in body["icons"]:
        image = client.get(icon["src"])
        assert image.status_code == 200 and image.headers["content-type"] == "image/png"


def test_photos_of_a_refused_form_are_kept_for_the_next_send(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    refused = send(client, {"phone": "123"}, photos=[("a.png", png(), "image/png")])
    assert refused.status_code == 422 and 'id="kept"' in refused.text
    assert "chọn lại ảnh" not in refused.text
    ref = re.search(r'name="kept_photos" value="([^"]+)"', refused.text)
    assert ref is not None
    pending = public.config.storage.recordings_dir / "pending"
    assert len(list(pending.rglob("photo-*"))) == 1
    data = {**FORM, "form_token": token(refused.text), "website": "", "kept_photos": ref.group(1)}
    sent = client.post("/send", data=data)
    assert sent.status_code == 200
    ticket = public.tickets.get(number_in(sent.text))
    stored = public.site.written.intake.tickets.attachments([ticket.id])
    assert [a.content_type for a in stored] == ["image/png"]
    assert list(pending.rglob("photo-*")) == []  # sent: no longer pending
    # a reference not signed here brings nothing
    forged = {**data, "kept_photos": "0" * 32 + ".abc", "phone": "0907777777"}
    forged["form_token"] = token(client.get("/").text)
    other = client.post("/send", data=forged)
    assert other.status_code == 200
    again = public.tickets.get(number_in(other.text))
    assert public.site.written.intake.tickets.attachments([again.id]) == []


def test_kept_photos_may_be_dropped(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    refused = send(client, {"need": ""}, photos=[("a.png", png(), "image/png")])
    ref = re.search(r'name="kept_photos" value="([^"]+)"', refused.text)
    assert ref is not None
    data = {
        **FORM,
        "form_token": token(refused.text),
        "website": "",
        "kept_photos": ref.group(1),
        "drop_kept": "1",
    }
    sent = client.post("/send", data=data)
    ticket = public.tickets.get(number_in(sent.text))
    assert public.site.written.intake.tickets.attachments([ticket.id]) == []
    assert list((public.config.storage.recordings_dir / "pending").rglob("photo-*")) == []


def test_the_site_loads_the_parsers_when_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The gazetteer and the need model load beside the first requests, not in their path."""
    warmed = threading.Event()
    monkeypatch.setattr("callbot.public.asgi.warm_parsers", warmed.set)
    public = Public(tmp_path)
    assert not warmed.is_set()
    with public.client() as client:  # the app's lifespan starts
        assert warmed.wait(5)
        assert client.get("/").status_code == 200
