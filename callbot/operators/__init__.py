"""The operators' work: who may see what, the queue, the workflow, accounts, figures, callbacks.

No HTTP here: the console (``callbot/console``) and the phone service (``calls/service.py``)
are both thin over it. May import: ``config``, ``errors``, ``tickets``, ``understanding``,
``pbx``.
"""
