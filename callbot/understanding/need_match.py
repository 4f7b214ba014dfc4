"""Finding the need lexicon's phrases in a transcript, tolerating recognition errors.

Levels, best first (a phrase found at several is kept at the best)::

    EXACT     "khó thở"     as written
    TONELESS  "khó thơ"     tones stripped, vowel shapes kept (Vosk's commonest error)
    BARE      "kho tho"     every diacritic stripped, "đ" -> "d"
    FUZZY     "xét nhiệm"   bare, one letter off in one long word (not emergencies)

One-word phrases match only EXACT. In an answer with no diacritic at all ("xin ho tro gao")
every phrase may match BARE, whatever its ``fold``, but a bare one-word match weighs only as
context: "dau" is "đau" (pain) or "đâu" (where). Elsewhere a BARE match must come from words
said without diacritics or off by a tone only: a word heard with other vowel marks is
another word ("bé ơi" is not "bể ối", "nói đó" not "nói đớ", "mất xe" not "mặt xệ").

Where matches overlap the longest wins; a shorter emergency that crosses a longer phrase is
kept, one inside a longer phrase is not (so "đang sinh sống" is not "đang sinh"),
unless the longer phrase was found at a worse level (a fuzzy "đói muốn chết" heard in "tôi
muốn chết" does not hide "muốn chết").
"""

from __future__ import annotations

import threading
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from callbot.understanding.need_lexicon import ENTRIES, URGENCY_RANK, Entry
from callbot.understanding.need_missed_accents import accent_key, named_thing
from callbot.understanding.text import fold, tokens

EXACT, TONELESS, BARE, FUZZY = 0, 1, 2, 3
FUZZY_MIN_LETTERS = 9
FUZZY_MIN_WORD = 5
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_LEVELS_ALLOWED = {"exact": 1, "tone": 2, "full": 3}

# A phrase by its first word (one word long) or its first two words (longer), in lexicon
# order (the ordinal), so that a window's phrases are tried in the same order either way.
Found = list[tuple[int, Entry, tuple[str, ...]]]
Index = tuple[dict[str, Found], dict[tuple[str, str], Found]]
# (word count, the word that may be off, the other words) -> the phrases, bare
FuzzyIndex = dict[tuple[int, int, tuple[str, ...]], list[tuple[Entry, str]]]


@dataclass(frozen=True)
class Hit:
    """Evidence at words ``start:end``; ``spans`` are the words to show as reasons."""

    entry: Entry
    start: int
    end: int
    level: int
    spans: tuple[tuple[int, int], ...]
    negated: bool = False

    @property
    def rank(self) -> int:
        """The urgency as a number (emergency highest)."""
        return URGENCY_RANK[self.entry.urgency]

    @property
    def weight(self) -> int:
        """The entry's weight; a bare one-word match ("dau": đau? đâu?) is only context."""
        if self.level >= BARE and self.end - self.start == 1:
            return min(self.entry.weight, 1)
        return self.entry.weight

    def gap(self, other: Hit) -> int:
        """The words between this hit and ``other``, either side (0 when they touch or
        overlap)."""
        return max(0, other.start - self.end, self.start - other.end)


def toneless(word: str) -> str:
    """``word`` without tone marks, vowel shapes kept: "thở" -> "thơ", "khó" -> "kho"."""
    kept = (c for c in unicodedata.normalize("NFD", word) if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", "".join(kept))


def forms(words: list[str]) -> tuple[list[str], list[str], list[str]]:
    """The words at the EXACT, TONELESS and BARE levels."""
    return words, [toneless(w) for w in words], [fold(w) for w in words]


def _one_off(said: str, phrase: str) -> bool:
    """One word of ``said`` is one letter off the phrase's (Levenshtein 1), keeping its first
    letter, in a word of :data:`FUZZY_MIN_WORD`+ letters: "nhiem" for "nghiem", never "toi"
    for "doi" or "ai" for "an"."""
    pairs = [(a, b) for a, b in zip(said.split(), phrase.split(), strict=True) if a != b]
    if len(pairs) != 1:
        return False
    a, b = pairs[0]
    if len(b) < FUZZY_MIN_WORD or a[:1] != b[:1] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@dataclass(frozen=True)
class _Tables:
    """The lexicon indexed for matching, built once (:func:`_tables`)."""

    levels: tuple[Index, Index, Index]  # per level, by a phrase's first word(s)
    every_bare: Index  # every phrase bare, by its first word(s)
    fuzzy: FuzzyIndex  # phrases looked for one letter off (:func:`_fuzzy`)
    fuzzy_lengths: list[int]
    # Every word of the phrases looked for one letter off: a window with two words outside
    # it cannot be one letter off any of them.
    fuzzy_words: frozenset[str]
    # (entry id, a phrase's bare words) -> the toneless words of the phrases that fold to them
    toneless_of: dict[tuple[int, tuple[str, ...]], set[tuple[str, ...]]]
    # emergencies and combination parts by their words' accent keys (:func:`_accented`)
    accents: Index


_built: list[_Tables] = []
_building = threading.Lock()


def _tables() -> _Tables:
    """The indexes, built on first use (half a second: not at import, so that `callbot
    serve` opens its FastAGI port first and builds them in its warm-up thread)."""
    if not _built:
        with _building:
            if not _built:
                _built.append(_build())
    return _built[0]


def _new_index() -> Index:
    return defaultdict(list), defaultdict(list)


def _put(index: Index, entry: Entry, seq: tuple[str, ...], ordinal: int) -> None:
    if len(seq) == 1:
        index[0][seq[0]].append((ordinal, entry, seq))
    else:
        index[1][(seq[0], seq[1])].append((ordinal, entry, seq))


def _frozen(index: Index) -> Index:
    return dict(index[0]), dict(index[1])


def _at(index: Index, said: list[str], i: int) -> Found:
    """The phrases that may start at ``said[i]``, in lexicon order."""
    one = index[0].get(said[i], [])
    if i + 1 == len(said):
        return one
    more = index[1].get((said[i], said[i + 1]), [])
    return sorted(one + more) if one and more else one or more


def _build() -> _Tables:
    """Per-level first-word indexes, every phrase bare, and the index of the phrases looked
    for one letter off (by the word that may be off and the others)."""
    levels = (_new_index(), _new_index(), _new_index())
    every_bare = _new_index()
    fuzzy: FuzzyIndex = defaultdict(list)
    toneless_of: dict[tuple[int, tuple[str, ...]], set[tuple[str, ...]]] = defaultdict(set)
    accents = _new_index()
    # The phrases share a few thousand words: each word folded once, not once per phrase
    # and level (a warm-up in about a quarter of the time: every `callbot` process pays it).
    bare_of, toneless_of_word, key_of = cache(fold), cache(toneless), cache(accent_key)
    ordinal = 0
    for entry in ENTRIES:
        for phrase in entry.phrases:
            ordinal += 1
            words = tokens(phrase)
            bare_words = tuple(bare_of(w) for w in words)
            _put(every_bare, entry, bare_words, ordinal)
            if len(words) == 1:
                _put(levels[EXACT], entry, tuple(words), ordinal)
                continue
            toneless_words = tuple(toneless_of_word(w) for w in words)
            for level, form in enumerate(
                (tuple(words), toneless_words, bare_words)[: _LEVELS_ALLOWED[entry.fold]]
            ):
                _put(levels[level], entry, form, ordinal)
            toneless_of[(id(entry), bare_words)].add(toneless_words)
            keyed = tuple(key_of(w) for w in words)
            # emergencies, their parts and their tagged look-alikes: not a need's category
            if entry.fold != "exact" and (entry.urgency == "emergency" or entry.tags):
                _put(accents, entry, keyed, ordinal)
            bare = " ".join(bare_words)
            long_enough = len(bare.replace(" ", "")) >= FUZZY_MIN_LETTERS
            # Words of no meaning of their own (lookalikes that keep emergencies out) are
            # not looked for one letter off: a blocker found that way hides nothing.
            meaningful = entry.category is not None or bool(entry.tags)
            if entry.fold == "full" and entry.urgency != "emergency" and long_enough and meaningful:
                for j in range(len(words)):  # one word off, the others said as they are
                    fuzzy[(len(words), j, bare_words[:j] + bare_words[j + 1 :])].append(
                        (entry, bare)
                    )
    return _Tables(
        (_frozen(levels[0]), _frozen(levels[1]), _frozen(levels[2])),
        _frozen(every_bare),
        dict(fuzzy),
        sorted({n for n, _, _ in fuzzy}),
        frozenset(w for entries in fuzzy.values() for _, p in entries for w in p.split()),
        dict(toneless_of),
        _frozen(accents),
    )


def _fuzzy(bare: list[str], add: dict[tuple[int, int, int], Hit]) -> None:
    """The phrases said one letter off (:func:`_one_off`): each window of a phrase's length
    looked up once per word that may be the one off, the others as said."""
    tables = _tables()
    known = [w in tables.fuzzy_words for w in bare]
    for i in range(len(bare)):
        for n in tables.fuzzy_lengths:
            if i + n > len(bare):
                break
            unknown = [j for j in range(n) if not known[i + j]]
            if len(unknown) > 1:
                continue
            window = bare[i : i + n]
            said = " ".join(window)
            for j in unknown or range(n):  # a word no phrase has must be the one off
                key = (n, j, tuple(window[:j] + window[j + 1 :]))
                for entry, phrase in tables.fuzzy.get(key, ()):
                    if (id(entry), i, i + n) not in add and _one_off(said, phrase):
                        add[(id(entry), i, i + n)] = Hit(entry, i, i + n, FUZZY, ((i, i + n),))


def _bare_heard(
    levelled: tuple[list[str], list[str], list[str]], i: int, entry: Entry, seq: tuple[str, ...]
) -> bool:
    """A BARE match at ``i`` whose every word was said bare or is off by a tone only."""
    words, toneless_said, bare = levelled
    return any(
        all(
            words[k] == bare[k] or toneless_said[k] == phrase[k - i] for k in range(i, i + len(seq))
        )
        for phrase in _tables().toneless_of.get((id(entry), seq), ())
    )


def candidates(words: list[str]) -> list[Hit]:
    """Every phrase occurrence in ``words`` (normalized tokens), at the best level it matches."""
    tables = _tables()
    best: dict[tuple[int, int, int], Hit] = {}
    levelled = forms(words)
    for level, said in enumerate(levelled):
        for i in range(len(said)):
            for _, entry, seq in _at(tables.levels[level], said, i):
                end = i + len(seq)
                if tuple(said[i:end]) != seq or (id(entry), i, end) in best:
                    continue
                if level == BARE and not _bare_heard(levelled, i, entry, seq):
                    continue
                best[(id(entry), i, end)] = Hit(entry, i, end, level, ((i, end),))
    bare = levelled[BARE]
    if words and bare == words:  # no diacritic anywhere: every phrase may match bare
        for i in range(len(bare)):
            for _, entry, seq in _at(tables.every_bare, bare, i):
                end = i + len(seq)
                if tuple(bare[i:end]) == seq and (id(entry), i, end) not in best:
                    best[(id(entry), i, end)] = Hit(entry, i, end, BARE, ((i, end),))
    _fuzzy(bare, best)
    _accented(words, best)
    return list(best.values())


def _accented(words: list[str], add: dict[tuple[int, int, int], Hit]) -> None:
    """The phrases said with an accent's merged consonants ("có chộm", "nôi lên xe"): every
    word compared by :func:`.need_missed_accents.accent_key`, found at the FUZZY level over
    words no other phrase of two words or more crosses (a phrase inside it is no obstacle:
    "đau đầu" in "đau đầu giữ dội")."""
    index = _tables().accents
    keys = [accent_key(w) for w in words]
    read = [(hit.start, hit.end) for hit in add.values() if hit.end - hit.start > 1]
    for i in range(len(keys)):
        for _, entry, seq in _at(index, keys, i):
            end = i + len(seq)
            if tuple(keys[i:end]) != seq or (id(entry), i, end) in add:
                continue
            crossed = any(a < end and i < b and not i <= a < b <= end for a, b in read)
            thing = any(named_thing(words, k) for k in range(i, end))
            if not crossed and not thing:
                add[(id(entry), i, end)] = Hit(entry, i, end, FUZZY, ((i, end),))


_HYPERBOLE = "hyperbole"
# The signs that hid the emergency they hold by accident: a body that does not answer, does
# not move, droops, jerks, a heart not heard, a wasp's sting. Not the signs written to need a
# second one ("nói đớt đớt" a child's lisp, "môi thâm đen" a smoker's lips, "cứng đơ người"
# from the cold, "thở dốc sâu" after a run, "ngưng thở một hồi" in a snore).
_HIDE_NOTHING = frozenset({
    "unanswered", "limp", "stroke_sign", "p27_poison_sign", "rigid", "allergen", "s31_bee",
    "x32_hear_nothing",
})  # fmt: skip


def _sign_only(entry: Entry) -> bool:
    """A sign for the combinations and nothing else that must not hide the emergency inside
    it: no category, no weight, one of :data:`_HIDE_NOTHING`'s tags ("tay trái không cử động
    được": ``stroke_sign``)."""
    return entry.category is None and entry.weight == 0 and bool(entry.tags & _HIDE_NOTHING)


def select(found: list[Hit]) -> list[Hit]:
    """Longest match first; a shorter overlapping one survives only as a crossing emergency,
    and not inside a longer phrase even one itself crossed out ("chém" in "chém giá" when
    "giá cắt cổ" took "giá"). A medical emergency inside a sign said for the combinations
    survives it: "ông tui không tỉnh dậy" is "không tỉnh" (115) and ``unanswered`` both; a
    sign of :data:`_HIDE_NOTHING` never hides the emergency it holds (round 35 of issue 13:
    "tay trái không cử động được", "miệng méo qua một bên", "co giật tay chân")."""
    chosen: list[Hit] = []
    seen: list[Hit] = []
    for hit in sorted(found, key=lambda h: (h.start - h.end, h.level, -h.rank, h.start)):
        clash = [c for c in chosen if hit.start < c.end and c.start < hit.end]
        # a 115 said for itself (not "muốn chết", said big as often as meant)
        medical = hit.entry.alarm == "115" and _HYPERBOLE not in hit.entry.tags
        inside = any(
            c.start <= hit.start
            and hit.end <= c.end
            and c.level <= hit.level
            and (c in clash or c.end - c.start > hit.end - hit.start)
            and not (medical and _sign_only(c.entry))
            for c in seen
        )
        if not inside and (not clash or hit.entry.urgency == "emergency"):
            chosen.append(hit)
        seen.append(hit)
    return sorted(chosen, key=lambda h: h.start)
