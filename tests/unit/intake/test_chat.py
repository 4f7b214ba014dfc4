"""The chat channel in one process, on a real SQLite database with the real parsers, units and
photos check, and a fake Zalo client (the stand-in's HTTP is tested in
tests/integration/test_zalo_chat.py): signed deliveries stored once, a conversation to a routed
ticket, a crash between the ticket and the turn's write, out-of-order messages, the senders'
answers to each of Zalo's errors, the reply window, an operator's reply and the closing
message."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from callbot.config import Config, load_config
from callbot.errors import ZaloError
from callbot.intake.chat.service import Chat, open_chat
from callbot.intake.services import open_written
from callbot.operators.accounts import UserRecord
from callbot.operators.stores import Operators
from callbot.tickets.chat_models import ChatMessage, Conversation, ZaloEventRow
from callbot.tickets.models import Attachment, Ticket, utc_now
from callbot.tickets.repository import TicketRepository
from callbot.zalo.messages import Tokens
from callbot.zalo.signature import sign
from tests.support.public import png

APP, OA_KEY = "1022000000000000001", "oa-key-for-tests"
USER = "5566778899"


@dataclass
class FakeZalo:
    """Zalo's API as a fake: records sends, answers what the test queued."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    answers: list[Exception] = field(default_factory=list)  # raised by the next sends
    refreshes: int = 0
    media: dict[str, bytes] = field(default_factory=dict)

    def send(self, token: str, body: dict[str, Any]) -> str:
        if self.answers:
            raise self.answers.pop(0)
        self.sent.append({"token": token, **body})
        return f"z{len(self.sent)}"

    def refresh(self, refresh_token: str) -> Tokens:
        self.refreshes += 1
        return Tokens(f"A{self.refreshes}", f"R{self.refreshes}", 90000)

    def fetch_media(self, url: str, max_bytes: int) -> bytes:
        if url not in self.media:
            raise ZaloError("a photo could not be fetched: HTTP 404", None)
        return self.media[url]

    def texts(self) -> list[str]:
        return [m["message"].get("text") or "[card]" for m in self.sent]


class Harness:
    def __init__(self, root: Path, database_url: str = "", **zalo: object) -> None:
        settings = {"app_id": APP, "oa_secret_key": OA_KEY, "app_secret": "s", "reorder_seconds": 0}
        settings.update(zalo)
        self.config: Config = load_config(
            environ={"CALLBOT_STORAGE__ROOT": str(root)},
            settings=[f"zalo.{k}={v}" for k, v in settings.items()]
            + ([f"storage.database_url={database_url}"] if database_url else []),
            project_dir=root,
        )
        self.written = open_written(self.config)
        self.chat: Chat = open_chat(self.config, self.written)
        self.zalo = FakeZalo()
        for part in (self.chat.inbound.conversations, self.chat.sender):
            part.client = self.zalo  # type: ignore[assignment]
        assert self.chat.keeper is not None
        self.chat.keeper.client = self.zalo  # type: ignore[assignment]
        self.chat.leases.set_tokens("A0", "R0", utc_now() + timedelta(hours=25))
        self.tx = self.written.transactions
        self.clock_ms = int(utc_now().timestamp() * 1000) - 60_000
        self.operators = Operators.on(self.tx, zalo=self.config.zalo)

    def event(
        self, name: str, message: dict[str, Any] | None = None, **extra: Any
    ) -> dict[str, Any]:
        self.clock_ms += 1000
        body: dict[str, Any] = {
            "app_id": APP,
            "event_name": name,
            "timestamp": str(self.clock_ms),
            "sender": {"id": USER},
            "recipient": {"id": "1022"},
            **extra,
        }
        if message is not None:
            body["message"] = {"msg_id": f"msg{self.clock_ms}", **message}
        return body

    def deliver(self, body: dict[str, Any], *, signature: str = "good") -> str:
        raw = json.dumps(body, ensure_ascii=False).encode()
        mac = sign(APP, raw, str(body["timestamp"]), OA_KEY)
        header = {"good": f"mac={mac}", "bad": "mac=" + "0" * 64, "none": None}[signature]
        return self.chat.webhook.accept(raw, header, "0").outcome

    def say(self, text: str) -> None:
        self.deliver(self.event("user_send_text", {"text": text}))
        self.work()

    def work(self) -> None:
        while self.chat.inbound.run_once() or self.chat.sender.run_once():
            pass

    def count(self, model: Any) -> int:
        with self.tx.sessions() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    def ticket(self) -> Ticket:
        with self.tx.sessions() as session:
            row = session.scalars(select(Ticket).where(Ticket.channel == "chat")).one()
            session.expunge(row)
            return row


@pytest.fixture
def h(tmp_path: Path) -> Iterator[Harness]:
    harness = Harness(tmp_path)
    yield harness
    harness.tx.sessions.kw["bind"].dispose()


def test_a_conversation_becomes_a_routed_ticket_with_photos_and_a_location(h: Harness) -> None:
    h.zalo.media["https://p.zdn.vn/1.png"] = png(40, 30)
    h.zalo.media["https://p.zdn.vn/2.png"] = png(20, 20)
    h.say("xin chào")
    assert h.zalo.texts()[0].startswith("Xin chào, đây là Tổng đài 1022")
    assert (
        h.zalo.sent[1]["message"]["attachment"]["payload"]["template_type"] == "request_user_info"
    )
    h.say("Trần Thị Bình")
    h.say("0901 234 567")
    h.deliver(
        h.event(
            "user_send_location",
            {
                "attachments": [
                    {
                        "type": "location",
                        "payload": {
                            "coordinates": {"latitude": "10.7931", "longitude": "106.6903"}
                        },
                    }
                ]
            },
        )
    )
    h.work()
    assert "Phường Tân Định, Quận 1" in h.zalo.texts()[-2]
    for url in ("https://p.zdn.vn/1.png", "https://p.zdn.vn/2.png"):
        h.deliver(
            h.event(
                "user_send_image", {"attachments": [{"type": "image", "payload": {"url": url}}]}
            )
        )
        h.work()
    assert h.zalo.texts()[-1] == "Đã nhận ảnh (2/3)."
    h.say("Nhà tôi hết gạo ba ngày rồi, có hai cháu nhỏ")
    assert "Xin kiểm tra lại" in h.zalo.texts()[-1]
    h.say("đúng")
    ticket = h.ticket()
    assert ticket.status == "new" and ticket.channel == "chat"
    assert ticket.callback_number == "0901234567" and ticket.name == "Trần Thị Bình"
    assert ticket.ward == "Phường Tân Định" and ticket.unit  # routed by the placed location
    assert ticket.category == "food"
    assert h.count(Attachment) == 2
    received = h.zalo.texts()[-1]
    assert ticket.number in received and "tiếp nhận" in received
    record = TicketRepository(h.tx.sessions).get(ticket.id)
    assert {a.step for a in record.answers} == {"name", "address", "ward", "need"}
    # everything the citizen wrote and the bot answered is kept, linked to the ticket
    with h.tx.sessions() as session:
        linked = session.scalars(select(ChatMessage.ticket_id)).all()
    assert set(linked) == {ticket.id}
    # a photo after the ticket joins it; a message gets one acknowledgement
    h.zalo.media["https://p.zdn.vn/3.png"] = png(10, 10)
    h.deliver(
        h.event(
            "user_send_image",
            {"attachments": [{"type": "image", "payload": {"url": "https://p.zdn.vn/3.png"}}]},
        )
    )
    h.work()
    assert h.count(Attachment) == 3
    h.say("cảm ơn")
    h.say("nhanh giúp tôi")
    assert (
        h.zalo.texts()[-1]
        == f"Tin nhắn của bạn đã được chuyển tới tổng đài viên (yêu cầu số {ticket.number})."
    )
    assert h.zalo.texts().count(h.zalo.texts()[-1]) == 1


def test_the_webhook_stores_an_event_once_and_ignores_what_is_not_zalo_s(h: Harness) -> None:
    body = h.event("user_send_text", {"text": "xin chào"})
    assert h.deliver(body) == "stored"
    assert h.deliver(body) == "repeat"  # Zalo's retry, the same msg_id
    assert h.deliver(body, signature="bad") == "ignored"
    assert h.deliver(h.event("user_send_text", {"text": "x"}), signature="none") == "ignored"
    old = h.event("user_send_text", {"text": "x"})
    old["timestamp"] = str(int((utc_now() - timedelta(hours=4)).timestamp() * 1000))
    assert h.deliver(old) == "ignored"  # a replay of a signed event, too old
    assert h.deliver(h.event("follow", follower={"id": USER})) == "ignored"
    assert h.count(ZaloEventRow) == 1
    h.work()
    assert len(h.zalo.sent) == 3  # greeting, card, first question: once


def test_a_crash_after_the_ticket_replays_to_the_same_ticket(
    h: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in ["chào", "Lan", "0901234567", "12 Lê Lợi, phường 4, quận 8", "cần gạo"]:
        h.say(text)
    conversations = h.chat.inbound.conversations
    real = conversations._write
    crashes = []

    def crash_once(session: Any, **kw: Any) -> None:
        if not crashes:
            crashes.append(1)
            raise RuntimeError("the process died here")
        real(session, **kw)

    monkeypatch.setattr(conversations, "_write", crash_once)
    h.deliver(h.event("user_send_text", {"text": "1"}))
    h.chat.inbound.run_once()
    assert h.count(Ticket) == 1  # made before the crash
    with h.tx.sessions() as session:  # the event waits for a retry
        session.execute(ZaloEventRow.__table__.update().values(next_attempt_at=utc_now()))
        session.commit()
    h.work()
    assert h.count(Ticket) == 1  # the same ticket, not a second one
    with h.tx.sessions() as session:
        conversation = session.scalars(select(Conversation)).one()
        assert conversation.ticket_id == h.ticket().id and conversation.status == "open"
    assert h.ticket().number in h.zalo.texts()[-1]


def test_messages_delivered_out_of_order(tmp_path: Path) -> None:
    h = Harness(tmp_path, reorder_seconds=0)
    h.say("chào")
    first = h.event("user_send_text", {"text": "Lan"})
    second = h.event("user_send_text", {"text": "0901234567"})
    h.deliver(second)  # written second, delivered first
    h.work()
    h.deliver(first)  # late
    h.work()
    state = h.chat.inbound.conversations
    with h.tx.sessions() as session:
        conversation = session.scalars(select(Conversation)).one()
        dialog = conversation.state["dialog"]
        kept = session.scalars(select(ChatMessage.text).where(ChatMessage.direction == "in")).all()
    assert dialog["answers"] == {"phone": "0901234567"} and dialog["step"] == "name"
    assert "Lan" in kept  # nothing lost: in the history, where operators read it
    assert state is not None
    h.tx.sessions.kw["bind"].dispose()


def test_messages_a_moment_apart_are_taken_in_the_order_written(tmp_path: Path) -> None:
    h = Harness(tmp_path, reorder_seconds=1)
    h.deliver(h.event("user_send_text", {"text": "chào"}))
    first = h.event("user_send_text", {"text": "Lan"})
    second = h.event("user_send_text", {"text": "0901234567"})
    h.deliver(second)
    h.deliver(first)
    import time

    time.sleep(1.1)
    h.work()
    with h.tx.sessions() as session:
        dialog = session.scalars(select(Conversation)).one().state["dialog"]
    assert dialog["answers"] == {"name": "Lan", "phone": "0901234567"}
    h.tx.sessions.kw["bind"].dispose()


def test_the_sender_answers_each_of_zalo_s_errors(h: Harness) -> None:
    h.zalo.answers = [
        ZaloError("Zalo refused: -216", -216, transient=True),  # refresh, send again
        ZaloError("no answer", None, transient=True),  # again later
    ]
    h.deliver(h.event("user_send_text", {"text": "chào"}))
    h.chat.inbound.run_once()
    h.chat.sender.run_once()  # -216: the token is marked expired, the message due again now
    h.chat.sender.run_once()  # refreshed, sent again with the new token: Zalo unreachable
    assert h.zalo.refreshes == 1 and h.chat.leases.tokens().access_token == "A1"  # type: ignore[union-attr]
    with h.tx.sessions() as session:
        first = session.scalars(
            select(ChatMessage).where(ChatMessage.direction == "out").order_by(ChatMessage.id)
        ).first()
        assert first is not None and first.status == "pending" and first.attempts == 2
        session.execute(ChatMessage.__table__.update().values(next_attempt_at=utc_now()))
        session.commit()
    h.work()
    assert len(h.zalo.sent) == 3 and all(m["token"] == "A1" for m in h.zalo.sent)
    h.zalo.answers = [ZaloError("Zalo refused: -201 text is invalid", -201)]
    h.say("Lan")
    with h.tx.sessions() as session:
        failed = session.scalars(select(ChatMessage).where(ChatMessage.status == "failed")).one()
    assert failed.last_error is not None and failed.last_error.startswith("refused")


def test_nothing_is_sent_past_the_window_and_the_ticket_says_why(tmp_path: Path) -> None:
    h = Harness(tmp_path, free_replies=2)
    h.say("chào")  # greeting, card, question: the third is past 2 free replies
    assert len(h.zalo.sent) == 2
    with h.tx.sessions() as session:
        failed = session.scalars(select(ChatMessage).where(ChatMessage.status == "failed")).one()
    assert failed.last_error == "window_closed: used_up"
    h.zalo.answers = [ZaloError("Zalo refused: -230 not interacted", -230)]
    h.say("Lan")  # the window starts again: but Zalo says no
    with h.tx.sessions() as session:
        errors = session.scalars(
            select(ChatMessage.last_error).where(ChatMessage.status == "failed")
        ).all()
    assert "window_closed: Zalo error -230" in errors
    h.tx.sessions.kw["bind"].dispose()


def _sup() -> UserRecord:
    return UserRecord(
        id=1, name="sup", role="supervisor", unit="HQ", active=True, created_at=utc_now()
    )


def test_an_operator_writes_back_and_closing_tells_the_citizen(h: Harness) -> None:
    for text in ["chào", "Lan", "0901234567", "12 Lê Lợi, phường 4, quận 8", "cần gạo", "1"]:
        h.say(text)
    ticket = h.ticket()
    desk = h.operators.chat
    view = desk.view(h.operators.queue.ticket(_sup(), ticket.id))
    assert view is not None and view.window.open and view.window.replies_left is not None
    desk.reply(_sup(), ticket.id, "Chào chị Lan, tổ dân phố sẽ mang gạo tới chiều nay.")
    h.work()
    assert h.zalo.texts()[-1] == "Chào chị Lan, tổ dân phố sẽ mang gạo tới chiều nay."
    h.operators.workflow.claim(_sup(), ticket.id)
    h.operators.workflow.resolve(_sup(), ticket.id, "đã giao gạo")
    h.work()
    resolved = f"Yêu cầu số {ticket.number} của bạn: Đã giải quyết."
    assert h.zalo.texts()[-1] == f"{resolved} Cảm ơn bạn đã liên hệ Tổng đài 1022."
    h.say("chào lại")  # a new conversation starts
    with h.tx.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Conversation)) == 2
    assert h.zalo.texts()[-1] == "Bạn vui lòng cho biết họ và tên?"


def test_an_emergency_is_answered_first(h: Harness) -> None:
    h.say("mẹ tôi khó thở quá, cứu với")
    assert h.zalo.texts()[0].startswith(
        "Nếu có người đang nguy hiểm đến tính mạng, hãy gọi ngay 115"
    )
    for text in ["Lan", "0901234567", "12 Lê Lợi, phường 4, quận 8"]:
        h.say(text)
    ticket = h.ticket()
    assert ticket.emergency and ticket.urgency == "emergency"
    assert ticket.number in h.zalo.texts()[-1]


def test_a_chat_from_a_number_with_an_open_ticket_joins_it(h: Harness) -> None:
    from callbot.intake.fields import check_request
    from callbot.intake.places import is_ward_choice
    from callbot.tickets.rules import Channel

    form = {"name": "Lan", "phone": "0901234567", "address": "12 Lê Lợi", "need": "cần gạo"}
    clean, _ = check_request(form, known_ward=is_ward_choice, consent_needed=False)
    assert clean is not None
    earlier = h.written.intake.submit(clean, channel=Channel.WEB, scope="web")
    for text in ["chào", "Lan", "0901234567", "12 Lê Lợi, phường 4, quận 8", "cần thêm mì", "1"]:
        h.say(text)
    chat = h.ticket()
    assert chat.status == "merged" and chat.linked_to_id is not None
    assert chat.number in h.zalo.texts()[-1]  # the citizen quotes their own request's number
    original = h.operators.queue.ticket(_sup(), earlier.number)
    view = h.operators.chat.view(original)
    assert view is not None and any(m.text == "cần thêm mì" for m in view.messages)
    h.operators.chat.reply(_sup(), original.ticket.id, "Đã nhận, chị chờ nhé.")
    h.operators.workflow.claim(_sup(), original.ticket.id)
    h.operators.workflow.resolve(_sup(), original.ticket.id)
    h.work()
    assert h.zalo.texts()[-2:] == [
        "Đã nhận, chị chờ nhé.",
        f"Yêu cầu số {chat.number} của bạn: Đã giải quyết. Cảm ơn bạn đã liên hệ Tổng đài 1022.",
    ]
