"""A delivery to the webhook: checked, then stored in the inbox before Zalo hears 200.

:meth:`Webhook.accept` is everything ``POST /zalo/webhook`` does (the view only reads the
request and answers):

1. the signature (:mod:`callbot.zalo.signature`) on the raw body; unsigned (Zalo's own check
   of the URL, a probe), badly signed or malformed: ``ignored``, logged with the reason;
2. the event read (:mod:`callbot.zalo.events`); one older than ``zalo.max_event_age_minutes``
   (a replay: Zalo stops retrying long before) or from more than 10 minutes ahead:
   ``ignored``; one that is not a citizen's (a receipt, the OA's own message echoed, a follow)
   is answered and forgotten;
3. the event stored (:class:`~callbot.tickets.inbox.Inbox`): ``stored``, or ``repeat`` when
   Zalo delivers it again (its retries, a duplicate): nothing is taken twice.

An ignored delivery is still answered 200 (a hard refusal would keep Zalo from saving the
URL); only a database that cannot store an event makes the view answer 503, so that Zalo
retries it. Nothing personal is logged above DEBUG.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from callbot.config import ZaloConfig
from callbot.tickets.inbox import Inbox
from callbot.tickets.models import utc_now
from callbot.zalo.events import parse_event
from callbot.zalo.signature import check

log = logging.getLogger(__name__)

AHEAD = timedelta(minutes=10)  # an event stamped further in the future is refused


@dataclass(frozen=True)
class Delivery:
    """What became of one delivery."""

    outcome: str  # stored, repeat, ignored
    reason: str = ""  # why it was ignored


class Webhook:
    """The webhook's work, apart from HTTP."""

    def __init__(
        self,
        config: ZaloConfig,
        inbox: Inbox,
        *,
        notify: Callable[[], None] = lambda: None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.config = config
        self.inbox = inbox
        self.notify = notify
        self._clock = clock
        self.max_age = timedelta(minutes=config.max_event_age_minutes)

    def _ignored(self, reason: str, retry: str) -> Delivery:
        log.warning("Zalo webhook: delivery ignored (%s%s)", reason, retry)
        return Delivery("ignored", reason)

    def accept(self, body: bytes, signature: str | None, num_retry: str | None = None) -> Delivery:
        """Check and store one delivery (module docstring). Raises StorageError when the
        event cannot be stored."""
        retry = f", retry {num_retry[:8]}" if num_retry and num_retry != "0" else ""
        verdict = check(
            signature, body, app_id=self.config.app_id, oa_secret_key=self.config.oa_secret_key
        )
        if not verdict.ok:
            return self._ignored(verdict.reason, retry)
        try:
            event = parse_event(json.loads(body))
        except ValueError:
            return self._ignored("not an event", retry)
        now = self._clock()
        at = datetime.fromtimestamp(event.timestamp_ms / 1000, UTC)
        if now - at > self.max_age:
            return self._ignored(f"too old: {event.name} of {at:%Y-%m-%d %H:%M} UTC", retry)
        if at - now > AHEAD:
            return self._ignored(f"from the future: {event.name}", retry)
        if not event.from_citizen or not event.user_id:
            log.info("Zalo webhook: %s answered, nothing to do", event.name)
            return Delivery("ignored", "not for the chat")
        stored = self.inbox.add(
            event.key, event.name, event.user_id, min(at, now), body.decode("utf-8", "replace")
        )
        log.info("Zalo webhook: %s %s%s", event.name, "stored" if stored else "repeated", retry)
        log.debug("Zalo webhook: %s from user %s", event.key, event.user_id)
        if stored:
            self.notify()
        return Delivery("stored" if stored else "repeat")
