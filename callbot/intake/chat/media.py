"""A photo a citizen sent in the chat: fetched from Zalo, checked by its content like a form's,
and written beside the recordings in the conversation's directory.

Zalo's webhook carries a link to the image on its content servers, not the image: it is
fetched (only from ``zalo.media_hosts``, at most ``intake.max_photo_bytes``), then checked by
:func:`~callbot.intake.photos.check_photo` (JPEG, PNG or WebP by their bytes, pixels bounded)
and stored as ``photo-N.ext`` under the conversation's request directory, where the ticket's
attachments will point. :func:`keep_photo` says what became of it: ``kept``, ``refused`` (not
an image, too big), ``full`` (the conversation has its photos already) or ``failed`` (Zalo's
server could not give it: :class:`FetchLater` asks for the event to be tried again).
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

from callbot.dialog.chat_engine import PhotoOutcome
from callbot.errors import ZaloError
from callbot.intake.photos import PhotoRefused, check_photo, store_photos
from callbot.intake.written import PhotoLimits
from callbot.tickets.written import PhotoFile
from callbot.zalo.client import ZaloClient

log = logging.getLogger(__name__)


class FetchLater(Exception):
    """A photo could not be fetched now (Zalo unreachable): handle the event again later."""


def photo_dict(photo: PhotoFile) -> dict[str, Any]:
    """A stored photo as the conversation's state keeps it."""
    return asdict(photo)


def photo_file(data: dict[str, Any]) -> PhotoFile:
    """A stored photo from the conversation's state."""
    return PhotoFile(**{name: data[name] for name in PhotoFile.__dataclass_fields__})


def keep_photo(
    client: ZaloClient | None,
    url: str,
    *,
    limits: PhotoLimits,
    recordings: Path,
    relative_dir: str,
    position: int,
    last_try: bool,
) -> tuple[PhotoOutcome, PhotoFile | None]:
    """Fetch, check and store the photo at ``url`` as photo number ``position``: (what became
    of it, the stored file). Raises :class:`FetchLater` for a transient failure unless
    ``last_try``."""
    if position > limits.count:
        return "full", None
    if client is None:
        return "failed", None
    try:
        data = client.fetch_media(url, limits.bytes)
    except ZaloError as exc:
        if exc.transient and not last_try:
            raise FetchLater(str(exc)) from exc
        log.warning("a chat photo was not fetched: %s", exc)
        return ("failed" if exc.transient else "refused"), None
    try:
        checked = check_photo(data, max_bytes=limits.bytes, max_pixels=limits.pixels)
    except PhotoRefused as refused:
        log.info("a chat photo was refused: %s", refused.code)
        return "refused", None
    try:
        stored = store_photos(recordings, relative_dir, [checked], first=position)
    except OSError as exc:
        log.error("a chat photo could not be stored: %s", exc)
        raise FetchLater(f"the recordings directory failed: {exc}") from exc
    return "kept", stored[0]
