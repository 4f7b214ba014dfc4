"""The issue 13 set: a development part and a locked part, well-formed, stratified, apart; and
the second development part written later, apart again, with its own shape.

These tests read the labels only; no parser runs on the locked part here (its figures come
from ``callbot eval parse``, its wrong answers never from a test, and a text the second
development part shares with it is counted, never shown).
"""

from __future__ import annotations

import collections
import re

import pytest

import callbot.lab.evaluate as ev
from tests.support.parse_sets import (
    OLD_DISTRICTS,
    check_new_units_follow_the_mapping,
    check_unit_names,
    units,
)

# Fixed-line area codes (0 + code + subscriber = 11 digits); those of the provinces merged in
# 2025 stay in use side by side (Ministry of Science and Technology, letter 2784/BKHCN-CVT).
AREA_CODES = {"028": 8, "024": 8, "0274": 7, "0254": 7, "0251": 7, "0272": 7, "0292": 7}
AREA_CODES |= {"0236": 7, "0276": 7}
AREA_CODES |= {"0234": 7, "0258": 7, "0225": 7, "0273": 7, "0297": 7}  # Huế, Khánh Hòa, ...
CATEGORY_OF_SERVICE = {"115": "medical", "114": "other", "113": "violation"}


@pytest.fixture(scope="module")
def dev() -> list[ev.Case]:
    return ev.load_set(ev.dev_set_file())


@pytest.fixture(scope="module")
def locked() -> list[ev.Case]:
    return ev.load_set(ev.locked_set_file())


@pytest.fixture(scope="module")
def dev3() -> list[ev.Case]:
    return ev.load_set(ev.set_file("parse_dev3.jsonl"))


def _services(cases: list[ev.Case]) -> collections.Counter[str]:
    return collections.Counter(c.expect["service"] for c in cases if "service" in c.expect)


def _not_emergencies(cases: list[ev.Case]) -> list[dict[str, object]]:
    """The labels of the needs that are no emergency, each emergency checked on the way: it
    names its number, and its category is that of its service."""
    needs = [c for c in cases if c.kind == "need"]
    for c in needs:
        emergency = c.expect["urgency"] == "emergency"
        assert emergency == ("service" in c.expect), c.id
        if emergency:
            assert c.expect["category"] == CATEGORY_OF_SERVICE[c.expect["service"]], c.id
    return [c.expect for c in needs if c.expect["urgency"] != "emergency"]


def _as_vosk_writes(cases: list[ev.Case], locked: list[ev.Case]) -> list[str]:
    """The texts, checked unique, lowercase, unpunctuated, without digits and apart from the
    labelled set, the hold-out set and the locked part (whose shared texts are counted only)."""
    texts = [c.text for c in cases]
    assert len(set(texts)) == len(texts)
    for c in cases:
        assert c.text == c.text.lower().strip(), c.id
        assert not re.search(r"[0-9,.?!;:]|  ", c.text), c.id
    seen = {c.text for c in ev.load_set(ev.default_set_file())}
    seen |= {c.text for c in ev.load_set(ev.holdout_set_file())}
    assert seen.isdisjoint(texts)
    shared = len({c.text for c in locked} & set(texts))
    assert shared == 0, f"{shared} texts also in the locked part (not shown)"
    return texts


def test_parts_are_large_enough_and_split_about_40_60(
    dev: list[ev.Case], locked: list[ev.Case]
) -> None:
    assert len(dev) + len(locked) >= 420
    assert 0.35 <= len(dev) / (len(dev) + len(locked)) <= 0.45
    assert all(c.id.startswith("dev2-") for c in dev)
    assert all(c.id.startswith(ev.LOCKED_ID_PREFIX) for c in locked)
    assert ev.is_locked(ev.locked_set_file(), locked)
    assert not ev.is_locked(ev.dev_set_file(), dev)
    for part in (dev, locked):
        kinds = collections.Counter(c.kind for c in part)
        assert set(kinds) == set(ev.REQUIRED)
        assert min(kinds.values()) >= 15


def test_every_service_has_enough_emergencies_in_each_part(
    dev: list[ev.Case], locked: list[ev.Case]
) -> None:
    assert all(_services(locked)[s] >= 40 for s in ev.SERVICES), _services(locked)
    assert all(_services(dev)[s] >= 25 for s in ev.SERVICES), _services(dev)
    for c in dev + locked:
        if c.kind != "need":
            continue
        emergency = c.expect["urgency"] == "emergency"
        assert emergency == ("service" in c.expect), c.id  # every emergency names its number
        if emergency:
            assert c.expect["category"] == CATEGORY_OF_SERVICE[c.expect["service"]], c.id
    for part in (dev, locked):
        needs = [c.expect for c in part if c.kind == "need"]
        not_emergency = [e for e in needs if e["urgency"] != "emergency"]
        assert len(not_emergency) >= 30
        assert {e["urgency"] for e in not_emergency} == {"high", "normal"}


def test_texts_are_as_vosk_writes_them_and_new(dev: list[ev.Case], locked: list[ev.Case]) -> None:
    old = {c.text for c in ev.load_set(ev.default_set_file())}
    old |= {c.text for c in ev.load_set(ev.holdout_set_file())}
    texts = [c.text for c in dev + locked]
    assert len(set(texts)) == len(texts)
    assert old.isdisjoint(texts)
    for c in dev + locked:
        assert c.text == c.text.lower().strip(), c.id
        assert not re.search(r"[0-9,.?!;:]|  ", c.text), c.id


def test_addresses_cover_every_old_district_in_both_parts_and_real_units(
    dev: list[ev.Case], locked: list[ev.Case]
) -> None:
    for part in (dev, locked):
        addresses = [c for c in part if c.kind == "address"]
        assert {c.expect["district"] for c in addresses} - {None} == OLD_DISTRICTS
        check_unit_names(addresses)
        check_new_units_follow_the_mapping(addresses)
    named = {u for c in dev + locked if c.kind == "address" for u in c.expect.get("new_units", [])}
    assert len(named) >= 60
    assert len(named & units().new) == len(named)
    said_alone = [c for c in dev + locked if c.kind == "address" and c.expect["ward"] is None]
    assert len({u for c in said_alone for u in c.expect.get("new_units", [])}) >= 40


def _phone_kinds(cases: list[ev.Case]) -> collections.Counter[str]:
    kinds: collections.Counter[str] = collections.Counter()
    for c in cases:
        if c.kind != "phone":
            continue
        phone, valid = c.expect["phone"], c.expect["valid"]
        assert valid is (phone is not None), c.id
        if phone is None:
            kinds["none"] += 1
        elif re.fullmatch(r"0[35789]\d{8}", phone):
            kinds["mobile"] += 1
        else:
            code = phone[:3] if phone[:3] in AREA_CODES else phone[:4]
            assert code in AREA_CODES and len(phone) == len(code) + AREA_CODES[code], c.id
            kinds["028" if code == "028" else "other landline"] += 1
    return kinds


def test_phone_labels_are_mobiles_or_landlines(dev: list[ev.Case], locked: list[ev.Case]) -> None:
    kinds = _phone_kinds(dev + locked)
    assert kinds["028"] >= 8 and kinds["other landline"] >= 8
    assert kinds["mobile"] >= 25 and kinds["none"] >= 6


def test_second_development_part_is_large_mostly_needs_and_not_locked(
    dev3: list[ev.Case],
) -> None:
    assert len(dev3) >= 450
    assert all(c.id.startswith("dev3-") for c in dev3)
    assert not ev.is_locked(ev.set_file("parse_dev3.jsonl"), dev3)
    assert ("second development part", ev.set_file("parse_dev3.jsonl")) in ev.standard_sets()
    kinds = collections.Counter(c.kind for c in dev3)
    assert set(kinds) == set(ev.REQUIRED) and min(kinds.values()) >= 15
    assert kinds["need"] >= 0.6 * len(dev3)


def test_second_development_part_has_90_emergencies_per_service_and_110_look_alikes(
    dev3: list[ev.Case],
) -> None:
    assert all(_services(dev3)[s] >= 90 for s in ev.SERVICES), _services(dev3)
    not_emergency = _not_emergencies(dev3)
    assert len(not_emergency) >= 110
    assert {e["urgency"] for e in not_emergency} == {"high", "normal"}
    assert {e["category"] for e in not_emergency} == set(ev.CATEGORIES)


def test_second_development_part_is_as_vosk_writes_it_and_new(
    dev3: list[ev.Case], dev: list[ev.Case], locked: list[ev.Case]
) -> None:
    texts = _as_vosk_writes(dev3, locked)
    assert {c.text for c in dev}.isdisjoint(texts)


def test_second_development_part_covers_every_district_with_real_units_and_phones(
    dev3: list[ev.Case],
) -> None:
    addresses = [c for c in dev3 if c.kind == "address"]
    assert {c.expect["district"] for c in addresses} - {None} == OLD_DISTRICTS
    check_unit_names(addresses)
    check_new_units_follow_the_mapping(addresses)
    alone = {
        u for c in addresses if c.expect["ward"] is None for u in c.expect.get("new_units", [])
    }
    assert len(alone) >= 15
    kinds = _phone_kinds(dev3)
    assert kinds["028"] >= 6 and kinds["other landline"] >= 6
    assert kinds["mobile"] >= 15 and kinds["none"] >= 6


@pytest.fixture(scope="module")
def dev4() -> list[ev.Case]:
    return ev.load_set(ev.set_file("parse_dev4.jsonl"))


def test_third_development_part_has_40_emergencies_per_service_and_look_alikes(
    dev4: list[ev.Case],
) -> None:
    assert len(dev4) >= 400
    assert all(c.id.startswith("dev4-") for c in dev4)
    assert not ev.is_locked(ev.set_file("parse_dev4.jsonl"), dev4)
    assert ("third development part", ev.set_file("parse_dev4.jsonl")) in ev.standard_sets()
    assert all(_services(dev4)[s] >= 40 for s in ev.SERVICES), _services(dev4)
    not_emergency = _not_emergencies(dev4)
    assert len(not_emergency) >= 200
    assert {e["category"] for e in not_emergency} == set(ev.CATEGORIES)


def test_third_development_part_is_as_vosk_writes_it_new_and_real(
    dev4: list[ev.Case], dev3: list[ev.Case], dev: list[ev.Case], locked: list[ev.Case]
) -> None:
    texts = _as_vosk_writes(dev4, locked)
    assert {c.text for c in dev + dev3}.isdisjoint(texts)
    addresses = [c for c in dev4 if c.kind == "address"]
    assert {c.expect["district"] for c in addresses} == OLD_DISTRICTS
    check_unit_names(addresses)
    kinds = _phone_kinds(dev4)
    assert kinds["028"] >= 4 and kinds["other landline"] >= 5
    assert kinds["mobile"] >= 15 and kinds["none"] >= 6


# The development parts of needs only, written apart one after another: (name, file, at least
# so many needs, emergencies per service, needs that are none).
_NEED_PARTS = tuple(f"parse_dev{n}.jsonl" for n in range(4, 34))


@pytest.mark.parametrize(
    ("name", "part", "size", "per_service", "none"),
    [
        ("fourth development part", "parse_dev5.jsonl", 300, 40, 150),
        ("fifth development part", "parse_dev6.jsonl", 720, 150, 270),
        ("sixth development part", "parse_dev7.jsonl", 1400, 265, 605),
        ("seventh development part", "parse_dev8.jsonl", 2879, 485, 1324),
        ("eighth development part", "parse_dev9.jsonl", 480, 65, 230),
        ("ninth development part", "parse_dev10.jsonl", 480, 35, 295),
        ("tenth development part", "parse_dev11.jsonl", 480, 90, 210),
        ("eleventh development part", "parse_dev12.jsonl", 480, 90, 210),
        ("twelfth development part", "parse_dev13.jsonl", 480, 40, 200),
        ("thirteenth development part", "parse_dev14.jsonl", 480, 40, 200),
        ("fourteenth development part", "parse_dev15.jsonl", 480, 40, 200),
        ("fifteenth development part", "parse_dev16.jsonl", 480, 40, 200),
        ("sixteenth development part", "parse_dev17.jsonl", 480, 40, 200),
        ("seventeenth development part", "parse_dev18.jsonl", 719, 55, 300),
        ("eighteenth development part", "parse_dev19.jsonl", 719, 60, 270),
        ("nineteenth development part", "parse_dev20.jsonl", 480, 50, 200),
        ("twentieth development part", "parse_dev21.jsonl", 479, 95, 135),
        ("twenty-first development part", "parse_dev22.jsonl", 480, 40, 200),
        ("twenty-second development part", "parse_dev23.jsonl", 720, 120, 240),
    ],
)
def test_development_parts_of_needs_are_written_apart_and_new(
    name: str,
    part: str,
    size: int,
    per_service: int,
    none: int,
    dev: list[ev.Case],
    dev3: list[ev.Case],
    locked: list[ev.Case],
) -> None:
    """Each is needs only, as Vosk writes them, with enough emergencies of each service and
    needs that are none of every category, and shares no text with the locked part nor with
    any part written before it."""
    path = ev.set_file(part)
    cases = ev.load_set(path)
    prefix = path.stem.removeprefix("parse_") + "-"
    assert len(cases) >= size and all(c.id.startswith(prefix) for c in cases)
    assert all(c.kind == "need" for c in cases) and not ev.is_locked(path, cases)
    assert (name, path) in ev.standard_sets()
    assert all(_services(cases)[s] >= per_service for s in ev.SERVICES), _services(cases)
    not_emergency = _not_emergencies(cases)
    assert len(not_emergency) >= none
    assert {e["category"] for e in not_emergency} == set(ev.CATEGORIES)
    texts = _as_vosk_writes(cases, locked)
    before = _NEED_PARTS[: _NEED_PARTS.index(part)]
    earlier = dev + dev3 + [c for f in before for c in ev.load_set(ev.set_file(f))]
    assert {c.text for c in earlier}.isdisjoint(texts)


def test_the_parts_kept_for_the_rules_are_scored_but_not_learnt() -> None:
    """Sessions 14's to 16's parts are scored like every other (``callbot eval parse``) but
    the need model does not learn them: retrained with session 14's, it lost a 113 of the
    locked part; session 15 did not retrain it; retrained with all of them in session 16, it
    was no better on the parts it had not learnt."""
    from callbot.lab.parse_sets import SETS, training_sets

    learnt = {path.name for _, path in training_sets()}
    kept = {s.file for s in SETS if not s.learnt}
    assert kept == {f"parse_dev{n}.jsonl" for n in range(19, 34)}
    assert not kept & learnt
    assert all(ev.set_file(f) in {p for _, p in ev.standard_sets()} for f in kept)
    assert "parse_dev18.jsonl" in learnt and "parse_locked.jsonl" not in learnt
