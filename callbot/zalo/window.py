"""When the OA may still write to a citizen: Zalo's reply window, as a pure rule.

Zalo's rule for customer-service replies (its OA help, "Các loại tin của Zalo Official
Account"): after a citizen's message, the OA may send 8 replies free within 48 hours; the
count starts again with each new message of theirs. The 9th reply, or a reply after 48 hours,
is a paid "proactive" message, possible up to 7 days after their last message; after that,
only approved templates (ZNS/ZBS), which this project does not send.

:meth:`ReplyWindow.state` says where a conversation is, from the citizen's last message and
the replies sent since: ``free``, ``paid`` (only when paid replies are allowed:
``zalo.paid_window_days``) or ``closed``, and until when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class Window(StrEnum):
    """May the OA write now?"""

    FREE = "free"
    PAID = "paid"
    CLOSED = "closed"


class Closed(StrEnum):
    """Why the window is closed."""

    NEVER_WROTE = "never_wrote"  # no message from the citizen at all
    EXPIRED = "expired"  # their last message is too old
    USED_UP = "used_up"  # the free replies are used up and paid ones are not allowed


@dataclass(frozen=True)
class WindowState:
    """Where a conversation's window is now."""

    window: Window
    until: datetime | None = None  # when it closes (or stops being free)
    replies_left: int | None = None  # free replies left (None when not free)
    closed: Closed | None = None

    @property
    def open(self) -> bool:
        """Whether a reply may be sent now."""
        return self.window != Window.CLOSED


@dataclass(frozen=True)
class ReplyWindow:
    """Zalo's rule, with the project's settings (zalo.free_window_hours, free_replies,
    paid_window_days)."""

    free_hours: int = 48
    free_replies: int = 8
    paid_days: int = 0

    def state(
        self, last_citizen_message: datetime | None, replies_since: int, now: datetime
    ) -> WindowState:
        """The window after a citizen's last message at ``last_citizen_message``, with
        ``replies_since`` replies sent since it."""
        if last_citizen_message is None:
            return WindowState(Window.CLOSED, closed=Closed.NEVER_WROTE)
        free_until = last_citizen_message + timedelta(hours=self.free_hours)
        if now < free_until and replies_since < self.free_replies:
            return WindowState(Window.FREE, free_until, self.free_replies - replies_since)
        paid_until = last_citizen_message + timedelta(days=self.paid_days)
        if self.paid_days and now < paid_until:
            return WindowState(Window.PAID, paid_until)
        closed = Closed.USED_UP if now < free_until else Closed.EXPIRED
        return WindowState(Window.CLOSED, free_until, closed=closed)
