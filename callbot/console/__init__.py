"""The operators' web console: where an operator sees the tickets and acts on them.

``app.py`` wires; ``security.py`` is the gate (session, CSRF, headers); ``auth.py`` logs in;
``live.py`` pushes changed tickets; ``views/`` are thin HTTP handlers over the ticket workflow
(:mod:`callbot.operators.workflow`, :mod:`callbot.operators.queue`); ``present.py`` turns records
into what a page shows; ``labels.py`` holds every Vietnamese word; ``templates/`` and
``static/`` are the pages. ``runner.py`` starts it (``callbot console``, ``make run``).
"""
