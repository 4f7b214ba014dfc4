"""A written request's fields, checked and cleaned: what a citizen may send, and why not.

Pure functions, no I/O. Every channel (web form, API, later chat) sends the same fields; each
is cleaned the same way (NFC text, control and format characters dropped, whitespace
collapsed: nothing unprintable is stored, whatever the sender typed) and refused with a code
the web layer says in Vietnamese beside the field and the API names in its 422 answer:

=========  ===========================================================  =====================
field      accepted                                                     codes
=========  ===========================================================  =====================
name       1-80 characters once cleaned                                 required, too_long
phone      a Vietnamese mobile number, as the callbot takes it          required, too_long,
           (:func:`~callbot.understanding.phone.normalize_vn_number`:   invalid_phone
           0901234567, +84901234567, 84901234567; spaces, dots and
           dashes allowed), or an HCMC landline: 028 + 8 digits
           (028 3823 4567, +84 28 3823 4567); stored in national form.
           10 digits starting 02 are refused: a landline missing a digit
address    1-300 characters                                             required, too_long
ward       optional: one of the ward picker's names                     unknown_ward
           (:mod:`callbot.intake.places`)
need       2-2000 characters (line breaks kept)                         required, too_short,
                                                                        too_long
consent    the web form's box, ticked                                   consent_required
=========  ===========================================================  =====================
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from callbot.tickets.caller import sanitize_caller_name
from callbot.understanding.phone import normalize_vn_number

MAX_NAME = 80
MAX_PHONE = 32  # characters typed (spaces and dots included)
MAX_ADDRESS = 300
MAX_WARD = 120
MIN_NEED = 2
MAX_NEED = 2000
MAX_IDEMPOTENCY_KEY = 128

_LANDLINE = re.compile(r"028[0-9]{8}")  # Ho Chi Minh City: area code 028, 8 digits
_LANDLINE_INTERNATIONAL = re.compile(r"(?:\+|00)?8428([0-9]{8})")
_SEPARATORS = re.compile(r"[\s.\-()/]")
_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,128}")  # visible ASCII


def normalize_phone(raw: str) -> str | None:
    """A callback number in national form: a Vietnamese mobile number (the callbot's rule) or
    an HCMC landline (028 + 8 digits); None if ``raw`` is neither.

    >>> normalize_phone("090 123 4567"), normalize_phone("+84 28 3823 4567")
    ('0901234567', '02838234567')
    """
    digits = _SEPARATORS.sub("", raw)
    mobile = normalize_vn_number(digits)
    if mobile is not None and not mobile.startswith("02"):  # 02...: a landline missing a digit
        return mobile
    if _LANDLINE.fullmatch(digits):
        return digits
    international = _LANDLINE_INTERNATIONAL.fullmatch(digits)
    return "028" + international.group(1) if international else None


def clean_text(raw: str, *, lines: bool = False) -> str:
    """``raw`` as stored: NFC, no control or format characters, spaces collapsed; with
    ``lines``, line breaks kept (at most two in a row)."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    if not lines and text.isprintable():  # the common case: nothing to drop
        return " ".join(text.split())
    kept = []
    for char in text:
        if char == "\n" and lines:
            kept.append(char)
        elif char.isspace():
            kept.append(" ")
        elif not unicodedata.category(char).startswith("C"):
            kept.append(char)
    cleaned = "".join(kept)
    if not lines:
        return " ".join(cleaned.split())
    paragraphs = [" ".join(line.split()) for line in cleaned.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(paragraphs)).strip()


@dataclass(frozen=True)
class CleanRequest:
    """A written request's fields as they are stored: checked, cleaned, the phone normalized."""

    name: str
    phone: str  # national form: the callback number
    address: str
    need: str
    ward: str | None = None  # a picker name, canonical

    def fields(self) -> list[tuple[str, str]]:
        """(step, text) of each field, in the order the callbot asks: its answers."""
        steps = [("name", self.name), ("address", self.address)]
        if self.ward:
            steps.append(("ward", self.ward))
        steps.append(("need", self.need))
        return steps

    def digest(self, photo_hashes: Sequence[str] = ()) -> str:
        """SHA-256 of the request's content (fields and photos): a retry has the same."""
        content = {
            "name": self.name,
            "phone": self.phone,
            "address": self.address,
            "ward": self.ward,
            "need": self.need,
            "photos": list(photo_hashes),
        }
        encoded = json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()


def _text(
    problems: dict[str, str],
    name: str,
    raw: object,
    *,
    longest: int,
    shortest: int = 1,
    lines: bool = False,
) -> str:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        problems[name] = "required"
        return ""
    if not isinstance(raw, str):
        problems[name] = "invalid"
        return ""
    if len(raw) > longest * 4:  # far too long even before cleaning
        problems[name] = "too_long"
        return ""
    text = clean_text(raw, lines=lines)
    if not text:
        problems[name] = "required"
    elif len(text) > longest:
        problems[name] = "too_long"
    elif len(text) < shortest:
        problems[name] = "too_short"
    return text


def check_request(
    values: Mapping[str, object],
    *,
    known_ward: Callable[[str], bool],
    consent_needed: bool,
) -> tuple[CleanRequest | None, dict[str, str]]:
    """The cleaned request, or None with every problem found (field -> code).

    ``values`` are the fields as sent (strings; ``consent`` anything true-ish for the form's
    ticked box). ``known_ward`` says whether a ward name is one of the picker's.
    """
    problems: dict[str, str] = {}
    name = _text(problems, "name", values.get("name"), longest=MAX_NAME)
    if name and "name" not in problems:
        name = sanitize_caller_name(name)
    phone_raw = values.get("phone")
    phone = ""
    if phone_raw is None or (isinstance(phone_raw, str) and not phone_raw.strip()):
        problems["phone"] = "required"
    elif not isinstance(phone_raw, str):
        problems["phone"] = "invalid_phone"
    elif len(phone_raw) > MAX_PHONE:
        problems["phone"] = "too_long"
    else:
        phone = normalize_phone(phone_raw) or ""
        if not phone:
            problems["phone"] = "invalid_phone"
    address = _text(problems, "address", values.get("address"), longest=MAX_ADDRESS)
    ward_raw = values.get("ward")
    ward: str | None = None
    if isinstance(ward_raw, str) and ward_raw.strip():
        ward = clean_text(ward_raw[: MAX_WARD * 2])
        if not known_ward(ward):
            problems["ward"] = "unknown_ward"
    elif ward_raw not in (None, ""):
        problems["ward"] = "unknown_ward"
    need = _text(
        problems, "need", values.get("need"), longest=MAX_NEED, shortest=MIN_NEED, lines=True
    )
    if consent_needed and values.get("consent") not in (True, "1", "on", "yes", "true"):
        problems["consent"] = "consent_required"
    if problems:
        return None, problems
    return CleanRequest(name=name, phone=phone, address=address, need=need, ward=ward), {}


def check_idempotency_key(raw: str | None) -> str | None:
    """An ``Idempotency-Key`` header as kept (1-128 visible ASCII characters); None when absent.
    Raises ValueError for one that is malformed."""
    if raw is None or raw == "":
        return None
    key = raw.strip().strip('"')  # the draft standard quotes it as a string
    if not _IDEMPOTENCY_KEY.fullmatch(key):
        raise ValueError("an Idempotency-Key is 1 to 128 visible ASCII characters")
    return key
