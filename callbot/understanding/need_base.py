"""The need lexicon's building blocks: entry types, ``{k}`` negations, spellings of oxygen.

See :mod:`.need_lexicon` for what the fields mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Category = Literal["food", "medical", "financial", "testing", "violation", "other"]
Urgency = Literal["emergency", "high", "normal"]
Fold = Literal["exact", "tone", "full"]

URGENCY_RANK: dict[Urgency, int] = {"normal": 0, "high": 1, "emergency": 2}
# Ties between categories of equal urgency and weight go to the first in this order.
CATEGORY_ORDER: tuple[Category, ...] = (
    "medical",
    "food",
    "testing",
    "financial",
    "violation",
    "other",
)


@dataclass(frozen=True)
class Entry:
    """Phrases with one meaning."""

    category: Category | None
    urgency: Urgency
    weight: int
    phrases: tuple[str, ...]
    tags: frozenset[str] = frozenset()
    negatable: bool = False
    fold: Fold = "full"


@dataclass(frozen=True)
class Combo:
    """Two tags in one answer (within ``window`` words of each other, None: anywhere)."""

    tags: tuple[str, str]
    category: Category | None
    urgency: Urgency
    weight: int
    window: int | None = None
    ordered: bool = False  # the first tag must come first ("gọi ... không dậy")


@dataclass(frozen=True)
class Reading:
    """A number said right after (or before) a tagged phrase, within ``low..high``."""

    tag: str
    after: bool
    low: int
    high: int
    category: Category | None
    urgency: Urgency
    weight: int


@dataclass(frozen=True)
class Demotion:
    """Phrases tagged ``tag`` fall to ``urgency`` when a phrase tagged ``by`` is said."""

    tag: str
    by: str
    urgency: Urgency


def entry(
    category: Category | None,
    urgency: Urgency,
    weight: int,
    phrases: str,
    *,
    tags: str = "",
    negatable: bool = False,
    fold: Fold = "full",
) -> Entry:
    """An entry from a comma-separated phrase list; ``{k}`` stands for each of :data:`NOT`."""
    listed: list[str] = []
    for raw in phrases.split(","):
        phrase = " ".join(raw.split())
        if phrase:
            forms = [phrase.replace("{k}", k) for k in NOT] if "{k}" in phrase else [phrase]
            listed.extend(f for f in forms if f not in listed)
    return Entry(category, urgency, weight, tuple(listed), frozenset(tags.split()), negatable, fold)


# "Not", north and south ("hổng có", "hông có"), and "not yet".
NOT = ("không", "hổng", "hông", "chưa", "chẳng")

# Ways Vosk writes oxygen, SpO2 and COVID.
OXY = ("oxy", "oxi", "ô xy", "ô xi", "ôxy", "ôxi")
SPO2 = ("spo2", "sp o2", "spo hai", "sp ô hai", "ét pê ô hai", "ét bê ô hai", "xpo2")
COVID = ("covid", "cô vít", "cô vi", "co vid", "cô vích")


def each(forms: tuple[str, ...], *patterns: str) -> str:
    """Every pattern filled with every form (``{}`` stands for it), as a comma-separated phrase
    list for :func:`entry`."""
    return ", ".join(p.format(f) for p in patterns for f in forms)
