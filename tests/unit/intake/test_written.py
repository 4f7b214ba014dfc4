"""Written requests into tickets, on a real SQLite database with the real parsers and units:
understood and routed like a call, merged with the same number's call, retried once, photos
checked by content, the public status, the API keys."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from callbot.errors import InvalidInput, InvalidRequest, RequestConflict
from callbot.intake.apikeys import ApiKeys, key_hash
from callbot.intake.fields import check_request, normalize_phone
from callbot.intake.places import is_ward_choice, ward_groups
from callbot.intake.status import PublicState, StatusLookup
from callbot.intake.written import PhotoLimits, WrittenIntake
from callbot.operators.accounts import Accounts
from callbot.operators.workflow import Workflow
from callbot.routing.fields import HeardAnswer, understand
from callbot.routing.settle import Settler
from callbot.routing.units import SAMPLE, UnitsDirectory
from callbot.tickets.caller import Caller
from callbot.tickets.models import ApiKey, TicketEvent
from callbot.tickets.rules import Channel
from callbot.tickets.written import WrittenTickets
from tests.support.database import Database

UNITS = UnitsDirectory.load(SAMPLE)
FORM = {
    "name": "Trần Thị Bình",
    "phone": "090 123 4567",
    "address": "hẻm 300 Phạm Thế Hiển, phường 4, quận 8",
    "need": "Gia đình tôi hết gạo ba ngày rồi",
    "consent": "1",
}


def png(width: int = 8, height: int = 6) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 30)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def service(database: Database, tmp_path: Path) -> WrittenIntake:
    tx = database.tickets.transactions
    settler = Settler(tx, units=UNITS, repeat_window=timedelta(hours=24))
    return WrittenIntake(WrittenTickets(tx), settler, tmp_path / "recordings")


def send(service: WrittenIntake, **changes: str) -> str:
    request = service.check({**FORM, **changes}, consent_needed=True)
    return service.submit(request, channel=Channel.WEB, scope="web").number


def test_a_web_request_is_understood_and_routed_like_a_call(
    service: WrittenIntake, database: Database
) -> None:
    receipt = service.submit(
        service.check(FORM, consent_needed=True), channel=Channel.WEB, scope="web"
    )
    ticket = database.tickets.get(receipt.number)
    assert (ticket.status, ticket.channel) == ("new", "web")
    assert (ticket.ward, ticket.district, ticket.new_unit) == (
        "Phường 4",
        "Quận 8",
        "Phường Chánh Hưng",
    )
    assert ticket.unit_name == "UBND Phường Chánh Hưng" and ticket.category == "food"
    assert (ticket.name, ticket.callback_number, ticket.callback_source) == (
        "Trần Thị Bình",
        "0901234567",
        "written",
    )
    assert [(a.step, a.ended_by, a.transcription) for a in ticket.answers] == [
        ("name", "written", "done"),
        ("address", "written", "done"),
        ("need", "written", "done"),
    ]
    assert ticket.answers[2].transcript == FORM["need"] and ticket.answers[0].audio_path == ""
    assert not receipt.emergency and receipt.created
    assert ticket.to_dict()["channel"] == "web"


def test_the_picked_ward_places_the_ticket_over_the_address_text(
    service: WrittenIntake, database: Database
) -> None:
    number = send(service, address="12 đường Nguyễn Trãi", ward="Phường 3, Quận 5")
    ticket = database.tickets.get(number)
    # "Phường 3" of Quận 5 was merged into Phường 2 (January 2025), now Phường Chợ Quán
    assert ticket.new_unit == "Phường Chợ Quán" and ticket.unit_name == "UBND Phường Chợ Quán"
    assert ticket.fields is not None and ticket.fields["ward"]["confidence"] >= 0.9


def test_an_emergency_written_tops_the_queue_at_once(
    service: WrittenIntake, database: Database
) -> None:
    request = service.check(
        {**FORM, "need": "Nhà tôi có người khó thở, bất tỉnh!"}, consent_needed=True
    )
    receipt = service.submit(request, channel=Channel.API, scope="api:1")
    ticket = database.tickets.get(receipt.number)
    assert receipt.emergency and ticket.urgency == "emergency" and ticket.emergency
    assert ticket.channel == "api"


def test_a_call_then_a_web_request_from_the_same_number_make_one_ticket(
    service: WrittenIntake, database: Database
) -> None:
    tickets = database.tickets
    call = tickets.create(Caller("0901234567", "", "", "1700000000.5"))
    tickets.set_callback(call.id, "0901234567", "caller_id")
    tickets.finish(call.id, "complete", "completed")
    assert service.settler.settle(call.id)
    number = send(service, need="Tôi gọi rồi mà chưa ai gọi lại, nhà hết gạo")
    web = tickets.get(number)
    assert (web.status, web.linked_to_id) == ("merged", call.id)
    assert tickets.get(call.id).call_count == 2
    with database.sessions() as session:
        event = session.scalars(select(TicketEvent).where(TicketEvent.ticket_id == call.id)).one()
    assert (event.action, event.detail) == ("merge", {"ticket": number, "channel": "web"})
    # the citizen's status is the open ticket's
    assert StatusLookup(service.tickets).lookup(number, "0901234567") is not None


def test_a_retry_with_the_same_key_gives_the_same_ticket(
    service: WrittenIntake, database: Database
) -> None:
    request = service.check(FORM, consent_needed=True)
    photo = service.check_photos([png()])
    first = service.submit(request, photo, channel=Channel.API, scope="api:7", idempotency_key="k1")
    again = service.submit(request, photo, channel=Channel.API, scope="api:7", idempotency_key="k1")
    assert (again.number, again.created) == (first.number, False)
    assert database.tickets.count() == 1
    other = service.check({**FORM, "need": "Cần hỗ trợ tiền thuê nhà"}, consent_needed=True)
    with pytest.raises(RequestConflict):
        service.submit(other, channel=Channel.API, scope="api:7", idempotency_key="k1")
    # another key's scope is another namespace
    elsewhere = service.submit(request, channel=Channel.API, scope="api:8", idempotency_key="k1")
    assert elsewhere.number != first.number
    # the retry's photos were not kept twice
    assert len(list((service.recordings).rglob("photo-*"))) == 1


def test_photos_are_checked_by_content_and_stored_beside_the_recordings(
    service: WrittenIntake, database: Database
) -> None:
    photos = service.check_photos([png(), b"", jpeg()])  # an unused file input is empty
    receipt = service.submit(
        service.check(FORM, consent_needed=True), photos, channel=Channel.WEB, scope="web"
    )
    ticket = database.tickets.get(receipt.number)
    stored = service.tickets.attachments([ticket.id])
    assert [(a.position, a.content_type) for a in stored] == [(1, "image/png"), (2, "image/jpeg")]
    first = service.recordings / stored[0].path
    assert first.read_bytes() == png() and first.parent.name == ticket.channel_uniqueid
    assert stored[0].path.count("/") == 4  # YYYY/MM/DD/<request>/photo-1.png


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            "not_an_image",
        ),
        (b"<html><script>alert(1)</script></html>", "not_an_image"),
        (b"GIF89a" + b"\x00" * 100, "not_an_image"),
        (b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script>", "not_an_image"),  # a polyglot
        (b"\xff\xd8\xff\xe0" + b"\x00" * 50, "not_an_image"),  # a truncated JPEG
        (b"\xff" * 6_000_000, "photo_too_big"),
    ],
)
def test_what_is_not_an_image_or_too_big_is_refused(
    service: WrittenIntake, data: bytes, code: str
) -> None:
    with pytest.raises(InvalidRequest) as refused:
        service.check_photos([data])
    assert refused.value.problems == {"photos": code}


def test_too_many_photos_and_too_many_pixels_are_refused(
    database: Database, tmp_path: Path
) -> None:
    tx = database.tickets.transactions
    small = WrittenIntake(
        WrittenTickets(tx), Settler(tx), tmp_path, photos=PhotoLimits(count=2, pixels=10_000)
    )
    with pytest.raises(InvalidRequest) as many:
        small.check_photos([png(), png(), png()])
    assert many.value.problems == {"photos": "too_many_photos"}
    with pytest.raises(InvalidRequest) as large:
        small.check_photos([png(200, 100)])
    assert large.value.problems == {"photos": "photo_too_big"}


def test_fields_are_checked_and_every_problem_named() -> None:
    clean, problems = check_request(
        {"name": "", "phone": "12345", "address": "x" * 301, "need": "a", "ward": "Phường Z"},
        known_ward=is_ward_choice,
        consent_needed=True,
    )
    assert clean is None
    assert problems == {
        "name": "required",
        "phone": "invalid_phone",
        "address": "too_long",
        "ward": "unknown_ward",
        "need": "too_short",
        "consent": "consent_required",
    }
    clean, problems = check_request(
        {**FORM, "name": " Lê\x00 Văn\u200b  Năm\r\n", "need": "dòng một\r\n\r\n\r\n\r\ndòng hai"},
        known_ward=is_ward_choice,
        consent_needed=True,
    )
    assert problems == {} and clean is not None
    assert clean.name == "Lê Văn Năm" and clean.need == "dòng một\n\ndòng hai"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("0901234567", "0901234567"),
        ("+84 90 123 4567", "0901234567"),
        ("090.123.4567", "0901234567"),
        ("028 3823 4567", "02838234567"),  # an HCMC landline
        ("+84-28-3823-4567", "02838234567"),
        ("(028) 38234567", "02838234567"),
        ("028 3823 456", None),  # a digit short
        ("024 3823 4567", None),  # Hà Nội's landlines are not callback numbers here
        ("12345", None),
    ],
)
def test_the_phone_rule_is_the_callbots_and_hcmc_landlines(typed: str, kept: str | None) -> None:
    assert normalize_phone(typed) == kept


def test_every_ward_in_the_picker_routes_through_the_address_parser() -> None:
    choices = [c for group in ward_groups() for c in group.choices]
    assert len(choices) > 168 + 273  # the 2025 units, the old wards and their older names
    for choice in choices:
        heard = [HeardAnswer(1, "ward", 1, choice.value)]
        understood = understand(heard, UNITS)
        assert understood.new_unit or understood.fields["unit"]["candidates"], choice
        assert understood.unit != UNITS.triage.code or understood.fields["unit"]["candidates"]


def test_the_status_says_the_state_and_only_to_the_right_phone(
    service: WrittenIntake, database: Database
) -> None:
    number = send(service)
    lookup = StatusLookup(service.tickets)
    status = lookup.lookup(number, "0901 234 567")
    assert status is not None and status.state == PublicState.RECEIVED
    assert status.as_dict() == {
        "ticket_number": number,
        "status": "received",
        "label": "Đã tiếp nhận",
    }
    assert lookup.lookup(number, "0909999999") is None
    assert lookup.lookup("0000000", "0901234567") is None
    assert lookup.lookup("not a number", "0901234567") is None
    ticket = database.tickets.get(number)
    tx = database.transactions()
    workflow = Workflow(tx)
    lan = Accounts(tx).add_user("lan", "not-a-real-hash", "operator", ticket.unit or "")
    workflow.claim(lan, ticket.id)
    assert _state(lookup, number) == PublicState.IN_PROGRESS
    workflow.unreachable(lan, ticket.id, "")
    assert _state(lookup, number) == PublicState.IN_PROGRESS  # taken once, back in the queue
    workflow.claim(lan, ticket.id)
    workflow.refer(lan, ticket.id, "HCM-26740", "UBND Phường An Hội Tây", "")
    assert _state(lookup, number) == PublicState.REFERRED
    boss = Accounts(tx).add_user("boss", "not-a-real-hash", "supervisor", "HCM")
    workflow.claim(boss, ticket.id)
    workflow.resolve(boss, ticket.id, "")
    assert _state(lookup, number) == PublicState.RESOLVED


def _state(lookup: StatusLookup, number: str) -> PublicState:
    found = lookup.lookup(number, "0901234567")
    assert found is not None
    return found.state


def test_api_keys_are_shown_once_stored_hashed_and_revoked(database: Database) -> None:
    keys = ApiKeys(database.transactions())
    record, key = keys.add("app-1022")
    assert key.startswith("cbk_") and len(key) == 47 and record.prefix == key[:12]
    with database.sessions() as session:
        stored = session.scalars(select(ApiKey)).one()
    assert stored.key_hash == key_hash(key) and key not in (stored.key_hash, stored.prefix)
    assert keys.verify(key) == record and keys.verify(key[:-1] + "x") is None
    with pytest.raises(InvalidInput):
        keys.add("app-1022")
    with pytest.raises(InvalidInput):
        keys.add("bad name!")
    revoked = keys.revoke("app-1022")
    assert not revoked.active and keys.verify(key) is None
    assert [k.name for k in keys.list()] == ["app-1022"]
    with pytest.raises(InvalidInput):
        keys.revoke("nobody")


def test_a_chat_channel_is_taken_like_the_others(
    service: WrittenIntake, database: Database
) -> None:
    request = service.check(FORM, consent_needed=False)
    receipt = service.submit(request, channel=Channel.CHAT, scope="chat:zalo")
    assert database.tickets.get(receipt.number).channel == "chat"
