"""The REST API for the mobile app and partners: ``/api/v1``.

- ``POST /api/v1/requests``: a written request, as JSON ``{"name", "phone", "address",
  "need"}`` (``ward`` optional: one of ``GET /api/v1/wards``) or as ``multipart/form-data``
  with the same fields and up to ``intake.max_photos`` files named ``photos``. Answers 201
  ``{"ticket_number", "status_url", "emergency"}`` (``Location``: the request's status). An
  ``Idempotency-Key`` header makes a retry give the same ticket (the same 201, with
  ``Idempotent-Replayed: true``); the same key with a different request is 422.
- ``GET /api/v1/requests/{number}?phone=...``: ``{"ticket_number", "status", "label"}``; 404
  when there is no such ticket or the phone is not its own.
- ``GET /api/v1/wards``: the names ``ward`` takes (old and 2025), without a key.

Every request but ``wards`` carries ``Authorization: Bearer KEY`` (``callbot api keys add``):
401 otherwise, and an address that keeps sending wrong keys gets 429. Errors are RFC 9457
problems (``application/problem+json``): 400 malformed JSON, 401, 413 (too large; a photo over
``intake.max_photo_bytes`` names ``photos``), 415, 422 (``errors``: each refused field with its
code and message), 429 (``Retry-After``: per key, per phone number), 503.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from callbot.errors import InvalidRequest, RequestConflict, StorageError, TooManyRequests
from callbot.intake.apikeys import ApiKeyRecord
from callbot.intake.fields import CleanRequest, check_idempotency_key
from callbot.intake.photos import CheckedPhoto
from callbot.intake.places import ward_names
from callbot.public import labels
from callbot.public.views import client_of, in_thread, problem, site_of
from callbot.public.views.form import read_form
from callbot.tickets.rules import Channel

log = logging.getLogger(__name__)

FIELDS = ("name", "phone", "address", "ward", "need")


def invalid(problems: dict[str, str], request: Request) -> JSONResponse:
    """422 naming every refused field, its code and a message (Vietnamese)."""
    intake = site_of(request).config.intake
    values = labels.photo_limits(intake.max_photos, intake.max_photo_bytes, intake.max_photo_pixels)
    errors = [
        {"field": field, "code": code, "message": labels.field_error(field, code, **values)}
        for field, code in problems.items()
    ]
    status = 413 if problems.get("photos") == "photo_too_big" else 422
    title = "Request too large" if status == 413 else "Invalid request"
    return problem(status, title, detail=", ".join(e["field"] for e in errors), errors=errors)


async def _authorized(request: Request) -> ApiKeyRecord | Response:
    site = site_of(request)
    client = client_of(request)
    limit = site.config.intake.lookups_per_address
    if site.limits.lookups.count(client) >= limit:
        wait = site.limits.lookups.retry_after(client, limit)
        response = problem(429, "Too many refused keys", detail="try again later")
        response.headers["retry-after"] = str(wait)
        return response
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    record = None
    if scheme.lower() == "bearer" and key.strip():
        record = await in_thread(site.written.keys.verify, key.strip())
    if record is None:
        site.limits.lookups.add(client)
        response = problem(401, "Unauthorized", detail="send Authorization: Bearer <API key>")
        response.headers["www-authenticate"] = 'Bearer realm="callbot"'
        return response
    sent = site.limits.keys.add(f"key:{record.id}")
    per_key = site.config.intake.sends_per_key
    if sent > per_key:
        response = problem(429, "Too many requests", detail=f"at most {per_key} a minute")
        response.headers["retry-after"] = str(
            site.limits.keys.retry_after(f"key:{record.id}", per_key)
        )
        return response
    return record


async def _values(request: Request) -> tuple[dict[str, object], list[bytes], bool] | Response:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            data = json.loads(await request.body())
        except (UnicodeDecodeError, json.JSONDecodeError):
            return problem(400, "Malformed JSON", detail="the body is not valid JSON")
        if not isinstance(data, dict):
            return problem(400, "Malformed JSON", detail="the body must be a JSON object")
        return {name: data.get(name) for name in FIELDS}, [], False
    if kind == "multipart/form-data":
        form, files, too_many = await read_form(request)
        if form is None:
            return problem(400, "Malformed form", detail="the multipart body cannot be read")
        return {name: form.get(name) for name in FIELDS}, files, too_many
    return problem(415, "Unsupported media type", detail="send application/json or multipart")


def _created(
    request: Request, number: str, emergency: bool, replayed: bool, service: str | None = None
) -> JSONResponse:
    site = site_of(request)
    base = site.config.intake.public_url.rstrip("/") or str(request.base_url).rstrip("/")
    body = {
        "ticket_number": number,
        "status_url": f"{base}/status?number={number}",
        "emergency": emergency,
        "emergency_service": service,
    }
    headers = {"location": f"/api/v1/requests/{number}"}
    if replayed:
        headers["idempotent-replayed"] = "true"
    return JSONResponse(body, 201, headers=headers)


async def _checked(
    request: Request, values: dict[str, object], files: list[bytes], too_many: bool
) -> tuple[CleanRequest, list[CheckedPhoto]] | Response:
    """The request's fields and photos checked; 422 (413) naming every refused one."""
    intake = site_of(request).written.intake
    problems: dict[str, str] = {}
    clean = None
    try:
        clean = intake.check(values, consent_needed=False)
    except InvalidRequest as refused:
        problems.update(refused.problems)
    photos: list[CheckedPhoto] = []
    try:
        if too_many:
            problems["photos"] = "too_many_photos"
        elif any(files):
            photos = await in_thread(intake.check_photos, files)
    except InvalidRequest as refused:
        problems.update(refused.problems)
    if problems or clean is None:
        return invalid(problems, request)
    return clean, photos


async def create_request(request: Request) -> Response:
    """``POST /api/v1/requests``: a written request into a ticket (module docstring)."""
    key = await _authorized(request)
    if isinstance(key, Response):
        return key
    try:
        idempotency_key = check_idempotency_key(request.headers.get("idempotency-key"))
    except ValueError:
        return invalid({"Idempotency-Key": "invalid"}, request)
    read = await _values(request)
    if isinstance(read, Response):
        return read
    checked = await _checked(request, *read)
    if isinstance(checked, Response):
        return checked
    return await _store(request, key, *checked, idempotency_key=idempotency_key)


async def _store(
    request: Request,
    key: ApiKeyRecord,
    clean: CleanRequest,
    photos: list[CheckedPhoto],
    *,
    idempotency_key: str | None,
) -> Response:
    """The checked request stored and settled: 201, or why not (429, 422, 503)."""
    site = site_of(request)
    intake = site.written.intake

    def submit() -> Any:
        return intake.submit(
            clean,
            photos,
            channel=Channel.API,
            scope=f"api:{key.id}",
            idempotency_key=idempotency_key,
            api_key_id=key.id,
            per_phone_hour=site.config.intake.sends_per_phone,
        )

    try:
        receipt = await in_thread(submit)
    except RequestConflict:
        return invalid({"Idempotency-Key": "conflict"}, request)
    except TooManyRequests:
        response = problem(429, "Too many requests", detail="too many requests from this phone")
        response.headers["retry-after"] = "3600"
        return response
    except StorageError as exc:
        log.error("an API request could not be stored: %s", exc)
        return problem(503, "Unavailable", detail="the request was not stored: try again")
    return _created(
        request, receipt.number, receipt.emergency, not receipt.created, receipt.service
    )


async def request_status(request: Request) -> Response:
    """``GET /api/v1/requests/{number}?phone=``: the request's public status."""
    key = await _authorized(request)
    if isinstance(key, Response):
        return key
    site = site_of(request)
    number = request.path_params["number"][:40]
    phone = request.query_params.get("phone", "")[:40]
    found = await in_thread(site.written.status.lookup, number, phone)
    if found is None:
        return problem(404, "Not found", detail="no request with this number and phone")
    return JSONResponse(found.as_dict())


async def wards(request: Request) -> Response:
    """``GET /api/v1/wards``: the ward names a request's ``ward`` may take."""
    return JSONResponse({"wards": ward_names()})
