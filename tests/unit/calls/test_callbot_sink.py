"""The callbot's sink decides the emergency on the real need parser and flags the real ticket
with the number the caller is told (issue 13). Only the recorder and the transcript source are
stand-ins: the transcript is what the recognizer would give (Vietnamese text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import pytest

from callbot.calls.callbot import Callbot, CallbotSink
from callbot.intake.recorder import CallRecorder
from callbot.tickets.caller import Caller
from tests.support.database import Database


@dataclass
class Heard:
    """The transcript source: the text of each step's answer."""

    texts: dict[str, str] = field(default_factory=dict)

    def text(self, answer_id: int, timeout: float) -> str | None:
        return self.texts.get(str(answer_id))


@dataclass
class Recorded:
    """The recorder's part the sink reads: the ticket and the answer of a step."""

    ticket_id: int
    answers: dict[str, int] = field(default_factory=dict)

    def answer_id(self, step: str) -> int | None:
        return self.answers.get(step)


def _sink(database: Database, need: str) -> tuple[CallbotSink, int]:
    ticket = database.tickets.create(Caller("0901234567", "", "", "sink-1"))
    bot = cast(Any, type("Bot", (), {})())
    bot.listening = Heard({"7": need})
    bot.tickets = database.tickets
    bot.monitor = None
    recorder = Recorded(ticket.id, {"need": 7})
    return CallbotSink(cast(CallRecorder, recorder), cast(Callbot, bot)), ticket.id


@pytest.mark.parametrize(
    ("said", "service", "category"),
    [
        ("mẹ tui té trong nhà tắm xong kêu hoài hổng trả lời", "115", "medical"),
        ("dạ cháy nhà rồi khói đen mù mịt thằng con tui còn kẹt trên lầu", "114", "other"),
        ("có trộm đang cạy cửa nhà tui ở dưới lầu", "113", "violation"),
    ],
)
def test_a_spoken_emergency_is_flagged_with_its_number(
    database: Database, said: str, service: str, category: str
) -> None:
    sink, ticket_id = _sink(database, said)
    assert sink.is_emergency("need", 0.1) == service
    assert sink.emergency("need", "speech", service) is True  # no monitor: reachable
    ticket = database.tickets.get(ticket_id)
    assert (ticket.urgency, ticket.emergency, ticket.emergency_service) == (
        "emergency",
        True,
        service,
    )
    assert ticket.category == category


@pytest.mark.parametrize(
    "said",
    [
        "năm ngoái nhà tui bị cháy giờ xin hỏi hỗ trợ sửa nhà",
        "dạ không gấp đâu chị tui chỉ muốn hỏi chỗ tiêm ngừa cho con",
        "ông nội tui ngủ say nằm im ngáy đều tui hỏi xin phiếu khám sức khỏe",
    ],
)
def test_past_denied_or_asleep_is_no_emergency(database: Database, said: str) -> None:
    sink, ticket_id = _sink(database, said)
    assert sink.is_emergency("need", 0.1) is None
    assert not database.tickets.get(ticket_id).emergency


def test_nine_keeps_115_without_a_category(database: Database) -> None:
    sink, ticket_id = _sink(database, "gạo")
    sink.emergency("name", "key")
    ticket = database.tickets.get(ticket_id)
    assert (ticket.emergency_service, ticket.category) == ("115", None)
