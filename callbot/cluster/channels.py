"""Which tickets in call belong to calls that are over, by Asterisk's own list of channels.

A node that dies mid-call leaves its tickets ``in_call``; :mod:`callbot.cluster.takeover`
finishes them once the node is known dead (it stopped, or was silent for a lease). Asterisk
knows sooner: the channel of a call the bot no longer runs is gone (hung up) or has left the
bot's dialplan (the dialplan sends a caller whose FastAGI connection broke to the operators'
queue). Every few seconds the server lists the channels over AMI (``CoreShowChannels``) and
asks :class:`ChannelWatch` which tickets' calls are over; a call still in the bot
(``[callbot-agi]``, where the FastAGI scripts run, on whichever node) is left alone. A call
counts as over only after it has looked so for ``grace`` seconds, so the node that serves it
finishes its own ticket first when it can (a caller who hangs up, one sent to the queue).

Pure: AMI events in, uniqueids out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Where a channel runs the bot: the FastAGI subroutine and the context that calls it.
BOT_CONTEXTS = frozenset({"callbot-agi", "callbot-bot"})


def channels_in_bot(events: Iterable[Mapping[str, str]]) -> dict[str, bool]:
    """uniqueid -> whether that channel is in the bot, from ``CoreShowChannels``' events
    (``CoreShowChannel``: ``Uniqueid``, ``Context``, ``Application``...)."""
    found: dict[str, bool] = {}
    for event in events:
        if event.get("Event") != "CoreShowChannel":
            continue
        uniqueid = event.get("Uniqueid", "")
        if uniqueid:
            found[uniqueid] = event.get("Context", "") in BOT_CONTEXTS
    return found


class ChannelWatch:
    """Remembers since when each call in a ticket has looked over (see the module)."""

    def __init__(self, grace: float) -> None:
        self.grace = grace
        self._since: dict[str, float] = {}  # uniqueid -> monotonic time it first looked over

    def over(self, calls: Iterable[str], channels: Mapping[str, bool], now: float) -> list[str]:
        """Of ``calls`` (the uniqueids of tickets in call), those whose channel has been gone
        or out of the bot for ``grace`` seconds, as of ``now`` (monotonic seconds)."""
        result: list[str] = []
        seen: dict[str, float] = {}
        for uniqueid in calls:
            if channels.get(uniqueid, False):
                continue
            first = self._since.get(uniqueid, now)
            seen[uniqueid] = first
            if now - first >= self.grace:
                result.append(uniqueid)
        self._since = seen  # calls finished or back in the bot are forgotten
        return result
