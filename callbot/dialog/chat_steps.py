"""The chat's conversation, as data: the same questions as the call, written for chat.

The call asks by voice, one prompt at a time (:mod:`.steps`); in a chat the citizen reads, so
the script is short Vietnamese messages, one question each, then a read-back of everything to
confirm. The answers keep the call's step names (``name``, ``address``, ``need``; the
callback number is ``phone``), so a chat ticket is understood, routed and merged exactly as a
call or a form. :mod:`.chat_engine` runs it; changing what the bot writes means editing this
table, not the engine.

Every reply the bot may write is in :data:`TEXTS` (``{name}``-style fields are filled by the
engine, ``{number}`` and ``{status}`` by the chat service once the ticket exists). The
confirmation takes the call's spoken phrases (:data:`~callbot.dialog.steps.CONFIRM_SPOKEN_VI`:
"đúng", "vâng", "sai"...) as typed words, and ``1``; a digit names the answer to correct.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from callbot.dialog.steps import CONFIRM_SPOKEN_VI
from callbot.errors import DialogError

QuestionKind = Literal["text", "phone", "address"]


@dataclass(frozen=True)
class ChatQuestion:
    """One question of the chat: what it asks, how an answer is checked, how it is read back."""

    name: str  # the answer's name: name, phone, address, need
    kind: QuestionKind
    ask: str
    again: str  # asked when an answer is refused
    label: str  # in the read-back
    fix_key: str  # typed at the read-back to correct this answer
    max_length: int = 300
    min_length: int = 1
    triage: bool = False  # checked for an emergency as soon as it is answered


@dataclass(frozen=True)
class ChatScript:
    """A whole chat dialog: the questions in order, every text, and the words it listens for."""

    questions: tuple[ChatQuestion, ...]
    texts: dict[str, str]
    yes: tuple[str, ...]
    no: tuple[str, ...]
    handoff: tuple[str, ...]  # typed alone or inside a message: the citizen asks for a person
    handoff_key: str = "0"
    max_tries: int = 2  # a refused answer is asked again at most this often
    emergency_labels: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = [q.name for q in self.questions]
        keys = [q.fix_key for q in self.questions]
        if len(set(names)) != len(names) or len(set(keys)) != len(keys):
            raise DialogError(f"chat questions need unique names and keys, got {names} {keys}")
        if self.handoff_key in keys or any(k in self.yes for k in keys):
            raise DialogError("a correction key may not be the handoff key or a yes")
        missing = REQUIRED_TEXTS - set(self.texts)
        if missing:
            raise DialogError(f"chat script without texts {sorted(missing)}")

    def question(self, name: str) -> ChatQuestion:
        """The question whose answer is ``name``; DialogError when there is none."""
        for question in self.questions:
            if question.name == name:
                return question
        raise DialogError(f"no chat question {name!r}")


REQUIRED_TEXTS = frozenset(
    {
        "greeting",
        "card_title",
        "card_subtitle",
        "confirm",
        "which",
        "received",
        "handoff",
        "emergency",
        "off_script",
        "photo_kept",
        "photo_refused",
        "photo_full",
        "photo_failed",
        "location_placed",
        "location_noted",
        "ward_ask",
        "after_ticket",
        "info_thanks",
        "phone_noted",
        "phone_gave_up",
        "resolved",
        "missing",
    }
)

TEXTS = {
    "greeting": (
        "Xin chào, đây là Tổng đài 1022 TP.HCM. Tôi sẽ hỏi vài câu ngắn để ghi nhận yêu cầu "
        "của bạn. Gõ 0 bất cứ lúc nào để gặp tổng đài viên."
    ),
    "card_title": "Tổng đài 1022 TP.HCM",
    "card_subtitle": (
        "Bấm để chia sẻ họ tên, số điện thoại và địa chỉ, hoặc trả lời từng câu hỏi bên dưới."
    ),
    "confirm": ("Xin kiểm tra lại:\n{readback}\nGõ 1 nếu đúng. Cần sửa thì gõ: {keys}."),
    "which": "Mục nào chưa đúng? Gõ {keys}.",
    "received": (
        "Yêu cầu của bạn đã được tiếp nhận, mã số {number}. Tổng đài viên sẽ liên hệ lại với "
        "bạn.{status}"
    ),
    "handoff": (
        "Đã chuyển bạn tới tổng đài viên, mã yêu cầu {number}. Tổng đài viên sẽ trả lời bạn "
        "tại đây sớm nhất có thể."
    ),
    "emergency": (
        "Nếu có người đang nguy hiểm đến tính mạng, hãy gọi ngay {service} ({label}). Yêu cầu "
        "của bạn được ưu tiên xử lý."
    ),
    "off_script": "Xin lỗi, tôi chỉ đọc được tin nhắn chữ, ảnh và vị trí.",
    "photo_kept": "Đã nhận ảnh ({count}/{most}).",
    "photo_refused": "Ảnh này không nhận được: chỉ nhận ảnh JPEG, PNG hoặc WebP không quá lớn.",
    "photo_full": "Đã đủ {most} ảnh; ảnh gửi thêm không được lưu.",
    "photo_failed": "Chưa tải được ảnh này. Bạn vui lòng gửi lại sau ít phút.",
    "location_placed": "Đã nhận vị trí: {place}.",
    "location_noted": "Đã nhận vị trí của bạn.",
    "ward_ask": "Tôi chưa xác định được phường/xã từ vị trí này. Bạn ở phường/xã nào?",
    "after_ticket": ("Tin nhắn của bạn đã được chuyển tới tổng đài viên (yêu cầu số {number})."),
    "info_thanks": "Cảm ơn, đã nhận thông tin bạn chia sẻ.",
    "phone_noted": "Đã ghi số điện thoại {phone}.",
    "phone_gave_up": (
        "Tôi chưa nhận được số điện thoại hợp lệ; tổng đài viên sẽ trả lời bạn qua Zalo."
    ),
    "resolved": (
        "Yêu cầu số {number} của bạn: Đã giải quyết. Cảm ơn bạn đã liên hệ Tổng đài 1022."
    ),
    "missing": "(chưa có)",
}

# The hotline's chat: who is writing, how to call them back, where, what they need.
CHAT = ChatScript(
    questions=(
        ChatQuestion(
            "name",
            "text",
            ask="Bạn vui lòng cho biết họ và tên?",
            again="Xin nhập họ và tên (tối đa 80 ký tự).",
            label="Họ tên",
            fix_key="2",
            max_length=80,
        ),
        ChatQuestion(
            "phone",
            "phone",
            ask="Số điện thoại để tổng đài viên gọi lại cho bạn là số nào?",
            again=(
                "Số này chưa đúng. Xin nhập số di động 10 chữ số (ví dụ 0901234567) hoặc số "
                "bàn 028 kèm 8 chữ số."
            ),
            label="Số điện thoại",
            fix_key="3",
        ),
        ChatQuestion(
            "address",
            "address",
            ask=("Địa chỉ của bạn ở đâu (số nhà, đường, phường/xã)? Bạn cũng có thể gửi vị trí."),
            again="Xin nhập địa chỉ (tối đa 300 ký tự) hoặc gửi vị trí.",
            label="Địa chỉ",
            fix_key="4",
            max_length=300,
        ),
        ChatQuestion(
            "need",
            "text",
            ask="Bạn cần hỗ trợ gì? Xin mô tả ngắn gọn; có thể gửi kèm ảnh.",
            again="Xin mô tả yêu cầu của bạn (từ 2 đến 2000 ký tự).",
            label="Nội dung",
            fix_key="5",
            max_length=2000,
            min_length=2,
            triage=True,
        ),
    ),
    texts=TEXTS,
    yes=(
        *("1", "ok", "oke", "okay", "đồng ý", "chính xác", "ừ", "uh", "ừ đúng"),
        *(phrase for phrase, key in CONFIRM_SPOKEN_VI if key == "1"),
    ),
    no=tuple(phrase for phrase, key in CONFIRM_SPOKEN_VI if key == "2"),
    handoff=(
        "gặp tổng đài viên",
        "tổng đài viên",
        "gặp nhân viên",
        "nói chuyện với người",
        "gặp người thật",
    ),
    emergency_labels={"115": "cấp cứu", "114": "cứu hỏa", "113": "công an"},
)
