"""FastAGI script ``route``: operators' queue or callbot, for a caller who pressed 2.

The dialplan passes the free-member and waiting counts it computed itself
(``QUEUE_MEMBER(queue,free)``, ``QUEUE_WAITING_COUNT(queue)``). The AMI monitor's live view is
preferred; when AMI is down or not yet synced, the dialplan's counts decide. Either way the
answer is one channel variable, ``CALLBOT_DESTINATION``; if this script is not reachable at all
the variable stays empty and the dialplan sends the caller to the queue. With several nodes,
the dialplan says how long the call waited on nodes that did not answer before this one
(``CALLBOT_AGI_WAITED``): a figure of its own (``failover_ms``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from callbot.metrics import Metrics
from callbot.pbx import variables
from callbot.pbx.agi import AgiChannel
from callbot.pbx.queue_monitor import QueueMonitor
from callbot.pbx.queue_policy import RouteDecision, decide_counts

log = logging.getLogger(__name__)

FAILOVER_LOG_MS = 100  # a caller who waited this long on dead nodes is worth a warning


@dataclass(frozen=True)
class Router:
    """What the route script needs: the live queue view, the overflow policy, the figures."""

    monitor: QueueMonitor | None
    max_waiting: int  # queue.max_waiting: overflow when more callers than this wait
    metrics: Metrics = field(default_factory=Metrics)


def _count(args: list[str], index: int) -> int | None:
    try:
        return int(args[index])
    except (IndexError, ValueError):
        return None


def decide(router: Router, args: list[str]) -> tuple[RouteDecision, str]:
    """Decision and its source ("ami" or "dialplan")."""
    max_waiting = router.max_waiting
    if router.monitor is not None:
        decision = router.monitor.decision()
        if decision is not None:
            return decision, "ami"
    free, waiting = _count(args, 0), _count(args, 1)
    if free is None:
        # Neither AMI nor the dialplan could count: the queue is the safe default.
        return RouteDecision(
            overflow=False, reason="no_information", free=-1, waiting=-1, members=-1
        ), "none"
    return decide_counts(free, waiting or 0, max_waiting), "dialplan"


def handle(channel: AgiChannel, router: Router) -> None:
    """Set ``CALLBOT_DESTINATION`` for a caller who pressed 2: the queue or the callbot."""
    started = time.perf_counter()
    waited = channel.get_variable(variables.AGI_WAITED)  # on nodes that did not answer
    decision, source = decide(router, channel.args)
    destination = variables.DEST_CALLBOT if decision.overflow else variables.DEST_QUEUE
    channel.set_variable(variables.ROUTE_REASON, f"{source}:{decision.reason}")
    channel.set_variable(variables.DESTINATION, destination)
    elapsed_ms = (time.perf_counter() - started) * 1000
    log.info(
        "route: %s (%s, %s; free=%d waiting=%d) in %.1f ms",
        destination,
        source,
        decision.reason,
        decision.free,
        decision.waiting,
        elapsed_ms,
    )
    failover_ms = int(waited) if waited.isdigit() else 0
    if failover_ms >= FAILOVER_LOG_MS:
        log.warning("route: this call waited %d ms on nodes that did not answer", failover_ms)
    router.metrics.record(
        "route",
        ms=elapsed_ms,
        destination=destination,
        source=source,
        reason=decision.reason,
        failover_ms=failover_ms,
    )
