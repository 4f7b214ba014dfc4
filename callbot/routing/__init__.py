"""Where text becomes a routed ticket: the settle step, the responsible unit, repeat callers.

- ``settle.py``  a ticket whose call ended and whose answers are transcribed becomes ready:
                 understood (:mod:`callbot.understanding`), routed, or merged
- ``fields.py``  the answers' transcripts -> the ticket's fields with their confidence, its
                 category, urgency and unit (the parsers are :mod:`callbot.understanding`'s)
- ``units.py``   the units file: a 2025 unit and/or an old ward -> the unit that acts on it;
                 what cannot be placed goes to the city triage unit
- ``repeat.py``  a call from a number whose ticket is still open is merged into that ticket

May import: ``config``, ``errors``, ``understanding``, ``tickets``.
"""
