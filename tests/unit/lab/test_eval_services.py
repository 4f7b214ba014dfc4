"""The scorer's emergency figures and the lock, on tiny sets with a fake parser.

Recall per service counts an emergency found only with the labelled service, and says how many
were told which other number (a count, even on a locked set); the false
emergency rate is over needs labelled high or normal; the locked part's wrong answers are
listed only with ``show_locked_errors``; ``main_eval`` without a set file scores every
standard set and ends with a summary.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import callbot.lab.evaluate as ev
from callbot.errors import ConfigError


class _Fake:
    def __init__(self, answer: dict[str, Any]) -> None:
        self.confidence = 1.0
        self._answer = answer

    def as_dict(self) -> dict[str, Any]:
        return self._answer


EMERGENCY = {"urgency": "emergency"}
ANSWERS: dict[str, dict[str, Any] | Exception] = {
    "nhà bên cháy": {"category": "other", **EMERGENCY, "service": "114"},
    "có cướp": {"category": "violation", **EMERGENCY},  # found, but no service
    "mẹ tui xỉu": {"category": "medical", **EMERGENCY, "service": 115},  # a number is fine
    "ba tui khó thở": {"category": "medical", "urgency": "normal"},  # missed
    "nóng muốn chết": {"category": "other", **EMERGENCY, "service": "115"},  # false
    "hết thuốc": {"category": "medical", "urgency": "high"},
    "hết gạo": RuntimeError("boom"),  # a crash flags nothing
}
NEEDS: list[tuple[str, dict[str, Any]]] = [
    ("nhà bên cháy", {"category": "other", **EMERGENCY, "service": "114"}),
    ("có cướp", {"category": "violation", **EMERGENCY, "service": "113"}),
    ("mẹ tui xỉu", {"category": "medical", **EMERGENCY, "service": "115"}),
    ("ba tui khó thở", {"category": "medical", **EMERGENCY, "service": "115"}),
    ("nóng muốn chết", {"category": "other", "urgency": "normal"}),
    ("hết thuốc", {"category": "medical", "urgency": "high"}),
    ("hết gạo", {"category": "food", "urgency": "normal"}),
]


def _parse(text: str) -> _Fake:
    answer = ANSWERS[text]
    if isinstance(answer, Exception):
        raise answer
    return _Fake(answer)


@pytest.fixture(autouse=True)
def _fake_parsers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ev, "parser", lambda kind: _parse)


def _write(path: Path, prefix: str, needs: list[tuple[str, dict[str, Any]]] = NEEDS) -> Path:
    lines = [
        json.dumps(
            {"id": f"{prefix}{i:03d}", "kind": "need", "text": t, "expect": e}, ensure_ascii=False
        )
        for i, (t, e) in enumerate(needs, start=1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_service_is_a_need_field_checked_by_the_loader(tmp_path: Path) -> None:
    assert "need.service" in ev.FIELDS
    assert [c.expect.get("service") for c in ev.load_set(_write(tmp_path / "a.jsonl", "n"))] == [
        "114", "113", "115", "115", None, None, None,
    ]  # fmt: skip
    bad = [
        ({"category": "other", **EMERGENCY, "service": "116"}, "must be one of 115, 114, 113"),
        ({"category": "other", **EMERGENCY, "service": 114}, "must be one of 115, 114, 113"),
        ({"category": "other", "urgency": "high", "service": "114"}, "only for an emergency"),
        ({"category": "food", "urgency": "normal", "services": "114"}, "unknown services"),
    ]
    for expect, message in bad:
        path = _write(tmp_path / "bad.jsonl", "n", [("x", expect)])
        with pytest.raises(ConfigError, match=rf"{path}:1: .*{message}"):
            ev.load_set(path)


def test_recall_per_service_needs_the_right_service_and_false_rate_counts_the_rest(
    tmp_path: Path,
) -> None:
    cases = ev.load_set(_write(tmp_path / "a.jsonl", "n"))
    outcomes, unavailable = ev.evaluate(cases)
    data = ev.report(cases, outcomes, unavailable, "a.jsonl")
    e = data["emergency"]
    assert e["services"] == {
        "115": {"expected": 2, "found": 1, "recall": 0.5, "flagged": 1, "told": {}},
        "114": {"expected": 1, "found": 1, "recall": 1.0, "flagged": 1, "told": {}},
        "113": {"expected": 1, "found": 0, "recall": 0.0, "flagged": 1, "told": {"none": 1}},
    }
    assert (e["expected"], e["found"], e["recall"]) == (4, 3, 0.75)
    assert (e["predicted"], e["precision"]) == (4, 0.75)
    assert (e["not_emergency"], e["false"], e["false_rate"]) == (3, 1, pytest.approx(1 / 3))
    assert e["service_unlabelled"] == 0
    assert data["fields"]["need.service"] == {"right": 2, "of": 4, "accuracy": 0.5}
    assert (data["fields_right"], data["fields_of"]) == (6 + 4 + 2, 7 + 7 + 4)  # crash, misses
    assert data["all_right"] == 3 and data["wrong_answers"] == 4


def test_locked_errors_are_withheld_unless_asked_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "copy.jsonl", ev.LOCKED_ID_PREFIX)  # a copy, locked by its ids
    assert ev.main_eval(path, as_json=False, show_errors=True) == 0
    text = capsys.readouterr().out
    assert ", locked: 7 transcripts" in text
    assert "có cướp" not in text and "wrong answers of the locked part: 4, not shown" in text
    assert "(an emergency whatever the service: 1/1; told none: 1)" in text  # a count, no line
    assert ev.main_eval(path, as_json=True, show_errors=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["locked"] is True and "errors" not in data and data["wrong_answers"] == 4

    assert ev.main_eval(path, as_json=False, show_errors=False, show_locked_errors=True) == 0
    text = capsys.readouterr().out
    assert f"{ev.LOCKED_ID_PREFIX}002 (line 2): có cướp" in text
    assert "not shown" not in text


def test_the_locked_file_is_locked_whatever_its_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "parse_locked.jsonl", "x")
    other = _write(tmp_path / "other.jsonl", "x")
    monkeypatch.setattr(ev, "locked_set_file", lambda: path)
    assert ev.is_locked(path, ev.load_set(path))
    assert not ev.is_locked(other, ev.load_set(other))
    assert "errors" not in ev.score_set(path, "locked part", True, False)
    assert "errors" in ev.score_set(other, "other", True, False)
    assert "errors" not in ev.score_set(other, "other", False, True)  # lock flag only: locked


def test_default_run_scores_every_standard_set_and_sums_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fire = [NEEDS[0], NEEDS[5]]
    sets = [
        ("labelled set", _write(tmp_path / "eval.jsonl", "e", fire)),
        ("hold-out set", _write(tmp_path / "hold.jsonl", "h", fire)),
        ("development part", _write(tmp_path / "dev.jsonl", "d")),
        ("locked part", _write(tmp_path / "locked.jsonl", "q")),
    ]
    monkeypatch.setattr(ev, "standard_sets", lambda: sets)
    monkeypatch.setattr(ev, "locked_set_file", lambda: sets[3][1])
    assert ev.main_eval(None, as_json=False, show_errors=True) == 0
    text = capsys.readouterr().out
    for name, path in sets:
        assert f"parse evaluation: {name} ({path})" in text
    assert "d002 (line 2): có cướp" in text  # the development part's errors are listed
    assert "q002" not in text and "wrong answers of the locked part: 4, not shown" in text
    summary = text[text.index("summary") :]
    assert re.search(r"labelled set +2 +100\.0% +100\.0% +1/1 +- +1/1 +- +0/1 0\.0%", summary)
    assert re.search(r"locked part +7 +66\.7% +42\.9% +3/4 +1/2 +1/1 +0/1 +1/3 33\.3%", summary), (
        summary
    )

    assert ev.main_eval(None, as_json=True, show_errors=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in data["sets"]] == [n for n, _ in sets]
    assert ["errors" in r for r in data["sets"]] == [True, True, True, False]
    assert [r["locked"] for r in data["sets"]] == [False, False, False, True]


def test_old_sets_without_service_labels_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = [(t, {k: v for k, v in e.items() if k != "service"}) for t, e in NEEDS]
    assert ev.main_eval(_write(tmp_path / "old.jsonl", "o", old), False, False) == 0
    text = capsys.readouterr().out
    assert "recall per service   n/a (no emergency here is labelled with a service)" in text
    assert re.search(r"emergency recall +3/4 75\.0%", text)
    assert re.search(r"false emergencies +1/3 33\.3%", text)


def test_summary_columns_line_up_after_a_name_longer_than_the_old_width(tmp_path: Path) -> None:
    from callbot.lab.eval_render import render_summary

    reports = [
        ev.score_set(_write(tmp_path / f"{n}.jsonl", n[0]), name, False, False)
        for n, name in (("a", "labelled set"), ("b", "second development part"))
    ]
    head, *rows = render_summary(reports).splitlines()[:3]
    end = head.index("texts") + len("texts")  # the count column ends under its heading
    assert [row[end - 1 : end + 1] for row in rows] == ["7 ", "7 "]
    assert rows[1].startswith("second development part ")


def test_the_numbers_told_instead_are_counted_by_number() -> None:
    from callbot.lab.eval_emergency import emergency_figures

    police = {"category": "violation", **EMERGENCY, "service": "113"}
    needs = [
        (police, {"urgency": "emergency", "service": "114"}),
        (police, {"urgency": "emergency", "service": "114"}),
        (police, {"urgency": "emergency", "service": "115"}),
        (police, {"urgency": "emergency", "service": "113"}),
        (police, {"urgency": "high"}),  # not flagged: no number told
        (police, None),  # a crash tells nothing
    ]
    s = emergency_figures(needs)["services"]["113"]
    assert (s["expected"], s["found"], s["flagged"]) == (6, 1, 4)
    assert s["told"] == {"114": 2, "115": 1}
