"""The public form in headless Chromium against a real ``callbot intake`` process sharing the
console's database: fill it, send it, see the number, look the status up (with JavaScript on
and off), keyboard only, contrast; an emergency's numbers; and the console showing a web
ticket with its photo to an operator of its unit and refusing one of another unit."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.browser.conftest import CHROMEDRIVER, CHROMIUM, PROJECT, Site, free_port, log_in

pytestmark = pytest.mark.browser
WARD = "Phường Vườn Lài"  # HCM-27190: ana's and binh's unit, not chi's
FILL_SECONDS = 1.0


@pytest.fixture(scope="module")
def intake(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``callbot intake`` on the console's storage, as ``make run`` starts it."""
    yield from run_intake(site, tmp_path_factory.mktemp("intake") / "intake.log")


@pytest.fixture
def busy_intake(site: Site, tmp_path: Path) -> Iterator[str]:
    """``callbot intake`` that asks a proof of work from the second send of an address on."""
    yield from run_intake(site, tmp_path / "intake.log", CALLBOT_INTAKE__SENDS_PER_ADDRESS="1")


def run_intake(site: Site, log: Path, **settings: str) -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLBOT_")}
    env.update(
        CALLBOT_PROJECT_DIR=str(PROJECT),
        CALLBOT_STORAGE__ROOT=str(site.config.storage.root),
        CALLBOT_INTAKE__MIN_FILL_SECONDS=str(FILL_SECONDS),
        **settings,
    )
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "callbot.cli", "intake", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=1):  # noqa: S310 - our own server
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(
                    f"callbot intake did not start: {log.read_text()[-2000:]}"
                ) from None
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture
def chrome(chromium_ready: None) -> Iterator[Callable[..., webdriver.Chrome]]:
    """Headless Chromium sessions, with JavaScript or without, a phone-sized window."""
    drivers: list[webdriver.Chrome] = []

    def make(javascript: bool = True) -> webdriver.Chrome:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--window-size=412,915",  # a phone
            "--lang=vi",
        ):
            options.add_argument(argument)
        if not javascript:
            options.add_experimental_option(
                "prefs", {"profile.managed_default_content_settings.javascript": 2}
            )
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        driver.set_page_load_timeout(30)
        drivers.append(driver)
        return driver

    yield make
    for driver in drivers:
        driver.quit()


@pytest.fixture(scope="module")
def photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("photo") / "nha-ngap.jpg"
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (30, 90, 160)).save(out, "JPEG")
    path.write_bytes(out.getvalue())
    return path


def fill(driver: webdriver.Chrome, need: str, phone: str, photo: Path | None = None) -> None:
    driver.find_element(By.ID, "name").send_keys("Phạm Thị Hoa")
    driver.find_element(By.ID, "phone").send_keys(phone)
    driver.find_element(By.ID, "address").send_keys("12 đường số 3, khu phố 2")
    Select(driver.find_element(By.ID, "ward")).select_by_value(WARD)
    driver.find_element(By.ID, "need").send_keys(need)
    if photo is not None:
        driver.find_element(By.ID, "photos").send_keys(str(photo))
    driver.find_element(By.ID, "consent").click()


def send_and_read_number(driver: webdriver.Chrome) -> str:
    time.sleep(FILL_SECONDS)  # a person takes longer than the form's minimum fill time
    driver.find_element(By.ID, "send").click()
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.ID, "ticket-number"))
    number = driver.find_element(By.ID, "ticket-number").text
    assert re.fullmatch(r"\d{7}", number), driver.page_source[:2000]
    return number


def look_up(driver: webdriver.Chrome, phone: str) -> str:
    driver.find_element(By.ID, "status-link").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "status-phone"))
    driver.find_element(By.ID, "status-phone").send_keys(phone)
    driver.find_element(By.ID, "lookup").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "status-state"))
    return str(driver.find_element(By.ID, "status-state").text)


def test_fill_send_see_the_number_and_look_up_the_status(
    intake: str, site: Site, chrome: Callable[..., webdriver.Chrome], photo: Path
) -> None:
    driver = chrome()
    driver.get(intake + "/")
    fill(driver, "Nhà tôi bị ngập, cần hỗ trợ thực phẩm", "0903 111 222", photo)
    number = send_and_read_number(driver)
    assert "0903111222" in driver.find_element(By.TAG_NAME, "main").text
    assert not driver.find_elements(By.ID, "emergency")
    assert look_up(driver, "0903111222") == "Đã tiếp nhận"
    ticket = site.tickets.get(number)
    assert (ticket.channel, ticket.unit, ticket.status) == ("web", "HCM-27190", "new")


def test_the_form_works_without_javascript_errors_beside_the_fields(
    intake: str, site: Site, chrome: Callable[..., webdriver.Chrome]
) -> None:
    driver = chrome(javascript=False)
    driver.get(intake + "/")
    fill(driver, "Cần hỗ trợ tiền thuê nhà tháng này", "12345")
    time.sleep(FILL_SECONDS)
    driver.find_element(By.ID, "send").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "phone-error"))
    error = driver.find_element(By.ID, "phone-error")
    assert "Số điện thoại không hợp lệ" in error.text and error.is_displayed()
    field = driver.find_element(By.ID, "phone")
    assert field.get_attribute("aria-invalid") == "true"
    assert "phone-error" in (field.get_attribute("aria-describedby") or "")
    assert driver.find_element(By.ID, "need").get_attribute("value") == (
        "Cần hỗ trợ tiền thuê nhà tháng này"
    )  # nothing typed is lost
    summary = driver.find_element(By.CSS_SELECTOR, "#error-summary a[href='#phone']")
    assert summary.is_displayed()
    field.clear()
    field.send_keys("0903 222 333")
    assert driver.find_element(By.ID, "consent").is_selected()  # kept ticked, as sent
    number = send_and_read_number(driver)
    assert look_up(driver, "0903222333") == "Đã tiếp nhận"
    assert site.tickets.get(number).channel == "web"


def test_an_emergency_shows_115_114_113_at_once(
    intake: str, chrome: Callable[..., webdriver.Chrome]
) -> None:
    driver = chrome()
    driver.get(intake + "/")
    fill(driver, "Bố tôi đột nhiên khó thở, bất tỉnh", "0903 444 555")
    send_and_read_number(driver)
    alert = driver.find_element(By.ID, "emergency")
    assert alert.is_displayed() and alert.get_attribute("role") == "alert"
    links = [a.get_attribute("href") for a in alert.find_elements(By.TAG_NAME, "a")]
    assert links == ["tel:115", "tel:114", "tel:113"]


def test_keyboard_only_and_contrast(intake: str, chrome: Callable[..., webdriver.Chrome]) -> None:
    driver = chrome()
    driver.get(intake + "/")
    order = []
    for _ in range(25):
        press_tab(driver)  # a real key press (selenium would type into the file input)
        active = driver.switch_to.active_element
        order.append(active.get_attribute("id") or active.get_attribute("href"))
        if order[-1] == "send":
            break
    wanted = ("name", "phone", "address", "ward", "need", "photos", "consent", "send")
    fields = [o for o in order if o in wanted]
    assert fields == ["name", "phone", "address", "ward", "need", "photos", "consent", "send"]
    assert "website" not in order  # the honeypot is out of the tab order
    outline = driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus is visible
    for selector in ("label[for=name]", ".hint", "button#send", ".emergency-note"):
        ratio = driver.execute_script(CONTRAST, selector)
        assert ratio >= 4.5, (selector, ratio)


def press_tab(driver: webdriver.Chrome) -> None:
    for kind in ("rawKeyDown", "keyUp"):
        driver.execute_cdp_cmd(
            "Input.dispatchKeyEvent",
            {"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
        )


CONTRAST = """
const el = document.querySelector(arguments[0]);
const rgb = s => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
let bg = el, color = rgb(getComputedStyle(el).color), back = null;
while (bg) {
  const c = getComputedStyle(bg).backgroundColor;
  if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") { back = rgb(c); break; }
  bg = bg.parentElement;
}
back = back || [255, 255, 255];
const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
const lum = c => c.map(channel).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const [a, b] = [lum(color), lum(back)].sort((x, y) => y - x);
return (a + 0.05) / (b + 0.05);
"""


def test_the_console_shows_a_web_ticket_and_its_photo_to_its_unit_only(
    intake: str,
    site: Site,
    chrome: Callable[..., webdriver.Chrome],
    browser: Callable[[], webdriver.Chrome],
    photo: Path,
) -> None:
    citizen = chrome()
    citizen.get(intake + "/")
    fill(citizen, "Nước ngập vào nhà, xin hỗ trợ", "0903 666 777", photo)
    number = send_and_read_number(citizen)

    ana = browser()
    log_in(ana, site, "ana")
    ana.get(f"{site.url}/?channel=web")
    rows = ana.find_elements(By.CSS_SELECTOR, "#queue tbody tr[data-number]")
    assert number in [r.get_attribute("data-number") for r in rows]
    ana.get(f"{site.url}/tickets/{number}")
    assert ana.find_element(By.ID, "ticket-channel").text == "Biểu mẫu web"
    image = ana.find_element(By.CSS_SELECTOR, "#photos img")
    WebDriverWait(ana, 10).until(lambda d: d.execute_script("return arguments[0].complete", image))
    assert ana.execute_script("return arguments[0].naturalWidth", image) == 320
    photo_url = image.get_attribute("src")
    assert photo_url is not None

    chi = browser()
    log_in(chi, site, "chi")
    chi.get(f"{site.url}/tickets/{number}")
    assert not chi.find_elements(By.ID, "photos")
    status = chi.execute_async_script(
        "const done = arguments[1]; fetch(arguments[0]).then(r => done(r.status));", photo_url
    )
    assert status == 404  # like an unknown photo: no existence oracle


def test_past_the_limit_the_page_solves_the_proof_of_work_itself(
    busy_intake: str, site: Site, chrome: Callable[..., webdriver.Chrome]
) -> None:
    driver = chrome()
    driver.get(busy_intake + "/")
    assert not driver.find_elements(By.ID, "pow")  # the first send asks nothing
    fill(driver, "Cần hỗ trợ gạo cho hai người già", "0903 888 001")
    send_and_read_number(driver)
    driver.get(busy_intake + "/")
    status = driver.find_element(By.ID, "pow-status")  # the second one does
    WebDriverWait(driver, 30).until(
        lambda d: d.find_element(By.ID, "altcha").get_attribute("value")
    )
    assert status.text == "Đã xác minh, bạn có thể gửi yêu cầu."
    fill(driver, "Cần hỗ trợ gạo cho hai người già", "0903 888 002")
    number = send_and_read_number(driver)  # the page's own SHA-256 solved ALTCHA's challenge
    assert site.tickets.get(number).channel == "web"

    blind = chrome(javascript=False)  # without JavaScript past the limit: told, and refused
    blind.get(busy_intake + "/")
    assert "cần JavaScript" in blind.find_element(By.ID, "pow").text
    fill(blind, "Cần hỗ trợ gạo cho hai người già", "0903 888 003")
    time.sleep(FILL_SECONDS)
    blind.find_element(By.ID, "send").click()
    WebDriverWait(blind, 10).until(lambda d: d.find_elements(By.ID, "notice"))
    assert not blind.find_elements(By.ID, "ticket-number")
