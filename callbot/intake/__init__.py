"""Where a request enters the ticket store: the call recorder, its journal, recovery.

A call's answers are stored as they come (:mod:`.recorder`), with a journal beside the
recordings that keeps everything when the database is down (:mod:`.recovery` stores it later).
May import: ``config``, ``errors``, ``tickets``.
"""
