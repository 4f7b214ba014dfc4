"""``callbot train need-model``: what the need model learns from, and how it is fitted."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import callbot.lab.evaluate as ev
from callbot.errors import ConfigError
from callbot.lab import train_need
from callbot.understanding import need_model
from callbot.understanding.need_base import standard
from callbot.understanding.text import tokens


def test_it_learns_from_the_development_sets_never_the_locked_part() -> None:
    cases = train_need.training_cases()
    ids = [c.id for _, c in cases]
    assert len(ids) == len(set(ids))
    assert all(c.kind == "need" for _, c in cases)
    assert not any(i.startswith(ev.LOCKED_ID_PREFIX) for i in ids)
    dev4 = {i for i in ids if i.startswith("dev4-")}
    assert dev4 == {c.id for c in ev.load_set(ev.set_file("parse_dev4.jsonl")) if c.kind == "need"}
    assert {i for i in ids if i.startswith("dev3-")} == {
        c.id for c in ev.load_set(ev.set_file("parse_dev3.jsonl")) if c.kind == "need"
    }


def test_a_locked_set_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    locked = tmp_path / "x.jsonl"
    line = {
        "id": "lock-1",
        "kind": "need",
        "text": "gạo",
        "expect": {"category": "food", "urgency": "normal"},
    }
    locked.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(train_need, "training_sets", lambda: [("hold-out set", locked)])
    with pytest.raises(ConfigError, match="locked"):
        train_need.training_cases()


def test_labels_are_the_service_or_that_of_the_category() -> None:
    def case(expect: dict[str, str]) -> ev.Case:
        return ev.Case("x", "need", "t", expect, 1)

    assert train_need.label(case({"category": "food", "urgency": "high"})) == 0
    assert train_need.label(case({"category": "violation", "urgency": "emergency"})) == 3
    assert (
        train_need.label(case({"category": "other", "urgency": "emergency", "service": "113"})) == 3
    )


def test_fitting_is_deterministic_and_learns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = ["nhà cháy lớn", "cháy nhà rồi", "cháy nhà to", "mẹ khó thở", "khó thở quá"]
    texts += ["khó thở lắm", "xin gạo", "xin gạo ăn", "xin gạo nha"]
    labels = [2, 2, 2, 1, 1, 1, 0, 0, 0]  # every word kept is said twice or more
    first, second = train_need.fit(texts, labels), train_need.fit(texts, labels)
    assert first == second
    model = need_model.Model(
        {k: tuple(v) for k, v in first["features"].items()}, tuple(first["bias"]), {}
    )
    assert (
        need_model.score(model, need_model.reading(model, standard(tokens("cháy nhà")))).service
        == "114"
    )
    assert (
        need_model.score(model, need_model.reading(model, standard(tokens("xin gạo")))).emergency
        < 0.5
    )

    kinds = ["other"] * 3 + ["medical"] * 3 + ["food"] * 3
    cases = [
        ("tiny set", ev.Case(f"t{k}", "need", t, {"category": kinds[k], "urgency": "normal"}, k))
        for k, t in enumerate(texts)
    ]
    monkeypatch.setattr(train_need, "training_cases", lambda: cases)
    monkeypatch.setattr(train_need, "label", lambda c: labels[int(c.id[1:])])
    out = tmp_path / "model.json"
    assert train_need.main_train(out, as_json=False) == 0
    loaded = need_model.load.__wrapped__(out)
    assert loaded is not None and loaded.meta["trained_on"] == {"tiny set": 9}
    words = standard(tokens("xin gạo ăn"))
    assert loaded.heads["category"].read(need_model.reading(loaded, words))[0] == "food"
    assert set(loaded.heads) == {"category", "urgency"}


def test_the_sparse_rows_multiply_as_the_dense_matrix_they_stand_for() -> None:
    features = [[0, 3], [], [1, 2, 3], [4]]
    x = train_need.Sparse.of(features, 5)
    dense = np.zeros((4, 5))
    for row, cols in enumerate(features):
        dense[row, cols] = 1.0 / np.sqrt(len(cols)) if cols else 0.0
    w = np.arange(20, dtype=float).reshape(5, 4) / 7
    g = np.arange(16, dtype=float).reshape(4, 4) / 3
    assert np.allclose(x.dot(w), dense @ w)
    assert np.allclose(x.tdot(g), dense.T @ g)
    kept = x.take([2, 0])
    assert kept.shape == (2, 5)
    assert np.allclose(kept.dot(w), dense[[2, 0]] @ w)
