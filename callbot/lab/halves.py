"""Two fixed halves of a labelled set, by a hash of each transcript's id.

Issue 13's second round studied and tuned on half A of the second development part
(``parse_dev3.jsonl``) and kept half B unseen, as its own check that what was learnt on A
holds on wordings nobody tuned for, until its last pass (the rules' final pass, after commit
1b76a9e), which was made from half B's errors: from then on half B is a development set like
A, and only the locked part measures unseen wordings. Round 3 does the same with the third
development part (``parse_dev4.jsonl``, the default of ``--half``): half A studied, half B kept
unseen.
The statistical model beside the rules (:mod:`callbot.lab.train_need`) is never trained on the
unseen half of the current round nor on the locked part.

A transcript is in half A when the last byte of ``sha256(id)`` is even, else in half B: the
split depends on the id alone, not on the file's order or on its other lines, so the halves
stay the same when transcripts are added. ``callbot eval parse --half A|B`` scores one half.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Literal, Protocol, TypeVar

Half = Literal["A", "B"]
HALVES: tuple[Half, ...] = ("A", "B")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_C = TypeVar("_C", bound=_HasId)


def half_of(case_id: str) -> Half:
    """``"A"`` when the last byte of ``sha256(case_id)`` is even, else ``"B"``."""
    return "A" if hashlib.sha256(case_id.encode("utf-8")).digest()[-1] % 2 == 0 else "B"


def select_half(cases: Sequence[_C], half: Half) -> list[_C]:
    """The cases of ``half``, in their order."""
    return [c for c in cases if half_of(c.id) == half]
