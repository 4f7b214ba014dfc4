"""The public side's pure parts with a clock of their own: sliding windows, the form's time
tokens and signed references, the proof of work (ALTCHA), the client's address."""

from __future__ import annotations

from callbot.public.antibot import FormTokens, ProofOfWork, TokenCheck
from callbot.public.limits import SlidingWindow
from callbot.public.security import client_address
from tests.support.public import solve


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_sliding_window_counts_what_is_recent_and_says_when_to_come_back() -> None:
    clock = Clock()
    window = SlidingWindow(60.0, cap=5, clock=clock)
    for second in range(3):
        clock.now += 10
        assert window.add("a") == second + 1
    assert window.count("a") == 3 and window.count("b") == 0
    assert window.retry_after("a", 3) == 40  # the first of the three leaves at +70
    clock.now += 41
    assert window.count("a") == 2 and window.retry_after("a", 3) == 0
    for _ in range(10):
        window.add("a")
    assert window.count("a") == 5  # at most cap kept


def test_form_tokens_are_signed_and_timed() -> None:
    clock = Clock()
    tokens = FormTokens(b"s" * 32, min_fill_seconds=3, max_age_seconds=3600, clock=clock)
    token = tokens.issue()
    assert tokens.check(token).result == TokenCheck.TOO_FAST
    clock.now += 5
    checked = tokens.check(token)
    assert checked.result == TokenCheck.OK and len(checked.nonce) == 24
    assert (
        tokens.check(token[:-1] + ("0" if token[-1] != "0" else "1")).result == TokenCheck.INVALID
    )
    other = FormTokens(b"t" * 32, min_fill_seconds=3, max_age_seconds=3600, clock=clock)
    assert other.check(token).result == TokenCheck.INVALID  # another secret
    for bad in (None, "", "a.b", "1.2.3", "x" * 5000):
        assert tokens.check(bad).result == TokenCheck.INVALID
    clock.now += 3600
    assert tokens.check(token).result == TokenCheck.EXPIRED
    ref = tokens.sign("0123abcd")
    assert tokens.unsign(ref) == "0123abcd" and other.unsign(ref) is None
    assert tokens.unsign("0123abcd.nope") is None and tokens.unsign(None) is None


def test_a_proof_of_work_solution_counts_once_and_only_ours() -> None:
    pow_ = ProofOfWork(b"k" * 32, max_number=2000)
    challenge = pow_.challenge()
    assert challenge["maxNumber"] == 2000 and "expires=" in challenge["salt"]
    payload = solve(challenge)
    assert pow_.verify(payload) and not pow_.verify(payload)
    stranger = ProofOfWork(b"z" * 32, max_number=2000)
    assert not stranger.verify(solve(pow_.challenge()))
    for bad in (None, "", "not base64!", "e30=", "x" * 3000):
        assert not pow_.verify(bad)


def test_the_clients_address_is_the_peer_unless_behind_a_trusted_proxy() -> None:
    scope = {"client": ("10.0.0.5", 1234), "headers": [(b"x-forwarded-for", b"1.2.3.4, 5.6.7.8")]}
    assert client_address(scope, trust_forwarded=False) == "10.0.0.5"
    assert client_address(scope, trust_forwarded=True) == "5.6.7.8"
    assert client_address({"headers": []}, trust_forwarded=False) == "unknown"
