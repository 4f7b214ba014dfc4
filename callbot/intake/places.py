"""The ward picker of written requests: every ward a citizen may name, old and 2025.

Since 1 July 2025 HCMC has 168 wards, communes and a special zone and no districts, but people
still say the old names: a ward of one of the 22 districts ("Phường 2, Quận 5"), or even a
name older than the January 2025 merges ("Phường 3, Quận 5", merged into Phường 2). The picker
offers all of them, from the gazetteer (:mod:`callbot.understanding.gazetteer`, offline):

- the 2025 units, by name ("Phường Chợ Quán");
- each old district's wards, "Phường 2, Quận 5", saying which 2025 unit they became (or the
  ones they were split between);
- the older names of merged wards, "Phường 3, Quận 5", saying which ward took them.

A choice's value is its canonical name: what the request stores as its ``ward`` answer, and
what the address parser reads back exactly (a test holds every one), so a picked ward routes
the ticket through the same understanding as a spoken address.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from callbot.understanding.gazetteer import load_gazetteer
from callbot.understanding.text import fold


@dataclass(frozen=True)
class Choice:
    """One ward in the picker: the value sent and the Vietnamese text shown."""

    value: str
    label: str


@dataclass(frozen=True)
class Group:
    """The picker's choices under one heading (an ``<optgroup>``)."""

    label: str
    choices: tuple[Choice, ...]


NEW_HEADING = "Phường, xã, đặc khu (từ 1/7/2025)"
OLD_HEADING = "{district} (tên cũ, trước 1/7/2025)"


def _became(name: str, new_units: tuple[str, ...]) -> str:
    if not new_units:
        return ""
    if new_units == (name,):
        return " (giữ tên)"
    return " → nay là " + " hoặc ".join(new_units)


@functools.cache
def ward_groups() -> tuple[Group, ...]:
    """The picker's groups: the 2025 units, then each old district's wards and older names."""
    gazetteer = load_gazetteer()
    groups = [
        Group(
            NEW_HEADING,
            tuple(
                Choice(unit.name, unit.name)
                for unit in sorted(gazetteer.iter_new_units(), key=lambda u: fold(u.name))
            ),
        )
    ]
    for district in gazetteer.districts:
        choices: list[Choice] = []
        for ward in gazetteer.old_wards_in(district.name):
            became = _became(ward.name, ward.new_units)
            choices.append(Choice(f"{ward.name}, {district.name}", f"{ward.name}{became}"))
            for alias in ward.aliases:
                choices.append(
                    Choice(
                        f"{alias}, {district.name}",
                        f"{alias} (đã nhập vào {ward.name}){_became('', ward.new_units)}",
                    )
                )
        if choices:
            groups.append(Group(OLD_HEADING.format(district=district.name), tuple(choices)))
    return tuple(groups)


@functools.cache
def _values() -> frozenset[str]:
    return frozenset(choice.value for group in ward_groups() for choice in group.choices)


def is_ward_choice(value: str) -> bool:
    """Whether ``value`` is one of the picker's values."""
    return value in _values()


def ward_names() -> list[str]:
    """Every value the picker accepts (the API's ``ward``), in the picker's order."""
    seen: dict[str, None] = {}
    for group in ward_groups():
        for choice in group.choices:
            seen.setdefault(choice.value)
    return list(seen)
