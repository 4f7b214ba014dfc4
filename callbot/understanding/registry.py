"""Kind name -> parser, for ``callbot parse``, ``callbot eval parse`` and the tickets.

The parsers are imported lazily so that ``callbot parse phone`` does not load the gazetteer;
a server warms them all up before it takes calls (:func:`warm_up`), so that no caller waits for
the gazetteer and the need model to load (a second or more on a busy 2-core machine).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Protocol


class ParseResult(Protocol):
    """What every parser returns."""

    confidence: float

    def as_dict(self) -> dict[str, Any]:
        """The result as JSON data: what ``callbot parse`` prints and a ticket's fields keep."""
        ...


KINDS: dict[str, tuple[str, str]] = {
    "name": ("callbot.understanding.name", "parse_name"),
    "phone": ("callbot.understanding.phone", "parse_phone"),
    "address": ("callbot.understanding.address", "parse_address"),
    "need": ("callbot.understanding.need", "parse_need"),
}


def parser(kind: str) -> Callable[[str], ParseResult]:
    """The parser of ``kind`` (one of :data:`KINDS`)."""
    module, attr = KINDS[kind]
    func: Callable[[str], ParseResult] = getattr(importlib.import_module(module), attr)
    return func


def parse(kind: str, text: str) -> dict[str, Any]:
    """``parser(kind)(text).as_dict()``: the JSON shape ``callbot parse`` prints."""
    return parser(kind)(text).as_dict()


def warm_up() -> None:
    """Import every parser and run it once, loading what it loads lazily (the gazetteer, the
    need parser's statistical model)."""
    for kind in KINDS:
        parser(kind)("dạ")
