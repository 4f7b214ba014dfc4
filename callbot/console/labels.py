"""Every word an operator reads, in Vietnamese: statuses, fields, actions, refusals.

Templates show values through these tables (a code without a label shows as is), so the
wording lives in one place and no rule hides in a template.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

STATUS = {
    "in_call": "Đang trong cuộc gọi",
    "transcribing": "Đang chuyển lời thành chữ",
    "new": "Chờ xử lý",
    "claimed": "Đang xử lý",
    "closed": "Đã đóng",
    "merged": "Đã gộp (gọi lại)",
}

STATUS_FILTER = {
    "open": "Chưa đóng",
    "new": "Chờ xử lý",
    "claimed": "Đang xử lý",
    "in_progress": "Đang gọi / chuyển chữ",
    "closed": "Đã đóng",
    "merged": "Đã gộp",
    "all": "Tất cả",
}

CHANNEL = {
    "call": "Cuộc gọi",
    "web": "Biểu mẫu web",
    "api": "Ứng dụng (API)",
    "chat": "Tin nhắn (chat)",
}

URGENCY = {"emergency": "Khẩn cấp", "high": "Ưu tiên", "normal": "Thường"}

CATEGORY = {
    "food": "Lương thực, thực phẩm",
    "medical": "Y tế",
    "financial": "Hỗ trợ tài chính",
    "testing": "Xét nghiệm",
    "violation": "Phản ánh vi phạm",
    "other": "Khác",
}

# The number an emergency calls for, and who answers it.
SERVICE = {"115": "115 (cấp cứu y tế)", "114": "114 (cứu hỏa, cứu nạn)", "113": "113 (công an)"}
EMERGENCY = {
    "told": "người gọi đã được hướng dẫn gọi {number}.",
    "parsed": "theo lời người gọi, cần gọi {number}.",
    "written": "người gửi đã được hiện các số khẩn cấp; theo yêu cầu, cần gọi {number}.",
    "reasons": "Những lời cho thấy khẩn cấp:",
}

RESOLUTION = {"resolved": "Đã giải quyết", "duplicate": "Trùng phiếu"}

ROLE = {"operator": "Tổng đài viên", "supervisor": "Giám sát viên", "admin": "Quản trị viên"}

FIELD = {
    "name": "Họ tên",
    "callback_number": "Số gọi lại",
    "ward": "Phường/xã (cũ)",
    "district": "Quận/huyện (cũ)",
    "new_unit": "Phường/xã (2025)",
    "category": "Nhu cầu",
    "urgency": "Mức độ",
    "address": "Địa chỉ",
    "need": "Nhu cầu",
    "phone": "Số điện thoại",
}

STEP = {
    "name": "Họ tên",
    "address": "Địa chỉ",
    "need": "Nhu cầu",
    "phone": "Số điện thoại",
    "ward": "Phường/xã đã chọn",
}

TRANSCRIPTION = {
    "pending": "đang chuyển chữ…",
    "failed": "không chuyển được thành chữ",
    "no_speech": "không nghe thấy lời nói",
}

EVENT = {
    "claim": "Nhận xử lý",
    "release": "Trả lại hàng đợi",
    "resolve": "Đã giải quyết",
    "unreachable": "Không liên lạc được",
    "duplicate": "Trùng phiếu",
    "refer": "Chuyển đơn vị",
    "correct": "Sửa thông tin",
    "note": "Ghi chú",
    "callback": "Gọi lại",
    "merge": "Gộp yêu cầu",
    "message": "Nhắn cho người dân (Zalo)",
}

CALLBACK_RESULT = {
    "answered": "người dân đã nghe máy",
    "no_answer": "không nghe máy",
    "busy": "máy bận",
    "failed": "không gọi được",
}

# Why a callback failed, when the dialplan or the console knows more (detail["reason"]).
CALLBACK_REASON = {
    "operator_no_answer": "máy của điện thoại viên không được nhấc",
    "operator_busy": "máy của điện thoại viên đang bận",
    "operator_failed": "không gọi được máy của điện thoại viên",
    "no_report": "không nhận được kết quả từ tổng đài",
}

CALLBACK_VIA = {"console": "từ trang điều hành", "phone": "qua điện thoại"}

# Why an action was refused (WorkflowError.code).
REFUSAL = {
    "already_claimed": "Phiếu này vừa được {holder} nhận lúc {at}. Vui lòng chọn phiếu khác.",
    "held_by_other": "Phiếu này đang do {holder} xử lý (từ {at}).",
    "closed": "Phiếu này đã đóng.",
    "merged": "Phiếu này đã được gộp vào một phiếu khác.",
    "not_ready": "Phiếu này chưa sẵn sàng (cuộc gọi chưa xong hoặc đang chuyển chữ).",
    "not_claimed": "Hãy nhận xử lý phiếu trước.",
    "forbidden": "Bạn không có quyền với phiếu này (thuộc đơn vị khác).",
    "same_unit": "Phiếu đã thuộc đơn vị này.",
    "bad_original": "Không tìm thấy phiếu gốc với số đó.",
    "empty_note": "Ghi chú trống.",
    "bad_value": "Giá trị không hợp lệ.",
    "no_phone": "Bạn chưa có máy điện thoại để gọi lại. Nhờ quản trị viên gán máy cho bạn "
    "(callbot users phone TÊN PJSIP/…).",
    "no_number": "Phiếu này không có số điện thoại hợp lệ để gọi lại.",
    "callback_running": "Đang có một cuộc gọi lại của phiếu này hoặc của máy bạn; chờ kết quả "
    "rồi thử lại.",
    "pbx_down": "Không gọi được: không kết nối được tổng đài (Asterisk). Hãy thử lại sau ít "
    "phút, hoặc gọi bằng tay cho người dân.",
    "chat_closed": "Không thể nhắn cho người dân qua Zalo nữa (đã hết thời hạn trả lời). Hãy gọi "
    "lại theo số điện thoại nếu có.",
    "no_chat": "Phiếu này không đến từ Zalo: không có cuộc trò chuyện để nhắn.",
}

DONE = {
    "claim": "Bạn đã nhận xử lý phiếu {number}.",
    "release": "Đã trả phiếu {number} lại hàng đợi.",
    "resolve": "Phiếu {number} đã đóng: đã giải quyết.",
    "unreachable": "Đã ghi nhận không liên lạc được (lần {count}); phiếu trở lại hàng đợi.",
    "duplicate": "Phiếu {number} đã đóng: trùng phiếu.",
    "refer": "Đã chuyển phiếu {number} sang đơn vị {unit}.",
    "correct": "Đã lưu thông tin đã sửa (thông tin gốc vẫn được giữ).",
    "correct_none": "Không có gì thay đổi.",
    "note": "Đã thêm ghi chú.",
    "reply": "Đã xếp tin nhắn để gửi cho người dân qua Zalo; trạng thái gửi hiện trong cuộc trò "
    "chuyện.",
    "callback": "Máy của bạn ({phone}) đang đổ chuông. Khi bạn nhấc máy, tổng đài sẽ gọi cho "
    "người dân số {callback}; kết quả sẽ hiện trong lịch sử của phiếu.",
}

# A chat ticket's conversation (console/present.py chat_lines): who wrote, what it holds,
# where an outgoing message is, why one was not sent, and whether a reply may still be sent.
CHAT_AUTHOR = {"citizen": "Người dân", "bot": "Bot 1022"}
CHAT_KIND = {
    "image": "[ảnh]",
    "location": "[vị trí đã chia sẻ]",
    "info": "[thông tin chia sẻ]",
    "other": "[loại tin bot không đọc được]",
    "card": "[thẻ xin họ tên, số điện thoại, địa chỉ]",
}
CHAT_STATUS = {
    "pending": "đang chờ gửi",
    "sending": "đang gửi",
    "sent": "đã gửi",
    "failed": "không gửi được",
}
CHAT_FAILURE = {
    "window_closed": "đã hết thời hạn được nhắn cho người dân",
    "refused": "Zalo từ chối",
    "gave_up": "gửi nhiều lần không được",
    "not_configured": "máy chủ chưa cấu hình Zalo",
}
CHAT_WINDOW = {
    "free": "Có thể nhắn miễn phí cho người dân đến {until} (còn {left} tin).",
    "paid": "Đã hết tin miễn phí: tin nhắn sẽ tính phí, có thể nhắn đến {until}.",
    "closed": "Không thể nhắn cho người dân qua Zalo nữa: {why}. Hãy gọi lại theo số điện "
    "thoại nếu có.",
}
CHAT_CLOSED = {
    "expired": "đã quá thời hạn kể từ tin nhắn cuối của người dân",
    "used_up": "đã dùng hết số tin trả lời kể từ tin nhắn cuối của người dân; chờ người dân "
    "nhắn lại",
    "never_wrote": "người dân chưa nhắn tin",
}

TEXT = {
    "login_failed": "Sai tên đăng nhập hoặc mật khẩu.",
    "login_throttled": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
    "session_expired": "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.",
    "logged_out": "Bạn đã đăng xuất.",
    "not_found": "Không tìm thấy phiếu này.",
    "csrf": "Yêu cầu không hợp lệ (mã bảo vệ sai). Hãy tải lại trang và thử lại.",
    "not_logged_in": "Chưa đăng nhập.",
}

_VIETNAM = timezone(timedelta(hours=7), "ICT")


def label(table: dict[str, str], code: Any) -> str:
    """The Vietnamese label of ``code`` in ``table``; the code itself when it has none."""
    if code is None or code == "":
        return "—"
    return table.get(str(code), str(code))


def local_time(value: datetime | None, with_date: bool = True) -> str:
    """A time as operators read it: Vietnam time (UTC+7), ``dd/mm/yyyy HH:MM:SS``."""
    if value is None:
        return "—"
    local = value.astimezone(_VIETNAM)
    return local.strftime("%d/%m/%Y %H:%M:%S" if with_date else "%H:%M:%S")


def age(value: datetime, now: datetime | None = None) -> str:
    """How long ago, briefly: ``5 phút``, ``2 giờ 10 phút``, ``3 ngày``."""
    seconds = max(0, int(((now or datetime.now(UTC)) - value).total_seconds()))
    if seconds < 60:
        return f"{seconds} giây"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} phút"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} giờ {minutes} phút" if minutes else f"{hours} giờ"
    return f"{hours // 24} ngày"


def confidence(value: Any) -> str:
    """A confidence 0..1 as a percentage, or a dash."""
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return "—"


def refusal(code: str, holder: str | None = None, at: Any = None) -> str:
    """The Vietnamese sentence for a refused action."""
    when = local_time(at, with_date=False) if isinstance(at, datetime) else "—"
    return REFUSAL.get(code, REFUSAL["bad_value"]).format(holder=holder or "—", at=when)


# -- the dashboard and the CSV export (console/figures.py, console/export.py) ---------------

PERIOD = {"24h": "24 giờ qua", "7d": "7 ngày qua"}

# The audit trail (admins' screen "Nhật ký truy cập"): what was done to personal data.
AUDIT = {
    "view": "Xem phiếu",
    "play": "Nghe ghi âm",
    "export": "Xuất CSV",
    "change": "Thay đổi phiếu",
}
AUDIT_DETAIL = {
    "answer_id": "bản ghi",
    "what": "thao tác",
    "unit": "đơn vị",
    "start": "từ",
    "end": "đến",
    "tickets": "số phiếu",
}

UNKNOWN = "Chưa xác định"  # a ticket without a category or a unit

DASHBOARD = {
    "calls_title": "Cuộc gọi tràn theo giờ, {period}",
    "calls_desc": "Số phiếu tạo mỗi giờ (mỗi cuộc gọi tràn một phiếu), tổng {total}. "
    "Số liệu ở bảng ngay sau biểu đồ.",
    "calls_series": "Cuộc gọi",
    "calls_tip": "{hour}: {count} cuộc gọi",
    "waiting_title": "Phiếu đang chờ theo {by}",
    "waiting_desc": "Phiếu chờ xử lý và đang xử lý lúc này. Số liệu ở bảng ngay sau biểu đồ.",
    "waiting_note": "{total} ({new} chờ, {claimed} đang xử lý)",
    "delay_title": "Thời gian từ cuộc gọi đến khi gọi lại theo {by}, {period}",
    "delay_desc": "Trung vị (p50) và p90 của thời gian chờ gọi lại, tính bằng {unit}. "
    "Số liệu ở bảng ngay sau biểu đồ.",
    "delay_note": "p50 {p50} · p90 {p90} {unit}",
    "delay_tip": "Trung vị (p50) {p50}; p90 {p90}",
    "delay_legend": "Đo từ lúc gọi đến cuộc gọi lại đầu tiên ({by_callback} phiếu); phiếu chưa "
    "có cuộc gọi lại thì đến lần nhận xử lý hoặc đóng phiếu đầu tiên ({by_claim} phiếu). "
    "Chưa được xử lý: {pending} phiếu.",
    "by_category": "nhu cầu",
    "by_unit": "đơn vị",
    "minutes": "phút",
    "hours": "giờ",
}

WAITING_SERIES = {"new": "Chờ xử lý", "claimed": "Đang xử lý"}
DELAY_SERIES = {"p50": "Trung vị (p50)", "p90": "p90"}

# The CSV export's header, one per column (console/export.py writes them in this order).
EXPORT_COLUMNS = (
    "Số phiếu",
    "Thời điểm gọi (giờ Việt Nam)",
    "Thời điểm gọi (UTC, ISO 8601)",
    "Trạng thái",
    "Mức độ",
    "Nhu cầu",
    "Họ tên",
    "Số gọi lại",
    "Phường/xã (cũ)",
    "Quận/huyện (cũ)",
    "Phường/xã (2025)",
    "Đơn vị",
    "Số cuộc gọi",
    "Kết quả",
    "Thời điểm đóng (giờ Việt Nam)",
    "Kênh",
)

EXPORT_ERROR = "Khoảng thời gian không hợp lệ: dùng ngày dạng YYYY-MM-DD."


def duration(seconds: float | None) -> str:
    """A delay, briefly: ``40 giây``, ``3 phút 20 giây``, ``2 giờ 5 phút``, ``3 ngày 4 giờ``."""
    if seconds is None:
        return "—"
    total = round(seconds)
    if total < 60:
        return f"{total} giây"
    minutes, secs = divmod(total, 60)
    if minutes < 10:
        return f"{minutes} phút {secs} giây" if secs else f"{minutes} phút"
    if minutes < 60:
        return f"{minutes} phút"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} giờ {minutes} phút" if minutes else f"{hours} giờ"
    days, hours = divmod(hours, 24)
    return f"{days} ngày {hours} giờ" if hours else f"{days} ngày"
