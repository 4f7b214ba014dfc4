"""Place words -> gazetteer units: the old ward and district, the 2025 unit(s), the alternatives.

:mod:`callbot.understanding.address` finds the words said after "phường"/"xã"/... and
"quận"/"huyện"/... (or a name said alone) and matches them with :func:`indexes`; this module
decides what they mean (:func:`place`). ``ward``/``district`` are old canonical names:

- with a district: the ward of that name (or former name, "phường ba quận năm" -> Phường 2) in
  it; a 2025 unit name with an old district ("phường chánh hưng quận tám") gives ``new_units``
  and the district, no ward; a ward not in that district gives no ward and the readings
  elsewhere as ``candidates``.
- a 2025 unit name: ``new_units=[it]``; if exactly one old ward of that name lies in it
  ("phường bến thành", "xã bình hưng") its ward and district are given too; otherwise the
  district when all the unit's old wards were in one ("phường chánh hưng" -> Quận 8); old wards
  of that name outside it ("phường tân phú": Quận 7 and Thủ Đức; the 2025 unit is the former
  Quận Tân Phú) become ``candidates``, the 2025 reading first.
- an old name in one district implies the district ("phường hai mươi bảy" -> Quận Bình Thạnh).
- an old name in several ("phường năm" alone): ``ward`` set (the name they share), ``district``
  null, every reading in ``candidates`` (current names first, then wards that had the name
  before a merge), ``new_units`` only if all readings agree.
- a split old ward gives all its 2025 units, the package's default first.

``confidence`` multiplies the match tiers of the ward and the district words with 0.95 for an
implied district, 0.9 for a former name or a name said without its marker, 0.6 for a 2025 name
with other old readings, 0.5 for an ambiguous ward or a ward not in the district said.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from callbot.understanding.gazetteer import (
    District,
    NewUnit,
    OldWard,
    load_gazetteer,
    short_of,
    type_of,
)
from callbot.understanding.placenames import Match, NameIndex


@dataclass(frozen=True)
class Candidate:
    """One reading of an ambiguous ward; a 2025-unit reading has no ward or district."""

    ward: str | None
    district: str | None
    new_units: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """As JSON data, for :meth:`AddressResult.as_dict`."""
        return {"ward": self.ward, "district": self.district, "new_units": list(self.new_units)}


@dataclass(frozen=True)
class Placement:
    """Where the words put the address (fields as in the module docstring)."""

    ward: str | None = None
    district: str | None = None
    new_units: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    confidence: float = 0.0


@dataclass(frozen=True)
class WardEntry:
    """An index entry: an old ward by its name ("old") or former name ("alias"), or a 2025 unit."""

    kind: str
    type: str
    old: OldWard | None = None
    new: NewUnit | None = None

    def in_district(self, district: str) -> bool:
        """An old ward of ``district``, or a 2025 unit with old wards in it."""
        if self.old is not None:
            return self.old.district == district
        return self.new is not None and any(d == district for _, d in self.new.old_wards)

    def reading(self) -> Candidate:
        """This entry as a reading of the words: its old ward and district, or a 2025 unit alone."""
        if self.old is not None:
            return Candidate(self.old.name, self.old.district, self.old.new_units)
        return Candidate(None, None, (self.new.name,) if self.new else ())


@dataclass(frozen=True)
class Mention:
    """A place said: its marker's type ("" without one) and what the words matched."""

    type: str
    match: Match[Any]
    anchored: bool


@functools.cache
def indexes() -> tuple[NameIndex[WardEntry], NameIndex[District]]:
    """Ward-level and district-level name indexes over :func:`load_gazetteer`."""
    g = load_gazetteer()
    wards: list[tuple[str, WardEntry]] = []
    for w in g.iter_old_wards():
        wards.append((w.short, WardEntry("old", w.type, old=w)))
        wards.extend((short_of(a), WardEntry("alias", type_of(a), old=w)) for a in w.aliases)
    wards.extend((u.short, WardEntry("new", u.type, new=u)) for u in g.iter_new_units())
    districts = [(short_of(d.name), d) for d in g.districts]
    districts += [(short_of(a), d) for d in g.districts for a in d.aliases]
    return NameIndex(wards), NameIndex(districts, fuzzy_min=5)


def place(wards: list[Mention], dm: Mention | None) -> Placement:
    """The placement of the ward mentions (in order said) and the district mention.

    Of several ward mentions ("phường chợ quán quận năm cũ là phường hai") the last one naming
    an old ward wins, else the last one (a correction comes last); but an old ward followed by
    the 2025 unit it became ("phường hiệp tân ... giờ là phường phú thạnh") is that ward, with
    that unit.
    """
    if not wards:
        if dm is None:
            return Placement()
        return Placement(district=dm.match.items[0].name, confidence=_district_score(dm))
    readings = [_ward(wm, dm) for wm in wards]
    for k, reading in enumerate(readings):
        restated = _restated(reading, wards[k + 1 :])
        if restated is not None:  # "phường hiệp tân ... giờ là phường phú thạnh"
            return Placement(reading.ward, reading.district, (restated,), (), reading.confidence)
    return next((r for r in reversed(readings) if r.ward is not None), readings[-1])


def _restated(reading: Placement, later: list[Mention]) -> str | None:
    """The 2025 unit an old ward became, said again after it by its 2025 name, if it was."""
    if reading.ward is None:
        return None
    for wm in later:
        for entry in wm.match.items:
            if entry.kind == "new" and entry.new and entry.new.name in reading.new_units:
                return str(entry.new.name)
    return None


def _district_score(dm: Mention | None) -> float:
    return 1.0 if dm is None else dm.match.score * (1.0 if dm.anchored else 0.9)


def _ward(wm: Mention, dm: Mention | None) -> Placement:
    confidence = _district_score(dm) * wm.match.score * (1.0 if wm.anchored else 0.9)
    entries: list[WardEntry] = list(wm.match.items)
    entries = [e for e in entries if e.type == wm.type] or entries
    olds = _distinct([e for e in entries if e.kind == "old"])
    aliases = [e for e in _distinct([e for e in entries if e.kind == "alias"]) if e not in olds]
    news = [e.new for e in entries if e.kind == "new" and e.new is not None]
    if dm is not None:
        return _in_district(dm.match.items[0], olds + aliases, news, confidence)
    if news:
        return _new_unit(news[0], olds, aliases, confidence)
    return _old_names(olds, aliases, confidence)


def _in_district(
    district: District, olds: list[WardEntry], news: list[NewUnit], confidence: float
) -> Placement:
    here = [e for e in olds if e.old is not None and e.old.district == district.name]
    if here and here[0].old is not None:
        factor = 1.0 if here[0].kind == "old" else 0.9
        return _old(here[0].old, confidence * factor)
    if news:
        return Placement(None, district.name, (news[0].name,), (), confidence)
    readings = tuple(e.reading() for e in olds)
    return Placement(None, district.name, (), readings, confidence * 0.5)


def _new_unit(
    unit: NewUnit, olds: list[WardEntry], aliases: list[WardEntry], confidence: float
) -> Placement:
    inside = [e.old for e in olds if e.old is not None and unit.name in e.old.new_units]
    if len(inside) == 1 and inside[0] is not None:
        old = inside[0]
        return Placement(old.name, old.district, (unit.name,), (), confidence * 0.95)
    districts = {d for _, d in unit.old_wards}
    district = districts.pop() if len(districts) == 1 else None
    factor = 0.95 if district else 1.0
    others = tuple(e.reading() for e in olds + aliases if e.old not in inside)
    if not others:
        return Placement(None, district, (unit.name,), (), confidence * factor)
    readings = (Candidate(None, district, (unit.name,)), *others)
    return Placement(None, district, (unit.name,), readings, confidence * factor * 0.6)


def _old_names(olds: list[WardEntry], aliases: list[WardEntry], confidence: float) -> Placement:
    group, factor = (olds, 1.0) if olds else (aliases, 0.9)
    if not group:
        return Placement(confidence=confidence * 0.5)
    if len(group) == 1 and group[0].old is not None:
        return _old(group[0].old, confidence * factor * 0.95)
    readings = tuple(e.reading() for e in olds + aliases)
    names = {e.old.name for e in group if e.old is not None}
    units = {r.new_units for r in readings}
    return Placement(
        ward=names.pop() if len(names) == 1 else None,
        new_units=units.pop() if len(units) == 1 else (),
        candidates=readings,
        confidence=confidence * 0.5,
    )


def _old(ward: OldWard, confidence: float) -> Placement:
    return Placement(ward.name, ward.district, ward.new_units, (), confidence)


def _distinct(entries: list[WardEntry]) -> list[WardEntry]:
    """One entry per old ward (a ward may carry a former name twice: "phuong6", "phuong06")."""
    seen: dict[tuple[str, str], WardEntry] = {}
    for e in entries:
        if e.old is not None:
            seen.setdefault((e.old.name, e.old.district), e)
    return list(seen.values())
