"""Shared text handling for Vosk transcripts: normalisation, diacritics folding, fillers.

Vosk gives lowercase Vietnamese without punctuation, but typed test input and other
recognizers may not, so :func:`normalize` brings any text to that shape first::

    >>> normalize("Dạ,  TÊN tôi là Huỳnh Văn Bảy!")
    'dạ tên tôi là huỳnh văn bảy'
    >>> fold("Đặng Thị Năm")
    'dang thi nam'
    >>> strip_fillers(tokens("dạ ờ số mười hai thì là"))
    ['số', 'mười', 'hai']
    >>> strip_fillers(tokens("dạ tên em là ngô thanh tâm ạ chị"))
    ['tên', 'em', 'là', 'ngô', 'thanh', 'tâm']

:func:`fold` loses meaning (``năm`` and ``nam``, ``Thanh An`` and ``Thạnh An``): match with
diacritics first and fold only to tolerate recognition errors.
"""

from __future__ import annotations

import unicodedata

# Pure interjections: no meaning anywhere in an answer, removed wherever they stand.
INTERJECTIONS: frozenset[str] = frozenset(
    {
        "dạ",
        "ạ",
        "à",
        "ờ",
        "ơ",
        "ớ",
        "ừ",
        "ừm",
        "ờm",
        "ưm",
        "hừm",
        "hmm",
        "ừa",
        "alo",
        "alô",
        "vâng",
        "vầng",
    }
)

# Fillers: the interjections, plus words that carry no field content at the edges of an
# answer ("thì", "là", "nhé"...) but may in the middle, so they are only stripped at the edges.
FILLERS: frozenset[str] = INTERJECTIONS | frozenset(
    {
        "thì",
        "là",
        "á",
        "ấy",
        "nhé",
        "nhá",
        "nha",
        "ha",
        "hả",
        "hen",
        "nghen",
        "ơi",
        "thưa",
        "rồi",
        "đó",
        "đấy",
        "vậy",
        "nghe",
        "nhen",
        "nè",
        "đây",
    }
)

# How a caller addresses the operator at the end of an answer, after a particle ("nha anh",
# "ạ chị", "đó con", "nghe em", "đấy cháu"): no part of the answer.
VOCATIVES: frozenset[str] = frozenset(
    {"anh", "chị", "em", "cô", "chú", "bác", "con", "cháu", "ông", "bà", "cậu", "dì", "mợ"}
    | {"thím", "bạn"}
)


def normalize(text: str) -> str:
    """NFC, lowercase, punctuation and symbols to spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text).lower()
    out = [" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text]
    return " ".join("".join(out).split())


def fold(text: str) -> str:
    """``normalize(text)`` without diacritics (``đ`` -> ``d``): for tolerant matching only."""
    decomposed = unicodedata.normalize("NFD", normalize(text))
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return bare.replace("đ", "d")


def tokens(text: str) -> list[str]:
    """The words of ``normalize(text)``."""
    return normalize(text).split()


def _is_alo(words: list[str], i: int) -> bool:
    """``a lô`` (how Vosk often writes "alo") at ``i``."""
    return i + 1 < len(words) and words[i] == "a" and words[i + 1] in {"lô", "lo"}


def drop_trailing_address(words: list[str], *, fillers: bool = True) -> list[str]:
    """``words`` without what closes the answer: fillers, and a vocative after a particle or
    an interjection ("... nha anh", "... ạ chị", "... đó con", "... dạ vâng ạ").

    With ``fillers`` False only a vocative (and the fillers around it) is dropped; a last
    filler without one stays (the name parser reads "ha" as Hà or a particle itself).
    """
    end = len(words)
    while end > 0:
        last = end
        while last > 0 and words[last - 1] in FILLERS:
            last -= 1
        if last >= 2 and words[last - 1] in VOCATIVES and words[last - 2] in FILLERS:
            end = last - 2
        elif fillers:
            end = last
            break
        else:
            break
    return words[:end]


def strip_fillers(words: list[str]) -> list[str]:
    """Drop fillers at both edges, a closing vocative ("nha anh", "ạ chị") and interjections
    anywhere; keep the words that mean something.

    ``words`` are normalized tokens. "a lô" is dropped at the start only, since "a" alone is a
    meaningful letter ("Vĩnh Lộc A") and "lô" a word of addresses ("lô B").
    """
    kept = [w for w in drop_trailing_address(words) if w not in INTERJECTIONS]
    start, end = 0, len(kept)
    while start < end:
        if kept[start] in FILLERS:
            start += 1
        elif _is_alo(kept, start):
            start += 2
        else:
            break
    while end > start and kept[end - 1] in FILLERS:
        end -= 1
    return kept[start:end]
