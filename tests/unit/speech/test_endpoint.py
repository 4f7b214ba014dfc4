"""The endpointer over frame levels (callbot.speech.endpoint): when a caller starts and stops."""

from __future__ import annotations

import math

import pytest

from callbot.speech.endpoint import EndpointRules, Listener, frames, level_dbfs

RULES = EndpointRules()
VOICE, QUIET = -20.0, -60.0


def feed(listener: Listener, levels: list[float]) -> list[str | None]:
    return [listener.feed_level(level) for level in levels]


def seconds(level: float, length: float) -> list[float]:
    return [level] * frames(length)


def test_onset_needs_a_tenth_of_a_second_of_voice_and_names_its_first_frame() -> None:
    listener = Listener(RULES)
    heard = feed(listener, [*seconds(QUIET, 0.5), VOICE, QUIET, *seconds(VOICE, 0.1)])
    assert heard.count("speech") == 1
    assert listener.onset == frames(0.5)  # the first voiced frame, not where it was decided
    assert heard.index("speech") == frames(0.5) + 1 + frames(0.1) - 1


def test_the_onset_is_where_the_speech_began_even_when_syllables_are_short() -> None:
    """Syllables of 0.1 s with 0.08 s between them: voice never runs 0.2 s in a row, yet a
    caller talking over a prompt is heard, and from their first syllable."""
    syllables = [*seconds(VOICE, 0.1), *seconds(QUIET, 0.08)] * 6
    listener = Listener(RULES, barge=True)
    heard = feed(listener, [*seconds(QUIET, 1.0), *syllables])
    assert "speech" in heard
    assert listener.onset == frames(1.0)  # the first syllable, not the window that decided


def test_scattered_noise_is_not_speech() -> None:
    listener = Listener(RULES, barge=True)
    assert "speech" not in feed(listener, [VOICE, QUIET, QUIET] * 100)


def test_a_click_is_not_speech() -> None:
    listener = Listener(RULES)
    heard = feed(listener, [*seconds(QUIET, 0.3), VOICE, VOICE, *seconds(QUIET, 1.0)])
    assert "speech" not in heard and not listener.speaking


def test_talking_over_a_prompt_takes_longer_and_never_times_out() -> None:
    listener = Listener(RULES, barge=True)
    heard = feed(listener, [*seconds(QUIET, 8.0), *seconds(VOICE, 0.1)])
    assert "speech" not in heard and listener.ended is None  # no "no_input" over a prompt
    assert feed(listener, seconds(VOICE, 0.1))[-1] == "speech"


def test_an_answer_ends_after_the_end_silence() -> None:
    listener = Listener(RULES)
    feed(listener, seconds(VOICE, 1.5))
    heard = feed(listener, seconds(QUIET, RULES.end_silence_seconds))
    assert heard[-2] is None and heard[-1] == "silence"
    assert listener.last_voiced == frames(1.5) - 1


def test_a_pause_shorter_than_the_end_silence_is_inside_the_answer() -> None:
    listener = Listener(RULES)
    feed(listener, [*seconds(VOICE, 1.0), *seconds(QUIET, 0.6), *seconds(VOICE, 1.0)])
    assert listener.ended is None
    assert feed(listener, seconds(QUIET, 0.7))[-1] == "silence"


def test_a_caller_who_said_almost_nothing_yet_is_given_time_to_think() -> None:
    listener = Listener(RULES)
    heard = feed(listener, [*seconds(VOICE, 0.2), *seconds(QUIET, 1.0)])  # "dạ..."
    assert "silence" not in heard
    feed(listener, seconds(VOICE, 1.0))  # then the name
    assert feed(listener, seconds(QUIET, 0.7))[-1] == "silence"


def test_nothing_said_is_no_input_and_a_long_answer_is_cut_at_the_longest() -> None:
    listener = Listener(RULES)
    assert feed(listener, seconds(QUIET, RULES.no_input_seconds))[-1] == "no_input"
    listener = Listener(EndpointRules(max_seconds=3.0))
    assert feed(listener, seconds(VOICE, 3.0))[-1] == "max_length"


@pytest.mark.parametrize(
    ("pcm", "expected"),
    [(b"", -math.inf), (b"\x00\x00" * 160, -math.inf), (b"\xff\x7f" * 160, 0.0)],
)
def test_level_of_a_frame(pcm: bytes, expected: float) -> None:
    assert level_dbfs(pcm) == pytest.approx(expected, abs=0.01)
