"""An address answer -> old ward and district, the 2025 unit(s), house number and street.

    >>> parse_address("dạ em ở số mười hai đường nguyễn trãi phường hai quận năm").as_dict()
    {'ward': 'Phường 2', 'district': 'Quận 5', 'house': '12', 'street': 'Nguyễn Trãi',
     'locality': None, 'new_units': ['Phường Chợ Quán'], 'candidates': [], 'confidence': 1.0}

How the words are read:

1. Typed forms are spelled out, a self-correction applied (the last value wins: "số tám à
   lộn chín", "quận năm à lộn quận mười"), fillers and a closing vocative dropped,
   recognition errors the gazetteer confirms mended
   (:mod:`callbot.understanding.address_repair`: "phước long bê", "quậng tám", "quận nam",
   "phuong hiep binh chanh"; a match over a mended word scores less), and the answer cut at
   its markers
   (:mod:`callbot.understanding.address_parts`): "số"/"hẻm" + house number (+ street),
   "đường" + street, "phường"/"xã"/"thị trấn"/"đặc khu" + ward, "quận"/"huyện"/"thành phố" +
   district, "khu phố"/"tổ"/"ấp"/"chung cư" + locality.
2. Ward and district words are matched in the gazetteer (:mod:`callbot.understanding.placenames`:
   exact, split/merged words, folded, southern sounds, one letter off), a number ("phường mười
   hai", "quận nhứt") or a name, whichever covers more words ("phường bảy hiền" is Bảy Hiền).
3. Before the first place marker, after a lead-in ("dạ em ở", "nhà tui"): a number starts the
   house number and its street ("mười hai xẹt ba lê lợi"); other words are a district or ward
   said without a marker ("tui ở tân bình phường sáu"), else the street ("huỳnh tấn phát
   phường tân thuận đông").
4. Districts, then wards, said without a marker are looked for in the words still unread
   (two words or more, no one-letter errors).
5. :func:`callbot.understanding.address_places.place` turns the mentions into ward, district,
   ``new_units``, ``candidates`` and ``confidence`` (rules there). With only a house or street
   the confidence is 0.3; with nothing, 0.0.

``locality`` (an extra key): the quarter, group, hamlet or building ("Khu phố 3, Tổ 5").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from callbot.understanding import address_parts as parts
from callbot.understanding.address_places import Candidate, Mention, indexes, place
from callbot.understanding.address_repair import repair
from callbot.understanding.numbers import DIGITS, read_number
from callbot.understanding.placenames import EXACT, Match, NameIndex
from callbot.understanding.text import strip_fillers, tokens

# Southern "quận nhứt" / "quận nhất": District 1 said as "the first".
ORDINALS: dict[str, int] = {"nhất": 1, "nhứt": 1}
# Words that open an answer before the address itself ("dạ nhà tui ở ...").
LEAD_INS = frozenset(
    {"em", "tôi", "tui", "mình", "con", "cháu", "tao", "tớ", "chúng", "bọn", "nhà", "ở", "là"}
    | {"địa", "chỉ", "của", "thì", "bên", "phòng", "trọ", "đang", "sống", "hiện", "tại", "nay"}
    | {"giờ", "thuê", "cũ", "mới", "có"}
)

# The score kept by a match whose words were mended (:mod:`.address_repair`).
MENDED = 0.85

# Words that make an answer's opening no street name.
NOT_STREET = frozenset({"không", "chưa", "nhớ", "biết", "hỏi", "gì", "sao", "đâu"})


@dataclass(frozen=True)
class AddressResult:
    """What :func:`parse_address` read; ``as_dict()`` is what ``callbot parse address`` prints."""

    ward: str | None = None
    district: str | None = None
    house: str | None = None
    street: str | None = None
    locality: str | None = None
    new_units: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    confidence: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """As JSON data (the confidence to two places): what ``callbot parse address`` prints."""
        return {
            "ward": self.ward,
            "district": self.district,
            "house": self.house,
            "street": self.street,
            "locality": self.locality,
            "new_units": list(self.new_units),
            "candidates": [c.as_dict() for c in self.candidates],
            "confidence": round(self.confidence, 2),
        }


def parse_address(text: str) -> AddressResult:
    """Read an address answer (module docstring); pure apart from the gazetteer's first load."""
    said = parts.apply_corrections(tokens(parts.spell_out(text)), parts.MARKER_WORDS)
    words, changed = repair(strip_fillers(said))
    return _Reader(words, changed).read()


class _Reader:
    """One answer's words and what has been read from them (each word is read once)."""

    def __init__(self, words: list[str], changed: frozenset[int] = frozenset()) -> None:
        self.words = words
        self.changed = changed  # words mended by :func:`.address_repair.repair`
        self.used = [False] * len(words)
        self.ward_index, self.district_index = indexes()
        self.wards: list[Mention] = []
        self.ward_markers: list[parts.Marker] = []
        self.districts: list[Mention] = []
        self.house: str | None = None
        self.alley: str | None = None
        self.street: str | None = None
        self.localities: list[str] = []

    def read(self) -> AddressResult:
        markers = parts.find_markers(self.words, self.name_end)
        # Districts first: a ward name one letter off is looked for among the district's wards.
        for m in sorted(markers, key=lambda m: m.role != parts.DISTRICT):
            self.take(m.start, m.end)
            self.marker(m)
        first = next((m.start for m in markers if m.role != parts.FILLER), len(self.words))
        self.lead(first)
        if not self.districts:
            self.districts = self.spot(self.district_index)
            if self.districts:  # read the wards again, now that the district is known
                self.wards = [
                    Mention(m.type, found, True)
                    for m in self.ward_markers
                    if (found := self.place_words(m, self.ward_index))
                ]
        if not self.wards:
            self.wards = self.spot(self.ward_index)
        self.prefix_street(first)
        placement = place(self.wards, self.districts[-1] if self.districts else None)
        house = self.house
        if self.alley is not None:
            house = f"{self.alley}/{house}" if house else f"Hẻm {self.alley}"
        confidence = placement.confidence
        if not (self.wards or self.districts):
            confidence = 0.3 if house or self.street else 0.0
        return AddressResult(
            ward=placement.ward,
            district=placement.district,
            house=house,
            street=self.street,
            locality=", ".join(self.localities) or None,
            new_units=placement.new_units,
            candidates=placement.candidates,
            confidence=confidence,
        )

    def name_end(self, role: str, i: int) -> int:
        """Where a unit's name (no letter off) starting at ``words[i]`` ends, or ``i``."""
        index: NameIndex[Any] = self.ward_index if role == parts.WARD else self.district_index
        found = index.match(self.words, i, fuzzy=False)
        return found.end if found else i

    def mended(self, found: Match[Any], start: int) -> Match[Any]:
        """``found`` at a lower score when its words or marker were mended ("quậng tám")."""
        if any(start <= k < found.end for k in self.changed):
            return replace(found, score=round(found.score * MENDED, 2))
        return found

    def take(self, start: int, end: int) -> None:
        self.used[start:end] = [True] * (end - start)

    def free_until(self, i: int) -> int:
        return next((k for k in range(i, len(self.words)) if self.used[k]), len(self.words))

    def marker(self, m: parts.Marker) -> None:
        if m.role in (parts.WARD, parts.DISTRICT):
            is_ward = m.role == parts.WARD
            if is_ward:
                self.ward_markers.append(m)
            found = self.place_words(m, self.ward_index if is_ward else self.district_index)
            if found is not None:
                found = self.mended(found, m.start)
                self.take(found.start, found.end)
                (self.wards if is_ward else self.districts).append(Mention(m.type, found, True))
        elif m.role in (parts.HOUSE, parts.ALLEY):
            read = parts.read_house(self.words, m.end, m.until)
            end = m.end
            if read is not None:
                self.take(m.end, read[1])
                end = read[1]
                if m.role == parts.HOUSE:
                    self.house = read[0]
                else:
                    self.alley = read[0]
            if end < m.until and (read is not None or m.role == parts.ALLEY):
                self.street = self.read_street(end, m.until) or self.street
        elif m.role == parts.STREET:
            self.street = self.read_street(m.end, m.until) or self.street
        elif m.role == parts.LOCALITY and (local := parts.read_locality(self.words, m)):
            self.take(m.end, min(m.until, m.end + max(1, len(local.split()) - len(m.type.split()))))
            self.localities.append(local)
        elif m.role == parts.FILLER and m.until - m.end <= 1:
            self.take(m.end, m.until)

    def place_words(self, m: parts.Marker, index: NameIndex[Any]) -> Match[Any] | None:
        """The number or name after a ward or district marker, whichever covers more words."""
        if m.end >= m.until:
            return None
        number = read_number(self.words[: m.until], m.end)
        if number is None and self.words[m.end] in ORDINALS:
            number = ORDINALS[self.words[m.end]], m.end + 1
        number = self.two_digits(number, m.until, index) or number
        if number and m.end + 1 < m.until and self.words[m.end + 1] == "mười":
            # "quận một mười hai lê lợi": District 1, then the house number 12
            first = self.words[m.end]
            number = (DIGITS[first], m.end + 1) if first in DIGITS else number
        # After a number only a name said right ("phường bảy hiền") beats it: no letter off.
        fuzzy = number is None
        name = index.match(self.words, m.end, m.until, fuzzy=fuzzy)
        if index is self.ward_index and self.districts:
            # A name not found, or found only outside the district said: look again among the
            # district's wards ("xã thanh an cần giờ" is Thạnh An of Cần Giờ, folded).
            district = self.districts[-1].match.items[0].name
            if name is None or not any(e.in_district(district) for e in name.items):
                here = index.match(
                    self.words, m.end, m.until, lambda e: e.in_district(district), fuzzy
                )
                name = here or name
        if number is None or (name is not None and name.end > number[1]):
            return name
        found = index.match([str(number[0])], 0)
        if found is None:
            return None
        return Match(found.items, m.end, number[1], found.score, found.name)

    def two_digits(
        self, number: tuple[int, int] | None, until: int, index: NameIndex[Any]
    ) -> tuple[int, int] | None:
        """A unit number said digit by digit ("phường hai bảy" is 27) when such a unit exists
        (in the district said, if one was)."""
        if number is None or number[0] >= 10 or number[1] >= until:
            return None
        second = self.words[number[1]]
        after = self.words[number[1] + 1] if number[1] + 1 < until else ""
        if second not in DIGITS or second == "không" or after in ("mươi", "trăm", "lăm"):
            return None
        value = number[0] * 10 + DIGITS[second]
        found = index.match([str(value)], 0)
        if found is None:
            return None
        if index is self.ward_index and self.districts:
            district = self.districts[-1].match.items[0].name
            if not any(e.in_district(district) for e in found.items):
                return None
        return value, number[1] + 1

    def read_street(self, start: int, end: int) -> str | None:
        stop = parts.street_span(self.words, start, end, self.district_at)
        self.take(start, stop)
        return parts.street_name(self.words[start:stop])

    def district_at(self, k: int) -> bool:
        m = self.district_index.match(self.words, k, fuzzy=False)
        return m is not None and m.end - m.start >= 2 and m.score == EXACT

    def lead_end(self, first: int) -> int:
        """Where the address starts before the first marker: after the lead-in words."""
        i = next((k + 1 for k in range(first - 1, -1, -1) if self.words[k] == "ở"), 0)
        while i < first and self.words[i] in LEAD_INS and not self.used[i]:
            i += 1
        return i

    def lead(self, first: int) -> None:
        """A house number (and its street) opening the address or right after a place name
        ("P.12, Q.Gò Vấp, 12/3 Nguyễn Oanh"), when no marker gave one."""
        places = [m.match.end for m in self.wards + self.districts]
        for i in [self.lead_end(first), *places]:
            if self.house is not None or self.alley is not None:
                return
            end = self.free_until(i)
            if i < end and (read := parts.read_house(self.words, i, end)) is not None:
                self.take(i, read[1])
                self.house = read[0]
                if self.street is None and read[1] < end:
                    self.street = self.read_street(read[1], end)

    def prefix_street(self, first: int) -> None:
        """Unread words (two or more) right before the first marker: the street, said bare.

        Not when they deny or doubt ("tui không nhớ phường"), nor at the end of the answer.
        """
        if self.street is not None or first >= len(self.words):
            return
        i = self.lead_end(first)
        end = self.free_until(i)
        if end - i >= 2 and end == first and not NOT_STREET.intersection(self.words[i:end]):
            self.street = self.read_street(i, end)

    def spot(self, index: NameIndex[Any]) -> list[Mention]:
        """Names of two words or more said without a marker, in words no other part took."""
        found: list[Mention] = []
        i = 0
        while i < len(self.words):
            m = (
                None
                if self.used[i]
                else index.match(self.words, i, self.free_until(i), fuzzy=False)
            )
            if m is not None and m.end - m.start >= 2:
                found.append(Mention("", self.mended(m, m.start), False))
                self.take(m.start, m.end)
                i = m.end
            else:
                i += 1
        return found
