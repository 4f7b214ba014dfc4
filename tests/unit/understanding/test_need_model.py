"""The need parser's statistical model: its file, its features, how it overrules the rules.

The bundled model is the real one (trained by ``callbot train need-model``); the overruling
itself is shown with small hand-made models, so that each edge is certain.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import callbot.lab.evaluate as ev
from callbot.lab.parse_sets import training_sets
from callbot.understanding import need_heads, need_model
from callbot.understanding.need import parse_need
from callbot.understanding.need_base import standard
from callbot.understanding.need_model import (
    CLASSES,
    Head,
    Model,
    Rules,
    Score,
    features,
    judge,
    knows,
    reading,
    score,
)
from callbot.understanding.text import tokens


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A model that knows three words: "xyzcháy" (114), "abcbình" and "quạt" (no emergency)."""
    model = Model(
        {
            "w:xyzcháy": (-4.0, 0.0, 9.0, 0.0),
            "w:abcbình": (9.0, -3.0, -3.0, -3.0),
            "w:quạt": (9.0, -3.0, -3.0, -3.0),
        },
        (0.0, 0.0, 0.0, 0.0),
        {},
    )
    monkeypatch.setattr(need_model, "current", lambda: model)
    monkeypatch.setattr("callbot.understanding.need.current", lambda: model)
    yield


def test_the_bundled_model_learnt_the_development_sets_never_the_locked_part() -> None:
    model = need_model.load()
    assert model is not None
    assert model.meta["classes"] == list(CLASSES)
    assert model.meta["trained_on"] == {
        name: sum(c.kind == "need" for c in ev.load_set(path)) for name, path in training_sets()
    }
    assert "locked part" not in model.meta["trained_on"]
    assert all(len(w) == len(CLASSES) for w in model.weights.values())


def test_features_are_words_and_pairs_with_and_without_tones() -> None:
    found = features(["khó", "thở"])
    assert found == {
        "w:khó": [(0, 1)],
        "w:thở": [(1, 2)],
        "b:khó thở": [(0, 2)],
        "t:kho": [(0, 1)],
        "t:thơ": [(1, 2)],
        "tb:kho thơ": [(0, 2)],
    }


def test_the_bundled_model_scores_an_answer() -> None:
    model = need_model.load()
    assert model is not None
    urgent = score(
        model, reading(model, standard(tokens("mẹ tui khó thở tím tái gọi không trả lời")))
    )
    calm = score(
        model, reading(model, standard(tokens("tui muốn hỏi chỗ đăng ký tiêm ngừa cho con")))
    )
    assert sum(urgent.probabilities) == pytest.approx(1.0)
    assert urgent.emergency > 0.5 > calm.emergency
    assert urgent.service == "115"


def _rules(emergency: bool = False, service: str | None = None, **what: bool) -> Rules:
    found = {"cue": True, "sure": True, "read_high": False, "single": False} | what
    return Rules(emergency, service, **found)  # type: ignore[arg-type]


_TEN = ["w"] * 10  # ten words the hand-made models know (no model below knows "w")
_KNOWING = Model({"w:w": (0.0, 0.0, 0.0, 0.0)}, (0.0, 0.0, 0.0, 0.0), {})


def test_judge_promotes_only_unsure_rules_on_words_they_did_not_read() -> None:
    high = Score((0.05, 0.9, 0.03, 0.02), ((2, 3),))
    unread = Score((0.05, 0.9, 0.03, 0.02), ())  # all that weighed was read by the rules
    low = Score((0.95, 0.03, 0.01, 0.01), ())
    middle = Score((0.5, 0.3, 0.1, 0.1), ((2, 3),))
    m, w = _KNOWING, _TEN
    assert judge(high, _rules(), reading(m, w)) == "promote"
    assert judge(high, _rules(sure=False), reading(m, w)) is None  # an emergency denied or defused
    assert (
        judge(Score((0.15, 0.8, 0.03, 0.02), ((2, 3),)), _rules(read_high=True), reading(m, w))
        is None
    )
    assert judge(unread, _rules(), reading(m, w)) is None
    assert judge(middle, _rules(), reading(m, w)) is None
    assert judge(low, _rules(True, "115", single=True), reading(m, w)) == "demote"
    assert judge(low, _rules(True, "115"), reading(m, w)) is None
    assert judge(middle, _rules(True, "115", single=True), reading(m, w)) is None


def test_over_a_need_read_as_high_the_model_promotes_only_when_all_but_sure() -> None:
    """A need the rules read as high is an emergency only when the model all but rules out
    anything else (>= 0.9, whatever the service), knows the answer, and weighed words of its
    own, and nothing was denied or put out of the present."""
    sure = Score((0.06, 0.5, 0.4, 0.04), ((2, 3),))  # 0.94 an emergency, 0.5 of one service
    below = Score((0.12, 0.8, 0.04, 0.04), ((2, 3),))
    high = _rules(read_high=True)
    assert judge(sure, high, reading(_KNOWING, _TEN)) == "promote"
    assert judge(sure, _rules(read_high=True, cue=False), reading(_KNOWING, _TEN)) == "promote"
    assert judge(below, high, reading(_KNOWING, _TEN)) is None
    assert judge(sure, high, reading(_KNOWING, _TEN[:4])) is None  # too short to trust
    assert judge(sure, _rules(read_high=True, sure=False), reading(_KNOWING, _TEN)) is None
    unread = Score(sure.probabilities, ())  # all that weighed was read by the rules
    assert judge(unread, high, reading(_KNOWING, _TEN)) is None


def test_without_a_cue_the_model_promotes_only_when_sure_of_the_service_and_the_words() -> None:
    sure = Score((0.05, 0.9, 0.03, 0.02), ((2, 3),))
    spread = Score((0.04, 0.32, 0.32, 0.32), ((2, 3),))  # "an emergency", of no service
    assert judge(sure, _rules(cue=False), reading(_KNOWING, _TEN)) == "promote"
    assert judge(spread, _rules(cue=False), reading(_KNOWING, _TEN)) is None
    assert judge(sure, _rules(cue=False), reading(_KNOWING, _TEN[:4])) is None  # too short to trust
    unknown = ["w"] * 5 + ["q"] * 5  # half of the words never seen in training
    assert not knows(_KNOWING, unknown) and knows(_KNOWING, _TEN)
    assert judge(sure, _rules(cue=False), reading(_KNOWING, unknown)) is None


def test_the_model_changes_the_service_only_when_sure_and_far_likelier() -> None:
    lift = Score((0.02, 0.03, 0.9, 0.05), ())
    known, short = reading(_KNOWING, _TEN), reading(_KNOWING, _TEN[:5])
    assert judge(lift, _rules(True, "113"), short) == "service"  # 0.9 >= 0.8 and 10 x 0.05
    assert judge(lift, _rules(True, "114"), known) is None  # the same service
    leaning = Score((0.05, 0.05, 0.7, 0.2), ())  # 114 at 0.7: 14 times the rules' 115
    assert judge(leaning, _rules(True, "115"), known) == "service"  # >= 0.6 and 5 x on known
    assert judge(leaning, _rules(True, "115"), short) is None  # an answer it does not know
    unsure = Score((0.3, 0.05, 0.55, 0.1), ())
    assert judge(unsure, _rules(True, "113"), known) is None  # 0.55 < 0.6
    close = Score((0.02, 0.0, 0.8, 0.18), ())
    assert judge(close, _rules(True, "113"), known) is None  # not 5 times likelier
    police = Score((0.05, 0.05, 0.2, 0.7), ())  # classes: none, 115, 114, 113
    assert judge(police, _rules(True, "115"), known) is None  # not to 113 below 0.8
    assert judge(Score((0.02, 0.03, 0.05, 0.9), ()), _rules(True, "115"), known) == "service"


@pytest.mark.usefixtures("fake_model")
def test_a_promotion_says_the_models_service_and_its_words() -> None:
    result = parse_need("ba tui bị té xyzcháy")  # a cue ("bị té"), a word the rules lack
    assert (result.urgency, result.service, result.category) == ("emergency", "114", "other")
    assert result.emergency_reasons == ("xyzcháy",)
    assert result.as_dict()["model"] == "promote"


@pytest.mark.usefixtures("fake_model")
@pytest.mark.parametrize(
    "text",
    [
        "nhà bên xyzcháy rồi",  # no cue, and too short for the model alone to promote
        "không có khó thở gì hết ba tui bị té xyzcháy",  # an emergency denied
        "ông nội sốt cao mấy ngày nay bị té xyzcháy",  # a need the rules read as high
    ],
)
def test_no_promotion_where_the_rules_are_sure(text: str) -> None:
    result = parse_need(text)
    assert result.urgency != "emergency" and result.model is None


@pytest.mark.usefixtures("fake_model")
def test_a_demotion_keeps_the_rules_other_reasons() -> None:
    result = parse_need("cái quạt bốc mùi khét tui muốn hỏi chỗ sửa abcbình")
    assert (result.urgency, result.service, result.model) == ("normal", None, "demote")
    assert "mùi khét" in result.reasons


@pytest.mark.usefixtures("fake_model")
@pytest.mark.parametrize(
    "text",
    [
        "cái quạt bốc mùi khét abcbình",  # no request after it: never demoted
        "cháy nhà khói đen mù mịt tui muốn hỏi abcbình",  # two phrases
    ],
)
def test_no_demotion_of_an_emergency_said_for_itself(text: str) -> None:
    assert parse_need(text).urgency == "emergency"


def test_rules_only_leaves_the_model_out() -> None:
    assert need_model.model_enabled()
    need_model.use_model(False)
    try:
        assert need_model.current() is None
    finally:
        need_model.use_model(True)
    assert need_model.current() is not None


@pytest.mark.usefixtures("fake_model")
def test_a_change_of_service_keeps_the_rules_reasons_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "có thằng cầm dao xyzcháy"  # the rules: a blade, 113; the hand-made model: 114
    with monkeypatch.context() as rules_only:
        rules_only.setattr("callbot.understanding.need.current", lambda: None)
        before = parse_need(text)
    assert (before.urgency, before.service) == ("emergency", "113")
    result = parse_need(text)
    assert (result.urgency, result.service, result.category) == ("emergency", "114", "other")
    assert result.model == "service" and result.emergency_reasons == before.emergency_reasons


def _category_model(best: str, weight: float) -> Model:
    """A model whose category head reads ``best`` on the word "w" (with ``weight``)."""
    row = tuple(weight if c == best else 0.0 for c in need_model.CATEGORIES)
    head = Head(need_model.CATEGORIES, {"w:w": row}, (0.0,) * 6)
    return Model({"w:w": (0.0,) * 4}, (0.0,) * 4, {}, {"category": head})


def test_the_model_reads_the_category_only_where_the_rules_are_unsure() -> None:
    sure = _category_model("financial", 9.0)  # about 0.99 financial
    unsure = _category_model("financial", 1.0)  # about 0.35: not sure
    assert need_heads.category(sure, reading(sure, _TEN)) == (
        "financial",
        pytest.approx(0.99, abs=0.01),
    )
    assert need_heads.recategorise(sure, reading(sure, _TEN), "medical", 0.77) == "financial"
    assert (
        need_heads.recategorise(sure, reading(sure, _TEN), "medical", 0.9) is None
    )  # the rules are sure
    assert (
        need_heads.recategorise(sure, reading(sure, _TEN), "financial", 0.5) is None
    )  # the same category
    assert need_heads.recategorise(unsure, reading(unsure, _TEN), "medical", 0.5) is None
    assert (
        need_heads.recategorise(sure, reading(sure, _TEN[:5]), "medical", 0.5) is None
    )  # too short
    without = Model({"w:w": (0.0,) * 4}, (0.0,) * 4, {})  # a file without the category head
    assert need_heads.category(without, reading(without, _TEN)) is None
    assert need_heads.recategorise(without, reading(without, _TEN), "medical", 0.5) is None


def test_the_bundled_model_has_a_category_head() -> None:
    model = need_model.load()
    assert model is not None and set(model.heads) == {"category", "urgency"}
    assert model.heads["category"].classes == need_model.CATEGORIES
    for text, expected in (
        ("nhà tui hết gạo hết mì rồi xin phường cho ít gạo ăn đỡ", "food"),
        ("tui muốn hỏi tiền hỗ trợ người mất việc nộp hồ sơ ở đâu", "financial"),
        ("tui muốn đăng ký xét nghiệm test nhanh cho cả nhà ở hẻm này", "testing"),
    ):
        read = need_heads.category(model, reading(model, standard(tokens(text))))
        assert read is not None and read[0] == expected and read[1] >= 0.7, text


@pytest.mark.usefixtures("fake_model")
def test_a_change_of_category_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    model = need_model.current()
    assert model is not None
    row = tuple(9.0 if c == "financial" else 0.0 for c in need_model.CATEGORIES)
    words = "không có tiền bệnh viện cho ba tui mấy bữa nay rồi anh ơi"  # medical or money?
    known = {f"w:{w}": (0.0,) * 4 for w in words.split()}  # it knows every word: no emergency
    head = Head(need_model.CATEGORIES, {f"w:{w}": row for w in words.split()}, (0.0,) * 6)
    reading = Model(model.weights | known, model.bias, {}, {"category": head})
    monkeypatch.setattr("callbot.understanding.need.current", lambda: reading)
    with monkeypatch.context() as rules_only:
        rules_only.setattr("callbot.understanding.need.current", lambda: None)
        before = parse_need(words)
    assert before.category == "medical" and before.confidence < need_heads.RULES_SURE
    result = parse_need(words)
    assert (result.category, result.model, result.urgency) == ("financial", "category", "normal")
    assert result.reasons == before.reasons  # the words the rules read stay shown
    sure = parse_need("tui cần tiền mua thuốc cho ba tui bị bệnh ở nhà")  # the rules are sure
    assert sure.model is None and sure.category == "medical"


def test_an_emergency_the_caller_moved_on_from_is_demoted_only_before_the_request() -> None:
    none = Score((0.97, 0.01, 0.01, 0.01), ())
    moved = _rules(True, "114", moved_on=True)
    assert judge(none, moved, reading(_KNOWING, _TEN)) == "demote"
    assert judge(none, moved, reading(_KNOWING, _TEN[:5])) is None  # too short to trust the model
    assert (
        judge(none, _rules(True, "114"), reading(_KNOWING, _TEN)) is None
    )  # said after the request
    unsure = Score((0.85, 0.05, 0.05, 0.05), ())
    assert judge(unsure, moved, reading(_KNOWING, _TEN)) is None  # not ruled out


@pytest.mark.usefixtures("fake_model")
def test_an_emergency_said_after_the_request_is_never_demoted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = "cho em hỏi tiền hỗ trợ người già đăng ký sao mà bà em mới té giờ gọi không trả lời"
    calm = {f"w:{w}": (9.0, -3.0, -3.0, -3.0) for w in words.split()}  # "no emergency" words
    model = need_model.current()
    assert model is not None
    monkeypatch.setattr(
        "callbot.understanding.need.current", lambda: Model(calm, model.bias, {}, model.heads)
    )
    assert parse_need(words).urgency == "emergency"
    # the same model on smoke said before the request (the rules alone: 114): demoted
    before = "có khói đen bay qua từ nhà kế bên em muốn hỏi tiền hỗ trợ cho người già neo đơn"
    calm |= {f"w:{w}": (9.0, -3.0, -3.0, -3.0) for w in before.split()}
    result = parse_need(before)
    assert (result.urgency, result.service, result.model) == ("high", None, "demote")  # neo đơn


def test_a_short_answer_keeps_the_rules_service_unless_the_model_is_all_but_sure() -> None:
    # session 8: "thằng nhỏ đang chết đuối" was told 113 when unknown answers could change
    for text in ("thằng nhỏ đang chết đuối ngoài sông", "thằng nhỏ đang chết đuối ngoài mương"):
        result = parse_need(text)
        assert result.urgency == "emergency" and result.service != "113", result


def test_an_emergency_said_without_a_request_is_not_demoted_on_the_models_word() -> None:
    # session 8: demoting it when the model learnt the phrase lost this one (module docstring)
    result = parse_need("ba tui đột quỵ hồi sáng tới giờ chưa đi viện giờ lơ mơ")
    assert (result.urgency, result.service) == ("emergency", "115"), result


@pytest.mark.parametrize(
    "text",
    [
        "nhà tui đang cháy",  # a reviewer's probe: the model's 113 on "tui"
        "xe tui đang cháy",
        "nhà tui cháy rồi",
        "thằng nhỏ đang chết đuối ngoài mương cứu với",
    ],
)
def test_a_fire_or_someone_in_the_water_is_never_told_113_on_the_models_word(text: str) -> None:
    result = parse_need(text)
    assert result.urgency == "emergency" and result.service == "114", result
