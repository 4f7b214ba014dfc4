"""The REST API through Starlette's test client, on a real database: keys, 201, problems that
name the field, idempotency, limits, status, OpenAPI. (Over real HTTP against a real
``callbot intake`` process: tests/integration/test_intake_http.py.)"""

from __future__ import annotations

from pathlib import Path

from tests.support.public import Public, png

REQUEST = {
    "name": "Lê Văn Năm",
    "phone": "+84 90 123 4567",
    "address": "phường 12 quận Gò Vấp",
    "need": "Tôi mất việc cần hỗ trợ tiền thuê nhà",
}


def test_a_request_needs_a_key_and_answers_201_with_its_number(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    refused = client.post("/api/v1/requests", json=REQUEST)
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Bearer")
    assert refused.headers["content-type"] == "application/problem+json"
    wrong = client.post(
        "/api/v1/requests", json=REQUEST, headers={"authorization": "Bearer cbk_" + "x" * 43}
    )
    assert wrong.status_code == 401
    auth = {"authorization": f"Bearer {public.key()}"}
    created = client.post("/api/v1/requests", json=REQUEST, headers=auth)
    assert created.status_code == 201, created.text
    body = created.json()
    number = body["ticket_number"]
    assert body == {
        "ticket_number": number,
        "status_url": f"http://127.0.0.1/status?number={number}",
        "emergency": False,
        "emergency_service": None,
    }
    assert created.headers["location"] == f"/api/v1/requests/{number}"
    ticket = public.tickets.get(number)
    assert (ticket.channel, ticket.callback_number, ticket.ward) == (
        "api",
        "0901234567",
        "Phường 12",
    )
    status = client.get(f"/api/v1/requests/{number}", params={"phone": "0901234567"}, headers=auth)
    assert status.json() == {"ticket_number": number, "status": "received", "label": "Đã tiếp nhận"}
    other = client.get(f"/api/v1/requests/{number}", params={"phone": "0912345678"}, headers=auth)
    assert other.status_code == 404
    assert client.get(f"/api/v1/requests/{number}?phone=0901234567").status_code == 401


def test_refused_fields_are_named_in_a_422(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    auth = {"authorization": f"Bearer {public.key()}"}
    refused = client.post(
        "/api/v1/requests",
        json={**REQUEST, "phone": "123", "need": "", "ward": "Phường Không Có"},
        headers=auth,
    )
    assert refused.status_code == 422
    errors = {e["field"]: e["code"] for e in refused.json()["errors"]}
    assert errors == {"phone": "invalid_phone", "need": "required", "ward": "unknown_ward"}
    assert all(e["message"] for e in refused.json()["errors"])
    assert (
        client.post(
            "/api/v1/requests", content=b"{", headers={**auth, "content-type": "application/json"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/api/v1/requests", content=b"x", headers={**auth, "content-type": "text/plain"}
        ).status_code
        == 415
    )
    assert client.post("/api/v1/requests", json=[1, 2], headers=auth).status_code == 400
    too_big = client.post("/api/v1/requests", json={**REQUEST, "need": "x" * 70_000}, headers=auth)
    assert too_big.status_code == 413 and too_big.json()["status"] == 413
    assert public.tickets.count() == 0


def test_a_retry_with_the_idempotency_key_makes_one_ticket(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    auth = {"authorization": f"Bearer {public.key()}", "idempotency-key": "retry-1"}
    first = client.post("/api/v1/requests", json=REQUEST, headers=auth)
    again = client.post("/api/v1/requests", json=REQUEST, headers=auth)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again.headers["idempotent-replayed"] == "true"
    changed = client.post("/api/v1/requests", json={**REQUEST, "need": "khác hẳn"}, headers=auth)
    assert changed.status_code == 422
    assert changed.json()["errors"][0]["field"] == "Idempotency-Key"
    bad = client.post(
        "/api/v1/requests", json=REQUEST, headers={**auth, "idempotency-key": "x" * 129}
    )
    assert bad.status_code == 422
    assert public.tickets.count() == 1


def test_photos_go_as_multipart_checked_by_content(tmp_path: Path) -> None:
    public = Public(tmp_path, max_photo_bytes=50_000)
    client = public.client()
    auth = {"authorization": f"Bearer {public.key()}"}
    created = client.post(
        "/api/v1/requests",
        data=REQUEST,
        files=[
            ("photos", ("a.png", png(), "image/png")),
            ("photos", ("b.png", png(), "image/png")),
        ],
        headers=auth,
    )
    assert created.status_code == 201, created.text
    ticket = public.tickets.get(created.json()["ticket_number"])
    assert len(public.site.written.intake.tickets.attachments([ticket.id])) == 2
    not_image = client.post(
        "/api/v1/requests",
        data=REQUEST,
        files=[("photos", ("a.png", b"<html><script>x</script>", "image/png"))],
        headers=auth,
    )
    assert not_image.status_code == 422
    assert not_image.json()["errors"][0] == {
        "field": "photos",
        "code": "not_an_image",
        "message": "Chỉ nhận ảnh JPEG, PNG hoặc WebP; tệp đã chọn không phải ảnh.",
    }
    too_big = client.post(
        "/api/v1/requests",
        data=REQUEST,
        files=[("photos", ("a.png", png() + b"\0" * 60_000, "image/png"))],
        headers=auth,
    )
    assert too_big.status_code == 413 and too_big.json()["errors"][0]["field"] == "photos"
    assert public.tickets.count() == 1


def test_limits_per_key_per_phone_and_per_refusing_address(tmp_path: Path) -> None:
    public = Public(tmp_path, sends_per_key=3, sends_per_phone=2, lookups_per_address=2)
    client = public.client()
    auth = {"authorization": f"Bearer {public.key()}"}
    assert client.post("/api/v1/requests", json=REQUEST, headers=auth).status_code == 201
    assert client.post("/api/v1/requests", json=REQUEST, headers=auth).status_code == 201
    by_phone = client.post("/api/v1/requests", json=REQUEST, headers=auth)
    assert by_phone.status_code == 429 and by_phone.headers["retry-after"]
    by_key = client.post("/api/v1/requests", json={**REQUEST, "phone": "0912345678"}, headers=auth)
    assert by_key.status_code == 429
    guesser = public.client("192.0.2.50")
    for _ in range(2):
        assert (
            guesser.post(
                "/api/v1/requests", json=REQUEST, headers={"authorization": "Bearer no"}
            ).status_code
            == 401
        )
    assert guesser.post("/api/v1/requests", json=REQUEST).status_code == 429


def test_an_emergency_is_said_in_the_answer(tmp_path: Path) -> None:
    public = Public(tmp_path)
    created = public.client().post(
        "/api/v1/requests",
        json={**REQUEST, "need": "Nhà tôi đang cháy, có người kẹt bên trong"},
        headers={"authorization": f"Bearer {public.key()}"},
    )
    assert created.json()["emergency"] is True
    assert created.json()["emergency_service"] == "114"  # a fire with someone inside


def test_the_openapi_document_and_docs_page_describe_the_api(tmp_path: Path) -> None:
    public = Public(tmp_path)
    client = public.client()
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    post = document["paths"]["/api/v1/requests"]["post"]
    assert set(post["responses"]) >= {"201", "400", "401", "413", "415", "422", "429"}
    assert set(post["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["name", "phone", "address", "need"]
    assert "/api/v1/requests/{number}" in document["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "Idempotency-Key" in docs.text and "115" in docs.text
    wards = client.get("/api/v1/wards").json()["wards"]
    assert "Phường Chợ Quán" in wards and "Phường 2, Quận 5" in wards


def test_the_public_server_has_no_operators_route(tmp_path: Path) -> None:
    client = Public(tmp_path).client()
    for path in (
        "/login",
        "/dashboard",
        "/export.csv",
        "/tickets/0000018",
        "/live",
        "/recordings/1",
    ):
        assert client.get(path).status_code == 404, path
