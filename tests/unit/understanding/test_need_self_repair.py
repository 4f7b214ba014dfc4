"""A self-repair is no denial (round 35 of issue 13): "bị ho à hổng phải khó thở" is "a cough,
no, I mean short of breath"; the correction takes the last word. A closer after it makes it a
denial after all; a plain "không phải X đâu" stays a denial."""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need

CORRECTED_TO_AN_EMERGENCY = [
    "bà nội bị nhức đầu à hổng phải bất tỉnh luôn rồi chị ơi",
    "thằng nhỏ bị sốt ờ không phải co giật nãy giờ",
    "ông tui mệt à hông phải khó thở dữ lắm",
]

STILL_DENIED = [
    "chị hỏi ổng bị đánh à không phải bị đánh đâu té thôi",
    "con tui bị ngứa à không phải khó thở gì hết",
    "không phải khó thở đâu chị ho khan thôi",
    "ba tui hông phải đột quỵ đâu chỉ mệt",
]


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", CORRECTED_TO_AN_EMERGENCY)
def test_a_correction_to_an_emergency_is_one(text: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", "115"), need


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize("text", STILL_DENIED)
def test_a_denial_stays_one(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("both")
@pytest.mark.parametrize(
    "text",
    [
        "bị khó thở à không phải khó thở chỉ ho thôi",
        "anh nói bị đánh à không phải bị đánh tui té",
        "ổng bất tỉnh à không phải bất tỉnh ổng ngủ say",
    ],
)
def test_the_word_asked_said_again_is_denied(text: str) -> None:
    assert parse_need(text).urgency != "emergency"


@pytest.mark.usefixtures("both")
def test_a_fall_corrected_to_a_beating() -> None:
    need = parse_need("thằng nhỏ bị té à không phải bị đánh nãy giờ tụi nó còn đứng ngoài")
    assert (need.urgency, need.service) == ("emergency", "113")
