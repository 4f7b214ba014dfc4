"""The caller's name from a spoken answer: "dạ tên tôi là huỳnh văn bảy ạ" -> "Huỳnh Văn Bảy".

Words are never read as numbers here: "Bảy", "Năm", "Tư", "Sáu", "Ba" are common given names.

Where the name starts, in this order:

1. after "tên" ("tên tôi là", "em tên là", "họ và tên của em là", "tôi tên", "tên em"): up to
   and including a "là" among the next few words, or else past the pronouns after "tên";
   "họ Nguyễn tên An" gives "Nguyễn An";
2. after a pronoun and "là" ("em là Lan", "mình là Nguyễn Văn An");
3. otherwise the whole answer, past leading fillers and a leading self-reference ("dạ chú
   Bảy", "anh Nguyễn Văn An"), or from the first common surname when only non-name words come
   before it.

A self-correction that starts over with a lead-in ("tên là lý văn cường à lộn đó là tên anh
tui, tui tên lý văn cảnh") gives the name said last; a closing vocative ("nha anh", "ạ chị",
"đó con") is no part of the name. A kinship title right at the start of the name is dropped
("tên là chú Bảy" -> "Bảy"), but not "Anh", a common given name ("tên em là Anh Thư"). The
name ends at the first word that cannot be part of a name (a pronoun such as "em" or "tôi",
"ở", "số", "còn", a verb...) or at a trailing filler. A self-correction ("lan à nhầm lam")
keeps what follows it, so does a "không" right before a surname ("lê văn tám à không lê văn
tâm"; the word corrected away, explained after it, "tám là anh tui", is no part of the new
name); a stutter or a restart at the surname ("trần ờ trần văn lộc") gives the name once, an
age after it ("bùi gia bảo con tám tuổi") ends it. No name (None) for an empty answer, only
fillers, "không biết", refusals ("không muốn nói", "giấu tên").

Recognition errors: lead-in words are matched on their folded form where a lead-in is
expected ("tênh tôi lả lan", "ten toi la lan", "em tiên là lan"; "lã" is a surname), trailing
particles are dropped ("lan nè", "hạnh thôi", "lụa ha"), and a surname said without
diacritics (or, in a name of three words, with the wrong tone: "nguyển") is restored when only
one surname folds to it ("nguyen" -> "Nguyễn", "vo" -> "Võ"; not "lu": Lư or Lữ); the given
name stays as heard.

Confidence: 0.95 with a lead-in and a common surname first, 0.85 with one of them, 0.6 with
neither; lower for a single word (a given name alone) or more than five words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from callbot.understanding.name_lexicon import (
    AGE,
    AGE_NUMBERS,
    CORRECTIONS,
    FOLDED_PRONOUNS,
    FOLDED_SURNAMES,
    LA_FOLDED,
    LA_WINDOW,
    MAX_WORDS,
    MIDDLE_MARKS,
    MIDDLE_NAMES,
    NOT_NAME,
    PRONOUNS,
    REFUSALS,
    RESTART,
    SPELLING,
    STOP_PAIRS,
    STOPS,
    SURNAMES,
    TEN_FOLDED,
    TITLES,
    TONELESS_TRAILING,
    TRAILING,
)
from callbot.understanding.text import (
    INTERJECTIONS,
    drop_trailing_address,
    fold,
    strip_fillers,
    tokens,
)


@dataclass(frozen=True)
class NameResult:
    """The caller's name in Vietnamese title case, or None."""

    name: str | None
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        """As JSON data: what ``callbot parse name`` prints."""
        return {"name": self.name, "confidence": self.confidence}


def _is_la(word: str, after: str | None) -> bool:
    """A misheard "là": "lả", "lá", "la"... ("lã" is a surname: only before another one)."""
    if word == "là" or fold(word) != LA_FOLDED:
        return word == "là"
    return word != "lã" or after in SURNAMES


def _lead_in_words(words: list[str]) -> list[str]:
    """``words`` with misheard lead-in words read as "tên", "là" and the pronouns.

    A folded "la" is "là" right after "tên" or a pronoun ("em lả lan", "tên tôi lá an"); a
    folded "ten"/"tenh"/"tien" is "tên" at the start or after a pronoun when a pronoun or a
    "là" follows ("tênh tôi là lan", "em tiên là lan"); a pronoun said without diacritics
    ("toi") is the pronoun between those two.
    """
    out = list(words)
    for k, word in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else None
        after = out[k + 2] if k + 2 < len(out) else None
        prev = out[k - 1] if k else None
        after_ten = prev == "tên" or fold(prev or "") in TEN_FOLDED
        bare_pronoun = word == fold(word) and word in FOLDED_PRONOUNS
        if bare_pronoun and after_ten and nxt is not None and _is_la(nxt, after):
            out[k] = FOLDED_PRONOUNS[word]
    for k, word in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else None
        after = out[k + 2] if k + 2 < len(out) else None
        prev = out[k - 1] if k else None
        if word != "tên" and fold(word) in TEN_FOLDED and nxt is not None:
            lead = prev is None or prev in PRONOUNS or prev == "họ"
            pronoun_next = nxt in PRONOUNS and after is not None and _is_la(after, None)
            if lead and (pronoun_next or (_is_la(nxt, after) and (word != "tiên" or prev))):
                out[k] = "tên"
        elif (
            word != "là"
            and nxt is not None
            and (prev == "tên" or prev in PRONOUNS)
            and _is_la(word, nxt)
            and nxt not in STOPS
        ):
            out[k] = "là"
    return out


def _restore(name: list[str]) -> list[str]:
    """Trailing particles dropped ("lan nè"); a surname said without diacritics restored
    ("nguyen van an" -> "nguyễn van an"; :func:`_clean` then fixes "van"/"thi"), or misheard
    by its tone in a name of three words or more ("nguyển thị hồng" -> "nguyễn thị hồng"), or
    said the southern way ("chần văn lợi" -> "trần văn lợi", "dõ" -> "võ")."""
    while len(name) > 1 and name[-1] in TRAILING:
        name = name[:-1]
    first = name[0] if len(name) >= 2 else ""
    bare = fold(first)
    if first not in SURNAMES and bare in FOLDED_SURNAMES and (first == bare or len(name) >= 3):
        name = [FOLDED_SURNAMES[bare], *name[1:]]
    elif first not in SURNAMES and len(name) >= 3 and first.startswith(("ch", "d")):
        swapped = "tr" + first[2:] if first.startswith("ch") else "v" + first[1:]
        if swapped in SURNAMES:  # the southern ch/tr and d/v: "chần văn lợi", "dõ thị lan"
            name = [swapped, *name[1:]]
    return name


def _after_ten(words: list[str]) -> tuple[int, list[str]] | None:
    """Where the name starts after the first "tên" that a name follows ("đó là tên anh tui,
    tui tên lý văn cảnh": the second), and surname words said before it."""
    tens = [k for k, w in enumerate(words) if w == "tên"]
    if not tens:
        return None
    found = [_after_one_ten(words, k) for k in tens]
    return next((f for f in found if _name_from(words, f[0])), found[0])


def _after_one_ten(words: list[str], k: int) -> tuple[int, list[str]]:
    prefix: list[str] = []
    # "họ nguyễn tên an": the surname said on its own before "tên"
    if "họ" in words[:k]:
        h = words.index("họ")
        prefix = [w for w in words[h + 1 : k] if w in SURNAMES]
    start = k + 1
    window = words[start : start + LA_WINDOW]
    if "là" in window:
        return start + window.index("là") + 1, prefix
    while start < len(words) and words[start] in PRONOUNS | {"của", "thì", "đầy", "đủ"}:
        start += 1
    return start, prefix


def _after_pronoun_la(words: list[str]) -> int | None:
    for k in range(len(words) - 1):
        if words[k] in PRONOUNS and words[k + 1] == "là":
            return k + 2
    return None


def _start_without_lead_in(words: list[str]) -> int:
    start = 0
    while start < len(words) - 1 and words[start] in PRONOUNS:
        start += 1
    if words and words[start] not in SURNAMES:
        for k in range(start, len(words) - 1):
            if words[k] in SURNAMES and words[k + 1] not in STOPS:
                if all(w in NOT_NAME for w in words[start:k]):
                    return k
                break
    return start


def _refused(words: list[str]) -> bool:
    if words[0] == "thôi":  # "thôi khỏi"; "lan thôi" is a name and a particle
        return True
    for refusal in REFUSALS:
        n = len(refusal)
        if any(tuple(words[k : k + n]) == refusal for k in range(len(words) - n + 1)):
            return True
    return False


def title_case(words: list[str]) -> str:
    """Vietnamese title case, syllable by syllable: "đặng thị năm" -> "Đặng Thị Năm"."""
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _confidence(words: list[str], lead_in: bool) -> float:
    surname = words[0] in SURNAMES
    confidence = 0.95 if lead_in and surname else 0.85 if lead_in or surname else 0.6
    if len(words) == 1:
        confidence -= 0.2
    elif len(words) > MAX_WORDS:
        confidence -= 0.35
    return round(max(confidence, 0.1), 2)


def _strip(said: list[str]) -> list[str]:
    """Fillers stripped, but with no diacritic anywhere a last "ha" is Hà ("nguyen thi ha")."""
    rest = strip_fillers(said)
    if rest and said[-1] in TONELESS_TRAILING and all(w == fold(w) for w in said):
        rest = [*rest, said[-1]]
    return rest


def _name_from(words: list[str], start: int) -> list[str]:
    """The name words from ``start``: past fillers and titles, up to the first stop word."""
    rest = _strip(words[start:])
    corrections = [k for k, w in enumerate(rest) if _correction_at(rest, k)]
    before: list[str] = []
    if corrections and corrections[-1] + 1 < len(rest):  # "lan à nhầm lam"
        before = rest[: corrections[-1]]
        rest = rest[corrections[-1] + 1 :]
    while len(rest) > 1 and rest[0] in TITLES:
        rest = rest[1:]
    name: list[str] = []
    for k, word in enumerate(rest):
        if word in SPELLING and len(name) >= 3 and name[-1] in name[:-1]:
            name.pop()  # "quách chấn hưng, quách là quách trong quách tĩnh"
            break
        if word in STOPS or word.isdigit() or tuple(rest[k : k + 2]) in STOP_PAIRS:
            break
        if _age_at(rest, k) or _explained(rest, k, before, name):
            break
        name.append(word)
    return name


def _correction_at(words: list[str], k: int) -> bool:
    """A self-correction at ``k``: "nhầm", "lộn", or a "không" right before a surname
    ("lê văn tám à không lê văn tâm")."""
    if words[k] in CORRECTIONS:
        return True
    return words[k] == RESTART and k > 0 and k + 1 < len(words) and words[k + 1] in SURNAMES


def _age_at(words: list[str], k: int) -> bool:
    """An age starts at ``k``: "con tám tuổi", "mười hai tuổi" (a pronoun, numbers, "tuổi")."""
    j = k + 1 if words[k] in PRONOUNS else k
    if j == len(words) or words[j] not in AGE_NUMBERS:
        return False
    while j < len(words) and words[j] in AGE_NUMBERS:
        j += 1
    return j < len(words) and words[j] == AGE


def _explained(words: list[str], k: int, before: list[str], name: list[str]) -> bool:
    """After a correction, the word corrected away explained ("lê văn tâm, tám là anh tui"):
    a word of the name said before, not of the new one, followed by "là"."""
    return (
        bool(before)
        and words[k] in before
        and words[k] not in name
        and k + 1 < len(words)
        and words[k + 1] == "là"
    )


def _clean(name: list[str]) -> list[str]:
    """Stutters and restarts dropped, "thi"/"van" after a surname read as "thị"/"văn".

    "nguyễn nguyễn thị thảo" and "trần ờ trần văn lộc" (a restart at the surname) give the
    name once; "nguyễn thi hoa" (diacritic lost) gives "Nguyễn Thị Hoa".
    """
    name = _restore(name)
    words = [w for k, w in enumerate(name) if k == 0 or w != name[k - 1]]
    if words[0] in SURNAMES and words[0] in words[1:]:
        restart = len(words) - 1 - words[::-1].index(words[0])
        if len(words) - restart >= 2:
            words = words[restart:]
    if len(words) >= 3 and words[0] in SURNAMES and words[1] in MIDDLE_NAMES:
        words = [words[0], MIDDLE_NAMES[words[1]], *words[2:]]
    return words


def _lead_in_name(words: list[str]) -> list[str]:
    """The name after a lead-in ("tên tôi là", "em là"), or [] without one."""
    found = _after_ten(words)
    if found is not None:
        start, prefix = found
        name = _name_from(words, start)
        if name:
            return _clean(prefix + name if prefix and name[0] not in SURNAMES else name)
    start_la = _after_pronoun_la(words)
    name = _name_from(words, start_la) if start_la is not None else []
    return _clean(name) if name else []


def _corrected(said: list[str]) -> list[str] | None:
    """The words after the caller's last self-correction ("à lộn", "nhầm", "xin lỗi"), when
    a name is said there again after a lead-in ("... à lộn, tui tên lý văn cảnh")."""
    marks = [k for k, w in enumerate(said) if w in CORRECTIONS or w == "lỗi"]
    if not marks:
        return None
    rest = said[marks[-1] + 1 :]
    return rest if "tên" in rest or "là" in rest else None


def parse_name(text: str) -> NameResult:
    """The name said in ``text`` (a Vosk transcript), or None when there is none."""
    said = drop_trailing_address(tokens(text), fillers=False)
    rest = _corrected(said)
    if rest is not None:
        again = _parse(rest)
        if again.name is not None:
            return again
    return _parse(said)


def _by_parts(words: list[str]) -> list[str]:
    """A name said part by part ("họ nguyễn, tên lót văn, tên tài"), or []."""
    if "họ" not in words:
        return []
    k = words.index("họ") + 1
    if k >= len(words) or words[k] not in SURNAMES:
        return []
    name, k = [words[k]], k + 1
    mark = next((m for m in MIDDLE_MARKS if tuple(words[k : k + len(m)]) == m), None)
    if mark is not None:
        k += len(mark)
        while k < len(words) and words[k] not in STOPS:
            name.append(words[k])
            k += 1
    if k >= len(words) or words[k] != "tên":
        return []
    given = _name_from(words, k + 1)
    return [*name, *given] if given else []


def _parse(said: list[str]) -> NameResult:
    parts = _by_parts([w for w in said if w not in INTERJECTIONS])
    if parts:
        return NameResult(title_case(parts), _confidence(parts, lead_in=True))
    words = _lead_in_words([w for w in said if w not in INTERJECTIONS])
    if len(words) > 1 and words[-1] in TONELESS_TRAILING and words[-2] != fold(words[-2]):
        words = words[:-1]  # a particle "ha" after a word with diacritics ("lụa ha")
    name = _lead_in_name(words)
    if name:
        return NameResult(title_case(name), _confidence(name, lead_in=True))
    words = _strip(words)
    if not words or _refused(words):
        return NameResult(None, 0.0)
    name = _name_from(words, _start_without_lead_in(words))
    if not name:
        return NameResult(None, 0.0)
    name = _clean(name)
    return NameResult(title_case(name), _confidence(name, lead_in=False))
