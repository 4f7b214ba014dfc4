"""The words of an address answer: markers, house numbers, streets, hamlets and quarters.

Pure functions over normalized words (:func:`callbot.understanding.text.tokens`), used by
:mod:`callbot.understanding.address`, which adds the gazetteer. An answer is cut at its
*markers*, the words that announce a part::

    dạ em ở | số  mười hai xẹt ba | đường nguyễn trãi | phường hai | quận năm | sài gòn
              house                 street             ward         district   filler

Markers (:data:`MARKERS`): ward "phường", "xã", "thị trấn", "đặc khu"; district "quận", "huyện",
"thành phố", "thị xã"; house "số", "số nhà", "nhà số"; alley "hẻm", "ngõ", "kiệt", "ngách";
street "đường" ("đường số bảy" is the street Số 7); locality "khu phố", "tổ", "tổ dân phố", "ấp",
"thôn", "khóm", "chung cư", "cư xá", "khu dân cư"...; fillers "thành phố hồ chí minh", "sài
gòn", "việt nam"... No marker counts inside a unit's name ("phường sài gòn", "xã tam thôn
hiệp"). "phương" and "quân" (misheard "phường", "quận") count only before a number. Typed
forms ("P.12", "Q5", "12/3", "KP3") are rewritten to words first (:func:`spell_out`).

House numbers: "mười hai" 12, "năm năm" 55 and "một hai ba" 123 (digits said one by one),
"mười hai xẹt ba" 12/3 ("xẹt", "sẹt", "xẹc", "trên", "gạch", "xuyệt" for the slash),
"mười hai a" 12A, "mười hai bis" 12Bis.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from callbot.understanding.numbers import DIGITS, read_digits, read_number

WARD, DISTRICT, HOUSE, ALLEY, STREET, LOCALITY, FILLER = (
    "ward",
    "district",
    "house",
    "alley",
    "street",
    "locality",
    "filler",
)

# (words, role, type); longest first where one starts another.
MARKERS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("thành", "phố", "hồ", "chí", "minh"), FILLER, ""),
    (("tp", "hồ", "chí", "minh"), FILLER, ""),
    (("hồ", "chí", "minh"), FILLER, ""),
    (("sài", "gòn"), FILLER, ""),
    (("hcm",), FILLER, ""),
    (("tphcm",), FILLER, ""),
    (("việt", "nam"), FILLER, ""),
    (("địa", "chỉ"), FILLER, ""),
    (("thị", "trấn"), WARD, "Thị trấn"),
    (("đặc", "khu"), WARD, "Đặc khu"),
    (("phường",), WARD, "Phường"),
    (("xã",), WARD, "Xã"),
    (("thành", "phố"), DISTRICT, "Thành phố"),
    (("tp",), DISTRICT, "Thành phố"),
    (("thị", "xã"), DISTRICT, "Thị xã"),
    (("quận",), DISTRICT, "Quận"),
    (("huyện",), DISTRICT, "Huyện"),
    (("số", "nhà"), HOUSE, ""),
    (("nhà", "số"), HOUSE, ""),
    (("số",), HOUSE, ""),
    (("hẻm",), ALLEY, ""),
    (("hẽm",), ALLEY, ""),
    (("ngõ",), ALLEY, ""),
    (("kiệt",), ALLEY, ""),
    (("ngách",), ALLEY, ""),
    (("đường",), STREET, ""),
    (("khu", "phố"), LOCALITY, "Khu phố"),
    (("khu", "dân", "cư"), LOCALITY, "Khu dân cư"),
    (("khu", "công", "nghiệp"), LOCALITY, "Khu công nghiệp"),
    (("khu", "chế", "xuất"), LOCALITY, "Khu chế xuất"),
    (("chung", "cư"), LOCALITY, "Chung cư"),
    (("cư", "xá"), LOCALITY, "Cư xá"),
    (("tổ", "dân", "phố"), LOCALITY, "Tổ dân phố"),
    (("tổ",), LOCALITY, "Tổ"),
    (("ấp",), LOCALITY, "Ấp"),
    (("thôn",), LOCALITY, "Thôn"),
    (("khóm",), LOCALITY, "Khóm"),
)
MARKER_WORDS: frozenset[str] = frozenset(m[0] for m, role, _ in MARKERS if role != FILLER)
# Misheard markers, taken only before a number ("phương hai", "quân năm").
NUMBER_MARKERS: dict[str, tuple[str, str]] = {
    "phương": (WARD, "Phường"),
    "phườn": (WARD, "Phường"),
    "quân": (DISTRICT, "Quận"),
    "quạn": (DISTRICT, "Quận"),
}
SLASH_WORDS = frozenset({"xẹt", "sẹt", "xẹc", "sẹc", "xét", "trên", "gạch", "xuyệt", "suyệt"})
HOUSE_LETTERS: dict[str, str] = {
    "a": "A",
    "b": "B",
    "bê": "B",
    "c": "C",
    "xê": "C",
    "d": "D",
    "đê": "D",
    "bis": "Bis",
}
# Words that end a street name said without a marker after it.
STREET_STOPS = frozenset(
    {"gần", "cạnh", "đối", "kế", "ngay", "chỗ", "ở", "tại", "thuộc", "bên", "trong", "phía"}
    | {"nha", "nhé", "ạ", "à", "đó", "này", "kia", "luôn", "với", "và", "cũ", "mới"}
    | {"á", "nè", "nghe", "nghen", "hen", "nhen"}  # southern particles ("lạc long quân á")
)
MAX_STREET_WORDS = 6
# Streets whose name starts with a number word that is no house number.
NUMBER_WORD_STREETS = (("hai", "bà", "trưng"), ("ba", "vì"), ("ba", "vân"), ("ba", "đình"))
# Streets whose official name keeps its number in words.
WORD_STREETS = (("cách", "mạng", "tháng", "tám"),)
# A self-correction: what follows replaces what was said before ("số tám à lộn chín").
CORRECTIONS: tuple[tuple[str, ...], ...] = (
    ("à", "lộn"),
    ("à", "nhầm"),
    ("ý", "lộn"),
    ("lộn",),
    ("nhầm",),
    ("xin", "lỗi"),
    ("nói", "lại"),
    ("sửa", "lại"),
)
# "à không" is a correction only before a number or a marker ("à không biết" is not).
WEAK_CORRECTIONS: tuple[tuple[str, ...], ...] = (("à", "không"), ("ờ", "không"))

_TYPED = (
    (re.compile(r"(\d)\s*/\s*(?=\d)"), r"\1 xẹt "),
    (re.compile(r"\btp\.?\s*hcm\b|\btp\.?\s*hồ chí minh\b", re.I), " hồ chí minh "),
    (re.compile(r"\b(?:p|f|ph)\.?\s*(\d+)\b", re.I), r" phường \1 "),
    (re.compile(r"\bq\.?\s*(\d+)\b", re.I), r" quận \1 "),
    (re.compile(r"\b(?:p|f)\.\s*", re.I), " phường "),
    (re.compile(r"\bq\.\s*", re.I), " quận "),
    (re.compile(r"\bkp\.?\s*(?=\d)", re.I), " khu phố "),
    (re.compile(r"\btp\.\s*", re.I), " thành phố "),
    (re.compile(r"\b(\d+)([a-d])\b", re.I), r"\1 \2"),
)


def spell_out(text: str) -> str:
    """Typed abbreviations to the words Vosk would give: "P.12" "phường 12", "12/3" "12 xẹt 3"."""
    for pattern, replacement in _TYPED:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class Marker:
    """``words[start:end]`` announce a ``role`` part; its words run from ``end`` to ``until``."""

    role: str
    type: str
    start: int
    end: int
    until: int


def _starts_number(words: list[str], i: int) -> bool:
    return i < len(words) and (words[i].isdigit() or words[i] in DIGITS or words[i] == "mười")


def find_markers(
    words: list[str], name_end: Callable[[str, int], int] = lambda role, i: i
) -> list[Marker]:
    """The markers of ``words`` in order; each one's part runs until the next marker.

    ``name_end(role, i)`` is where a place name starting at ``words[i]`` after a ward or district
    marker ends: marker words inside it are part of the name ("xã tam thôn hiệp", "phường sài
    gòn").
    """
    found: list[tuple[str, str, int, int]] = []
    i = 0
    while i < len(words):
        hit = next(
            (
                (role, type_, len(m))
                for m, role, type_ in MARKERS
                if tuple(words[i : i + len(m)]) == m
            ),
            None,
        )
        if hit is None and words[i] in NUMBER_MARKERS and _starts_number(words, i + 1):
            hit = (*NUMBER_MARKERS[words[i]], 1)
        if hit is None:
            i += 1
            continue
        role, type_, length = hit
        found.append((role, type_, i, i + length))
        i += length
        if role in (WARD, DISTRICT):
            i = max(i, name_end(role, i))
        if role == STREET and i < len(words) and words[i] == "số":
            i += 1  # "đường số bảy": the street's name, not a house number
    return [
        Marker(role, type_, start, end, found[k + 1][2] if k + 1 < len(found) else len(words))
        for k, (role, type_, start, end) in enumerate(found)
    ]


def read_house(words: list[str], i: int, end: int) -> tuple[str, int] | None:
    """A house number at ``words[i]`` before ``end``: "12", "123", "12/3", "12A"; or None."""
    part = _house_number(words, i, end)
    if part is None:
        return None
    text, j = part
    while j < end:
        if words[j] in HOUSE_LETTERS and not _starts_number(words, j + 1):
            text, j = text + HOUSE_LETTERS[words[j]], j + 1
        elif words[j] in SLASH_WORDS and (more := _house_number(words, j + 1, end)) is not None:
            text, j = f"{text}/{more[0]}", more[1]
        else:
            break
    return text, j


def _street_at(words: list[str], i: int) -> bool:
    return any(tuple(words[i : i + len(s)]) == s for s in NUMBER_WORD_STREETS)


def _two_digits(words: list[str], i: int, end: int) -> tuple[str, int] | None:
    """Two digits said one by one ("năm năm" 55, "ba ba" 33, "một năm" 15), not a number said
    whole ("năm mươi") nor a street after a one-digit house ("số một hai bà trưng")."""
    j = i + 1
    if j >= end or words[i] not in DIGITS or words[j] not in DIGITS or words[i] == "không":
        return None
    after = words[j + 1] if j + 1 < end else ""
    if after in ("mươi", "chục", "trăm", "tháng", "lăm", "mốt", "tư") or _street_at(words, j):
        return None
    if j + 1 < end and words[j + 1] in DIGITS:
        return None  # three digits or more: read_digits reads them
    return f"{DIGITS[words[i]]}{DIGITS[words[j]]}", j + 1


def _house_number(words: list[str], i: int, end: int) -> tuple[str, int] | None:
    if i >= end or words[i] == "không" or _street_at(words, i):
        return None  # no house number starts with 0 ("à không": a correction)
    two = _two_digits(words, i, end)
    if two is not None:
        return two
    cardinal = read_number(words[:end], i)
    if cardinal is None:
        return None
    value, j = cardinal
    if j < end and words[j] == "tháng":
        return None  # "ba tháng hai": the street 3 Tháng 2
    digits = read_digits(words[:end], i)
    if value < 10 and digits is not None and len(digits[0]) >= 3:
        k = digits[1]
        if k >= end or words[k] != "tháng":  # "mười hai ba tháng hai": 12, street 3 Tháng 2
            return digits
    return str(value), j


def read_locality(words: list[str], marker: Marker) -> str | None:
    """ "khu phố ba" -> "Khu phố 3", "ấp tân thạnh" -> "Ấp Tân Thạnh"; at most three words."""
    start = marker.end
    number = read_number(words[: marker.until], start) if start < marker.until else None
    if number is not None:
        return f"{marker.type} {number[0]}"
    end = start
    while end < min(marker.until, start + 3) and words[end] not in STREET_STOPS:
        end += 1
    return f"{marker.type} {title(words[start:end])}" if end > start else None


def title(words: list[str]) -> str:
    """Vietnamese title case: "nguyễn trãi" -> "Nguyễn Trãi"."""
    return " ".join(w[:1].upper() + w[1:] for w in words)


def street_span(
    words: list[str], start: int, end: int, place_at: Callable[[int], bool] = lambda k: False
) -> int:
    """Where a street name starting at ``words[start]`` ends: a stop word, ``end``, six words,
    or a place name (``place_at(k)``, e.g. a district said without "quận") after two words."""
    j = start
    while j < min(end, start + MAX_STREET_WORDS) and words[j] not in STREET_STOPS:
        if j - start >= 2 and place_at(j):
            break
        j += 1
    return j


def street_name(words: list[str]) -> str | None:
    """A street's name in title case, numbers as written: "Số 7", "3 Tháng 2", "Quốc Lộ 13";
    "Cách Mạng Tháng Tám" keeps its number in words, as it is officially written."""
    if any(tuple(words[: len(w)]) == w for w in WORD_STREETS):
        return title(words)
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        number_allowed = (
            i == 0
            or words[i - 1] in {"số", "lộ", "tháng"}
            or (i + 1 < len(words) and words[i + 1] == "tháng")
        )
        read = read_number(words, i) if number_allowed else None
        if read is not None and not (i == 0 and tuple(words[:3]) in NUMBER_WORD_STREETS):
            out.append(str(read[0]))
            i = read[1]
            if i < len(words) and words[i] in HOUSE_LETTERS and words[i - 1] != "tháng":
                out[-1] += HOUSE_LETTERS[words[i]]
                i += 1
            continue
        out.append(word[:1].upper() + word[1:])
        i += 1
    return " ".join(out) or None


def apply_corrections(words: list[str], marker_words: frozenset[str]) -> list[str]:
    """The answer as the caller meant it after a self-correction, the last one winning.

    What follows the correction replaces what it corrects: a number the number before it
    ("số tám à lộn chín" -> "số chín"), a name the words since the last marker ("phường tân
    định à lộn đa kao" -> "phường đa kao"); a marker starts over and wins as the later one
    ("quận năm à lộn quận mười"). ``marker_words`` are the first words of the markers.
    """
    for _ in range(3):  # at most a few corrections in one answer
        found = _last_correction(words, marker_words)
        if found is None:
            return words
        start, end = found
        before, after = words[:start], words[end:]
        while before and before[-1] in _SOFT:
            before = before[:-1]
        if after[0] in marker_words:
            words = before + after
        elif after[0] in DIGITS or after[0] == "mười":
            k = len(before)
            while k > 0 and (before[k - 1] in DIGITS or before[k - 1] in _NUMBER_PARTS):
                k -= 1
            words = before[:k] + after
        else:
            k = max((i + 1 for i, w in enumerate(before) if w in marker_words), default=0)
            words = before[:k] + after
    return words


_SOFT = frozenset({"à", "ờ", "ơ", "ừ", "dạ", "ạ", "ý", "ủa"})
_NUMBER_PARTS = frozenset({"mười", "mươi", "chục", "trăm", "lẻ", "linh", "mốt", "lăm", "tư"})


def _last_correction(words: list[str], marker_words: frozenset[str]) -> tuple[int, int] | None:
    """(start, end) of the last correction marker that something follows."""
    for start in range(len(words) - 2, -1, -1):
        for marker in CORRECTIONS:
            if tuple(words[start : start + len(marker)]) == marker and start + len(marker) < len(
                words
            ):
                return start, start + len(marker)
        for marker in WEAK_CORRECTIONS:
            end = start + len(marker)
            if tuple(words[start:end]) == marker and end < len(words):
                nxt = words[end]
                if nxt in marker_words or (nxt in DIGITS and nxt != "không"):
                    return start, end
    return None
