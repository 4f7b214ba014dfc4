"""Several callbot machines sharing one database: nodes and their heartbeats (``nodes``), what a
dead node left finished by another (``takeover``), what the cluster looks like (``status``).

Any number of ``callbot serve`` nodes (behind one Asterisk, whose dialplan tries them in turn)
and ``callbot worker`` nodes share the ticket database (PostgreSQL) and the recordings (a shared
mount). Nothing a node keeps in memory is needed by another: the AMI queue view is each node's
own, tickets, jobs and leases live in the database, journals beside the recordings.
May import: ``config``, ``errors``, ``tickets``, ``transcription``, ``routing``, ``intake``.
"""
