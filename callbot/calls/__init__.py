"""Where a call enters: one module per FastAGI script the dialplan calls (``agi://host/<name>``).

- ``route``    decides where a caller who pressed 2 goes: the operators' queue or the callbot
- ``callbot``  runs the dialog and writes the ticket; the dialog's call port is ``media``
               (the call's audio stream: barge-in, answers ending when the caller stops)
               or ``agi_port`` (plain AGI)
- ``service``  the operators' phone service: the next waiting ticket read to an operator

Each script gets the narrow parts it needs (:class:`~.route.Router`,
:class:`~.callbot.Callbot`, :class:`~.service.PhoneService`), built by ``callbot.app``.
May import: ``config``, ``errors``, ``metrics``, ``pbx``, ``dialog``, ``intake``, ``speech``,
``transcription``, ``understanding``, ``routing``, ``tickets``, ``operators``.
(The robot caller of ``callbot call simulate`` is a script too, served only by that command:
``callbot/lab/robot.py``.)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from callbot.calls import callbot, route, service
from callbot.pbx import variables
from callbot.pbx.agi import AgiChannel

Handler = Callable[[AgiChannel], None]


def make_routes(
    router: route.Router, bot: callbot.Callbot, phone: service.PhoneService
) -> dict[str, Handler]:
    """The production route table: script name -> handler."""
    return {
        variables.SCRIPT_ROUTE: partial(route.handle, router=router),
        variables.SCRIPT_CALLBOT: partial(callbot.handle, bot=bot),
        variables.SCRIPT_SERVICE: partial(service.handle, parts=phone),
    }
