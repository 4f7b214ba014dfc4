"""The console over HTTP (Starlette's TestClient, real SQLite): login, sessions that expire,
the CSRF gate on every POST, refusals by unit, recordings with ranges, claims from two
clients at once, the users command."""

from __future__ import annotations

import io
import re
import wave
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from httpx2 import Response
from sqlalchemy import select, update
from starlette.routing import Route

from callbot import cli
from callbot.config import load_config
from callbot.console import labels
from callbot.console.security import COOKIE
from callbot.errors import ConfigError
from callbot.operators.login import token_hash
from callbot.tickets.models import Answer, UserSession
from tests.support.console import PASSWORD, Site, _wav, csrf_of, login
from tests.support.operators import race

pytestmark = pytest.mark.both_databases


def test_anonymous_requests_are_refused(site: Site) -> None:
    number, answer_id = site.ticket()
    with site.client() as client:
        page = client.get("/")
        assert page.status_code == 303 and page.headers["location"] == "/login?next=%2F"
        page = client.get(f"/tickets/{number}")
        assert page.status_code == 303
        assert client.get(f"/recordings/{answer_id}").status_code == 401
        assert client.get("/live").status_code == 401
        assert client.get("/fragments/queue").status_code == 401
        assert client.post(f"/tickets/{number}/claim").status_code == 401
        assert client.get("/static/console.css").status_code == 200
        assert client.get("/login").headers["x-frame-options"] == "DENY"


def test_login_sets_a_safe_cookie_and_stores_only_a_hash(site: Site) -> None:
    with site.client() as client:
        assert login(client, "ana", "wrong-password") == "401"
        assert login(client, "nobody") == "401"
        page = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token is not None
        response = client.post(
            "/login",
            data={"csrf_token": token.group(1), "name": "ana", "password": PASSWORD, "next": "//x"},
        )
        assert response.status_code == 303 and response.headers["location"] == "/"
        cookie = next(
            c for c in response.headers.get_list("set-cookie") if c.startswith(COOKIE + "=")
        )
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
        value = client.cookies[COOKIE]
        with site.engine.connect() as connection:
            stored = connection.scalars(select(UserSession.token_hash)).all()
        assert stored == [token_hash(value)] and value not in stored
        assert "Hàng đợi phiếu" in client.get("/").text


def test_login_without_its_csrf_cookie_is_refused_and_failures_are_throttled(site: Site) -> None:
    with site.client() as client:
        refused = client.post("/login", data={"name": "ana", "password": PASSWORD})
        assert refused.status_code == 403
        for _ in range(5):
            assert login(client, "binh", "wrong-password") == "401"
        assert login(client, "binh") == "429"


def test_every_post_needs_the_session_csrf_token(site: Site) -> None:
    number, _ = site.ticket()
    posts = [
        r.path.replace("{number:str}", number).replace("{action:str}", "claim")
        for r in site.app.routes
        if isinstance(r, Route) and "POST" in (r.methods or ()) and r.path != "/login"
    ]
    assert "/logout" in posts and f"/tickets/{number}/claim" in posts
    with site.client() as client:
        login(client, "ana")
        for path in posts:
            assert client.post(path).status_code == 403, path
            assert client.post(path, data={"csrf_token": "forged"}).status_code == 403, path
        token = csrf_of(client)
        done = client.post(f"/tickets/{number}/claim", headers={"X-CSRF-Token": token})
        assert done.status_code == 303
        assert client.post("/logout", data={"csrf_token": token}).status_code == 303


def test_sessions_expire_and_logout_ends_them(site: Site) -> None:
    auth = site.console.auth
    now = [datetime.now(UTC)]
    auth.clock = lambda: now[0]
    with site.client() as client:
        login(client, "ana")
        assert client.get("/").status_code == 200
        now[0] += auth.idle + timedelta(seconds=1)
        assert client.get("/").status_code == 303  # idle too long
        login(client, "ana")
        for _ in range(int(auth.max_age / (auth.idle / 2)) + 1):
            now[0] += auth.idle / 2
            if client.get("/").status_code != 200:
                break
        assert now[0] - datetime.now(UTC) > auth.max_age - auth.idle  # ended by max age
        login(client, "ana")
        token = client.cookies[COOKIE]
        client.post("/logout", data={"csrf_token": csrf_of(client)})
        client.cookies.set(COOKIE, token)  # a stolen cookie after logout
        assert client.get("/").status_code == 303


def test_operator_of_another_unit_is_refused_pages_and_recordings(site: Site) -> None:
    """Another unit's ticket answers exactly as a ticket that does not exist (404, the same
    page): a ticket number or an answer id is no existence oracle (probe finding of issue 12)."""
    number, answer_id = site.ticket(unit="U1")
    unknown = "0999995"  # well formed (Luhn digit right), no such ticket
    with site.client() as other, site.client() as boss, site.client() as owner:
        login(other, "chi")
        token = csrf_of(other)
        page, missing = other.get(f"/tickets/{number}"), other.get(f"/tickets/{unknown}")
        assert page.status_code == missing.status_code == 404
        assert page.text == missing.text
        audio, no_audio = other.get(f"/recordings/{answer_id}"), other.get("/recordings/99999")
        assert audio.status_code == no_audio.status_code == 404 and audio.text == no_audio.text
        assert number not in other.get("/").text
        for action in ("claim", "note", "correct", "callback", "nothing"):
            refused = other.post(f"/tickets/{number}/{action}", data={"csrf_token": token})
            absent = other.post(f"/tickets/{unknown}/{action}", data={"csrf_token": token})
            assert refused.status_code == absent.status_code == 404, action
            assert refused.text == absent.text, action
        login(boss, "sup")
        assert boss.get(f"/tickets/{number}").status_code == 200
        login(owner, "ana")
        assert number in owner.get("/").text


def test_recordings_answer_ranges_and_never_leave_the_root(site: Site, tmp_path: Path) -> None:
    _, answer_id = site.ticket()
    with site.client() as client:
        login(client, "ana")
        whole = client.get(f"/recordings/{answer_id}")
        assert whole.status_code == 200 and whole.headers["accept-ranges"] == "bytes"
        part = client.get(f"/recordings/{answer_id}", headers={"Range": "bytes=0-99"})
        assert part.status_code == 206 and len(part.content) == 100
        assert part.headers["content-range"] == f"bytes 0-99/{len(whole.content)}"
        with wave.open(io.BytesIO(whole.content)) as audio:
            assert audio.getframerate() == 8000
        # a path in the database that would leave the root (a symlink out of it)
        secret = tmp_path / "secret.wav"
        _wav(secret)
        link = site.config.storage.recordings_dir / "evil.wav"
        link.symlink_to(secret)
        with site.engine.begin() as connection:
            connection.execute(
                update(Answer).where(Answer.id == answer_id).values(audio_path="evil.wav")
            )
        assert client.get(f"/recordings/{answer_id}").status_code == 404
        assert client.get("/recordings/999999").status_code == 404


def test_two_clients_claim_at_once_one_is_told(site: Site) -> None:
    for _ in range(5):
        number, _ = site.ticket()
        with site.client() as ana, site.client() as binh:
            login(ana, "ana")
            login(binh, "binh")
            forms = [{"csrf_token": csrf_of(ana)}, {"csrf_token": csrf_of(binh)}]
            path = f"/tickets/{number}/claim"
            responses = race(
                partial(ana.post, path, data=forms[0]), partial(binh.post, path, data=forms[1])
            )
            codes = [(r.status_code, r.text) for r in responses if isinstance(r, Response)]
            assert sorted(code for code, _ in codes) == [303, 409], responses
            winner = "ana" if codes[0][0] == 303 else "binh"
            told = next(text for code, text in codes if code == 409)
            assert f"Phiếu này vừa được {winner} nhận" in told


def test_actions_flow_and_history(site: Site) -> None:
    number, _ = site.ticket()
    with site.client() as client:
        login(client, "ana")
        token = csrf_of(client)
        for action, data in [
            ("claim", {}),
            ("correct", {"name": "Nguyễn Văn Ân", "urgency": "high"}),
            ("unreachable", {"note": "không nghe máy"}),
            ("claim", {}),
            ("resolve", {"note": "đã hỗ trợ"}),
        ]:
            response = client.post(
                f"/tickets/{number}/{action}", data={"csrf_token": token, **data}
            )
            assert response.status_code == 303, (action, response.text)
        page = client.get(f"/tickets/{number}?done=resolve").text
        assert "Đã đóng" in page and "Đã giải quyết" in page
        assert "bot hiểu: Nguyễn Văn An" in page
        assert "Không liên lạc được" in page and "1 lần" in page
        again = client.post(f"/tickets/{number}/claim", data={"csrf_token": token})
        assert again.status_code == 409 and "Phiếu này đã đóng." in again.text
        bad = client.post(f"/tickets/{number}/explode", data={"csrf_token": token})
        assert bad.status_code == 404


def test_a_refused_value_is_400_and_changes_nothing(site: Site) -> None:
    number, _ = site.ticket()
    with site.client() as client:
        login(client, "ana")
        token = csrf_of(client)
        assert (
            client.post(f"/tickets/{number}/claim", data={"csrf_token": token}).status_code == 303
        )
        for action, data in [
            ("correct", {"urgency": "very"}),  # not an urgency
            ("refer", {"unit": "U 2"}),  # not a unit code
        ]:
            refused = client.post(f"/tickets/{number}/{action}", data={"csrf_token": token, **data})
            assert refused.status_code == 400, (action, refused.text)
            assert labels.REFUSAL["bad_value"] in refused.text
    found = site.console.accounts.credentials("ana")
    assert found is not None
    view = site.console.queue.ticket(found[0], number)
    assert (view.ticket.unit, view.ticket.urgency) == ("U1", "normal")
    assert [event.action for event in view.events] == ["claim"]


def test_console_settings_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"console\.session_idle_minutes"):
        load_config(environ={"CALLBOT_CONSOLE__SESSION_IDLE_MINUTES": "0"}, project_dir=tmp_path)
    with pytest.raises(ConfigError, match=r"console\.port"):
        load_config(environ={"CALLBOT_CONSOLE__PORT": "99999"}, project_dir=tmp_path)


def test_users_command_reads_the_password_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALLBOT_STORAGE__ROOT", str(tmp_path))
    monkeypatch.setenv("CALLBOT_PROJECT_DIR", str(tmp_path))
    assert cli.main(["db", "upgrade"]) == 0  # users add creates no database
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["users", "add", "dung", "--role", "supervisor", "--unit", "HCM"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert cli.main(["users", "add", "em", "--role", "operator", "--unit", "U1"]) == 2
    assert "too short" in capsys.readouterr().err
    assert cli.main(["users", "list"]) == 0
    out = capsys.readouterr().out
    assert "dung" in out and "supervisor" in out and "em" not in out
