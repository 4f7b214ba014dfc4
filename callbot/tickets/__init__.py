"""The ticket store, and nothing else: tables, migrations, queries, the rules of a ticket's life.

- ``models.py`` + ``migrations/`` + ``db.py``  the tables (SQLAlchemy 2, Alembic), engines
- ``transactions.py``  short transactions, retried while SQLite is locked
- ``repository.py``    tickets and their answers; ``answers.py`` an answer's rows
- ``records.py``       the frozen records the store returns
- ``rules.py``         states, outcomes, ticket numbers; ``caller.py`` caller data, cleaned
- ``sqltime.py``       time arithmetic in SQL, for SQLite and PostgreSQL
- ``written.py``       written requests' tickets (fields, photos, submission) in one transaction
- ``facts.py``         what a citizen's status lookup is decided from
- ``chat_models.py``   the chat's tables; ``chat_rules.py`` their states; ``chat_store.py``
                       conversations and messages; ``inbox.py`` the webhook's durable inbox;
                       ``outbox.py`` messages to send, claimed in order; ``leases.py`` named
                       leases and the OA's tokens

May import: ``config``, ``errors`` (and ``speech.asr``'s ``Transcript``, for type hints only).
"""
