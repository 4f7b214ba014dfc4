"""The chat's dialog, message by message, with fake checks: the questions in order, one at a
time, the read-back, corrections, "0" to a person, emergencies told at once, locations and the
info card filling answers, photos, anything off-script, messages out of order, and a state
that survives a round trip through JSON (a restart mid-chat)."""

from __future__ import annotations

import json

import pytest

from callbot.dialog.chat_engine import CONFIRM, DONE, WARD, ChatInput, ChatState, Turn, advance
from callbot.dialog.chat_steps import CHAT, TEXTS, ChatQuestion, ChatScript
from callbot.errors import DialogError


class Fake:
    """Checks: 10-digit numbers from 0, a point north of 10.7 placed, "khó thở" is 115."""

    def phone(self, text: str) -> str | None:
        digits = "".join(c for c in text if c.isdigit())
        return digits if len(digits) == 10 and digits.startswith("0") else None

    def place(self, latitude: float, longitude: float) -> tuple[str, str] | None:
        return ("Phường Tân Định, Quận 1", "Phường Tân Định") if latitude > 10.7 else None

    def ward(self, text: str) -> str | None:
        return "Phường 2, Quận 5" if text == "Phường 2, Quận 5" else None

    def emergency(self, text: str) -> str | None:
        return "115" if "khó thở" in text else ("114" if "cháy" in text else None)


class Chat:
    """A conversation driven one message at a time, its state through JSON each turn."""

    def __init__(self, card: bool = False) -> None:
        self.stored: dict[str, object] = {}
        self.card = card
        self.turns: list[Turn] = []

    def send(self, kind: str = "text", text: str = "", **fields: object) -> Turn:
        state = ChatState.from_dict(json.loads(json.dumps(self.stored)) or None)
        turn = advance(CHAT, state, ChatInput(kind, text, **fields), Fake(), offer_card=self.card)  # type: ignore[arg-type]
        self.stored = turn.state.as_dict()
        self.turns.append(turn)
        return turn

    @property
    def state(self) -> ChatState:
        return ChatState.from_dict(self.stored)


def texts(turn: Turn) -> list[str]:
    return [r.text for r in turn.replies]


def test_a_whole_conversation_one_question_at_a_time() -> None:
    chat = Chat(card=True)
    first = chat.send(text="xin chào")
    assert texts(first)[0] == TEXTS["greeting"]
    assert first.replies[1].card and texts(first)[2] == CHAT.question("name").ask
    assert texts(chat.send(text="Nguyễn Văn An")) == [CHAT.question("phone").ask]
    assert texts(chat.send(text="090 123 4567")) == [CHAT.question("address").ask]
    assert texts(chat.send(text="12 Lê Lợi, phường Bến Nghé")) == [CHAT.question("need").ask]
    readback = chat.send(text="Nhà tôi hết gạo ba ngày rồi")
    assert chat.state.step == CONFIRM and readback.make_ticket == ""
    (shown,) = texts(readback)
    for value in ("Nguyễn Văn An", "0901234567", "12 Lê Lợi", "hết gạo", "Gõ 1 nếu đúng"):
        assert value in shown
    done = chat.send(text="Đúng rồi ạ!")
    assert done.make_ticket == "complete" and chat.state.step == DONE
    assert "{number}" in texts(done)[0]
    assert chat.state.answers == {
        "name": "Nguyễn Văn An",
        "phone": "0901234567",
        "address": "12 Lê Lợi, phường Bến Nghé",
        "need": "Nhà tôi hết gạo ba ngày rồi",
    }
    # after the ticket: told once that operators have it, then quiet
    assert texts(chat.send(text="cảm ơn")) == [TEXTS["after_ticket"].format(number="{number}")]
    assert texts(chat.send(text="còn nữa")) == []
    assert chat.send(text="1").make_ticket == ""  # never twice


@pytest.mark.parametrize("word", ["0", "gặp tổng đài viên", "Cho tôi gặp tổng đài viên!"])
@pytest.mark.parametrize("after", [0, 1, 3, 4])
def test_a_person_at_any_step(word: str, after: int) -> None:
    chat = Chat()
    for text in ["chào", "Lan", "0901234567", "Q5", "cần gạo"][: after + 1]:
        chat.send(text=text)
    turn = chat.send(text=word)
    assert turn.make_ticket == "handoff" and chat.state.step == DONE
    assert texts(turn) == [TEXTS["handoff"]]


def test_a_refused_answer_is_asked_again_then_the_dialog_moves_on() -> None:
    chat = Chat()
    chat.send(text="chào")
    chat.send(text="Lan")
    again = CHAT.question("phone").again
    assert texts(chat.send(text="không nhớ")) == [again]
    assert texts(chat.send(text="123")) == [again]
    gave_up = chat.send(text="abc")
    assert texts(gave_up) == [TEXTS["phone_gave_up"], CHAT.question("address").ask]
    assert chat.state.answers["phone"] == ""  # given up: not asked again
    assert texts(chat.send(text="x" * 301)) == [CHAT.question("address").again]


def test_an_emergency_is_told_at_once_and_the_ticket_made_when_the_need_is_known() -> None:
    chat = Chat()
    chat.send(text="chào")
    chat.send(text="Lan")
    chat.send(text="0901234567")
    chat.send(text="12 Lê Lợi")
    turn = chat.send(text="mẹ tôi khó thở lắm")
    assert texts(turn)[0] == TEXTS["emergency"].format(service="115", label="cấp cứu")
    assert turn.make_ticket == "emergency"  # no read-back
    assert chat.state.emergency == "115"


def test_an_emergency_in_the_first_message_is_the_need() -> None:
    chat = Chat()
    first = chat.send(text="nhà tôi bị cháy rồi cứu với")
    assert texts(first)[0] == TEXTS["emergency"].format(service="114", label="cứu hỏa")
    assert texts(first)[1] == TEXTS["greeting"]
    assert chat.state.answers["need"] == "nhà tôi bị cháy rồi cứu với"
    chat.send(text="Lan")
    chat.send(text="0901234567")
    last = chat.send(text="12 Lê Lợi")
    assert last.make_ticket == "emergency"  # every question answered: no need asked
    assert not any("cứu hỏa" in t for t in texts(last))  # told once


def test_a_first_message_that_says_something_is_kept() -> None:
    chat = Chat()
    chat.send(text="nhà tôi hết gạo từ hôm qua")
    assert chat.state.answers["opening"] == "nhà tôi hết gạo từ hôm qua"
    assert "need" not in chat.state.answers  # still asked
    chat.send(text="xin chào")
    assert Chat().send(text="alo").state.answers == {}


def test_a_location_fills_the_address_and_the_ward() -> None:
    chat = Chat()
    for text in ["chào", "Lan", "0901234567"]:
        chat.send(text=text)
    placed = chat.send("location", location=(10.79, 106.69))
    assert texts(placed) == [
        TEXTS["location_placed"].format(place="Phường Tân Định"),
        CHAT.question("need").ask,
    ]
    assert chat.state.answers["ward"] == "Phường Tân Định, Quận 1"
    assert chat.state.answers["address"].startswith("vị trí đã chia sẻ 10.790000, 106.690000")


def test_a_location_that_cannot_be_placed_asks_for_the_ward() -> None:
    chat = Chat()
    for text in ["chào", "Lan", "0901234567"]:
        chat.send(text=text)
    assert texts(chat.send("location", location=(10.5, 106.6))) == [TEXTS["ward_ask"]]
    assert chat.state.step == WARD
    assert texts(chat.send(text="Phường 2, Quận 5")) == [CHAT.question("need").ask]
    assert chat.state.answers["ward"] == "Phường 2, Quận 5"
    other = Chat()
    for text in ["chào", "Lan", "0901234567"]:
        other.send(text=text)
    other.send("location", location=(10.5, 106.6))
    other.send(text="phường 5 quận 8")
    assert other.state.answers["address"].endswith(", phường 5 quận 8")


def test_a_location_elsewhere_is_noted_and_the_question_asked_again() -> None:
    chat = Chat()
    chat.send(text="chào")
    turn = chat.send("location", location=(10.5, 106.6))
    assert texts(turn) == [TEXTS["location_noted"], CHAT.question("name").ask]
    assert "address" in chat.state.answers


def test_the_info_card_fills_what_it_can() -> None:
    chat = Chat(card=True)
    chat.send(text="chào")
    shared = {
        "name": "Lê Văn Ba",
        "phone": "090 123 4567",
        "address": "5 Hai Bà Trưng",
        "ward": "",
        "district": "Quận 1",
        "city": "Hồ Chí Minh",
    }
    turn = chat.send("info", info=shared)
    assert texts(turn) == [TEXTS["info_thanks"], CHAT.question("need").ask]
    answers = chat.state.answers
    assert answers["name"] == "Lê Văn Ba" and answers["phone"] == "0901234567"
    assert answers["address"] == "5 Hai Bà Trưng, Quận 1, Hồ Chí Minh"


def test_photos_and_what_the_bot_cannot_read() -> None:
    chat = Chat()
    chat.send(text="chào")
    kept = chat.send("image", photo="kept", photos=1, most=3)
    assert texts(kept) == [TEXTS["photo_kept"].format(count=1, most=3)]
    assert texts(chat.send("image", photo="full", photos=3, most=3)) == [
        TEXTS["photo_full"].format(count=3, most=3)
    ]
    assert texts(chat.send("image", photo="refused"))[0] == TEXTS["photo_refused"]
    assert texts(chat.send("other")) == [TEXTS["off_script"], CHAT.question("name").ask]
    assert chat.state.step == "name"


def test_the_read_back_corrects_one_answer_and_comes_back() -> None:
    chat = Chat()
    for text in ["chào", "Lan", "0901234567", "12 Lê Lợi", "cần gạo"]:
        chat.send(text=text)
    assert texts(chat.send(text="4")) == [CHAT.question("address").ask]
    back = chat.send(text="99 Trần Hưng Đạo")
    assert chat.state.step == CONFIRM and "99 Trần Hưng Đạo" in texts(back)[0]
    assert texts(chat.send(text="sai"))[0].startswith("Mục nào chưa đúng?")
    assert chat.send(text="3").state.step == "phone"
    chat.send(text="0912345678")
    assert chat.send(text="ok").make_ticket == "complete"


def test_the_read_back_does_not_loop() -> None:
    chat = Chat()
    for text in ["chào", "Lan", "0901234567", "12 Lê Lợi", "cần gạo"]:
        chat.send(text=text)
    assert chat.send(text="hả").make_ticket == ""
    assert chat.send(text="gì cơ").make_ticket == ""
    assert chat.send(text="???").make_ticket == "complete"


def test_a_number_written_before_its_question_is_taken() -> None:
    chat = Chat()
    chat.send(text="chào")
    turn = chat.send(text="0901234567")
    assert texts(turn) == [
        TEXTS["phone_noted"].format(phone="0901234567"),
        CHAT.question("name").ask,
    ]
    assert texts(chat.send(text="Lan")) == [CHAT.question("address").ask]


def test_a_late_message_changes_nothing() -> None:
    chat = Chat()
    chat.send(text="chào")
    before = chat.stored
    turn = chat.send(text="Lan", late=True)
    assert turn.replies == () and chat.stored == before


def test_a_script_must_be_consistent() -> None:
    question = ChatQuestion("name", "text", "a", "b", "c", "2")
    with pytest.raises(DialogError):
        ChatScript((question, question), TEXTS, ("1",), ("2",), ())
    with pytest.raises(DialogError):
        ChatScript((question,), {}, ("1",), (), ())
    with pytest.raises(DialogError):
        ChatScript((question,), TEXTS, ("2",), (), ())
