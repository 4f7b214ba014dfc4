"""The ``callback`` step: the number to call the caller back on, offered in one sentence.

When the number calling (its caller ID) is a Vietnamese number, the prompt offers it: nothing
to press (1 says yes too); within ``Script.offer_wait_ms`` after it the caller may start typing
another number instead. Without a usable number calling, the step's ``short_prompt`` asks for
one. A typed number ends with # or a pause (Vietnamese numbers start with 0, so while typing
0 is a digit, not the queue); it is read back in groups and confirmed: 1 (or nothing) keeps
it, 2 asks for the number again. A number that is not Vietnamese
(:func:`callbot.understanding.phone.normalize_vn_number`) is refused with
``callback_invalid``. The question is asked at most ``Script.max_retries`` + 1 times (*
playing it again counts); if no try gave a number, the number calling is kept when there is
one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.dialog.steps import Step
from callbot.understanding.phone import normalize_vn_number

if TYPE_CHECKING:
    from callbot.dialog.turns import Turns

MAX_TYPED_DIGITS = 13  # 0084 + 9 digits


def callback_number(engine: Turns, step: Step) -> None:
    """The number calling, offered; or the caller types a number and #, read back, confirmed."""
    script = engine.script
    digits = "0123456789#" + script.repeat_key
    caller = normalize_vn_number(engine.sink.caller_number())
    prompt = step.prompt if caller or not step.short_prompt else step.short_prompt
    for _ in range(script.max_retries + 1):
        key = engine.play(prompt, digits)
        if key == script.repeat_key:
            continue
        if not key:
            wait = script.offer_wait_ms if caller else script.digit_timeout_ms
            key = engine.call.wait_digit(wait)
        if key in ("", script.yes_key):
            if caller:
                engine.sink.callback(caller, "caller_id")
                return
            if not key:
                continue
            engine.play("callback_invalid", script.to_queue_key)
            continue
        typed = _collect_digits(engine, key)
        number = normalize_vn_number(typed)
        if number is None:
            engine.play("callback_invalid", script.to_queue_key)
            continue
        if _confirm_number(engine, number):
            engine.sink.callback(number, "typed")
            return
    if caller:
        engine.sink.callback(caller, "caller_id")


def _collect_digits(engine: Turns, first: str) -> str:
    """The digits typed from ``first`` on, up to # or a pause (at most ``MAX_TYPED_DIGITS``)."""
    typed = "" if first == "#" else first
    while len(typed) < MAX_TYPED_DIGITS and first != "#":
        key = engine.call.wait_digit(engine.script.digit_timeout_ms)
        if key in ("", "#"):
            break
        if key.isdigit():
            typed += key
    return typed


def _confirm_number(engine: Turns, number: str) -> bool:
    """Read ``number`` back digit by digit; whether the caller kept it (anything but 2)."""
    script = engine.script
    keys = script.yes_key + script.again_key
    key = engine.play("callback_readback", script.to_queue_key + keys)
    if not key:
        key = engine.call.play_digits(number, script.to_queue_key + keys)
    if not key:
        key = engine.prompt("confirm_keys", keys)
    if not key:
        key = engine.call.wait_digit(script.offer_wait_ms)  # nothing: keep it
    engine.leave_on_queue_key(key)
    return key != script.again_key
