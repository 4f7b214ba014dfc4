"""The fixed halves of a labelled set (round 2 of issue 13 tunes on A and keeps B unseen)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import callbot.lab.evaluate as ev
from callbot.lab.halves import half_of, select_half


def test_the_half_is_the_parity_of_the_ids_hash() -> None:
    for case_id in ("dev3-need-001", "dev3-name-017", "x"):
        last = hashlib.sha256(case_id.encode()).digest()[-1]
        assert half_of(case_id) == ("A" if last % 2 == 0 else "B")


def test_the_halves_split_the_second_development_part_whatever_its_order() -> None:
    cases = ev.load_set(ev.set_file("parse_dev3.jsonl"))
    a, b = select_half(cases, "A"), select_half(cases, "B")
    assert len(a) + len(b) == len(cases)
    assert not {c.id for c in a} & {c.id for c in b}
    assert 0.4 <= len(a) / len(cases) <= 0.6
    assert [c.id for c in select_half(cases[::-1], "A")] == [c.id for c in a][::-1]


def test_eval_parse_scores_one_half(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "set.jsonl"
    lines = [
        {
            "id": f"t-{k}",
            "kind": "name",
            "text": "tên tôi là lê văn an",
            "expect": {"name": "Lê Văn An"},
        }
        for k in range(40)
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    expected = sum(half_of(f"t-{k}") == "B" for k in range(40))
    assert ev.main_eval(path, as_json=True, show_errors=False, half="B") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == expected
    assert data["name"] == "set.jsonl, half B"
