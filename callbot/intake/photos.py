"""Photos sent with a written request: checked by their content, stored beside the recordings.

Whatever a sender says a file is (its name, its ``Content-Type``) is ignored. A photo is
accepted only when its bytes are a JPEG, PNG or WebP image (the signature, then Pillow decoding
it: a file that only starts like an image is refused) of at most ``intake.max_photo_bytes``
and ``intake.max_photo_pixels`` (a "decompression bomb" is refused before it is decoded). SVG,
HTML, GIF and anything else are refused: what is stored is only ever served as the image type
found here (``image/jpeg``, ``image/png``, ``image/webp``), never as a type a browser runs.

Files go where a call's recordings go, ``<recordings>/YYYY/MM/DD/<request id>/photo-N.ext``
(written to a temporary name, then renamed), readable by the owner and group only. Photos of a
form refused for another field wait in ``<recordings>/pending/<random id>/`` until the form is
sent again (:func:`keep_pending`), so nothing chosen is lost; left sets are swept.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from callbot.tickets.written import PhotoFile

log = logging.getLogger(__name__)

# Signature -> (Pillow's format name, the type served, the file's extension)
_JPEG = ("JPEG", "image/jpeg", "jpg")
_PNG = ("PNG", "image/png", "png")
_WEBP = ("WEBP", "image/webp", "webp")
TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


@dataclass(frozen=True)
class CheckedPhoto:
    """A photo's bytes and what they were found to be."""

    data: bytes
    content_type: str
    extension: str
    width: int
    height: int
    sha256: str


class PhotoRefused(ValueError):
    """A file refused as a photo; ``code`` says why (``not_an_image``, ``photo_too_big``)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def sniff(data: bytes) -> tuple[str, str, str] | None:
    """(format, type, extension) of an image by its first bytes, or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return _JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _PNG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _WEBP
    return None


def check_photo(data: bytes, *, max_bytes: int, max_pixels: int) -> CheckedPhoto:
    """``data`` as an accepted photo; :class:`PhotoRefused` when it is not one."""
    if len(data) > max_bytes:
        raise PhotoRefused("photo_too_big")
    found = sniff(data)
    if found is None:
        raise PhotoRefused("not_an_image")
    image_format, content_type, extension = found
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[image_format]) as image:
                width, height = image.size
                if width < 1 or height < 1 or width * height > max_pixels:
                    raise PhotoRefused("photo_too_big")
                if image_format == "JPEG":  # decoded at 1/8 scale: the whole stream, cheaply
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise PhotoRefused("photo_too_big") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, PhotoRefused):
            raise
        raise PhotoRefused("not_an_image") from exc
    return CheckedPhoto(
        data=data,
        content_type=content_type,
        extension=extension,
        width=width,
        height=height,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def store_photos(
    recordings: Path, relative_dir: str, photos: list[CheckedPhoto], first: int = 1
) -> list[PhotoFile]:
    """Write ``photos`` under ``recordings / relative_dir`` as ``photo-1.jpg``... (numbered
    from ``first``: a chat's photos arrive one by one); their records (paths relative to
    ``recordings``). Raises OSError (nothing half-written stays)."""
    directory = recordings / relative_dir
    stored: list[PhotoFile] = []
    written: list[Path] = []
    try:
        if photos:
            directory.mkdir(parents=True, exist_ok=True)
        for position, photo in enumerate(photos, first):
            name = f"photo-{position}.{photo.extension}"
            target = directory / name
            temporary = directory / f".{name}.part"
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
            with os.fdopen(descriptor, "wb") as out:
                out.write(photo.data)
            temporary.replace(target)
            written.append(target)
            stored.append(
                PhotoFile(
                    path=f"{relative_dir}/{name}",
                    content_type=photo.content_type,
                    size_bytes=len(photo.data),
                    width=photo.width,
                    height=photo.height,
                    sha256=photo.sha256,
                )
            )
    except OSError:
        remove_files(written)
        raise
    return stored


def remove_files(paths: list[Path]) -> None:
    """Delete files a failed request left (best effort, logged)."""
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", path.name, exc)


PENDING = "pending"  # <recordings>/pending/<id>/: photos kept while a form is sent again


def keep_pending(recordings: Path, photos: list[CheckedPhoto]) -> str:
    """Keep checked photos of a form refused for another field, so the citizen need not choose
    them again; the id to find them by (random: 128 bits, hex)."""
    pending_id = os.urandom(16).hex()
    store_photos(recordings, f"{PENDING}/{pending_id}", photos)
    return pending_id


def load_pending(recordings: Path, pending_id: str) -> list[bytes]:
    """The bytes of the photos kept under ``pending_id`` (none when unknown or malformed)."""
    if len(pending_id) != 32 or not all(c in "0123456789abcdef" for c in pending_id):
        return []
    directory = recordings / PENDING / pending_id
    if not directory.is_dir():
        return []
    return [path.read_bytes() for path in sorted(directory.glob("photo-*"))]


def drop_pending(recordings: Path, pending_id: str, older_than: float | None = None) -> None:
    """Delete the photos kept under ``pending_id``; with ``older_than`` (seconds), also every
    other pending set left that long (forms never sent again)."""
    root = recordings / PENDING
    targets = [root / pending_id] if pending_id else []
    if older_than is not None and root.is_dir():
        now = time.time()
        targets += [d for d in root.iterdir() if now - d.stat().st_mtime > older_than]
    for directory in targets:
        if directory.is_dir() and directory.parent == root:
            remove_files(list(directory.iterdir()))
            try:
                directory.rmdir()
            except OSError as exc:
                log.warning("could not remove %s: %s", directory.name, exc)
