"""The dashboard and the CSV export over HTTP (real SQLite), the CSV itself (BOM, quoting,
times, formula injection), and ``callbot tickets export``."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from starlette.testclient import TestClient

from callbot import cli
from callbot.console import labels
from callbot.console.export import VIETNAM, cells, filename, parse_bound, safe_cell, write_csv
from callbot.errors import InvalidInput
from callbot.operators.stats import ExportRow
from callbot.tickets.models import utc_now
from tests.support.console import Site, login
from tests.support.seed import Seed

pytestmark = pytest.mark.both_databases

MINUTE = timedelta(minutes=1)


class World:
    """The console (users ana and binh of U1, chi of U2, sup) and tickets of both units."""

    def __init__(self, site: Site) -> None:
        self.site = site
        seed = Seed(site.engine, now=utc_now())
        called = seed.ticket(timedelta(hours=2), category="medical", status="closed")
        seed.event(called, "claim", 3 * MINUTE)
        seed.event(called, "callback", 6 * MINUTE)
        claimed = seed.ticket(timedelta(hours=1), category="food", status="claimed")
        seed.event(claimed, "claim", 20 * MINUTE)
        seed.ticket(timedelta(minutes=30), category="food", name="Nguyễn Văn An")
        seed.ticket(
            timedelta(minutes=10),
            unit="U2",
            category="financial",
            name='=HYPERLINK("http://x","bấm")',
            callback_number="+84901234567",
        )
        seed.ticket(timedelta(days=3), category="other", status="closed")

    @contextlib.contextmanager
    def client(self, name: str | None = None) -> Iterator[TestClient]:
        """A client, logged in as ``name`` when given."""
        with self.site.client() as client:
            if name is not None:
                assert login(client, name) == "303"
            yield client


@pytest.fixture
def world(site: Site) -> World:
    """The console tests' site (``conftest.py``) with this module's helpers."""
    return World(site)


def read_csv(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def test_the_queue_links_to_the_dashboard(world: World) -> None:
    with world.client("ana") as client:
        assert 'href="/dashboard"' in client.get("/").text


def test_a_supervisor_sees_every_chart_and_table(world: World) -> None:
    with world.client("sup") as client:
        page = client.get("/dashboard")
        assert page.status_code == 200
        html = page.text
        for chart in ("calls", "waiting-category", "waiting-unit", "delay-category", "delay-unit"):
            assert (
                f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-{chart}"' in html
            )
        for table in ("calls", "waiting-category", "waiting-unit", "delay-category", "delay-unit"):
            assert f'id="table-{table}"' in html
        assert '<span id="calls-total">4</span>' in html  # the 3-day-old ticket is out
        assert '<span id="waiting-total">3</span>' in html
        legend = html.split('id="delay-legend">')[1].split("</p>")[0]
        assert "cuộc gọi lại đầu tiên (1 phiếu)" in legend
        assert "đóng phiếu đầu tiên (1 phiếu)" in legend and "Chưa được xử lý: 2 phiếu" in legend
        assert "6 phút" in html and "20 phút" in html  # the two delays
        assert (
            "<script>" not in html
            and "default-src 'self'" in page.headers["content-security-policy"]
        )
        week = client.get("/dashboard?period=7d").text
        assert '<span id="calls-total">5</span>' in week
        one_unit = client.get("/dashboard?unit=U2").text
        assert '<span id="calls-total">1</span>' in one_unit
        assert client.get("/dashboard?period=nonsense").status_code == 200


def test_an_operator_sees_their_unit_only(world: World) -> None:
    with world.client("ana") as ana, world.client("chi") as chi:
        html = ana.get("/dashboard").text
        assert '<span id="calls-total">3</span>' in html
        assert '<th scope="row">U2</th>' not in html
        assert 'id="dashboard-unit"' not in html  # no unit choice
        assert '<span id="calls-total">1</span>' in chi.get("/dashboard").text
        refused = chi.get("/dashboard?unit=U1")
        assert refused.status_code == 403 and labels.REFUSAL["forbidden"] in refused.text
        assert chi.get("/dashboard?unit=U2").status_code == 200


def test_export_refuses_anonymous_and_other_units(world: World) -> None:
    with world.client() as anonymous:
        response = anonymous.get("/export.csv?unit=U1")
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?next=%2Fexport.csv")
        assert "\ufeff" not in response.text
    with world.client("chi") as chi:
        refused = chi.get("/export.csv?unit=U1")
        assert refused.status_code == 403 and "Nguyễn" not in refused.text
        rows = read_csv(chi.get("/export.csv").content)  # no unit: their own
        assert [r[11] for r in rows[1:]] == ["U2"]


def test_export_of_a_unit_as_excel_reads_it(world: World) -> None:
    with world.client("sup") as client:
        response = client.get("/export.csv?unit=U1")
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.headers["content-disposition"] == 'attachment; filename="phieu-U1.csv"'
        assert b"\r\n" in response.content
        rows = read_csv(response.content)
        assert tuple(rows[0]) == labels.EXPORT_COLUMNS
        assert [r[11] for r in rows[1:]] == ["U1"] * 4  # oldest first, every status
        assert rows[-1][6] == "Nguyễn Văn An" and rows[-1][3] == "Chờ xử lý"
        assert rows[-1][5] == "Lương thực, thực phẩm"
        every = read_csv(client.get("/export.csv").content)
        assert len(every) == 6
        injected = next(r for r in every if r[11] == "U2")
        assert injected[6] == '\'=HYPERLINK("http://x","bấm")' and injected[7] == "'+84901234567"
        today = datetime.now(VIETNAM).date()
        since, until = (today - timedelta(days=1)).isoformat(), today.isoformat()
        recent = client.get(f"/export.csv?unit=U1&from={since}&to={until}")
        assert len(read_csv(recent.content)) == 1 + 3  # not the 3-day-old ticket
        assert f'filename="phieu-U1-{since}-{until}.csv"' in recent.headers["content-disposition"]
        bad = client.get("/export.csv?from=yesterday")
        assert bad.status_code == 400 and bad.text == labels.EXPORT_ERROR


def _row(**values: object) -> ExportRow:
    base: dict[str, object] = {
        "number": "1234567",
        "created_at": datetime(2026, 11, 28, 17, 5, 9, tzinfo=UTC),
        "status": "closed",
        "urgency": "high",
        "category": "medical",
        "name": "Trần Thị Bình",
        "callback_number": "0901234567",
        "ward": "Phường 4",
        "district": "Quận 8",
        "new_unit": "Phường Chánh Hưng",
        "unit": "HCM-27190",
        "call_count": 2,
        "resolution": "resolved",
        "closed_at": datetime(2026, 11, 28, 18, 0, tzinfo=UTC),
    }
    return ExportRow(**{**base, **values})  # type: ignore[arg-type]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_get_a_quote(start: str) -> None:
    assert safe_cell(start + "1+1") == "'" + start + "1+1"


def test_safe_cells_stay_as_they_are() -> None:
    assert [safe_cell(v) for v in ("Lê Văn Năm", "0901", 3, None, "a=b")] == [
        "Lê Văn Năm",
        "0901",
        "3",
        "",
        "a=b",
    ]


def test_a_row_in_vietnam_time_and_utc_with_words_for_codes() -> None:
    row = cells(_row())
    assert row[:6] == [
        "1234567",
        "2026-11-29 00:05:09",  # Asia/Ho_Chi_Minh: past midnight
        "2026-11-28T17:05:09Z",
        "Đã đóng",
        "Ưu tiên",
        "Y tế",
    ]
    assert row[12:] == ["2", "Đã giải quyết", "2026-11-29 01:00:00", "Cuộc gọi"]
    empty = cells(_row(category=None, resolution=None, closed_at=None, name=None))
    assert (empty[5], empty[6], empty[13], empty[14]) == ("", "", "", "")


def test_write_csv_quotes_commas_quotes_and_line_breaks() -> None:
    out = io.StringIO()
    tricky = 'Bình, "Bé"\nhai dòng'
    assert write_csv([_row(name=tricky), _row(ward="-1 @x")], out) == 2
    text = out.getvalue()
    assert text.startswith("\ufeff") and text.count("\r\n") == 3  # the "\n" stays in its quotes
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert rows[1][6] == tricky and rows[2][8] == "'-1 @x"


def test_range_bounds_are_vietnam_days_or_times() -> None:
    assert parse_bound("", end=False) is None and parse_bound(None, end=True) is None
    assert parse_bound("2026-11-28", end=False) == datetime(2026, 11, 27, 17, tzinfo=UTC)
    assert parse_bound("2026-11-28", end=True) == datetime(2026, 11, 28, 17, tzinfo=UTC)
    assert parse_bound("2026-11-28T08:00", end=False) == datetime(2026, 11, 28, 1, tzinfo=UTC)
    assert parse_bound("2026-11-28T08:00+00:00", end=True) == datetime(2026, 11, 28, 8, tzinfo=UTC)
    for bad in ("28/11/2026", "yesterday", "2026-13-01"):
        with pytest.raises(ValueError):
            parse_bound(bad, end=False)
    with pytest.raises(InvalidInput) as refused:
        parse_bound("2026-13-01", end=True)
    assert refused.value.field == "to"


def test_file_names_are_safe() -> None:
    assert filename("HCM-27190", "2026-11-01", "2026-11-28") == (
        "phieu-HCM-27190-2026-11-01-2026-11-28.csv"
    )
    assert filename(None, None, None) == "phieu-tat-ca.csv"
    assert '"' not in filename('U1"; x=/../', None, None)


def test_tickets_export_command_writes_the_same_csv(
    world: World, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    root = world.site.config.storage.root
    monkeypatch.setenv("CALLBOT_STORAGE__ROOT", str(root))
    monkeypatch.setenv("CALLBOT_STORAGE__DATABASE_URL", world.site.config.storage.database_url)
    monkeypatch.setenv("CALLBOT_PROJECT_DIR", str(root))
    assert cli.main(["tickets", "export", "--unit", "U1"]) == 0
    captured = capsysbinary.readouterr()
    rows = read_csv(captured.out)
    assert tuple(rows[0]) == labels.EXPORT_COLUMNS and len(rows) == 5
    assert {r[11] for r in rows[1:]} == {"U1"}
    assert b"4 ticket(s) of unit U1 exported" in captured.err
    with world.client("sup") as client:
        assert client.get("/export.csv?unit=U1").content == captured.out
    assert cli.main(["tickets", "export", "--unit", "U1", "--from", "hôm qua"]) == 2
    with pytest.raises(SystemExit):
        cli.main(["tickets", "export"])  # --unit is required
