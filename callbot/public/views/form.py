"""The web form: ``GET /`` serves it, ``POST /send`` turns it into a ticket; the web app
manifest that makes it installable on a phone's home screen.

``POST /send``, in order: the honeypot (filled: 400, nothing kept); the form's time token
(sent too fast, or too old or not ours: the form again, values kept, 400); the limit per
address (over ``intake.max_sends_per_address``: 429; over ``intake.sends_per_address``: a
solved proof of work is needed, else the form again with a challenge, 429); the fields and
photos (refused: the form again, each message beside its field, 422); the limit per phone
number (429); then the ticket: the receipt page with its number, a link to its status, and
115/114/113 at once for an emergency. Sending the same form twice gives the same ticket.

A form served again keeps what was typed, and its acceptable photos wait on the server
(:meth:`~callbot.intake.written.WrittenIntake.keep_photos`, a signed reference in the form):
the citizen need not choose them again, or may drop them.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from callbot.errors import InvalidRequest, StorageError, TooManyRequests
from callbot.intake.photos import CheckedPhoto
from callbot.intake.places import ward_groups
from callbot.public import labels
from callbot.public.antibot import HONEYPOT, TokenCheck
from callbot.public.views import client_of, in_thread, minutes, render, site_of
from callbot.tickets.rules import Channel

log = logging.getLogger(__name__)

TEXT_FIELDS = ("name", "phone", "address", "ward", "need")
MAX_FIELD = 16 * 1024  # bytes of one text part (the fields' own limits are far lower)
MAX_FILES = 20  # file parts parsed at most (more than intake.max_photos is refused by name)


def _photo_values(request: Request) -> dict[str, Any]:
    intake = site_of(request).config.intake
    return labels.photo_limits(intake.max_photos, intake.max_photo_bytes, intake.max_photo_pixels)


def render_form(
    request: Request,
    *,
    values: dict[str, str] | None = None,
    problems: dict[str, str] | None = None,
    notice: str = "",
    status: int = 200,
    pow_needed: bool = False,
    photos_lost: bool = False,
    kept: tuple[str, int] | None = None,
) -> Response:
    """The form page: its values, each refusal beside its field, a challenge when needed, the
    photos ``kept`` (their id and count) from a form refused for another field."""
    site = site_of(request)
    photo = _photo_values(request)
    messages = {
        field: labels.field_error(field, code, **photo) for field, code in (problems or {}).items()
    }
    context = {
        "token": site.tokens.issue(),
        "groups": ward_groups(),
        "values": {name: (values or {}).get(name, "") for name in (*TEXT_FIELDS, "consent")},
        "problems": messages,
        "notice": notice,
        "photos_lost": photos_lost,
        "kept": {"ref": site.tokens.sign(kept[0]), "count": kept[1]} if kept else None,
        "challenge": site.pow.challenge() if pow_needed else None,
        "photo_hint": labels.HINTS["photos"].format(**photo),
        "max_photos": site.config.intake.max_photos,
        "honeypot": HONEYPOT,
    }
    return render(request, "form.html", context, status)


async def form_page(request: Request) -> Response:
    """``GET /``: the form (with a proof-of-work challenge when this address sent a lot)."""
    site = site_of(request)
    busy = site.limits.sends.count(client_of(request)) >= site.config.intake.sends_per_address
    return render_form(request, pow_needed=busy)


async def read_form(request: Request) -> tuple[FormData | None, list[bytes], bool]:
    """The form's fields and its photos' bytes, and whether there are too many photos;
    (None, [], False) when it cannot be parsed (the body's size is the gate's)."""
    intake = site_of(request).config.intake
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=40, max_part_size=MAX_FIELD)
    except HTTPException:
        return None, [], False
    files: list[bytes] = []
    try:
        for item in form.getlist("photos"):
            if isinstance(item, UploadFile):
                files.append(await item.read(intake.max_photo_bytes + 1))
    finally:
        await form.close()  # the spooled files: the bytes are read
    return form, files, len([f for f in files if f]) > intake.max_photos


def _refused(request: Request, key: str, status: int, **values: object) -> Response:
    message = labels.ERRORS[key].format(**values)
    return render(request, "error.html", {"message": message}, status)


async def send(request: Request) -> Response:
    """``POST /send``: the form into a ticket (module docstring)."""
    site = site_of(request)
    settings = site.config.intake
    client = client_of(request)
    form, files, too_many = await read_form(request)
    if form is None:
        return _refused(request, "bad_request", 400)
    values = {name: str(form.get(name) or "") for name in (*TEXT_FIELDS, "consent")}
    kept_id = site.tokens.unsign(str(form.get("kept_photos") or ""))
    if kept_id and form.get("drop_kept"):
        await in_thread(site.written.intake.drop_kept, kept_id)
        kept_id = None
    if kept_id:  # photos chosen before the form was refused for another field
        files = [*await in_thread(site.written.intake.kept_photos, kept_id), *files]
        too_many = len([f for f in files if f]) > settings.max_photos
    if str(form.get(HONEYPOT) or ""):
        site.limits.sends.add(client)
        log.info("a form with its honeypot filled was refused")
        return _refused(request, "honeypot", 400)
    sent = site.limits.sends.count(client)
    if sent >= settings.max_sends_per_address:
        wait = site.limits.sends.retry_after(client, settings.max_sends_per_address)
        response = _refused(request, "too_many_address", 429, minutes=minutes(wait))
        response.headers["retry-after"] = str(wait)
        return response
    site.limits.sends.add(client)
    pow_needed = sent + 1 > settings.sends_per_address
    checked = site.tokens.check(str(form.get("form_token") or ""))
    again = Again(values=values, files=files, kept_id=kept_id, pow_needed=pow_needed)
    if checked.result != TokenCheck.OK:
        notice = labels.PAGE["too_fast" if checked.result == TokenCheck.TOO_FAST else "expired"]
        return await again.render(request, notice=notice, status=400)
    if pow_needed and not site.pow.verify(str(form.get("altcha") or "")):
        again.pow_needed = True
        return await again.render(request, notice=labels.PAGE["pow_failed"], status=429)
    return await _accept(request, again, too_many=too_many, nonce=checked.nonce)


@dataclass
class Again:
    """A form to serve again: its values, the photos it carried (kept for the next send)."""

    values: dict[str, str]
    files: list[bytes]
    kept_id: str | None
    pow_needed: bool

    async def render(
        self,
        request: Request,
        *,
        notice: str = "",
        status: int,
        problems: dict[str, str] | None = None,
        photos: list[CheckedPhoto] | None = None,
    ) -> Response:
        """The form again, values kept; the photos (``photos`` if already checked) kept so
        they need not be chosen again, when they are acceptable."""
        intake = site_of(request).written.intake
        if photos is None and any(self.files) and "photos" not in (problems or {}):
            try:
                photos = await in_thread(intake.check_photos, self.files)
            except InvalidRequest:
                photos = []
        kept_id = await in_thread(intake.keep_photos, photos or [])
        if self.kept_id:
            await in_thread(intake.drop_kept, self.kept_id)
        kept = (kept_id, len(photos or [])) if kept_id else None
        return render_form(
            request,
            values=self.values,
            problems=problems,
            notice=notice,
            status=status,
            pow_needed=self.pow_needed,
            photos_lost=any(self.files) and kept is None,
            kept=kept,
        )


async def _accept(request: Request, again: Again, *, too_many: bool, nonce: str) -> Response:
    site = site_of(request)
    intake = site.written.intake
    files = again.files
    problems: dict[str, str] = {}
    clean = None
    try:
        clean = intake.check(again.values, consent_needed=True)
    except InvalidRequest as refused:
        problems.update(refused.problems)
    photos: list[CheckedPhoto] = []
    if too_many:
        problems["photos"] = "too_many_photos"
    elif any(files):  # decoding photos takes a while: not on the event loop
        try:
            photos = await in_thread(intake.check_photos, files)
        except InvalidRequest as refused:
            problems.update(refused.problems)
    if problems or clean is None:
        return await again.render(request, problems=problems, status=422, photos=photos)
    digest = clean.digest([p.sha256 for p in photos])
    key = hashlib.sha256(f"{nonce}:{digest}".encode()).hexdigest()
    try:
        receipt = await in_thread(
            lambda: intake.submit(
                clean,
                photos,
                channel=Channel.WEB,
                scope="web",
                idempotency_key=key,
                per_phone_hour=site.config.intake.sends_per_phone,
            )
        )
    except TooManyRequests:
        return _refused(request, "too_many_phone", 429)
    except StorageError as exc:
        log.error("a web request could not be stored: %s", exc)
        return _refused(request, "storage", 503)
    if again.kept_id:
        await in_thread(intake.drop_kept, again.kept_id)
    context = {
        "number": receipt.number,
        "emergency": receipt.emergency,
        "service": receipt.service,
        "repeat": not receipt.created,
        "phone": clean.phone,
        "status_url": f"/status?number={receipt.number}",
    }
    return render(request, "sent.html", context)


async def manifest(request: Request) -> Response:
    """``GET /manifest.webmanifest``: the form as an app on a phone's home screen."""
    body = {
        "name": "Tổng đài 1022 · Gửi yêu cầu hỗ trợ",
        "short_name": "Tổng đài 1022",
        "description": labels.PAGE["lead"],
        "lang": "vi",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b4f9c",
        "icons": [
            {"src": "/static/icon-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": "/static/icon-512.png", "sizes": "512x512", "type": "image/png"},
            {
                "src": "/static/icon-512.png",
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    return JSONResponse(body, media_type="application/manifest+json")
