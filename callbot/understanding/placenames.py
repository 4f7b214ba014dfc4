"""Spotting place names in transcript words: exact first, then tolerant of recognition errors.

A :class:`NameIndex` maps short names ("Tân Bình", "Vĩnh Lộc A", "15") to items and finds the
longest name starting at a word, at the best of five tiers (its ``score``)::

    EXACT    1.0   the words as written, tone marks placed either way ("hoà" = "hòa")
    JOINED   0.9   the same letters with a word split or merged ("tân bình" / "tânbình")
    FOLDED   0.8   without diacritics ("thanh an" for "Thạnh An", when no exact "Thanh An")
    SOUND    0.75  folded, then the sounds southern speech merges: initial "gi"/"v" as "d",
                   "tr" as "ch", "s" as "x"; final "ng"/"nh" as "n", "c"/"ch" as "t"
                   ("gò dấp" for Gò Vấp, "cần dờ" for Cần Giờ)
    FUZZY    0.65  one letter wrong, missing or extra on a folded name of 6+ letters (two on
                   12+), only when exactly one name is that close

A longer match wins over a shorter one ("bình hưng hoa a" is Bình Hưng Hòa A folded, not Bình
Hưng exact); at the same length the better tier wins ("thanh an" is Thanh An, not Thạnh An).
FUZZY is tried only when no other tier matches at any length, so that a near match never eats
the next word ("tân thạnh đông củ chi" is Tân Thạnh Đông, then Củ Chi).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from callbot.understanding.text import fold, normalize

T = TypeVar("T")

EXACT, JOINED, FOLDED, SOUND, FUZZY = 1.0, 0.9, 0.8, 0.75, 0.65
MAX_WORDS = 5
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
# Glides whose tone mark sits on the vowel before ("hòa", old style) or after ("hoà").
_GLIDES = ("oa", "oe", "uy")


def tone_key(word: str) -> str:
    """``word`` with the tone of a final "oa", "oe", "uy" on its first vowel: "hoà" -> "hòa".

    Both placements are in use; the package writes "Hòa", a recognizer may write "hoà".
    """
    decomposed = unicodedata.normalize("NFD", word)
    letters = [ch for ch in decomposed if ch not in _TONES]
    tones = [ch for ch in decomposed if ch in _TONES]
    base = unicodedata.normalize("NFC", "".join(letters))
    # Only when the glide ends the syllable ("hoàn" has one place) and is no "qu" ("quý").
    glide = next((g for g in _GLIDES if base.endswith(g)), None)
    if len(tones) != 1 or glide is None or base.endswith("q" + glide):
        return word
    at = len(base) - len(glide)
    return unicodedata.normalize("NFC", base[: at + 1] + tones[0] + base[at + 1 :])


_INITIALS = (("gi", "d"), ("v", "d"), ("tr", "ch"), ("s", "x"))
_FINALS = (("ng", "n"), ("nh", "n"), ("ch", "t"), ("c", "t"))


def sound_key(folded: str) -> str:
    """A folded phrase as southern speech may blur it: "go vap" -> "godap", "can gio" -> "cando"."""
    out = []
    for word in folded.split():
        sound = word
        for written, heard in _INITIALS:
            if sound.startswith(written) and len(sound) > len(written):
                sound = heard + sound[len(written) :]
                break
        for written, heard in _FINALS:
            if sound.endswith(written) and len(sound) > len(written):
                sound = sound[: -len(written)] + heard
                break
        out.append(sound)
    return "".join(out)


def exact_key(words: Iterable[str]) -> str:
    """The exact-tier key of some words."""
    return " ".join(tone_key(w) for w in words)


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is known to exceed it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # The common ends cost nothing; what is left is short when the two are close.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    a, b = a[head:], b[head:]
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a, b = a[: len(a) - tail], b[: len(b) - tail]
    far = limit + 1  # only cells within ``limit`` of the diagonal can stay under it
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [far] * len(b)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            cost = previous[j - 1] + (ca != b[j - 1])
            current[j] = min(previous[j] + 1, current[j - 1] + 1, cost)
        if min(current) > limit:
            return far
        previous = current
    return min(previous[-1], far)


@dataclass(frozen=True)
class Match(Generic[T]):
    """Items named by ``words[start:end]`` (several when the name is shared), and how well."""

    items: tuple[T, ...]
    start: int
    end: int
    score: float
    name: str


class NameIndex(Generic[T]):
    """Short names -> items, matched at five tiers (module docstring).

    ``fuzzy_min`` is the shortest folded name (in letters) a one-letter error is allowed on.
    """

    def __init__(self, entries: Iterable[tuple[str, T]], fuzzy_min: int = 6) -> None:
        self.fuzzy_min = fuzzy_min
        # One table per tier: key -> (the first name given for it, its items).
        self._tables: tuple[dict[str, tuple[str, list[T]]], ...] = ({}, {}, {}, {})
        self._by_length: dict[int, list[str]] = {}  # folded keys by length, for one-letter errors
        for name, item in entries:
            words = normalize(name).split()
            folded = fold(name)
            keys = (
                exact_key(words),
                exact_key(words).replace(" ", ""),
                folded.replace(" ", ""),
                sound_key(folded),
            )
            for table, key in zip(self._tables, keys, strict=True):
                bucket = table.setdefault(key, (name, []))[1]
                if item not in bucket:
                    bucket.append(item)
        for key in self._tables[2]:
            self._by_length.setdefault(len(key), []).append(key)

    def match(
        self,
        words: list[str],
        start: int,
        end: int | None = None,
        accept: Callable[[T], bool] | None = None,
        fuzzy: bool = True,
    ) -> Match[T] | None:
        """The best name starting at ``words[start]`` and ending before ``end`` (module docstring).

        ``accept`` keeps only some items (the wards of a district); ``fuzzy`` allows one-letter
        errors.
        """
        stop = min(len(words), start + MAX_WORDS, len(words) if end is None else end)
        for tier in (self._at, self._near) if fuzzy else (self._at,):
            for last in range(stop, start, -1):
                found = tier(words[start:last], accept)
                if found is not None:
                    items, score, name = found
                    return Match(tuple(items), start, last, score, name)
        return None

    def _at(
        self, phrase: list[str], accept: Callable[[T], bool] | None
    ) -> tuple[list[T], float, str] | None:
        """The exact, joined, folded or sound match of ``phrase``."""
        exact = exact_key(phrase)
        spaced = fold(" ".join(phrase))
        folded = spaced.replace(" ", "")
        keys = (exact, exact.replace(" ", ""), folded, sound_key(spaced))
        for table, key, score in zip(
            self._tables, keys, (EXACT, JOINED, FOLDED, SOUND), strict=True
        ):
            name, items = table.get(key, ("", []))
            kept = [i for i in items if accept is None or accept(i)]
            if kept:
                return kept, score, name
        return None

    def _near(
        self, phrase: list[str], accept: Callable[[T], bool] | None
    ) -> tuple[list[T], float, str] | None:
        """The one name within one letter (two on long names) of ``phrase`` folded."""
        folded = fold(" ".join(phrase)).replace(" ", "")
        if len(folded) < self.fuzzy_min:
            return None
        limit = 2 if len(folded) >= 12 else 1
        folded_table = self._tables[2]
        close = [
            key
            for length in range(len(folded) - limit, len(folded) + limit + 1)
            for key in self._by_length.get(length, ())
            if distance(folded, key, limit) <= limit
            and any(accept is None or accept(i) for i in folded_table[key][1])
        ]
        if len(close) != 1:
            return None
        name, items = folded_table[close[0]]
        return [i for i in items if accept is None or accept(i)], FUZZY, name
