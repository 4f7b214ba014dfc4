"""Where recorded answers become text: a durable job queue and a pool of workers over it.

- ``jobs.py``       the queue: one job per answer, claimed race-free, stored once; a stored
                    result runs the settle step (:mod:`callbot.routing.settle`)
- ``requeue.py``    answers transcribed again (by hand, or every one still pending)
- ``worker.py``     the pool: claims jobs, checks the audio's voice energy, runs the speech
                    recognizer, stores the transcript, while the call goes on
- ``listening.py``  what the call path asks of it: wake the workers, wait for a text

May import: ``config``, ``errors``, ``speech``, ``routing``, ``tickets``.
"""
