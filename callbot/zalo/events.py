"""A webhook event as a value: what a citizen did, in the OA's chat.

Zalo POSTs one JSON object per event (its OA webhook documentation; field names confirmed by
several public implementations, see README "Zalo")::

    {"app_id": "...", "event_name": "user_send_text", "timestamp": "1700000000000",
     "sender": {"id": "<user id, scoped to the OA>"}, "recipient": {"id": "<OA id>"},
     "message": {"msg_id": "...", "text": "xin chào"}}

- ``user_send_image``: ``message.attachments[].payload.url`` (``type`` "image");
- ``user_send_location``: ``message.attachments[].payload.coordinates`` with ``latitude`` and
  ``longitude`` (strings or numbers); public examples also write ``lat``/``long``, or
  ``message.location``: all are read;
- ``user_submit_info`` (the answer to the share-your-info card): ``info`` with ``name``,
  ``phone`` (often ``84...``), ``address``, ``ward``, ``district``, ``city``;
- ``follow`` / ``unfollow``: ``follower.id``; ``oa_send_*``: the OA's own messages echoed;
  ``user_received_message`` / ``user_seen_message``: receipts.

:func:`parse_event` keeps only what the chat uses, each value bounded; anything else in the
body is ignored. Its ``key`` names the event across Zalo's retries (which resend it, with a
``num_retry`` header): ``m:<msg_id>``, or for an event without a message id its name, user
and timestamp. Pure: no I/O.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

MAX_TEXT = 4000  # characters of a citizen's message kept (Zalo's own limit is near 2000)
MAX_FIELD = 300  # characters of each shared-info field
MAX_URL = 2000
MAX_IMAGES = 10  # images read from one event
_ID = re.compile(r"[0-9A-Za-z_.:-]{1,80}")


class Kind(StrEnum):
    """What an event is, for the chat."""

    TEXT = "text"
    IMAGE = "image"
    LOCATION = "location"
    INFO = "info"  # user_submit_info: name, phone, address shared from the card
    OTHER = "other"  # a sticker, GIF, file, voice, video, link, card: not read by the bot
    FOLLOW = "follow"
    UNFOLLOW = "unfollow"
    ECHO = "echo"  # oa_send_*: the OA's own message, echoed
    RECEIPT = "receipt"  # user_received_message, user_seen_message
    UNKNOWN = "unknown"


_OTHER_MESSAGES = {
    "user_send_sticker",
    "user_send_gif",
    "user_send_file",
    "user_send_audio",
    "user_send_video",
    "user_send_link",
    "user_send_business_card",
    "user_send_contact",
}


@dataclass(frozen=True)
class SharedInfo:
    """What a citizen shared from the info card (each field may be empty)."""

    name: str = ""
    phone: str = ""
    address: str = ""
    ward: str = ""
    district: str = ""
    city: str = ""


@dataclass(frozen=True)
class ZaloEvent:
    """One webhook event, as the chat reads it."""

    name: str  # event_name
    kind: Kind
    key: str  # the same across Zalo's retries of this event
    user_id: str  # the citizen (sender.id, follower.id), scoped to the OA; "" when none
    timestamp_ms: int
    msg_id: str | None = None
    text: str | None = None
    images: tuple[str, ...] = ()
    location: tuple[float, float] | None = None  # (latitude, longitude)
    info: SharedInfo | None = None

    @property
    def from_citizen(self) -> bool:
        """Whether a citizen did this (a message, shared info): what the chat answers."""
        return self.kind in (Kind.TEXT, Kind.IMAGE, Kind.LOCATION, Kind.INFO, Kind.OTHER)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any, limit: int) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        value = str(value)
    return value[:limit] if isinstance(value, str) else ""


def _identifier(value: Any) -> str:
    text = _text(value, 100).strip()
    return text if _ID.fullmatch(text) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip()[:40])
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _timestamp(value: Any) -> int | None:
    number = _number(value)
    if number is None or number < 0:
        return None
    return int(number)


def _location(message: dict[str, Any]) -> tuple[float, float] | None:
    places: list[dict[str, Any]] = [_dict(message.get("location"))]
    attachments = message.get("attachments")
    for attachment in attachments if isinstance(attachments, list) else []:
        payload = _dict(_dict(attachment).get("payload"))
        places.append(_dict(payload.get("coordinates")))
    for place in places:
        latitude = _number(place.get("latitude", place.get("lat")))
        longitude = _number(place.get("longitude", place.get("long", place.get("lng"))))
        if latitude is None or longitude is None:
            continue
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return latitude, longitude
    return None


def _images(message: dict[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    attachments = message.get("attachments")
    for attachment in attachments if isinstance(attachments, list) else []:
        item = _dict(attachment)
        if item.get("type") not in ("image", None):
            continue
        url = _text(_dict(item.get("payload")).get("url"), MAX_URL + 1)
        if url.startswith(("https://", "http://")) and len(url) <= MAX_URL:
            found.append(url)
    return tuple(found[:MAX_IMAGES])


def _info(body: dict[str, Any]) -> SharedInfo:
    info = _dict(body.get("info"))
    return SharedInfo(
        **{
            name: _text(info.get(name), MAX_FIELD).strip()
            for name in ("name", "phone", "address", "ward", "district", "city")
        }
    )


_KINDS = {
    "user_send_text": Kind.TEXT,
    "user_send_image": Kind.IMAGE,
    "user_send_location": Kind.LOCATION,
    "user_submit_info": Kind.INFO,
    "follow": Kind.FOLLOW,
    "unfollow": Kind.UNFOLLOW,
    "user_received_message": Kind.RECEIPT,
    "user_seen_message": Kind.RECEIPT,
    **dict.fromkeys(_OTHER_MESSAGES, Kind.OTHER),
}


def _kind(name: str) -> Kind:
    if name.startswith("oa_send_"):
        return Kind.ECHO
    return _KINDS.get(name, Kind.UNKNOWN)


def parse_event(data: Any) -> ZaloEvent:
    """The event in Zalo's decoded JSON ``data``; ValueError when it is not an event (no
    ``event_name``, no ``timestamp``)."""
    body = _dict(data)
    name = _text(body.get("event_name"), 64).strip()
    timestamp = _timestamp(body.get("timestamp"))
    if not name or timestamp is None:
        raise ValueError("not a Zalo event: event_name and timestamp are required")
    kind = _kind(name)
    message = _dict(body.get("message"))
    msg_id = _identifier(message.get("msg_id") or message.get("mid")) or None
    user = _identifier(_dict(body.get("sender")).get("id"))
    if kind in (Kind.FOLLOW, Kind.UNFOLLOW):
        user = _identifier(_dict(body.get("follower")).get("id"))
    elif kind in (Kind.ECHO, Kind.RECEIPT):
        user = _identifier(_dict(body.get("recipient")).get("id"))
    key = f"m:{msg_id}" if msg_id else f"e:{name}:{user}:{timestamp}"
    text = _text(message.get("text"), MAX_TEXT) or None
    location = _location(message) if kind == Kind.LOCATION else None
    if kind == Kind.LOCATION and location is None:
        kind = Kind.OTHER  # a location without usable coordinates: not readable
    return ZaloEvent(
        name=name,
        kind=kind,
        key=key,
        user_id=user,
        timestamp_ms=timestamp,
        msg_id=msg_id,
        text=text if kind == Kind.TEXT else None,
        images=_images(message) if kind == Kind.IMAGE else (),
        location=location,
        info=_info(body) if kind == Kind.INFO else None,
    )
