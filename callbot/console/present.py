"""What a page shows, computed from records: the rules stay out of the templates.

The templates only loop and print; which buttons a user gets, which fields were corrected,
what a history line says, and the queue's links are decided here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from callbot.console import labels
from callbot.operators.access import may_act, may_see
from callbot.operators.accounts import UserRecord
from callbot.operators.callback import may_call_back
from callbot.operators.chat import ChatView, may_reply
from callbot.operators.corrections import CORRECTABLE
from callbot.operators.views import STATUS_FILTERS, QueueFilter, QueuePage, TicketView
from callbot.tickets.rules import TicketStatus

# Ticket fields in the order the page shows them: (column, which understood field gives the
# confidence, how the value is labelled).
FIELD_ROWS: tuple[tuple[str, str | None, dict[str, str] | None], ...] = (
    ("name", "name", None),
    ("callback_number", None, None),
    ("ward", "address", None),
    ("district", "address", None),
    ("new_unit", "address", None),
    ("category", "need", labels.CATEGORY),
    ("urgency", "need", labels.URGENCY),
)


@dataclass(frozen=True)
class Permissions:
    """The buttons a user gets on a ticket."""

    claim: bool
    work: bool  # release, resolve, unreachable, duplicate
    refer: bool
    correct: bool
    note: bool
    callback: bool  # the "Gọi lại" button: the claim's holder, or a supervisor
    reply: bool = False  # write to a chat's citizen: the same people


def permissions(user: UserRecord, view: TicketView) -> Permissions:
    """The buttons ``user`` gets on the ticket of ``view``, from its status, unit and holder."""
    ticket = view.ticket
    status = ticket.status
    visible = may_see(user, ticket.unit)
    holder = view.workflow.claimed_by
    working = status == TicketStatus.CLAIMED and may_act(user, ticket.unit, status, holder)
    return Permissions(
        claim=visible and status == TicketStatus.NEW,
        work=working,
        refer=working or (user.sees_all_units and status == TicketStatus.NEW),
        correct=status in (TicketStatus.NEW, TicketStatus.CLAIMED)
        and may_act(user, ticket.unit, status, holder),
        note=visible,
        callback=may_call_back(user, view),
        reply=may_reply(user, status, ticket.unit, holder),
    )


def field_rows(view: TicketView) -> list[dict[str, Any]]:
    """The structured fields: label, value shown, confidence, and any correction."""
    ticket = view.ticket
    understood = ticket.fields or {}
    rows = []
    for column, source, table in FIELD_ROWS:
        value = getattr(ticket, column)
        shown = labels.label(table, value) if table else (value or "—")
        details = understood.get(source, {}) if source else {}
        correction = view.workflow.corrections.get(column)
        original = correction.get("original") if correction else None
        rows.append(
            {
                "column": column,
                "label": labels.FIELD.get(column, column),
                "value": shown,
                "raw": value or "",
                "confidence": labels.confidence(details.get("confidence"))
                if isinstance(details, dict)
                else "—",
                "corrected": correction is not None,
                "corrected_by": correction.get("by") if correction else None,
                "original": (labels.label(table, original) if table else original or "—")
                if correction
                else None,
                "choices": sorted(table.items()) if table else None,
                "editable": column in CORRECTABLE,
            }
        )
    return rows


def emergency_notice(view: TicketView) -> dict[str, Any] | None:
    """What the page says of an emergency: the number (told to the caller during the call, or
    read from the need afterwards) and the words that made it one (the need parser's)."""
    ticket = view.ticket
    if not ticket.emergency:
        return None
    need = (ticket.fields or {}).get("need")
    parsed = need.get("parsed", {}) if isinstance(need, dict) else {}
    reasons = parsed.get("emergency_reasons") or [] if isinstance(parsed, dict) else []
    told = ticket.emergency_service
    service = told or (parsed.get("service") if isinstance(parsed, dict) else None)
    if service is None:  # flagged before the number was kept (migration 0010): told 115
        told = service = "115"
    if ticket.channel != "call":  # the form, the API, the chat show every emergency number
        text = labels.EMERGENCY["written"].format(number=service)
    else:
        text = labels.EMERGENCY["told" if told else "parsed"].format(number=service)
    return {
        "service": service,
        "label": labels.label(labels.SERVICE, service),
        "text": text,
        "reasons": [str(r) for r in reasons],
    }


def event_line(action: str, detail: dict[str, Any]) -> str:
    """One history line's details, in Vietnamese."""
    parts: list[str] = []
    if action == "refer":
        parts.append(
            f"từ {detail.get('from') or '—'} sang {detail.get('to_name') or detail.get('to')}"
        )
    if action == "duplicate" and detail.get("original"):
        parts.append(f"trùng với phiếu {detail['original']}")
    if action == "correct":
        for column, change in detail.items():
            if isinstance(change, dict):
                parts.append(
                    f"{labels.FIELD.get(column, column)}: {change.get('from') or '—'} → "
                    f"{change.get('to') or '—'}"
                )
    if action == "merge" and detail.get("ticket"):
        channel = labels.label(labels.CHANNEL, detail.get("channel") or "call")
        parts.append(f"phiếu {detail['ticket']} ({channel}) gộp vào phiếu này")
    if action == "callback" and detail.get("result"):
        parts.append(_callback_line(detail))
    if action == "release" and detail.get("reason") == "idle":
        parts.append(f"tự động: {detail.get('held_by')} giữ quá lâu không thao tác")
    if detail.get("held_by") and action in ("resolve", "duplicate"):
        parts.append(f"phiếu do {detail['held_by']} nhận")
    if detail.get("note"):
        parts.append(f"“{detail['note']}”")
    if action == "message" and detail.get("text"):
        parts.append(f"“{detail['text']}”")
    return "; ".join(parts)


def chat_lines(chat: ChatView) -> list[dict[str, Any]]:
    """A conversation's messages as the page lists them: who, when, what, whether sent."""
    lines = []
    for message in chat.messages:
        outgoing = message.direction == "out"
        status, reason = "", ""
        if outgoing:
            status = labels.label(labels.CHAT_STATUS, message.status)
            if message.status == "failed" and message.last_error:
                code, _, rest = message.last_error.partition(":")
                reason = labels.CHAT_FAILURE.get(code, "") + (f" ({rest.strip()})" if rest else "")
        detail = message.detail
        where = None
        if message.kind == "location" and "latitude" in detail:
            lat, lon = float(detail["latitude"]), float(detail["longitude"])
            where = f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map=17/{lat:.6f}/{lon:.6f}"
        lines.append(
            {
                "id": message.id,
                "at": message.at,
                "direction": message.direction,
                "author": labels.CHAT_AUTHOR.get(message.author, message.author),
                "kind": labels.CHAT_KIND.get(message.kind, ""),
                "text": message.text,
                "status": message.status,
                "status_text": status,
                "reason": reason,
                "map": where,
            }
        )
    return lines


def chat_window(chat: ChatView) -> str:
    """Whether a reply may still be sent, in Vietnamese."""
    window = chat.window
    until = labels.local_time(window.until) if window.until else "—"
    if window.window == "closed":
        why = labels.label(labels.CHAT_CLOSED, window.closed)
        return labels.CHAT_WINDOW["closed"].format(why=why)
    return labels.CHAT_WINDOW[str(window.window)].format(until=until, left=window.replies_left)


def _callback_line(detail: dict[str, Any]) -> str:
    """``không nghe máy, số 0901234567, qua điện thoại`` (and why, when it failed)."""
    line = labels.label(labels.CALLBACK_RESULT, detail["result"])
    if detail.get("reason"):
        line += f" ({labels.label(labels.CALLBACK_REASON, detail['reason'])})"
    if detail.get("number"):
        line += f", số {detail['number']}"
    if detail.get("via"):
        line += f", {labels.label(labels.CALLBACK_VIA, detail['via'])}"
    return line


def queue_links(wanted: QueueFilter, page: QueuePage) -> dict[str, Any]:
    """URLs of the pager and of the status tabs, keeping the other filters."""

    def url(**changes: Any) -> str:
        values = {
            "status": wanted.status,
            "unit": wanted.unit or "",
            "category": wanted.category or "",
            "ward": wanted.ward or "",
            "mine": "1" if wanted.mine else "",
            "channel": wanted.channel or "",
            "page": str(page.page),
            **{k: str(v) for k, v in changes.items()},
        }
        return "/?" + urlencode({k: v for k, v in values.items() if v and v != "open"})

    tabs = []
    for name in STATUS_FILTERS:
        if name == "open":
            count = sum(n for s, n in page.by_status.items() if s not in ("closed", "merged"))
        elif name == "all":
            count = sum(page.by_status.values())
        else:
            count = sum(page.by_status.get(s, 0) for s in STATUS_FILTERS[name] or ())
        tabs.append(
            {
                "name": name,
                "label": labels.STATUS_FILTER[name],
                "count": count,
                "url": url(status=name, page=1),
                "current": name == wanted.status,
            }
        )
    return {
        "tabs": tabs,
        "previous": url(page=page.page - 1) if page.page > 1 else None,
        "next": url(page=page.page + 1) if page.page < page.pages else None,
        "query": url()[2:],
    }
