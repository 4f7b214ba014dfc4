"""The conversation as data, and the small engine that runs it over one call.

- ``steps.py``    the script: a table of steps (prompt, what to capture, retries, what next)
- ``engine.py``   the engine: the run loop, dispatching each step to the function of its kind
- ``ask.py``, ``readback.py``, ``callback_number.py``  one module per step kind
- ``turns.py``    the building blocks every step kind shares (play, prompt, record, leave)
- ``spoken.py``   closed answers said aloud: phrases per language, checked against a model
- ``ports.py``    what the engine talks to (the call) and reports to (the ticket)

No PBX, no database: a whole call can be run with fakes. May import: ``errors``,
``understanding``.
"""
