"""Zalo's protocol, pure: the webhook's signature on the raw body, events read from the wire
shapes public implementations show, the bodies sent, Zalo's answers, the reply window."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest

from callbot.config import ZaloConfig
from callbot.errors import ZaloError
from callbot.zalo.events import Kind, parse_event
from callbot.zalo.messages import (
    MAX_TEXT,
    info_request_body,
    read_send_answer,
    read_token_answer,
    text_body,
)
from callbot.zalo.signature import (
    MALFORMED,
    MISMATCH,
    NOT_CONFIGURED,
    UNSIGNED,
    check,
    event_timestamp,
    header_mac,
    sign,
)
from callbot.zalo.window import Closed, ReplyWindow, Window

APP, KEY = "1234567890", "oa-secret-key"
BODY = (
    b'{"app_id":"1234567890","event_name":"user_send_text","timestamp":"1700000000000",'
    b'"sender":{"id":"2468"},"recipient":{"id":"99"},'
    b'"message":{"msg_id":"abc1","text":"xin ch\\u00e0o"}}'
)


# -- signature ------------------------------------------------------------------------------


def test_the_signature_is_a_plain_sha256_of_app_body_timestamp_and_oa_key() -> None:

    expected = hashlib.sha256(APP.encode() + BODY + b"1700000000000" + KEY.encode()).hexdigest()
    assert sign(APP, BODY, "1700000000000", KEY) == expected


@pytest.mark.parametrize("prefix", ["mac=", "MAC=", "", "mac= "])
def test_a_good_signature_passes_with_or_without_its_prefix(prefix: str) -> None:
    mac = sign(APP, BODY, "1700000000000", KEY)
    verdict = check(
        f"{prefix}{mac.upper() if prefix == 'MAC=' else mac}", BODY, app_id=APP, oa_secret_key=KEY
    )
    assert verdict.ok and verdict.timestamp == "1700000000000"


def test_the_raw_body_is_signed_not_its_json() -> None:
    mac = sign(APP, BODY, "1700000000000", KEY)
    reformatted = json.dumps(json.loads(BODY)).encode()  # same data, other bytes
    assert check(f"mac={mac}", reformatted, app_id=APP, oa_secret_key=KEY).reason == MISMATCH


@pytest.mark.parametrize(
    ("header", "body", "app", "key", "reason"),
    [
        (None, BODY, APP, KEY, UNSIGNED),
        ("", BODY, APP, KEY, UNSIGNED),
        ("mac=", BODY, APP, KEY, UNSIGNED),
        ("mac=" + "0" * 64, BODY, APP, KEY, MISMATCH),
        ("mac=not-hex-at-all-é", BODY, APP, KEY, MISMATCH),
        ("mac=" + "a" * 500, BODY, APP, KEY, MISMATCH),
        ("mac=" + "0" * 64, b"not json", APP, KEY, MALFORMED),
        ("mac=" + "0" * 63, b"not json", APP, KEY, MISMATCH),  # not a digest: body not read
        ("mac=" + "0" * 64, b'{"event_name":"x"}', APP, KEY, MALFORMED),
        ("mac=" + "0" * 64, b"[1,2]", APP, KEY, MALFORMED),
        ("mac=" + "0" * 64, BODY, "", "", NOT_CONFIGURED),
    ],
)
def test_deliveries_that_are_not_zalo_s_say_why(
    header: str | None, body: bytes, app: str, key: str, reason: str
) -> None:
    verdict = check(header, body, app_id=app, oa_secret_key=key)
    assert not verdict.ok and verdict.reason == reason


def test_signed_with_another_oa_key_or_app_id_fails() -> None:
    mac = sign(APP, BODY, "1700000000000", KEY)
    assert check(mac, BODY, app_id=APP, oa_secret_key=KEY + "x").reason == MISMATCH
    assert check(mac, BODY, app_id="999", oa_secret_key=KEY).reason == MISMATCH


def test_a_numeric_timestamp_is_signed_as_its_digits() -> None:
    body = b'{"event_name":"follow","timestamp":1700000000000}'
    assert event_timestamp(body) == "1700000000000"
    assert check(sign(APP, body, "1700000000000", KEY), body, app_id=APP, oa_secret_key=KEY).ok
    assert event_timestamp(b'{"timestamp":true}') is None
    assert header_mac("  mac=ABC ") == "abc"


# -- events ---------------------------------------------------------------------------------


def _event(
    name: str, message: dict[str, object] | None = None, **extra: object
) -> dict[str, object]:
    return {
        "app_id": APP,
        "event_name": name,
        "timestamp": "1700000000000",
        "sender": {"id": "2468"},
        "recipient": {"id": "99"},
        **({"message": message} if message is not None else {}),
        **extra,
    }


def test_a_text() -> None:
    event = parse_event(json.loads(BODY))
    assert event.kind == Kind.TEXT and event.text == "xin chào" and event.user_id == "2468"
    assert event.key == "m:abc1" and event.timestamp_ms == 1_700_000_000_000
    assert event.from_citizen


def test_an_image() -> None:
    event = parse_event(
        _event(
            "user_send_image",
            {
                "msg_id": "i1",
                "attachments": [
                    {
                        "type": "image",
                        "payload": {"url": "https://p.zdn.vn/a.jpg", "thumbnail": "x"},
                    }
                ],
            },
        )
    )
    assert event.kind == Kind.IMAGE and event.images == ("https://p.zdn.vn/a.jpg",)
    assert event.text is None


@pytest.mark.parametrize(
    "message",
    [
        {
            "msg_id": "l1",
            "attachments": [
                {
                    "type": "location",
                    "payload": {
                        "coordinates": {"latitude": "10.7642473", "longitude": "106.6564314"}
                    },
                }
            ],
        },
        {
            "msg_id": "l1",
            "attachments": [
                {
                    "type": "location",
                    "payload": {"coordinates": {"lat": 10.7642473, "long": 106.6564314}},
                }
            ],
        },
        {"msg_id": "l1", "location": {"latitude": "10.7642473", "longitude": "106.6564314"}},
    ],
    ids=["coordinates", "lat-long", "message.location"],
)
def test_a_location_in_each_shape_published(message: dict[str, object]) -> None:
    event = parse_event(_event("user_send_location", message))
    assert event.kind == Kind.LOCATION and event.location == (10.7642473, 106.6564314)


def test_a_location_without_usable_coordinates_is_not_read() -> None:
    bad = {
        "msg_id": "l2",
        "attachments": [
            {
                "type": "location",
                "payload": {"coordinates": {"latitude": "nan", "longitude": "999"}},
            }
        ],
    }
    assert parse_event(_event("user_send_location", bad)).kind == Kind.OTHER


def test_shared_info_and_the_other_events() -> None:
    info = parse_event(
        _event(
            "user_submit_info",
            info={"name": "Lê Văn Ba", "phone": "84901234567", "address": "12 Lê Lợi", "city": 79},
        )
    )
    assert info.kind == Kind.INFO and info.info is not None
    assert (info.info.name, info.info.phone, info.info.city) == ("Lê Văn Ba", "84901234567", "79")
    assert info.key == "e:user_submit_info:2468:1700000000000"  # no msg_id: name, user, time
    follow = parse_event({"event_name": "follow", "timestamp": 1, "follower": {"id": "77"}})
    assert follow.kind == Kind.FOLLOW and follow.user_id == "77" and not follow.from_citizen
    assert parse_event(_event("user_send_sticker", {"msg_id": "s"})).kind == Kind.OTHER
    assert parse_event(_event("oa_send_text", {"msg_id": "o"})).kind == Kind.ECHO
    assert parse_event(_event("user_seen_message", {"msg_id": "r"})).kind == Kind.RECEIPT
    assert parse_event(_event("something_new")).kind == Kind.UNKNOWN


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "x",
        {"event_name": "user_send_text"},
        {"timestamp": "1"},
        {"event_name": "", "timestamp": 1},
        {"event_name": "a", "timestamp": "soon"},
    ],
)
def test_what_is_not_an_event_is_refused(data: object) -> None:
    with pytest.raises(ValueError):
        parse_event(data)


def test_hostile_values_are_bounded() -> None:
    event = parse_event(
        _event(
            "user_send_text",
            {"msg_id": "<script>", "text": "x" * 100_000},
            sender={"id": "1; DROP TABLE"},
        )
    )
    assert event.msg_id is None and event.user_id == ""  # not identifiers: dropped
    assert event.text is not None and len(event.text) == 4000


# -- messages and answers -------------------------------------------------------------------


def test_the_bodies_sent() -> None:
    assert text_body("2468", "chào") == {
        "recipient": {"user_id": "2468"},
        "message": {"text": "chào"},
    }
    assert len(text_body("1", "x" * 5000)["message"]["text"]) == MAX_TEXT
    card = info_request_body("2468", "T" * 200, "S", "https://x/y.png")
    payload = card["message"]["attachment"]["payload"]
    assert payload["template_type"] == "request_user_info"
    assert payload["elements"] == [
        {"title": "T" * 100, "subtitle": "S", "image_url": "https://x/y.png"}
    ]
    assert (
        "image_url"
        not in info_request_body("1", "t", "s")["message"]["attachment"]["payload"]["elements"][0]
    )


def test_zalo_s_answers() -> None:
    assert (
        read_send_answer(200, {"error": 0, "message": "Success", "data": {"message_id": "m9"}})
        == "m9"
    )
    with pytest.raises(ZaloError) as expired:
        read_send_answer(200, {"error": -216, "message": "Access token is invalid"})
    assert expired.value.code == -216 and expired.value.transient
    with pytest.raises(ZaloError) as window:
        read_send_answer(200, {"error": -230, "message": "User has not interacted"})
    assert window.value.code == -230 and not window.value.transient
    with pytest.raises(ZaloError) as down:
        read_send_answer(502, None)
    assert down.value.code is None and down.value.transient
    tokens = read_token_answer(
        200, {"access_token": "A", "refresh_token": "R", "expires_in": "90000"}
    )
    assert (tokens.access_token, tokens.refresh_token, tokens.expires_in) == ("A", "R", 90000)
    assert "A" not in repr(tokens)
    with pytest.raises(ZaloError) as used:
        read_token_answer(200, {"error": -14014, "error_name": "Invalid refresh token"})
    assert used.value.code == -14014 and not used.value.transient


# -- the reply window -----------------------------------------------------------------------

NOW = datetime(2026, 12, 6, 12, tzinfo=UTC)


def test_eight_free_replies_within_48_hours_of_the_citizen_s_message() -> None:
    rule = ReplyWindow()
    fresh = rule.state(NOW - timedelta(hours=1), 0, NOW)
    assert fresh.window == Window.FREE and fresh.replies_left == 8 and fresh.open
    assert fresh.until == NOW + timedelta(hours=47)
    assert rule.state(NOW - timedelta(hours=1), 7, NOW).replies_left == 1
    used = rule.state(NOW - timedelta(hours=1), 8, NOW)
    assert used.window == Window.CLOSED and used.closed == Closed.USED_UP
    old = rule.state(NOW - timedelta(hours=49), 0, NOW)
    assert old.window == Window.CLOSED and old.closed == Closed.EXPIRED
    assert rule.state(None, 0, NOW).closed == Closed.NEVER_WROTE


def test_paid_replies_up_to_seven_days_when_allowed() -> None:
    rule = ReplyWindow(paid_days=7)
    assert rule.state(NOW - timedelta(hours=1), 8, NOW).window == Window.PAID
    assert rule.state(NOW - timedelta(days=6), 0, NOW).window == Window.PAID
    assert rule.state(NOW - timedelta(days=8), 0, NOW).window == Window.CLOSED


def test_media_hosts() -> None:
    config = ZaloConfig()
    assert config.media_allowed("photo-talk.zadn.vn") and config.media_allowed("zalo.me")
    assert not config.media_allowed("evil-zalo.me") and not config.media_allowed("169.254.169.254")
