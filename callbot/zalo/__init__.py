"""Zalo, as the hotline's Official Account speaks it: what Zalo sends and what it answers.

Like ``pbx/`` for Asterisk, the protocol is pure (bytes and dicts in, typed values out) and the
I/O sits apart in one small module:

- ``signature.py``  the webhook's ``X-ZEvent-Signature``, checked against the raw body
- ``events.py``     a webhook event (``user_send_text``, ``user_send_image``, ...) as a value
- ``messages.py``   the bodies sent (a text, the share-your-info card) and Zalo's answers read
                    (a message id, an error number, a new pair of tokens)
- ``window.py``     when the OA may still write to a citizen (free replies, paid, none)
- ``client.py``     the HTTP calls: send a message, refresh the tokens, fetch a photo

Nothing here knows tickets, conversations or the database. May import ``config`` and
``errors``.
"""
