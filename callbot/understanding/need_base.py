"""The need lexicon's building blocks: entry types, ``{k}`` negations, spellings of oxygen.

See :mod:`.need_lexicon` for what the fields mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Category = Literal["food", "medical", "financial", "testing", "violation", "other"]
Urgency = Literal["emergency", "high", "normal"]
Fold = Literal["exact", "tone", "full"]
# The number an emergency caller must call: 115 medical, 114 fire and rescue, 113 police.
Service = Literal["115", "114", "113"]
SERVICES: tuple[Service, ...] = ("115", "114", "113")
# An emergency's category follows its service.
SERVICE_CATEGORY: dict[Service, Category] = {"115": "medical", "114": "other", "113": "violation"}

URGENCY_RANK: dict[Urgency, int] = {"normal": 0, "high": 1, "emergency": 2}
# Ties between categories of equal urgency and weight go to the first in this order.
CATEGORY_ORDER: tuple[Category, ...] = (
    "medical",
    "food",
    "testing",
    "financial",
    "violation",
    "other",
)


@dataclass(frozen=True)
class Entry:
    """Phrases with one meaning."""

    category: Category | None
    urgency: Urgency
    weight: int
    phrases: tuple[str, ...]
    tags: frozenset[str] = frozenset()
    negatable: bool = False
    fold: Fold = "full"
    # an emergency's service; None for a medical emergency means 115
    service: Service | None = None

    @property
    def alarm(self) -> Service | None:
        """The service this entry calls for when it is an emergency, else None."""
        if self.urgency != "emergency":
            return None
        return self.service or "115"


@dataclass(frozen=True)
class Combo:
    """Two tags in one answer (within ``window`` words of each other, None: anywhere)."""

    tags: tuple[str, str]
    category: Category | None
    urgency: Urgency
    weight: int
    window: int | None = None
    ordered: bool = False  # the first tag must come first ("gọi ... không dậy")
    service: Service | None = None
    gives: frozenset[str] = frozenset()  # tags of the combined hit
    # the second part was not what it seemed: its urgency goes ("tụi tui phá cửa vô": a
    # rescue, not a break-in; "thằng đàn ông đang đè": an assault, not a collapse)
    quiets: bool = False
    # the first part is context said before the event ("mới sanh ... máu ra hoài"): the hit
    # stands where the second part is, so a past marker of the context leaves it be
    at_second: bool = False


def signs_together(
    a: str, b: str, window: int, *, ordered: bool = False, at_second: bool = False
) -> Combo:
    """Two signs of a body in trouble said within ``window`` words: a medical emergency, 115
    (rounds 27P and 28)."""
    return Combo(
        (a, b),
        "medical",
        "emergency",
        5,
        window=window,
        ordered=ordered,
        service="115",
        at_second=at_second,
    )


@dataclass(frozen=True)
class Reading:
    """A number said right after (or before) a tagged phrase, within ``low..high``."""

    tag: str
    after: bool
    low: int
    high: int
    category: Category | None
    urgency: Urgency
    weight: int
    # looked for further, over any words ("ô xy của mẹ con đo được có tám mươi"), and not
    # when the number is said to be something else ("tám mươi lăm là nhịp tim")
    loose: bool = False
    # read in tenths, a decimal said with "chấm" or "phẩy" ("hai chấm tám" is 28, "ba" 30):
    # a blood sugar in mmol/l (round 28A)
    tenths: bool = False


@dataclass(frozen=True)
class Demotion:
    """Phrases tagged ``tag`` fall to ``urgency`` when a phrase tagged ``by`` is said."""

    tag: str
    by: str
    urgency: Urgency


@dataclass(frozen=True)
class Round:
    """What a round of issue 13 gives the lexicon (gathered in :mod:`.need_rounds`)."""

    entries: tuple[Entry, ...] = ()
    combos: tuple[Combo, ...] = ()
    readings: tuple[Reading, ...] = ()
    demotions: tuple[Demotion, ...] = ()

    def plus(self, other: Round) -> Round:
        """This round's tables, then ``other``'s."""
        return Round(
            self.entries + other.entries,
            self.combos + other.combos,
            self.readings + other.readings,
            self.demotions + other.demotions,
        )


def entry(
    category: Category | None,
    urgency: Urgency,
    weight: int,
    phrases: str,
    *,
    tags: str = "",
    negatable: bool = False,
    fold: Fold = "full",
    service: Service | None = None,
) -> Entry:
    """An entry from a comma-separated phrase list; ``{k}`` stands for each of :data:`NOT`.

    A denial is said in more than one order, and each is listed: "{k} X được" also as "X {k}
    được" ("không nói được", "nói không được"); an emergency's "{k} X" also as "{k} thấy X"
    and "{k} còn X" ("không phản ứng", "hổng thấy phản ứng", "không còn phản ứng").
    """
    listed: list[str] = []
    for raw in phrases.split(","):
        phrase = " ".join(raw.split())
        if not phrase:
            continue
        said = [phrase]
        rest = phrase.removeprefix(_K)
        if rest != phrase and rest.endswith(_ABLE) and len(rest.split()) > 1:
            said.append(rest.removesuffix(_ABLE) + " {k}" + _ABLE)
        if rest != phrase and urgency == "emergency" and rest.split()[0] not in _ASPECTS:
            said += [f"{_K}{aspect} {rest}" for aspect in _ASPECTS]
        for one in said:
            forms = [one.replace("{k}", k) for k in NOT] if "{k}" in one else [one]
            listed.extend(f for f in forms if f not in listed)
    return Entry(
        category, urgency, weight, tuple(listed), frozenset(tags.split()), negatable, fold, service
    )


# "Not", north and south ("hổng có", "hông có"), and "not yet".
NOT = ("không", "hổng", "hông", "chưa", "chẳng")
_K = "{k} "
_ABLE = " được"
_ASPECTS = ("thấy", "còn")

# Ways Vosk writes oxygen, SpO2 and COVID.
OXY = ("oxy", "oxi", "ô xy", "ô xi", "ôxy", "ôxi")
SPO2 = (
    "spo2",
    "sp o2",
    "spo hai",
    "sp ô hai",
    "ét pê ô hai",
    "ét bê ô hai",
    "xpo2",
    "sờ pô hai",
    "xờ pô hai",
    "sờ bô hai",
)
COVID = ("covid", "cô vít", "cô vi", "co vid", "cô vích")


# Central and northern words the lexicon says the southern way, read as such before matching
# ("mạ tui nỏ thở được", "hắn cầm dao"); the reasons keep the caller's words. Only words that
# are no other word with a tone lost ("chi" may be "chỉ", "tau" "tàu", "mô" "mổ"), and not
# "tê" (numb), "răng" (teeth) nor "bầm" (bruised): they are words of the lexicon too.
DIALECT: dict[str, str] = {
    "mạ": "mẹ",
    "rứa": "vậy",
    "nớ": "đó",
    "hắn": "nó",
    "nỏ": "không",
    "chộ": "thấy",
    "chừ": "giờ",
    "rượng": "dượng",  # Vosk's spelling of a stepfather (no word of its own; round 18)
    # Nghệ An and Hà Tĩnh (writer F of session 14): "khôn dậy nổi", "chớ khôn đánh", "bọ
    # tau", "đau trốc"
    "khôn": "không",
    "chớ": "chứ",
    "trốc": "đầu",
    # not "mô" for "đâu": it is also "mổ" said without its tone ("rắn cạp nong mô"), and "xe
    # mô tô"
}
# "bọ" is a father before who he is to the speaker ("bọ tau", "bọ em"), an insect otherwise
# ("bọ cạp", "bọ chét")
_FATHER_OF = frozenset({"tau", "tui", "tôi", "em", "con", "cháu", "mi", "hắn", "nó", "mình"})


# Vosk's "tiêm người cúm" for "tiêm ngừa cúm" (a vaccination, round 20): "người" between a
# shot and a disease it prevents is "ngừa".
_SHOTS = frozenset({"tiêm", "chích"})
_PREVENTED = frozenset({
    "cúm", "dại", "sởi", "viêm", "uốn", "covid", "cô", "thủy", "lao", "bạch", "ho", "quai",
    "phế", "não", "rota", "hpv", "sốt", "thương", "ung", "bại", "tay",
})  # fmt: skip


# A self-repair: "bị ho à hổng phải khó thở" is "a cough, no, I mean breathless": the
# particle before "không/hổng/hông phải" says a first word is being corrected (round 35).
REPAIR_PARTICLES = frozenset({"à", "ờ", "ơ", "á", "ủa"})
# "... à không phải bị đánh đâu": a closer after what follows makes it a denial after all
REPAIR_CLOSERS = frozenset({"đâu", "gì", "hết", "cả", "chi"})
REPAIR_REACH = 4  # how far before the particle a word said again is looked for
REPAIR_BRIDGES = frozenset({"bị", "có", "là", "phải"})  # "té à không phải bị đánh": no repeat


def self_repair(words: list[str], negator: int, start: int, end: int) -> bool:
    """Whether the negator at ``negator`` ("không phải" after "à") corrects what was said
    before it rather than denying what follows it (``start:end``): something said, then a
    repair particle, then no closer right after the corrected word, and not the same word
    again ("bị khó thở à không phải khó thở": asked, then denied)."""
    said_before = words[max(0, negator - 1 - REPAIR_REACH) : negator - 1]
    return (
        negator >= 2
        and words[negator - 1] in REPAIR_PARTICLES
        and words[negator + 1 : negator + 2] == ["phải"]
        and not REPAIR_CLOSERS.intersection(words[end : end + 2])
        # "bị khó thở à không phải khó thở": the word asked about, said again, is denied
        and not (set(words[start:end]) - REPAIR_BRIDGES) & set(said_before)
    )


def standard(words: list[str]) -> list[str]:
    """``words`` with the :data:`DIALECT` words said the way the lexicon says them (and a
    shot's "người" before a disease read "ngừa")."""
    out = [DIALECT.get(w, w) for w in words]
    for k in range(1, len(out) - 1):
        if out[k] == "người" and out[k - 1] in _SHOTS and out[k + 1] in _PREVENTED:
            out[k] = "ngừa"
    for k in range(len(out) - 1):
        if out[k] == "bọ" and out[k + 1] in _FATHER_OF:
            out[k] = "ba"
    return out


def each(forms: tuple[str, ...], *patterns: str) -> str:
    """Every pattern filled with every form (``{}`` stands for it), as a comma-separated phrase
    list for :func:`entry`."""
    return ", ".join(p.format(f) for p in patterns for f in forms)


def pairings(*parts: tuple[str, ...]) -> str:
    """Every phrase made of one phrase of each of ``parts`` in turn ("chui vô" + "máy giặt"),
    as a comma-separated phrase list for :func:`entry`."""
    out = [""]
    for part in parts:
        out = [f"{a} {b}".strip() for a in out for b in part]
    return ", ".join(out)
