"""Where a request enters the ticket store: the call recorder, its journal, recovery; and the
written requests (web form, REST API, the Zalo chat), HTTP-free.

- ``recorder.py``  a call's ticket, answer by answer, as the dialog goes on; settled at its end
- ``journal.py``   ``call.json`` beside the call's recordings: everything, even without a database
- ``recovery.py``  journals of calls the database missed, stored once it is back
- ``written.py``   a written request -> its ticket: checked, stored, settled like a call
- ``fields.py``    a written request's fields checked and cleaned (the phone rule, the limits)
- ``photos.py``    photos checked by their content, stored beside the recordings
- ``places.py``    the ward picker: old and 2025 names
- ``status.py``    ticket number + phone -> what a citizen may know of their request
- ``apikeys.py``   the REST API's keys (hashed)
- ``services.py``  the written channels' services on the configured database
- ``chat/``        the Zalo chat: webhook, inbox and outbox workers, conversations, tokens

The HTTP layer of the written channels is :mod:`callbot.public`. May import: ``config``,
``errors``, ``routing``, ``tickets``, ``speech`` (the shape of a transcript),
``understanding`` (the phone rule, the gazetteer), ``dialog`` (the chat's script and engine)
and ``zalo`` (Zalo's protocol and client).
"""
