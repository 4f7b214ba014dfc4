"""Recognition errors mended in an address answer's words before it is read.

:func:`repair` rewrites words that Vosk mishears in addresses, where the gazetteer confirms
the reading, and returns which words it changed (their matches get a lower score):

- a ward's letter spoken as its Vietnamese name after a name that has lettered variants:
  "phước long bê" -> "phước long b", "vĩnh lộc bờ" -> "vĩnh lộc b", "bình trị đông a";
- a marker misheard by a tone or a letter, or said without diacritics, when a unit name or a
  number follows it: "quậng tám", "quân gò vấp", "phuong hiep binh chanh", "huyen nha be";
- a number word misheard by a tone after "quận"/"phường" when no unit name starts there and
  the part ends after it: "quận nam" -> "quận năm", "phường tám quận nam" ("phường bà chiểu"
  stays: "bà" is not "ba" there);
- the unit five after ten misheard: "mười lâm" -> "mười lăm".
"""

from __future__ import annotations

import functools
import re

from callbot.understanding.address_parts import MARKERS
from callbot.understanding.address_places import indexes
from callbot.understanding.gazetteer import load_gazetteer
from callbot.understanding.numbers import DIGITS, misheard_digit, restore_number_words
from callbot.understanding.text import FILLERS, fold

# Vietnamese letter names for a ward's letter suffix ("Phước Long B").
LETTER_NAMES: dict[str, str] = {
    "a": "a",
    "ây": "a",
    "bê": "b",
    "bờ": "b",
    "bề": "b",
    "be": "b",
    "bi": "b",
    "b": "b",
    "xê": "c",
    "cê": "c",
    "sê": "c",
    "xi": "c",
    "c": "c",
    "đê": "d",
    "dê": "d",
    "đờ": "d",
    "d": "d",
}
# Folded forms of the markers (several tones and one-letter errors fold to the same letters).
_MARKERS_BY_FOLD: dict[str, str] = {
    "phuong": "phường",
    "phuon": "phường",
    "phung": "phường",
    "quan": "quận",
    "quang": "quận",
    "huyen": "huyện",
    "huyenh": "huyện",
    "xa": "xã",
}
_WARD_MARKERS = frozenset({"phường", "xã"})
_NUMBERED = frozenset({"phường", "quận"})
_MAX_BASE_WORDS = 4
# Words that start the next part of an address (a misheard number ends before one).
_PART_ENDS = frozenset(m[0][0] for m in MARKERS) | frozenset(_MARKERS_BY_FOLD.values())


@functools.cache
def lettered_bases() -> frozenset[str]:
    """Folded unit names that have lettered variants: "phuoc long", "vinh loc"..."""
    g = load_gazetteer()
    names = [w.short for w in g.iter_old_wards()]
    names += [a for w in g.iter_old_wards() for a in w.aliases]
    names += [u.short for u in g.iter_new_units()]
    return frozenset(
        fold(m.group(1)) for n in names if (m := re.fullmatch(r"(.+) [A-D]", n)) is not None
    )


def _letters(words: list[str], changed: set[int]) -> None:
    bases = lettered_bases()
    for k, word in enumerate(words):
        letter = LETTER_NAMES.get(word)
        if letter is None or letter == word:
            continue
        for j in range(max(0, k - _MAX_BASE_WORDS), k):
            if fold(" ".join(words[j:k])) in bases:
                words[k] = letter
                changed.add(k)
                break


def _starts_number(words: list[str], i: int) -> bool:
    if i >= len(words):
        return False
    word = restore_number_words([words[i]])[0]
    return word.isdigit() or word in DIGITS or word == "mười" or misheard_digit(word) is not None


def _markers(words: list[str], changed: set[int]) -> None:
    ward_index, district_index = indexes()
    for k, word in enumerate(words):
        marker = _MARKERS_BY_FOLD.get(fold(word))
        if marker is None or word == marker:
            continue
        index = ward_index if marker in _WARD_MARKERS else district_index
        name = index.match(words, k + 1, fuzzy=False) if k + 1 < len(words) else None
        named = name is not None and (marker != "xã" or name.end - name.start >= 2)
        if named or (marker in _NUMBERED and _starts_number(words, k + 1)):
            words[k] = marker
            changed.add(k)


def _ends_part(words: list[str], i: int) -> bool:
    """Whether the part said before ``words[i]`` ends there: the end, a marker, a filler."""
    return i >= len(words) or words[i] in _PART_ENDS or words[i] in FILLERS


def _numbers(words: list[str], changed: set[int]) -> None:
    ward_index, district_index = indexes()
    for k in range(len(words) - 1):
        if words[k] not in _NUMBERED or words[k + 1] in DIGITS or not _ends_part(words, k + 2):
            continue
        index = ward_index if words[k] == "phường" else district_index
        if index.match(words, k + 1, fuzzy=False) is not None:
            continue
        restored = restore_number_words([words[k + 1]])[0]
        digit = restored if restored in DIGITS else misheard_digit(restored)
        if digit is not None and digit != words[k + 1]:
            words[k + 1] = digit
            changed.add(k + 1)


def _units_after_ten(words: list[str], changed: set[int]) -> None:
    """ "mười lâm" / "hai mươi lâm": the unit 5 ("lăm") misheard by a tone or a mark."""
    for k in range(1, len(words)):
        if words[k - 1] in ("mười", "mươi") and words[k] != "lăm" and fold(words[k]) == "lam":
            words[k] = "lăm"
            changed.add(k)


def repair(words: list[str]) -> tuple[list[str], frozenset[int]]:
    """``words`` mended (module docstring) and the indexes of the words changed."""
    out = list(words)
    changed: set[int] = set()
    _letters(out, changed)
    _markers(out, changed)
    _numbers(out, changed)
    _units_after_ten(out, changed)
    return out, frozenset(changed)
