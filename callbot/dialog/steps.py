"""The callbot's conversation, as data.

A script is a tuple of steps run in order by :mod:`callbot.dialog.engine`. Changing what the
callbot says or asks means editing this table and ``prompts/vi.toml``, not the engine:

- ``say``          play a prompt
- ``ask``          play a prompt and a beep, record the answer into ``<step>.wav``; silence, noise
                   or an answer too long is asked again once with ``short_prompt``
- ``callback``     the callback number on the keypad: 1 = the number calling, or type one and #
- ``confirm``      read back what was understood of the ``targets`` (runtime text-to-speech of
                   their transcripts): 1 correct, 2 say it again (that question is asked again);
                   with ``spoken`` phrases the caller may also say the answer (below)
- ``read_ticket``  play a prompt, then the ticket number digit by digit

Keys, everywhere but while typing a number: 0 goes to the operators' queue, * repeats the
question, # ends an answer; at a spoken question 9 says "life at risk now".

Emergency. An ``ask`` step with ``triage`` has its answer understood as soon as it is
transcribed (:func:`callbot.understanding.need.parse_need`); an emergency there, or 9 pressed
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
    short_prompt: str | None = None  # ask: shorter prompt for the second try
    readback_prompt: str | None = None  # ask: introduces the read-back of this answer
    targets: tuple[str, ...] = ()  # confirm: the ask steps read back
    grammar: tuple[str, ...] = ()  # ask: closed answer space for the recognizer, if any
    # confirm: (phrase, key) pairs the caller may say instead of pressing the key
    spoken: tuple[tuple[str, str], ...] = ()
    spoken_prompt: str | None = None  # confirm: the question when spoken answers are heard
    # ask: the answer is checked for an emergency as soon as it is transcribed
    triage: bool = False

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
    transcript_wait_seconds: float = 8.0  # read-back waits at most this for a transcript
    digit_timeout_ms: int = 5000  # between keys while typing a number
    language: str = "vi"  # the language of the steps' spoken phrases
    spoken_answer_seconds: int = 4  # longest spoken answer to a closed question
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
        """Every prompt key the script can play: its steps' (full, short, read-back, spoken) and the
        engine's own."""
        keys = {s.prompt for s in self.steps}
        keys |= {s.short_prompt for s in self.steps if s.short_prompt}
        keys |= {s.readback_prompt for s in self.steps if s.readback_prompt}
        keys |= {s.spoken_prompt for s in self.steps if s.spoken_prompt}
        return keys | set(ENGINE_PROMPTS)

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


# Prompts the engine itself plays (besides the steps' own).
ENGINE_PROMPTS = (
    "not_heard",
    "too_long",
    "no_input_offer",
    "callback_invalid",
    "callback_readback",
    "callback_use_caller",
    "readback_unheard",
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
OVERFLOW = Script(
    steps=(
        Step("greeting", "say", "greeting"),
        Step("name", "ask", "ask_name", "ask_name_short", "readback_name"),
        Step("address", "ask", "ask_address", "ask_address_short", "readback_address"),
        Step("need", "ask", "ask_need", "ask_need_short", "readback_need", triage=True),
        # The callback number comes first: the last answer is transcribed meanwhile, so the
        # read-back rarely waits for the recognizer.
        Step("callback", "callback", "ask_callback"),
        Step(
            "confirm",
            "confirm",
            "confirm_keys",
            targets=("name", "address", "need"),
            spoken=CONFIRM_SPOKEN_VI,
            spoken_prompt="confirm_spoken",
        ),
        Step("closing", "say", "closing"),
        Step("ticket", "read_ticket", "ticket_number"),
        Step("ticket_again", "read_ticket", "repeat_number"),
        Step("goodbye", "say", "goodbye"),
    )
)
