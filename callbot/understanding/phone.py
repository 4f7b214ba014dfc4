"""Callback numbers: the Vietnamese number rule, and the number said in a spoken answer.

A spoken answer such as "không chín không một hai ba..." gives "0901234567". The digits are
read with :func:`callbot.understanding.numbers.read_digits` wherever they are in the answer
(lead-ins such as "số điện thoại của tôi là" and fillers are simply not digits), then
validated and normalized by :func:`normalize_vn_number`, the rule for every callback number
(typed on the keypad, presented as caller ID, or spoken). A Vietnamese number is

- a mobile number: 10 digits starting with 03, 05, 07, 08 or 09 (``0901234567``; the old
  11-digit 01x mobiles were renumbered in 2018, and a 10-digit 02x number is a landline
  misheard or cut short);
- a landline: 11 digits, 0 + a fixed-line area code + the subscriber number: Hồ Chí Minh City
  ``028`` and Hà Nội ``024`` + 8 digits (``02838123456``), the other provinces' three-digit codes
  (:data:`AREA_CODES`, e.g. ``0274`` Bình Dương, ``0236`` Đà Nẵng) + 7 digits (``02743856789``);
  an elderly caller without a mobile phone is exactly who the hotline must reach;
- either of them without its 0 after the country code 84 (``+84901234567``, ``+842838123456``,
  typed ``84901234567`` since a keypad has no +).

Everything is normalized to the national form (10 or 11 digits), which is what operators dial
and what the dialplan's callback prefix is put before. A spoken country code works either way:
"tám tư chín không..." and "cộng tám mươi tư chín không..." (84 + 9 digits), or "tám tư không
chín..." (84 then the national 0).

When the plain reading is not a Vietnamese number, these readings are tried in order, each
with a lower confidence:

1. a self-correction, tried first when there is one: the digits after "nhầm", "lộn", "không
   phải", "xin lỗi", "sửa lại"... are the whole number, or replace the end of what came before
   ("...sáu tám à nhầm sáu bảy"); "à không" is a correction only when reading its "không" as
   0 gives no valid number;
2. other readings of the groups (see ``numbers.digit_readings``): "một trăm hai" as 120,
   "chín mươi một" as 90 then 1;
3. the number said twice in a row;
4. some of the separate runs of digits only ("số của ba em là không chín...": "ba" is dad);
5. all of the above again without the numbers that name a place ("ở thủ dầu một không hai
   bảy...", "quận năm không chín...");
6. all of the above again with number words whose diacritics were lost ("khong chin");
7. all of the above again with digit words misheard by a tone or a letter next to a digit
   ("khôn chín", "bón", "bẫy", "chính", "nằm"; :func:`.numbers.restore_misheard_digits`).

Extra digits inside one run are never dropped: a guess would call a stranger back.

Examples::

    >>> parse_phone("dạ số của em là không chín không một hai ba bốn năm sáu bảy ạ").phone
    '0901234567'
    >>> parse_phone("không biết").as_dict()
    {'phone': None, 'valid': False, 'confidence': 0.0, 'digits': None}
    >>> normalize_vn_number("84901234567")
    '0901234567'
    >>> normalize_vn_number("+84 28 3812 3456")
    '02838123456'
    >>> normalize_vn_number("12345") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice, product
from typing import Any

from callbot.understanding.numbers import (
    digit_readings,
    read_number,
    restore_misheard_digits,
    restore_number_words,
)
from callbot.understanding.text import tokens

# Words after which the caller says the number (or its end) again.
_CORRECTIONS: tuple[tuple[str, ...], ...] = (
    ("nhầm",),
    ("lộn",),
    ("không", "phải"),
    ("xin", "lỗi"),
    ("sửa", "lại"),
    ("nói", "lại"),
    ("đọc", "lại"),
    ("sai", "rồi"),
)
# "à không" is a correction only if it has to be ("không" is also 0).
_WEAK_CORRECTIONS: tuple[tuple[str, ...], ...] = (("à", "không"), ("ờ", "không"))

# Words after which a number names a place, not the phone ("quận năm", "thủ dầu một").
_PLACE_MARKERS = frozenset({"quận", "phường", "hẻm", "lầu", "tầng", "ấp", "tổ", "phòng", "lô"})
_PLACE_NAMES: tuple[tuple[str, ...], ...] = (("thủ", "dầu"),)

NATIONAL_LENGTH = 10  # a mobile number; a landline has one digit more
LANDLINE_LENGTH = 11
MIN_DIGITS_SHOWN = 3
_MAX_COMBINATIONS = 64  # other readings of the runs tried, at most

# Fixed-line area codes since 2017 (without the national 0): Hà Nội and Hồ Chí Minh City take
# 8-digit subscriber numbers, the other provinces 7 digits; 0 + code + subscriber is always 11
# digits. The codes of the provinces merged in 2025 stay in use.
AREA_CODES: frozenset[str] = frozenset(
    {"24", "28"}
    | {f"2{n:02d}" for n in (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21)}
    | {f"2{n}" for n in (22, 25, 26, 27, 28, 29, 32, 33, 34, 35, 36, 37, 38, 39)}
    | {f"2{n}" for n in (51, 52, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 69)}
    | {f"2{n}" for n in (70, 71, 72, 73, 74, 75, 76, 77, 90, 91, 92, 93, 94, 96, 97, 99)}
)

_MOBILE = re.compile(r"0[35789][0-9]{8}")  # mobile prefixes since 2018
_LANDLINE = re.compile(r"0(2[0-9]{9})")
_INTERNATIONAL = re.compile(r"(?:\+|00)?84([1-9][0-9]{8,9})")


def _landline(national: str) -> bool:
    """``national`` (11 digits from the 0) is 0 + a known area code + its subscriber number."""
    match = _LANDLINE.fullmatch(national)
    if match is None:
        return False
    rest = match.group(1)
    return rest[:2] in ("24", "28") or rest[:3] in AREA_CODES


def normalize_vn_number(raw: str) -> str | None:
    """The national form of a Vietnamese mobile number (10 digits) or landline (11 digits),
    or None if it is not one."""
    digits = raw.strip().replace(" ", "")
    match = _INTERNATIONAL.fullmatch(digits)
    if match:
        digits = "0" + match.group(1)
    if len(digits) == NATIONAL_LENGTH and _MOBILE.fullmatch(digits):
        return digits
    if len(digits) == LANDLINE_LENGTH and _landline(digits):
        return digits
    return None


@dataclass(frozen=True)
class PhoneResult:
    """A callback number in national form (``phone``: 10 digits, or 11 for a landline), or None
    with ``valid`` False.

    ``digits`` are the digits heard (for an operator when they make no valid number).
    """

    phone: str | None
    valid: bool
    confidence: float
    digits: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """As JSON data: what ``callbot parse phone`` prints."""
        return {
            "phone": self.phone,
            "valid": self.valid,
            "confidence": self.confidence,
            "digits": self.digits,
        }


@dataclass(frozen=True)
class _Run:
    """Consecutive digit words: their strict reading and the other possible ones."""

    strict: str
    others: tuple[str, ...]


def _runs(words: list[str]) -> list[_Run]:
    runs: list[_Run] = []
    i = 0
    while i < len(words):
        readings = list(digit_readings(words, i))
        if not readings:
            i += 1
            continue
        strict, end = readings[0]
        runs.append(_Run(strict, tuple(digits for digits, _ in readings[1:])))
        i = end
    return runs


def _normalize(digits: str) -> str | None:
    """``normalize_vn_number``, also accepting 84 said before the national 0 ("tám tư không")."""
    phone = normalize_vn_number(digits)
    if phone is None:
        for prefix in ("84", "0084"):
            if digits.startswith(prefix + "0"):
                phone = normalize_vn_number(digits[len(prefix) :])
                break
    return phone


def _split_at_correction(
    words: list[str], markers: tuple[tuple[str, ...], ...]
) -> tuple[list[str], list[str]] | None:
    """The words before the last correction marker and after it, or None without a marker."""
    for start in range(len(words) - 1, -1, -1):
        for marker in markers:
            if tuple(words[start : start + len(marker)]) == marker:
                return words[:start], words[start + len(marker) :]
    return None


def _corrected(before: str, after: str) -> Iterator[str]:
    """What the number is when ``after`` corrects ``before``: whole, or its end replaced."""
    yield after
    for length in (NATIONAL_LENGTH, LANDLINE_LENGTH):
        keep = length - len(after)
        if 0 < keep <= len(before):
            yield before[:keep] + after
    if len(before) > len(after):
        yield before[: len(before) - len(after)] + after


def _plain(runs: list[_Run]) -> str:
    return "".join(run.strict for run in runs)


def _after_correction(
    words: list[str], markers: tuple[tuple[str, ...], ...], confidence: float
) -> Iterator[tuple[str, float]]:
    split = _split_at_correction(words, markers)
    if split is not None:
        before, after = (_plain(_runs(part)) for part in split)
        if after:
            for digits in _corrected(before, after):
                yield digits, confidence


def _readings(words: list[str]) -> Iterator[tuple[str, float]]:
    """Candidate digit strings, most likely first, with the confidence of each."""
    runs = _runs(words)
    if not runs:
        return
    plain = _plain(runs)
    yield from _after_correction(words, _CORRECTIONS, 0.8)
    yield plain, 0.95 if len(runs) == 1 else 0.9
    yield from _after_correction(words, _WEAK_CORRECTIONS, 0.7)
    choices = [(run.strict, *run.others) for run in runs]
    for combination in islice(product(*choices), 1, _MAX_COMBINATIONS):
        yield "".join(combination), 0.7
    half = len(plain) // 2
    if len(plain) % 2 == 0 and plain[:half] == plain[half:]:
        yield plain[:half], 0.85
    for size in range(len(runs) - 1, 0, -1):
        for first in range(len(runs) - size + 1):
            yield _plain(runs[first : first + size]), 0.6


def _without_place_numbers(words: list[str]) -> list[str]:
    """``words`` with the numbers that name a place cut out of the runs ("ở thủ dầu một không
    hai bảy...", "quận năm không chín..."): a place's number is no digit of the phone."""
    out: list[str] = []
    i = 0
    while i < len(words):
        out.append(words[i])
        i += 1
        named = any(tuple(words[i - len(p) : i]) == p for p in _PLACE_NAMES)
        if named or out[-1] in _PLACE_MARKERS:
            number = read_number(words, i)
            if number is not None:
                out.append("|")
                i = number[1]
    return out


def parse_phone(text: str) -> PhoneResult:
    """The Vietnamese callback number said in ``text`` (a Vosk transcript), or None."""
    words = tokens(text)
    runs = _runs(words)
    heard = _plain(runs) if runs else None
    restored = restore_number_words(words)
    misheard = restore_misheard_digits(restored)
    stages = (
        (words, 1.0),
        (_without_place_numbers(words), 0.85),
        (restored, 0.9),  # "khong chin khong...": diacritics lost by the recognizer
        (misheard, 0.75),  # "khôn chín", "bón", "bẫy": a digit misheard by a letter or tone
    )
    tried: list[list[str]] = []
    for said, factor in stages:
        if said in tried:
            continue
        tried.append(said)
        for digits, confidence in _readings(said):
            phone = _normalize(digits)
            if phone is not None:
                return PhoneResult(phone, True, round(confidence * factor, 2), digits)
    shown = heard if heard is not None and len(heard) >= MIN_DIGITS_SHOWN else None
    return PhoneResult(None, False, 0.0, shown)
