"""Timing figures for the benchmarks: one JSON line per figure, appended to a file.

``callbot serve --metrics FILE`` writes them (route decisions, turn gaps, read-back waits,
spoken-answer waits); ``callbot bench calls`` reads them back. Without a file nothing is
written. The lines hold times and outcomes only, never caller data.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Metrics:
    """Figures for the benchmark: appended as JSON lines when a file is given."""

    path: Path | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, **values: Any) -> None:
        """Append one figure of ``kind`` with ``values`` (numbers and short words)."""
        if self.path is None:
            return
        line = json.dumps({"kind": kind, "t": time.time(), **values})
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
