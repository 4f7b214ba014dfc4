"""callbot: an overflow voice bot for public support hotlines, built on Asterisk and Vosk.

A call travels PBX -> route -> dialog -> speech -> transcription -> understanding -> routing ->
ticket -> operator; the rooms of the package, in that order:

- ``pbx``            Asterisk: FastAGI and AMI (protocols pure, apart from their I/O), the queue
- ``calls``          one module per FastAGI script: ``route``, ``callbot``, ``service``
- ``dialog``         the conversation as data and the small engine that runs it
- ``intake``         where a request enters the store: the call recorder, its journal, recovery
- ``speech``         recognition (Vosk), synthesis (gTTS, espeak-ng), audio
- ``transcription``  the durable job queue and its workers
- ``understanding``  text -> values: name, phone, address, need
- ``routing``        the settle step: fields, the responsible unit, repeat callers
- ``tickets``        the store only: tables, migrations, queries, rules
- ``operators``      the operators' work: access, queue, workflow, accounts, figures, callbacks
- ``console``        the operators' web layer, thin over ``operators``
- ``sandbox``        the embedded Asterisk that ``make run`` and the tests start
- ``lab``            what serves development, not calls: simulator, robot, benchmarks, evaluation

docs/architecture.md draws the way of a call and of a ticket, and which room imports which.
"""

__version__ = "0.1.0"
