"""Shared text handling for Vosk transcripts: normalisation, diacritics folding, fillers.

Vosk gives lowercase Vietnamese without punctuation, but typed test input and other
recognizers may not, so :func:`normalize` brings any text to that shape first::

    >>> normalize("Dạ,  TÊN tôi là Huỳnh Văn Bảy!")
    'dạ tên tôi là huỳnh văn bảy'
    >>> fold("Đặng Thị Năm")
    'dang thi nam'
    >>> strip_fillers(tokens("dạ ờ số mười hai thì là"))
    ['số', 'mười', 'hai']

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
    }
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


def strip_fillers(words: list[str]) -> list[str]:
    """Drop fillers at both edges and interjections anywhere; keep the words that mean something.

    ``words`` are normalized tokens. "a lô" is dropped at the start only, since "a" alone is a
    meaningful letter ("Vĩnh Lộc A") and "lô" a word of addresses ("lô B").
    """
    kept = [w for w in words if w not in INTERJECTIONS]
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
