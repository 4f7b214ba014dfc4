"""An animal named first, then a person attacked: the emergency is the person's; a person
named as the animal's owner ("nhà bà ngoại tui") is not one in danger.

An emergency said of an animal named just before it is none (:mod:`.need_false_alarms`,
:func:`callbot.understanding.need_time._of_an_animal`), unless the emergency's own words name
a person ("xông vô đánh ba tui" after "đánh chó nhà tui rồi"). "tui" between the animal and
the attack named nobody in danger, so the caller was told nothing.
"""

from __future__ import annotations

import pytest

from callbot.understanding.need import parse_need


@pytest.mark.parametrize(
    "text",
    [
        "người lạ đánh chó nhà tui rồi xông vô đánh ba tui",
        "mấy thằng say đá con mèo nhà tui rồi quay ra đánh má tui",
        "có đứa cầm cây đập con chó nhà em rồi xông vô chém anh em",
    ],
)
def test_an_animal_then_a_person_attacked_is_113(text: str) -> None:
    need = parse_need(text)
    assert (need.urgency, need.service) == ("emergency", "113"), need.as_dict()


@pytest.mark.parametrize(
    "text",
    [
        "ổng dọa giết con chó nhà tui hoài",
        "con mèo kẹt trên mái tôn hổng xuống được kêu suốt đêm",
        "con chó nhà anh tui bị xe tông chết hồi sáng",
        "con mèo nhà bà ngoại tui kẹt trên mái tôn hổng xuống được",  # the owner is not there
        "con chó của chú tư bị xe cán dập chân",
    ],
)
def test_an_animal_s_trouble_stays_no_emergency(text: str) -> None:
    assert parse_need(text).urgency != "emergency", parse_need(text).as_dict()


def test_a_new_clause_after_nha_still_ends_the_animal_s_part() -> None:
    """Only a person after "nhà"/"của" is an owner: "thì" there still starts a new clause, so
    the shock is the caller's, not the dog's."""
    need = parse_need("đang tắm cho con chó sau nhà thì bị điện giật té xỉu")
    assert need.urgency == "emergency", need.as_dict()
