"""``callbot bench parse`` times the need parser with its model and with the rules alone in one
run, in alternating rounds, and leaves the model as it found it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import callbot.lab.bench_parse as bp
import callbot.lab.evaluate as ev
from callbot.understanding.need import parse_need
from callbot.understanding.need_model import model_enabled, use_model
from callbot.understanding.registry import ParseResult

NEEDS = ["mẹ tôi khó thở", "hết gạo", "xin giấy đi đường"]


@pytest.fixture(autouse=True)
def _model_back_on() -> Any:
    yield
    use_model(True)


def test_both_ways_are_timed_in_alternating_rounds_on_the_real_parser() -> None:
    seen: list[bool] = []

    def need(text: str) -> ParseResult:
        seen.append(model_enabled())
        return parse_need(text)

    with_model, rules_only = bp.time_with_and_without_model(need, NEEDS, minimum=30)
    assert with_model["answers"] == rules_only["answers"] == 30
    for figures in (with_model, rules_only):
        assert 0 < figures["p50_ms"] <= figures["p99_ms"] <= figures["max_ms"]
    timed = seen[2 * len(NEEDS) :]  # after the warm-up of both
    rounds = [timed[i : i + len(NEEDS)] for i in range(0, len(timed), len(NEEDS))]
    assert [r[0] for r in rounds[:4]] == [True, False, False, True]
    assert all(len(set(r)) == 1 for r in rounds)
    assert model_enabled()  # as it was


def test_bench_prints_the_need_parser_with_and_without_its_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bp, "gazetteer_cold_load", lambda: {"unavailable": "not in this test"})
    monkeypatch.setattr(bp, "need_cold_load", lambda: {"unavailable": "not in this test"})
    monkeypatch.setattr(ev, "parser", lambda kind: parse_need)
    path = tmp_path / "set.jsonl"
    lines = [
        {
            "id": f"n{i}",
            "kind": "need",
            "text": t,
            "expect": {"category": "food", "urgency": "normal"},
        }
        for i, t in enumerate(NEEDS)
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), "utf-8")
    assert bp.main_bench(path, as_json=True) == 0
    kinds = json.loads(capsys.readouterr().out)["kinds"]
    assert set(kinds) == {"need", "need_rules_only"}
    assert kinds["need"]["answers"] == kinds["need_rules_only"]["answers"] >= bp.BENCH_MIN_ANSWERS
    assert bp.main_bench(path, as_json=False) == 0
    assert "need with its model / rules only, same run: p50 x" in capsys.readouterr().out

    use_model(False)  # --rules-only: the rules alone, once
    assert bp.main_bench(path, as_json=True) == 0
    assert set(json.loads(capsys.readouterr().out)["kinds"]) == {"need"}
    assert not model_enabled()
