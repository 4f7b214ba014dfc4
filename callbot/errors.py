"""The one error tree of callbot.

Every error raised on purpose by callbot derives from :class:`CallbotError` and carries
a message that tells a person what to do about it::

    CallbotError
    ├── ConfigError            a setting is missing or malformed (names the setting)
    ├── SetupError             a required tool, file or privilege is missing on this machine
    │   └── SandboxError       the sandbox Asterisk could not be built, started or stopped
    ├── PbxError               talking to Asterisk failed
    │   ├── AgiError           an AGI command failed or Asterisk answered something unexpected
    │   │   ├── AgiProtocolError   a reply line that is not valid AGI (520, garbage, EOF)
    │   │   ├── AgiInjectionError  an argument would inject a second command (CR/LF, NUL)
    │   │   └── AgiHangup          the channel hung up; the call is over, clean up and return
    │   └── AmiError           an AMI action failed, timed out or the connection is down
    ├── PromptError            a prompt is missing, not rendered, or cannot be rendered
    ├── AsrError               speech recognition failed
    │   └── ModelError         a speech model is missing, corrupt, or cannot be fetched
    ├── StorageError           the ticket database or the recordings directory failed
    │   └── TicketNotFound     no ticket with that id or number
    ├── DialogError            the dialog script (steps) is inconsistent
    ├── AccountError           a console account cannot be created or changed (name taken,
    │                          password too short, unknown role)
    ├── InvalidInput           a value a person typed is refused (an unknown correctable
    │   │                      field, a bad filter, date or unit code); ``field`` names it.
    │   │                      Also a ValueError: a refused value, whoever catches it
    │   └── InvalidRequest     a written request is refused: ``problems`` says why, per field
    ├── RequestConflict        an idempotency key already used for a different request
    ├── TooManyRequests        a written request refused: its number sent too many this hour
    ├── ZaloError              Zalo's API refused a call or could not be reached; ``code`` is
    │                          Zalo's error number (None: no answer), ``transient`` whether a
    │                          retry may help
    ├── UnknownAction          no such action on a ticket: a not-found kind (the console
    │                          answers it as it answers a ticket that does not exist)
    └── WorkflowError          an operator's action on a ticket is refused (claimed by another,
        │                      already closed, not of the operator's unit); ``code`` says which
        └── AccessDenied       the user may not see this ticket or recording
"""

from __future__ import annotations


class CallbotError(Exception):
    """Base class of every error callbot raises on purpose."""


class ConfigError(CallbotError):
    """A setting is missing or malformed. The message names the setting and where it came from."""


class SetupError(CallbotError):
    """A tool, file or privilege that callbot needs is missing on this machine."""


class SandboxError(SetupError):
    """The sandbox Asterisk could not be built, started or stopped."""


class PbxError(CallbotError):
    """Talking to Asterisk failed."""


class AgiError(PbxError):
    """An AGI command failed or Asterisk answered something unexpected."""


class AgiProtocolError(AgiError):
    """Asterisk sent a reply that is not valid AGI (``510``, ``520``, garbage or end of stream)."""


class AgiInjectionError(AgiError):
    """An AGI argument contains a character that would end the command (CR, LF or NUL)."""


class AgiHangup(AgiError):
    """The channel hung up. Not a failure: the call is over and the handler should clean up."""


class AmiError(PbxError):
    """An AMI action failed, timed out, or the AMI connection is down."""


class PromptError(CallbotError):
    """A prompt is missing from the prompt file, not rendered, or cannot be rendered."""


class AsrError(CallbotError):
    """Speech recognition failed (bad audio, recognizer failure)."""


class ModelError(AsrError):
    """A speech model is missing, corrupt, or cannot be fetched. Says which and what to do."""


class StorageError(CallbotError):
    """The ticket database or the recordings directory failed."""


class TicketNotFound(StorageError):
    """No ticket has that id or number."""


class DialogError(CallbotError):
    """The dialog script is inconsistent (unknown step, missing prompt)."""


class AccountError(CallbotError):
    """A console account cannot be created or changed: the message says why."""


class InvalidInput(CallbotError, ValueError):
    """A value a person typed is refused: an unknown field to correct, a queue filter, a date,
    a unit code. ``field`` names the value (as the form or the query calls it); the message
    says what is accepted. A :class:`ValueError` that is a bug in the caller (``limit < 1``)
    stays a plain ValueError."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class InvalidRequest(InvalidInput):
    """A written request (web form, API, chat) is refused. ``problems`` maps every refused field
    (as the form and the API name it) to a code saying why (``required``, ``too_long``,
    ``invalid_phone``, ``not_an_image``...): the web layer says each in Vietnamese beside its
    field, the API names them in its 422 answer. ``field`` is the first of them."""

    def __init__(self, problems: dict[str, str]) -> None:
        if not problems:
            raise ValueError("InvalidRequest needs at least one problem")
        described = ", ".join(f"{name}: {code}" for name, code in problems.items())
        super().__init__(next(iter(problems)), f"request refused ({described})")
        self.problems = dict(problems)


class RequestConflict(CallbotError):
    """An idempotency key already used for a different request: a retry must send the same
    request, a new request needs a new key."""


class TooManyRequests(CallbotError):
    """A written request refused because its callback number already sent
    ``intake.sends_per_phone`` requests in the last hour (a retry of one of them is not)."""


class ZaloError(CallbotError):
    """Zalo's API refused a call (``code``: Zalo's own error number, such as -216 for an invalid
    access token or -230 for a user outside the reply window) or could not be reached
    (``code`` None). ``transient``: a later retry may succeed (no answer, a rate limit, a server
    error); otherwise the same call will be refused again. The message never holds a token."""

    def __init__(self, message: str, code: int | None = None, *, transient: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.transient = transient


class UnknownAction(CallbotError):
    """No such action on a ticket (the console's URL names none): found nowhere, as a ticket
    that does not exist."""

    def __init__(self, action: str) -> None:
        super().__init__(f"no ticket action {action!r}")
        self.action = action


class WorkflowError(CallbotError):
    """An action on a ticket is refused. ``code`` names the reason for the console (which says
    it in Vietnamese); ``holder`` and ``at`` tell who holds a claim, and since when."""

    def __init__(
        self, message: str, code: str, *, holder: str | None = None, at: object = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.holder = holder
        self.at = at


class AccessDenied(WorkflowError):
    """The user may not see this ticket (another unit's) or this recording."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "forbidden")
