"""The chat's engine: one turn of a conversation, from the citizen's message to the bot's
replies, as a pure function over a state that is plain data.

:func:`advance` takes the script (:mod:`.chat_steps`), the conversation's :class:`ChatState`
(stored as JSON between turns, so a restart resumes the conversation where it was), what the
citizen sent (:class:`ChatInput`) and the checks it needs from elsewhere (:class:`ChatChecks`:
the phone rule, placing a location, the ward picker, emergency triage), and returns a
:class:`Turn`: the new state, the replies to send, and whether the ticket is to be made now.
No database, no network: a whole conversation can be unit-tested message by message.

Rules, whatever the script:

- one question at a time, in the script's order, skipping what is already known (the info
  card's ``user_submit_info`` fills name, phone and address at once);
- a refused answer is asked again at most ``max_tries`` times, then the dialog moves on
  (a phone never given: operators answer through the chat); nothing loops;
- ``0`` or asking for a person ("gặp tổng đài viên") hands over at once: a ticket with what
  is known, operators answer in the chat;
- an emergency (the triage check on any message) gets the emergency number at once, once;
  with an emergency known, the ticket is made as soon as the need is known (no read-back);
- a location fills the address (and the ward, when it can be placed; else the ward is asked);
  photos are acknowledged (kept by the chat service, which says how it went); anything the
  bot cannot read (a sticker, a file) gets a short reply and the question again;
- after the read-back, ``1`` or "đúng" makes the ticket; a digit corrects one answer;
- once the ticket is made the bot stops asking: it acknowledges once that operators have the
  conversation (photos still acknowledged);
- a message older than one already handled (delivered out of order) changes nothing.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal, Protocol

from callbot.dialog.chat_steps import ChatQuestion, ChatScript

START, WARD, CONFIRM, WHICH, DONE = "start", "ward", "confirm", "which", "done"
MAX_READBACK = 300  # characters of each answer in the read-back
InputKind = Literal["text", "image", "location", "info", "other"]
PhotoOutcome = Literal["kept", "refused", "full", "failed", ""]
_FILLERS = frozenset({"dạ", "ạ", "à", "nhé", "nha", "ha", "vậy", "đi"})


class ChatChecks(Protocol):
    """What the engine asks of the rest of callbot (intake gives the real ones)."""

    def phone(self, text: str) -> str | None:
        """A callback number in national form, or None."""
        ...

    def place(self, latitude: float, longitude: float) -> tuple[str, str] | None:
        """(the ward picker's value, a label to show) of a point, or None if not placed."""
        ...

    def ward(self, text: str) -> str | None:
        """The ward picker's value ``text`` names exactly, or None."""
        ...

    def emergency(self, text: str) -> str | None:
        """The emergency number to call ("115", "114", "113") if ``text`` tells of one."""
        ...


@dataclass(frozen=True)
class ChatInput:
    """What the citizen sent, as the chat service read it (text already cleaned)."""

    kind: InputKind
    text: str = ""
    location: tuple[float, float] | None = None
    info: dict[str, str] | None = None  # name, phone, address, ward, district, city
    photo: PhotoOutcome = ""  # an image: what became of it
    photos: int = 0  # photos kept so far
    most: int = 0  # photos a conversation may keep
    late: bool = False  # older than a message already handled


@dataclass(frozen=True)
class Reply:
    """One message to send: a text, or the share-your-info card (``card``)."""

    text: str
    card: bool = False


@dataclass
class ChatState:
    """A conversation's place in the dialog: plain data, stored as JSON."""

    step: str = START
    answers: dict[str, str] = field(default_factory=dict)  # "" for one given up
    tries: int = 0
    fixing: bool = False
    emergency: str = ""  # the number the citizen was told to call
    acked: bool = False  # told once that operators have the conversation

    def as_dict(self) -> dict[str, Any]:
        """The state as stored."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ChatState:
        """The state stored by :meth:`as_dict` (a fresh one for None)."""
        if not data:
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**known, "answers": dict(known.get("answers") or {})})


@dataclass(frozen=True)
class Turn:
    """What a turn decided."""

    state: ChatState
    replies: tuple[Reply, ...] = ()
    make_ticket: Literal["", "complete", "handoff", "emergency"] = ""


def words(text: str) -> str:
    """``text`` as words to match: lowercase NFC, no punctuation, fillers ("dạ", "ạ") out."""
    folded = unicodedata.normalize("NFC", text).lower()
    kept = "".join(" " if c in string.punctuation else c for c in folded)
    return " ".join(w for w in kept.split() if w not in _FILLERS)


class _Turn:
    """One turn in progress: the state being changed and the replies gathered."""

    def __init__(self, script: ChatScript, state: ChatState, checks: ChatChecks) -> None:
        self.script = script
        self.state = replace(state, answers=dict(state.answers))
        self.checks = checks
        self.replies: list[Reply] = []
        self.ticket: Literal["", "complete", "handoff", "emergency"] = ""

    def say(self, key: str, **values: object) -> None:
        self.replies.append(Reply(self.script.texts[key].format(**values)))

    def done(self) -> Turn:
        return Turn(self.state, tuple(self.replies), self.ticket)

    # -- moving through the questions --------------------------------------------------

    def next_question(self) -> None:
        """Ask the first question not answered yet; then the read-back, or the ticket."""
        self.state.tries = 0
        if self.state.fixing:
            self.state.fixing = False
            self.readback()
            return
        for question in self.script.questions:
            if question.name not in self.state.answers:
                self.state.step = question.name
                self.replies.append(Reply(question.ask))
                return
        if self.state.emergency and self.state.answers.get("need"):
            self.make("emergency")
            return
        self.readback()

    def readback(self) -> None:
        self.state.step = CONFIRM
        missing = self.script.texts["missing"]
        lines = []
        for question in self.script.questions:
            value = self.state.answers.get(question.name) or missing
            if question.name == "address" and self.state.answers.get("ward"):
                value = f"{value} ({self.state.answers['ward']})"
            if len(value) > MAX_READBACK:
                value = value[: MAX_READBACK - 1] + "…"
            lines.append(f"{question.label}: {value}")
        self.say("confirm", readback="\n".join(lines), keys=self.keys())

    def keys(self) -> str:
        return ", ".join(f"{q.fix_key} {q.label.lower()}" for q in self.script.questions)

    def make(self, how: Literal["complete", "handoff", "emergency"]) -> None:
        self.state.step = DONE
        self.ticket = how
        self.say(
            "handoff" if how == "handoff" else "received", number="{number}", status="{status}"
        )

    # -- what the citizen sent -----------------------------------------------------------

    def triage(self, text: str) -> None:
        if self.state.emergency or not text:
            return
        service = self.checks.emergency(text)
        if service:
            self.state.emergency = service
            label = self.script.emergency_labels.get(service, "")
            self.say("emergency", service=service, label=label)

    def answer(self, question: ChatQuestion, text: str) -> None:
        """The citizen's text as the answer to ``question`` (checked), then what comes next."""
        value: str | None = text
        if question.kind == "phone":
            value = self.checks.phone(text)
        elif not question.min_length <= len(text) <= question.max_length:
            value = None
        if value is None:
            self.state.tries += 1
            if self.state.tries <= self.script.max_tries:
                self.replies.append(Reply(question.again))
                return
            if question.kind == "phone":
                self.say("phone_gave_up")
                value = ""
            else:
                value = text[: question.max_length]
        if question.name == "name" and "phone" not in self.state.answers:
            phone = self.checks.phone(text)
            if phone:  # a number written before its question (or delivered first)
                self.state.answers["phone"] = phone
                self.say("phone_noted", phone=phone)
                self.replies.append(Reply(question.ask))
                return
        self.state.answers[question.name] = value
        if question.name == "address":
            self.state.answers.pop("ward", None)
        self.next_question()

    def location(self, point: tuple[float, float]) -> None:
        latitude, longitude = point
        written = f"vị trí đã chia sẻ {latitude:.6f}, {longitude:.6f}"
        typed = self.state.answers.get("address", "")
        at_address = self.state.step == "address"
        self.state.answers["address"] = (
            written if at_address or not typed else f"{typed}; {written}"
        )
        placed = self.checks.place(latitude, longitude)
        if placed:
            self.state.answers["ward"] = placed[0]
            self.say("location_placed", place=placed[1])
        elif at_address:
            self.state.step = WARD
            self.say("ward_ask")
            return
        else:
            self.say("location_noted")
        if at_address:
            self.next_question()
        else:
            self.again()

    def info(self, shared: dict[str, str]) -> None:
        answers = self.state.answers
        if shared.get("name") and not answers.get("name"):
            answers["name"] = shared["name"][:80]
        phone = self.checks.phone(shared.get("phone", ""))
        if phone and not answers.get("phone"):
            answers["phone"] = phone
        place = ", ".join(
            shared[k] for k in ("address", "ward", "district", "city") if shared.get(k)
        )
        if place and not answers.get("address"):
            answers["address"] = place[:300]
        self.say("info_thanks")
        if self.state.step in answers or self.state.step == START:
            self.next_question()
        else:
            self.again()

    def again(self) -> None:
        """Ask the current question (or show the read-back) again."""
        if self.state.step in (CONFIRM, WHICH):
            self.readback()
        elif self.state.step == WARD:
            self.say("ward_ask")
        elif self.state.step not in (START, DONE):
            self.replies.append(Reply(self.script.question(self.state.step).ask))

    def confirm(self, text: str) -> None:
        said = words(text)
        keys = {q.fix_key: q for q in self.script.questions}
        if said in self.script.yes:
            self.make("complete")
        elif said in keys:
            question = keys[said]
            self.state.step, self.state.fixing, self.state.tries = question.name, True, 0
            self.state.answers.pop(question.name, None)
            self.replies.append(Reply(question.ask))
        else:
            self.state.tries += 1
            if self.state.tries > self.script.max_tries and said not in self.script.no:
                self.make("complete")  # nothing loops: the operators will check it
                return
            self.state.step = WHICH
            self.say("which", keys=self.keys())

    # -- one message --------------------------------------------------------------------

    def receive(self, message: ChatInput, offer_card: bool) -> None:
        """Answer what the citizen sent (see the module docstring)."""
        if message.kind == "image":
            self.say(f"photo_{message.photo or 'failed'}", count=message.photos, most=message.most)
        said = words(message.text) if message.kind == "text" else ""
        if self.state.step == DONE:
            self.after_ticket(message)
        elif said == self.script.handoff_key or any(p in said for p in self.script.handoff):
            self.make("handoff")
        elif self.state.step == START:
            self.start(message, said, offer_card)
        else:
            self.reply(message)

    def after_ticket(self, message: ChatInput) -> None:
        self.triage(message.text if message.kind == "text" else "")
        if message.kind != "image" and not self.state.acked:
            self.state.acked = True
            self.say("after_ticket", number="{number}")

    def start(self, message: ChatInput, said: str, offer_card: bool) -> None:
        """The first message: kept when it already says something, then the greeting and the
        first question (or what the message answered)."""
        if message.kind == "text":
            self.triage(message.text)
            if self.state.emergency or len(said.split()) > 3:
                self.state.answers["opening"] = message.text[:2000]
            if self.state.emergency:
                self.state.answers["need"] = message.text[:2000]
        self.say("greeting")
        if offer_card:
            self.replies.append(Reply(self.script.texts["card_subtitle"], card=True))
        if message.kind == "location" and message.location:
            self.location(message.location)
            if self.state.step == WARD:
                return
        if message.kind == "info" and message.info:
            self.info(message.info)
            return
        self.next_question()

    def reply(self, message: ChatInput) -> None:
        """A message in the middle of the dialog."""
        if message.kind == "location" and message.location:
            self.location(message.location)
        elif message.kind == "info" and message.info:
            self.info(message.info)
        elif message.kind == "other":
            self.say("off_script")
            self.again()
        elif message.kind == "text":
            self.triage(message.text)
            if self.state.step == WARD:
                picked = self.checks.ward(message.text)
                if picked:
                    self.state.answers["ward"] = picked
                else:
                    self.state.answers["address"] += f", {message.text[:120]}"
                self.next_question()
            elif self.state.step in (CONFIRM, WHICH):
                self.confirm(message.text)
            else:
                self.answer(self.script.question(self.state.step), message.text)


def advance(
    script: ChatScript,
    state: ChatState,
    message: ChatInput,
    checks: ChatChecks,
    *,
    offer_card: bool = False,
) -> Turn:
    """One turn: the citizen sent ``message`` to a conversation in ``state``. A message
    delivered out of order (``late``) changes nothing: the service keeps it in the history."""
    turn = _Turn(script, state, checks)
    if not message.late:
        turn.receive(message, offer_card)
    return turn.done()
