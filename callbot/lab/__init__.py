"""What serves development, not calls: the simulator and its robot caller, benchmarks, evaluation.

Nothing under ``callbot/`` outside this folder imports it (the command line loads it lazily,
for ``callbot call simulate``, ``callbot bench`` and ``callbot eval``). It may import anything.
"""
