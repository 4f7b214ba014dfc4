"""Vietnamese number words, as Vosk writes them: cardinals and digit strings.

Two readers over normalized tokens (see :mod:`callbot.understanding.text`), each returning
what it read and the index of the first token after it, or None when no number starts at ``i``:

- :func:`read_number` reads one cardinal: a house number, a ward, a street number::

      "mười lăm" -> 15, "hai mươi mốt" -> 21, "ba lăm" -> 35, "một trăm linh năm" -> 105,
      "một nghìn không trăm hai mươi" -> 1020, "hai trăm rưỡi" -> 250, "12" -> 12

- :func:`read_digits` reads a digit string (a phone number) said digit by digit and/or in
  groups, the groups concatenated, fillers between groups skipped::

      "không chín không một hai ba bốn năm sáu bảy"              -> "0901234567"
      "không chín không một trăm hai mươi ba bốn năm sáu bảy"    -> "0901234567"
      "không chín không dạ hai mươi ba à bốn lăm sáu bảy"        -> "090234567"

Vocabulary: ``không`` 0, ``một``/``mốt`` 1, ``hai`` 2, ``ba`` 3, ``bốn``/``tư`` 4,
``năm``/``lăm``/``nhăm`` 5, ``sáu`` 6, ``bảy``/``bẩy`` 7, ``tám`` 8, ``chín`` 9, ``mười`` 10,
``mươi``/``chục`` (tens), ``linh``/``lẻ`` (zero tens after hundreds), ``trăm``, ``nghìn``/``ngàn``,
``triệu``, ``rưỡi`` (half of the unit before it). Tokens that are already digits ("12") are read
as they are.

Ambiguity rules (documented because the same words mean different things):

1. ``mốt`` (1), ``lăm``/``nhăm`` (5) and ``tư`` (4) right after a tens word are the units:
   "hai mươi mốt" 21, "mười lăm" 15, "ba mươi tư" 34. After a bare digit 2..9 they make the
   colloquial tens: "ba lăm" 35, "hai mốt" 21, "bốn nhăm" 45, "hai tư" 24. In a digit string
   this gives the same digits as reading them one by one ("ba tư" -> "34" either way).
2. Alone, ``tư`` is 4 (southern "quận tư") and ``lăm``/``nhăm`` are 5; ``mốt`` alone is not a
   number (it is "the day after tomorrow"), except inside a digit string.
3. "hai mươi năm" is 25 (``năm`` heard for ``lăm``), "mười năm" 15; "hai mười" is 20 (``mười``
   heard for ``mươi``).
4. :func:`read_number` reads "X trăm Y" with a bare digit Y as the colloquial X*100 + Y*10
   ("một trăm hai" 120) and "X nghìn Y" as X*1000 + Y*100 ("hai nghìn ba" 2300); "linh"/"lẻ"
   mark a zero tens ("một trăm linh hai" 102). :func:`read_digits` does not: in a phone
   number "một trăm, hai ba bốn" is "100" then "234", so "X trăm Y" gives "X00" and Y is read
   on its own. :func:`digit_readings` gives this and other readings for a caller that knows
   how many digits to expect.
5. A cardinal ends at the first token that does not continue it: "hai ba" is 2 (then 3), and
   "mười hai" is 12, never 10 then 2. Use :func:`read_digits` for digit strings.
6. Nothing here decides whether a number word is a number at all: "Huỳnh Văn Bảy" is a name.
   Callers only read numbers where a number is expected.
"""

from __future__ import annotations

from collections.abc import Iterator

from callbot.understanding.text import fold

DIGITS: dict[str, int] = {
    "không": 0,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
# Unit words after tens ("hai mươi mốt", "hai mươi lăm"): the digits plus "mốt".
UNITS_AFTER_TENS: dict[str, int] = {**DIGITS, "mốt": 1}
# Words that make colloquial tens after a bare digit ("ba lăm" 35, "hai mốt" 21).
COLLOQUIAL_UNITS: dict[str, int] = {"mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
# Digits as a caller may say them one by one ("hông" is the southern "không").
DIGIT_STRING_WORDS: dict[str, int] = {**DIGITS, "mốt": 1, "hông": 0, "hổng": 0}

TEN = "mười"
TENS = frozenset({"mươi", "chục"})
ZERO_TENS = frozenset({"linh", "lẻ"})
HUNDRED = "trăm"
THOUSAND = frozenset({"nghìn", "ngàn", "ngìn"})
MILLION = "triệu"
HALF = "rưỡi"

# Words a caller puts between digit groups; read_digits steps over them.
DIGIT_FILLERS: frozenset[str] = frozenset(
    {"dạ", "à", "ạ", "ờ", "ơ", "ừ", "ừm", "ờm", "ưm", "thì", "là", "với", "rồi", "tiếp", "nữa"}
)


# Number words written without diacritics (a recognition error) and their Vietnamese form;
# "muoi" is "mươi" after a digit and "mười" elsewhere.
_BARE_NUMBER_WORDS: dict[str, str] = {
    "khong": "không",
    "mot": "một",
    "bon": "bốn",
    "tu": "tư",
    "nam": "năm",
    "lam": "lăm",
    "nham": "nhăm",
    "sau": "sáu",
    "bay": "bảy",
    "tam": "tám",
    "chin": "chín",
    "tram": "trăm",
    "le": "lẻ",
    "nghin": "nghìn",
    "ngan": "ngàn",
    "hong": "hông",
}


def restore_number_words(words: list[str]) -> list[str]:
    """``words`` with number words written without diacritics restored ("chin" -> "chín").

    For a second reading when the recognizer dropped the diacritics: "nam" (south), "sau"
    (after) and "bay" (fly) become digits too, so use it only where digits are expected.
    """
    out: list[str] = []
    for word in words:
        if word == "muoi":
            out.append("mươi" if out and out[-1] in DIGITS else "mười")
        else:
            out.append(_BARE_NUMBER_WORDS.get(word, word))
    return out


# Digit words with one letter misheard (tone errors are handled by folding, see below).
_MISHEARD_DIGITS: dict[str, str] = {
    "khôn": "không",
    "khon": "không",
    "khống": "không",
    "chính": "chín",
    "chinh": "chín",
    "chím": "chín",
    "xáu": "sáu",
    "xau": "sáu",
    "tâm": "tám",
    "mộc": "một",
    "mốc": "một",
}
_DIGIT_BY_FOLD: dict[str, str] = {}
for _word in DIGIT_STRING_WORDS:
    _DIGIT_BY_FOLD.setdefault(fold(_word), _word)


def misheard_digit(word: str) -> str | None:
    """The digit word ``word`` may be, misheard by a tone or a letter ("bón", "khôn"), or None."""
    if word in DIGIT_STRING_WORDS:
        return None
    return _MISHEARD_DIGITS.get(word) or _DIGIT_BY_FOLD.get(fold(word))


def restore_misheard_digits(words: list[str]) -> list[str]:
    """``words`` with digit words misheard by a tone or a letter read as the digit, where a
    neighbour is a digit word: "khôn chín", "bón năm", "sáu bẫy", "chính không".

    "bà" is "ba" and "nằm" is "năm" here, so use it only as a last reading of a digit string.
    """
    out = list(words)
    for k, word in enumerate(words):
        digit = misheard_digit(word)
        if digit is None:
            continue
        prev = out[k - 1] if k else ""
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if prev in DIGIT_STRING_WORDS or nxt in DIGIT_STRING_WORDS or misheard_digit(nxt):
            out[k] = digit
    return out


def _at(words: list[str], i: int) -> str:
    return words[i] if 0 <= i < len(words) else ""


def _unit(words: list[str], i: int, table: dict[str, int]) -> int | None:
    """A digit 1..9 from ``table`` at ``i``, or None."""
    value = table.get(_at(words, i))
    return value if value else None


def _tens(words: list[str], i: int) -> tuple[int, int] | None:
    """10..99 (or a lone digit 0..9) at ``i``: the part of a cardinal below a hundred."""
    word = _at(words, i)
    if word == TEN:
        unit = _unit(words, i + 1, UNITS_AFTER_TENS)
        return (10 + unit, i + 2) if unit else (10, i + 1)
    digit = DIGITS.get(word)
    if digit is None:
        return None
    after = _at(words, i + 1)
    if digit >= 1 and (after in TENS or after == TEN):
        unit = _unit(words, i + 2, UNITS_AFTER_TENS)
        return (digit * 10 + unit, i + 3) if unit else (digit * 10, i + 2)
    if digit >= 2 and word not in COLLOQUIAL_UNITS and after in COLLOQUIAL_UNITS:
        return digit * 10 + COLLOQUIAL_UNITS[after], i + 2
    return digit, i + 1


def _after_hundred(words: list[str], j: int, colloquial: bool) -> tuple[int, int]:
    """The 0..99 after "X trăm" at ``j`` and the index after it ((0, j) when nothing fits)."""
    nxt = _at(words, j)
    if nxt in ZERO_TENS:
        unit = DIGITS.get(_at(words, j + 1))
        return (unit, j + 2) if unit is not None else (0, j)
    if nxt == HALF:
        return 50, j + 1
    rest = _tens(words, j)
    if rest is None:
        return 0, j
    tens, k = rest
    if k == j + 1 and tens < 10:  # a bare digit after "trăm": "một trăm hai"
        return (tens * 10, k) if colloquial else (0, j)
    return tens, k


def _below_thousand(words: list[str], i: int, colloquial: bool) -> tuple[int, int] | None:
    """0..999 at ``i``; ``colloquial`` reads "một trăm hai" as 120."""
    word = _at(words, i)
    if word.isdigit():
        return int(word), i + 1
    digit = DIGITS.get(word)
    if digit is not None and _at(words, i + 1) == HUNDRED:
        rest, j = _after_hundred(words, i + 2, colloquial)
        return digit * 100 + rest, j
    return _tens(words, i)


def _scaled(words: list[str], i: int, scale: int) -> tuple[int, int]:
    """What follows "nghìn"/"triệu" at ``i``: a lower part, "rưỡi", or nothing (0, i)."""
    nxt = _at(words, i)
    if nxt == HALF:
        return scale // 2, i + 1
    if nxt in ZERO_TENS and _at(words, i + 1) in DIGITS:  # "một nghìn linh năm"
        return DIGITS[_at(words, i + 1)], i + 2
    low = _below_thousand(words, i, colloquial=True)
    if low is None:
        return 0, i
    value, j = low
    if j == i + 1 and value < 10 and not _at(words, i).isdigit():
        after = _at(words, j)
        if after not in THOUSAND and after != HUNDRED:
            return value * scale // 10, j  # "hai nghìn ba": 2300
    return value, j


def read_number(words: list[str], i: int) -> tuple[int, int] | None:
    """The cardinal starting at ``words[i]`` and the index after it, or None.

    See the module docstring for the vocabulary and the ambiguity rules.
    """
    first = _below_thousand(words, i, colloquial=True)
    if first is None:
        return None
    value, j = first
    if _at(words, j) == MILLION:
        value *= 1_000_000
        low = _below_thousand(words, j + 1, colloquial=True)
        if low is not None and _at(words, low[1]) in THOUSAND:
            value += low[0] * 1000
            rest, j = _scaled(words, low[1] + 1, 1000)
            return value + rest, j
        rest, j = _scaled(words, j + 1, 1_000_000)
        return value + rest, j
    if _at(words, j) in THOUSAND:
        rest, k = _scaled(words, j + 1, 1000)
        return value * 1000 + rest, k
    return value, j


def _group(words: list[str], i: int, colloquial: bool, split_tens: bool) -> tuple[str, int] | None:
    """One spoken group of a digit string at ``i``: "0901", "không", "hai mươi ba", "một trăm".

    ``colloquial``: "một trăm hai" is "120"; ``split_tens``: "chín mươi một" is "90" then "1".
    """
    word = _at(words, i)
    if word.isdigit():
        return word, i + 1
    after = _at(words, i + 1)
    if split_tens and word in DIGITS and after in TENS:
        return f"{DIGITS[word]}0", i + 2
    # A digit then "mười" is two groups ("một mười hai": 1, 12), not "mươi" misheard.
    if word == TEN or (word in DIGITS and after in (*TENS, HUNDRED)):
        read = _below_thousand(words, i, colloquial)
        if read is not None:
            value, j = read
            width = 3 if after == HUNDRED else 2
            return str(value).zfill(width), j
    digit = DIGIT_STRING_WORDS.get(word)
    if digit is not None:
        return str(digit), i + 1
    return None


def _read(
    words: list[str], i: int, colloquial: bool = False, split_tens: bool = False
) -> tuple[str, int] | None:
    out: list[str] = []
    j = end = i
    while j < len(words):
        group = _group(words, j, colloquial, split_tens)
        if group is not None:
            out.append(group[0])
            j = end = group[1]
        elif words[j] in DIGIT_FILLERS and out:
            j += 1
        else:
            break
    return ("".join(out), end) if out else None


def read_digits(words: list[str], i: int) -> tuple[str, int] | None:
    """The digit string starting at ``words[i]`` and the index after its last digit, or None.

    Digits one by one, groups ("hai mươi ba" -> "23", "một trăm linh năm" -> "105", "không
    trăm" -> "000"), digit tokens ("0901"), with fillers between groups (:data:`DIGIT_FILLERS`)
    skipped; trailing fillers are not consumed. "X trăm Y" with a bare digit Y is "X00" then
    "Y" (rule 4 of the module docstring).
    """
    return _read(words, i)


def digit_readings(words: list[str], i: int) -> Iterator[tuple[str, int]]:
    """:func:`read_digits`, then the other readings of the same words, each once.

    The others, less likely: "X trăm Y" as "XY0" ("một trăm hai" -> "120"), "X mươi Y" as
    "X0" then "Y" ("chín mươi một" -> "90", "1": a group that ends where a pause was), and both.
    A caller that knows how many digits to expect picks among them.
    """
    seen: set[tuple[str, int]] = set()
    for colloquial, split_tens in ((False, False), (True, False), (False, True), (True, True)):
        reading = _read(words, i, colloquial, split_tens)
        if reading is None:
            return
        if reading not in seen:
            seen.add(reading)
            yield reading
