"""Each call's records carry its id: the uniqueid of the channel the FastAGI server is serving.

:class:`CallContextFilter` adds ``call_id`` (the channel's uniqueid, "-" outside a call) to every
record, for formats such as ``%(asctime)s %(call_id)s %(message)s``; install it on a handler
with :func:`install_call_logging`. The FastAGI server sets :data:`CALL_ID` for the thread (the
context) of each call it serves.
"""

from __future__ import annotations

import contextvars
import logging

#: The uniqueid of the call served in this context ("-" outside a call).
CALL_ID: contextvars.ContextVar[str] = contextvars.ContextVar("callbot_call_id", default="-")


class CallContextFilter(logging.Filter):
    """Sets ``record.call_id`` to the uniqueid of the call being served ("-" outside a call)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Stamp the record with the current call's id; never drops a record."""
        record.call_id = CALL_ID.get()
        return True


def install_call_logging(handler: logging.Handler) -> None:
    """Give ``handler`` the ``call_id`` attribute on every record (once)."""
    if not any(isinstance(f, CallContextFilter) for f in handler.filters):
        handler.addFilter(CallContextFilter())
