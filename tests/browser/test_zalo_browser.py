"""A Zalo chat's ticket in headless Chromium: a citizen writes through the stand-in for Zalo to
a real ``callbot intake``, asks for a person ("0"); a supervisor opens the ticket in a real
console, reads the conversation (a hostile text shown, never run), writes back from the
reply box, and the citizen receives it.

``CALLBOT_SCREENSHOTS=1`` saves the ticket page to docs/screenshots/chat-ticket.png.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.conftest import PASSWORD, log_in
from tests.browser.test_console_browser import screenshot
from tests.support.http import free_port, start_console, stop
from tests.support.zalo import Citizen, Node, StandIn, make_node, start_standin, wait_for

pytestmark = pytest.mark.browser
Browser = Callable[[], webdriver.Chrome]
HOSTILE = '<img src=x onerror="alert(1)"> cần người giúp'


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[tuple[StandIn, Node, int]]:
    port = free_port()
    standin = start_standin(tmp_path, port)
    node = make_node(tmp_path, standin.port, port)
    assert node.cli("db", "upgrade").returncode == 0
    tokens = standin.first_tokens
    stored = node.cli(
        "zalo", "tokens", "set", "--stdin",
        stdin=f"{tokens['access_token']}\n{tokens['refresh_token']}\n",
    )  # fmt: skip
    assert stored.returncode == 0, stored.stderr
    added = node.cli(
        "users", "add", "sup", "--role", "supervisor", "--unit", "HCM", stdin=f"{PASSWORD}\n"
    )
    assert added.returncode == 0, added.stderr
    node.start()
    console_port = free_port()
    zalo_env = {k: v for k, v in node.env.items() if k.startswith("CALLBOT_ZALO")}
    console = start_console(tmp_path, console_port, zalo_env)
    yield standin, node, console_port
    stop(console)
    node.stop()
    standin.stop()


def test_a_supervisor_reads_a_chat_and_writes_back(
    chat: tuple[StandIn, Node, int], browser: Browser, tmp_path: Path
) -> None:
    standin, _, console_port = chat
    citizen = Citizen(standin, "8001")
    citizen.say(HOSTILE, expect=3)
    handed = citizen.say("0")[0]
    number = re.search(r"mã yêu cầu (\d{7})", handed).group(1)  # type: ignore[union-attr]

    driver = browser()
    log_in(driver, SimpleNamespace(url=f"http://127.0.0.1:{console_port}"), "sup")  # type: ignore[arg-type]
    driver.get(f"http://127.0.0.1:{console_port}/tickets/{number}")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "chat-lines"))
    lines = driver.find_element(By.ID, "chat-lines").text
    assert HOSTILE in lines and "Đã chuyển bạn tới tổng đài viên" in lines  # text, not markup
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - the hostile text ran nothing
    assert "Có thể nhắn miễn phí" in driver.find_element(By.ID, "chat-window").text
    driver.execute_script("document.getElementById('chat').scrollIntoView()")
    screenshot(driver, "chat-ticket", tmp_path)

    reply = "Chào bạn, tổng đài viên đây. Bạn cần giúp gì ạ?"
    driver.find_element(By.CSS_SELECTOR, "#chat-form textarea").send_keys(reply)
    driver.find_element(By.ID, "chat-send").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "message"))
    assert "Đã xếp tin nhắn" in driver.find_element(By.ID, "message").text
    wait_for(lambda: standin.texts("8001")[-1] == reply)
    driver.refresh()
    last = driver.find_elements(By.CSS_SELECTOR, "#chat-lines li")[-1]
    assert reply in last.text and "đã gửi" in last.text and "sup" in last.text
