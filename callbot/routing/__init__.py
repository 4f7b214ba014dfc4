"""Where a ticket goes: the responsible unit (``units.py``) and repeat calls (``repeat.py``).

A ticket's address, once understood (:mod:`callbot.understanding`), names a 2025 unit and/or
an old ward; the units file maps those to the unit that acts on it. What cannot be placed goes
to the city triage unit. A call from a number that has a ticket still open is merged into it.
"""
