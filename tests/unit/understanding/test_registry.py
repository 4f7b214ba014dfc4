"""The parsers by kind, and their warm-up when a server starts."""

from __future__ import annotations

import subprocess
import sys


def test_warm_up_loads_the_gazetteer_and_the_need_model_once() -> None:
    """In a fresh interpreter: nothing is loaded on import (nor the need lexicon's indexes,
    which `callbot serve` builds before its port opens); after
    :func:`warm_up`, the gazetteer, the need model and the indexes are, and answers after it
    load nothing more."""
    script = """
from callbot.understanding import gazetteer, need_match, need_model, registry
assert need_model.load.cache_info().currsize == 0
assert gazetteer.load_gazetteer.cache_info().currsize == 0
assert need_match._built == []
registry.warm_up()
assert need_model.load.cache_info().currsize == 1
assert gazetteer.load_gazetteer.cache_info().currsize == 1
tables = need_match._built[0]
registry.parse("need", "mẹ tôi khó thở quá")
registry.parse("address", "phường hai quận năm")
assert need_model.load.cache_info().misses == 1
assert gazetteer.load_gazetteer.cache_info().misses == 1
assert need_match._built == [tables]
print("warm")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "warm"
