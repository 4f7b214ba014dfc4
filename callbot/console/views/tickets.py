"""One ticket: its page, and the actions on it (claim, release, resolve, unreachable,
duplicate, refer, correct, note, callback, reply: a message to a chat's citizen).

An action that succeeds redirects back to the page with ``?done=<action>`` (the page says it
in Vietnamese); one that is refused (someone else claimed first, closed meanwhile) renders the
page again with the reason, status 409; a value refused
(:class:`~callbot.errors.InvalidInput`: a malformed unit code, an unknown urgency) with status
400. A callback that cannot reach Asterisk renders the page with the reason beside the "Gọi
lại" button, status 503. An unknown ticket or action is 404, and so is another unit's ticket:
the same page, so that a ticket number says nothing of whether it exists elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from callbot.console import labels
from callbot.console.present import (
    chat_lines,
    chat_window,
    emergency_notice,
    event_line,
    field_rows,
    permissions,
)
from callbot.console.views import console_of, record_audit, render, user_of
from callbot.errors import (
    AccessDenied,
    AmiError,
    InvalidInput,
    TicketNotFound,
    UnknownAction,
    WorkflowError,
)
from callbot.operators.accounts import UserRecord
from callbot.operators.audit import AuditAction
from callbot.operators.callback import callback_number
from callbot.operators.corrections import CORRECTABLE
from callbot.operators.views import TicketView


def not_found(request: Request) -> Response:
    """The error page, 404: no such ticket (or action), or one the user may not see (another
    unit's: answered the same, never 403, so the answer is no existence oracle)."""
    return render(request, "error.html", {"message": labels.TEXT["not_found"]}, 404)


def _context(request: Request, view: TicketView, user: UserRecord) -> dict[str, Any]:
    console = console_of(request)
    ticket = view.ticket
    desk = console.operators.chat
    chat = desk.view(view) if desk is not None else None
    return {
        "chat": {
            "lines": chat_lines(chat),
            "window": chat_window(chat),
            "open": chat.window.open,
        }
        if chat is not None
        else None,
        "view": view,
        "ticket": ticket,
        "can": permissions(user, view),
        "fields": field_rows(view),
        "emergency": emergency_notice(view),
        "answers": [
            {
                "answer": answer,
                "step": labels.label(labels.STEP, answer.step),
                "audio_url": f"/recordings/{answer.id}" if answer.audio_path else "",
                "text": answer.transcript
                if answer.transcription == "done"
                else labels.label(labels.TRANSCRIPTION, answer.transcription),
                "confidence": labels.confidence(
                    sum(w.conf for w in answer.words) / len(answer.words) if answer.words else None
                ),
            }
            for answer in ticket.answers
        ],
        "photos": [
            {
                "url": f"/attachments/{photo.id}",
                "alt": f"Ảnh {photo.position} của phiếu {_number_of(view, photo.ticket_id)}",
                "width": min(photo.width, 320),
                "height": round(photo.height * min(photo.width, 320) / max(photo.width, 1)),
            }
            for photo in view.attachments
        ],
        "events": [
            {
                "at": event.at,
                "user": event.user,
                "action": labels.label(labels.EVENT, event.action),
                "detail": event_line(event.action, event.detail),
            }
            for event in view.events
        ],
        "units": [u for u in console.queue.choices(user)["units"] if u != ticket.unit],
        "callback": _callback_context(console, user, view),
    }


def _number_of(view: TicketView, ticket_id: int) -> str:
    """The number of the ticket a photo belongs to: this one, or a request merged into it."""
    if ticket_id == view.ticket.id:
        return view.ticket.number
    return next((t.number for t in view.linked if t.id == ticket_id), view.ticket.number)


def _callback_context(console: Any, user: UserRecord, view: TicketView) -> dict[str, Any]:
    """What the "Gọi lại" section shows: under way, why it cannot work, Asterisk down."""
    number = callback_number(view.ticket)
    notes = []
    if not user.phone:
        notes.append(labels.REFUSAL["no_phone"])
    if number is None:
        notes.append(labels.REFUSAL["no_number"])
    return {
        "number": number or "—",
        "phone": user.phone or "—",
        "calling": console.callbacks.calling(view.ticket.id),
        "notes": notes,
        "error": labels.REFUSAL["pbx_down"] if console.callbacks.pbx_down else "",
    }


def _done_message(done: str, view: TicketView, user: UserRecord) -> str:
    return labels.DONE[done].format(
        number=view.ticket.number,
        count=view.workflow.unreachable_count,
        unit=view.ticket.unit_name or view.ticket.unit or "—",
        phone=user.phone or "—",
        callback=callback_number(view.ticket) or "—",
    )


async def ticket_page(request: Request) -> Response:
    """``GET /tickets/<number>``: the ticket page, saying what the last action did (``?done=``)."""
    user = user_of(request)
    console = console_of(request)
    number = request.path_params["number"]

    def load() -> dict[str, Any]:
        view = console.queue.ticket(user, number)
        return _context(request, view, user)

    try:
        context = await run_in_threadpool(load)
    except (TicketNotFound, AccessDenied):
        return not_found(request)
    ticket = context["ticket"]
    await record_audit(request, AuditAction.VIEW, ticket.id, number=ticket.number)
    done = request.query_params.get("done", "")
    context["message"] = _done_message(done, context["view"], user) if done in labels.DONE else ""
    context["error"] = ""
    return render(request, "ticket.html", context)


def _reply(console: Any, user: UserRecord, ticket_id: int, text: str) -> None:
    """A message to a chat's citizen (no chat desk: none to write to)."""
    if console.operators.chat is None:
        raise WorkflowError("no chat on this console", "no_chat")
    console.operators.chat.reply(user, ticket_id, text)


def _action(console: Any, user: UserRecord, action: str, ticket_id: int, form: FormData) -> str:
    """Run ``action``; returns the ``done`` code for the redirect. :class:`UnknownAction` for
    an action that is none of these."""
    note = str(form.get("note", ""))
    workflow = console.workflow
    simple: dict[str, Callable[[], Any]] = {
        "claim": lambda: workflow.claim(user, ticket_id),
        "release": lambda: workflow.release(user, ticket_id, note),
        "resolve": lambda: workflow.resolve(user, ticket_id, note),
        "unreachable": lambda: workflow.unreachable(user, ticket_id, note),
        "duplicate": lambda: workflow.duplicate(
            user, ticket_id, str(form.get("original", "")).strip() or None, note
        ),
        "note": lambda: workflow.note(user, ticket_id, note),
        "reply": lambda: _reply(console, user, ticket_id, str(form.get("text", ""))),
    }
    if action in simple:
        simple[action]()
        return action
    if action == "refer":
        unit = str(form.get("unit", "")).strip()
        workflow.refer(user, ticket_id, unit, console.queue.unit_name(unit), note)
        return action
    if action == "correct":
        changes = {name: str(form[name]) for name in CORRECTABLE if name in form}
        return "correct" if workflow.correct(user, ticket_id, changes) else "correct_none"
    raise UnknownAction(action)


async def ticket_action(request: Request) -> Response:
    """``POST /tickets/<number>/<action>``: run the action, then back to the page (module
    docstring for the refusals)."""
    user = user_of(request)
    console = console_of(request)
    number = request.path_params["number"]
    action: str = request.path_params["action"]
    form = await request.form()

    def run() -> tuple[str, int]:
        view = console.queue.ticket(user, number)
        if action == "callback":
            console.callbacks.start(user, view)
            return action, view.ticket.id
        return _action(console, user, action, view.ticket.id, form), view.ticket.id

    try:
        done, ticket_id = await run_in_threadpool(run)
    except (TicketNotFound, UnknownAction, AccessDenied):
        return not_found(request)
    except WorkflowError as exc:
        message = labels.refusal(exc.code, exc.holder, exc.at)
        return await _refused(request, user, message, 409, beside_callback=action == "callback")
    except AmiError:
        message = labels.REFUSAL["pbx_down"]
        return await _refused(request, user, message, 503, beside_callback=True)
    except InvalidInput:
        return await _refused(request, user, labels.REFUSAL["bad_value"], 400)
    console.feed.notify()
    await record_audit(request, AuditAction.CHANGE, ticket_id, number=number, what=done)
    return RedirectResponse(f"/tickets/{number}?done={done}", 303)


async def _refused(
    request: Request, user: UserRecord, message: str, status: int, *, beside_callback: bool = False
) -> Response:
    """The ticket page again, as it is now, saying why the action was refused (a callback's
    reason beside its button)."""
    console = console_of(request)

    def load() -> dict[str, Any]:
        view = console.queue.ticket(user, request.path_params["number"])
        return _context(request, view, user)

    try:
        context = await run_in_threadpool(load)
    except (TicketNotFound, AccessDenied):
        return not_found(request)
    if beside_callback and context["can"].callback:  # else the button is not there
        context["callback"] = {**context["callback"], "error": message}
        message = ""
    return render(request, "ticket.html", {**context, "message": "", "error": message}, status)
