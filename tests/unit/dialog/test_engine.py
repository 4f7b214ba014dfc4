"""The dialog engine over a fake call: whole calls without a PBX (fakes for edges only).

The same behaviours run on the real sandbox in tests/integration/test_speech_dialog.py.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest

from callbot.dialog.engine import RUNNERS, Engine
from callbot.dialog.ports import Recording
from callbot.dialog.steps import KINDS, OVERFLOW, Script, Step
from callbot.errors import AgiHangup, DialogError
from callbot.understanding.phone import normalize_vn_number
from tests.support.dialog import FakeCall, FakeSink, silent, voice_of

KEYS_ONLY = OVERFLOW.keys_only()  # as before the speech model is loaded, or without phrases


def run(call: FakeCall, sink: FakeSink | None = None, script: Script = KEYS_ONLY):
    sink = sink or FakeSink()
    engine = Engine(script, call, sink, Path("/rec"), speech_check=voice_of(call))
    return engine.run(), sink


def test_complete_call_reads_back_the_doubtful_and_takes_the_calling_number() -> None:
    call = FakeCall()
    result, sink = run(call)
    assert result.outcome == "completed"
    assert [a[0] for a in sink.answers] == ["name", "address", "need"]
    assert sink.callbacks == [("0901234567", "caller_id")]
    assert call.log == [
        "play greeting",
        "play ask_name", "record name.wav",
        "play keys_hint",  # the keys, said once
        "play ask_address", "record address.wav",
        "play ask_need", "record need.wav",
        "play ask_callback", "wait -",  # the number calling, offered: nothing to press
        # Nothing understood surely (the fake sink's default): all three read back, the keys
        # said at the first question only.
        "play readback_name", "tts an.wav", "play confirm_keys", "wait -",
        "play readback_address", "tts quan_nam.wav", "play confirm_short", "wait -",
        "play readback_need", "tts gao.wav", "play confirm_short", "wait -",
        "play ticket_number", "digits 0000018", "play ticket_repeat", "wait -",  # once
        "play goodbye",
    ]  # fmt: skip
    assert len(result.turn_gaps) == 3  # measured after every answer


def test_zero_during_a_prompt_goes_to_the_queue_with_what_was_said() -> None:
    result, sink = run(FakeCall().press("ask_need", "0"))
    assert result.outcome == "to_queue"
    assert [a[0] for a in sink.answers] == ["name", "address"]


def test_zero_during_a_recording_keeps_that_answer() -> None:
    call = FakeCall().speak("address", Recording("dtmf", "0", 1.5))
    result, sink = run(call)
    assert result.outcome == "to_queue"
    assert [a[0] for a in sink.answers] == ["name", "address"]


def test_star_repeats_the_question() -> None:
    call = FakeCall().press("ask_name", "*", "*")
    result, _ = run(call)
    assert result.outcome == "completed"
    assert call.log[1:5] == ["play ask_name", "play ask_name", "play ask_name", "record name.wav"]


def test_star_while_recording_asks_again_and_keeps_both_recordings() -> None:
    call = FakeCall().speak("name", Recording("dtmf", "*", 0.7))
    _, sink = run(call)
    assert [a[1] for a in sink.answers[:2]] == ["name.wav", "name-2.wav"]


def test_silence_is_asked_again_once_with_the_short_prompt_then_moves_on() -> None:
    call = FakeCall()
    engine_sink = FakeSink()
    check = voice_of(call)
    silent(call, "name.wav", "name-2.wav")
    result = Engine(KEYS_ONLY, call, engine_sink, Path("/rec"), speech_check=check).run()
    assert result.outcome == "completed"  # never loops: moves on after the second try
    assert [a[1] for a in engine_sink.answers[:3]] == ["name.wav", "name-2.wav", "address.wav"]
    i = call.log.index("record name.wav")
    assert call.log[i + 1 : i + 4] == ["play not_heard", "play ask_name_short", "record name-2.wav"]
    assert result.unclear == 2


def test_repeated_unclear_answers_offer_the_queue_and_0_takes_it() -> None:
    call = FakeCall().press("no_input_offer", "0")
    check = voice_of(call)
    silent(call, "name.wav", "name-2.wav")
    result = Engine(KEYS_ONLY, call, FakeSink(), Path("/rec"), speech_check=check).run()
    assert result.outcome == "to_queue"
    assert "play no_input_offer" in call.log


def test_an_answer_too_long_is_asked_again_shorter() -> None:
    call = FakeCall().speak("need", Recording("max_length", "", 30.0))
    result, _ = run(call)
    assert result.outcome == "completed"
    i = call.log.index("record need.wav")
    assert call.log[i + 1 : i + 4] == ["play too_long", "play ask_need_short", "record need-2.wav"]


def test_two_at_read_back_asks_that_question_again_and_reads_it_back() -> None:
    call = FakeCall().press("confirm_short", "2")  # name ok, address: say it again
    result, sink = run(call)
    assert result.outcome == "completed"
    steps = [a[1] for a in sink.answers]
    assert steps == ["name.wav", "address.wav", "need.wav", "address-2.wav"]
    i = call.log.index("record address-2.wav")
    assert call.log[i - 1] == "play ask_address_short"
    assert call.log[i + 1] == "play readback_address"  # read back again


def test_a_key_pressed_during_the_read_back_is_not_lost() -> None:
    call = FakeCall().press("readback_need", "2")
    _, sink = run(call)
    assert [a[1] for a in sink.answers][-1] == "need-2.wav"


def test_an_answer_without_text_in_time_is_not_read_back() -> None:
    sink = FakeSink(heard={"name": "an"})
    call = FakeCall()
    result, _ = run(call, sink)
    assert [line for line in call.log if line.startswith("play readback")] == ["play readback_name"]
    assert result.outcome == "completed"


def test_only_what_was_understood_doubtfully_is_read_back() -> None:
    sink = FakeSink(sure={"name": 0.9, "address": 0.6, "need": 0.59})
    call = FakeCall()
    result, _ = run(call, sink)
    assert [line for line in call.log if line.startswith("play readback")] == [
        "play readback_need"  # below readback_below (0.6): read back; the others not
    ]
    assert "play confirm_keys" in call.log  # the first question asked says the keys
    assert result.confident == 2


def test_the_ticket_number_is_read_once_and_star_reads_it_again() -> None:
    call = FakeCall().press("ticket_repeat", "*")
    run(call)
    i = call.log.index("play ticket_number")
    assert call.log[i:] == [
        "play ticket_number",
        "digits 0000018",
        "play ticket_repeat",
        "digits 0000018",  # * pressed during the offer: the number again
        "play ticket_repeat",
        "wait -",
        "play goodbye",
    ]


def test_star_after_the_offer_to_hear_the_number_again_works_too() -> None:
    call = FakeCall()
    call.typed = deque(["", "*", ""])  # callback offer: nothing; after the number: *
    call.press("confirm_keys", "1").press("confirm_short", "1", "1")
    run(call)
    assert call.log.count("digits 0000018") == 2


def test_without_a_usable_number_calling_the_caller_is_asked_to_type_one() -> None:
    call = FakeCall().press("ask_callback_typed", "0")
    call.typed = deque([*"912345678", "#", ""])
    _, sink = run(call, FakeSink(caller="unknown"))
    assert "play ask_callback" not in call.log
    assert sink.callbacks == [("0912345678", "typed")]


def test_a_typed_callback_number_is_read_back_and_confirmed() -> None:
    call = FakeCall().press("ask_callback", "0")  # the first digit interrupts the prompt
    call.typed = deque([*"912345678", "#", ""])
    _, sink = run(call)
    assert sink.callbacks == [("0912345678", "typed")]
    assert "digits 0912345678" in call.log


def test_a_typed_landline_is_a_callback_number() -> None:
    # an HCMC landline: 028 + 8 digits, read back and kept like a mobile number
    call = FakeCall().press("ask_callback", "0")
    call.typed = deque([*"2838123456", "#", ""])
    _, sink = run(call)
    assert sink.callbacks == [("02838123456", "typed")]
    assert "digits 02838123456" in call.log


def test_an_invalid_number_is_asked_again_then_the_calling_number_is_used() -> None:
    call = FakeCall().press("ask_callback", "5", "5")
    call.typed = deque(["#", "#"])  # "5", then # (twice)
    _, sink = run(call)
    assert call.log.count("play callback_invalid") == 2
    assert sink.callbacks == [("0901234567", "caller_id")]


def test_hangup_while_recording_stops_after_storing_the_partial_answer() -> None:
    call = FakeCall().speak("address", Recording("hangup", "", 0.8))
    result, sink = run(call)
    assert result.outcome == "hangup"
    assert [a[0] for a in sink.answers] == ["name", "address"]


def test_hangup_during_a_prompt_propagates_after_earlier_answers_were_stored() -> None:
    call = FakeCall(hang_up_at="ask_need")
    sink = FakeSink()
    with pytest.raises(AgiHangup):
        Engine(KEYS_ONLY, call, sink, Path("/rec")).run()
    assert [a[0] for a in sink.answers] == ["name", "address"]


def test_no_ticket_number_skips_reading_it() -> None:
    call = FakeCall()
    run(call, FakeSink(number=None))
    assert not any(line.startswith("digits 0000") for line in call.log)


def test_script_validation() -> None:
    with pytest.raises(DialogError):
        Script(steps=(Step("a", "say", "x"), Step("a", "ask", "y")))
    with pytest.raises(DialogError):
        Script(steps=(Step("../evil", "ask", "x"),))
    with pytest.raises(DialogError):
        Script(steps=(Step("c", "confirm", "x", targets=("nope",)),))


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("0901234567", "0901234567"),
        ("84901234567", "0901234567"),
        ("+84901234567", "0901234567"),
        ("0084901234567", "0901234567"),
        ("090123456", None),
        ("1901234567", None),
        ("0012345678", None),
        ("", None),
        ("02838123456", "02838123456"),
        ("842838123456", "02838123456"),
        ("02743856789", "02743856789"),
    ],
)
def test_vietnamese_numbers(typed: str, number: str | None) -> None:
    assert normalize_vn_number(typed) == number


# -- emergency -----------------------------------------------------------------------------


def test_spoken_emergency_tells_115_and_goes_to_the_head_of_the_queue() -> None:
    sink = FakeSink(heard={"name": "an", "address": "quan nam", "need": "mẹ tôi khó thở"})
    result, sink = run(FakeCall(), sink)
    assert (result.outcome, result.emergency) == ("emergency", "speech")
    assert sink.flagged == [("need", "speech")]
    assert result.last_step == "need"


def test_spoken_emergency_without_a_reachable_operator_goes_on_with_the_dialog() -> None:
    sink = FakeSink(heard={"name": "an", "address": "quan nam", "need": "mẹ tôi khó thở"})
    sink.reachable = False
    call = FakeCall()
    result, sink = run(call, sink)
    assert (result.outcome, result.emergency) == ("completed", "speech")
    assert "play emergency_stay" in call.log
    assert sink.callbacks  # the callback number is still asked for
    assert sink.flagged == [("need", "speech")]


def test_nine_at_a_question_is_an_emergency_at_once() -> None:
    call = FakeCall().press("ask_name", "9")
    result, sink = run(call)
    assert (result.outcome, result.emergency) == ("emergency", "key")
    assert sink.flagged == [("name", "key")]
    assert "play emergency_queue" in call.log
    assert not any(line.startswith("record") for line in call.log)


def test_nine_while_recording_without_an_operator_asks_the_question_again() -> None:
    call = FakeCall().speak("address", Recording("dtmf", "9", 1.0))
    sink = FakeSink()
    sink.reachable = False
    result, sink = run(call, sink)
    assert (result.outcome, result.emergency) == ("completed", "key")
    assert sink.flagged == [("address", "key")]
    assert call.log.count("record address.wav") == 1
    assert "record address-2.wav" in call.log
    # Flagged once: a second 9 or an emergency need does not flag it again.
    assert len(sink.flagged) == 1


def test_a_calm_need_is_no_emergency() -> None:
    result, sink = run(FakeCall())
    assert result.emergency is None and not sink.flagged


def test_every_step_kind_has_its_runner() -> None:
    assert set(RUNNERS) == set(KINDS)
