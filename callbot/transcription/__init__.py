"""Where recorded answers become text: a pool of workers over the database's job queue.

Every stored answer has a transcription job (:mod:`callbot.tickets.repository`); the pool of
:mod:`.worker` claims jobs, checks the audio's voice energy, runs a speech recognizer and
stores the transcript, while the call that recorded it goes on.
"""
