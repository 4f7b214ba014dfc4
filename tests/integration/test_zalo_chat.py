"""The Zalo chat end to end over real HTTP: a stand-in for Zalo (a real server process, not
Zalo: ``callbot.lab.zalo_standin``) plays Zalo's side, a real ``callbot intake`` serves the
webhook and runs the chat, a real ``callbot console`` shows the ticket.

- a whole conversation from "xin chào" to a ticket in the console, with two photos and a
  location, the operator's reply through the OA, the citizen told when it is resolved, and a
  hostile text shown escaped;
- Zalo's side misbehaving: a bad signature, no signature, a duplicate, messages out of order,
  Zalo's retries while the server is down, the server killed mid-conversation;
- the OA's token expired and refreshed, and a citizen past the reply window.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.support.http import free_port, login, request, start_console, stop
from tests.support.public import png
from tests.support.zalo import Citizen, Node, StandIn, make_node, start_standin, wait_for

pytestmark = pytest.mark.server
PASSWORD = "mat-khau-rat-dai-1022"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@dataclass
class World:
    root: Path
    standin: StandIn
    node: Node

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.root / "callbot.db", timeout=10)

    def scalar(self, sql: str, *args: object) -> object:
        with self.db() as db:
            row = db.execute(sql, args).fetchone()
        return row[0] if row else None


def _world(root: Path, **zalo: object) -> World:
    port = free_port()
    standin = start_standin(root, port)
    node = make_node(root, standin.port, port, **zalo)
    made = node.cli("db", "upgrade")
    assert made.returncode == 0, made.stderr
    tokens = standin.first_tokens
    stored = node.cli(
        "zalo",
        "tokens",
        "set",
        "--stdin",
        "--expires-in",
        tokens["expires_in"],
        stdin=f"{tokens['access_token']}\n{tokens['refresh_token']}\n",
    )
    assert stored.returncode == 0, stored.stderr
    node.start()
    return World(root, standin, node)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    built = _world(tmp_path)
    yield built
    built.node.stop()
    built.standin.stop()


def _image(standin: StandIn, name: str, width: int, height: int) -> str:
    standin.control("media", {"name": name, "hex": png(width, height).hex()})
    return f"http://127.0.0.1:{standin.port}/media/{name}"


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, page[:300]
    return found.group(1)


def test_a_whole_conversation_to_a_ticket_in_the_console(world: World) -> None:
    standin, lan = world.standin, Citizen(world.standin, "7001")
    started = time.monotonic()
    first = lan.say("xin chào", expect=3)
    assert first[0].startswith("Xin chào, đây là Tổng đài 1022")
    assert first[1] == "[request_user_info]" and first[2] == "Bạn vui lòng cho biết họ và tên?"
    assert lan.say("Phạm Thị Lan") == ["Số điện thoại để tổng đài viên gọi lại cho bạn là số nào?"]
    assert lan.say("0903 111 222")[0].startswith("Địa chỉ của bạn ở đâu")
    before = len(standin.sent("7001"))
    location = {
        "type": "location",
        "payload": {"coordinates": {"latitude": "10.7931", "longitude": "106.6903"}},
    }
    lan.deliver(lan.event("user_send_location", {"attachments": [location]}))
    placed = lan.replies(before, 2)
    assert placed[0].startswith("Đã nhận vị trí: Phường Tân Định, Quận 1")
    for name, size in (("a.png", (64, 48)), ("b.png", (32, 32))):
        before = len(standin.sent("7001"))
        url = _image(standin, name, *size)
        lan.deliver(
            lan.event(
                "user_send_image", {"attachments": [{"type": "image", "payload": {"url": url}}]}
            )
        )
        lan.replies(before, 1)
    assert standin.texts("7001")[-1] == "Đã nhận ảnh (2/3)."
    readback = lan.say(f"Nhà tôi hết gạo, hai cháu nhỏ đói {XSS}")
    assert "Xin kiểm tra lại" in readback[0] and "Phạm Thị Lan" in readback[0]
    received = lan.say("đúng")[0]
    number = re.search(r"mã số (\d{7})", received).group(1)  # type: ignore[union-attr]
    assert "https://1022.example.vn/status" in received
    seconds = time.monotonic() - started
    channel, status, ward, photos = (
        world.db()
        .execute(
            "SELECT channel, status, ward,"
            " (SELECT count(*) FROM attachments a WHERE a.ticket_id = t.id)"
            " FROM tickets t WHERE number = ?",
            (number,),
        )
        .fetchone()
    )
    assert (channel, status, ward, photos) == ("chat", "new", "Phường Tân Định", 2)
    print(f"\nchat: 'xin chào' to ticket {number} in {seconds:.1f} s over real HTTP")

    # the console shows it: the conversation (escaped), the photos, the map link, the reply box
    console_port = free_port()
    added = world.node.cli(
        "users", "add", "sup", "--role", "supervisor", "--unit", "HQ", stdin=f"{PASSWORD}\n"
    )
    assert added.returncode == 0, added.stderr
    console = start_console(
        world.root,
        console_port,
        {k: v for k, v in world.node.env.items() if k.startswith("CALLBOT_ZALO")},
    )
    try:
        cookies = login(console_port, "sup", PASSWORD).cookies
        page = request(console_port, "GET", f"/tickets/{number}", cookies=cookies)
        assert page.status == 200
        text = page.text
        assert "Tin nhắn Zalo" in text and "Phạm Thị Lan" in text and "Đã nhận ảnh (2/3)." in text
        if XSS in text:
            at = text.index(XSS)
            raise AssertionError(text[at - 600 : at + 100])
        assert "&lt;script&gt;alert(" in text  # stored XSS: escaped
        assert text.count('src="/attachments/') == 2
        assert "openstreetmap.org/?mlat=10.793100&amp;mlon=106.690300" in text
        assert 'id="chat-form"' in text and "Có thể nhắn miễn phí" in text
        ticket = re.search(r'data-ticket-id="(\d+)"', text).group(1)  # type: ignore[union-attr]
        photo = re.search(r'src="(/attachments/\d+)"', text).group(1)  # type: ignore[union-attr]
        assert request(console_port, "GET", photo, cookies=cookies).status == 200
        csrf = _csrf(text)
        reply = "Chào chị Lan, phường sẽ mang gạo tới trong chiều nay."
        answer = request(
            console_port,
            "POST",
            f"/tickets/{number}/reply",
            form={"csrf_token": csrf, "text": reply},
            cookies=cookies,
        )
        assert answer.status == 303, answer.text[:500]
        wait_for(lambda: standin.texts("7001")[-1] == reply)
        assert (
            request(
                console_port,
                "POST",
                f"/tickets/{number}/claim",
                form={"csrf_token": csrf},
                cookies=cookies,
            ).status
            == 303
        )
        resolved = request(
            console_port,
            "POST",
            f"/tickets/{number}/resolve",
            form={"csrf_token": csrf, "note": ""},
            cookies=cookies,
        )
        assert resolved.status == 303
        wait_for(
            lambda: standin.texts("7001")[-1].startswith(
                f"Yêu cầu số {number} của bạn: Đã giải quyết"
            )
        )
        history = request(console_port, "GET", f"/tickets/{number}", cookies=cookies).text
        assert "Nhắn cho người dân (Zalo)" in history and history.count("đã gửi") >= 10
    finally:
        stop(console)
    assert ticket


def test_zalo_s_side_misbehaving(world: World) -> None:
    standin, node = world.standin, world.node
    ba = Citizen(standin, "7002")
    # a bad signature and none at all: answered 200, nothing done
    for sign in ("bad", "none"):
        (result,) = ba.deliver(ba.event("user_send_text", {"text": "xin chào"}), sign=sign)
        assert result["status"] == 200
    time.sleep(1.0)
    assert standin.sent("7002") == [] and world.scalar("SELECT count(*) FROM zalo_events") == 0
    assert (
        "delivery ignored (bad_signature)" in node.log()
        and "delivery ignored (unsigned)" in node.log()
    )
    # the same event three times (duplicates): one event, answered once
    first = ba.say("xin chào", expect=3, copies=3)
    assert len(first) == 3
    time.sleep(1.0)
    assert len(standin.sent("7002")) == 3
    assert world.scalar("SELECT deliveries FROM zalo_events") == 3
    # written name then phone, delivered phone first: taken in the order written
    name, phone = (
        ba.event("user_send_text", {"text": "Lê Văn Ba"}),
        ba.event("user_send_text", {"text": "0904 555 666"}),
    )
    before = len(standin.sent("7002"))
    ba.deliver(phone)
    ba.deliver(name)
    replies = ba.replies(before, 2)  # the name answered, then the phone: in the order written
    assert replies[0].startswith("Số điện thoại") and replies[1].startswith("Địa chỉ của bạn")

    # the server killed between Zalo's 200 and handling (a long reorder hold), then started again
    node.stop()
    slow = make_node(world.root, standin.port, node.port, reorder_seconds=3)
    slow.start()
    before = len(standin.sent("7002"))
    (delivered,) = ba.deliver(
        ba.event("user_send_text", {"text": "45 Lê Văn Sỹ, phường 13, quận 3"})
    )
    assert delivered["status"] == 200
    slow.kill()  # the event is stored, not handled
    assert world.scalar("SELECT status FROM zalo_events ORDER BY id DESC LIMIT 1") == "pending"
    node.start()
    assert ba.replies(before, 1)[0].startswith("Bạn cần hỗ trợ gì?")  # resumed where it was

    # Zalo retries while the server is down: delivered once it is back
    node.stop()
    before = len(standin.sent("7002"))
    ba.deliver(
        ba.event("user_send_text", {"text": "Cần gạo và mì"}), schedule=[1, 2, 3, 4], wait=False
    )
    time.sleep(2.0)
    node.start()
    readback = ba.replies(before, 1, timeout=30)[0]
    assert "Lê Văn Ba" in readback and "0904555666" in readback and "45 Lê Văn Sỹ" in readback
    tries = wait_for(
        lambda: [d for d in standin.control("state")["deliveries"] if len(d["tries"]) > 1]
    )
    assert tries[-1]["status"] == 200 and tries[-1]["tries"][0]["status"] == 0  # down at first
    number = re.search(r"mã số (\d{7})", ba.say("1")[0]).group(1)  # type: ignore[union-attr]
    assert world.scalar("SELECT count(*) FROM tickets WHERE channel = 'chat'") == 1
    assert (
        world.scalar("SELECT callback_number FROM tickets WHERE number = ?", number) == "0904555666"
    )
    slow.stop()


def test_token_expiry_and_the_reply_window(world: World) -> None:
    standin, node = world.standin, world.node
    cu = Citizen(standin, "7003")
    cu.say("xin chào", expect=3)
    standin.control("expire", {})  # Zalo no longer takes the token: -220
    assert cu.say("Nguyễn Văn Cư") == ["Số điện thoại để tổng đài viên gọi lại cho bạn là số nào?"]
    state = standin.control("state")
    assert state["refreshes"] == 1 and [r["error"] for r in state["refused"]] == [-220]
    status = node.cli("zalo", "status")
    assert status.returncode == 0 and "the token works" in status.stdout, status.stdout
    for secret in (standin.first_tokens["access_token"], standin.first_tokens["refresh_token"]):
        assert secret not in status.stdout + status.stderr + node.log()

    # Zalo says the citizen is past its window (-230): the message is failed, shown why
    for text in ("0905 777 888", "12 Lê Lợi, phường Bến Nghé", "Cần hỗ trợ tiền thuê nhà"):
        cu.say(text)
    number = re.search(r"mã số (\d{7})", cu.say("1")[0]).group(1)  # type: ignore[union-attr]
    standin.control("user", {"user_id": "7003", "last_ms": int((time.time() - 8 * 86400) * 1000)})
    console_port = free_port()
    assert (
        node.cli(
            "users", "add", "sup", "--role", "supervisor", "--unit", "HQ", stdin=f"{PASSWORD}\n"
        ).returncode
        == 0
    )
    console = start_console(
        world.root,
        console_port,
        {k: v for k, v in node.env.items() if k.startswith("CALLBOT_ZALO")},
    )
    try:
        cookies = login(console_port, "sup", PASSWORD).cookies
        page = request(console_port, "GET", f"/tickets/{number}", cookies=cookies).text
        answer = request(
            console_port,
            "POST",
            f"/tickets/{number}/reply",
            form={"csrf_token": _csrf(page), "text": "Chào anh Cư"},
            cookies=cookies,
        )
        assert answer.status == 303
        failed = wait_for(
            lambda: (
                "Không gửi được"
                in (p := request(console_port, "GET", f"/tickets/{number}", cookies=cookies).text)
                and p
            )
        )
        assert "đã hết thời hạn được nhắn cho người dân (Zalo error -230)" in failed
        # and callbot's own rule: the citizen's last message 49 hours ago, nothing is queued
        long_ago = (datetime.now(UTC) - timedelta(hours=49)).strftime("%Y-%m-%d %H:%M:%S.%f")
        with world.db() as db:
            db.execute("UPDATE chat_conversations SET last_citizen_at = ?", (long_ago,))
        page = request(console_port, "GET", f"/tickets/{number}", cookies=cookies).text
        assert "Không thể nhắn cho người dân qua Zalo nữa" in page and 'id="chat-form"' not in page
        refused = request(
            console_port,
            "POST",
            f"/tickets/{number}/reply",
            form={"csrf_token": _csrf(page), "text": "Alo"},
            cookies=cookies,
        )
        assert refused.status == 409 and "Không thể nhắn cho người dân qua Zalo nữa" in refused.text
    finally:
        stop(console)
