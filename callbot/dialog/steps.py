"""The callbot's conversation, as data.

A script is a tuple of steps run in order by :mod:`callbot.dialog.engine`. Changing what the
callbot says or asks means editing this table and ``prompts/vi.toml``, not the engine:

- ``say``          play a prompt
- ``ask``          play a question and record the answer into ``<step>.wav``; the caller may
                   start answering during the question (barge-in, where the call port hears
                   them), else after the beep; silence, noise or an answer too long is asked
                   again once with ``short_prompt``
- ``callback``     the callback number: the prompt offers the number calling (nothing to press;
                   1 says yes too), or the caller types another and #; without a usable number
                   calling, ``short_prompt`` asks for one
- ``confirm``      read back what was understood of the ``targets`` whose confidence is below
                   ``Script.readback_below`` (runtime text-to-speech of their transcripts), and
                   only those: 1 correct, 2 say it again (that question is asked again); the
                   first question says the keys, the next ones are ``short_prompt``; with
                   ``spoken`` phrases the caller may also say the answer (below)
- ``read_ticket``  play a prompt and the ticket number in small groups of digits, then
                   ``repeat_prompt`` ("press * to hear it again"): * reads it again

Keys, everywhere but while typing a number: 0 goes to the operators' queue, * repeats the
question, # ends an answer; at a spoken question 9 says "life at risk now". A ``say`` step
(``keys_hint``) tells them once.

Emergency. An ``ask`` step with ``triage`` has its answer understood as soon as it is
transcribed (:func:`callbot.understanding.need.parse_need`), checked when the next step after
it ends (the caller is not kept waiting for the recognizer); an emergency there, or 9 pressed
at any question, flags the ticket ``emergency`` at once and tells the caller the number to
call: the need parser's service (115 medical, 114 fire and rescue, 113 police), 115 for 9 (a
key says nothing of what happened; a need answered after it that is a fire or an assault is
told 114 or 113 too); the
caller then goes to the head of the operators' queue (queue priority) when an operator can be
reached, or the dialog goes on and the ticket tops the operators' queue.

Vietnamese phone numbers start with 0, so while typing the callback number 0 is a digit.

Closed spoken answers. A step's ``spoken`` pairs map a phrase to the key it stands for: saying
"đúng" at the read-back is pressing 1. The recognizer listens for those phrases only (Vosk's
grammar mode, see :mod:`callbot.dialog.spoken`); keys keep working and win. The phrases here
are Vietnamese (``Script.language``); a prompt file may give other languages' phrases for the
speech model actually used (``[spoken.<language>.<step>]``, see :mod:`callbot.speech.prompts`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from callbot.errors import DialogError

StepKind = Literal["say", "ask", "callback", "confirm", "read_ticket"]
KINDS = ("say", "ask", "callback", "confirm", "read_ticket")


@dataclass(frozen=True)
class Step:
    """One step of the dialog."""

    name: str  # also the answer's file name for ``ask`` steps: [a-z_]+
    kind: StepKind
    prompt: str  # key in the prompt file
    # ask: shorter prompt for the second try; confirm: the question after the first one;
    # callback: the question when there is no usable number calling
    short_prompt: str | None = None
    readback_prompt: str | None = None  # ask: introduces the read-back of this answer
    targets: tuple[str, ...] = ()  # confirm: the ask steps read back
    grammar: tuple[str, ...] = ()  # ask: closed answer space for the recognizer, if any
    # confirm: (phrase, key) pairs the caller may say instead of pressing the key
    spoken: tuple[tuple[str, str], ...] = ()
    spoken_prompt: str | None = None  # confirm: the question when spoken answers are heard
    # ask: the answer is checked for an emergency as soon as it is transcribed
    triage: bool = False
    repeat_prompt: str | None = None  # read_ticket: "press * to hear it again"

    @property
    def phrases(self) -> tuple[str, ...]:
        """The closed answer space the recognizer is given for this step's answers, if any."""
        return self.grammar or tuple(dict.fromkeys(phrase for phrase, _ in self.spoken))


@dataclass(frozen=True)
class Script:
    """A whole dialog: the steps and the keys and limits that control it."""

    steps: tuple[Step, ...]
    to_queue_key: str = "0"  # back to the operators' queue
    repeat_key: str = "*"  # play the question again
    end_answer_key: str = "#"  # ends an answer before the silence does
    yes_key: str = "1"
    again_key: str = "2"
    # at any question: life at risk now (told to call 115, head of the queue), see triage
    emergency_key: str = "9"
    max_retries: int = 1  # a question is asked again at most this often
    failures_before_offer: int = 2  # unclear answers in a row before the queue is offered
    max_repeats: int = 3  # * presses honoured per prompt
    min_speech_seconds: float = 0.3  # less voice than this is "no speech"
    # A call waits at most this long in all for transcripts (emergency check, read-backs).
    transcript_wait_seconds: float = 8.0
    digit_timeout_ms: int = 5000  # between keys while typing a number
    offer_wait_ms: int = 2500  # after an offer (callback number, * to hear again): for a key
    # Answers understood at least this surely are not read back (parser x recognizer, 0-1).
    readback_below: float = 0.6
    # Speech resuming within this much of the prompt after an answer (where the port hears
    # it) joins that answer: a pause inside an answer is not its end.
    resume_seconds: float = 0.8
    language: str = "vi"  # the language of the steps' spoken phrases
    spoken_answer_seconds: int = 3  # longest spoken answer to a closed question
    min_spoken_seconds: float = 0.1  # less sound than this in it is no answer (silence)

    def __post_init__(self) -> None:
        names = [s.name for s in self.steps]
        if len(set(names)) != len(names):
            raise DialogError(f"dialog steps must have unique names, got {names}")
        asks = {s.name for s in self.steps if s.kind == "ask"}
        for step in self.steps:
            if not step.name.replace("_", "").isalpha() or not step.name.islower():
                raise DialogError(f"step name {step.name!r}: use lowercase letters and _ only")
            if step.kind not in KINDS:
                raise DialogError(f"step {step.name!r}: unknown kind {step.kind!r}")
            unknown = set(step.targets) - asks
            if unknown:
                raise DialogError(f"step {step.name!r} reads back unknown questions {unknown}")
            if step.kind == "confirm":
                for target in step.targets:
                    if self.step(target).readback_prompt is None:
                        raise DialogError(f"question {target!r} has no readback_prompt")
            self._check_spoken(step)

    def _check_spoken(self, step: Step) -> None:
        if not step.spoken:
            return
        if step.kind != "confirm":
            raise DialogError(f"step {step.name!r}: only confirm steps take spoken answers")
        if step.spoken_prompt is None:
            raise DialogError(f"step {step.name!r} takes spoken answers but has no spoken_prompt")
        allowed = {self.yes_key, self.again_key}
        for phrase, key in step.spoken:
            if key not in allowed:
                raise DialogError(
                    f"step {step.name!r}: spoken phrase {phrase!r} stands for key {key!r}, "
                    f"which the step does not take (it takes {sorted(allowed)})"
                )
            if not phrase.strip() or phrase != " ".join(phrase.lower().split()):
                raise DialogError(
                    f"step {step.name!r}: spoken phrase {phrase!r} must be lowercase words "
                    "separated by single spaces (as the recognizer writes them)"
                )

    def step(self, name: str) -> Step:
        """The step named ``name``; raises DialogError when there is none."""
        for step in self.steps:
            if step.name == name:
                return step
        raise DialogError(f"no step named {name!r}")

    @property
    def questions(self) -> tuple[Step, ...]:
        """The ``ask`` steps, in script order: the questions a complete ticket has answers to."""
        return tuple(s for s in self.steps if s.kind == "ask")

    def prompt_keys(self) -> set[str]:
        """Every prompt key the script can play: its steps' (full, short, read-back, spoken,
        repeat) and the engine's own."""
        keys = {s.prompt for s in self.steps}
        keys |= {s.short_prompt for s in self.steps if s.short_prompt}
        keys |= {s.readback_prompt for s in self.steps if s.readback_prompt}
        keys |= {s.spoken_prompt for s in self.steps if s.spoken_prompt}
        keys |= {s.repeat_prompt for s in self.steps if s.repeat_prompt}
        return keys | set(ENGINE_PROMPTS)

    def main_path(self) -> tuple[str, ...]:
        """The prompts a caller who answers every question at once hears, in order: each
        step's prompt, and a ``read_ticket`` step's number (``NUMBER``) and
        ``repeat_prompt``; no read-back (only doubtful answers are read back), no retry."""
        path: list[str] = []
        for step in self.steps:
            if step.kind == "confirm":
                continue
            path.append(step.prompt)
            if step.kind == "read_ticket":
                path.append(NUMBER)
                if step.repeat_prompt:
                    path.append(step.repeat_prompt)
        return tuple(path)

    @staticmethod
    def answer_name(step: Step, target: str) -> str:
        """The name a spoken answer at ``step`` about question ``target`` is stored under."""
        return f"{step.name}_{target}"

    def grammars(self) -> dict[str, tuple[str, ...]]:
        """The closed answer space of every answer that has one, by stored answer name: what
        the recognizer is restricted to, whenever and wherever that answer is decoded."""
        found: dict[str, tuple[str, ...]] = {}
        for step in self.steps:
            if step.kind == "ask" and step.grammar:
                found[step.name] = step.grammar
            elif step.kind == "confirm" and step.spoken:
                for target in step.targets:
                    found[self.answer_name(step, target)] = step.phrases
        return found

    def keys_only(self) -> Script:
        """This script with every spoken answer switched off: the caller answers with keys."""
        steps = tuple(replace(s, spoken=()) if s.spoken else s for s in self.steps)
        return replace(self, steps=steps)


# Where a number is read out, in Script.main_path().
NUMBER = "<number>"

# Prompts the engine itself plays (besides the steps' own).
ENGINE_PROMPTS = (
    "not_heard",
    "too_long",
    "no_input_offer",
    "callback_invalid",
    "callback_readback",
    "confirm_keys",
    "emergency_queue",
    "emergency_stay",
    "emergency_queue_114",
    "emergency_stay_114",
    "emergency_queue_113",
    "emergency_stay_113",
)

# What a caller may say at the read-back instead of pressing 1 (correct) or 2 (say it again).
CONFIRM_SPOKEN_VI = (
    ("đúng", "1"),
    ("vâng", "1"),
    ("đúng rồi", "1"),
    ("có", "1"),
    ("sai", "2"),
    ("không", "2"),
    ("chưa đúng", "2"),
    ("không đúng", "2"),
    # Denials a caller may put before "đúng" (outside the list they would be [unk] + "đúng")
    ("chẳng đúng", "2"),
    ("hổng đúng", "2"),
    ("hông đúng", "2"),
    ("không phải", "2"),
    ("sai rồi", "2"),
)


# The overflow callbot of hotline 1022: who is calling, where they live, what they need.
# Where the seconds go: docs/dialog.md (the time budget).
OVERFLOW = Script(
    steps=(
        Step("greeting", "say", "greeting"),
        Step("name", "ask", "ask_name", "ask_name_short", "readback_name"),
        Step("keys", "say", "keys_hint"),  # the keys, said once
        Step("address", "ask", "ask_address", "ask_address_short", "readback_address"),
        Step("need", "ask", "ask_need", "ask_need_short", "readback_need", triage=True),
        # The callback number comes first: the last answer is transcribed meanwhile, so the
        # read-back rarely waits for the recognizer.
        Step("callback", "callback", "ask_callback", short_prompt="ask_callback_typed"),
        Step(
            "confirm",
            "confirm",
            "confirm_keys",
            short_prompt="confirm_short",
            targets=("name", "address", "need"),
            spoken=CONFIRM_SPOKEN_VI,
            spoken_prompt="confirm_spoken",
        ),
        Step("ticket", "read_ticket", "ticket_number", repeat_prompt="ticket_repeat"),
        Step("goodbye", "say", "goodbye"),
    )
)
