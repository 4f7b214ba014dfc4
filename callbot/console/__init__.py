"""The operators' web console: where an operator sees the tickets and acts on them.

The web layer only, thin over :mod:`callbot.operators` (the stores, the access policy, the
workflow, logins, callbacks): ``asgi.py`` wires; ``security.py`` is the gate (session cookie,
CSRF, headers); ``live.py`` pushes changed tickets; ``views/`` are thin HTTP handlers (login,
queue, tickets, media, dashboard); ``present.py``, ``figures.py`` and ``charts.py`` turn records
into what a page shows, ``export.py`` into CSV; ``labels.py`` holds every Vietnamese word;
``templates/`` and ``static/`` are the pages. ``runner.py`` starts it (``callbot console``,
``make run``).
"""
