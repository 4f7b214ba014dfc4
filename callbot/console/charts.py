"""Small bar charts drawn on the server as inline SVG (no script: the console's CSP allows none
inline, and no library from elsewhere).

Two shapes: :func:`column_chart` (one column per time slot, e.g. calls per hour) and
:func:`bar_chart` (one horizontal bar per row, stacked by series, e.g. waiting tickets per
unit). Colours are SVG presentation attributes, not ``style`` (which the CSP refuses). Every
chart is ``role="img"`` with a title and a description; each bar carries a ``<title>`` with
its figure (shown on hover). The numbers themselves are in the page's tables, next to the
chart: the chart is for the eye, the table for reading and for screen readers.

Every text put in a chart is escaped here (unit codes, names come from the database).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

FONT = 'font-family="system-ui, sans-serif" font-size="12"'
GRID = "#eaecf0"
INK = "#1d2430"
MUTED = "#667085"
BAR_HEIGHT = 18
ROW_HEIGHT = 26
CHAR_WIDTH = 7.5  # a generous average width of a 12 px character, to size label columns


@dataclass(frozen=True)
class Series:
    """One kind of quantity in a chart: its legend text and its colour."""

    label: str
    color: str


@dataclass(frozen=True)
class Column:
    """One column of a :func:`column_chart`."""

    value: float
    tick: str  # text under the axis ("" for none)
    tip: str  # shown on hover


@dataclass(frozen=True)
class Row:
    """One bar of a :func:`bar_chart`: a value per series, stacked left to right."""

    label: str
    values: tuple[float, ...]
    note: str  # text after the bar (the figures in words)
    tip: str = ""  # shown on hover; the note when empty


def number(value: float) -> str:
    """A figure as Vietnamese write it: a whole number as is, else one decimal after a comma."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


def nice_step(maximum: float, ticks: int = 4, *, whole: bool = False) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about ``ticks`` steps up to
    ``maximum``; 1 for an empty chart; at least 1 when ``whole`` (counts)."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(factor * power for factor in (1, 2, 5, 10) if raw <= factor * power)
    return max(1.0, float(step)) if whole else float(step)


def axis_ticks(maximum: float, ticks: int = 4, *, whole: bool = False) -> list[float]:
    """The axis values from 0 to the first round value at or above ``maximum``."""
    step = nice_step(maximum, ticks, whole=whole)
    top = max(step, math.ceil(maximum / step - 1e-9) * step)
    return [round(i * step, 10) for i in range(round(top / step) + 1)]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)] + "…"


def _open(ident: str, width: float, height: float, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(ident)}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="100%" role="img" '
        f'aria-labelledby="{escape(ident)}-title {escape(ident)}-desc">',
        f'<title id="{escape(ident)}-title">{escape(title)}</title>',
        f'<desc id="{escape(ident)}-desc">{escape(desc)}</desc>',
    ]


def _legend(series: Sequence[Series], right: float, y: float) -> list[str]:
    """Keys right-aligned at ``right``, on the line ``y``."""
    parts: list[str] = []
    x = right
    for item in reversed(series):
        x -= len(item.label) * CHAR_WIDTH + 8
        parts.append(
            f'<text x="{x:.1f}" y="{y + 10:.1f}" {FONT} fill="{INK}">{escape(item.label)}</text>'
        )
        x -= 16
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" fill="{escape(item.color)}"/>'
        )
        x -= 12
    return parts


def column_chart(
    columns: Sequence[Column],
    series: Series,
    *,
    ident: str,
    title: str,
    desc: str,
    width: int = 1200,
    height: int = 260,
) -> Markup:
    """Vertical bars side by side (a time series of counts), a value axis on the left, ticks
    below."""
    left, right, top, bottom = 44.0, 8.0, 24.0, 34.0
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = axis_ticks(max((c.value for c in columns), default=0), whole=True)
    scale = plot_h / ticks[-1]
    parts = _open(ident, width, height, title, desc)
    parts += _legend([series], width - right, 4)
    for value in ticks:
        y = top + plot_h - value * scale
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{width - right:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}"/>'
        )
        parts.append(
            f'<text x="{left - 6:.1f}" y="{y + 4:.1f}" {FONT} fill="{MUTED}" '
            f'text-anchor="end">{number(value)}</text>'
        )
    slot = plot_w / max(1, len(columns))
    gap = min(2.0, slot * 0.2)
    for i, column in enumerate(columns):
        x = left + i * slot
        bar = column.value * scale
        parts.append(
            f'<rect class="bar" x="{x + gap / 2:.1f}" y="{top + plot_h - bar:.1f}" '
            f'width="{slot - gap:.2f}" height="{bar:.1f}" fill="{escape(series.color)}">'
            f"<title>{escape(column.tip)}</title></rect>"
        )
        if column.tick:
            parts.append(
                f'<line x1="{x:.1f}" y1="{top + plot_h:.1f}" x2="{x:.1f}" '
                f'y2="{top + plot_h + 4:.1f}" stroke="{MUTED}"/>'
                f'<text x="{x:.1f}" y="{top + plot_h + 18:.1f}" {FONT} fill="{MUTED}" '
                f'text-anchor="start">{escape(column.tick)}</text>'
            )
    parts.append(
        f'<line x1="{left:.1f}" y1="{top + plot_h:.1f}" x2="{width - right:.1f}" '
        f'y2="{top + plot_h:.1f}" stroke="{MUTED}"/>'
    )
    parts.append("</svg>")
    return Markup("\n".join(parts))  # noqa: S704 - every text above is escaped


def bar_chart(
    rows: Sequence[Row],
    series: Sequence[Series],
    *,
    ident: str,
    title: str,
    desc: str,
    width: int = 620,
    axis_label: str = "",
    whole: bool = False,
) -> Markup:
    """Horizontal bars, one per row, each stacked by series, labels on the left, the row's
    note on the right; a value axis at the bottom (whole numbers only when ``whole``)."""
    label_chars = min(30, max((len(r.label) for r in rows), default=4))
    note_chars = min(28, max((len(r.note) for r in rows), default=0))
    left = 16 + label_chars * CHAR_WIDTH
    plot_w = width - left - 12 - note_chars * CHAR_WIDTH
    top = 24.0
    height = top + max(1, len(rows)) * ROW_HEIGHT + 40
    ticks = axis_ticks(max((sum(r.values) for r in rows), default=0), whole=whole)
    scale = plot_w / ticks[-1]
    plot_bottom = top + max(1, len(rows)) * ROW_HEIGHT
    parts = _open(ident, width, height, title, desc)
    parts += _legend(series, width - 8, 4)
    for value in ticks:
        x = left + value * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{plot_bottom:.1f}" '
            f'stroke="{GRID}"/>'
            f'<text x="{x:.1f}" y="{plot_bottom + 16:.1f}" {FONT} fill="{MUTED}" '
            f'text-anchor="middle">{number(value)}</text>'
        )
    if axis_label:
        parts.append(
            f'<text x="{left + plot_w:.1f}" y="{plot_bottom + 32:.1f}" {FONT} fill="{MUTED}" '
            f'text-anchor="end">{escape(axis_label)}</text>'
        )
    for i, row in enumerate(rows):
        y = top + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
        parts.append(
            f'<text x="{left - 8:.1f}" y="{y + 13:.1f}" {FONT} fill="{INK}" text-anchor="end">'
            f"<title>{escape(row.label)}</title>{escape(_clip(row.label, label_chars))}</text>"
        )
        x = left
        for value, item in zip(row.values, series, strict=True):
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{value * scale:.1f}" '
                f'height="{BAR_HEIGHT}" fill="{escape(item.color)}">'
                f"<title>{escape(row.tip or row.note)}</title></rect>"
            )
            x += value * scale
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + 13:.1f}" {FONT} fill="{INK}">'
            f"{escape(_clip(row.note, note_chars))}</text>"
        )
    parts.append("</svg>")
    return Markup("\n".join(parts))  # noqa: S704 - every text above is escaped
