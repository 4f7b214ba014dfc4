"""What the command groups share: logging setup, printing results, masking URLs, ticket text.

A command prints either text for a person or, with ``--json``, the same data as JSON
(:func:`print_result`). A ticket reads the same in ``tickets show`` and ``call simulate``
(:func:`ticket_text`); ``tickets list`` gives its outcome in one line (:func:`outcome_text`).
"""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from callbot.config import Config


def setup_logging(config: Config, verbose: bool) -> None:
    """One stderr handler on the root logger, each line tagged with its call's id."""
    from callbot.pbx.call_log import install_call_logging

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(call_id)s] %(name)s: %(message)s")
    )
    install_call_logging(handler)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel("DEBUG" if verbose else config.log.level.upper())
    if not verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per migration step


def require_database(config: Config) -> None:
    """Refuse to go on without an existing ticket database (one line, exit 2): only ``db
    upgrade`` and ``run`` create one, so a mistyped ``storage.database_url`` says where it
    looked instead of showing an empty product."""
    from callbot.tickets.db import require_database as require

    require(config.storage.effective_database_url)


def print_result(data: Any, as_json: bool, text: str) -> None:
    """``data`` as indented JSON when ``as_json``, else ``text``."""
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def mask_url(url: str) -> str:
    """A database URL fit to print: its password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


_TRANSCRIPTION_MARKS = {
    "pending": "(transcribing)",
    "failed": "(not transcribed)",
    "no_speech": "(no speech)",
}


def outcome_text(t: dict[str, Any]) -> str:
    """``complete / completed``, ``no speech``: how the call ended, for one line."""
    parts = [" / ".join(p for p in (t.get("outcome"), t.get("end_reason")) if p)]
    if t.get("no_speech"):
        parts.append("no speech")
    return ", ".join(p for p in parts if p)


def ticket_text(t: dict[str, Any]) -> str:
    """A ticket (as ``TicketRecord.to_dict`` gives it) with its answers, for a person."""
    outcome = outcome_text(t)
    lines = [
        f"ticket {t['number']} (id {t['id']}): {t['status']}{' - ' + outcome if outcome else ''}",
        f"  caller {t['caller_number'] or '-'} {t['caller_name'] or ''}".rstrip(),
        f"  created {t['created_at']}  {t.get('channel', 'call')} {t['channel_uniqueid']}",
    ]
    if t.get("callback_number"):
        lines.insert(2, f"  call back {t['callback_number']} ({t.get('callback_source')})")
    for a in t.get("answers", []):
        lines.append(
            f"  {a['step']:<10} {a['duration_seconds']:6.2f} s  {a['ended_by']:<10}"
            f" {a['audio_path'] or '(written, no audio)'}"
        )
        state = a.get("transcription", "pending")
        if state == "done":
            lines.append(f"             {a['transcript']!r}  [{a.get('asr_model') or '?'}]")
        else:
            error = f": {a['transcription_error']}" if a.get("transcription_error") else ""
            lines.append(f"             {_TRANSCRIPTION_MARKS.get(state, state)}{error}")
    return "\n".join(lines)
