"""The public side: the citizens' web form, the status page, the REST API and the Zalo Official
Account's webhook, on a server of its own (``callbot intake``), apart from the operators'
console.

Thin over :mod:`callbot.intake` (where a written request becomes a ticket), as the console is
over :mod:`callbot.operators`:

- ``asgi.py``      the parts built from the configuration, and the Starlette app
- ``security.py``  the gate every request passes: size limits (413), headers, client address
- ``limits.py``    rate limits per address, per API key (sliding windows)
- ``antibot.py``   the form's honeypot and signed minimum fill time, the ALTCHA proof of work
- ``views/``       the form, the status page, the API, its OpenAPI document and docs page,
                   the Zalo OA's webhook
- ``labels.py``    every word a citizen reads, in Vietnamese
- ``runner.py``    ``callbot intake``, alone or as a child of ``callbot run``

May import ``config``, ``errors``, ``intake`` and ``tickets`` (its rules): never ``console``
or ``operators``, so no operators' route can ever be reached from here.
"""
