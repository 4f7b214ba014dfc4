"""Where a request enters the ticket store: the call recorder, its journal, recovery.

- ``recorder.py``  a call's ticket, answer by answer, as the dialog goes on; settled at its end
- ``journal.py``   ``call.json`` beside the call's recordings: everything, even without a database
- ``recovery.py``  journals of calls the database missed, stored once it is back

Later channels (the web form, the API, chat) join here too. May import: ``config``,
``errors``, ``routing``, ``tickets``.
"""
