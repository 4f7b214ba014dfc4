"""callbot: an overflow voice bot for public support hotlines, built on Asterisk and Vosk.

A call travels PBX -> route -> dialog -> speech -> ticket -> operator:

- ``callbot.pbx``       Asterisk: FastAGI server, AGI wrapper, AMI monitor, sandbox PBX.
- ``callbot.calls``    one module per FastAGI script (``route``, ``callbot``, ``robot``).
- ``callbot.dialog``    the conversation as data (``steps``) and the engine that runs it.
- ``callbot.speech``    prompt rendering (gTTS / espeak-ng) and audio helpers.
- ``callbot.tickets``   the ticket store (SQLAlchemy 2 + Alembic) and its rules.
"""

__version__ = "0.1.0"
