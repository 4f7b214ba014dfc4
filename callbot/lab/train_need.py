"""``callbot train need-model``: fit the need parser's statistical model and write its file.

The model (:mod:`callbot.understanding.need_model`) is trained on the needs of the labelled
set, the hold-out set and the development parts (:func:`.parse_sets.training_sets`), never on
the locked part (a set whose ids are locked is refused). Each round of issue 13 kept half of
its newest part unseen (:mod:`callbot.lab.halves`) until it was scored: round 2 trained on half
A of the second part, round 3 on half A of the third; both halves have been studied since. Each
answer's class is "none" unless it is labelled an emergency, then its ``service`` (or, in the
sets that label none, the service of its category: medical 115, violation 113, other 114).

Fitting is plain batch gradient descent on the softmax loss with an L2 penalty, from zero
weights, a fixed number of steps: the same sets give the same file. Features said in fewer
than :data:`MIN_COUNT` answers are left out. The file keeps its features' four weights
rounded to :data:`DIGITS` decimals, the biases, and what it was trained on.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from callbot.errors import ConfigError
from callbot.lab import evaluate as ev
from callbot.lab.parse_sets import training_sets
from callbot.understanding.need_base import standard
from callbot.understanding.need_model import (
    CATEGORIES,
    CLASSES,
    MODEL_FILE,
    URGENCIES,
    features,
)
from callbot.understanding.text import tokens

MIN_COUNT = 2
L2 = 1e-4
STEPS = 2000
RATE = 2.0
DIGITS = 3
_CATEGORY_SERVICE = {"medical": "115", "violation": "113", "other": "114"}


def training_cases() -> list[tuple[str, ev.Case]]:
    """(set name, case) of every need the model learns from."""
    sets = [(name, ev.load_set(path)) for name, path in training_sets()]
    out = []
    for name, cases in sets:
        if any(c.id.startswith(ev.LOCKED_ID_PREFIX) for c in cases):
            raise ConfigError(f"{name}: holds locked transcripts; the model never learns them")
        out += [(name, c) for c in cases if c.kind == "need"]
    return out


def label(case: ev.Case) -> int:
    """The class index of a labelled need."""
    if case.expect["urgency"] != "emergency":
        return 0
    service = case.expect.get("service") or _CATEGORY_SERVICE.get(case.expect["category"], "115")
    return CLASSES.index(service)


def _urgency(case: ev.Case) -> int | None:
    """The urgency head's class of a labelled need; None for an emergency."""
    urgency = case.expect["urgency"]
    return None if urgency == "emergency" else URGENCIES.index(urgency)


def fit(
    texts: list[str],
    labels: list[int],
    categories: list[int] | None = None,
    urgencies: list[int | None] | None = None,
) -> dict[str, Any]:
    """The model's JSON data for these answers: the emergency head from ``labels`` (indexes of
    :data:`CLASSES`); the category head from ``categories`` (indexes of :data:`CATEGORIES`)
    and the urgency head from ``urgencies`` (indexes of :data:`URGENCIES`, None for an
    emergency: the head learns the needs that are none) when given."""
    feats = [set(features(standard(tokens(t)))) for t in texts]
    counts = Counter(f for fs in feats for f in fs)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    x = Sparse.of([sorted(vocab[f] for f in fs if f in vocab) for fs in feats], len(vocab))
    names = sorted(vocab, key=vocab.__getitem__)
    w, b = _softmax(x, labels, len(CLASSES))
    data: dict[str, Any] = {
        "classes": list(CLASSES),
        "bias": _rounded(b),
        "features": {f: _rounded(w[vocab[f]]) for f in names},
    }
    heads: dict[str, Any] = {}
    if categories is not None:
        heads["category"] = _head(x, categories, CATEGORIES, names, vocab)
    if urgencies is not None:
        rows = [k for k, u in enumerate(urgencies) if u is not None]
        kept = [u for u in urgencies if u is not None]
        heads["urgency"] = _head(x.take(rows), kept, URGENCIES, names, vocab)
    if heads:
        data["heads"] = heads
    return data


class Sparse:
    """The answers' feature vectors as (row, column, value) triples: each row's features
    present, each ``1 / sqrt(n)`` (the vector scaled to length 1). An answer has a few dozen
    of the tens of thousands of features, so the products of the descent cost what is said,
    not rows x features (a dense matrix of the development parts is over 1 GB and its
    fit took 44 minutes; the same sums here take about a minute)."""

    def __init__(self, rows: Any, cols: Any, vals: Any, shape: tuple[int, int]) -> None:
        self.rows, self.cols, self.vals, self.shape = rows, cols, vals, shape

    @classmethod
    def of(cls, features: list[list[int]], width: int) -> Sparse:
        """The matrix whose row ``k`` has the columns ``features[k]``."""
        rows = np.repeat(np.arange(len(features)), [len(f) for f in features])
        cols = np.array([c for f in features for c in f], dtype=np.int64)
        vals = np.concatenate(
            [np.zeros(0)] + [np.full(len(f), 1.0 / np.sqrt(max(len(f), 1))) for f in features]
        )
        return cls(rows, cols, vals, (len(features), width))

    def take(self, kept: list[int]) -> Sparse:
        """The rows ``kept``, in that order."""
        where = {r: k for k, r in enumerate(kept)}
        mask = np.isin(self.rows, kept)
        rows = np.array([where[r] for r in self.rows[mask]], dtype=np.int64)
        return Sparse(rows, self.cols[mask], self.vals[mask], (len(kept), self.shape[1]))

    def dot(self, w: Any) -> Any:
        """``x @ w``."""
        part = self.vals[:, None] * w[self.cols]
        return np.stack(
            [np.bincount(self.rows, part[:, k], self.shape[0]) for k in range(w.shape[1])], 1
        )

    def tdot(self, g: Any) -> Any:
        """``x.T @ g``."""
        part = self.vals[:, None] * g[self.rows]
        return np.stack(
            [np.bincount(self.cols, part[:, k], self.shape[1]) for k in range(g.shape[1])], 1
        )


def _head(
    x: Any, labels: list[int], classes: tuple[str, ...], names: list[str], vocab: dict[str, int]
) -> dict[str, Any]:
    w, b = _softmax(x, labels, len(classes))
    return {
        "classes": list(classes),
        "bias": _rounded(b),
        "features": {f: _rounded(w[vocab[f]]) for f in names},
    }


def _softmax(x: Any, labels: list[int], classes: int) -> tuple[Any, Any]:
    """Weights and biases of a multinomial logistic regression, by batch gradient descent."""
    y = np.eye(classes)[labels]
    w = np.zeros((x.shape[1], classes))
    b = np.zeros(classes)
    for _ in range(STEPS):
        z = x.dot(w) + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - y) / x.shape[0]
        w -= RATE * (x.tdot(grad) + L2 * w)
        b -= RATE * grad.sum(axis=0)
    return w, b


def _rounded(values: Any) -> list[float]:
    return [round(float(v), DIGITS) for v in values]


def train(out: Path = MODEL_FILE) -> dict[str, Any]:
    """Fit on :func:`training_cases` and write the model file; a summary of what was done."""
    cases = training_cases()
    data = fit(
        [c.text for _, c in cases],
        [label(c) for _, c in cases],
        [CATEGORIES.index(c.expect["category"]) for _, c in cases],
        [_urgency(c) for _, c in cases],
    )
    trained_on = dict(Counter(name for name, _ in cases))
    per_class = Counter(CLASSES[label(c)] for _, c in cases)
    data = {
        "trained_on": trained_on,
        "answers_per_class": {k: per_class.get(k, 0) for k in CLASSES},
        "settings": {"min_count": MIN_COUNT, "l2": L2, "steps": STEPS, "rate": RATE},
        **data,
    }
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    return {
        "file": str(out),
        "answers": len(cases),
        "features": len(data["features"]),
        "trained_on": trained_on,
        "answers_per_class": data["answers_per_class"],
    }


def main_train(out: Path | None, as_json: bool) -> int:
    """``callbot train need-model``: train, write, print what was done."""
    summary = train(out or MODEL_FILE)
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        sets = ", ".join(f"{n} {k}" for k, n in summary["trained_on"].items())
        classes = ", ".join(f"{k} {n}" for k, n in summary["answers_per_class"].items())
        print(
            f"need model: {summary['answers']} answers ({sets}); {classes}; "
            f"{summary['features']} features -> {summary['file']}"
        )
    return 0
