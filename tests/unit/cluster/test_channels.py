"""Which calls are over by Asterisk's list of channels (pure: AMI events in, uniqueids out)."""

from __future__ import annotations

from callbot.cluster.channels import ChannelWatch, channels_in_bot

EVENTS = [
    {"Event": "CoreShowChannel", "Uniqueid": "1.1", "Context": "callbot-agi", "Application": "AGI"},
    {
        "Event": "CoreShowChannel",
        "Uniqueid": "1.2",
        "Context": "callbot-queue",
        "Application": "Queue",
    },
    {"Event": "CoreShowChannel", "Uniqueid": "1.3", "Context": "callbot-bot", "Application": "Set"},
    {"Event": "CoreShowChannelsComplete", "ListItems": "3"},
]


def test_a_channel_is_in_the_bot_while_in_its_contexts() -> None:
    assert channels_in_bot(EVENTS) == {"1.1": True, "1.2": False, "1.3": True}


def test_a_call_is_over_once_gone_or_out_of_the_bot_for_the_grace() -> None:
    watch = ChannelWatch(grace=10)
    channels = channels_in_bot(EVENTS)
    calls = ["1.1", "1.2", "1.3", "1.4"]  # 1.4: no channel any more
    assert watch.over(calls, channels, now=100.0) == []  # just seen: the node may finish it
    assert watch.over(calls, channels, now=105.0) == []
    assert watch.over(calls, channels, now=110.0) == ["1.2", "1.4"]
    # 1.2 came back into the bot (pressed 1 in the queue): forgotten, counted again after
    back = {**channels, "1.2": True}
    assert watch.over(calls, back, now=111.0) == ["1.4"]
    assert watch.over(calls, channels, now=112.0) == ["1.4"]
    assert watch.over(calls, channels, now=122.0) == ["1.2", "1.4"]


def test_a_call_no_ticket_holds_any_more_is_forgotten() -> None:
    watch = ChannelWatch(grace=5)
    assert watch.over(["2.1"], {}, now=0.0) == []
    assert watch.over([], {}, now=1.0) == []  # its ticket was finished meanwhile
    assert watch.over(["2.1"], {}, now=6.0) == []  # a new sighting starts the grace again
