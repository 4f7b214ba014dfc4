"""The REST API's OpenAPI 3.1 document (``GET /api/v1/openapi.json``), as data.

What :mod:`callbot.public.views.api` does, described for the mobile app and partners; the
docs page (``/api/docs``) is the short human version. A test checks the document names every
API route, status and field.
"""

from __future__ import annotations

from typing import Any

PROBLEM = {"$ref": "#/components/schemas/Problem"}


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": PROBLEM}},
    }


REQUEST_FIELDS: dict[str, Any] = {
    "name": {"type": "string", "minLength": 1, "maxLength": 80, "example": "Nguyễn Văn An"},
    "phone": {
        "type": "string",
        "maxLength": 32,
        "description": "A Vietnamese mobile number (0901234567, +84901234567) or an HCMC "
        "landline (028 and 8 digits); spaces, dots and dashes allowed. The number called back.",
        "example": "0901234567",
    },
    "address": {
        "type": "string",
        "minLength": 1,
        "maxLength": 300,
        "example": "12 Nguyễn Trãi, phường 2, quận 5",
    },
    "ward": {
        "type": "string",
        "description": "Optional: one of GET /api/v1/wards (an old or a 2025 name). "
        "When given, it places the request instead of the address text.",
        "example": "Phường Chợ Quán",
    },
    "need": {
        "type": "string",
        "minLength": 2,
        "maxLength": 2000,
        "example": "Gia đình tôi hết gạo ba ngày rồi",
    },
}


def document(max_photos: int, max_photo_bytes: int) -> dict[str, Any]:
    """The OpenAPI document, with the configured photo limits."""
    photos = {
        "type": "array",
        "maxItems": max_photos,
        "items": {"type": "string", "format": "binary"},
        "description": f"Up to {max_photos} JPEG, PNG or WebP images of at most "
        f"{max_photo_bytes} bytes each, checked by their content.",
    }
    json_request = {
        "type": "object",
        "required": ["name", "phone", "address", "need"],
        "properties": REQUEST_FIELDS,
    }
    multipart_request = {
        "type": "object",
        "required": ["name", "phone", "address", "need"],
        "properties": {**REQUEST_FIELDS, "photos": photos},
    }
    created = {
        "type": "object",
        "required": ["ticket_number", "status_url", "emergency"],
        "properties": {
            "ticket_number": {"type": "string", "example": "0000018"},
            "status_url": {"type": "string", "format": "uri"},
            "emergency": {
                "type": "boolean",
                "description": "Understood as an emergency: tell the citizen to call 115 "
                "(medical), 114 (fire, rescue) or 113 (police) now.",
            },
            "emergency_service": {
                "type": ["string", "null"],
                "enum": ["115", "114", "113", None],
                "description": "For an emergency, the number the request calls for (show it "
                "first); null otherwise.",
            },
        },
    }
    status = {
        "type": "object",
        "required": ["ticket_number", "status", "label"],
        "properties": {
            "ticket_number": {"type": "string"},
            "status": {
                "type": "string",
                "enum": ["received", "in_progress", "referred", "resolved"],
            },
            "label": {"type": "string", "description": "The status in Vietnamese."},
        },
    }
    bearer: list[dict[str, list[str]]] = [{"bearer": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Tổng đài 1022: written requests",
            "version": "1",
            "description": "Requests written in the mobile app or by partners join the same "
            "queue as calls to 1022: understood, routed to the ward's unit, merged with the "
            "same person's calls. Errors are RFC 9457 problems.",
        },
        "servers": [{"url": "/"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Problem": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                        "errors": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "field": {"type": "string"},
                                    "code": {"type": "string"},
                                    "message": {"type": "string"},
                                },
                            },
                        },
                    },
                },
                "Created": created,
                "Status": status,
            },
        },
        "paths": {
            "/api/v1/requests": {
                "post": {
                    "summary": "Send a written request",
                    "security": bearer,
                    "parameters": [
                        {
                            "name": "Idempotency-Key",
                            "in": "header",
                            "required": False,
                            "schema": {"type": "string", "maxLength": 128},
                            "description": "The same key again (a retry) gives the same ticket.",
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": json_request},
                            "multipart/form-data": {"schema": multipart_request},
                        },
                    },
                    "responses": {
                        "201": {
                            "description": "Stored: the ticket's number (also for a retry, "
                            "with Idempotent-Replayed: true)",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Created"}
                                }
                            },
                        },
                        "400": _problem("Malformed JSON or form"),
                        "401": _problem("No valid API key"),
                        "413": _problem("Too large (the body, or a photo: field photos)"),
                        "415": _problem("Neither JSON nor multipart"),
                        "422": _problem("Refused fields, each named in errors"),
                        "429": _problem("Too many requests (per key, per phone): Retry-After"),
                        "503": _problem("Not stored: try again"),
                    },
                }
            },
            "/api/v1/requests/{number}": {
                "get": {
                    "summary": "A request's status",
                    "security": bearer,
                    "parameters": [
                        {
                            "name": "number",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "phone",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "The phone the request was sent with.",
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "Its status, nothing personal",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Status"}
                                }
                            },
                        },
                        "401": _problem("No valid API key"),
                        "404": _problem("No request with this number and phone"),
                        "429": _problem("Too many requests"),
                    },
                }
            },
            "/api/v1/wards": {
                "get": {
                    "summary": "The names the ward field takes (old and 2025)",
                    "responses": {
                        "200": {
                            "description": "The names",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "wards": {"type": "array", "items": {"type": "string"}}
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            },
        },
    }
