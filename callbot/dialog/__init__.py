"""The conversation as data, and the small engines that run it: over one call, and over one
chat.

- ``steps.py``    the script: a table of steps (prompt, what to capture, retries, what next)
- ``engine.py``   the engine: the run loop, dispatching each step to the function of its kind
- ``ask.py``, ``readback.py``, ``callback_number.py``  one module per step kind
- ``turns.py``    the building blocks every step kind shares (play, prompt, record, leave)
- ``spoken.py``   closed answers said aloud: phrases per language, checked against a model
- ``ports.py``    what the engine talks to (the call) and reports to (the ticket)
- ``chat_steps.py``  the chat's script: the call's questions written for chat, every text
- ``chat_engine.py`` one turn of a chat, a pure function over a state stored as JSON

No PBX, no database, no network: a whole call or chat can be run with fakes. May import: ``errors``,
``understanding``.
"""
