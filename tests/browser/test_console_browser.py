"""The console in headless Chromium: log in, the queue, a ticket, its recordings (HTTP 206),
two operators claiming at once, resolving, live updates, and refusals.

``CALLBOT_SCREENSHOTS=1`` saves the queue and ticket pages to docs/screenshots/.
"""

from __future__ import annotations

import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import CALLS, PROJECT, Site, log_in

pytestmark = pytest.mark.browser
Browser = Callable[[], webdriver.Chrome]
SCREENSHOTS = PROJECT / "docs" / "screenshots"


def screenshot(driver: webdriver.Chrome, name: str, tmp_path: Path) -> None:
    folder = SCREENSHOTS if os.environ.get("CALLBOT_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / f"{name}.png"))


def fetch_status(driver: webdriver.Chrome, path: str, range_header: str | None = None) -> int:
    """The HTTP status of ``path`` fetched by the page itself (its cookies)."""
    script = """
        const [path, range, done] = arguments;
        const headers = range ? {Range: range} : {};
        fetch(path, {headers, credentials: "same-origin"}).then(r => done(r.status));
    """
    status: int = driver.execute_async_script(script, path, range_header)
    return status


def test_log_in_see_the_queue_open_a_ticket_and_play_a_recording(
    site: Site, browser: Browser, tmp_path: Path
) -> None:
    driver = browser()
    log_in(driver, site, "ana")
    rows = driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr[data-number]")
    numbers = [r.get_attribute("data-number") for r in rows]
    # ana's unit: the emergency first, then the high one, then by age; not chi's unit's ticket
    assert numbers[:2] == [site.numbers[0], site.numbers[1]]
    assert site.numbers[2] not in numbers
    counts = driver.find_element(By.ID, "counts").text
    assert "Khẩn cấp: 1" in counts and "Ưu tiên: 1" in counts
    screenshot(driver, "queue", tmp_path)

    driver.find_element(By.CSS_SELECTOR, f'a[href="/tickets/{site.numbers[1]}"]').click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "ticket-number"))
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "Trần Thị Bình" in page and "gia đình tôi hết gạo ba ngày rồi" in page
    assert "0901234567" in page and "64%" in page  # caller number, address confidence
    audio = driver.find_elements(By.TAG_NAME, "audio")
    assert len(audio) == 3
    # the audio element loads (metadata, then plays) ...
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return arguments[0].readyState", audio[0]) >= 1
    )
    duration = driver.execute_script("return arguments[0].duration", audio[0])
    assert duration > 0.5
    driver.execute_script("arguments[0].play()", audio[0])
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return arguments[0].currentTime", audio[0]) > 0.2
    )
    # ... and the server answers a range request with 206 (seeking works)
    src = audio[1].get_attribute("src")
    assert src is not None
    assert fetch_status(driver, src, "bytes=0-99") == 206
    assert fetch_status(driver, src) == 200
    screenshot(driver, "ticket", tmp_path)


def test_two_operators_claim_at_once_one_wins_then_resolves(site: Site, browser: Browser) -> None:
    number = site.add_call(CALLS[3], f"race.{time.time()}")
    drivers = {"ana": browser(), "binh": browser()}
    for name, driver in drivers.items():
        log_in(driver, site, name)
        driver.get(f"{site.url}/tickets/{number}")
    barrier = threading.Barrier(2)

    def claim(driver: webdriver.Chrome) -> None:
        button = driver.find_element(By.ID, "claim")
        barrier.wait()
        button.click()

    threads = [threading.Thread(target=claim, args=(d,)) for d in drivers.values()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    outcome: dict[str, str] = {}
    for name, driver in drivers.items():
        WebDriverWait(driver, 10).until(
            lambda d: d.find_elements(By.ID, "message") or d.find_elements(By.ID, "error")
        )
        won = driver.find_elements(By.ID, "message")
        outcome[name] = "won" if won else driver.find_element(By.ID, "error").text
    winners = [n for n, o in outcome.items() if o == "won"]
    assert len(winners) == 1, outcome
    loser = ({"ana", "binh"} - set(winners)).pop()
    assert f"Phiếu này vừa được {winners[0]} nhận" in outcome[loser]
    assert not drivers[loser].find_elements(By.ID, "resolve")  # no buttons for the loser

    winner = drivers[winners[0]]
    winner.find_element(By.CSS_SELECTOR, "form[action$='/resolve'] input[name=note]").send_keys(
        "Đã gọi lại, hẹn giao gạo"
    )
    winner.find_element(By.ID, "resolve").click()
    # the old page's element goes stale when the new page replaces it: look again
    WebDriverWait(winner, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_element(By.ID, "ticket-status").get_attribute("data-status") == "closed"
    )
    history = winner.find_element(By.ID, "history").text
    assert "Nhận xử lý" in history and "Đã giải quyết" in history
    assert "Đã gọi lại, hẹn giao gạo" in history


def test_a_new_ticket_appears_in_the_open_queue_without_reload(
    site: Site, browser: Browser
) -> None:
    driver = browser()
    log_in(driver, site, "sup")
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.body.dataset.liveConnected") == "1"
    )
    driver.execute_script("window.marker = 'same page'")
    start = time.monotonic()
    number = site.add_call(CALLS[0], f"live.{time.time()}")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, f'tr[data-number="{number}"]')
    )
    elapsed = time.monotonic() - start
    assert driver.execute_script("return window.marker") == "same page"  # no reload
    assert elapsed < 5, elapsed


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback http
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_logged_out_and_other_units_are_refused(site: Site, browser: Browser) -> None:
    number = site.numbers[0]
    driver = browser()
    driver.get(f"{site.url}/tickets/{number}")
    assert driver.current_url.startswith(f"{site.url}/login")
    assert _status(f"{site.url}/recordings/1") == 401
    driver.get(f"{site.url}/")
    assert "/login" in driver.current_url

    log_in(driver, site, "chi")  # another unit's operator
    driver.get(f"{site.url}/tickets/{number}")
    assert "Không tìm thấy" in driver.find_element(By.ID, "error").text  # as if there were none
    assert fetch_status(driver, f"/tickets/{number}") == 404
    assert fetch_status(driver, "/recordings/1") == 404
    assert fetch_status(driver, "/recordings/1", "bytes=0-99") == 404
    # logging out ends the session: the same browser is refused again
    driver.get(f"{site.url}/")
    driver.find_element(By.ID, "logout").click()
    WebDriverWait(driver, 10).until(lambda d: "/login" in d.current_url)
    driver.get(f"{site.url}/tickets/{site.numbers[2]}")
    assert "/login" in driver.current_url
