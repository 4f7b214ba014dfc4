"""The API's description: ``GET /api/v1/openapi.json`` (OpenAPI 3.1, :mod:`callbot.public.
openapi`) and ``GET /api/docs``, a short page for people with examples."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from callbot.public import labels
from callbot.public.openapi import document
from callbot.public.views import render, site_of


async def openapi_json(request: Request) -> Response:
    """``GET /api/v1/openapi.json``: the OpenAPI document."""
    intake = site_of(request).config.intake
    return JSONResponse(document(intake.max_photos, intake.max_photo_bytes))


async def docs_page(request: Request) -> Response:
    """``GET /api/docs``: how to send a request and read its status, with examples."""
    intake = site_of(request).config.intake
    base = intake.public_url.rstrip("/") or str(request.base_url).rstrip("/")
    context = {
        "base": base,
        "max_photos": intake.max_photos,
        "size": labels.photo_limits(
            intake.max_photos, intake.max_photo_bytes, intake.max_photo_pixels
        )["size"],
    }
    return render(request, "api_docs.html", context)
