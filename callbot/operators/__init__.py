"""The operators' work: who may see what, the queue, the workflow, accounts, figures, callbacks.

No HTTP here: the console (``callbot/console``) and the phone service (``calls/service.py``)
are both thin over it. ``stores.py`` opens the stores; ``access.py`` is the access policy;
``views.py`` the read models that ``queue.py`` reads; ``workflow.py`` the actions, with
``closing.py``, ``corrections.py`` and ``history.py``; ``accounts.py`` and ``login.py`` the
users and their sessions; ``stats.py`` the dashboard's figures; ``callback.py`` calling a
citizen back; ``chat.py`` a chat ticket's conversation and the operators' replies. May
import: ``config``, ``errors``, ``tickets``, ``understanding`` (the numbers a callback may
dial), ``pbx``, ``zalo`` (the reply window's rule) and ``dialog`` (the chat's words a
citizen reads when their ticket is closed).
"""
