"""Callback numbers: the Vietnamese number rule, and the number said in a spoken answer.

A spoken answer such as "không chín không một hai ba..." gives "0901234567". The digits are
read with :func:`callbot.understanding.numbers.read_digits` wherever they are in the answer
(lead-ins such as "số điện thoại của tôi là" and fillers are simply not digits), then
validated and normalized by :func:`normalize_vn_number`, the rule for every callback number
(typed on the keypad, presented as caller ID, or spoken): a Vietnamese number is 10 digits
starting with 0 (``0901234567``), or the same without its 0 after the country code 84
(``+84901234567``, typed ``84901234567`` since a keypad has no +); everything is normalized
to the 10-digit national form, which is what operators dial. A spoken country code works
either way: "tám tư chín không..." and "cộng tám mươi tư chín không..." (84 + 9 digits), or
"tám tư không chín..." (84 then the national 0).

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
5. all of the above again with number words whose diacritics were lost ("khong chin");
6. all of the above again with digit words misheard by a tone or a letter next to a digit
   ("khôn chín", "bón", "bẫy", "chính", "nằm"; :func:`.numbers.restore_misheard_digits`).

Extra digits inside one run are never dropped: a guess would call a stranger back.

Examples::

    >>> parse_phone("dạ số của em là không chín không một hai ba bốn năm sáu bảy ạ").phone
    '0901234567'
    >>> parse_phone("không biết").as_dict()
    {'phone': None, 'valid': False, 'confidence': 0.0, 'digits': None}
    >>> normalize_vn_number("84901234567")
    '0901234567'
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

NATIONAL_LENGTH = 10
MIN_DIGITS_SHOWN = 3
_MAX_COMBINATIONS = 64  # other readings of the runs tried, at most

_NATIONAL = re.compile(r"0[1-9][0-9]{8}")
_INTERNATIONAL = re.compile(r"(?:\+|00)?84([1-9][0-9]{8})")


def normalize_vn_number(raw: str) -> str | None:
    """The 10-digit national form of a Vietnamese number, or None if it is not one."""
    digits = raw.strip().replace(" ", "")
    if _NATIONAL.fullmatch(digits):
        return digits
    match = _INTERNATIONAL.fullmatch(digits)
    if match:
        return "0" + match.group(1)
    return None


@dataclass(frozen=True)
class PhoneResult:
    """A callback number in national form (``phone``), or None with ``valid`` False.

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
    keep = NATIONAL_LENGTH - len(after)
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


def parse_phone(text: str) -> PhoneResult:
    """The Vietnamese callback number said in ``text`` (a Vosk transcript), or None."""
    words = tokens(text)
    runs = _runs(words)
    heard = _plain(runs) if runs else None
    for digits, confidence in _readings(words):
        phone = _normalize(digits)
        if phone is not None:
            return PhoneResult(phone, True, confidence, digits)
    restored = restore_number_words(words)
    if restored != words:  # "khong chin khong...": diacritics lost by the recognizer
        for digits, confidence in _readings(restored):
            phone = _normalize(digits)
            if phone is not None:
                return PhoneResult(phone, True, round(confidence * 0.9, 2), digits)
    misheard = restore_misheard_digits(restored)
    if misheard != restored:  # "khôn chín", "bón", "bẫy": a digit misheard by a letter or tone
        for digits, confidence in _readings(misheard):
            phone = _normalize(digits)
            if phone is not None:
                return PhoneResult(phone, True, round(confidence * 0.75, 2), digits)
    shown = heard if heard is not None and len(heard) >= MIN_DIGITS_SHOWN else None
    return PhoneResult(None, False, 0.0, shown)
