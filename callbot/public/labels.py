"""Every word a citizen reads on the public side, in Vietnamese; and the API's messages.

The form says each refusal beside its field (:data:`FIELD_ERRORS`, by the codes of
:mod:`callbot.intake.fields` and :mod:`callbot.intake.photos`); the API names the same codes
with these messages. Pages and templates take their text from here.
"""

from __future__ import annotations

FIELDS = {
    "name": "Họ và tên",
    "phone": "Số điện thoại để gọi lại",
    "address": "Địa chỉ",
    "ward": "Phường, xã",
    "need": "Bạn cần hỗ trợ gì?",
    "photos": "Ảnh (không bắt buộc)",
    "consent": "Đồng ý cho sử dụng thông tin",
    "Idempotency-Key": "Idempotency-Key",
}

HINTS = {
    "name": "Ví dụ: Nguyễn Văn An",
    "phone": "Số di động (ví dụ 0901 234 567) hoặc số máy bàn 028 và 8 số",
    "address": "Số nhà, hẻm, đường, phường hoặc xã",
    "ward": "Chọn tên mới (từ 1/7/2025) hoặc tên cũ theo quận, huyện, nếu bạn biết",
    "need": "Ví dụ: gia đình 4 người hết gạo từ hôm qua; cần người đưa mẹ đi khám",
    "photos": "Tối đa {count} ảnh JPEG, PNG hoặc WebP, mỗi ảnh tối đa {size}",
}

FIELD_ERRORS = {
    ("name", "required"): "Nhập họ và tên của bạn.",
    ("name", "too_long"): "Họ và tên tối đa 80 ký tự.",
    ("phone", "required"): "Nhập số điện thoại để tổng đài gọi lại.",
    ("phone", "too_long"): "Số điện thoại quá dài.",
    ("phone", "invalid_phone"): (
        "Số điện thoại không hợp lệ: nhập số di động 10 số bắt đầu bằng 0 "
        "(ví dụ 0901 234 567) hoặc số máy bàn 028 và 8 số."
    ),
    ("address", "required"): "Nhập địa chỉ của bạn.",
    ("address", "too_long"): "Địa chỉ tối đa 300 ký tự.",
    ("ward", "unknown_ward"): "Chọn phường, xã trong danh sách (hoặc để trống).",
    ("need", "required"): "Cho biết bạn cần hỗ trợ gì.",
    ("need", "too_short"): "Viết rõ hơn bạn cần hỗ trợ gì.",
    ("need", "too_long"): "Nội dung tối đa 2000 ký tự.",
    (
        "consent",
        "consent_required",
    ): "Đánh dấu ô đồng ý để tổng đài được dùng thông tin và gọi lại.",
    ("photos", "too_many_photos"): "Chỉ gửi tối đa {count} ảnh.",
    ("photos", "not_an_image"): "Chỉ nhận ảnh JPEG, PNG hoặc WebP; tệp đã chọn không phải ảnh.",
    ("photos", "photo_too_big"): "Mỗi ảnh tối đa {size} và {megapixels} megapixel.",
    ("Idempotency-Key", "conflict"): "Idempotency-Key đã được dùng cho một yêu cầu khác.",
    ("Idempotency-Key", "invalid"): "Idempotency-Key gồm 1 đến 128 ký tự ASCII nhìn thấy được.",
}
GENERIC_ERROR = "Giá trị không hợp lệ."

PAGE = {
    "title": "Gửi yêu cầu hỗ trợ · Tổng đài 1022",
    "heading": "Gửi yêu cầu hỗ trợ đến Tổng đài 1022",
    "lead": (
        "Viết yêu cầu ở đây thay vì gọi điện: yêu cầu vào cùng hàng đợi với cuộc gọi và "
        "tổng đài viên sẽ gọi lại cho bạn. Để dành đường dây cho người cao tuổi và người "
        "không có điện thoại thông minh."
    ),
    "emergency_note": "Khẩn cấp? Gọi ngay",
    "summary": "Vui lòng sửa các mục sau",
    "error_prefix": "Lỗi:",
    "ward_none": "— Không chọn (tổng đài tự xác định theo địa chỉ) —",
    "consent_text": (
        "Tôi đồng ý để Tổng đài 1022 và đơn vị xử lý dùng họ tên, số điện thoại, địa chỉ, "
        "nội dung và ảnh tôi gửi để liên hệ và giải quyết yêu cầu này. Thông tin không được "
        "công khai và chỉ cán bộ xử lý yêu cầu được xem."
    ),
    "consent_label": "Tôi đồng ý",
    "honeypot": "Để trống ô này",
    "send": "Gửi yêu cầu",
    "photos_again": "Nếu bạn đã chọn ảnh, vui lòng chọn lại ảnh.",
    "kept": "Đã giữ {count} ảnh bạn chọn trước; không cần chọn lại (có thể chọn thêm).",
    "drop_kept": "Bỏ các ảnh đã giữ",
    "status_link": "Tra cứu tình trạng yêu cầu đã gửi",
    "pow_needed": (
        "Từ địa chỉ mạng này đã có nhiều yêu cầu được gửi. Trình duyệt của bạn cần giải một "
        "phép tính nhỏ để xác minh trước khi gửi."
    ),
    "pow_working": "Đang xác minh trình duyệt…",
    "pow_done": "Đã xác minh, bạn có thể gửi yêu cầu.",
    "pow_noscript": (
        "Việc xác minh cần JavaScript. Vui lòng bật JavaScript, hoặc thử lại sau, hoặc gọi 1022."
    ),
    "pow_failed": "Chưa xác minh được trình duyệt. Vui lòng chờ thông báo đã xác minh rồi gửi lại.",
    "too_fast": "Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại thông tin rồi bấm Gửi.",
    "expired": "Biểu mẫu đã mở quá lâu. Vui lòng kiểm tra lại thông tin rồi bấm Gửi.",
}

SENT = {
    "title": "Đã gửi yêu cầu · Tổng đài 1022",
    "heading": "Đã nhận yêu cầu của bạn",
    "number": "Số phiếu của bạn",
    "keep": "Hãy ghi lại số phiếu. Tổng đài viên sẽ gọi lại số {phone}.",
    "repeat": "Yêu cầu này đã được gửi trước đó; đây là số phiếu của nó.",
    "status": "Xem tình trạng yêu cầu",
    "another": "Gửi yêu cầu khác",
    "emergency_title": "Khẩn cấp: hãy gọi ngay",
    "emergency_text": (
        "Yêu cầu của bạn có dấu hiệu khẩn cấp và đã được đưa lên đầu hàng đợi. Đừng chờ "
        "gọi lại: gọi ngay số phù hợp dưới đây."
    ),
}

EMERGENCY_NUMBERS = (
    ("115", "Cấp cứu y tế"),
    ("114", "Cứu hỏa, cứu nạn"),
    ("113", "Công an"),
)

STATUS = {
    "title": "Tình trạng yêu cầu · Tổng đài 1022",
    "heading": "Tra cứu tình trạng yêu cầu",
    "lead": "Nhập số phiếu và số điện thoại bạn đã dùng khi gửi yêu cầu hoặc gọi 1022.",
    "number": "Số phiếu",
    "number_hint": "7 chữ số, ví dụ 0000018",
    "phone": "Số điện thoại",
    "submit": "Tra cứu",
    "not_found": (
        "Không tìm thấy phiếu với số phiếu và số điện thoại này. Kiểm tra lại cả hai số."
    ),
    "result": "Phiếu {number}",
    "back": "Gửi yêu cầu mới",
}

ERRORS = {
    "honeypot": "Không gửi được yêu cầu. Nếu bạn là người dùng, vui lòng gọi 1022.",
    "too_many_address": (
        "Có quá nhiều yêu cầu từ địa chỉ mạng này. Vui lòng thử lại sau {minutes} phút "
        "hoặc gọi 1022."
    ),
    "too_many_phone": (
        "Số điện thoại này đã gửi nhiều yêu cầu trong một giờ qua. Tổng đài sẽ gọi lại; "
        "bạn có thể tra cứu tình trạng yêu cầu đã gửi."
    ),
    "too_many_lookups": "Tra cứu quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
    "too_large": "Yêu cầu quá lớn: tối đa {count} ảnh, mỗi ảnh tối đa {size}.",
    "storage": "Hệ thống đang bận, yêu cầu chưa được lưu. Vui lòng gửi lại sau ít phút.",
    "not_found": "Không tìm thấy trang này.",
    "bad_request": "Yêu cầu không hợp lệ.",
}


def photo_limits(count: int, max_bytes: int, max_pixels: int) -> dict[str, object]:
    """The values the photo messages name: how many, how big (``5 MB``, ``0,1 MB``)."""
    size = f"{max_bytes / 1_000_000:g}".replace(".", ",") + " MB"
    return {"count": count, "size": size, "megapixels": f"{max_pixels / 1_000_000:g}"}


def field_error(field: str, code: str, **values: object) -> str:
    """The Vietnamese message of a refused field."""
    return FIELD_ERRORS.get((field, code), GENERIC_ERROR).format(**values)
