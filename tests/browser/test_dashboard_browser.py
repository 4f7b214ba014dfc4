"""The dashboard in headless Chromium: a supervisor follows the link from the queue, sees the
charts (drawn, with bars) and their tables, and fetches the CSV export with the session cookie;
without the cookie the export sends to the login page.

``CALLBOT_SCREENSHOTS=1`` saves the page to docs/screenshots/dashboard.png.
"""

from __future__ import annotations

import csv
import io
import random
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import insert, select

from callbot.console import labels
from callbot.tickets.models import Ticket, TicketEvent, utc_now
from tests.browser.conftest import Site, log_in
from tests.browser.test_console_browser import Browser, screenshot

pytestmark = pytest.mark.browser
SITE_UNITS = ("HCM-27190", "HCM-26740")  # the other browser tests' units: closed tickets only
OTHER_UNITS = ("HCM-26743", "HCM-27259")
CHARTS = ("calls", "waiting-category", "waiting-unit", "delay-category", "delay-unit")


def _add_events(site: Site) -> None:
    """A callback on the first ticket, a claim on the second: both kinds of delay."""
    with site.engine.begin() as connection:
        tickets = {
            number: (ticket_id, created)
            for ticket_id, number, created in connection.execute(
                select(Ticket.id, Ticket.number, Ticket.created_at).where(
                    Ticket.number.in_(site.numbers[:2])
                )
            )
        }
        events = []
        for number, action, minutes in (
            (site.numbers[0], "callback", 4),
            (site.numbers[1], "claim", 9),
        ):
            ticket_id, created = tickets[number]
            at = created + timedelta(minutes=minutes)
            events.append({"ticket_id": ticket_id, "at": at, "user": "sup", "action": action})
        connection.execute(insert(TicketEvent), events)


def _add_a_day(site: Site) -> None:
    """A day of overflow calls: closed ones in every unit (called back, or claimed when the
    callback came from a desk phone), and some waiting in units no other test looks at."""
    rng = random.Random(1022)
    now = utc_now()
    tickets, handled = [], []
    for i in range(90):
        at = now - timedelta(minutes=rng.randint(5, 24 * 60 - 5))
        waiting = i % 6 == 0
        unit = rng.choice(OTHER_UNITS if waiting else (*OTHER_UNITS, *SITE_UNITS))
        tickets.append(
            {
                "number": f"9{i:06d}",
                "created_at": at,
                "updated_at": at,
                "caller_number": "0900000000",
                "caller_name": "",
                "caller_id_raw": "",
                "channel_uniqueid": f"day.{i}",
                "channel_linkedid": f"day.{i}",
                "status": rng.choice(("new", "claimed")) if waiting else "closed",
                "resolution": None if waiting else "resolved",
                "category": rng.choice(("food", "food", "medical", "financial", "testing")),
                "unit": unit,
            }
        )
        delay = timedelta(minutes=rng.lognormvariate(3, 0.7))
        handled.append(None if waiting else (at + delay, "callback" if i % 4 else "claim"))
    with site.engine.begin() as connection:
        for row, done in zip(tickets, handled, strict=True):
            ticket_id = connection.execute(insert(Ticket), row).inserted_primary_key[0]
            if done is not None:
                event = {"ticket_id": ticket_id, "at": done[0], "user": "sup", "action": done[1]}
                connection.execute(insert(TicketEvent), event)


def _fetch_bytes(driver: object, path: str) -> tuple[int, str, bytes]:
    """``path`` fetched by the page itself (its session cookie): status, type, body."""
    script = """
        const [path, done] = arguments;
        fetch(path, {credentials: "same-origin"}).then(async r => {
            const body = Array.from(new Uint8Array(await r.arrayBuffer()));
            done([r.status, r.headers.get("content-type"), body]);
        });
    """
    status, kind, body = driver.execute_async_script(script, path)  # type: ignore[attr-defined]
    return int(status), str(kind), bytes(body)


def test_a_supervisor_sees_the_charts_and_fetches_the_csv(
    site: Site, browser: Browser, tmp_path: Path
) -> None:
    _add_events(site)
    _add_a_day(site)
    driver = browser()
    driver.set_window_size(1400, 2400)
    log_in(driver, site, "sup")
    driver.find_element(By.ID, "nav-dashboard").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "chart-calls"))
    assert driver.title.startswith("Thống kê")
    for chart in CHARTS:
        svg = driver.find_element(By.ID, f"chart-{chart}")
        assert svg.size["width"] > 300 and svg.size["height"] > 50, chart
        bars = svg.find_elements(By.CSS_SELECTOR, "rect.bar")
        assert any(float(b.get_attribute("height") or 0) > 0 for b in bars), chart
        assert svg.get_attribute("role") == "img"
    assert int(driver.find_element(By.ID, "calls-total").text) >= len(site.numbers)
    delays = {
        row.find_element(By.TAG_NAME, "th").text: [
            cell.text for cell in row.find_elements(By.TAG_NAME, "td")
        ]
        for row in driver.find_elements(By.CSS_SELECTOR, "#table-delay-unit tbody tr")
    }
    p50, _, by_callback, by_claim, _ = delays["HCM-27190"]
    assert "phút" in p50 and int(by_callback) >= 1 and int(by_claim) >= 1
    legend = driver.find_element(By.ID, "delay-legend").text
    assert "cuộc gọi lại đầu tiên" in legend and "nhận xử lý" in legend
    waiting = driver.find_element(By.ID, "table-waiting-category").text
    assert labels.CATEGORY["medical"] in waiting or labels.CATEGORY["food"] in waiting
    screenshot(driver, "dashboard", tmp_path)

    status, kind, body = _fetch_bytes(driver, "/export.csv?unit=HCM-27190")
    assert status == 200 and kind == "text/csv; charset=utf-8"
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == labels.EXPORT_COLUMNS
    assert {r[11] for r in rows[1:]} == {"HCM-27190"}
    assert "Nguyễn Văn An" in {r[6] for r in rows[1:]}
    # the form on the page asks for the same file
    driver.find_element(By.ID, "export-unit").send_keys("HCM-27190")
    form = driver.find_element(By.ID, "export-form")
    assert form.get_attribute("action").endswith("/export.csv")

    # the same address without the session cookie goes to the login page
    address = f"{site.url}/export.csv?unit=HCM-27190"
    with urllib.request.urlopen(address, timeout=5) as response:  # noqa: S310 - loopback http
        assert response.url.startswith(f"{site.url}/login") and b"Nguy" not in response.read()
