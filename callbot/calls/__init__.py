"""FastAGI routes: one module per script name the dialplan calls (``agi://host/<name>``).

- ``route``    decides where a caller who pressed 2 goes: the operators' queue or the callbot
- ``callbot``  runs the dialog and writes the ticket
- ``service``  the operators' phone service: the next waiting ticket read to an operator
- ``robot``    the test caller of ``callbot call simulate`` (served only by that command)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from callbot.app import App
from callbot.calls import callbot, route, service
from callbot.pbx import variables
from callbot.pbx.agi import AgiChannel

Handler = Callable[[AgiChannel], None]


def make_routes(app: App) -> dict[str, Handler]:
    """The production route table: script name -> handler."""
    return {
        variables.SCRIPT_ROUTE: partial(route.handle, app=app),
        variables.SCRIPT_CALLBOT: partial(callbot.handle, app=app),
        variables.SCRIPT_SERVICE: partial(service.handle, app=app),
    }
