"""The SVG charts: round axis steps, Vietnamese figures, bars proportional to their values,
stacked series, titles for screen readers, and every text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from callbot.console.charts import (
    Column,
    Row,
    Series,
    axis_ticks,
    bar_chart,
    column_chart,
    nice_step,
    number,
)

SVG = "{http://www.w3.org/2000/svg}"
BLUE, GREY = Series("Cuộc gọi", "#0b57b0"), Series("Đang xử lý", "#98a2b3")


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))  # noqa: S314 - our own output


def bars(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}rect") if e.get("class") == "bar"]


@pytest.mark.parametrize(
    ("maximum", "step", "ticks"),
    [
        (0, 1.0, [0, 1]),
        (3, 1.0, [0, 1, 2, 3]),
        (7, 2.0, [0, 2, 4, 6, 8]),
        (38, 10.0, [0, 10, 20, 30, 40]),
        (40, 10.0, [0, 10, 20, 30, 40]),
        (1234, 500.0, [0, 500, 1000, 1500]),
        (0.7, 0.2, [0, 0.2, 0.4, 0.6, 0.8]),
    ],
)
def test_axis_steps_are_round(maximum: float, step: float, ticks: list[float]) -> None:
    assert nice_step(maximum) == pytest.approx(step)
    assert axis_ticks(maximum) == pytest.approx(ticks)


def test_figures_are_written_the_vietnamese_way() -> None:
    assert (number(0), number(12), number(12345), number(2.5)) == ("0", "12", "12.345", "2,5")


def test_column_chart_draws_one_bar_per_column_in_proportion() -> None:
    columns = [Column(v, "0h" if i == 0 else "", f"{i}h: {v}") for i, v in enumerate([0, 2, 4, 1])]
    root = parse(column_chart(columns, BLUE, ident="calls", title="Cuộc gọi", desc="Theo giờ"))
    assert root.get("role") == "img" and root.get("aria-labelledby") == "calls-title calls-desc"
    assert root.findtext(f"{SVG}title") == "Cuộc gọi" and root.findtext(f"{SVG}desc") == "Theo giờ"
    drawn = bars(root)
    assert len(drawn) == 4
    heights = [float(b.get("height", "0")) for b in drawn]
    assert heights[0] == 0 and heights[2] == pytest.approx(2 * heights[1])
    assert heights[2] == pytest.approx(4 * heights[3])
    assert [b.findtext(f"{SVG}title") for b in drawn][1] == "1h: 2"
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "0h" in texts and "Cuộc gọi" in texts  # a tick and the legend
    assert all(b.get("fill") == "#0b57b0" and b.get("style") is None for b in drawn)


def test_bar_chart_stacks_series_and_escapes_every_text() -> None:
    rows = [
        Row("U1", (3, 1), "4"),
        Row('<script>alert("x")</script>', (1, 0), "1 & more", tip="a < b"),
    ]
    markup = bar_chart(rows, (BLUE, GREY), ident="w", title="Chờ <xử lý>", desc="d & d")
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    root = parse(markup)
    drawn = bars(root)
    assert len(drawn) == 4
    widths = [float(b.get("width", "0")) for b in drawn]
    assert widths[0] == pytest.approx(3 * widths[1], abs=0.5) and widths[3] == 0
    assert float(drawn[1].get("x", "0")) == pytest.approx(
        float(drawn[0].get("x", "0")) + widths[0], abs=0.11
    )
    assert [drawn[0].get("fill"), drawn[1].get("fill")] == ["#0b57b0", "#98a2b3"]
    assert drawn[2].findtext(f"{SVG}title") == "a < b"
    assert root.findtext(f"{SVG}title") == "Chờ <xử lý>"
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "Đang xử lý" in labels and "1 & more" in labels


def test_long_labels_are_clipped_with_the_whole_label_on_hover() -> None:
    name = "Ủy ban nhân dân phường có một cái tên rất dài, dài hơn chỗ dành cho nó"
    root = parse(bar_chart([Row(name, (1.0,), "1")], (BLUE,), ident="x", title="t", desc="d"))
    label = next(t for t in root.iter(f"{SVG}text") if t.findtext(f"{SVG}title") == name)
    assert label.findtext(f"{SVG}title") == name
    shown = "".join(label.itertext()).replace(name, "")
    assert shown.endswith("…") and len(shown) <= 34
