"""Callback numbers typed on a keypad or presented as caller ID: Vietnamese rules, pure.

A Vietnamese number is 10 digits starting with 0 (``0901234567``), or the same without its 0
after the country code 84 (``+84901234567``, typed ``84901234567`` since a keypad has no +).
Everything is normalized to the 10-digit national form, which is what operators dial.

    >>> normalize_vn_number("84901234567")
    '0901234567'
    >>> normalize_vn_number("12345") is None
    True
"""

from __future__ import annotations

import re

_NATIONAL = re.compile(r"0[1-9][0-9]{8}")
_INTERNATIONAL = re.compile(r"(?:\+|00)?84([1-9][0-9]{8})")

MAX_TYPED_DIGITS = 13  # 0084 + 9 digits


def normalize_vn_number(raw: str) -> str | None:
    """The 10-digit national form of a Vietnamese number, or None if it is not one."""
    digits = raw.strip().replace(" ", "")
    if _NATIONAL.fullmatch(digits):
        return digits
    match = _INTERNATIONAL.fullmatch(digits)
    if match:
        return "0" + match.group(1)
    return None
